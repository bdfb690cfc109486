/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the parser of xl/workbook.xml (the sheets' names) fed
 * directly. Names and ids come in pairs, UTF-8, within the sheet limit. */
#include <stdint.h>

#include "styrkort-types.h"
#include "styrkort-xlsx-private.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!_styrkort_xlsx_parse_workbook ((const char *) data, size, names, ids, &error))
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);
  g_assert (names->len == ids->len);
  g_assert (names->len <= STYRKORT_XLSX_MAX_SHEETS);
  for (guint i = 0; i < names->len; i++)
    g_assert (g_utf8_validate (names->pdata[i], -1, NULL) && g_utf8_validate (ids->pdata[i], -1, NULL));
  return 0;
}
