/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An area's charts: its sub-goals, and each linked indicator's trend (and
 * women and men per unit), kept up to date in place as figures change. */
#pragma once

#include <gtk/gtk.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_AREA_CHARTS (styrkort_area_charts_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortAreaCharts, styrkort_area_charts, STYRKORT, AREA_CHARTS, GtkWidget)

/* The charts of area @area_id in @period; @goals are its sub-goals. Made
 * with the sub-goals' chart only: add_next () adds the next indicator's. */
GtkWidget *styrkort_area_charts_new      (StyrkortProject *project, gint64 area_id, StyrkortPeriod period,
                                          GPtrArray *goals);
/* Adds the next linked indicator's chart (and women's and men's); FALSE
 * when all are there. */
gboolean   styrkort_area_charts_add_next (StyrkortAreaCharts *self);
/* Draws anew the charts whose figures (or sub-goals) @changes touched.
 * FALSE when the sub-goals' chart must come or go: make the charts anew. */
gboolean   styrkort_area_charts_update (StyrkortAreaCharts *self, StyrkortChanges *changes, GPtrArray *goals);

G_END_DECLS
