/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the shared-strings parser (xl/sharedStrings.xml) fed
 * directly. Every string it keeps is UTF-8 and fits in a cell. */
#include <stdint.h>

#include "styrkort-types.h"
#include "styrkort-xlsx-private.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strings = _styrkort_xlsx_parse_strings ((const char *) data, size, &error);

  if (strings == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);
  g_assert (strings->len <= STYRKORT_XLSX_MAX_STRINGS);
  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = strings->pdata[i];
      g_assert (g_utf8_validate (text, -1, NULL));
      g_assert (g_utf8_strlen (text, -1) <= STYRKORT_CELL_MAX_CHARS);
      g_assert (g_ref_string_length ((char *) text) == strlen (text));
    }
  return 0;
}
