/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The layout of a page of the window: its content fills it, and is as wide
 * for any height as when measured freely. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_PAGE_LAYOUT (styrkort_page_layout_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortPageLayout, styrkort_page_layout, STYRKORT, PAGE_LAYOUT, GtkLayoutManager)

G_END_DECLS
