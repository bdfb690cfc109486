/* SPDX-License-Identifier: GPL-3.0-or-later */
/* District files made by someone else: crafted schemas, SQL hidden in names,
 * missing rows, impossible values, a busy writer, a hot journal, WAL mode. */
#include <glib/gstdio.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "styrkort-city.h"
#include "styrkort-locale.h"
#include "styrkort-project-private.h"
#include "styrkort-project.h"
#include "test-util.h"

/* A new, valid district file; closed again. */
static char *
new_file (const char *name)
{
  g_autofree char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = styrkort_project_create (file, "Kungsholmen", &error);

  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static StyrkortProject *
open_path (const char *path, StyrkortOpenFlags flags, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  return styrkort_project_open (file, flags | STYRKORT_OPEN_NO_BACKUP, error);
}

/* Opening @path (writable and read-only) and checking it all fail with
 * @code and a message that contains @text. */
static void
assert_refused (const char *path, int code, const char *text)
{
  StyrkortOpenFlags modes[] = { 0, STYRKORT_OPEN_READ_ONLY };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(StyrkortProject) project = open_path (path, modes[i], &error);
      g_assert_null (project);
      g_assert_error (error, STYRKORT_ERROR, code);
      g_assert_nonnull (strstr (error->message, text));
      g_clear_error (&error);
    }
  g_assert_false (styrkort_project_check (file, &error));
  g_assert_error (error, STYRKORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, text));
}

static void
test_injection_column (void)
{
  g_autofree char *victim = new_file ("Victim.styrkort");
  g_autofree char *path = new_file ("Crafted.styrkort");
  g_autofree char *created = g_strconcat (victim, ".copy", NULL);
  g_autofree char *sql = g_strdup_printf (
    "ALTER TABLE member ADD COLUMN \"x', 1)); END; ATTACH '%s' AS v;"
    " UPDATE v.district SET name = 'TAMPERED'; VACUUM INTO '%s'; --\" TEXT", victim, created);
  g_autofree char *name = NULL;

  test_sql_exec (path, sql);
  assert_refused (path, STYRKORT_ERROR_FOREIGN, "a changed table “member”");
  name = test_sql_text (victim, "SELECT name FROM district");
  g_assert_cmpstr (name, ==, "Kungsholmen");
  g_assert_false (g_file_test (created, G_FILE_TEST_EXISTS));
}

static void
test_trigger (void)
{
  g_autofree char *path = new_file ("Trigger.styrkort");

  test_sql_exec (path, "CREATE TRIGGER zero AFTER UPDATE ON district BEGIN"
                       " UPDATE indicator_value SET value = 0; END");
  assert_refused (path, STYRKORT_ERROR_FOREIGN,
                  "contains things a Styrkort file does not have (a trigger “zero”)");
}

static void
test_view_of_many_rows (void)
{
  g_autofree char *path = new_file ("View.styrkort");
  gint64 start;

  test_sql_exec (path, "DROP TABLE indicator_value;"
                       "CREATE VIEW indicator_value AS WITH RECURSIVE c (i) AS"
                       " (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 10000000)"
                       " SELECT i AS id, 1 AS indicator_id, NULL AS unit_id, 2020 AS year, 1 AS tertial,"
                       " i AS value, NULL AS women, NULL AS men, NULL AS numerator, NULL AS denominator,"
                       " '' AS comment FROM c");
  start = g_get_monotonic_time ();
  assert_refused (path, STYRKORT_ERROR_FOREIGN, "(a view “indicator_value”)");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_table_of_its_own (void)
{
  g_autofree char *path = new_file ("Extra.styrkort");

  test_sql_exec (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
  assert_refused (path, STYRKORT_ERROR_FOREIGN, "(a table “notes”)");
}

/* A CHECK that calls a function of SQLite's that our schema does not. */
static void
test_changed_check (void)
{
  g_autofree char *path = new_file ("Check.styrkort");

  test_sql_exec (path, "PRAGMA writable_schema = ON;"
                       "UPDATE sqlite_schema SET sql = replace (sql, 'CHECK (id = 1)',"
                       " 'CHECK (length (printf (''%.*c'', 100000000, ''x'')) > 0)') WHERE name = 'district'");
  assert_refused (path, STYRKORT_ERROR_FOREIGN, "a changed table “district”");
}

static void
test_no_district_row (void)
{
  g_autofree char *path = new_file ("Empty.styrkort");
  g_autofree char *good = new_file ("Good.styrkort");
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortCity) city = styrkort_city_new (&error);
  g_autofree char *out = NULL, *err = NULL;
  const char *cli = g_getenv ("STYRKORT_CLI");
  const char *argv[] = { cli, "info", path, NULL };
  int status = 0;

  test_sql_exec (path, "DELETE FROM district");
  assert_refused (path, STYRKORT_ERROR_CORRUPT, "district row is missing");
  /* The city overview names the bad file and loads the rest. */
  g_assert_no_error (error);
  g_assert_null (styrkort_city_add (city, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Empty.styrkort"));
  g_clear_error (&error);
  g_assert_nonnull (styrkort_city_add (city, good, &error));
  g_assert_no_error (error);
  /* The CLI says why instead of crashing. */
  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "district row is missing"));
}

static void
test_overflow_periods (void)
{
  g_autofree char *path = new_file ("Periods.styrkort");
  StyrkortPeriod high = { INT_MAX, 3 }, low = { INT_MIN, 1 };

  test_sql_exec (path, "INSERT INTO indicator_value (indicator_id, unit_id, year, tertial, value)"
                       " VALUES (1, NULL, 9223372036854775807, 1, 5)");
  assert_refused (path, STYRKORT_ERROR_CORRUPT, "a period is not a valid year and tertial");
  /* Comparing any two periods is defined, valid or not. */
  g_assert_cmpint (styrkort_period_compare (high, low), ==, 1);
  g_assert_cmpint (styrkort_period_compare (low, high), ==, -1);
  g_assert_cmpint (styrkort_period_compare (high, high), ==, 0);
}

static void
test_long_text (void)
{
  g_autofree char *path = new_file ("Long.styrkort");

  test_sql_exec (path, "INSERT INTO member (name) VALUES (printf ('%.*c', 2000000, 'x'))");
  assert_refused (path, STYRKORT_ERROR_CORRUPT, "a text is far longer than any Styrkort writes");
}

/* What the connection itself refuses, whatever SQL reaches it. */
static void
test_connection_limits (void)
{
  g_autofree char *path = new_file ("Limits.styrkort");
  g_autofree char *other = new_file ("Other.styrkort");
  g_autofree char *into = g_strconcat (path, ".vacuum", NULL);
  g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS v", other);
  g_autofree char *vacuum = g_strdup_printf ("VACUUM INTO '%s'", into);
  const char *refused[] = {
    attach, vacuum, "SELECT fts3_tokenizer ('simple')", "SELECT load_extension ('x')",
    "SELECT printf ('%d', 1)", "CREATE TRIGGER t AFTER INSERT ON member BEGIN SELECT 1; END",
    "CREATE VIEW v AS SELECT 1", "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = ''",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = open_path (path, 0, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  db = _styrkort_project_get_db (project);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_cmpint (sqlite3_exec (db, refused[i], NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_false (g_file_test (into, G_FILE_TEST_EXISTS));
  /* Our own statements still run. */
  g_assert_cmpint (sqlite3_exec (db, "SELECT count (*), max (id), ifnull (NULL, 1) FROM member",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

typedef struct {
  char *path;
  GMutex mutex;
  GCond cond;
  gboolean locked;
  guint hold_ms;
} Holder;

/* Holds an exclusive lock on the file for a while, as a program saving it would. */
static gpointer
hold_lock (gpointer data)
{
  Holder *holder = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (holder->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&holder->mutex);
  holder->locked = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->mutex);
  g_usleep (holder->hold_ms * 1000);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return NULL;
}

static GThread *
start_holder (Holder *holder)
{
  GThread *thread = g_thread_new ("holder", hold_lock, holder);

  g_mutex_lock (&holder->mutex);
  while (!holder->locked)
    g_cond_wait (&holder->cond, &holder->mutex);
  g_mutex_unlock (&holder->mutex);
  return thread;
}

static void
test_busy_is_not_damage (void)
{
  g_autofree char *path = new_file ("Busy.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Holder holder = { .path = path, .hold_ms = 400 };
  StyrkortProject *project;
  GThread *thread;

  /* A short save: every check waits for it. */
  thread = start_holder (&holder);
  g_assert_true (styrkort_project_check (file, &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  holder.locked = FALSE;
  thread = start_holder (&holder);
  project = open_path (path, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  g_thread_join (thread);
  /* A long one: "in use", never "damaged". */
  holder.locked = FALSE;
  holder.hold_ms = 4000;
  thread = start_holder (&holder);
  g_assert_false (styrkort_project_check (file, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_BUSY);
  g_assert_null (strstr (error->message, "damaged"));
  g_thread_join (thread);
}

/* A program killed in the middle of a save leaves a hot journal behind. */
static void
make_hot_journal (const char *path)
{
  pid_t pid;
  int status = 0;

  test_sql_exec (path, "WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000)"
                       " INSERT INTO member (name) SELECT printf ('%.*c', 200, 'm') FROM c");
  pid = fork ();
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      sqlite3_open (path, &db);
      sqlite3_exec (db, "PRAGMA cache_size = 2; BEGIN; UPDATE member SET name = 'killed'", NULL, NULL, NULL);
      _exit (0); /* no rollback, no close */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

/* Runs styrkort_project_check() as a user who cannot write the folder;
 * returns the error code (0: it passed). */
static int
check_as_reader (const char *path, const char *expect)
{
  pid_t pid = fork ();
  int status = 0;

  if (pid == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      struct passwd *nobody = getpwnam ("nobody");

      if (geteuid () == 0 && (nobody == NULL || setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0))
        _exit (100);
      if (styrkort_project_check (file, &error))
        _exit (0);
      _exit (strstr (error->message, expect) ? error->code : 101);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Lets another user into the test's folders but not write there. */
static void
make_readable_only (const char *path, gboolean readable_only)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *root = g_path_get_dirname (folder);

  g_chmod (root, 0755);
  g_chmod (folder, readable_only ? 0555 : 0755);
  g_chmod (path, readable_only ? 0444 : 0644);
}

static void
test_hot_journal (void)
{
  g_autofree char *path = new_file ("Hot.styrkort");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  make_hot_journal (path);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  /* On a share that cannot be written: an honest message, not "damaged". */
  make_readable_only (path, TRUE);
  g_assert_cmpint (check_as_reader (path, "was being saved when a program stopped"), ==,
                   STYRKORT_ERROR_READ_ONLY);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  /* Where it can be written, a read-only open finishes the save first. */
  make_readable_only (path, FALSE);
  g_assert_true (styrkort_project_check (file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  name = test_sql_text (path, "SELECT DISTINCT name FROM member");
  g_assert_cmpstr (name, !=, "killed");
}

static gboolean
exists_beside (const char *path, const char *suffix)
{
  g_autofree char *other = g_strconcat (path, suffix, NULL);
  return g_file_test (other, G_FILE_TEST_EXISTS);
}

/* Leaves @path in WAL mode with one change still in its -wal file. */
static void
make_wal_pending (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0;"
                                     "INSERT INTO member (name) VALUES ('in the log')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_wal (void)
{
  g_autofree char *path = new_file ("Wal.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autofree char *mode = NULL;

  test_sql_exec (path, "PRAGMA journal_mode = WAL");
  g_assert_false (exists_beside (path, "-wal"));
  /* Read-only: read as it is, nothing left beside it. */
  g_assert_true (styrkort_project_check (file, &error));
  g_assert_no_error (error);
  g_assert_false (exists_beside (path, "-wal"));
  g_assert_false (exists_beside (path, "-shm"));
  /* Read-only with changes in the log: refused. */
  make_wal_pending (path);
  g_assert_true (exists_beside (path, "-wal"));
  g_assert_false (styrkort_project_check (file, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "write-ahead log"));
  g_clear_error (&error);
  /* Writable: back to a rollback journal, the logged change kept. */
  project = open_path (path, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  g_assert_false (exists_beside (path, "-wal"));
  mode = test_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM member WHERE name = 'in the log'"), ==, 1);
}

/* Fills the disk of @folder to the last block. */
static void
fill_disk (const char *folder)
{
  g_autofree char *filler = g_build_filename (folder, "filler", NULL);
  FILE *out = fopen (filler, "w");
  char block[512] = { 0 };

  g_assert_nonnull (out);
  setvbuf (out, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, out) == sizeof block)
    ;
  fclose (out);
}

/* With no space left, the file opens read-only and says why, and leaves
 * no empty lock file behind. Needs a small file system: a tmpfs mount,
 * which CI (root) may make. */
static void
test_disk_full (void)
{
  g_autofree char *source = new_file ("Full.styrkort");
  g_autofree char *mount = test_path ("mnt");
  g_autofree char *path = g_build_filename (mount, "Full.styrkort", NULL);
  g_autofree char *lock = g_strconcat (path, "-lock", NULL);
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reason = NULL;
  gboolean lock_left;
  gsize length = 0;

  g_mkdir_with_parents (mount, 0700);
  command = g_strdup_printf ("mount -t tmpfs -o size=1m tmpfs '%s'", mount);
  if (geteuid () != 0 || system (command) != 0)
    {
      g_test_skip ("no tmpfs can be mounted here");
      return;
    }
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  fill_disk (mount);
  project = open_path (path, 0, &error);
  if (project != NULL)
    reason = g_strdup (styrkort_project_get_read_only_reason (project));
  lock_left = g_file_test (lock, G_FILE_TEST_EXISTS);
  g_clear_object (&project);
  /* Unmounted before any assertion, so a failure leaves no mount behind. */
  g_free (command);
  command = g_strdup_printf ("umount '%s'", mount);
  g_assert_cmpint (system (command), ==, 0);
  g_assert_no_error (error);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "disk is full"));
  g_assert_false (lock_left);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/hostile/injection-column", test_injection_column);
  g_test_add_func ("/core/hostile/trigger", test_trigger);
  g_test_add_func ("/core/hostile/view-of-many-rows", test_view_of_many_rows);
  g_test_add_func ("/core/hostile/table-of-its-own", test_table_of_its_own);
  g_test_add_func ("/core/hostile/changed-check", test_changed_check);
  g_test_add_func ("/core/hostile/no-district-row", test_no_district_row);
  g_test_add_func ("/core/hostile/overflow-periods", test_overflow_periods);
  g_test_add_func ("/core/hostile/long-text", test_long_text);
  g_test_add_func ("/core/hostile/connection-limits", test_connection_limits);
  g_test_add_func ("/core/hostile/busy-is-not-damage", test_busy_is_not_damage);
  g_test_add_func ("/core/hostile/hot-journal", test_hot_journal);
  g_test_add_func ("/core/hostile/wal", test_wal);
  g_test_add_func ("/core/hostile/disk-full", test_disk_full);
  return g_test_run ();
}
