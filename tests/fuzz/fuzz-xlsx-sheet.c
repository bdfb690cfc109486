/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the worksheet XML parser fed directly, not through the
 * zip (where most inputs would fail the checksum). Whatever it reads stays
 * within the sheet limits, and a failure says why. */
#include <stdint.h>

#include "styrkort-types.h"
#include "styrkort-xlsx-private.h"
#include "fuzz-target.h"

static GPtrArray *
shared_strings (void)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release);
  g_ptr_array_add (strings, g_ref_string_new ("Enhet"));
  g_ptr_array_add (strings, g_ref_string_new ("Enheten för vuxna"));
  g_ptr_array_add (strings, g_ref_string_new (""));
  return strings;
}

static void
check_sheet (const StyrkortSheet *sheet)
{
  guint64 cells = 0;

  g_assert (sheet->rows->len <= STYRKORT_SHEET_MAX_ROWS);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      GArray *row = sheet->rows->pdata[r];
      g_assert (row->len <= STYRKORT_SHEET_MAX_COLUMNS);
      cells += row->len;
      for (guint c = 0; c < row->len; c++)
        {
          const StyrkortCell *cell = styrkort_sheet_cell (sheet, r, c);
          g_assert ((cell->text != NULL) == (cell->type == STYRKORT_CELL_TEXT || cell->type == STYRKORT_CELL_ERROR));
          g_assert (cell->text == NULL || g_utf8_strlen (cell->text, -1) <= STYRKORT_CELL_MAX_CHARS);
        }
    }
  g_assert (cells <= STYRKORT_SHEET_MAX_CELLS);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GPtrArray) strings = shared_strings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortSheet) sheet = _styrkort_xlsx_parse_sheet ((const char *) data, size, strings, "Data", &error);

  if (sheet == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);
  check_sheet (sheet);
  return 0;
}
