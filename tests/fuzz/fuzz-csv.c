/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the CSV reader behind the import. Whatever it reads,
 * every cell it gives back is UTF-8 text, and a failure says why. */
#include <stdint.h>

#include "styrkort-csv.h"
#include "styrkort-types.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortSheet) sheet = styrkort_csv_parse ((const char *) data, size, &error);

  if (sheet == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      GArray *cells = sheet->rows->pdata[r];
      for (guint c = 0; c < cells->len; c++)
        {
          const StyrkortCell *cell = styrkort_sheet_cell (sheet, r, c);
          g_assert (cell->type == STYRKORT_CELL_EMPTY || cell->type == STYRKORT_CELL_TEXT);
          g_assert (cell->type == STYRKORT_CELL_EMPTY || g_utf8_validate (cell->text, -1, NULL));
        }
    }
  return 0;
}
