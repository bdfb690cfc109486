/* SPDX-License-Identifier: GPL-3.0-or-later */
/* StyrkortSheet: the cells read from a workbook or a CSV file. */
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
 * them. Sheets are bounded by the limits in styrkort-sheet-private.h. */
typedef struct {
  GPtrArray *rows;
} StyrkortSheet;

StyrkortSheet       *styrkort_sheet_new        (void);
/* Stores @cell (taking its text, a GRefString) at 0-based @row, @column,
 * growing the sheet; @row and @column must be within the limits. */
void                 styrkort_sheet_put        (StyrkortSheet *sheet, guint row, guint column, StyrkortCell cell);
void                 styrkort_sheet_free       (StyrkortSheet *sheet);
/* The cell at 0-based @row, @column; an EMPTY cell when outside the sheet. */
const StyrkortCell  *styrkort_sheet_cell       (const StyrkortSheet *sheet, guint row, guint column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortSheet, styrkort_sheet_free)

G_END_DECLS
