/* SPDX-License-Identifier: GPL-3.0-or-later */
/* I/O errors injected through an SQLite VFS shim: the n-th write or sync of
 * the project file fails. Each edit must then either be saved whole or be
 * refused with a message, the file must stay valid, and nothing that was
 * confirmed may be lost. */
#include <math.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "styrkort-backups.h"
#include "styrkort-locale.h"
#include "styrkort-project.h"
#include "test-util.h"
#include "vfs-shim.h"

static void
on_save_error_cb (StyrkortProject *project, GParamSpec *pspec, guint *notes)
{
  (*notes)++;
}

/* Waits (at most 10 s) for @project's save error to be set or cleared. */
static void
wait_for_save_error (StyrkortProject *project, gboolean set)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((styrkort_project_get_save_error (project) != NULL) != set && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (styrkort_project_get_save_error (project) != NULL, ==, set);
}

static void
test_io_errors (void)
{
  g_autofree char *path = test_path ("I-O-fel.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Fel", &error);
  guint failures = 0, made = 0, notes = 0;

  g_assert_no_error (error);
  g_clear_object (&p);
  /* Fail each of the first 40 writes/syncs in turn, across many edits. */
  for (int n = 0; n < 40; n++)
    {
      p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
      g_assert_no_error (error);
      g_signal_connect (p, "notify::save-error", G_CALLBACK (on_save_error_cb), &notes);
      vfs_shim_fail_after (n);
      for (int edit = 0; edit < 6; edit++)
        {
          g_autofree char *name = g_strdup_printf ("Enhet %d-%d", n, edit);
          /* The edit is made at once, in memory; saving it may fail. */
          g_assert_cmpint (styrkort_project_add_unit (p, name, 1, &error), >, 0);
          g_assert_no_error (error);
          made++;
          if (!styrkort_project_save (p, &error))
            {
              g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO);
              g_assert_nonnull (strstr (error->message, "not saved"));
              g_clear_error (&error);
              /* The window hears of it. */
              wait_for_save_error (p, TRUE);
              failures++;
            }
        }
      vfs_shim_fail_after (-1);
      /* The next try saves what failed: nothing is lost. */
      g_assert_true (styrkort_project_save (p, &error));
      g_assert_no_error (error);
      wait_for_save_error (p, FALSE);
      g_clear_object (&p);
      g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM unit"), ==, made);
      {
        g_autofree char *check = test_sql_text (path, "PRAGMA integrity_check");
        g_assert_cmpstr (check, ==, "ok");
      }
    }
  g_test_message ("%u saves failed by injected I/O errors (%u of them while the test waited) and were made again;"
                  " %u edits saved", notes / 2, failures, made);
  /* Each failure was told, and so was the save that ended it. A failure
   * shows in styrkort_project_save () only when no try came after it. */
  g_assert_cmpuint (notes % 2, ==, 0);
  g_assert_cmpuint (notes, >=, 2 * failures);
  g_assert_cmpuint (notes / 2, >=, 30);
}

/* The file cannot be written when the window closes: the edits are kept
 * among the backups, and the file is as it was. */
static void
test_closing_when_unwritable (void)
{
  g_autofree char *path = test_path ("Stängs.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Stängs", &error);
  g_autoptr(GPtrArray) backups = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (styrkort_project_add_unit (p, "Sparad", 1, &error), >, 0);
  test_saved (p);
  vfs_shim_break_files (path);
  g_assert_cmpint (styrkort_project_add_unit (p, "Osparad", 1, &error), >, 0);
  g_assert_false (styrkort_project_save (p, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO);
  g_clear_error (&error);
  /* Closing tries once more, fails, and keeps a copy. */
  g_clear_object (&p);
  vfs_shim_break_files (NULL);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM unit WHERE name = 'Osparad'"), ==, 0);
  backups = styrkort_backups_list (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    g_autofree char *copy = g_file_get_path (backups->pdata[0]);
    g_assert_true (g_str_has_suffix (copy, "-unsaved.styrkort"));
    g_assert_cmpint (test_sql_int (copy, "SELECT count(*) FROM unit WHERE name IN ('Sparad', 'Osparad')"), ==, 2);
  }
}

/* A slow disk (every write and sync 4 ms): edits still complete, and a
 * second program reading the file meanwhile waits for the lock instead of
 * failing. */
static void
test_slow_disk (void)
{
  g_autofree char *path = test_path ("Långsam disk.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Långsam", &error);
  const char *cli = g_getenv ("STYRKORT_CLI");
  char *argv[] = { (char *) cli, (char *) "info", path, NULL };
  GPid readers[3];
  int out_fd[3];

  vfs_shim_set_delays (0, 4000);
  for (int r = 0; r < 3; r++)
    g_assert_true (g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &readers[r],
                                             NULL, &out_fd[r], NULL, &error));
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Enhet %d", i);
      g_assert_cmpint (styrkort_project_add_unit (p, name, 1, &error), >, 0);
      g_assert_no_error (error);
    }
  vfs_shim_set_delays (0, 0);
  for (int r = 0; r < 3; r++)
    {
      int status;
      char buffer[4096];
      while (read (out_fd[r], buffer, sizeof buffer) > 0)
        ;
      close (out_fd[r]);
      waitpid (readers[r], &status, 0);
      g_spawn_close_pid (readers[r]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  g_clear_object (&p);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM unit"), ==, 30);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  g_setenv ("LANGUAGE", "en", TRUE);
  vfs_shim_install ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/io-errors-through-vfs", test_io_errors);
  g_test_add_func ("/faults/closing-when-unwritable", test_closing_when_unwritable);
  g_test_add_func ("/faults/slow-disk", test_slow_disk);
  return g_test_run ();
}
