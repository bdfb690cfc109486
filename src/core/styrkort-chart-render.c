/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts drawn into images off the main thread.
 *
 * A chart seen for the first time at a size takes 10–50 ms to draw, most
 * of it loading fonts at the sizes it needs; drawn in a frame, it held the
 * window for that long. The windows' charts are drawn here instead, in one
 * thread of their own that lives as long as the program: Pango's default
 * font map is per thread, so fonts loaded once stay loaded for the next
 * chart. Jobs run in the order asked; a cancelled one is dropped unless
 * it has started. */
#include "config.h"

#include <pango/pangocairo.h>

#include "styrkort-chart-render.h"

typedef struct {
  StyrkortChart *chart;
  int width, height, scale;
  StyrkortChartMode mode;
  const StyrkortChartPalette *palette;
  GAsyncReadyCallback callback;
  gpointer user_data;
} RenderJob;

static gint pending; /* atomic */

void
styrkort_chart_image_free (StyrkortChartImage *image)
{
  if (image == NULL)
    return;
  cairo_surface_destroy (image->surface);
  styrkort_chart_layout_free (image->layout);
  g_free (image);
}

static void
render_job_free (RenderJob *job)
{
  styrkort_chart_free (job->chart);
  g_free (job);
}

static StyrkortChartImage *
render (const RenderJob *job)
{
  StyrkortChartImage *image = g_new0 (StyrkortChartImage, 1);
  cairo_t *cr;

  image->width = job->width;
  image->height = job->height;
  image->scale = job->scale;
  image->palette = job->palette;
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width * job->scale, job->height * job->scale);
  /* A device scale, as GTK gives its own drawings: text is laid out as at
   * scale 1 (Pango sees no transformation) and drawn sharp. */
  cairo_surface_set_device_scale (image->surface, job->scale, job->scale);
  cr = cairo_create (image->surface);
  image->layout = styrkort_chart_draw_in (job->chart, cr, job->width, job->height, job->mode, job->palette);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);
  return image;
}

/* What most charts need: the fonts opened and shaped, in both weights, at
 * the sizes small charts are drawn in, their digits and letters drawn. */
static void
warm_up (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 16);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  StyrkortChartStyle style;
  static const double sizes[] = { 8, 9, 12 };

  styrkort_chart_style_init (&style, 420, 300, STYRKORT_CHART_SCREEN);
  pango_layout_set_text (layout, "Åäö 0123456789 %,.−– abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ", -1);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int bold = 0; bold <= 1; bold++)
      {
        g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style.font_family);
        pango_font_description_set_absolute_size (font, sizes[i] * PANGO_SCALE);
        pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description (layout, font);
        pango_cairo_show_layout (cr, layout);
      }
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Pushed instead of a task to warm up. */
static char warm_up_job;

static void
render_in_thread (gpointer data, gpointer unused)
{
  GTask *task = data;
  RenderJob *job;

  if (data == &warm_up_job)
    {
      warm_up ();
      return;
    }
  job = g_task_get_task_data (task);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, render (job), (GDestroyNotify) styrkort_chart_image_free);
  g_object_unref (task);
}

static GThreadPool *
chart_thread (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      /* Exclusive: the same thread, and so the same fonts, every time. */
      GThreadPool *created = g_thread_pool_new (render_in_thread, NULL, 1, TRUE, NULL);
      g_once_init_leave (&pool, created);
    }
  return pool;
}

/* The caller's callback, then the count: when it reaches 0 the view that
 * asked already has its image. */
static void
on_rendered_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  RenderJob *job = g_task_get_task_data (G_TASK (result));

  job->callback (source, result, job->user_data);
  g_atomic_int_dec_and_test (&pending);
}

void
styrkort_chart_render_async (const StyrkortChart *chart, int width, int height, int scale, StyrkortChartMode mode,
                             const StyrkortChartPalette *palette, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, on_rendered_cb, NULL);
  RenderJob *job = g_new0 (RenderJob, 1);

  g_return_if_fail (chart != NULL && width > 0 && height > 0 && scale > 0);
  job->chart = styrkort_chart_copy (chart);
  job->width = width;
  job->height = height;
  job->scale = scale;
  job->mode = mode;
  job->palette = palette;
  job->callback = callback;
  job->user_data = user_data;
  g_task_set_source_tag (task, styrkort_chart_render_async);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_atomic_int_inc (&pending);
  g_thread_pool_push (chart_thread (), task, NULL);
}

StyrkortChartImage *
styrkort_chart_render_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == styrkort_chart_render_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
styrkort_chart_render_pending (void)
{
  return (guint) g_atomic_int_get (&pending);
}

void
styrkort_chart_render_warm_up (void)
{
  g_thread_pool_push (chart_thread (), &warm_up_job, NULL);
}
