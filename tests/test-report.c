/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Closing a reported period: the workbook as sent, the lock, reasons for later edits. */
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "styrkort-locale.h"
#include "styrkort-demo.h"
#include "styrkort-import.h"
#include "styrkort-report.h"
#include "styrkort-workbook.h"
#include "styrkort-xlsx.h"
#include "test-util.h"

static const StyrkortPeriod t2 = { 2026, 2 };

typedef struct {
  char *path;
  StyrkortProject *project;
  StyrkortIndicator *consultants;
  gint64 unit;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) units = NULL;

  f->path = test_path ("demo.styrkort");
  file = g_file_new_for_path (f->path);
  f->project = styrkort_demo_create (file, 2019, &error);
  g_assert_no_error (error);
  f->consultants = styrkort_project_find_indicator (f->project, "consultants");
  units = styrkort_project_list_units (f->project);
  f->unit = ((StyrkortUnit *) units->pdata[0])->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->consultants, styrkort_indicator_free);
  if (f->project != NULL)
    styrkort_project_close (f->project);
  g_clear_object (&f->project);
  g_free (f->path);
}

static gboolean
set_consultants (Fixture *f, StyrkortPeriod period, double value, GError **error)
{
  StyrkortValue v;

  styrkort_value_init (&v);
  v.indicator_id = f->consultants->id;
  v.unit_id = f->unit;
  v.period = period;
  v.value = value;
  return styrkort_project_set_value (f->project, &v, error);
}

static double
consultants (Fixture *f, StyrkortPeriod period)
{
  g_autoptr(StyrkortValue) v = styrkort_project_get_value (f->project, f->consultants->id, f->unit, period);
  return v != NULL ? v->value : NAN;
}

/* The Data sheet's consultants figure of the first unit in @period, read back from @xlsx. */
static double
consultants_in_workbook (Fixture *f, const char *xlsx, StyrkortPeriod period)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) book = styrkort_xlsx_open (xlsx, &error);
  g_autoptr(StyrkortSheet) data = styrkort_xlsx_read_sheet (book, "Data", &error);
  g_autoptr(GPtrArray) units = styrkort_project_list_units (f->project);
  const char *unit_name = ((StyrkortUnit *) units->pdata[0])->name;

  g_assert_no_error (error);
  for (guint r = 1; r < data->rows->len; r++)
    if (styrkort_sheet_cell (data, r, 1)->number == period.year &&
        styrkort_sheet_cell (data, r, 2)->number == period.tertial &&
        g_strcmp0 (styrkort_sheet_cell (data, r, 3)->text, unit_name) == 0 &&
        g_strcmp0 (styrkort_sheet_cell (data, r, 5)->text, "consultants") == 0)
      return styrkort_sheet_cell (data, r, 6)->number;
  return NAN;
}

static void
test_mark_lock_and_reexport (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = test_path ("sent.xlsx");
  g_autofree char *again = test_path ("again.xlsx");
  g_autofree char *sent_sum = NULL, *again_sum = NULL;
  double before = consultants (f, t2);

  g_assert_false (styrkort_project_is_reported (f->project, t2));
  g_assert_true (styrkort_report_mark (f->project, t2, sent, &error));
  g_assert_no_error (error);
  g_assert_true (styrkort_project_is_reported (f->project, t2));
  g_assert_cmpfloat (consultants_in_workbook (f, sent, t2), ==, before);
  /* What was done before the report cannot be undone over it. */
  g_assert_false (styrkort_project_can_undo (f->project));

  /* Locked: the edit is refused and nothing changes. */
  g_assert_false (set_consultants (f, t2, before + 5, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_REPORTED);
  g_assert_nonnull (strstr (error->message, "2026 T2"));
  g_clear_error (&error);
  g_assert_cmpfloat (consultants (f, t2), ==, before);

  /* Other periods are open. */
  g_assert_true (set_consultants (f, (StyrkortPeriod) { 2026, 1 }, 7, &error));
  g_assert_no_error (error);
  g_autoptr(StyrkortReport) unchanged = styrkort_project_get_report (f->project, t2);
  g_assert_false (unchanged->changed);

  /* Unlocked with a reason: the edit is kept, with its reason, and flagged. */
  styrkort_project_unlock_period (f->project, t2, "HR corrected the figure");
  g_assert_true (set_consultants (f, t2, before + 5, &error));
  g_assert_no_error (error);
  g_autoptr(StyrkortReport) report = styrkort_project_get_report (f->project, t2);
  g_assert_true (report->changed);
  g_autoptr(GPtrArray) changes = styrkort_project_list_report_changes (f->project, t2);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((StyrkortReportChange *) changes->pdata[0])->reason, ==, "HR corrected the figure");
  g_assert_cmpstr (((StyrkortReportChange *) changes->pdata[0])->summary, ==, "Enter figure");
  test_saved (f->project);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM report_change WHERE reason = 'HR corrected the figure'"
                                          " AND year = 2026 AND tertial = 2"), ==, 1);

  /* Locked again, the next change is refused again. */
  styrkort_project_lock_period (f->project, t2);
  g_assert_false (set_consultants (f, t2, before + 6, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_REPORTED);
  g_clear_error (&error);

  /* The reported workbook comes back byte for byte, with the old figure. */
  g_assert_true (styrkort_report_export (f->project, t2, again, &error));
  g_assert_no_error (error);
  sent_sum = test_checksum (sent);
  again_sum = test_checksum (again);
  g_assert_cmpstr (again_sum, ==, sent_sum);
  g_assert_cmpfloat (consultants_in_workbook (f, again, t2), ==, before);

  /* Undoing the later edit clears the flag again. */
  g_assert_true (styrkort_project_undo (f->project, &error));
  g_autoptr(StyrkortReport) undone = styrkort_project_get_report (f->project, t2);
  g_assert_false (undone->changed);
  g_assert_cmpfloat (consultants (f, t2), ==, before);
}

static void
test_survives_reopening (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);

  g_assert_true (styrkort_report_mark (f->project, t2, NULL, &error));
  styrkort_project_close (f->project);
  g_clear_object (&f->project);

  f->project = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (styrkort_project_is_reported (f->project, t2));
  g_assert_false (styrkort_project_can_undo (f->project));
  g_assert_false (set_consultants (f, t2, 42, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_REPORTED);
  g_autoptr(GPtrArray) reports = styrkort_project_list_reports (f->project);
  g_assert_cmpuint (reports->len, ==, 1);
}

/* Removing a unit would remove its reported figures too: that needs the reason as well. */
static void
test_unit_removal_is_guarded (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 values = test_sql_int (f->path, "SELECT count(*) FROM indicator_value");

  g_assert_true (styrkort_report_mark (f->project, t2, NULL, &error));
  g_assert_false (styrkort_project_remove_unit (f->project, f->unit, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_REPORTED);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM indicator_value"), ==, values);
}

/* An import into a reported period needs a reason; without one nothing is written. */
static void
test_import_into_reported_period (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = styrkort_project_list_units (f->project);
  g_autofree char *csv = test_path ("late.csv");
  g_autofree char *content = g_strdup_printf ("Enhet;Period;Nyckeltal;Värde\n%s;2026 T2;consultants;9\n"
                                              "%s;2026 T1;consultants;8\n",
                                              ((StyrkortUnit *) units->pdata[0])->name,
                                              ((StyrkortUnit *) units->pdata[0])->name);
  double before = consultants (f, t2);

  test_write_bytes (csv, content, strlen (content));
  g_assert_true (styrkort_report_mark (f->project, t2, NULL, &error));
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (csv, NULL, &error);
  g_autoptr(StyrkortImportMapping) mapping = styrkort_import_mapping_guess (f->project, source);
  g_autoptr(StyrkortImportPlan) plan = styrkort_import_plan_new (f->project, source, mapping, &error);
  g_assert_no_error (error);
  styrkort_import_plan_set_conflicts (plan, STYRKORT_IMPORT_REPLACE);
  g_autoptr(GArray) reported = styrkort_import_plan_reported_periods (plan);
  g_assert_cmpuint (reported->len, ==, 1);
  g_assert_cmpint (g_array_index (reported, StyrkortPeriod, 0).tertial, ==, 2);

  g_assert_false (styrkort_import_plan_apply (plan, NULL, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_REPORTED);
  g_clear_error (&error);
  g_assert_cmpfloat (consultants (f, t2), ==, before);
  g_assert_cmpfloat (consultants (f, (StyrkortPeriod) { 2026, 1 }), !=, 8);

  g_assert_true (styrkort_import_plan_apply (plan, "Late figures from HR", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (consultants (f, t2), ==, 9);
  g_autoptr(GPtrArray) changes = styrkort_project_list_report_changes (f->project, t2);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((StyrkortReportChange *) changes->pdata[0])->reason, ==, "Late figures from HR");

  /* The period is locked again: a later edit by hand asks for its own reason. */
  g_assert_false (styrkort_project_is_unlocked (f->project, t2));
  g_assert_false (set_consultants (f, t2, 10, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_REPORTED);
  g_clear_error (&error);
  g_assert_cmpfloat (consultants (f, t2), ==, 9);
}

/* An import that fails leaves the reported period locked as well. */
static void
test_failed_import_locks_again (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = styrkort_project_list_units (f->project);
  g_autofree char *csv = test_path ("late.csv");
  g_autofree char *content = g_strdup_printf ("Enhet;Period;Nyckeltal;Värde\n%s;2026 T2;consultants;9\n",
                                              ((StyrkortUnit *) units->pdata[0])->name);

  test_write_bytes (csv, content, strlen (content));
  g_assert_true (styrkort_report_mark (f->project, t2, NULL, &error));
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (csv, NULL, &error);
  g_autoptr(StyrkortImportMapping) mapping = styrkort_import_mapping_guess (f->project, source);
  g_autoptr(StyrkortImportPlan) plan = styrkort_import_plan_new (f->project, source, mapping, &error);
  g_assert_no_error (error);
  styrkort_import_plan_set_conflicts (plan, STYRKORT_IMPORT_REPLACE);
  /* The file was closed meanwhile (the window closed it, say): the import fails. */
  styrkort_project_close (f->project);
  g_assert_false (styrkort_import_plan_apply (plan, "Late figures from HR", &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO);
  g_assert_false (styrkort_project_is_unlocked (f->project, t2));
}

static void
test_export_of_unreported_period (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = test_path ("none.xlsx");

  g_assert_false (styrkort_report_export (f->project, t2, out, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

#ifndef G_OS_WIN32
/* The Data sheet's values of @xlsx as openpyxl reads them, one line per row;
 * NULL when openpyxl refuses the file. */
static char *
data_sheet_values (const char *xlsx)
{
  const char *code = "import openpyxl, sys\n"
                     "ws = openpyxl.load_workbook(sys.argv[1])['Data']\n"
                     "print('\\n'.join(repr(r) for r in ws.iter_rows(values_only=True)))\n";
  char *argv[] = { (char *) "/usr/bin/python3", (char *) "-c", (char *) code, (char *) xlsx, NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL));
  if (status != 0)
    g_clear_pointer (&out, g_free);
  return out;
}

/* A workbook kept by Styrkort 0.1 on a Swedish PC has decimal commas: it is
 * recognised, the bytes as sent stay, and a corrected copy reads right. */
static void
test_decimal_commas_recognised (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = test_path ("sent.xlsx"), *fresh = test_path ("fresh.xlsx");
  g_autofree char *corrected = styrkort_report_corrected_path (sent);
  g_autofree char *kept_sum = NULL, *sent_sum = NULL, *want = NULL, *got = NULL;
  g_autoptr(GBytes) kept = NULL;

  g_assert_cmpstr (corrected + strlen (corrected) - strlen ("sent (korrigerad).xlsx"), ==, "sent (korrigerad).xlsx");
  /* As libxlsxwriter wrote it before the locale was fixed. */
  g_assert_nonnull (setlocale (LC_NUMERIC, "sv_SE.UTF-8"));
  g_assert_true (styrkort_report_mark (f->project, t2, NULL, &error));
  styrkort_locale_init ();
  g_assert_no_error (error);
  g_assert_true (styrkort_report_has_decimal_commas (f->project, t2));

  g_assert_true (styrkort_report_export (f->project, t2, sent, &error));
  kept = styrkort_project_get_report_workbook (f->project, t2);
  kept_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, kept);
  sent_sum = test_checksum (sent);
  g_assert_cmpstr (kept_sum, ==, sent_sum);
  g_assert_true (styrkort_report_export_corrected (f->project, t2, corrected, &error));
  g_assert_no_error (error);

  /* The corrected copy holds what a workbook of today holds. */
  g_assert_true (styrkort_workbook_export (f->project, t2, fresh, &error));
  want = data_sheet_values (fresh);
  got = data_sheet_values (corrected);
  g_assert_nonnull (want);
  g_assert_nonnull (strstr (want, "."));
  g_assert_cmpstr (got, ==, want);
  g_assert_false (styrkort_report_has_decimal_commas (f->project, (StyrkortPeriod) { 2026, 1 }));

  /* The CLI says so and writes the copy beside the bytes as sent. */
  styrkort_project_close (f->project);
  {
    g_autofree char *cli_out = test_path ("cli.xlsx");
    g_autofree char *cli_copy = styrkort_report_corrected_path (cli_out);
    g_autofree char *err = NULL;
    int status = 0;
    char *argv[] = { (char *) g_getenv ("STYRKORT_CLI"), (char *) "export-reported", f->path, cli_out,
                     (char *) "--year", (char *) "2026", (char *) "--tertial", (char *) "2", NULL };
    g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "decimal commas"));
    g_assert_true (g_file_test (cli_copy, G_FILE_TEST_EXISTS));
    g_autofree char *cli_sum = NULL;
    cli_sum = test_checksum (cli_out);
    g_assert_cmpstr (cli_sum, ==, sent_sum);
  }
}
#endif

static void
on_marked_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  styrkort_report_mark_finish (STYRKORT_PROJECT (source), result, data);
  g_object_set_data (source, "marked", GINT_TO_POINTER (1));
}

/* Marked from the window: the workbook is made in a thread from the
 * district as it was when asked, and kept when it comes back; an edit made
 * meanwhile is not in it. */
static void
test_mark_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *sent = test_path ("kept.xlsx");
  double before = consultants (f, t2);

  styrkort_report_mark_async (f->project, t2, NULL, on_marked_cb, &error);
  g_assert_false (styrkort_project_is_reported (f->project, t2));
  g_assert_true (set_consultants (f, t2, before + 5, &error));
  while (g_object_get_data (G_OBJECT (f->project), "marked") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_true (styrkort_project_is_reported (f->project, t2));
  g_assert_true (styrkort_report_export (f->project, t2, sent, &error));
  g_assert_cmpfloat (consultants_in_workbook (f, sent, t2), ==, before);
  /* A read-only file says so, through the callback. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);
    g_autoptr(StyrkortProject) reader = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY, &error);
    g_autoptr(GError) refused = NULL;
    g_assert_no_error (error);
    styrkort_report_mark_async (reader, t2, NULL, on_marked_cb, &refused);
    while (g_object_get_data (G_OBJECT (reader), "marked") == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (refused, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY);
  }
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  ADD ("/core/report/mark-lock-and-reexport", test_mark_lock_and_reexport);
  ADD ("/core/report/survives-reopening", test_survives_reopening);
  ADD ("/core/report/mark-async", test_mark_async);
  ADD ("/core/report/unit-removal-is-guarded", test_unit_removal_is_guarded);
  /* Simulates libxlsxwriter under an sv_SE LC_NUMERIC (glibc) and reads the
   * result with openpyxl: Linux only. */
#ifndef G_OS_WIN32
  ADD ("/core/report/decimal-commas-recognised", test_decimal_commas_recognised);
#endif
  ADD ("/core/report/failed-import-locks-again", test_failed_import_locks_again);
  ADD ("/core/report/import-into-reported-period", test_import_into_reported_period);
  ADD ("/core/report/export-of-unreported-period", test_export_of_unreported_period);
  return g_test_run ();
}
