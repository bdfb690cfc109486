/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nyckeltal: a spreadsheet-like grid of every indicator field × unit for one period. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_FIGURES_PAGE (styrkort_figures_page_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortFiguresPage, styrkort_figures_page, STYRKORT, FIGURES_PAGE, GtkWidget)

GtkWidget *styrkort_figures_page_new (void);
/* The entry for @code's @field ("value", "women", "men", "numerator", "denominator", "city")
 * of @unit_id (0 for the city column), for tests and keyboard focus. */
GtkWidget *styrkort_figures_page_get_entry (StyrkortFiguresPage *self, const char *code, const char *field, gint64 unit_id);

G_END_DECLS
