/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The T2 workbook, read back by openpyxl and by LibreOffice and compared with
 * the district file: the demo, formula-like texts, sheet-name collisions, an
 * empty district, a large one, and a failed export. */
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#ifdef G_OS_WIN32
#include <windows.h>
#else
#include <sys/wait.h>
#endif

#include "styrkort-locale.h"
#include "styrkort-demo.h"
#include "styrkort-workbook-kind.h"
#include "styrkort-workbook-private.h"
#include "styrkort-xlsx.h"
#include "test-util.h"

#ifdef G_OS_WIN32
/* On Windows (under Wine) there is no python3 with openpyxl and no
 * LibreOffice: the workbook is read back with Styrkort's own reader, and
 * check-workbook.py's comparison with the district file runs on Linux
 * (and on the installed program's export, build-aux/windows/check-installer). */
static char *
run_check (const char *xlsx, const char *db, StyrkortPeriod period, gboolean libreoffice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) book = styrkort_xlsx_open (xlsx, &error);
  g_autoptr(StyrkortSheet) data = NULL;

  g_assert_no_error (error);
  data = styrkort_xlsx_read_sheet (book, "Data", &error);
  g_assert_no_error (error);
  g_test_message ("read back with styrkort_xlsx: %u rows in Data (openpyxl and LibreOffice run on Linux)",
                  data->rows->len);
  return g_strdup_printf ("ok: %u rows", data->rows->len);
}

/* The text in column @column of the first row of @sheet whose column B is
 * @key, as Styrkort's own reader reads it. */
static char *
test_xlsx_cell_text (const char *xlsx, const char *sheet, const char *key, int column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) book = styrkort_xlsx_open (xlsx, &error);
  g_autoptr(StyrkortSheet) rows = NULL;

  g_assert_no_error (error);
  rows = styrkort_xlsx_read_sheet (book, sheet, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < rows->rows->len; r++)
    {
      const StyrkortCell *b = styrkort_sheet_cell (rows, r, 1), *cell = styrkort_sheet_cell (rows, r, column);

      if (b->type == STYRKORT_CELL_TEXT && g_strcmp0 (b->text, key) == 0)
        return cell->type == STYRKORT_CELL_NUMBER ? g_strdup_printf ("%g", cell->number) : g_strdup (cell->text);
    }
  g_assert_not_reached ();
}
#else
static char *
run_check (const char *xlsx, const char *db, StyrkortPeriod period, gboolean libreoffice)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-workbook.py", NULL);
  g_autofree char *year = g_strdup_printf ("%d", period.year);
  g_autofree char *tertial = g_strdup_printf ("%d", period.tertial);
  g_autofree char *folder = g_path_get_dirname (xlsx);
  g_autofree char *csv = g_build_filename (folder, "libreoffice", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (libreoffice)
    {
      /* A real spreadsheet opens the file and writes every sheet as CSV
       * (raw values, UTF-8): it fails on a workbook it would have to repair. */
      /* A profile of its own: parallel tests cannot collide in a shared one. */
      g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", folder, "/lo-profile", NULL);
      char *convert[] = { (char *) "soffice", profile, (char *) "--headless", (char *) "--convert-to",
                          (char *) "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                          (char *) "--outdir", csv, (char *) xlsx, NULL };
      g_mkdir_with_parents (csv, 0700);
      /* In a neutral locale, so that the CSV has decimal points whatever the test's locale. */
      g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
      env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
      g_assert_true (g_spawn_sync (NULL, convert, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("soffice: %s %s", out, err);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
  {
    char *check[] = { (char *) "/usr/bin/python3", script, (char *) xlsx, (char *) db, year, tertial,
                      libreoffice ? csv : NULL, NULL };
    g_assert_true (g_spawn_sync (NULL, check, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("check-workbook.py: %s%s", out, err);
  g_test_message ("%s", out);
  return g_steal_pointer (&out);
}

/* The text in column @column of the first row of @sheet whose column B is
 * @key, as openpyxl reads it. */
static char *
test_xlsx_cell_text (const char *xlsx, const char *sheet, const char *key, int column)
{
  g_autofree char *code = g_strdup_printf (
    "import openpyxl, sys\n"
    "ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]\n"
    "print(next(r[%d] for r in ws.iter_rows(values_only=True) if r[1] == sys.argv[3]), end='')\n", column);
  char *argv[] = { (char *) "/usr/bin/python3", (char *) "-c", code, (char *) xlsx, (char *) sheet, (char *) key, NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
}
#endif

static StyrkortProject *
demo (char **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  StyrkortProject *p;

  *path = test_path ("Stadsdel Exempel.styrkort");
  file = g_file_new_for_path (*path);
  p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  g_assert_no_error (error);
  return p;
}

static void
test_demo_openpyxl_and_libreoffice (void)
{
  g_autofree char *db = NULL;
  g_autoptr(StyrkortProject) p = demo (&db);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "Styrkort-Stadsdel-Exempel-2026-T2.xlsx", NULL);
  g_autofree char *name = styrkort_workbook_suggested_name (p, styrkort_demo_last_period ());
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  StyrkortPeriod period = styrkort_workbook_default_period (p);

  g_assert_cmpstr (name, ==, "Styrkort-Stadsdel-Exempel-2026-T2.xlsx");
  g_assert_cmpint (period.year, ==, 2026);
  g_assert_cmpint (period.tertial, ==, 2);
  g_assert_true (styrkort_workbook_export (p, period, xlsx, &error));
  g_assert_no_error (error);
  report = run_check (xlsx, db, period, TRUE);
  g_assert_true (g_str_has_prefix (report, "ok:"));
}

typedef struct {
  StyrkortProject *project;
  StyrkortPeriod period;
  const char *path;
  GError *error;
} ExportJob;

static gpointer
export_in_thread (gpointer data)
{
  ExportJob *job = data;
  return GINT_TO_POINTER (styrkort_workbook_export (job->project, job->period, job->path, &job->error));
}

/* A file on a network share is opened with an exclusive lock, which refuses
 * a second connection: the app's export reads a copy in memory taken on
 * its own connection, from another thread, while the window edits on. */
static void
test_export_on_share (void)
{
  g_autofree char *db = NULL;
  g_autoptr(StyrkortProject) created = demo (&db);
  g_autoptr(GFile) file = g_file_new_for_path (db);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "share.xlsx", NULL);
  g_autofree char *before_folder = g_build_filename (folder, "before", NULL);
  g_autofree char *before = g_build_filename (before_folder, "Stadsdel Exempel.styrkort", NULL);
  g_autoptr(StyrkortProject) p = NULL, second = NULL, snapshot = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;
  g_autofree char *report = NULL;
  StyrkortPeriod period;

  styrkort_project_close (created);
  p = styrkort_project_open (file, STYRKORT_OPEN_ASSUME_REMOTE | STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (styrkort_project_is_exclusive (p));
  /* What the export did before: a second connection, refused. */
  second = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY | STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_true (second == NULL || styrkort_project_get_district (second) == NULL);
  g_clear_error (&error);

  period = styrkort_workbook_default_period (p);
  snapshot = styrkort_project_snapshot (p, &error);
  g_assert_no_error (error);
  g_assert_true (styrkort_project_is_read_only (snapshot));
  {
    ExportJob job = { snapshot, period, xlsx, NULL };
    StyrkortMember member = { 0, (char *) "Ny ledamot", (char *) "Ordförande", (char *) "Förvaltningen" };
    g_autoptr(GFile) copy = g_file_new_for_path (before);
    g_assert_cmpint (g_mkdir_with_parents (before_folder, 0700), ==, 0);
    g_assert_true (g_file_copy (file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    thread = g_thread_new ("export", export_in_thread, &job);
    /* The window edits on meanwhile. */
    g_assert_cmpint (styrkort_project_add_member (p, &member, &error), >, 0);
    g_assert_true (GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&thread))));
    g_assert_no_error (job.error);
  }
  /* The workbook is the file as it was when the export began. */
  report = run_check (xlsx, before, period, FALSE);
  g_assert_true (g_str_has_prefix (report, "ok:"));
}

/* libxlsxwriter refuses a text past 32,767 characters and goes on: the cell
 * used to be left out of the workbook without a word. */
static void
test_too_long_text (void)
{
  g_autofree char *db = NULL;
  g_autoptr(StyrkortProject) p = demo (&db);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "lang.xlsx", NULL);
  g_autofree char *part = g_strconcat (xlsx, ".part", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (p);
  g_autoptr(GString) long_text = g_string_new ("Åtgärd med en mycket lång beskrivning ");
  g_autoptr(GError) error = NULL;
  StyrkortAction action = { 0 };

  while (g_utf8_strlen (long_text->str, -1) <= 32767)
    g_string_append (long_text, "så att den inte ryms i en cell. ");
  action.area_id = ((StyrkortArea *) areas->pdata[0])->id;
  action.text = long_text->str;
  action.owner = (char *) "Enhetschef";
  action.state = STYRKORT_ACTION_PLANNED;
  g_assert_cmpint (styrkort_project_add_action (p, &action, &error), >, 0);
  g_assert_no_error (error);

  test_write_bytes (xlsx, "the workbook sent last time", 27);
  before = test_checksum (xlsx);
  g_assert_false (styrkort_workbook_export (p, styrkort_demo_last_period (), xlsx, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "32,767 characters"));
  g_assert_nonnull (strstr (error->message, "“Åtgärd med en mycket lång beskrivning"));
  g_assert_nonnull (strstr (error->message, "cell A"));
  after = test_checksum (xlsx);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  /* The next export, of a district without the long text, is whole again. */
  g_clear_error (&error);
  action.text = (char *) "Kort";
  {
    g_autoptr(GPtrArray) actions = styrkort_project_list_actions (p, action.area_id);
    for (guint i = 0; i < actions->len; i++)
      {
        StyrkortAction *a = actions->pdata[i];
        if (strlen (a->text) > 32767)
          {
            a->text[0] = 'K';
            a->text[1] = '\0';
            g_assert_true (styrkort_project_update_action (p, a, &error));
          }
      }
  }
  g_assert_true (styrkort_workbook_export (p, styrkort_demo_last_period (), xlsx, &error));
  g_assert_no_error (error);
}

/* A rate typed without its base: the district total in the workbook is
 * from the units that have it and says that it is not exact, as on screen. */
static void
test_inexact_total (void)
{
  g_autofree char *db = NULL;
  g_autoptr(StyrkortProject) p = demo (&db);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "inexakt.xlsx", NULL);
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (p, "turnover");
  g_autoptr(GPtrArray) values = styrkort_project_list_values (p, turnover->id, styrkort_demo_last_period ());
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL, *note = NULL;
  StyrkortValue *first = values->pdata[0];

  first->value = 17.1;
  first->numerator = first->denominator = NAN;
  g_assert_true (styrkort_project_set_value (p, first, &error));
  g_assert_true (styrkort_workbook_export (p, styrkort_demo_last_period (), xlsx, &error));
  g_assert_no_error (error);
  test_saved (p);
  report = run_check (xlsx, db, styrkort_demo_last_period (), FALSE);
  g_assert_true (g_str_has_prefix (report, "ok:"));
  note = test_xlsx_cell_text (xlsx, "Nyckeltal", "Stadsdelen totalt", 9);
  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note, "Inte exakt. 1 av"));
  g_assert_nonnull (strstr (note, "saknar täljare och nämnare; summan är beräknad från de övriga."));
}

/* A city Data sheet past the last row a workbook holds is refused, never cut. */
static void
test_city_rows_limit (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_styrkort_city_rows_fit (1048576, &error));
  g_assert_no_error (error);
  g_assert_false (_styrkort_city_rows_fit (1048577, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1048577 rows"));
}

static void
test_formula_injection (void)
{
  g_autofree char *db = NULL;
  g_autoptr(StyrkortProject) p = demo (&db);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "injection.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortArea) area = styrkort_project_find_area (p, "a01");
  g_autoptr(StyrkortIndicator) vfu = styrkort_project_find_indicator (p, "vfu_places");
  const char *texts[] = { "=HYPERLINK(\"http://example.invalid\",\"klicka\")", "+1", "-1", "@x", "=1+1" };
  StyrkortPeriod period = styrkort_demo_last_period ();
  gint64 unit;

  unit = styrkort_project_add_unit (p, texts[0], 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      StyrkortAction a = { 0, area->id, 0, (char *) texts[i], (char *) texts[(i + 1) % 5], NULL,
                           STYRKORT_ACTION_PLANNED, (char *) texts[(i + 2) % 5] };
      g_assert_cmpint (styrkort_project_add_action (p, &a, &error), >, 0);
    }
  {
    StyrkortValue v;
    styrkort_value_init (&v);
    v.indicator_id = vfu->id;
    v.unit_id = unit;
    v.period = period;
    v.value = 3;
    v.comment = (char *) "=SUM(A1:A9)";
    g_assert_true (styrkort_project_set_value (p, &v, &error));
  }
  g_assert_true (styrkort_project_set_district (p, "=Stadsdel & \"Söder\"", "Stockholm", "", &error));
  g_assert_true (styrkort_workbook_export (p, period, xlsx, &error));
  /* The check fails on any formula cell in Data and compares every text. */
  test_saved (p);
  g_free (run_check (xlsx, db, period, TRUE));
#ifndef G_OS_WIN32
  {
    g_autofree char *script = g_strdup_printf (
      "import openpyxl,sys\n"
      "wb=openpyxl.load_workbook(sys.argv[1])\n"
      "bad=[(ws.title,c.coordinate) for ws in wb for r in ws.iter_rows() for c in r if c.data_type=='f']\n"
      "assert not bad, bad\n"
      "vals=[c.value for ws in wb for r in ws.iter_rows() for c in r]\n"
      "for t in sys.argv[2:]:\n"
      "  assert t in vals, t\n"
      "print('literal')\n");
    char *argv[] = { (char *) "/usr/bin/python3", (char *) "-c", script, xlsx, (char *) texts[0], (char *) texts[1],
                     (char *) texts[2], (char *) texts[3], (char *) texts[4], (char *) "=SUM(A1:A9)", NULL };
    g_autofree char *out = NULL, *err = NULL;
    int status;
    g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    if (status != 0)
      g_error ("%s", err);
    g_assert_cmpstr (out, ==, "literal\n");
  }
#endif
}

static void
test_sheet_names (void)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *long_title = "Antal medarbetare som är rimligt i förhållande till chefers och medarbetares uppdrag";
  g_autofree char *a = styrkort_workbook_sheet_name (long_title, used);
  g_autofree char *b = styrkort_workbook_sheet_name (long_title, used);
  g_autofree char *c = styrkort_workbook_sheet_name ("Mål [T2]: 50/50 * ? \\ 'klart'", used);
  g_autofree char *d = styrkort_workbook_sheet_name ("DATA", used);
  g_autofree char *e = styrkort_workbook_sheet_name ("data", used);
  g_autofree char *f = styrkort_workbook_sheet_name ("''", used);

  g_assert_cmpint (g_utf8_strlen (a, -1), <=, 31);
  g_assert_cmpint (g_utf8_strlen (b, -1), <=, 31);
  g_assert_cmpstr (a, !=, b);
  g_assert_true (g_str_has_suffix (b, " (2)"));
  g_assert_true (g_str_has_suffix (a, "…"));
  g_assert_null (strpbrk (c, "[]:*?/\\"));
  g_assert_false (g_str_has_prefix (c, "'"));
  g_assert_cmpstr (e, ==, "data (2)"); /* Excel compares names without case */
  g_assert_cmpstr (f, ==, "Blad");
  (void) d;
}

static void
test_colliding_area_titles (void)
{
  g_autofree char *db = NULL;
  g_autoptr(StyrkortProject) p = demo (&db);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "collisions.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  /* Another city's catalogue: themes whose titles agree in their first 31 characters. */
  g_clear_object (&p);
  test_sql_exec (db, "UPDATE area SET title_sv = 'Samverkan med universitet och lärosäten: ' || key WHERE kind = 'theme';"
                     "UPDATE area SET title_sv = 'Data' WHERE key = 'a01'; UPDATE area SET title_sv = 'Om' WHERE key = 'a02';");
  {
    g_autoptr(GFile) file = g_file_new_for_path (db);
    p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  }
  g_assert_true (styrkort_workbook_export (p, styrkort_demo_last_period (), xlsx, &error));
  g_free (run_check (xlsx, db, styrkort_demo_last_period (), FALSE));
}

/* Dates as the central office reads them (data format 2): due dates,
 * deadlines and the export time are real Excel dates with a date format,
 * not text; read back with our own reader. */
static void
test_dates (void)
{
  g_autofree char *db = test_path ("Datum.styrkort");
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "datum.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Datum", &error);
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (p);
  g_autoptr(StyrkortXlsx) reader = NULL;
  g_autoptr(StyrkortSheet) about = NULL, sheet = NULL;
  g_autofree char *exported = NULL;
  const char *sheet_name = NULL;
  StyrkortArea *area = areas->pdata[0];
  gboolean deadline = FALSE, due = FALSE;
  double serial = 0;

  /* The serial numbers Excel uses: days since 1899-12-30, time a fraction. */
  g_assert_true (_styrkort_workbook_date_serial ("2026-12-31", &serial));
  g_assert_cmpfloat (serial, ==, 46387);
  g_assert_true (_styrkort_workbook_date_serial ("1900-03-01", &serial));
  g_assert_cmpfloat (serial, ==, 61);
  g_assert_true (_styrkort_workbook_date_serial ("2026-05-31T12:00:00Z", &serial));
  g_assert_cmpfloat (serial, ==, 46173.5);
  for (guint i = 0; i < 5; i++)
    g_assert_false (_styrkort_workbook_date_serial ((const char *[]) { "2026-02-30", "31.05.2026", "", "snart",
                                                                       "1899-12-31" }[i], &serial));
  {
    StyrkortSubgoal g = { 0, area->id, (char *) "Färre slutar", 0, 20, 12, (char *) "2026-12-31" };
    gint64 goal = styrkort_project_add_subgoal (p, &g, &error);
    StyrkortAction a = { 0, area->id, goal, (char *) "Exitsamtal", (char *) "HR-chef", (char *) "2026-10-15",
                         STYRKORT_ACTION_ONGOING, (char *) "" };
    g_assert_cmpint (styrkort_project_add_action (p, &a, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (styrkort_workbook_export (p, (StyrkortPeriod) { 2026, 2 }, xlsx, &error));
  g_assert_no_error (error);
  reader = styrkort_xlsx_open (xlsx, &error);
  g_assert_no_error (error);
  for (guint i = 0; styrkort_xlsx_sheet_names (reader)[i] != NULL; i++)
    if (g_str_has_prefix (styrkort_xlsx_sheet_names (reader)[i], "1. "))
      sheet_name = styrkort_xlsx_sheet_names (reader)[i];
  sheet = styrkort_xlsx_read_sheet (reader, sheet_name, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < sheet->rows->len; r++)
    for (guint c = 0; c < 8; c++)
      {
        const StyrkortCell *cell = styrkort_sheet_cell (sheet, r, c);
        g_assert_false (cell->type == STYRKORT_CELL_TEXT && g_str_has_prefix (cell->text, "2026-"));
        deadline |= cell->type == STYRKORT_CELL_NUMBER && cell->number == 46387;
        due |= cell->type == STYRKORT_CELL_NUMBER && cell->number == 46310;
      }
  g_assert_true (deadline);
  g_assert_true (due);
  /* The export time, in UTC, and the data format that says so. */
  about = styrkort_xlsx_read_sheet (reader, "Om", &error);
  g_assert_cmpint (styrkort_workbook_about_value (about, "Exporterad")->type, ==, STYRKORT_CELL_NUMBER);
  g_assert_cmpfloat (styrkort_workbook_about_value (about, "Dataformat (bladet Data)")->number, ==, 2);
  exported = styrkort_workbook_about_exported (about);
  g_assert_nonnull (exported);
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (exported, utc);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_assert_nonnull (when);
    g_assert_cmpint (ABS (g_date_time_difference (now, when)), <, 3600 * G_TIME_SPAN_SECOND);
  }
}

static void
test_empty_district (void)
{
  g_autofree char *db = test_path ("Tom.styrkort");
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "tom.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Tom stadsdel", &error);
  StyrkortPeriod period = styrkort_workbook_default_period (p);

  g_assert_true (styrkort_workbook_export (p, period, xlsx, &error));
  g_assert_no_error (error);
  g_free (run_check (xlsx, db, period, TRUE));
}

static void
test_large_district (void)
{
  g_autofree char *db = test_path ("Stor.styrkort");
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "stor.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Stora stadsdelen", &error);
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (p);
  StyrkortPeriod last = { 2025, 3 };
  gint64 units[30];

  g_assert_true (styrkort_project_begin_group (p, "Test", &error));
  for (int u = 0; u < 30; u++)
    {
      g_autofree char *name = g_strdup_printf ("Enhet %02d för mycket långa namn på verksamheter", u);
      units[u] = styrkort_project_add_unit (p, name, 1 + u % 6, &error);
    }
  for (StyrkortPeriod q = { 2016, 1 }; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q))
    for (guint i = 0; i < indicators->len; i++)
      for (int u = 0; u < 30; u++)
        {
          StyrkortValue v;
          styrkort_value_init (&v);
          v.indicator_id = ((StyrkortIndicator *) indicators->pdata[i])->id;
          v.unit_id = units[u];
          v.period = q;
          v.value = (q.year - 2000) * 3 + q.tertial + u * 0.5;
          g_assert_true (styrkort_project_set_value (p, &v, &error));
        }
  g_assert_true (styrkort_project_end_group (p, &error));
  test_saved (p);
  g_assert_cmpint (test_sql_int (db, "SELECT count(*) FROM indicator_value"), ==, 30 * 30 * (gint64) indicators->len);
  g_assert_true (styrkort_workbook_export (p, last, xlsx, &error));
  test_saved (p);
  g_free (run_check (xlsx, db, last, FALSE));
}

static void
test_failed_export_keeps_old (void)
{
  g_autofree char *db = NULL;
  g_autoptr(StyrkortProject) p = demo (&db);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx = g_build_filename (folder, "gammal.xlsx", NULL);
  g_autofree char *part = g_strconcat (xlsx, ".part", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;

  test_write_bytes (xlsx, "the workbook sent last time", 27);
  before = test_checksum (xlsx);
  /* The file the export writes first cannot be created. */
  g_assert_cmpint (g_mkdir (part, 0700), ==, 0);
  g_assert_false (styrkort_workbook_export (p, styrkort_demo_last_period (), xlsx, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "gammal.xlsx"));
  after = test_checksum (xlsx);
  g_assert_cmpstr (before, ==, after);
  g_rmdir (part);
  /* A folder that does not exist. */
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (folder, "finns-inte", "t.xlsx", NULL);
    g_assert_false (styrkort_workbook_export (p, styrkort_demo_last_period (), missing, &error));
    g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO);
  }
}

#ifdef G_OS_WIN32
/* Windows: a folder with Swedish letters (the MinGW build of libxlsxwriter
 * opens ANSI names, so the workbook goes through an ASCII temporary name),
 * and a workbook that Excel holds open, which Windows does not replace. */
static void
test_windows_folder_and_excel (void)
{
  g_autofree char *db = NULL;
  g_autoptr(StyrkortProject) p = demo (&db);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *swedish = g_build_filename (folder, "Södermalm", NULL);
  g_autofree char *xlsx_path = g_build_filename (swedish, "Styrkort Södermalm 2026-T2.xlsx", NULL);
  g_autofree char *part = g_strconcat (xlsx_path, ".part", NULL);
  g_autofree gunichar2 *wide = g_utf8_to_utf16 (xlsx_path, -1, NULL, NULL, NULL);
  StyrkortPeriod period = styrkort_workbook_default_period (p);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) xlsx = NULL;
  g_autoptr(StyrkortSheet) data = NULL;
  HANDLE excel;

  g_assert_cmpint (g_mkdir (swedish, 0700), ==, 0);
  g_assert_true (styrkort_workbook_export (p, period, xlsx_path, &error));
  g_assert_no_error (error);
  xlsx = styrkort_xlsx_open (xlsx_path, &error);
  g_assert_no_error (error);
  data = styrkort_xlsx_read_sheet (xlsx, "Data", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->rows->len, >, 100);
  g_assert_cmpstr (styrkort_sheet_cell (data, 1, 0)->text, ==, "Stadsdel Exempel");
  /* The reader holds the file open (libzip) as Excel would: closed, so that
   * below only "Excel" holds it. */
  g_clear_pointer (&xlsx, styrkort_xlsx_free);

  /* Excel opens a workbook without FILE_SHARE_DELETE. */
  excel = CreateFileW ((LPCWSTR) wide, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
  g_assert_true (excel != INVALID_HANDLE_VALUE);
  g_assert_false (styrkort_workbook_export (p, period, xlsx_path, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Excel"));
  g_assert_nonnull (strstr (error->message, "Styrkort Södermalm 2026-T2.xlsx"));
  g_clear_error (&error);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  CloseHandle (excel);
  g_assert_true (styrkort_workbook_export (p, period, xlsx_path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}
#endif

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/workbook/demo-openpyxl-libreoffice", test_demo_openpyxl_and_libreoffice);
  g_test_add_func ("/core/workbook/export-on-share", test_export_on_share);
  g_test_add_func ("/core/workbook/too-long-text", test_too_long_text);
  g_test_add_func ("/core/workbook/inexact-total", test_inexact_total);
  g_test_add_func ("/core/workbook/city-rows-limit", test_city_rows_limit);
  g_test_add_func ("/core/workbook/formula-injection", test_formula_injection);
  g_test_add_func ("/core/workbook/sheet-names", test_sheet_names);
  g_test_add_func ("/core/workbook/colliding-area-titles", test_colliding_area_titles);
  g_test_add_func ("/core/workbook/dates", test_dates);
  g_test_add_func ("/core/workbook/empty-district", test_empty_district);
  g_test_add_func ("/core/workbook/large-district", test_large_district);
  g_test_add_func ("/core/workbook/failed-export-keeps-old", test_failed_export_keeps_old);
#ifdef G_OS_WIN32
  g_test_add_func ("/core/workbook/windows-folder-and-excel", test_windows_folder_and_excel);
#endif
  return g_test_run ();
}
