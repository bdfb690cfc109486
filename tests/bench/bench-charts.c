/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to draw each chart type at 1920×1080, and the demo's whole slide set:
 * min and median over repeated runs, in ms. Target: 4 ms or less per chart. */
#include <cairo.h>
#include <glib/gstdio.h>

#include "styrkort-locale.h"
#include "styrkort-chart-data.h"
#include "styrkort-demo.h"

#define RUNS 50

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
measure (const char *name, GPtrArray *charts, cairo_surface_t *surface)
{
  double times[RUNS];

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      for (guint i = 0; i < charts->len; i++)
        {
          cairo_t *cr = cairo_create (surface);
          styrkort_chart_layout_free (styrkort_chart_draw (charts->pdata[i], cr, 1920, 1080, STYRKORT_CHART_PROJECTED));
          cairo_destroy (cr);
        }
      cairo_surface_flush (surface);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_print ("%-28s %8.2f %8.2f %6u\n", name, times[0], times[RUNS / 2], charts->len);
}

int
main (void)
{
  g_autofree char *folder = g_dir_make_tmp ("styrkort-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "demo.styrkort", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = NULL;
  StyrkortPeriod period = styrkort_demo_last_period ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  g_autoptr(StyrkortIndicator) turnover = NULL, headcount = NULL;
  g_autoptr(StyrkortArea) area = NULL;
  struct { const char *name; StyrkortChart *chart; } kinds[5];

  styrkort_locale_init (); /* as the app does */
  g_setenv ("XDG_DATA_HOME", folder, TRUE);
  p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  g_assert_no_error (error);
  turnover = styrkort_project_find_indicator (p, "turnover");
  headcount = styrkort_project_find_indicator (p, "headcount");
  area = styrkort_project_find_area (p, "a03");
  kinds[0].name = "trend";
  kinds[0].chart = styrkort_chart_new_trend (p, turnover->id, period, 9);
  kinds[1].name = "units";
  kinds[1].chart = styrkort_chart_new_units (p, turnover->id, period);
  kinds[2].name = "area status";
  kinds[2].chart = styrkort_chart_new_area_status (p, period);
  kinds[3].name = "goals";
  kinds[3].chart = styrkort_chart_new_goals (p, area->id, period);
  kinds[4].name = "women/men";
  kinds[4].chart = styrkort_chart_new_gender (p, headcount->id, period);

  g_print ("%-28s %8s %8s %6s\n", "chart (1920x1080)", "min ms", "median", "charts");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_chart_free);
      g_ptr_array_add (one, kinds[k].chart);
      measure (kinds[k].name, one, surface);
    }
  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(GPtrArray) slides = styrkort_chart_new_default_slides (p, period);
    double build_ms = (g_get_monotonic_time () - start) / 1000.0;
    measure ("all demo slides (draw)", slides, surface);
    g_print ("%-28s %8.2f\n", "all demo slides (data)", build_ms);
  }
  cairo_surface_destroy (surface);
  styrkort_project_close (p);
  g_remove (path);
  g_remove (folder);
  return 0;
}
