/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The projected view: one chart per slide, full screen, for a meeting room. */
#pragma once

#include <gtk/gtk.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_PROJECTOR (styrkort_projector_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortProjector, styrkort_projector, STYRKORT, PROJECTOR, GtkWindow)

GtkWidget *styrkort_projector_new       (StyrkortProject *project, StyrkortPeriod period);
/* Shows @charts (StyrkortChart*, taken) as the slides. */
GtkWidget *styrkort_projector_new_for_charts (GPtrArray *charts);
guint      styrkort_projector_get_index (StyrkortProjector *self);
guint      styrkort_projector_get_count (StyrkortProjector *self);
void       styrkort_projector_go_to     (StyrkortProjector *self, guint index);
/* The monitor it covers, chosen when it is realized. */
GdkMonitor *styrkort_projector_get_monitor (StyrkortProjector *self);

G_END_DECLS
