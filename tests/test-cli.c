/* SPDX-License-Identifier: GPL-3.0-or-later */
/* styrkort-cli as a user runs it: output, exit status, and files left untouched on errors. */
#include <xlsxwriter.h>

#include "styrkort-locale.h"
#include "styrkort-project.h"
#include "test-util.h"

static int
run (char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  gboolean spawned;
  va_list args;
  const char *arg;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_ptr_array_add (argv, (char *) g_getenv ("STYRKORT_CLI"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  spawned = g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
#ifdef G_OS_WIN32
  /* Wine now and then fails to start GLib's spawn helper ("Failed to execute
   * helper program (Invalid argument)", 2 of about 8 runs): tried again. */
  for (int again = 0; !spawned && again < 3 && g_error_matches (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED); again++)
    {
      g_clear_error (&error);
      spawned = g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
    }
#endif
  g_assert_no_error (error); /* (says why it failed) */
  g_assert_true (spawned);
  /* The exit status, the same way on Windows and POSIX. */
  if (!g_spawn_check_wait_status (status, &error))
    return g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code) ? error->code : -1;
  return 0;
}

/* In Swedish the CLI speaks Swedish throughout: its labels as well as the
 * catalogue's names (it mixed English labels with Swedish names). */
static void
test_swedish_throughout (void)
{
  g_autofree char *path = test_path ("Stadsdel Sv.styrkort");
  g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { g_getenv ("STYRKORT_CLI"), "info", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (&out, &err, "demo", path, NULL), ==, 0);
  env = g_environ_setenv (env, "LC_ALL", "sv_SE.UTF-8", TRUE);
  env = g_environ_setenv (env, "STYRKORT_LOCALEDIR", po, TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_clear_pointer (&out, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "Handlingsplan:"));
  g_assert_nonnull (strstr (out, "Barn och unga"));
  g_assert_null (strstr (out, "Action plan:"));
  g_assert_null (strstr (out, "Units:"));
}

static void
test_demo_info_check (void)
{
  g_autofree char *path = test_path ("Stadsdel Exempel.styrkort");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "demo", path, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "info", path, NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "Stadsdel Exempel (Stockholm)"));
  g_assert_nonnull (strstr (out, "Units: 5"));
  g_assert_nonnull (strstr (out, "Enheten för barn och familj"));
  g_assert_nonnull (strstr (out, "Periods: 9, from 2023 T3 to 2026 T2"));
  g_assert_nonnull (strstr (out, "Staff turnover"));
  g_assert_nonnull (strstr (out, "Assessments: 96 of 96"));
  g_assert_nonnull (strstr (out, "Steering group: 7 members, 9 meetings"));
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (run (&out, &err, "check", path, NULL), ==, 0);
}

static void
test_info_matches_file (void)
{
  g_autofree char *path = test_path ("e.styrkort");
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;
  gint64 leavers, staff;

  g_assert_cmpint (run (&out, &err, "demo", path, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "info", path, NULL), ==, 0);
  /* The district turnover printed is all leavers over all staff, in the file. */
  leavers = test_sql_int (path, "SELECT sum(numerator) * 1000 FROM indicator_value v JOIN indicator i"
                                " ON i.id = v.indicator_id WHERE code = 'turnover' AND year = 2026 AND tertial = 2");
  staff = test_sql_int (path, "SELECT sum(denominator) * 1000 FROM indicator_value v JOIN indicator i"
                              " ON i.id = v.indicator_id WHERE code = 'turnover' AND year = 2026 AND tertial = 2");
  expected = g_strdup_printf ("%.1f\u00a0%%", (double) leavers / staff * 100);
  g_assert_nonnull (strstr (out, expected));
}

/* Import a CSV, mark a period reported, change it with a reason, and get the sent workbook back. */
static void
test_import_and_reported (void)
{
  g_autofree char *path = test_path ("import.styrkort");
  g_autofree char *csv = test_path ("HR 2026-T2.csv");
  g_autofree char *sent = test_path ("sent.xlsx");
  g_autofree char *again = test_path ("again.xlsx");
  g_autofree char *out = NULL, *err = NULL, *sent_sum = NULL, *again_sum = NULL;
  const char *content = "Enhet;Period;Nyckeltal;V\xe4rde\r\nMottagning;2026 T2;consultants;3\r\n"
                        "Mottagning;2026 T2;consultants;4\r\nMottagning;2026 T2;headcount;tolv\r\n";
  const char *value_sql = "SELECT value FROM indicator_value WHERE year = 2026 AND tertial = 2";

  test_write_bytes (csv, content, strlen (content));
  g_assert_cmpint (run (&out, &err, "new", path, "--district", "Norr", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "import", path, csv, "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "New unit: Mottagning (Financial assistance)")); /* where it goes, said */
  g_assert_nonnull (strstr (err, "Row 3: The same figure is also on row 2."));
  g_assert_nonnull (strstr (err, "Row 4: “tolv” in the column “Värde” is not a number."));
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM indicator_value"), ==, 0);

  g_assert_cmpint (run (&out, &err, "import", path, csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Figures imported: 1."));
  g_assert_cmpint (test_sql_int (path, value_sql), ==, 3);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM import_mapping WHERE pattern = 'hr #-t#.csv'"), ==, 1);

  g_assert_cmpint (run (&out, &err, "mark-reported", path, sent, "--year", "2026", "--tertial", "2", NULL), ==, 0);
  test_write_bytes (csv, "Enhet;Period;Nyckeltal;Värde\nMottagning;2026 T2;consultants;5\n", 63);
  g_assert_cmpint (run (&out, &err, "import", path, csv, "--replace", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2026 T2 has been reported"));
  g_assert_cmpint (test_sql_int (path, value_sql), ==, 3);
  g_assert_cmpint (run (&out, &err, "import", path, csv, "--replace", "--reason", "Rättelse", NULL), ==, 0);
  g_assert_cmpint (test_sql_int (path, value_sql), ==, 5);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM report_change WHERE reason = 'Rättelse'"), ==, 1);

  g_assert_cmpint (run (&out, &err, "info", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Reported: 2026 T2 on "));
  g_assert_nonnull (strstr (out, ", changed after reporting"));
  g_assert_cmpint (run (&out, &err, "export-reported", path, again, "--year", "2026", "--tertial", "2", NULL), ==, 0);
  sent_sum = test_checksum (sent);
  again_sum = test_checksum (again);
  g_assert_cmpstr (sent_sum, ==, again_sum);
}

static void
test_new_and_errors (void)
{
  g_autofree char *path = test_path ("ny.styrkort");
  g_autofree char *text = test_path ("anteckning.styrkort");
  g_autofree char *out = NULL, *err = NULL, *before = NULL, *after = NULL;

  g_assert_cmpint (run (&out, &err, "new", path, "--district", "Kungsholmen", NULL), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM district WHERE name = 'Kungsholmen'"), ==, 1);
  /* Not over an existing file. */
  before = test_checksum (path);
  g_assert_cmpint (run (&out, &err, "new", path, "--district", "Annat", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "already exists"));
  after = test_checksum (path);
  g_assert_cmpstr (before, ==, after);

  test_write_bytes (text, "hej", 3);
  g_clear_pointer (&before, g_free);
  before = test_checksum (text);
  g_assert_cmpint (run (&out, &err, "check", text, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "anteckning.styrkort"));
  g_assert_nonnull (strstr (err, "not a Styrkort file"));
  g_assert_cmpint (run (&out, &err, "info", text, NULL), ==, 1);
  g_clear_pointer (&after, g_free);
  after = test_checksum (text);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (run (&out, &err, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Usage"));
}

static void
test_backups_restore (void)
{
  g_autofree char *path = test_path ("b.styrkort");
  g_autofree char *target = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (&out, &err, "new", path, "--district", "B", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "backups", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No backups"));
  /* Opening for editing makes the day's copy. */
  g_object_unref (styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run (&out, &err, "backups", path, NULL), ==, 0);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpint (run (&out, &err, "restore", path, lines[0], NULL), ==, 0);
  g_assert_nonnull (strstr (out, "restored"));
  target = g_strconcat (path, ".copy", NULL);
  g_assert_cmpint (run (&out, &err, "restore", path, lines[0], target, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "restore", path, lines[0], path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_assert_cmpint (test_sql_int (target, "SELECT count(*) FROM district WHERE name = 'B'"), ==, 1);
}

/* Issue 16 ------------------------------------------------------------------ */

/* A mapping that lacks a column names the sheet and the headings found;
 * --sheet with a typo is refused with the sheets the file has. */
static void
test_import_names_sheet_and_headings (void)
{
  g_autofree char *path = test_path ("rubriker.styrkort");
  g_autofree char *xlsx = test_path ("rubriker.xlsx");
  g_autofree char *out = NULL, *err = NULL;
  lxw_workbook *wb = workbook_new (xlsx);
  lxw_worksheet *ws;

  workbook_add_worksheet (wb, "Försättsblad");
  ws = workbook_add_worksheet (wb, "Uttag");
  worksheet_write_string (ws, 0, 0, "Enhet", NULL);
  worksheet_write_string (ws, 0, 1, "Tid", NULL);
  worksheet_write_string (ws, 0, 2, "Nyckeltal", NULL);
  worksheet_write_string (ws, 0, 3, "Antal", NULL);
  worksheet_write_string (ws, 1, 0, "Mottagning", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  g_assert_cmpint (run (&out, &err, "new", path, "--district", "Norr", NULL), ==, 0);

  g_assert_cmpint (run (&out, &err, "import", path, xlsx, "--dry-run", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "“rubriker.xlsx”, sheet “Uttag”: Choose the column with the period"));
  g_assert_nonnull (strstr (err, "The headings on row 1 are “Enhet”, “Tid”, “Nyckeltal”, “Antal”."));

  g_assert_cmpint (run (&out, &err, "import", path, xlsx, "--sheet", "uttag", "--dry-run", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“rubriker.xlsx” has no sheet “uttag”. Its sheets are “Försättsblad”, “Uttag”"));
}

/* Another district's file: one message for the file, not one per row. */
static void
test_import_other_district_once (void)
{
  g_autofree char *path = test_path ("soder.styrkort");
  g_autofree char *csv = test_path ("norr.csv");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GString) content = g_string_new ("Stadsdel;Enhet;Period;Nyckeltal;Värde\n");
  g_auto(GStrv) lines = NULL;

  for (int i = 0; i < 40; i++)
    g_string_append_printf (content, "Norr;Enhet %d;2025 T2;consultants;%d\n", i, i);
  g_string_append (content, "Söder;Enhet 1;2025 T2;consultants;tre\n");
  test_write_bytes (csv, content->str, content->len);
  g_assert_cmpint (run (&out, &err, "new", path, "--district", "Söder", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "import", path, csv, "--dry-run", NULL), ==, 0);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "“norr.csv” holds figures of Norr, not of Söder: 40 rows left out."));
  g_assert_null (strstr (err, "Row 2:"));
  g_assert_nonnull (strstr (err, "Row 42: “tre” in the column “Värde” is not a number."));
  lines = g_strsplit (g_strstrip (err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
}

/* merge with an input it cannot read: non-zero, saying which. */
static void
test_merge_unreadable_fails (void)
{
  g_autofree char *demo = test_path ("demo.styrkort");
  g_autofree char *book = test_path ("demo.xlsx");
  g_autofree char *broken = test_path ("trasig.xlsx");
  g_autofree char *city = test_path ("stad.xlsx");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "demo", demo, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "export", demo, book, NULL), ==, 0);
  test_write_bytes (broken, "PK\3\4 inte en arbetsbok", 23);
  g_assert_cmpint (run (&out, &err, "merge", city, book, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "merge", city, book, broken, NULL), !=, 0);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (err, "1 of 2 files read; 1 could not be read: “trasig.xlsx”."));
}

/* "1,234" employees is refused, naming the row, until the decimal sign is given. */
static void
test_import_ambiguous_count (void)
{
  g_autofree char *path = test_path ("tusen.styrkort");
  g_autofree char *csv = test_path ("tusen.csv");
  g_autofree char *out = NULL, *err = NULL;
  const char *content = "Enhet;Period;Nyckeltal;Värde\nMottagning;2025 T2;headcount;1,234\n";

  test_write_bytes (csv, content, strlen (content));
  g_assert_cmpint (run (&out, &err, "new", path, "--district", "Norr", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "import", path, csv, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Row 2: “1,234” in the column “Värde” can be read as a thousand and more"));
  g_assert_nonnull (strstr (err, "--decimal-comma (1,5) or --decimal-point (1.5)"));
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM indicator_value"), ==, 0);
  g_assert_cmpint (run (&out, &err, "import", path, csv, "--decimal-point", NULL), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT value FROM indicator_value"), ==, 1234);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  g_setenv ("LANGUAGE", "en", TRUE); /* the assertions read English output */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/demo-info-check", test_demo_info_check);
  g_test_add_func ("/cli/swedish-throughout", test_swedish_throughout);
  g_test_add_func ("/cli/info-matches-file", test_info_matches_file);
  g_test_add_func ("/cli/new-and-errors", test_new_and_errors);
  g_test_add_func ("/cli/backups-restore", test_backups_restore);
  g_test_add_func ("/cli/import-and-reported", test_import_and_reported);
  g_test_add_func ("/cli/import-names-sheet-and-headings", test_import_names_sheet_and_headings);
  g_test_add_func ("/cli/import-other-district-once", test_import_other_district_once);
  g_test_add_func ("/cli/merge-unreadable-fails", test_merge_unreadable_fails);
  g_test_add_func ("/cli/import-ambiguous-count", test_import_ambiguous_count);
  return g_test_run ();
}
