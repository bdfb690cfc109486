/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One area (or theme): assessment per operation, gender-equality note, sub-goals, actions, charts. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_AREA_PAGE (styrkort_area_page_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortAreaPage, styrkort_area_page, STYRKORT, AREA_PAGE, GtkWidget)

GtkWidget *styrkort_area_page_new (gint64 area_id);

G_END_DECLS
