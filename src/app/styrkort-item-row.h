/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_ITEM_ROW (styrkort_item_row_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortItemRow, styrkort_item_row, STYRKORT, ITEM_ROW, AdwActionRow)

/* A row of a list the user keeps (a sub-goal, an action, a member): its
 * text, a state and a flag on the right, and buttons that emit "edit" and
 * "delete". @link is the row's link (styrkort_page_set_link); the buttons
 * are read and tipped as @edit_label and @delete_label. */
GtkWidget *styrkort_item_row_new       (const char *link, gint64 id, const char *edit_label,
                                        const char *delete_label, gboolean editable);
gint64     styrkort_item_row_get_id    (StyrkortItemRow *self);
void       styrkort_item_row_set_text  (StyrkortItemRow *self, const char *title, const char *subtitle);
/* @text NULL hides the state; @style_class (or NULL) replaces the last. */
void       styrkort_item_row_set_state (StyrkortItemRow *self, const char *text, const char *style_class);
/* A word that calls for attention ("Overdue"), or NULL for none. */
void       styrkort_item_row_set_flag  (StyrkortItemRow *self, const char *text);

G_END_DECLS
