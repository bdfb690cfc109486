/* SPDX-License-Identifier: GPL-3.0-or-later */
/* StyrkortSheet: the cells read from a workbook or a CSV file, kept within
 * the limits of styrkort-sheet-private.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-sheet-private.h"
#include "styrkort-types.h"

/* Rows without cells all hold one shared empty array, so a cell in row
 * 1,048,576 costs a pointer per row above it, not an array. */
typedef struct {
  StyrkortSheet sheet;
  GArray *empty;
  guint64 n_cells;
  guint64 text_bytes;
} Sheet;

static void
cell_clear (StyrkortCell *cell)
{
  g_clear_pointer (&cell->text, g_ref_string_release);
}

static GArray *
row_new (void)
{
  GArray *cells = g_array_new (FALSE, TRUE, sizeof (StyrkortCell));
  g_array_set_clear_func (cells, (GDestroyNotify) cell_clear);
  return cells;
}

static GArray *
row_at (Sheet *self, guint row)
{
  GPtrArray *rows = self->sheet.rows;

  while (rows->len <= row)
    g_ptr_array_add (rows, g_array_ref (self->empty));
  if (rows->pdata[row] == self->empty)
    {
      g_array_unref (self->empty);
      rows->pdata[row] = row_new ();
    }
  return rows->pdata[row];
}

static StyrkortSheetLimit
check_limits (const Sheet *self, guint row, guint column, const StyrkortCell *cell)
{
  GPtrArray *rows = self->sheet.rows;
  guint length = row < rows->len ? ((GArray *) rows->pdata[row])->len : 0;

  if (row >= STYRKORT_SHEET_MAX_ROWS)
    return STYRKORT_SHEET_TOO_MANY_ROWS;
  if (column >= STYRKORT_SHEET_MAX_COLUMNS)
    return STYRKORT_SHEET_TOO_MANY_COLUMNS;
  if (column >= length && self->n_cells + (column + 1 - length) > STYRKORT_SHEET_MAX_CELLS)
    return STYRKORT_SHEET_TOO_MANY_CELLS;
  if (cell->text != NULL &&
      self->text_bytes + g_ref_string_length (cell->text) > STYRKORT_MB (STYRKORT_SHEET_MAX_TEXT_MB))
    return STYRKORT_SHEET_TOO_MUCH_TEXT;
  return STYRKORT_SHEET_WITHIN_LIMITS;
}

StyrkortSheetLimit
_styrkort_sheet_store (StyrkortSheet *sheet, guint row, guint column, StyrkortCell *cell)
{
  Sheet *self = (Sheet *) sheet;
  StyrkortSheetLimit limit = check_limits (self, row, column, cell);
  StyrkortCell *slot;
  GArray *cells;

  if (limit != STYRKORT_SHEET_WITHIN_LIMITS)
    {
      cell_clear (cell);
      return limit;
    }
  cells = row_at (self, row);
  if (cells->len <= column)
    {
      self->n_cells += column + 1 - cells->len;
      g_array_set_size (cells, column + 1);
    }
  slot = &g_array_index (cells, StyrkortCell, column);
  if (slot->text != NULL)
    self->text_bytes -= g_ref_string_length (slot->text);
  cell_clear (slot);
  *slot = *cell;
  if (cell->text != NULL)
    self->text_bytes += g_ref_string_length (cell->text);
  cell->text = NULL;
  return STYRKORT_SHEET_WITHIN_LIMITS;
}

static const char *
limit_message (StyrkortSheetLimit limit, gboolean csv)
{
  /* The numbers are spelled out for the translators' thousands separators;
   * they are the STYRKORT_SHEET_MAX_* limits. */
  switch (limit)
    {
    case STYRKORT_SHEET_TOO_MANY_ROWS:
      return csv ? _("The file has more than 1,048,576 rows, more than a workbook can hold.")
                 : _("The sheet “%s” has more than 1,048,576 rows, more than a workbook can hold.");
    case STYRKORT_SHEET_TOO_MANY_COLUMNS:
      return csv ? _("The file has more than 16,384 columns, more than a workbook can hold.")
                 : _("The sheet “%s” has more than 16,384 columns, more than a workbook can hold.");
    case STYRKORT_SHEET_TOO_MANY_CELLS:
      return csv ? _("The file has more than 2,000,000 cells, more than Styrkort reads.")
                 : _("The sheet “%s” has more than 2,000,000 cells, more than Styrkort reads.");
    case STYRKORT_SHEET_TOO_MUCH_TEXT:
    case STYRKORT_SHEET_WITHIN_LIMITS:
    default:
      return csv ? _("The file holds more than 128 MB of text, more than Styrkort reads.")
                 : _("The sheet “%s” holds more than 128 MB of text, more than Styrkort reads.");
    }
}

void
_styrkort_sheet_limit_error (StyrkortSheetLimit limit, const char *sheet_name, GError **error)
{
  const char *format = limit_message (limit, sheet_name == NULL);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, format, sheet_name);
#pragma GCC diagnostic pop
}

StyrkortSheet *
styrkort_sheet_new (void)
{
  Sheet *self = g_new0 (Sheet, 1);
  self->sheet.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->empty = row_new ();
  return &self->sheet;
}

void
styrkort_sheet_put (StyrkortSheet *sheet, guint row, guint column, StyrkortCell cell)
{
  StyrkortSheetLimit limit = _styrkort_sheet_store (sheet, row, column, &cell);
  g_return_if_fail (limit == STYRKORT_SHEET_WITHIN_LIMITS);
}

void
styrkort_sheet_free (StyrkortSheet *sheet)
{
  Sheet *self = (Sheet *) sheet;

  if (sheet == NULL)
    return;
  g_ptr_array_unref (self->sheet.rows);
  g_array_unref (self->empty);
  g_free (self);
}

const StyrkortCell *
styrkort_sheet_cell (const StyrkortSheet *sheet, guint row, guint column)
{
  static const StyrkortCell empty = { STYRKORT_CELL_EMPTY, 0, NULL };
  GArray *cells;

  if (row >= sheet->rows->len)
    return &empty;
  cells = sheet->rows->pdata[row];
  return column < cells->len ? &g_array_index (cells, StyrkortCell, column) : &empty;
}
