/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "styrkort-demo.h"
#include "styrkort-locale.h"
#include "window-bench.h"

int
window_bench_compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

void
window_bench_add_units (StyrkortProject *project, guint n)
{
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (project);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Enhet %02u", i + 1);
      StyrkortOperation *op = operations->pdata[i % operations->len];
      if (styrkort_project_add_unit (project, name, op->id, NULL) == 0)
        g_error ("could not add %s", name);
    }
}

static void
on_open_done_cb (StyrkortWindow *window, gboolean opened, const char *message, int *result)
{
  *result = opened;
}

gboolean
window_bench_open (StyrkortWindow *window, GFile *file)
{
  int result = -1;
  gulong id = g_signal_connect (window, "open-done", G_CALLBACK (on_open_done_cb), &result);

  styrkort_window_open (window, file);
  while (result < 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (window, id);
  return result;
}

StyrkortApplication *
window_bench_init (const char *folder)
{
  StyrkortApplication *app;

  styrkort_locale_init (); /* as the app does */
  gtk_disable_setlocale ();
  g_setenv ("XDG_DATA_HOME", folder, TRUE);
  gtk_init ();
  adw_init ();
  app = styrkort_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  return app;
}

void
window_bench_make_demo (const char *path, guint extra_units)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StyrkortProject) project = styrkort_demo_create (file, STYRKORT_DEMO_SEED, NULL);

  if (project == NULL)
    g_error ("could not make the demo");
  window_bench_add_units (project, extra_units);
}

static gint64 poll_returned;
static gint64 longest_stall;

static int
measuring_poll (GPollFD *fds, guint n_fds, int timeout)
{
  gint64 now = g_get_monotonic_time ();
  int result;

  if (poll_returned > 0 && now - poll_returned > longest_stall)
    longest_stall = now - poll_returned;
  result = g_poll (fds, n_fds, timeout);
  poll_returned = g_get_monotonic_time ();
  return result;
}

void
window_bench_stalls_start (void)
{
  g_main_context_set_poll_func (NULL, measuring_poll);
  poll_returned = g_get_monotonic_time ();
  longest_stall = 0;
}

double
window_bench_stalls_longest (void)
{
  gint64 now = g_get_monotonic_time ();

  /* The stretch still running counts too. */
  if (now - poll_returned > longest_stall)
    longest_stall = now - poll_returned;
  return longest_stall / 1000.0;
}
