/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a district workbook for the city overview
 * must be refused with an error or read, never crash. */
#include <glib/gstdio.h>
#include <stdint.h>

#include "styrkort-city.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static char *path;
  static StyrkortCity *city;
  g_autoptr(GError) error = NULL;
  StyrkortCitySource *source;

  if (path == NULL)
    {
      path = g_build_filename (g_get_tmp_dir (), "styrkort-fuzz-data.xlsx", NULL);
      city = styrkort_city_new (NULL);
    }
  g_file_set_contents (path, (const char *) data, (gssize) size, NULL);
  source = styrkort_city_add (city, path, &error);
  if (source != NULL)
    {
      g_autoptr(GArray) periods = styrkort_city_list_periods (city);
      if (periods->len > 0)
        styrkort_city_total (city, "turnover", g_array_index (periods, StyrkortPeriod, 0));
      styrkort_city_remove (city, source);
    }
  else
    g_assert (error != NULL && error->message != NULL);
  return 0;
}
