/* SPDX-License-Identifier: GPL-3.0-or-later */
/* I/O errors injected through an SQLite VFS shim: the n-th write or sync of
 * the project file fails. Each edit must then either be saved whole or be
 * refused with a message, the file must stay valid, and nothing that was
 * confirmed may be lost. */
#include <math.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "styrkort-locale.h"
#include "styrkort-project.h"
#include "test-util.h"
#include "vfs-shim.h"

static void
test_io_errors (void)
{
  g_autofree char *path = test_path ("I-O-fel.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Fel", &error);
  guint failures = 0, confirmed = 0;

  g_assert_no_error (error);
  g_clear_object (&p);
  /* Fail each of the first 40 writes/syncs in turn, across many edits. */
  for (int n = 0; n < 40; n++)
    {
      p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
      g_assert_no_error (error);
      vfs_shim_fail_after (n);
      for (int edit = 0; edit < 6; edit++)
        {
          g_autofree char *name = g_strdup_printf ("Enhet %d-%d", n, edit);
          gint64 id = styrkort_project_add_unit (p, name, 1, &error);
          if (id == 0)
            {
              g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO);
              g_assert_nonnull (strstr (error->message, "not saved"));
              g_clear_error (&error);
              failures++;
            }
          else
            confirmed++;
        }
      vfs_shim_fail_after (-1);
      g_clear_object (&p);
      /* After every round: a valid file with exactly the confirmed edits. */
      g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM unit"), ==, confirmed);
      {
        g_autofree char *check = test_sql_text (path, "PRAGMA integrity_check");
        g_assert_cmpstr (check, ==, "ok");
      }
    }
  g_test_message ("%u edits refused by injected I/O errors, %u saved", failures, confirmed);
  g_assert_cmpuint (failures, >=, 30);
  g_assert_cmpuint (confirmed, >, 100);
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
  g_test_add_func ("/faults/slow-disk", test_slow_disk);
  return g_test_run ();
}
