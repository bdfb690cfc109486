/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a district file must be refused with an
 * error or opened and read, never crash. */
#include <glib/gstdio.h>
#include <stdint.h>

#include "styrkort-project.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static char *path;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StyrkortProject) p = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_build_filename (g_get_tmp_dir (), "styrkort-fuzz-project.styrkort", NULL);
  g_file_set_contents (path, (const char *) data, (gssize) size, NULL);
  file = g_file_new_for_path (path);
  p = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY | STYRKORT_OPEN_NO_BACKUP, &error);
  if (p != NULL)
    {
      g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (p);
      g_autoptr(GPtrArray) units = styrkort_project_list_units (p);
      g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (p);
      g_autoptr(GArray) periods = styrkort_project_list_periods (p);
      for (guint i = 0; i < indicators->len && periods->len > 0; i++)
        styrkort_project_compute_total (p, ((StyrkortIndicator *) indicators->pdata[i])->id,
                                        g_array_index (periods, StyrkortPeriod, 0));
    }
  else
    g_assert (error != NULL && error->message != NULL);
  return 0;
}
