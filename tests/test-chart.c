/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts drawn from fixed data to PNG, SVG and PDF, with assertions on the
 * geometry, the pixels and the text placement. PNGs are kept in
 * BUILDDIR/tests/charts/ to be looked at. */
#include <cairo.h>
#ifdef _WIN32
#include <windows.h>
#else
#include <sched.h>
#endif
#include <glib/gstdio.h>
#include <math.h>

#include "styrkort-ahead.h"
#include "styrkort-locale.h"
#include "styrkort-number.h"
#include "styrkort-chart-data.h"
#include "styrkort-chart-render.h"
#include "styrkort-chart-style.h"
#include "styrkort-demo.h"
#include "test-util.h"

#define W 1920
#define H 1080

static char *
output_path (const char *name)
{
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "charts", NULL);
  g_mkdir_with_parents (folder, 0755);
  return g_build_filename (folder, name, NULL);
}

typedef struct {
  cairo_surface_t *surface;
  StyrkortChartLayout *layout;
} Rendered;

static Rendered
render (const StyrkortChart *chart, int w, int h, StyrkortChartMode mode, const char *png_name)
{
  Rendered r;
  cairo_t *cr;

  r.surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (r.surface);
  r.layout = styrkort_chart_draw (chart, cr, w, h, mode);
  cairo_destroy (cr);
  cairo_surface_flush (r.surface);
  if (png_name != NULL)
    {
      g_autofree char *path = output_path (png_name);
      g_assert_cmpint (cairo_surface_write_to_png (r.surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
  return r;
}

static void
rendered_clear (Rendered *r)
{
  cairo_surface_destroy (r->surface);
  styrkort_chart_layout_free (r->layout);
}

static guint32
pixel (cairo_surface_t *surface, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  return *(guint32 *) (data + (int) y * stride + (int) x * 4) & 0xffffff;
}

static guint32
rgb (StyrkortRgb c)
{
  return ((guint32) lround (c.r * 255) << 16) | ((guint32) lround (c.g * 255) << 8) | (guint32) lround (c.b * 255);
}

static gboolean
boxes_overlap (const StyrkortRect *a, const StyrkortRect *b)
{
  const double slack = 0.5;
  return a->x + slack < b->x + b->width && b->x + slack < a->x + a->width &&
         a->y + slack < b->y + b->height && b->y + slack < a->y + a->height;
}

/* No text leaves the canvas, and no two texts cover each other. */
static void
assert_texts_fit (const StyrkortChartLayout *layout, double w, double h)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const StyrkortChartText *t = &g_array_index (layout->texts, StyrkortChartText, i);
      if (t->box.x < -0.5 || t->box.y < -0.5 || t->box.x + t->box.width > w + 0.5 || t->box.y + t->box.height > h + 0.5)
        g_error ("text “%s” leaves the canvas: %.1f,%.1f %.1f×%.1f", t->text, t->box.x, t->box.y, t->box.width, t->box.height);
      for (guint j = i + 1; j < layout->texts->len; j++)
        {
          const StyrkortChartText *u = &g_array_index (layout->texts, StyrkortChartText, j);
          if (boxes_overlap (&t->box, &u->box))
            g_error ("texts “%s” and “%s” overlap", t->text, u->text);
        }
    }
}

static gboolean
has_text (const StyrkortChartLayout *layout, const char *text)
{
  for (guint i = 0; i < layout->texts->len; i++)
    if (g_str_equal (g_array_index (layout->texts, StyrkortChartText, i).text, text))
      return TRUE;
  return FALSE;
}

static const StyrkortChartMark *
mark_for (const StyrkortChartLayout *layout, guint category, guint series)
{
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const StyrkortChartMark *m = &g_array_index (layout->marks, StyrkortChartMark, i);
      if (m->category == category && m->series == series)
        return m;
    }
  return NULL;
}

/* Seed 001's turnover table. */
static StyrkortChart *
seed_turnover_chart (void)
{
  static const struct { const char *unit; double value; } rows[] = {
    { "Enheten för barn och familj (hela enheten inkl. chefer)", 89.76 },
    { "Enheten för barn och familj (endast socialsekreterare)", 78.9 },
    { "Enheten för ekonomiskt bistånd och arbetsmarknad", 16.44 },
    { "Enheten för vuxna", 11.54 },
    { "Enheten för funktionsnedsatta", 12.00 },
    { "Enheten för äldre", 9.64 },
  };
  StyrkortChart *chart = styrkort_chart_new (STYRKORT_CHART_UNITS, "Personalomsättning per enhet",
                                             "SDF Exempel · april 2019 – mars 2020");
  StyrkortChartSeries *s = styrkort_chart_add_series (chart, "Personalomsättning", STYRKORT_SERIES_DISTRICT);

  chart->percent = TRUE;
  chart->decimals = 2;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      styrkort_chart_add_category (chart, rows[i].unit);
      g_array_append_val (s->values, rows[i].value);
    }
  chart->reference = 10.6;
  chart->reference_label = g_strdup ("Staden");
  return chart;
}

static void
test_units_seed (void)
{
  g_autoptr(StyrkortChart) chart = seed_turnover_chart ();
  Rendered r = render (chart, W, H, STYRKORT_CHART_SCREEN, "units-seed001.png");
  const StyrkortChartMark *big = mark_for (r.layout, 0, 0), *small = mark_for (r.layout, 5, 0);
  const StyrkortRect *plot = &r.layout->plot;
  double expected_x = plot->x + (10.6 - r.layout->axis_min) / (r.layout->axis_max - r.layout->axis_min) * plot->width;
  guint dark = 0;

  g_assert_nonnull (big);
  g_assert_nonnull (small);
  /* The 89.76 % bar reaches far further than the 9.64 % bar: in proportion. */
  g_assert_cmpfloat (big->box.width, >, small->box.width * 9);
  g_assert_cmpfloat_with_epsilon (big->box.width / small->box.width, 89.76 / 9.64, 0.01);
  /* Sorted: the largest first, at the top. */
  g_assert_cmpfloat (big->box.y, <, small->box.y);
  /* The city line sits at 10.6 on the value axis. */
  g_assert_cmpfloat_with_epsilon (r.layout->reference_position, expected_x, 0.01);
  for (double y = plot->y; y < plot->y + plot->height; y += 1)
    if ((pixel (r.surface, r.layout->reference_position, y) & 0xff) < 0x40)
      dark++;
  g_assert_cmpuint (dark, >, plot->height * 0.3); /* dashed, so not all of it */
  /* The bar is drawn in the district colour, and the space right of it is not. */
  g_assert_cmphex (pixel (r.surface, big->box.x + big->box.width / 2, big->box.y + big->box.height / 2), ==,
                   rgb (styrkort_chart_palette_series (&styrkort_chart_palette_light, STYRKORT_SERIES_DISTRICT)));
  g_assert_cmphex (pixel (r.surface, small->box.x + small->box.width * 3, small->box.y + small->box.height / 2), !=,
                   rgb (styrkort_chart_palette_series (&styrkort_chart_palette_light, STYRKORT_SERIES_DISTRICT)));
  /* Swedish numbers. */
  g_assert_true (has_text (r.layout, "89,76\u00a0%"));
  g_assert_true (has_text (r.layout, "Staden 10,60\u00a0%"));
  assert_texts_fit (r.layout, W, H);
  rendered_clear (&r);
}

static void
test_units_many_long (void)
{
  g_autoptr(StyrkortChart) chart = styrkort_chart_new (STYRKORT_CHART_UNITS, "Sjukfrånvaro per enhet, alla 40 enheter med mycket långa namn som inte får gå utanför", "Källa");
  StyrkortChartSeries *s = styrkort_chart_add_series (chart, "Sjukfrånvaro", STYRKORT_SERIES_DISTRICT);
  int sizes[][2] = { { W, H }, { 800, 450 }, { 1366, 768 } };

  chart->percent = TRUE;
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *full = g_strdup_printf ("Enheten nummer %02u för socialt arbete med barn, unga, vuxna "
                                               "och äldre i stadsdelen, med mottagning och uppsökande verksamhet "
                                               "på kvällar", i);
      /* Longer than two lines of any font at any of the sizes. */
      g_autofree char *name = g_utf8_substring (full, 0, 120);
      double v = i * 1.7;
      g_assert_cmpuint (g_utf8_strlen (name, -1), ==, 120);
      styrkort_chart_add_category (chart, name);
      g_array_append_val (s->values, v);
    }
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autofree char *name = g_strdup_printf ("units-40-long-%dx%d.png", sizes[k][0], sizes[k][1]);
      Rendered r = render (chart, sizes[k][0], sizes[k][1], STYRKORT_CHART_SCREEN, name);
      guint ellipsized = 0;
      g_assert_cmpuint (r.layout->marks->len, ==, 40); /* the zero bar is zero-wide but present */
      for (guint i = 0; i < r.layout->texts->len; i++)
        if (g_str_has_suffix (g_array_index (r.layout->texts, StyrkortChartText, i).text, "…"))
          ellipsized++;
      g_assert_cmpuint (ellipsized, >=, 40);
      assert_texts_fit (r.layout, sizes[k][0], sizes[k][1]);
      rendered_clear (&r);
    }
}

static void
test_units_single_and_missing (void)
{
  g_autoptr(StyrkortChart) one = styrkort_chart_new (STYRKORT_CHART_UNITS, "En enhet", "Källa");
  g_autoptr(StyrkortChart) none = styrkort_chart_new (STYRKORT_CHART_UNITS, "Inga värden", "Källa");
  StyrkortChartSeries *s = styrkort_chart_add_series (one, "V", STYRKORT_SERIES_DISTRICT);
  StyrkortChartSeries *t = styrkort_chart_add_series (none, "V", STYRKORT_SERIES_DISTRICT);
  double v = 12.5, missing = NAN;
  Rendered r;

  styrkort_chart_add_category (one, "Enheten för äldre");
  g_array_append_val (s->values, v);
  r = render (one, W, H, STYRKORT_CHART_SCREEN, "units-single.png");
  g_assert_cmpuint (r.layout->marks->len, ==, 1);
  assert_texts_fit (r.layout, W, H);
  rendered_clear (&r);

  for (int i = 0; i < 3; i++)
    {
      styrkort_chart_add_category (none, "Enhet");
      g_array_append_val (t->values, missing);
    }
  r = render (none, W, H, STYRKORT_CHART_SCREEN, "units-all-missing.png");
  /* Missing is shown as missing: no bar, and no zero. */
  g_assert_cmpuint (r.layout->marks->len, ==, 0);
  g_assert_true (has_text (r.layout, "No figures for this period yet"));
  g_assert_false (has_text (r.layout, "0"));
  assert_texts_fit (r.layout, W, H);
  rendered_clear (&r);
}

static void
test_trend (void)
{
  g_autoptr(StyrkortChart) chart = styrkort_chart_new (STYRKORT_CHART_TREND, "Förändring av antal konsulter", "Källa");
  StyrkortChartSeries *d = styrkort_chart_add_series (chart, "Stadsdelen", STYRKORT_SERIES_DISTRICT);
  StyrkortChartSeries *c = styrkort_chart_add_series (chart, "Staden", STYRKORT_SERIES_CITY);
  double district[] = { 3, -2, 0, NAN, 4, 5 }, city[] = { 1, 1, 0.5, 0, -1, NAN };
  const char *periods[] = { "2024 T1", "2024 T2", "2024 T3", "2025 T1", "2025 T2", "2025 T3" };
  Rendered r;

  chart->decimals = 0;
  for (guint i = 0; i < 6; i++)
    {
      styrkort_chart_add_category (chart, periods[i]);
      g_array_append_val (d->values, district[i]);
      g_array_append_val (c->values, city[i]);
    }
  chart->reference = 4;
  chart->reference_label = g_strdup ("Mål");
  r = render (chart, W, H, STYRKORT_CHART_SCREEN, "trend-negative-missing.png");
  /* Negative values get room below zero; the missing period has no point. */
  g_assert_cmpfloat (r.layout->axis_min, <=, -2);
  g_assert_cmpuint (r.layout->marks->len, ==, 5);
  g_assert_null (mark_for (r.layout, 3, 0));
  /* A point sits where its value says: -2 is below 0 is below 3. */
  g_assert_cmpfloat (mark_for (r.layout, 1, 0)->box.y, >, mark_for (r.layout, 2, 0)->box.y);
  g_assert_cmpfloat (mark_for (r.layout, 2, 0)->box.y, >, mark_for (r.layout, 0, 0)->box.y);
  g_assert_true (has_text (r.layout, "2024"));
  g_assert_true (has_text (r.layout, "T2"));
  g_assert_true (has_text (r.layout, "−2"));
  assert_texts_fit (r.layout, W, H);
  rendered_clear (&r);
}

static StyrkortProject *
demo_project (void)
{
  g_autofree char *path = test_path ("demo.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StyrkortProject *p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  g_assert_no_error (error);
  return p;
}

/* A district that began recording lately: its trend starts at its first
 * figure (not three empty years back), and spans at least three tertials. */
static void
test_trend_starts_at_first_figure (void)
{
  g_autofree char *path = test_path ("new.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Stadsdel Ny", &error);
  g_autoptr(GPtrArray) operations = NULL;
  g_autoptr(StyrkortIndicator) ind = NULL;
  StyrkortPeriod last = { 2026, 2 }, earlier = { 2025, 1 };
  gint64 unit;
  StyrkortValue v;

  g_assert_no_error (error);
  operations = styrkort_project_list_operations (p);
  ind = styrkort_project_find_indicator (p, "consultants");
  g_assert_nonnull (ind);
  unit = styrkort_project_add_unit (p, "Enheten för vuxna", ((StyrkortOperation *) operations->pdata[0])->id, &error);
  g_assert_no_error (error);
  styrkort_value_init (&v);
  v.indicator_id = ind->id;
  v.unit_id = unit;
  v.period = last;
  v.value = 3;
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  {
    g_autoptr(StyrkortChart) chart = styrkort_chart_new_trend (p, ind->id, last, 9);
    g_assert_cmpuint (chart->categories->len, ==, 3);
    g_assert_cmpstr (chart->categories->pdata[0], ==, "2025 T3");
  }
  v.period = earlier;
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  {
    g_autoptr(StyrkortChart) chart = styrkort_chart_new_trend (p, ind->id, last, 9);
    g_assert_cmpuint (chart->categories->len, ==, 5);
    g_assert_cmpstr (chart->categories->pdata[0], ==, "2025 T1");
  }
}

/* The rule for 5 m on every slide of the demo, on a projector and on a
 * laptop's screen: no text smaller than STYRKORT_SLIDE_MIN_TEXT of the
 * height, no title or label cut with an ellipsis, the slide number drawn,
 * and each trend's latest district figure written beside its point. */
static void
test_slides_from_five_metres (void)
{
  g_autoptr(StyrkortProject) p = demo_project ();
  g_autoptr(GPtrArray) slides = styrkort_chart_new_default_slides (p, styrkort_demo_last_period ());
  static const int sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1280, 1024 } };
  guint trends = 0;

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    for (guint i = 0; i < slides->len; i++)
      {
        StyrkortChart *chart = slides->pdata[i];
        double least = MIN (sizes[k][1], sizes[k][0] * 9.0 / 16.0) * STYRKORT_SLIDE_MIN_TEXT;
        g_autofree char *name = g_strdup_printf ("slide-5m-%dx%d-%02u.png", sizes[k][0], sizes[k][1], i + 1);
        Rendered r;

        g_free (chart->page_label);
        chart->page_label = g_strdup_printf ("%u / %u", i + 1, slides->len);
        r = render (chart, sizes[k][0], sizes[k][1], STYRKORT_CHART_PROJECTED, name);
        assert_texts_fit (r.layout, sizes[k][0], sizes[k][1]);
        g_assert_true (has_text (r.layout, chart->page_label));
        for (guint t = 0; t < r.layout->texts->len; t++)
          {
            const StyrkortChartText *text = &g_array_index (r.layout->texts, StyrkortChartText, t);
            if (text->size < least - 1e-6 || g_str_has_suffix (text->text, "…"))
              g_error ("slide %u at %dx%d: “%s” at %.1f px (at least %.1f), %s", i + 1, sizes[k][0], sizes[k][1],
                       text->text, text->size, least, g_str_has_suffix (text->text, "…") ? "cut" : "whole");
          }
        if (chart->kind == STYRKORT_CHART_TREND)
          {
            const StyrkortChartSeries *district = chart->series->pdata[0];
            for (guint c = district->values->len; c > 0; c--)
              {
                double v = g_array_index (district->values, double, c - 1);
                g_autofree char *number = NULL, *label = NULL;
                if (isnan (v))
                  continue;
                number = styrkort_format_number (v, chart->decimals, STYRKORT_NUMBER_SWEDISH);
                label = chart->percent ? g_strconcat (number, "\u00a0%", NULL) : g_strdup (number);
                if (!has_text (r.layout, label))
                  g_error ("trend slide %u: the latest figure %s is not written", i + 1, label);
                trends++;
                break;
              }
          }
        rendered_clear (&r);
      }
  g_assert_cmpuint (trends, >, 0);
}

static void
on_rendered_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  StyrkortChartImage **image = data;
  g_autoptr(GError) error = NULL;

  *image = styrkort_chart_render_finish (result, &error);
  /* Checked when the callback runs: the count goes down after it. */
  g_assert_cmpuint (styrkort_chart_render_pending (), ==, 1);
  if (*image == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      *image = GINT_TO_POINTER (1); /* done, nothing drawn */
    }
}

static StyrkortChartImage *
render_and_wait (const StyrkortChart *chart, int width, int height, int scale, GCancellable *cancellable)
{
  StyrkortChartImage *image = NULL;

  styrkort_chart_render_async (chart, width, height, scale, STYRKORT_CHART_SCREEN, &styrkort_chart_palette_dark,
                               cancellable, on_rendered_cb, &image);
  g_assert_cmpuint (styrkort_chart_render_pending (), ==, 1);
  while (image == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (styrkort_chart_render_pending (), ==, 0);
  return image == GINT_TO_POINTER (1) ? NULL : image;
}

/* The windows' charts are drawn in the chart thread: the image is what
 * drawing on the main thread gives, pixel for pixel, at the window's scale,
 * with its layout in the window's units; a cancelled drawing gives none. */
static void
test_render_in_thread (void)
{
  g_autoptr(StyrkortProject) p = demo_project ();
  g_autoptr(StyrkortChart) chart = styrkort_chart_new_area_status (p, styrkort_demo_last_period ());
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(StyrkortChartImage) image = render_and_wait (chart, 700, 400, scale, NULL);
      cairo_surface_t *here = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700 * scale, 400 * scale);
      cairo_t *cr;
      g_autoptr(StyrkortChartLayout) layout = NULL;
      int stride = cairo_image_surface_get_stride (here);

      cairo_surface_set_device_scale (here, scale, scale);
      cr = cairo_create (here);
      layout = styrkort_chart_draw_in (chart, cr, 700, 400, STYRKORT_CHART_SCREEN, &styrkort_chart_palette_dark);
      cairo_destroy (cr);
      cairo_surface_flush (here);
      g_assert_cmpint (cairo_image_surface_get_width (image->surface), ==, 700 * scale);
      g_assert_cmpint (cairo_image_surface_get_height (image->surface), ==, 400 * scale);
      g_assert_cmpint (cairo_image_surface_get_stride (image->surface), ==, stride);
      g_assert_true (image->palette == &styrkort_chart_palette_dark);
      g_assert_cmpint (memcmp (cairo_image_surface_get_data (image->surface), cairo_image_surface_get_data (here),
                               (size_t) stride * 400 * scale), ==, 0);
      g_assert_cmpuint (image->layout->texts->len, ==, layout->texts->len);
      g_assert_cmpuint (image->layout->marks->len, ==, layout->marks->len);
      g_assert_cmpfloat (image->layout->plot.width, ==, layout->plot.width);
      cairo_surface_destroy (here);
    }
  g_cancellable_cancel (cancelled);
  g_assert_null (render_and_wait (chart, 700, 400, 1, cancelled));
}


/* Work ahead ---------------------------------------------------------------- */

typedef struct {
  GMutex lock;
  GCond cond;
  gboolean open;      /* the work may finish */
  int freed;          /* results freed */
  gboolean lowest;    /* the work ran at the lowest priority */
} Gate;

static gpointer
work_behind_gate (gpointer data)
{
  Gate *gate = data;

#ifdef _WIN32
  gate->lowest = GetThreadPriority (GetCurrentThread ()) == THREAD_PRIORITY_IDLE;
#else
  gate->lowest = sched_getscheduler (0) == SCHED_IDLE;
#endif
  g_mutex_lock (&gate->lock);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  return gate;
}

static void
free_result (gpointer data)
{
  Gate *gate = data;

  g_mutex_lock (&gate->lock);
  gate->freed++;
  g_cond_signal (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

static void
open_gate (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->open = TRUE;
  g_cond_signal (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

/* Finished work is taken as it is, and not freed; it ran at the lowest
 * priority. */
static void
test_ahead_taken_when_finished (void)
{
  Gate gate = { 0 };
  StyrkortAhead *ahead = styrkort_ahead_start ("test", work_behind_gate, &gate, free_result);

  g_assert_false (styrkort_ahead_finished (ahead));
  open_gate (&gate);
  while (!styrkort_ahead_finished (ahead))
    g_usleep (100);
  g_assert_true (styrkort_ahead_take (ahead) == &gate);
  g_assert_true (gate.lowest);
  g_assert_cmpint (gate.freed, ==, 0);
}

/* Work not finished is not waited for: nothing is taken, and what it makes
 * is freed when it finishes, once. */
static void
test_ahead_dropped_when_not_finished (void)
{
  Gate gate = { 0 };
  StyrkortAhead *ahead = styrkort_ahead_start ("test", work_behind_gate, &gate, free_result);

  g_assert_null (styrkort_ahead_take (ahead));
  g_mutex_lock (&gate.lock);
  gate.open = TRUE;
  g_cond_broadcast (&gate.cond);
  while (gate.freed == 0)
    g_cond_wait (&gate.cond, &gate.lock);
  g_mutex_unlock (&gate.lock);
  g_assert_cmpint (gate.freed, ==, 1);
}

/* Fonts loaded ahead (styrkort_chart_render_warm_up()) are taken by the
 * chart thread at its next chart, which draws as on the main thread, pixel
 * for pixel, with them. */
static void
test_render_with_fonts_loaded_ahead (void)
{
  g_autoptr(StyrkortProject) p = demo_project ();
  g_autoptr(StyrkortChart) chart = styrkort_chart_new_area_status (p, styrkort_demo_last_period ());
  g_autoptr(StyrkortChartImage) image = NULL;
  cairo_surface_t *here = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 943, 560);
  cairo_t *cr = cairo_create (here);
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  styrkort_chart_render_warm_up ();
  /* At the lowest priority: done when the machine has a moment. */
  while (!styrkort_chart_render_fonts_waiting () && g_get_monotonic_time () < give_up)
    g_usleep (1000);
  g_assert_true (styrkort_chart_render_fonts_waiting ());
  image = render_and_wait (chart, 943, 560, 1, NULL);
  g_assert_false (styrkort_chart_render_fonts_waiting ());
  styrkort_chart_layout_free (styrkort_chart_draw_in (chart, cr, 943, 560, STYRKORT_CHART_SCREEN,
                                                      &styrkort_chart_palette_dark));
  cairo_destroy (cr);
  cairo_surface_flush (here);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (image->surface), cairo_image_surface_get_data (here),
                           (size_t) cairo_image_surface_get_stride (here) * 560), ==, 0);
  cairo_surface_destroy (here);
}

static void
test_demo_slides (void)
{
  g_autoptr(StyrkortProject) p = demo_project ();
  g_autoptr(GPtrArray) slides = styrkort_chart_new_default_slides (p, styrkort_demo_last_period ());
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = output_path ("slides.pdf");
  g_autofree char *svg = output_path ("slides.svg");
  g_autofree char *pdf_data = NULL, *svg_data = NULL;
  gsize length;

  g_assert_cmpuint (slides->len, >=, 9);
  for (guint i = 0; i < slides->len; i++)
    for (int mode = 0; mode < 2; mode++)
      {
        g_autofree char *name = g_strdup_printf ("slide-%02u-%s.png", i + 1, mode ? "projected" : "screen");
        Rendered r = render (slides->pdata[i], mode ? 1920 : 1366, mode ? 1080 : 768, mode, name);
        g_assert_cmpuint (r.layout->marks->len, >, 0);
        assert_texts_fit (r.layout, mode ? 1920 : 1366, mode ? 1080 : 768);
        rendered_clear (&r);
      }
  g_assert_true (styrkort_chart_export_all (slides, pdf, STYRKORT_EXPORT_PDF, W, H, STYRKORT_CHART_PROJECTED, &error));
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));
  {
    guint pages = 0;
    /* The file has binary streams: search bytes, not a C string. */
    for (gsize at = 0; at + 11 < length; at++)
      if (memcmp (pdf_data + at, "/Type /Page", 11) == 0 && pdf_data[at + 11] != 's')
        pages++;
    g_assert_cmpuint (pages, ==, slides->len);
  }
  g_assert_true (styrkort_chart_export (slides->pdata[1], svg, STYRKORT_EXPORT_SVG, W, H, STYRKORT_CHART_SCREEN, &error));
  g_assert_true (g_file_get_contents (svg, &svg_data, NULL, NULL));
  g_assert_nonnull (strstr (svg_data, "<svg"));
  g_assert_nonnull (strstr (svg_data, "width=\"1920"));
  /* Every kind of chart to SVG too: a complete document with its marks. */
  {
    g_autoptr(StyrkortArea) area = styrkort_project_find_area (p, "a03");
    g_autoptr(StyrkortChart) goals = styrkort_chart_new_goals (p, area->id, styrkort_demo_last_period ());
    g_ptr_array_add (slides, styrkort_chart_copy (goals));
    for (guint i = 0; i < slides->len; i++)
      {
        const StyrkortChart *chart = slides->pdata[i];
        g_autofree char *name = g_strdup_printf ("kind-%d-%02u.svg", chart->kind, i);
        g_autofree char *file = output_path (name);
        g_autofree char *data = NULL;
        g_assert_true (styrkort_chart_export (chart, file, STYRKORT_EXPORT_SVG, W, H, STYRKORT_CHART_SCREEN, &error));
        g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
        g_assert_nonnull (strstr (data, "<svg"));
        g_assert_true (g_str_has_suffix (g_strchomp (data), "</svg>"));
        g_assert_nonnull (strstr (data, "<path")); /* bars, lines or cells, and the glyphs */
      }
  }
}

static void
test_area_status (void)
{
  g_autoptr(StyrkortProject) p = demo_project ();
  g_autoptr(StyrkortChart) chart = styrkort_chart_new_area_status (p, styrkort_demo_last_period ());
  Rendered r = render (chart, W, H, STYRKORT_CHART_PROJECTED, "area-status-projected.png");
  guint seen[STYRKORT_N_STATUSES] = { 0 };

  g_assert_cmpuint (chart->categories->len, ==, 16);
  g_assert_cmpuint (chart->columns->len, ==, 6);
  g_assert_cmpuint (r.layout->marks->len, ==, 96);
  /* Each cell is painted in its status' colour. */
  for (guint i = 0; i < r.layout->marks->len; i++)
    {
      const StyrkortChartMark *m = &g_array_index (r.layout->marks, StyrkortChartMark, i);
      int status = (int) m->value;
      g_assert_cmphex (pixel (r.surface, m->box.x + 3, m->box.y + 3), ==, rgb (styrkort_chart_status_colour (status)));
      if (status >= 0)
        seen[status]++;
    }
  g_assert_cmpuint (seen[STYRKORT_STATUS_ESTABLISHED], >, 0);
  g_assert_cmpuint (seen[STYRKORT_STATUS_NEEDS_ATTENTION], >, 0);
  assert_texts_fit (r.layout, W, H);
  rendered_clear (&r);
}

/* A status's mark drawn black on white, 32 px: its pixels, which must hold
 * some ink and some paper. */
static GBytes *
draw_mark (int status)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 32, 32);
  cairo_t *cr = cairo_create (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint inked = 0;
  GBytes *pixels;

  cairo_set_source_rgb (cr, 0, 0, 0);
  styrkort_chart_draw_status_mark (cr, status, 16, 16, 32);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), stride * 32);
  for (gsize i = 0; i < g_bytes_get_size (pixels); i++)
    inked += ((const guint8 *) g_bytes_get_data (pixels, NULL))[i] > 128;
  g_assert_cmpuint (inked, >, 20);
  g_assert_cmpuint (inked, <, 32 * 32 / 2);
  cairo_surface_destroy (surface);
  return pixels;
}

/* The statuses stay apart in grayscale: their lightness differs clearly. */
static void
test_status_colours_grayscale (void)
{
  double lightness[STYRKORT_N_STATUSES + 1];
  for (int s = -1; s < STYRKORT_N_STATUSES; s++)
    {
      StyrkortRgb c = styrkort_chart_status_colour (s);
      lightness[s + 1] = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    }
  for (int a = 1; a <= STYRKORT_N_STATUSES; a++)
    for (int b = a + 1; b <= STYRKORT_N_STATUSES; b++)
      g_assert_cmpfloat (fabs (lightness[a] - lightness[b]), >, 0.1);
  /* Each status's mark is drawn, and no two look alike. */
  {
    g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    for (int s = -1; s < STYRKORT_N_STATUSES; s++)
      g_ptr_array_add (marks, draw_mark (s));
    for (guint a = 0; a < marks->len; a++)
      for (guint b = a + 1; b < marks->len; b++)
        g_assert_false (g_bytes_equal (marks->pdata[a], marks->pdata[b]));
  }
}

/* A new district's first tertial: the city value typed for it is drawn
 * (a lone point has no line); a chart with no city value has no "City" in
 * its legend; a title already naming women and men does not say it twice. */
static void
test_lone_city_value_and_titles (void)
{
  g_autofree char *path = test_path ("ny.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Ny stadsdel", NULL);
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (p, "turnover");
  g_autoptr(StyrkortIndicator) headcount = styrkort_project_find_indicator (p, "headcount");
  StyrkortPeriod t2 = { 2026, 2 };
  StyrkortCityValue city = { turnover->id, t2, 10.6, NAN, NAN, 0, 0 };
  g_autoptr(StyrkortChart) none = styrkort_chart_new_trend (p, turnover->id, t2, 3);
  g_autoptr(StyrkortChart) lone = NULL, gender = NULL;
  Rendered r;
  gboolean city_mark = FALSE;

  for (guint s = 0; s < none->series->len; s++)
    g_assert_cmpint (((StyrkortChartSeries *) none->series->pdata[s])->role, !=, STYRKORT_SERIES_CITY);
  g_assert_true (styrkort_project_set_city_value (p, &city, NULL));
  lone = styrkort_chart_new_trend (p, turnover->id, t2, 3);
  r = render (lone, W, H, STYRKORT_CHART_SCREEN, "trend-lone-city.png");
  for (guint i = 0; i < r.layout->marks->len; i++)
    {
      const StyrkortChartMark *m = &g_array_index (r.layout->marks, StyrkortChartMark, i);
      if (((StyrkortChartSeries *) lone->series->pdata[m->series])->role == STYRKORT_SERIES_CITY)
        {
          g_assert_cmpuint (m->category, ==, 2);
          g_assert_cmpfloat (m->value, ==, 10.6);
          city_mark = TRUE;
        }
    }
  g_assert_true (city_mark);
  rendered_clear (&r);

  /* In English the catalogue's name ends as the chart's suffix does. */
  gender = styrkort_chart_new_gender (p, headcount->id, t2);
  if (styrkort_number_style_for_locale () == STYRKORT_NUMBER_ENGLISH)
    g_assert_cmpstr (gender->title, ==, "Headcount, women and men");
}

/* Fourteen districts' lines end close together: each is named at its end,
 * no two names cover each other, and the district picked out is drawn in
 * its own colour over the others. */
static void
test_trend_many_districts (void)
{
  g_autoptr(StyrkortChart) chart = styrkort_chart_new (STYRKORT_CHART_TREND, "Personalomsättning, stadsdelarna över tid",
                                                       "Källa");
  StyrkortChartSeries *median = styrkort_chart_add_series (chart, "Median för stadsdelarna", STYRKORT_SERIES_DISTRICT);
  int sizes[][2] = { { W, H }, { 1366, 768 }, { 800, 450 } };

  for (guint c = 0; c < 6; c++)
    {
      g_autofree char *period = g_strdup_printf ("%u T%u", 2025 + c / 3, c % 3 + 1);
      double m = 12;
      styrkort_chart_add_category (chart, period);
      g_array_append_val (median->values, m);
    }
  for (guint d = 0; d < 14; d++)
    {
      g_autofree char *name = g_strdup_printf ("Stadsdel %02u %s", d + 1, d == 3 ? "med ett mycket långt namn" : "");
      StyrkortChartSeries *s = styrkort_chart_add_series (chart, g_strchomp (name), STYRKORT_SERIES_OTHER);
      for (guint c = 0; c < 6; c++)
        {
          /* Apart at the start, all within half a percent at the end. */
          double v = 10 + (d % 7) * (5 - c) * 0.8 + d * 0.03;
          g_array_append_val (s->values, v);
        }
    }
  chart->percent = TRUE;
  chart->decimals = 1;
  chart->highlight = 5; /* "Stadsdel 05" (series 0 is the median) */
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autofree char *png = g_strdup_printf ("trend-14-districts-%dx%d.png", sizes[k][0], sizes[k][1]);
      Rendered r = render (chart, sizes[k][0], sizes[k][1], STYRKORT_CHART_SCREEN, png);
      guint named = 0, picked_marks = 0;
      assert_texts_fit (r.layout, sizes[k][0], sizes[k][1]);
      for (guint i = 0; i < r.layout->texts->len; i++)
        {
          const StyrkortChartText *t = &g_array_index (r.layout->texts, StyrkortChartText, i);
          if (g_str_has_prefix (t->text, "Stadsdel") && t->box.x >= r.layout->plot.x + r.layout->plot.width)
            named++;
        }
      g_assert_cmpuint (named, ==, 14);
      for (guint i = 0; i < r.layout->marks->len; i++)
        {
          const StyrkortChartMark *m = &g_array_index (r.layout->marks, StyrkortChartMark, i);
          if (m->series != 5)
            continue;
          picked_marks++;
          g_assert_cmphex (pixel (r.surface, m->box.x + m->box.width / 2, m->box.y + m->box.height / 2), ==,
                           rgb (styrkort_chart_palette_light.highlight));
        }
      g_assert_cmpuint (picked_marks, ==, 6);
      rendered_clear (&r);
    }
}

/* One sub-goal's chart drawn at 480×300 (the texts checked to fit): how
 * many of its texts end with one of @endings. */
static guint
goal_labels_ending (double base, double latest, double target, int decimals, const char * const *endings,
                    const char *png)
{
  g_autoptr(StyrkortChart) chart = styrkort_chart_new (STYRKORT_CHART_GOALS, "Delmål", "Källa");
  Rendered r;
  guint labels = 0;

  styrkort_chart_add_category (chart, "Nöjda brukare");
  g_array_append_val (chart->baselines, base);
  g_array_append_val (chart->latest, latest);
  g_array_append_val (chart->targets, target);
  chart->decimals = decimals;
  r = render (chart, 480, 300, STYRKORT_CHART_SCREEN, png);
  for (guint i = 0; i < r.layout->texts->len; i++)
    for (guint e = 0; endings[e] != NULL; e++)
      labels += g_str_has_suffix (g_array_index (r.layout->texts, StyrkortChartText, i).text, endings[e]);
  assert_texts_fit (r.layout, 480, 300);
  rendered_clear (&r);
  return labels;
}

static void
test_goals_and_gender (void)
{
  g_autoptr(StyrkortProject) p = demo_project ();
  g_autoptr(StyrkortArea) area = styrkort_project_find_area (p, "a03");
  g_autoptr(StyrkortIndicator) headcount = styrkort_project_find_indicator (p, "headcount");
  g_autoptr(StyrkortChart) goals = styrkort_chart_new_goals (p, area->id, styrkort_demo_last_period ());
  g_autoptr(StyrkortChart) gender = styrkort_chart_new_gender (p, headcount->id, styrkort_demo_last_period ());
  g_autoptr(StyrkortChart) empty = styrkort_chart_new (STYRKORT_CHART_GOALS, "Inga delmål", "Källa");
  Rendered r = render (goals, W, H, STYRKORT_CHART_SCREEN, "goals-area3.png");

  g_assert_cmpuint (goals->categories->len, ==, 2);
  g_assert_cmpuint (r.layout->marks->len, ==, 6); /* baseline, latest, target × 2 */
  assert_texts_fit (r.layout, W, H);
  rendered_clear (&r);

  r = render (gender, W, H, STYRKORT_CHART_SCREEN, "gender-headcount.png");
  g_assert_cmpuint (r.layout->marks->len, ==, 10);
  for (guint u = 0; u < 5; u++)
    {
      const StyrkortChartMark *w = mark_for (r.layout, u, 0), *m = mark_for (r.layout, u, 1);
      /* Stacked: the men's part starts where the women's ends. */
      g_assert_cmpfloat_with_epsilon (w->box.x + w->box.width, m->box.x, 0.01);
      g_assert_cmphex (pixel (r.surface, w->box.x + 2, w->box.y + 2), ==,
                       rgb (styrkort_chart_palette_series (&styrkort_chart_palette_light, STYRKORT_SERIES_WOMEN)));
    }
  assert_texts_fit (r.layout, W, H);
  rendered_clear (&r);

  /* Sick leave is a rate: women and men side by side from the axis, each
   * with its figure, never stacked into a sum of percentages. */
  {
    g_autoptr(StyrkortIndicator) sick = styrkort_project_find_indicator (p, "sick_leave");
    g_autoptr(StyrkortChart) rates = styrkort_chart_new_gender (p, sick->id, styrkort_demo_last_period ());
    guint written = 0;
    g_assert_true (rates->grouped);
    r = render (rates, W, H, STYRKORT_CHART_SCREEN, "gender-sick-leave.png");
    for (guint u = 0; u < rates->categories->len; u++)
      {
        const StyrkortChartMark *w = mark_for (r.layout, u, 0), *m = mark_for (r.layout, u, 1);
        if (w == NULL || m == NULL)
          continue;
        g_assert_cmpfloat_with_epsilon (w->box.x, m->box.x, 0.01);
        g_assert_cmpfloat (m->box.y, >=, w->box.y + w->box.height - 0.01);
        for (guint s = 0; s < 2; s++)
          {
            double v = g_array_index (((StyrkortChartSeries *) rates->series->pdata[s])->values, double, u);
            g_autofree char *number = styrkort_format_number (v, rates->decimals, STYRKORT_NUMBER_SWEDISH);
            g_autofree char *label = g_strconcat (number, "\u00a0%", NULL);
            written += has_text (r.layout, label);
          }
      }
    g_assert_cmpuint (written, >=, 2 * 4);
    assert_texts_fit (r.layout, W, H);
    rendered_clear (&r);
  }

  /* The latest figure close to the target: all three are still written. */
  {
    const char *endings[] = { " 60", " 79", " 80", NULL };
    g_assert_cmpuint (goal_labels_ending (60, 79, 80, 0, endings, "goals-close.png"), ==, 3);
  }
  /* A count's goal (6 units) is written whole, a half one with its decimal. */
  {
    const char *endings[] = { " 4", " 2,5", " 6", NULL }, *whole[] = { ",0", NULL };
    g_assert_cmpuint (goal_labels_ending (4, 2.5, 6, 1, endings, "goals-count.png"), ==, 3);
    g_assert_cmpuint (goal_labels_ending (4, 2.5, 6, 1, whole, "goals-count.png"), ==, 0);
  }

  r = render (empty, 800, 450, STYRKORT_CHART_SCREEN, NULL);
  g_assert_cmpuint (r.layout->marks->len, ==, 0);
  assert_texts_fit (r.layout, 800, 450);
  rendered_clear (&r);
}

static void
test_describe_and_hit (void)
{
  g_autoptr(StyrkortChart) chart = seed_turnover_chart ();
  g_autofree char *text = styrkort_chart_describe (chart);
  Rendered r = render (chart, 1000, 600, STYRKORT_CHART_SCREEN, NULL);
  const StyrkortChartMark *m = mark_for (r.layout, 5, 0);
  const StyrkortChartMark *hit = styrkort_chart_layout_hit (r.layout, m->box.x + 1, m->box.y + m->box.height / 2);

  g_assert_nonnull (strstr (text, "Enheten för äldre, Personalomsättning: 9,64\u00a0%"));
  g_assert_nonnull (strstr (text, "Staden 10,60\u00a0%"));
  g_assert_nonnull (hit);
  g_assert_cmpfloat (hit->value, ==, 9.64);
  g_assert_null (styrkort_chart_layout_hit (r.layout, 1, 1));
  rendered_clear (&r);
}

static void
test_nice_ticks (void)
{
  double lo, hi;
  g_autoptr(GArray) a = styrkort_chart_nice_ticks (0, 89.76, 6, &lo, &hi);
  g_autoptr(GArray) b = styrkort_chart_nice_ticks (-2.3, 5.1, 6, &lo, &hi);
  g_autoptr(GArray) c = styrkort_chart_nice_ticks (0, 0, 6, &lo, &hi);
  g_autoptr(GArray) d = styrkort_chart_nice_ticks (0, 0.37, 5, &lo, &hi);

  g_assert_cmpfloat (g_array_index (a, double, 1), ==, 20);
  g_assert_cmpfloat (g_array_index (a, double, a->len - 1), ==, 100);
  g_assert_cmpfloat (g_array_index (b, double, 0), ==, -4);
  g_assert_cmpfloat (g_array_index (b, double, b->len - 1), ==, 6);
  g_assert_cmpuint (c->len, >=, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (d, double, 1), 0.1, 1e-12);
}

/* Each tick label reads back as its gridline's value: gridlines every 2,5 %
 * were labelled 0, 2, 5, 8, 10 % and the city's 7,4 % sat on "8 %". */
static void
test_tick_labels_match_gridlines (void)
{
  const struct { double min, max; guint n; } ranges[] = {
    { 0, 14.2, 6 }, { 0, 7.4, 4 }, { 0, 89.76, 6 }, { -2.3, 5.1, 6 }, { 0, 0.37, 5 }, { 0, 1380, 6 }, { 0, 0.024, 5 },
  };
  gboolean saw_quarter_step = FALSE;

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      double lo, hi;
      g_autoptr(GArray) ticks = styrkort_chart_nice_ticks (ranges[r].min, ranges[r].max, ranges[r].n, &lo, &hi);
      int decimals = styrkort_chart_tick_decimals (ticks);
      for (guint i = 0; i < ticks->len; i++)
        {
          double tick = g_array_index (ticks, double, i), back;
          g_autofree char *label = styrkort_format_number (tick, decimals, STYRKORT_NUMBER_SWEDISH);
          g_assert_true (styrkort_parse_number (label, &back, NULL));
          g_assert_cmpfloat_with_epsilon (back, tick, 1e-9 * MAX (1, fabs (tick)));
          saw_quarter_step |= g_str_equal (label, "2,5");
        }
    }
  g_assert_true (saw_quarter_step);
}

static void
test_export_failure_keeps_old (void)
{
  g_autoptr(StyrkortChart) chart = seed_turnover_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("finns-inte/diagram.png");
  g_autofree char *old = test_path ("diagram.svg");
  g_autofree char *part = g_strconcat (old, ".part", NULL);
  g_autofree char *before = NULL, *after = NULL;

  /* A folder that does not exist: a clear error, nothing half-written. */
  g_assert_false (styrkort_chart_export (chart, path, STYRKORT_EXPORT_PNG, 400, 300, STYRKORT_CHART_SCREEN, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "diagram.png"));
  g_clear_error (&error);

  /* A chart exported before stays as it was when the new one cannot be written. */
  test_write_bytes (old, "<svg>the chart of last time</svg>", 33);
  before = test_checksum (old);
  g_assert_cmpint (g_mkdir (part, 0700), ==, 0);
  g_assert_false (styrkort_chart_export (chart, old, STYRKORT_EXPORT_SVG, 400, 300, STYRKORT_CHART_SCREEN, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO);
  after = test_checksum (old);
  g_assert_cmpstr (before, ==, after);
  g_rmdir (part);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/chart/units-seed001", test_units_seed);
  g_test_add_func ("/core/chart/units-40-long-names", test_units_many_long);
  g_test_add_func ("/core/chart/units-single-and-missing", test_units_single_and_missing);
  g_test_add_func ("/core/chart/trend-negative-missing", test_trend);
  g_test_add_func ("/core/chart/lone-city-value-and-titles", test_lone_city_value_and_titles);
  g_test_add_func ("/core/chart/trend-many-districts", test_trend_many_districts);
  g_test_add_func ("/core/chart/area-status", test_area_status);
  g_test_add_func ("/core/chart/status-colours-grayscale", test_status_colours_grayscale);
  g_test_add_func ("/core/chart/goals-and-gender", test_goals_and_gender);
  g_test_add_func ("/core/chart/demo-slides-png-svg-pdf", test_demo_slides);
  g_test_add_func ("/core/chart/slides-from-five-metres", test_slides_from_five_metres);
  g_test_add_func ("/core/chart/trend-starts-at-first-figure", test_trend_starts_at_first_figure);
  g_test_add_func ("/core/chart/describe-and-hit", test_describe_and_hit);
  g_test_add_func ("/core/chart/nice-ticks", test_nice_ticks);
  g_test_add_func ("/core/chart/tick-labels-match-gridlines", test_tick_labels_match_gridlines);
  g_test_add_func ("/core/chart/export-failure", test_export_failure_keeps_old);
  g_test_add_func ("/core/chart/render-in-thread", test_render_in_thread);
  g_test_add_func ("/core/chart/render-with-fonts-loaded-ahead", test_render_with_fonts_loaded_ahead);
  g_test_add_func ("/core/ahead/taken-when-finished", test_ahead_taken_when_finished);
  g_test_add_func ("/core/ahead/dropped-when-not-finished", test_ahead_dropped_when_not_finished);
  return g_test_run ();
}
