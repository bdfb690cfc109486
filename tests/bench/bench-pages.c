/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Switching pages of the main window, for the demo and the demo with 30
 * units (a Nyckeltal grid of 30 columns): the page shown for the first time
 * in a window, and shown again after another page. Measured: the time from
 * asking to the frame that shows the page complete (every chart and cell),
 * and the longest stretch the main loop ran without waiting on the way (no
 * event handled, no frame drawn), as medians over the rounds in ms, and the
 * worst stretch. Target (architecture issue): complete within 50 ms, no
 * stretch over 16 ms. Needs a display (tests/bench/run starts Xvfb). */
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

typedef struct
{
  double complete[ROUNDS]; /* from asking to the frame that shows it all */
  double stall[ROUNDS];    /* the longest stretch without a frame on the way */
} Times;

/* Shows @page and waits for the frame that draws it complete. */
static void
time_page (StyrkortWindow *window, const char *page, Times *times, int round)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gint64 start;

  window_bench_stalls_start ();
  start = g_get_monotonic_time ();
  styrkort_window_show_page (window, page);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  /* Complete: a frame drawn once the page had nothing more to add. */
  while (!painted || styrkort_window_is_busy (window))
    {
      gboolean busy = styrkort_window_is_busy (window);
      if (busy)
        painted = FALSE;
      g_main_context_iteration (NULL, TRUE);
      if (busy && !styrkort_window_is_busy (window))
        gtk_widget_queue_draw (GTK_WIDGET (window));
    }
  if (times != NULL)
    {
      times->complete[round] = (g_get_monotonic_time () - start) / 1000.0;
      times->stall[round] = window_bench_stalls_longest ();
    }
  g_signal_handler_disconnect (clock, id);
}

/* A window showing @path's Översikt complete; with @ready, also every other
 * page made ready ahead, as after the first seconds with the file, and
 * @ready the time from opening until then. */
static StyrkortWindow *
open_window (GtkApplication *app, const char *path, double *ready)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StyrkortWindow *window = styrkort_window_new (app);
  gint64 start = g_get_monotonic_time ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  if (!window_bench_open (window, file))
    g_error ("could not open %s", path);
  time_page (window, "overview", NULL, 0);
  while (ready != NULL && styrkort_window_is_preparing (window))
    g_main_context_iteration (NULL, TRUE);
  if (ready != NULL)
    *ready = (g_get_monotonic_time () - start) / 1000.0;
  return window;
}

static void
print_times (const char *label, const char *page, const char *visit, Times *times)
{
  g_autofree char *name = g_strdup_printf ("%s: %s, %s", label, page, visit);

  qsort (times->complete, ROUNDS, sizeof (double), window_bench_compare);
  qsort (times->stall, ROUNDS, sizeof (double), window_bench_compare);
  g_print ("%-36s %9.1f %9.1f %9.1f\n", name, times->complete[ROUNDS / 2], times->stall[ROUNDS / 2],
           times->stall[ROUNDS - 1]);
}

/* Each page shown for the first time in a window of its own: at once, as
 * soon as the file shows, and once the window has made its pages ready;
 * then again after another page. */
static void
bench (GtkApplication *app, const char *label, const char *path, const char * const *pages)
{
  guint n = g_strv_length ((char **) pages);
  g_autofree Times *at_once = g_new0 (Times, n), *ready = g_new0 (Times, n), *again = g_new0 (Times, n);
  g_autofree double *all_ready = g_new0 (double, ROUNDS * n);
  guint opened = 0;

  for (int r = 0; r < ROUNDS; r++)
    for (guint p = 0; p < n; p++)
      {
        StyrkortWindow *window = open_window (app, path, NULL);
        /* The window opens on Översikt: it is first shown at once. */
        const char *away = g_str_equal (pages[p], "overview") ? "steering" : "overview";
        time_page (window, pages[p], &at_once[p], r);
        gtk_window_destroy (GTK_WINDOW (window));
        window = open_window (app, path, &all_ready[opened++]);
        time_page (window, pages[p], &ready[p], r);
        time_page (window, away, NULL, 0);
        time_page (window, pages[p], &again[p], r);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  qsort (all_ready, opened, sizeof (double), window_bench_compare);
  g_print ("%s: every page made ready %.0f ms after opening (median)\n", label, all_ready[opened / 2]);
  for (guint p = 0; p < n; p++)
    {
      print_times (label, pages[p], "first, at once", &at_once[p]);
      print_times (label, pages[p], "first, made ready", &ready[p]);
      print_times (label, pages[p], "again", &again[p]);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *folder = g_dir_make_tmp ("styrkort-bench-XXXXXX", NULL);
  g_autofree char *demo = g_build_filename (folder, "demo.styrkort", NULL);
  g_autofree char *wide = g_build_filename (folder, "30 units.styrkort", NULL);
  g_autoptr(StyrkortApplication) app = NULL;
  static const char *all[] = { "overview", "a01", "a03", "figures", "steering", NULL };
  /* Pages named on the command line, or all. */
  const char * const *pages = argc > 1 ? (const char * const *) argv + 1 : all;

  app = window_bench_init (folder);
  window_bench_make_demo (demo, 0);
  window_bench_make_demo (wide, 25);
  g_print ("%-36s %9s %9s %9s\n", "page (median ms)", "complete", "stall", "worst");
  bench (GTK_APPLICATION (app), "demo", demo, pages);
  bench (GTK_APPLICATION (app), "30 units", wide, pages);
  return 0;
}
