/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the district and the city workbooks share: the machine tables and safe cell writing. */
#pragma once

#include <xlsxwriter.h>

#include "styrkort-data-sheet.h"
#include "styrkort-workbook.h"

G_BEGIN_DECLS

/* Makes rows 0..@last_row of @ws an Excel table with @headers, a frozen
 * header row and an autofilter; a table without data rows gets one blank row. */
void _styrkort_workbook_add_table (lxw_worksheet *ws, const char *name, const char * const *headers, int last_row);

/* One row of the Data table (docs/data-sheet.md). */
void _styrkort_workbook_data_row (lxw_worksheet *ws, int row, const StyrkortDataRow *x);

/* Starts the record of cells that could not be written (this thread's). */
void _styrkort_workbook_begin (void);

/* User text is always written as text, never as a formula; NULL or "" is a blank. */
void _styrkort_workbook_text   (lxw_worksheet *ws, int row, int col, const char *value, lxw_format *format);
/* NAN is a blank cell: missing, never zero. */
void _styrkort_workbook_number (lxw_worksheet *ws, int row, int col, double value, lxw_format *format);
/* An ISO 8601 date ("2026-05-31") or UTC time ("2026-05-31T14:02:00Z") as
 * a real Excel date (a serial number in @format, which must be a date
 * format); text that is neither is written as text, NULL or "" as a blank. */
void _styrkort_workbook_date   (lxw_worksheet *ws, int row, int col, const char *iso, lxw_format *format);
/* Excel's serial number of @iso (days since 1899-12-30, the time a
 * fraction); FALSE when @iso is not a date or a UTC time of that form. */
gboolean _styrkort_workbook_date_serial (const char *iso, double *serial);
/* Keeps why the cell at @row, @col could not be written (@rc, for @value),
 * unless an earlier cell already failed: _styrkort_workbook_finish() then
 * fails the export naming the sheet and cell (styrkort-workbook-cells.c). */
void _styrkort_workbook_note_refusal (lxw_worksheet *ws, int row, int col, lxw_error rc, const char *value);

/* The print layout of one sheet: while it is current, every cell written
 * through _styrkort_workbook_text() and _number() on its sheet is measured
 * (a character-width estimate for Calibri); _styrkort_sheet_layout_end()
 * then sets the columns' widths from their content, the heights of rows
 * whose text wraps or is larger than 11 points (libxlsxwriter does not
 * autofit rows), the print area and the print titles, and frees it.
 * @column_format (may be NULL) is given to every measured column, so that
 * cells written without a format wrap too when it does. */
typedef struct _StyrkortSheetLayout StyrkortSheetLayout;

StyrkortSheetLayout *_styrkort_sheet_layout_begin (lxw_worksheet *ws, lxw_format *column_format);
/* Limits the width of columns @first..@last (in characters of Calibri 11):
 * wrapped text makes a column no wider than @max and no narrower than its
 * longest word; @min applies even to an empty column. */
void _styrkort_sheet_layout_limit (StyrkortSheetLayout *layout, int first, int last, double min, double max);
/* Measures a text written by other means (a merged range, a table header). */
void _styrkort_sheet_layout_note (StyrkortSheetLayout *layout, int row, int first_col, int last_col,
                                  const char *value, lxw_format *format);
/* Prints at least rows 0..@last_row and columns 0..@last_col (a chart's place). */
void _styrkort_sheet_layout_extend (StyrkortSheetLayout *layout, int last_row, int last_col);
/* Applies the layout, repeating @title_row (or none when -1) on each printed page. */
void _styrkort_sheet_layout_end (StyrkortSheetLayout *layout, int title_row);
/* For the cells' writers (styrkort-workbook-cells.c): the layout current in
 * this thread if it is @ws's, else NULL; and a number measured on it. */
StyrkortSheetLayout *_styrkort_sheet_layout_for (lxw_worksheet *ws);
void _styrkort_sheet_layout_number (lxw_worksheet *ws, int row, int col, double value, lxw_format *format);

/* Whether a city workbook sheet of @rows rows (header included) fits in a
 * workbook; the error says so when not. */
gboolean _styrkort_city_rows_fit (guint64 rows, GError **error);

/* Where libxlsxwriter writes a workbook that is to become PATH: beside it,
 * as PATH.part, renamed over it only when complete. On Windows, where the
 * MinGW build of libxlsxwriter 1.1.4 opens its files with fopen() in the
 * ANSI code page (so a folder called "Södermalm" in UTF-8 is not found), it
 * writes to an ASCII name in the temporary folder instead, and
 * _styrkort_workbook_finish() moves the result beside PATH with GIO. */
typedef struct {
  char *part;    /* UTF-8, for GLib */
  char *native;  /* the same file as libxlsxwriter's fopen() takes it */
  char *tmpdir;  /* the folder for libxlsxwriter's own temporary files, likewise */
} StyrkortWorkbookPart;

void _styrkort_workbook_part_init  (StyrkortWorkbookPart *part, const char *path);
void _styrkort_workbook_part_clear (StyrkortWorkbookPart *part);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StyrkortWorkbookPart, _styrkort_workbook_part_clear)

/* Renames the finished @part over @path, or removes it and says why not:
 * also when a cell could not be written (a text too long, a row past the
 * last one a sheet can hold), naming the sheet and cell, and when another
 * program (Excel, on Windows) holds @path open so it cannot be replaced. */
gboolean _styrkort_workbook_finish (lxw_error rc, const StyrkortWorkbookPart *part, const char *path,
                                    GError **error);

G_END_DECLS
