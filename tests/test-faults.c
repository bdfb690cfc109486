/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults: a full disk while editing and while exporting (a file-size limit
 * makes every write past it fail, as on a full disk), a file deleted or
 * moved while open, a path with Swedish letters and spaces, and the app and
 * the CLI on one file at once. */
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "styrkort-backups.h"
#include "styrkort-locale.h"
#include "styrkort-demo.h"
#include "styrkort-workbook.h"
#include "test-util.h"

/* Runs @body in a child whose files may not grow past @limit bytes; the
 * child reports on stdout. Returns the child's output. */
static char *
with_full_disk (rlim_t limit, void (*body) (const char *path), const char *path)
{
  int fds[2];
  pid_t pid;
  GString *out = g_string_new (NULL);
  char buffer[256];
  ssize_t got;
  int status;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit rl = { limit, limit };
      close (fds[0]);
      dup2 (fds[1], STDOUT_FILENO);
      signal (SIGXFSZ, SIG_IGN); /* a write past the limit fails with EFBIG instead */
      setrlimit (RLIMIT_FSIZE, &rl);
      body (path);
      fflush (stdout);
      _exit (0);
    }
  close (fds[1]);
  while ((got = read (fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, got);
  close (fds[0]);
  waitpid (pid, &status, 0);
  g_assert_true (WIFEXITED (status));
  return g_string_free (out, FALSE);
}

/* In the child: edit until the disk is full, report what was saved. */
static void
edit_until_full (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_autoptr(StyrkortArea) area = styrkort_project_find_area (p, "a01");

  for (int i = 0; i < 100000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Åtgärd %d %s", i, "med en lång text som fyller disken snabbare");
      StyrkortAction a = { 0, area->id, 0, text, (char *) "", NULL, STYRKORT_ACTION_PLANNED, (char *) "" };
      if (styrkort_project_add_action (p, &a, &error) == 0 || !styrkort_project_save (p, &error))
        {
          printf ("error %d %s\n", error->code, error->message);
          return;
        }
      printf ("ok %d\n", i);
    }
}

static void
test_disk_full_while_editing (void)
{
  g_autofree char *path = test_path ("Full disk.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Full", &error);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  goffset size;
  const char *last = NULL;
  int confirmed = -1;

  g_clear_object (&p);
  size = test_sql_int (path, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
  out = with_full_disk (size + 64 * 1024, edit_until_full, path);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  /* Closing logs what it did with the unsaved edit: the report is the line before. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "ok "))
      confirmed = atoi (lines[i] + 3);
    else if (g_str_has_prefix (lines[i], "error "))
      last = lines[i];
  g_test_message ("%d edits confirmed, then: %s", confirmed + 1, last);
  /* The disk filled up: a clear message, not a crash. */
  g_assert_nonnull (last);
  g_assert_nonnull (strstr (last, "not saved"));
  g_assert_cmpint (confirmed, >, 10);
  /* The file is valid and holds every edit saved (the last one stayed in memory). */
  p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  {
    g_autofree char *check = test_sql_text (path, "PRAGMA integrity_check");
    g_autoptr(GPtrArray) actions = styrkort_project_list_actions (p, 0);
    g_assert_cmpstr (check, ==, "ok");
    g_assert_cmpuint (actions->len, ==, (guint) confirmed + 1);
  }
}

static void
export_when_full (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY, &error);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *xlsx = g_build_filename (folder, "arbetsbok.xlsx", NULL);

  if (styrkort_workbook_export (p, styrkort_demo_last_period (), xlsx, &error))
    printf ("exported\n");
  else
    printf ("error %d %s\n", error->code, error->message);
}

static void
test_disk_full_while_exporting (void)
{
  g_autofree char *path = test_path ("Export.styrkort");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *xlsx = g_build_filename (folder, "arbetsbok.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  g_autofree char *before = NULL, *after = NULL, *out = NULL;

  g_clear_object (&p);
  test_write_bytes (xlsx, "the workbook sent last time", 27);
  before = test_checksum (xlsx);
  out = with_full_disk (16 * 1024, export_when_full, path);
  g_test_message ("%s", out);
  g_assert_true (g_str_has_prefix (out, "error"));
  g_assert_nonnull (strstr (out, "arbetsbok.xlsx"));
  after = test_checksum (xlsx);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *part = g_strconcat (xlsx, ".part", NULL);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
}

static void
test_deleted_while_open (void)
{
  g_autofree char *path = test_path ("Borttagen stadsdel.styrkort");
  g_autofree char *moved = g_strconcat (path, ".flyttad", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Borttagen", &error);
  gint64 op = 1;

  g_autoptr(GPtrArray) backups = NULL;

  g_assert_cmpint (styrkort_project_add_unit (p, "Före", op, &error), >, 0);
  test_saved (p);
  /* Moved away while open: saving the edit fails with a clear message rather
   * than writing where nobody will look (SQLite notices the move). */
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_cmpint (styrkort_project_add_unit (p, "Efter", op, &error), >, 0);
  g_assert_false (styrkort_project_save (p, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "moved or deleted"));
  g_clear_error (&error);
  g_clear_object (&p);
  /* The edit that could not be saved is kept among the backups. */
  backups = styrkort_backups_list (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    g_autofree char *copy = g_file_get_path (backups->pdata[0]);
    g_assert_cmpint (test_sql_int (copy, "SELECT count(*) FROM unit WHERE name IN ('Före', 'Efter')"), ==, 2);
  }
  /* What was saved before is all there, in a valid file. */
  g_assert_cmpint (test_sql_int (moved, "SELECT count(*) FROM unit"), ==, 1);
  {
    g_autofree char *check = test_sql_text (moved, "PRAGMA integrity_check");
    g_assert_cmpstr (check, ==, "ok");
  }
  /* Reopening the old name says the file is gone, clearly. */
  p = styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error);
  g_assert_null (p);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Borttagen stadsdel.styrkort"));
}

static void
test_app_and_cli_at_once (void)
{
  g_autofree char *path = test_path ("Å Ä Ö samtidigt.styrkort");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *xlsx = g_build_filename (folder, "Å Ä Ö.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) editor = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  const char *cli = g_getenv ("STYRKORT_CLI");
  char *info[] = { (char *) cli, (char *) "info", path, NULL };
  char *export[] = { (char *) cli, (char *) "export", path, xlsx, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  /* The file is open for editing here (as in the app) while the CLI reads it. */
  g_assert_false (styrkort_project_is_read_only (editor));
  g_assert_cmpint (styrkort_project_add_unit (editor, "Ny enhet", 1, &error), >, 0);
  test_saved (editor);
  g_assert_true (g_spawn_sync (NULL, info, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Ny enhet"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, export, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  /* And the editor still edits. */
  g_assert_cmpint (styrkort_project_add_unit (editor, "Ännu en", 1, &error), >, 0);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  g_setenv ("LANGUAGE", "en", TRUE);
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/disk-full-while-editing", test_disk_full_while_editing);
  g_test_add_func ("/faults/disk-full-while-exporting", test_disk_full_while_exporting);
  g_test_add_func ("/faults/deleted-while-open", test_deleted_while_open);
  g_test_add_func ("/faults/app-and-cli-at-once", test_app_and_cli_at_once);
  return g_test_run ();
}
