/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One scripted session, for tests/check-locales.py to run in two locales
 * and compare: create a district, type figures with decimals, undo and
 * redo, import a CSV, export the workbook, mark the period as reported, and
 * merge two districts' workbooks into a city workbook.
 *   locale-run OUTDIR */
#include <glib/gstdio.h>
#include <math.h>

#include "styrkort-city.h"
#include "styrkort-demo.h"
#include "styrkort-import.h"
#include "styrkort-locale.h"
#include "styrkort-report.h"
#include "styrkort-workbook.h"

static const StyrkortPeriod t2 = { 2026, 2 };

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static void
set_figure (StyrkortProject *p, const char *code, gint64 unit, double value, double numerator, double denominator)
{
  g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (p, code);
  g_autoptr(GError) error = NULL;
  StyrkortValue v;

  styrkort_value_init (&v);
  v.indicator_id = ind->id;
  v.unit_id = unit;
  v.period = t2;
  v.value = value;
  v.numerator = numerator;
  v.denominator = denominator;
  check (styrkort_project_set_value (p, &v, &error), error);
}

/* Figures typed with decimals, some changed and undone, some redone. */
static void
type_figures (StyrkortProject *p, gint64 a, gint64 b)
{
  g_autoptr(StyrkortIndicator) sick = styrkort_project_find_indicator (p, "sick_leave");
  StyrkortCityValue city = { sick->id, t2, 6.85, NAN, NAN, 0, 0 };
  g_autoptr(GError) error = NULL;

  set_figure (p, "turnover", a, NAN, 3, 24.5);
  set_figure (p, "turnover", b, NAN, 1.5, 11.25);
  set_figure (p, "sick_leave", a, NAN, 1234.5, 14720.25);
  set_figure (p, "sick_leave", b, 7.125, NAN, NAN);
  set_figure (p, "cases_per_caseworker", a, NAN, 101.5, 3.5);
  check (styrkort_project_set_city_value (p, &city, &error), error);
  /* 24,5 → 25, undone: 24,5 again; redone and undone once more. */
  set_figure (p, "turnover", a, NAN, 3, 25);
  check (styrkort_project_undo (p, &error), error);
  check (styrkort_project_redo (p, &error), error);
  check (styrkort_project_undo (p, &error), error);
}

static void
import_csv (StyrkortProject *p, const char *folder)
{
  g_autofree char *csv = g_build_filename (folder, "hr.csv", NULL);
  const char *content = "Enhet;Period;Nyckeltal;Värde;Kvinnor;Män\n"
                        "Enheten för vuxna;2026 T2;headcount;24,5;14,5;10\n"
                        "Enheten för äldre;2026 T2;headcount;12.75;;\n"
                        "Enheten för äldre;2026 T1;staff_per_manager;9,875;;\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortImportSource) source = NULL;
  g_autoptr(StyrkortImportMapping) mapping = NULL;
  g_autoptr(StyrkortImportPlan) plan = NULL;

  check (g_file_set_contents (csv, content, -1, &error), error);
  source = styrkort_import_source_open (csv, NULL, &error);
  check (source != NULL, error);
  mapping = styrkort_import_mapping_guess (p, source);
  plan = styrkort_import_plan_new (p, source, mapping, &error);
  check (plan != NULL, error);
  check (styrkort_import_plan_apply (plan, NULL, &error), error);
}

static char *
out (const char *folder, const char *name)
{
  return g_build_filename (folder, name, NULL);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = NULL, demo = NULL;
  g_autoptr(GFile) file = NULL, demo_file = NULL;
  g_autoptr(StyrkortCity) city = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  g_autofree char *db = NULL, *xlsx = NULL, *sent = NULL, *demo_db = NULL, *demo_xlsx = NULL, *merged = NULL;
  gint64 a, b;

  styrkort_locale_init (); /* as the app does */
  if (argc != 2)
    g_error ("usage: locale-run OUTDIR");
  db = out (argv[1], "Södermalm.styrkort");
  file = g_file_new_for_path (db);
  p = styrkort_project_create (file, "Södermalm", &error);
  check (p != NULL, error);
  operations = styrkort_project_list_operations (p);
  a = styrkort_project_add_unit (p, "Enheten för vuxna", ((StyrkortOperation *) operations->pdata[0])->id, &error);
  b = styrkort_project_add_unit (p, "Enheten för äldre", ((StyrkortOperation *) operations->pdata[1])->id, &error);
  check (a > 0 && b > 0, error);
  type_figures (p, a, b);
  import_csv (p, argv[1]);

  xlsx = out (argv[1], "Södermalm.xlsx");
  sent = out (argv[1], "Södermalm-rapporterad.xlsx");
  check (styrkort_workbook_export (p, t2, xlsx, &error), error);
  check (styrkort_report_mark (p, t2, sent, &error), error);

  demo_db = out (argv[1], "Exempel.styrkort");
  demo_xlsx = out (argv[1], "Exempel.xlsx");
  demo_file = g_file_new_for_path (demo_db);
  demo = styrkort_demo_create (demo_file, STYRKORT_DEMO_SEED, &error);
  check (demo != NULL, error);
  check (styrkort_workbook_export (demo, t2, demo_xlsx, &error), error);

  merged = out (argv[1], "Staden.xlsx");
  city = styrkort_city_new (&error);
  check (city != NULL, error);
  check (styrkort_city_add (city, xlsx, &error) != NULL, error);
  check (styrkort_city_add (city, demo_xlsx, &error) != NULL, error);
  check (styrkort_city_export (city, t2, merged, &error), error);
  return 0;
}
