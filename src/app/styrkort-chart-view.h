/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A widget that shows one chart, its exact values on hover, and describes it to screen readers. */
#pragma once

#include <gtk/gtk.h>

#include "styrkort-chart.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_CHART_VIEW (styrkort_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortChartView, styrkort_chart_view, STYRKORT, CHART_VIEW, GtkWidget)

GtkWidget *styrkort_chart_view_new (StyrkortChartMode mode);
/* Takes @chart; NULL shows nothing. */
void       styrkort_chart_view_set_chart (StyrkortChartView *self, StyrkortChart *chart);
const StyrkortChart *styrkort_chart_view_get_chart (StyrkortChartView *self);
/* Whether the chart is drawn at the view's size: into its image (taken
 * from the chart thread if it is finished there) and, for a view in sight
 * (@in_view), painted in a frame since. A view with no chart, or not
 * shown, has nothing to draw. */
gboolean   styrkort_chart_view_is_drawn  (StyrkortChartView *self, gboolean in_view);
/* Asks for the chart drawn at @width × @height (× @scale) before the view
 * is laid out: when it is laid out at that size, the drawing on its way, or
 * done, is the one shown. */
void       styrkort_chart_view_draw_ahead (StyrkortChartView *self, int width, int height, int scale);

G_END_DECLS
