/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts drawn into images off the main thread, for the windows. */
#pragma once

#include <gio/gio.h>

#include "styrkort-chart.h"

G_BEGIN_DECLS

/* A chart drawn at @width × @height (in the window's units) on an ARGB32
 * surface @scale times that size. */
typedef struct {
  cairo_surface_t *surface;
  StyrkortChartLayout *layout; /* in the window's units, for tooltips */
  int width, height, scale;
  const StyrkortChartPalette *palette;
} StyrkortChartImage;

void styrkort_chart_image_free (StyrkortChartImage *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortChartImage, styrkort_chart_image_free)

/* Draws a copy of @chart in the chart thread; the result comes back to the
 * caller's main context. */
void                styrkort_chart_render_async  (const StyrkortChart *chart, int width, int height, int scale,
                                                  StyrkortChartMode mode, const StyrkortChartPalette *palette,
                                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                                  gpointer user_data);
/* NULL with no error when the image was taken with styrkort_chart_render_take(). */
StyrkortChartImage *styrkort_chart_render_finish (GAsyncResult *result, GError **error);
/* The image asked for with @cancellable if the chart thread has finished
 * it, before its callback runs (a view takes it in the frame being drawn,
 * not the next one); NULL while it is being drawn. The callback then gets
 * nothing. */
StyrkortChartImage *styrkort_chart_render_take   (GCancellable *cancellable);

/* Drawings asked for that are neither taken nor called back yet, for any
 * window (tests wait until there are none). */
guint               styrkort_chart_render_pending (void);

/* Loads the fonts of the window's first charts ahead, drawing sample
 * charts at the lowest priority (styrkort-ahead.h), for the chart thread
 * to draw with, so that those charts do not wait for their fonts. Call
 * before the first chart is asked for; again, while fonts wait, it does
 * nothing. */
void                styrkort_chart_render_warm_up (void);
/* Whether fonts loaded ahead are ready and not yet taken by the chart
 * thread (for tests). */
gboolean            styrkort_chart_render_fonts_waiting (void);

G_END_DECLS
