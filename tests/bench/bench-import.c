/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to import figures: a CSV of 40 units × 10 years × 3 tertials × 9
 * indicators (10,800 rows) into an empty district, from reading the file to
 * the committed transaction; and the preview alone of the same file once it
 * is stored (every row compared with the stored figure). Min and median, ms. */
#include <glib/gstdio.h>

#include "styrkort-locale.h"
#include "styrkort-import.h"

#define RUNS 5

static const char *codes[] = {
  "turnover", "consultants", "vfu_places", "threat_incidents", "headcount", "sick_leave", "user_survey",
  "cases_per_caseworker", "staff_per_manager",
};

static int
compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static char *
write_csv (const char *folder)
{
  g_autoptr(GString) csv = g_string_new ("Enhet;År;Tertial;Nyckeltal;Värde\n");
  char *path = g_build_filename (folder, "HR-uttag.csv", NULL);
  GRand *rand = g_rand_new_with_seed (1);

  for (int u = 0; u < 40; u++)
    for (int y = 2016; y < 2026; y++)
      for (int t = 1; t <= 3; t++)
        for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
          g_string_append_printf (csv, "Enhet %d;%d;%d;%s;%d,%d\n", u, y, t, codes[c],
                                  g_rand_int_range (rand, 0, 30), g_rand_int_range (rand, 0, 10));
  g_rand_free (rand);
  g_file_set_contents (path, csv->str, (gssize) csv->len, NULL);
  return path;
}

/* Reads @csv, plans against @project and, if @apply, stores it; returns ms. */
static double
import_once (StyrkortProject *project, const char *csv, gboolean apply)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (csv, NULL, NULL);
  g_autoptr(StyrkortImportMapping) mapping = styrkort_import_mapping_guess (project, source);
  g_autoptr(StyrkortImportPlan) plan = styrkort_import_plan_new (project, source, mapping, NULL);

  if (plan == NULL || (apply && !styrkort_import_plan_apply (plan, NULL, NULL)))
    g_error ("the import failed");
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (void)
{
  g_autofree char *folder = g_dir_make_tmp ("styrkort-bench-XXXXXX", NULL);
  g_autofree char *csv = write_csv (folder);
  double applied[RUNS], previewed[RUNS];

  styrkort_locale_init (); /* as the app does */
  g_setenv ("XDG_DATA_HOME", folder, TRUE);
  for (int r = 0; r < RUNS; r++)
    {
      g_autofree char *db = g_strdup_printf ("%s/district-%d.styrkort", folder, r);
      g_autoptr(GFile) file = g_file_new_for_path (db);
      g_autoptr(StyrkortProject) project = styrkort_project_create (file, "Bänk", NULL);
      applied[r] = import_once (project, csv, TRUE);
      previewed[r] = import_once (project, csv, FALSE);
    }
  qsort (applied, RUNS, sizeof (double), compare);
  qsort (previewed, RUNS, sizeof (double), compare);
  g_print ("%-34s %9s %9s\n", "import", "min ms", "median");
  g_print ("%-34s %9.1f %9.1f\n", "import 10,800 CSV rows, 40 units", applied[0], applied[RUNS / 2]);
  g_print ("%-34s %9.1f %9.1f\n", "preview of them again (all stored)", previewed[0], previewed[RUNS / 2]);
  return 0;
}
