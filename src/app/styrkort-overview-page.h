/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Översikt: the status of every area per operation, and the T2 indicators. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_OVERVIEW_PAGE (styrkort_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortOverviewPage, styrkort_overview_page, STYRKORT, OVERVIEW_PAGE, GtkWidget)

GtkWidget *styrkort_overview_page_new (void);

G_END_DECLS
