/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time from asking for a page to its first frame drawn, for every page of
 * the main window: the demo, and the demo with 30 units (a Nyckeltal grid of
 * 30 columns). Min and median over the rounds, in ms. Target: 50 ms or less
 * (three frames at 60 Hz). Needs a display (tests/bench/run starts Xvfb). */
#include <adwaita.h>

#include "styrkort-application.h"
#include "styrkort-demo.h"
#include "styrkort-locale.h"
#include "styrkort-window.h"
#include "window-bench.h"

#define ROUNDS 7

static void
on_after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Shows @page and waits for the frame that draws it. */
static double
time_page (StyrkortWindow *window, const char *page)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gint64 start = g_get_monotonic_time ();

  styrkort_window_show_page (window, page);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench (GtkApplication *app, const char *label, const char *path)
{
  static const char *pages[] = { "overview", "a01", "a03", "figures", "steering" };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StyrkortWindow *window = styrkort_window_new (app);
  double times[G_N_ELEMENTS (pages)][ROUNDS];

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  if (!window_bench_open (window, file))
    g_error ("could not open %s", path);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  for (int r = 0; r < ROUNDS; r++)
    for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
      {
        /* Away first, so that each measurement shows the page anew. */
        time_page (window, p == 0 ? "steering" : "overview");
        times[p][r] = time_page (window, pages[p]);
      }
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *name = g_strdup_printf ("%s: %s", label, pages[p]);
      qsort (times[p], ROUNDS, sizeof (double), window_bench_compare);
      g_print ("%-34s %9.1f %9.1f\n", name, times[p][0], times[p][ROUNDS / 2]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *folder = g_dir_make_tmp ("styrkort-bench-XXXXXX", NULL);
  g_autofree char *demo = g_build_filename (folder, "demo.styrkort", NULL);
  g_autofree char *wide = g_build_filename (folder, "30 units.styrkort", NULL);
  g_autoptr(StyrkortApplication) app = NULL;

  app = window_bench_init (folder);
  window_bench_make_demo (demo, 0);
  window_bench_make_demo (wide, 25);
  g_print ("%-34s %9s %9s\n", "page to first frame", "min ms", "median");
  bench (GTK_APPLICATION (app), "demo", demo);
  bench (GTK_APPLICATION (app), "30 units", wide);
  return 0;
}
