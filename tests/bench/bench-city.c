/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to merge fourteen district workbooks (read every Data and Bedömningar
 * sheet, compute the city values and the slides): min and median, in ms.
 * Target: 1 s or less. */
#include <glib/gstdio.h>

#include "styrkort-locale.h"
#include "styrkort-city.h"
#include "styrkort-demo.h"
#include "styrkort-workbook.h"

#define N 14
#define RUNS 7

static int
compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (void)
{
  g_autofree char *folder = g_dir_make_tmp ("styrkort-bench-XXXXXX", NULL);
  char *paths[N];
  double times[RUNS];

  styrkort_locale_init (); /* as the app does */
  g_setenv ("XDG_DATA_HOME", folder, TRUE);
  for (int i = 0; i < N; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stadsdel %02d", i + 1);
      g_autofree char *db = g_strdup_printf ("%s/%s.styrkort", folder, name);
      g_autoptr(GFile) file = g_file_new_for_path (db);
      g_autoptr(StyrkortProject) p = styrkort_demo_create_named (file, 1000 + i, name, NULL);
      paths[i] = g_strdup_printf ("%s/%s.xlsx", folder, name);
      styrkort_workbook_export (p, styrkort_demo_last_period (), paths[i], NULL);
    }
  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(StyrkortCity) city = styrkort_city_new (NULL);
      g_autoptr(GPtrArray) slides = NULL;
      for (int i = 0; i < N; i++)
        if (styrkort_city_add (city, paths[i], NULL) == NULL)
          g_error ("could not read %s", paths[i]);
      slides = styrkort_city_slides (city, styrkort_demo_last_period ());
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare);
  g_print ("%-34s %9s %9s\n", "city overview", "min ms", "median");
  g_print ("%-34s %9.1f %9.1f\n", "merge 14 district workbooks", times[0], times[RUNS / 2]);
  for (int i = 0; i < N; i++)
    g_free (paths[i]);
  return 0;
}
