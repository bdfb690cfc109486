/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The limits of a StyrkortSheet, which every reader of workbooks and CSV
 * files stores its cells within (styrkort-xlsx-private.h adds the readers'
 * own limits). */
#pragma once

#include "styrkort-sheet.h"

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

G_END_DECLS
