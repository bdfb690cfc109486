/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Styrgrupp: the steering group's members and its meetings. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_STEERING_PAGE (styrkort_steering_page_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortSteeringPage, styrkort_steering_page, STYRKORT, STEERING_PAGE, GtkWidget)

GtkWidget *styrkort_steering_page_new (void);

G_END_DECLS
