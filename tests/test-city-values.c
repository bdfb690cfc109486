/* SPDX-License-Identifier: GPL-3.0-or-later */
/* City values back to the districts: the central office's merged workbook
 * imported into a district file gives the city value of each indicator and
 * period and the district's place among the districts; the workbook
 * recogniser; schema 5 and its migration from 4. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "styrkort-chart-data.h"
#include "styrkort-city.h"
#include "styrkort-figure-rules.h"
#include "styrkort-import.h"
#include "styrkort-locale.h"
#include "styrkort-project.h"
#include "styrkort-schema-check.h"
#include "styrkort-tertial-report.h"
#include "styrkort-workbook.h"
#include "styrkort-workbook-kind.h"
#include "test-util.h"

static const StyrkortPeriod T = { 2025, 2 };
static char *city_path;     /* the merged workbook of Norr, Mitt and Söder */
static char *files[3];      /* their district files */

static gint64
indicator_id (StyrkortProject *p, const char *code)
{
  g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (p, code);
  return ind->id;
}

/* A district with one unit: turnover from its base, VFU places and headcount. */
static char *
make_district (const char *name, double left, double staff, double vfu)
{
  g_autofree char *file_name = g_strdup_printf ("%s.styrkort", name);
  char *path = test_path (file_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, name, &error);
  gint64 unit = styrkort_project_add_unit (p, "Enheten för barn och familj", 1, &error);
  const char *codes[] = { "turnover", "vfu_places", "headcount" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      StyrkortValue v;
      styrkort_value_init (&v);
      v.indicator_id = indicator_id (p, codes[i]);
      v.unit_id = unit;
      v.period = T;
      if (i == 0)
        {
          v.numerator = left;
          v.denominator = staff;
        }
      else
        v.value = i == 1 ? vfu : staff;
      g_assert_true (styrkort_project_set_value (p, &v, &error));
    }
  styrkort_project_close (p);
  return path;
}

/* Made once: three districts and the city workbook the central office merges. */
static void
make_city (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortCity) city = styrkort_city_new (&error);

  files[0] = make_district ("Norr", 5, 50, 4);   /* 10 % */
  files[1] = make_district ("Mitt", 2, 40, 6);   /* 5 % */
  files[2] = make_district ("Söder", 9, 60, 2);  /* 15 % */
  for (guint i = 0; i < 3; i++)
    {
      styrkort_city_add (city, files[i], &error);
      g_assert_no_error (error);
    }
  city_path = test_path ("Stadsöversikt-2025-T2.xlsx");
  g_assert_true (styrkort_city_export (city, T, city_path, &error));
  g_assert_no_error (error);
}

static StyrkortProject *
open_copy (guint district, const char *name)
{
  g_autofree char *path = test_path (name);
  g_autoptr(GFile) from = g_file_new_for_path (files[district]);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StyrkortProject *p;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  p = styrkort_project_open (to, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  return p;
}

static StyrkortImportPlan *
plan_for (StyrkortProject *p, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (path, NULL, &error);
  g_autoptr(StyrkortImportMapping) mapping = NULL;
  StyrkortImportPlan *plan;

  g_assert_no_error (error);
  mapping = styrkort_import_mapping_for_file (p, source, NULL);
  plan = styrkort_import_plan_new (p, source, mapping, &error);
  g_assert_no_error (error);
  return plan;
}

static const StyrkortImportRow *
row_of (StyrkortImportPlan *plan, gint64 indicator)
{
  GPtrArray *rows = styrkort_import_plan_rows (plan);

  for (guint i = 0; i < rows->len; i++)
    if (((StyrkortImportRow *) rows->pdata[i])->value.indicator_id == indicator)
      return rows->pdata[i];
  g_assert_not_reached ();
}

static void
test_kind (void)
{
  g_autofree char *district = test_path ("Mitt.xlsx");
  g_autofree char *csv = test_path ("hr.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = open_copy (1, "Mitt-kind.styrkort");
  const char *paths[] = { city_path, district, csv };
  StyrkortWorkbookKind kinds[] = { STYRKORT_WORKBOOK_CITY, STYRKORT_WORKBOOK_DISTRICT, STYRKORT_WORKBOOK_OTHER };

  g_assert_true (styrkort_workbook_export (p, T, district, &error));
  test_write_bytes (csv, "Enhet;Period;Nyckeltal;Värde\nA;2025 T2;VFU-platser;3\n", 50);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (paths[i], NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (source->kind, ==, kinds[i]);
    }
  /* From the sheets alone: no Om is another program's; a Data sheet naming
   * two districts is merged whatever Om says. */
  {
    g_autoptr(StyrkortSheet) about = styrkort_sheet_new (), data = styrkort_sheet_new ();
    g_assert_cmpint (styrkort_workbook_kind (NULL, NULL), ==, STYRKORT_WORKBOOK_OTHER);
    g_assert_cmpint (styrkort_workbook_kind (about, NULL), ==, STYRKORT_WORKBOOK_OTHER);
    styrkort_sheet_put (about, 0, 0, (StyrkortCell) { STYRKORT_CELL_TEXT, 0, g_ref_string_new ("Dataformat (bladet Data)") });
    styrkort_sheet_put (about, 0, 1, (StyrkortCell) { STYRKORT_CELL_NUMBER, 1, NULL });
    g_assert_cmpint (styrkort_workbook_kind (about, NULL), ==, STYRKORT_WORKBOOK_DISTRICT);
    styrkort_sheet_put (data, 1, 0, (StyrkortCell) { STYRKORT_CELL_TEXT, 0, g_ref_string_new ("Norr") });
    styrkort_sheet_put (data, 2, 0, (StyrkortCell) { STYRKORT_CELL_TEXT, 0, g_ref_string_new ("Norr") });
    g_assert_cmpint (styrkort_workbook_kind (about, data), ==, STYRKORT_WORKBOOK_DISTRICT);
    styrkort_sheet_put (data, 3, 0, (StyrkortCell) { STYRKORT_CELL_TEXT, 0, g_ref_string_new ("Söder") });
    g_assert_cmpint (styrkort_workbook_kind (about, data), ==, STYRKORT_WORKBOOK_CITY);
  }
}

static void
test_import (void)
{
  g_autoptr(StyrkortProject) p = open_copy (2, "Söder-import.styrkort");
  g_autoptr(StyrkortImportPlan) plan = plan_for (p, city_path);
  g_autoptr(GError) error = NULL;
  gint64 turnover = indicator_id (p, "turnover"), vfu = indicator_id (p, "vfu_places");
  gint64 headcount = indicator_id (p, "headcount");
  const StyrkortImportRow *row;
  StyrkortCityValue city;
  guint n = 0;
  gboolean found = FALSE;

  /* Not "another district" row by row: the city's values, one per indicator. */
  g_assert_true (styrkort_import_plan_is_city (plan, &n, &found));
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (found);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 3);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_REJECTED), ==, 0);
  g_assert_cmpuint (styrkort_import_plan_n_writes (plan), ==, 3);
  row = row_of (plan, turnover);
  g_assert_true (row->city);
  g_assert_cmpfloat_with_epsilon (row->value.value, 16.0 / 150 * 100, 1e-9); /* all leavers ÷ all staff */
  g_assert_cmpuint (row->place, ==, 3);  /* lower turnover is better: Söder's 15 % is last */
  g_assert_cmpuint (row->places, ==, 3);
  /* A count's city value is the districts' median, on a district's scale
   * (the city's sum, 12, is many times any district's figure). */
  row = row_of (plan, vfu);
  g_assert_cmpfloat (row->value.value, ==, 4);
  g_assert_cmpuint (row->place, ==, 3);  /* more places is better: 6, 4, then Söder’s 2 */
  row = row_of (plan, headcount);
  g_assert_cmpfloat (row->value.value, ==, 50);
  g_assert_cmpuint (row->place, ==, 0);  /* no direction is better: no place */

  g_assert_false (styrkort_project_get_city_value (p, turnover, T, &city));
  g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (styrkort_project_get_city_value (p, turnover, T, &city));
  g_assert_cmpfloat_with_epsilon (city.value, 16.0 / 150 * 100, 1e-9);
  g_assert_cmpuint (city.place, ==, 3);
  g_assert_cmpuint (city.places, ==, 3);
  g_assert_true (styrkort_project_get_city_value (p, vfu, T, &city));
  g_assert_cmpuint (city.place, ==, 3);

  /* One undo step takes all of it back, redo brings it again. */
  {
    g_autofree char *summary = styrkort_project_undo_summary (p);
    g_assert_nonnull (strstr (summary, "Stadsöversikt-2025-T2.xlsx"));
  }
  g_assert_true (styrkort_project_undo (p, &error));
  g_assert_false (styrkort_project_get_city_value (p, turnover, T, &city));
  g_assert_false (styrkort_project_get_city_value (p, vfu, T, &city));
  {
    g_autoptr(GPtrArray) units = styrkort_project_list_units (p);
    g_autoptr(StyrkortValue) mine = styrkort_project_get_value (p, vfu, ((StyrkortUnit *) units->pdata[0])->id, T);
    g_assert_cmpfloat (mine->value, ==, 2); /* the district's own figures untouched */
  }
  g_assert_true (styrkort_project_redo (p, &error));
  g_assert_true (styrkort_project_get_city_value (p, turnover, T, &city));
  g_assert_cmpuint (city.place, ==, 3);

  /* Beside the city line: the district's place, in the chart of units, its
   * description for screen readers, and the trend's city line. */
  {
    g_autoptr(StyrkortChart) units = styrkort_chart_new_units (p, turnover, T);
    g_autoptr(StyrkortChart) trend = styrkort_chart_new_trend (p, turnover, T, 3);
    g_autofree char *text = styrkort_chart_describe (units);
    g_autofree char *place = styrkort_format_place (3, 3);
    gboolean named = FALSE;
    g_assert_nonnull (units->reference_note);
    g_assert_nonnull (strstr (units->reference_note, place));
    g_assert_nonnull (strstr (text, units->reference_note));
    for (guint i = 0; i < trend->series->len; i++)
      named |= strstr (((StyrkortChartSeries *) trend->series->pdata[i])->name, place) != NULL;
    g_assert_true (named);
  }

  /* The tertial report's key figures give it beside the city's value. */
  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *pdf = test_path ("rapport.pdf");
    g_autofree char *place = styrkort_format_place (3, 3);
    g_autofree char *out = NULL;
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
    int status = 0;

    g_assert_true (styrkort_tertial_report_write (p, T, pdf, &error));
    g_assert_no_error (error);
    if (pdftotext != NULL)
      {
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                                     &status, &error));
        g_assert_nonnull (strstr (out, place));
      }
  }

  /* Again: nothing new. A value typed by hand differs, with the place said. */
  {
    g_autoptr(StyrkortImportPlan) again = plan_for (p, city_path);
    g_assert_cmpuint (styrkort_import_plan_count (again, STYRKORT_IMPORT_ROW_SAME), ==, 3);
    g_assert_cmpuint (styrkort_import_plan_n_writes (again), ==, 0);
  }
  city = (StyrkortCityValue) { turnover, T, 10.6, NAN, NAN, 0, 0 };
  g_assert_true (styrkort_project_set_city_value (p, &city, &error));
  {
    g_autoptr(StyrkortImportPlan) again = plan_for (p, city_path);
    g_autoptr(StyrkortIndicator) ind = styrkort_project_get_indicator (p, turnover);
    g_autofree char *change = NULL;
    g_assert_cmpuint (styrkort_import_plan_count (again, STYRKORT_IMPORT_ROW_CONFLICT), ==, 1);
    row = row_of (again, turnover);
    g_assert_cmpint (row->state, ==, STYRKORT_IMPORT_ROW_CONFLICT);
    change = styrkort_import_row_describe_change (ind, row);
    g_test_message ("%s", change);
    g_assert_nonnull (strstr (change, "→"));
    g_assert_cmpuint (row->old_place, ==, 0);
    g_assert_cmpuint (styrkort_import_plan_n_writes (again), ==, 0);
    styrkort_import_plan_set_conflicts (again, STYRKORT_IMPORT_REPLACE);
    g_assert_cmpuint (styrkort_import_plan_n_writes (again), ==, 1);
  }
}

/* A district the workbook does not merge gets the city values without a place. */
static void
test_other_district (void)
{
  g_autofree char *path = test_path ("Väster.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Väster", &error);
  g_autoptr(StyrkortImportPlan) plan = plan_for (p, city_path);
  gboolean found = TRUE;

  g_assert_true (styrkort_import_plan_is_city (plan, NULL, &found));
  g_assert_false (found);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 3);
  g_assert_cmpuint (row_of (plan, indicator_id (p, "turnover"))->places, ==, 0);
}

static int
run_cli (char **out, const char *command, const char *file, const char *in, const char *option)
{
  g_auto(GStrv) env = g_environ_setenv (g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE),
                                        "LANGUAGE", "", TRUE);
  const char *argv[] = { g_getenv ("STYRKORT_CLI"), command, file, in, option, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_clear_pointer (out, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", *out);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static void
test_cli (void)
{
  g_autofree char *path = test_path ("Mitt-cli.styrkort");
  g_autofree char *out = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (files[1]);
  g_autoptr(GFile) to = g_file_new_for_path (path);

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  g_assert_cmpint (run_cli (&out, "import", path, city_path, "--dry-run"), ==, 0);
  g_assert_nonnull (strstr (out, "is the city’s merged workbook of 3 districts"));
  g_assert_nonnull (strstr (out, "New city figures: 3. Already stored: 0."));
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM city_value"), ==, 0);
  g_assert_cmpint (run_cli (&out, "import", path, city_path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "City figures imported: 3."));
  /* Mitt has the lowest turnover and the most VFU places: first of three in both. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM city_value WHERE place = 1 AND places = 3"), ==, 2);
  g_assert_cmpint (run_cli (&out, "import", path, city_path, "--dry-run"), ==, 0);
  g_assert_nonnull (strstr (out, "New city figures: 0. Already stored: 3."));
}

/* Data format 1 (the export time as text) is still read, by the city
 * overview and by the import; format 2 gives the time as a date. */
static void
test_data_format_1 (void)
{
  g_autofree char *v2 = test_path ("Norr.xlsx");
  g_autofree char *v1 = test_path ("Norr-format-1.xlsx");
  const char *script =
    "import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nfor r in wb['Om'].iter_rows():\n"
    "  if r[0].value=='Dataformat (bladet Data)': r[1].value=1\n"
    "  if r[0].value=='Exporterad': r[1].value='2025-09-01T10:00:00Z'; r[1].number_format='General'\n"
    "wb.save(sys.argv[2])\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, v2, v1, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortCity) city = styrkort_city_new (&error);
  g_autoptr(StyrkortProject) p = open_copy (0, "Norr-format.styrkort");
  StyrkortCitySource *source;
  int status = 0;

  g_assert_true (styrkort_workbook_export (p, T, v2, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  source = styrkort_city_add (city, v2, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (source->exported, "Z"));
  styrkort_city_remove (city, source);
  source = styrkort_city_add (city, v1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source->exported, ==, "2025-09-01T10:00:00Z");
  g_assert_cmpuint (source->rows->len, ==, 3);
  /* Imported back into its district: the same figures. */
  {
    g_autoptr(StyrkortImportPlan) plan = plan_for (p, v1);
    g_assert_false (styrkort_import_plan_is_city (plan, NULL, NULL));
    g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_SAME), ==, 3);
  }
}

static void
test_migrate_v4 (void)
{
  g_autofree char *path = test_path ("Fjärde.styrkort");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "v4.styrkort", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = NULL;
  StyrkortCityValue city;
  gint64 turnover;

  g_assert_true (g_file_copy (source, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 4);
  p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (styrkort_project_get_opened_version (p), ==, 4);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, STYRKORT_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_table_info('city_value')"
                                       " WHERE name IN ('place', 'places')"), ==, 2);
  /* The city value typed in version 4 is there, without a place; one can be kept now. */
  turnover = indicator_id (p, "turnover");
  g_assert_true (styrkort_project_get_city_value (p, turnover, T, &city));
  g_assert_cmpfloat (city.value, ==, 10.6);
  g_assert_cmpuint (city.place, ==, 0);
  city.place = 4;
  city.places = 14;
  g_assert_true (styrkort_project_set_city_value (p, &city, &error));
  g_assert_no_error (error);
  /* A place outside its count is refused. */
  city.place = 15;
  g_assert_false (styrkort_project_set_city_value (p, &city, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_clear_object (&p);
  g_assert_cmpint (test_sql_int (path, "SELECT place * 100 + places FROM city_value"), ==, 414);
  g_clear_error (&error);
  g_assert_true (styrkort_project_check (file, &error));
  g_assert_no_error (error);
}

/* A period only the district itself reported: the city workbook's "city
 * value" for it would be the district's own figure, and is not imported. */
static void
test_own_figure_only (void)
{
  static const StyrkortPeriod earlier = { 2025, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortCity) city = styrkort_city_new (&error);
  g_autofree char *merged = test_path ("Stadsöversikt-egen.xlsx");
  g_autoptr(StyrkortProject) p = open_copy (2, "Söder-egen.styrkort");
  g_autoptr(StyrkortImportPlan) plan = NULL;
  g_autoptr(GPtrArray) units = styrkort_project_list_units (p);
  gint64 turnover = indicator_id (p, "turnover");
  StyrkortCityValue stored;
  StyrkortValue v;

  styrkort_value_init (&v);
  v.indicator_id = turnover;
  v.unit_id = ((StyrkortUnit *) units->pdata[0])->id;
  v.period = earlier;
  v.numerator = 3;
  v.denominator = 60;
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  g_assert_no_error (error);
  styrkort_city_add (city, files[0], &error);
  {
    g_autofree char *own = g_file_get_path (styrkort_project_get_file (p));
    styrkort_city_add (city, own, &error);
  }
  g_assert_no_error (error);
  g_assert_true (styrkort_city_export (city, T, merged, &error));

  plan = plan_for (p, merged);
  for (guint i = 0; i < styrkort_import_plan_rows (plan)->len; i++)
    {
      const StyrkortImportRow *row = styrkort_import_plan_rows (plan)->pdata[i];
      g_assert_false (styrkort_period_compare (row->value.period, earlier) == 0);
    }
  g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (styrkort_project_get_city_value (p, turnover, earlier, &stored));
  g_assert_true (styrkort_project_get_city_value (p, turnover, T, &stored)); /* two districts: a city value */
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  make_city ();
  g_test_add_func ("/core/city-values/kind", test_kind);
  g_test_add_func ("/core/city-values/import", test_import);
  g_test_add_func ("/core/city-values/other-district", test_other_district);
  g_test_add_func ("/core/city-values/own-figure-only", test_own_figure_only);
  g_test_add_func ("/core/city-values/cli", test_cli);
  test_add_python_func ("/core/city-values/data-format-1", test_data_format_1);
  g_test_add_func ("/core/city-values/migrate-v4", test_migrate_v4);
  return g_test_run ();
}
