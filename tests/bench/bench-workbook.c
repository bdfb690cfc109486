/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to export the T2 workbook for the demo district and for a large one
 * (30 units, 10 years of tertials): min and median of repeated runs, in ms.
 * Target: 100 ms or less for the demo. Prints the paths of the workbooks for
 * tests/bench/workbook.sh, which times LibreOffice on the same files. */
#include <glib/gstdio.h>

#include "styrkort-locale.h"
#include "styrkort-demo.h"
#include "styrkort-workbook.h"

#define RUNS 15

static int
compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
measure (const char *name, StyrkortProject *p, StyrkortPeriod period, const char *out)
{
  double times[RUNS];
  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      if (!styrkort_workbook_export (p, period, out, &error))
        g_error ("%s", error->message);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare);
  g_print ("%-30s %9.1f %9.1f   %s\n", name, times[0], times[RUNS / 2], out);
}

static StyrkortProject *
large (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StyrkortProject *p = styrkort_project_create (file, "Stora stadsdelen", &error);
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (p);
  gint64 units[30];

  styrkort_project_begin_group (p, "Bench", NULL);
  for (int u = 0; u < 30; u++)
    {
      g_autofree char *name = g_strdup_printf ("Enhet %02d", u);
      units[u] = styrkort_project_add_unit (p, name, 1 + u % 6, NULL);
    }
  for (StyrkortPeriod q = { 2016, 1 }; q.year < 2026; q = styrkort_period_next (q))
    for (guint i = 0; i < indicators->len; i++)
      for (int u = 0; u < 30; u++)
        {
          StyrkortValue v;
          styrkort_value_init (&v);
          v.indicator_id = ((StyrkortIndicator *) indicators->pdata[i])->id;
          v.unit_id = units[u];
          v.period = q;
          v.numerator = u + q.tertial;
          v.denominator = 40;
          v.value = u * 1.5;
          styrkort_project_set_value (p, &v, NULL);
        }
  styrkort_project_end_group (p, NULL);
  return p;
}

int
main (int argc, char **argv)
{
  const char *folder = argc > 1 ? argv[1] : g_get_tmp_dir ();
  g_autofree char *demo_path = g_build_filename (folder, "bench-demo.styrkort", NULL);
  g_autofree char *large_path = g_build_filename (folder, "bench-large.styrkort", NULL);
  g_autofree char *demo_out = g_build_filename (folder, "bench-demo.xlsx", NULL);
  g_autofree char *large_out = g_build_filename (folder, "bench-large.xlsx", NULL);
  g_autoptr(GFile) demo_file = g_file_new_for_path (demo_path);
  g_autoptr(StyrkortProject) demo = NULL, big = NULL;

  styrkort_locale_init (); /* as the app does */
  g_setenv ("XDG_DATA_HOME", folder, TRUE);
  g_remove (demo_path);
  g_remove (large_path);
  demo = styrkort_demo_create (demo_file, STYRKORT_DEMO_SEED, NULL);
  big = large (large_path);
  g_print ("%-30s %9s %9s\n", "workbook export", "min ms", "median");
  measure ("demo district", demo, styrkort_demo_last_period (), demo_out);
  measure ("30 units, 10 years", big, (StyrkortPeriod) { 2025, 2 }, large_out);
  return 0;
}
