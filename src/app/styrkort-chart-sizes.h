/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks the charts of @page to be drawn at the sizes they were shown at
 * when a window in @state last showed the page (see styrkort-chart-sizes.c);
 * nothing when none were kept for @state. */
void styrkort_chart_sizes_draw_ahead (GtkWidget *page, const char *state);
/* Keeps the sizes the charts of @page are shown at now, for the next window
 * in @state. The file is written in a worker thread. */
void styrkort_chart_sizes_keep       (GtkWidget *page, const char *state);

G_END_DECLS
