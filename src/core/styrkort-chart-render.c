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

#include "styrkort-ahead.h"
#include "styrkort-chart-render.h"

/* Where the chart thread leaves a finished image: the callback takes it,
 * or the view before that, from its frame (styrkort_chart_render_take()).
 * Shared by the job and the request's cancellable. */
typedef struct {
  gatomicrefcount ref;
  GMutex lock;
  StyrkortChartImage *image;   /* guarded by lock */
  gboolean settled;            /* main thread: taken or called back, no longer pending */
} RenderResult;

typedef struct {
  StyrkortChart *chart;
  int width, height, scale;
  StyrkortChartMode mode;
  const StyrkortChartPalette *palette;
  RenderResult *result;
  GAsyncReadyCallback callback;
  gpointer user_data;
} RenderJob;

static gint pending; /* atomic */

static RenderResult *
render_result_new (void)
{
  RenderResult *result = g_new0 (RenderResult, 1);

  g_atomic_ref_count_init (&result->ref);
  g_mutex_init (&result->lock);
  return result;
}

static RenderResult *
render_result_ref (RenderResult *result)
{
  g_atomic_ref_count_inc (&result->ref);
  return result;
}

static void
render_result_unref (RenderResult *result)
{
  if (!g_atomic_ref_count_dec (&result->ref))
    return;
  styrkort_chart_image_free (result->image);
  g_mutex_clear (&result->lock);
  g_free (result);
}

static StyrkortChartImage *
render_result_steal (RenderResult *result)
{
  StyrkortChartImage *image;

  g_mutex_lock (&result->lock);
  image = g_steal_pointer (&result->image);
  g_mutex_unlock (&result->lock);
  return image;
}

/* Counted once per request: when taken early, or after its callback. */
static void
render_result_settle (RenderResult *result)
{
  if (result->settled)
    return;
  result->settled = TRUE;
  g_atomic_int_dec_and_test (&pending);
}

static GQuark
render_result_quark (void)
{
  return g_quark_from_static_string ("styrkort-chart-render-result");
}

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
  render_result_unref (job->result);
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

/* Charts like Översikt's first two, at the sizes a window shows them in:
 * the status chart is 560 px tall, which sets its type sizes in any window
 * over about 1000 px wide, and small charts are drawn in their smallest
 * type. Drawing them loads the fonts at those sizes and their letters. */
static StyrkortChart *
sample_status_chart (void)
{
  static const char * const columns[] = {
    "Ekonomiskt bistånd", "Socialpsykiatri", "Missbruk", "Stöd till funktionsnedsatta", "Äldre", "Barn och unga"
  };
  StyrkortChart *chart = styrkort_chart_new (STYRKORT_CHART_AREA_STATUS, "Områdenas status", "Stadsdel · 2026 T2");

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_ptr_array_add (chart->columns, g_strdup (columns[c]));
  for (int a = 1; a <= 16; a++)
    {
      g_ptr_array_add (chart->categories, g_strdup_printf ("%d. Åtgärder för arbetssituationen, uppföljning och stöd", a));
      for (int c = 0; c < (int) G_N_ELEMENTS (columns); c++)
        {
          int status = (a + c) % (STYRKORT_N_STATUSES + 1) - 1;
          g_array_append_val (chart->cells, status);
        }
    }
  return chart;
}

static StyrkortChart *
sample_units_chart (void)
{
  StyrkortChart *chart = styrkort_chart_new (STYRKORT_CHART_UNITS, "Personalomsättning per enhet", "Stadsdel · 2026 T2");
  StyrkortChartSeries *series = styrkort_chart_add_series (chart, "Personalomsättning", STYRKORT_SERIES_DISTRICT);

  chart->percent = TRUE;
  chart->reference = 10.5;
  chart->reference_label = g_strdup ("Staden");
  for (int u = 1; u <= 5; u++)
    {
      double value = 4.5 * u + 0.25;
      g_autofree char *name = g_strdup_printf ("Enheten för äldre och familj %d", u);
      styrkort_chart_add_category (chart, name);
      g_array_append_val (series->values, value);
    }
  return chart;
}

static void
draw_sample_charts (void)
{
  RenderJob job = { sample_status_chart (), 1000, 560, 1, STYRKORT_CHART_SCREEN, &styrkort_chart_palette_light };

  styrkort_chart_image_free (render (&job));
  styrkort_chart_free (job.chart);
  job.chart = sample_units_chart ();
  job.width = 463;
  job.height = 300;
  styrkort_chart_image_free (render (&job));
  styrkort_chart_free (job.chart);
}

/* The chart thread's fonts, loaded ahead by styrkort_chart_render_warm_up()
 * and taken by the chart thread at its first chart. */
static StyrkortAhead *fonts_ahead;
G_LOCK_DEFINE_STATIC (fonts_ahead);

/* Draws the sample charts with a font map of its own, this thread's default
 * meanwhile (charts are drawn with their thread's). */
static gpointer
load_chart_fonts (gpointer unused)
{
  PangoFontMap *map = pango_cairo_font_map_new ();

  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (map));
  draw_sample_charts ();
  pango_cairo_font_map_set_default (NULL);
  return map;
}

/* In the chart thread: the fonts loaded ahead become its own, if they are
 * ready; else it loads its fonts as it draws. */
static void
take_fonts_loaded_ahead (void)
{
  StyrkortAhead *ahead;
  g_autoptr(PangoFontMap) map = NULL;

  G_LOCK (fonts_ahead);
  ahead = g_steal_pointer (&fonts_ahead);
  G_UNLOCK (fonts_ahead);
  if (ahead != NULL && (map = styrkort_ahead_take (ahead)) != NULL)
    pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (map));
}

static void
render_in_thread (gpointer data, gpointer unused)
{
  GTask *task = data;
  RenderJob *job = g_task_get_task_data (task);

  take_fonts_loaded_ahead ();

  if (!g_task_return_error_if_cancelled (task))
    {
      StyrkortChartImage *image = render (job);
      g_mutex_lock (&job->result->lock);
      job->result->image = image;
      g_mutex_unlock (&job->result->lock);
      g_task_return_boolean (task, TRUE);
    }
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
  render_result_settle (job->result);
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
  job->result = render_result_new ();
  job->callback = callback;
  job->user_data = user_data;
  if (cancellable != NULL)
    g_object_set_qdata_full (G_OBJECT (cancellable), render_result_quark (), render_result_ref (job->result),
                             (GDestroyNotify) render_result_unref);
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
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return render_result_steal (((RenderJob *) g_task_get_task_data (G_TASK (result)))->result);
}

StyrkortChartImage *
styrkort_chart_render_take (GCancellable *cancellable)
{
  RenderResult *result = g_object_get_qdata (G_OBJECT (cancellable), render_result_quark ());
  StyrkortChartImage *image = result != NULL ? render_result_steal (result) : NULL;

  if (image != NULL)
    render_result_settle (result);
  return image;
}

guint
styrkort_chart_render_pending (void)
{
  return (guint) g_atomic_int_get (&pending);
}

void
styrkort_chart_render_warm_up (void)
{
  /* Pango's first font map has fontconfig read its configuration in a
   * thread that inherits the priority of the thread that asked: asked
   * here, it runs at normal priority, as every font map waits for it. */
  pango_cairo_font_map_get_default ();
  G_LOCK (fonts_ahead);
  if (fonts_ahead == NULL)
    fonts_ahead = styrkort_ahead_start ("chart-fonts", load_chart_fonts, NULL, g_object_unref);
  G_UNLOCK (fonts_ahead);
}

gboolean
styrkort_chart_render_fonts_waiting (void)
{
  gboolean waiting;

  G_LOCK (fonts_ahead);
  waiting = fonts_ahead != NULL && styrkort_ahead_finished (fonts_ahead);
  G_UNLOCK (fonts_ahead);
  return waiting;
}
