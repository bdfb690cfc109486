/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The limits of the xlsx and CSV readers, and the xlsx parsers fed XML
 * directly (for the fuzz targets and tests; the app goes through the zip). */
#pragma once

#include "styrkort-xlsx.h"

G_BEGIN_DECLS

/* What a workbook can hold (Excel's own limits) ... */
#define STYRKORT_SHEET_MAX_ROWS       1048576u
#define STYRKORT_SHEET_MAX_COLUMNS    16384u
#define STYRKORT_CELL_MAX_CHARS       32767u
/* ... and in UTF-8 at most 4 bytes per character. */
#define STYRKORT_CELL_MAX_BYTES       (4 * STYRKORT_CELL_MAX_CHARS)
/* What Styrkort reads: far above any file of figures, but a sheet at every
 * limit together stays below ~300 MB of memory. Cells count the EMPTY ones
 * between filled cells of a row, since those take memory too. */
#define STYRKORT_SHEET_MAX_CELLS      2000000u
/* Text in a sheet's cells, each reference to a shared string counted:
 * callers copy cell texts, so this bounds what they can be made to copy. */
#define STYRKORT_SHEET_MAX_TEXT_MB    128u
#define STYRKORT_XLSX_MAX_FILE_MB     100u
/* Unpacked size of a sheet or of the shared strings; workbook.xml and its
 * relationships are much smaller in any real workbook. */
#define STYRKORT_XLSX_MAX_PART_MB     100u
#define STYRKORT_XLSX_MAX_INDEX_MB    10u
/* Deflate reaches ~1000:1 on repeated bytes; spreadsheet XML ~10-50:1.
 * Parts under STYRKORT_XLSX_RATIO_FROM_MB unpacked may pack as they like. */
#define STYRKORT_XLSX_MAX_RATIO       200u
#define STYRKORT_XLSX_RATIO_FROM_MB   4u
/* Sheet XML nests 7 deep (worksheet/sheetData/row/c/is/r/t). */
#define STYRKORT_XLSX_MAX_DEPTH       32u
#define STYRKORT_XLSX_MAX_SHEETS      4096u
#define STYRKORT_XLSX_MAX_STRINGS     2000000u
#define STYRKORT_XLSX_MAX_STRINGS_MB  64u

/* CSV files are read whole into memory, and then once more as UTF-8. */
#define STYRKORT_CSV_MAX_FILE_MB      64u
#define STYRKORT_CSV_MAX_LINE_MB      1u

#define STYRKORT_MB(n) ((guint64) (n) * 1000 * 1000)

typedef enum {
  STYRKORT_SHEET_WITHIN_LIMITS,
  STYRKORT_SHEET_TOO_MANY_ROWS,
  STYRKORT_SHEET_TOO_MANY_COLUMNS,
  STYRKORT_SHEET_TOO_MANY_CELLS,
  STYRKORT_SHEET_TOO_MUCH_TEXT,
} StyrkortSheetLimit;

/* Stores @cell (taking its text, a GRefString) at 0-based @row, @column
 * unless that passes a limit; then releases the text and says which. */
StyrkortSheetLimit _styrkort_sheet_store (StyrkortSheet *sheet, guint row, guint column, StyrkortCell *cell);

/* The message for a passed limit; @sheet_name NULL for a CSV file. */
void _styrkort_sheet_limit_error (StyrkortSheetLimit limit, const char *sheet_name, GError **error);

/* xl/workbook.xml: appends each sheet's name and relationship id (char *). */
gboolean       _styrkort_xlsx_parse_workbook (const char *xml, gsize length, GPtrArray *names, GPtrArray *ids,
                                              GError **error);
/* xl/sharedStrings.xml: the strings as GRefStrings, or NULL and @error. */
GPtrArray     *_styrkort_xlsx_parse_strings  (const char *xml, gsize length, GError **error);
/* A worksheet part; @strings (GRefStrings) may be NULL; @name is for messages. */
StyrkortSheet *_styrkort_xlsx_parse_sheet    (const char *xml, gsize length, GPtrArray *strings, const char *name,
                                              GError **error);

G_END_DECLS
