/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: a process making edits is killed with SIGKILL at random
 * moments; every edit it reported as saved must be in the file afterwards. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include "styrkort-locale.h"
#include "styrkort-project.h"
#include "test-util.h"

#define N_EDITS 1000

static void
run_once (guint32 seed)
{
  g_autofree char *path = test_path ("krasch.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = styrkort_project_create (file, "Krasch", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (project);
  g_autoptr(StyrkortIndicator) vfu = styrkort_project_find_indicator (project, "vfu_places");
  g_autofree char *n_edits = g_strdup_printf ("%d", N_EDITS);
  const char *helper = g_getenv ("STYRKORT_TEST_HOLDER");
  char *argv[] = { (char *) helper, (char *) "edits", path, n_edits, NULL };
  int kill_after = g_rand_int_range (rand, 1, N_EDITS * 3 / 4);
  int reported = -1, status = 0;
  gint64 unit;
  GPid pid;
  int out_fd;
  FILE *out;
  char line[32];

  unit = styrkort_project_add_unit (project, "Enheten", ((StyrkortOperation *) operations->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  g_assert_true (g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                           NULL, &out_fd, NULL, &error));
  out = fdopen (out_fd, "r");
  while (fgets (line, sizeof line, out) != NULL)
    {
      reported = atoi (line);
      if (reported + 1 >= kill_after)
        {
          /* Somewhere inside the next edit, not just between two. */
          g_usleep (g_rand_int_range (rand, 0, 3000));
          kill (pid, SIGKILL);
          break;
        }
    }
  waitpid (pid, &status, 0);
  fclose (out);
  g_spawn_close_pid (pid);
  g_test_message ("seed %u: killed after %d reported edits", seed, reported + 1);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (reported + 1, ==, kill_after);

  /* Open as the app would: a hot journal is rolled back, the lock left by
   * the dead process is free. */
  project = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_false (styrkort_project_is_read_only (project));
  for (int i = 0; i <= reported; i++)
    {
      g_autoptr(StyrkortValue) v = styrkort_project_get_value (project, vfu->id, unit,
                                                              (StyrkortPeriod) { 1900 + i / 3, i % 3 + 1 });
      g_assert_nonnull (v);
      g_assert_cmpfloat (v->value, ==, i);
    }
  g_clear_object (&project);
  {
    g_autofree char *check = test_sql_text (path, "PRAGMA quick_check");
    g_assert_cmpstr (check, ==, "ok");
  }
  /* Edits past the last one read may have landed too, but only whole ones,
   * in order, with no gap. */
  {
    gint64 stored = test_sql_int (path, "SELECT count(*) FROM indicator_value");
    g_assert_cmpint (stored, >, reported);
    g_assert_cmpint (test_sql_int (path, "SELECT max(value) FROM indicator_value"), ==, stored - 1);
  }
}

static void
test_kill (gconstpointer data)
{
  run_once (GPOINTER_TO_UINT (data));
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  for (guint seed = 1; seed <= 4; seed++)
    {
      g_autofree char *name = g_strdup_printf ("/core/crash/sigkill-%u", seed);
      g_test_add_data_func (name, GUINT_TO_POINTER (seed * 7919), test_kill);
    }
  return g_test_run ();
}
