/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the cells of an xlsx workbook (libzip + GMarkup): the one reader
 * that the import and the city overview share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  STYRKORT_CELL_EMPTY,
  STYRKORT_CELL_NUMBER,
  STYRKORT_CELL_TEXT,
  STYRKORT_CELL_BOOL,
  STYRKORT_CELL_ERROR,   /* #N/A and the like; text holds it */
} StyrkortCellType;

/* NUMBER: the number people see. A percentage is its percent (0.125 shown
 * as 12.5 % is 12.5); a date or time is Excel's serial number, days since
 * 1899-12-30, whether the workbook counts from 1904 or stores ISO dates. */
typedef struct {
  StyrkortCellType type;
  double number;
  char *text;            /* TEXT and ERROR: a GRefString, shared between the
                          * cells that use one shared string; copy it or
                          * g_ref_string_acquire() it to keep it */
} StyrkortCell;

/* Rows of cells; each row a GArray of StyrkortCell from column A, with
 * EMPTY cells where the sheet has none. Row i is the sheet's row i + 1.
 * Rows without cells share one empty array: read the arrays, never change
 * them. Sheets are bounded by the limits in styrkort-xlsx-private.h. */
typedef struct {
  GPtrArray *rows;
} StyrkortSheet;

typedef struct _StyrkortXlsx StyrkortXlsx;

/* Opens @path; a file that is not a workbook, a damaged or incomplete one,
 * or a password-protected one gets an error naming the file and saying so
 * (STYRKORT_ERROR_FOREIGN for a password: it tells how to remove it).
 * A workbook past a limit (rows, columns, cells, text, unpacked size, …)
 * is refused with STYRKORT_ERROR_INVALID and a message naming the limit,
 * by this function or by styrkort_xlsx_read_sheet(). */
StyrkortXlsx        *styrkort_xlsx_open        (const char *path, GError **error);
void                 styrkort_xlsx_free        (StyrkortXlsx *xlsx);
/* The worksheets' names in workbook order (chart sheets hold no cells and
 * are left out). */
const char * const  *styrkort_xlsx_sheet_names (StyrkortXlsx *xlsx);
/* Whether the sheet is hidden in the spreadsheet program. */
gboolean             styrkort_xlsx_sheet_is_hidden (StyrkortXlsx *xlsx, const char *name);
StyrkortSheet       *styrkort_xlsx_read_sheet  (StyrkortXlsx *xlsx, const char *name, GError **error);

StyrkortSheet       *styrkort_sheet_new        (void);
/* Stores @cell (taking its text, a GRefString) at 0-based @row, @column,
 * growing the sheet; @row and @column must be within the limits. */
void                 styrkort_sheet_put        (StyrkortSheet *sheet, guint row, guint column, StyrkortCell cell);
void                 styrkort_sheet_free       (StyrkortSheet *sheet);
/* The cell at 0-based @row, @column; an EMPTY cell when outside the sheet. */
const StyrkortCell  *styrkort_sheet_cell       (const StyrkortSheet *sheet, guint row, guint column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortXlsx, styrkort_xlsx_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortSheet, styrkort_sheet_free)

G_END_DECLS
