/* SPDX-License-Identifier: GPL-3.0-or-later */
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
on_open_done_cb (StyrkortWindow *window, gboolean opened, int *result)
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
