/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inför mötet: the brief for the next meeting, each line a link to where it is fixed. */
#pragma once

#include <gtk/gtk.h>

#include "styrkort-meeting-brief.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_BRIEF_PAGE (styrkort_brief_page_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortBriefPage, styrkort_brief_page, STYRKORT, BRIEF_PAGE, GtkWidget)

GtkWidget *styrkort_brief_page_new (void);

/* The target of win.go-to for @link: the page's name, the period ("" to
 * keep the one shown) and the widget to focus there ("" for none; a
 * pattern as g_pattern_match_simple() takes). */
GVariant  *styrkort_brief_link_target (StyrkortProject *project, const StyrkortBriefLink *link);

G_END_DECLS
