/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the Swedish number parser behind every number field.
 * Whatever it accepts must format and parse back to the same number. */
#include <math.h>
#include <stdint.h>

#include "styrkort-number.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  double value;

  if (styrkort_parse_number (text, &value, &error))
    {
      g_assert (error == NULL);
      if (!isnan (value))
        {
          g_autofree char *shown = styrkort_format_number (value, 6, STYRKORT_NUMBER_SWEDISH);
          double again;
          g_assert (styrkort_parse_number (shown, &again, NULL));
          g_assert (fabs (again - value) <= fabs (value) * 1e-9 + 1e-6);
        }
    }
  else
    g_assert (error != NULL);
  return 0;
}
