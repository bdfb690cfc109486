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

/* Whether a city workbook sheet of @rows rows (header included) fits in a
 * workbook; the error says so when not. */
gboolean _styrkort_city_rows_fit (guint64 rows, GError **error);

/* Renames the finished @part over @path, or removes it and says why not:
 * also when a cell could not be written (a text too long, a row past the
 * last one a sheet can hold), naming the sheet and cell. */
gboolean _styrkort_workbook_finish (lxw_error rc, const char *part, const char *path, GError **error);

G_END_DECLS
