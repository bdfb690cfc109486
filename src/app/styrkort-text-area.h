/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A text of several lines, saved as it is written. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_TEXT_AREA (styrkort_text_area_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortTextArea, styrkort_text_area, STYRKORT, TEXT_AREA, GtkWidget)

/* Shows the stored @text; @accessible_name names the text for screen readers.
 * Emits "save" (const char *text) when the text differs from the one
 * stored, once the focus leaves it or a second after typing stops. */
GtkWidget   *styrkort_text_area_new         (const char *text, const char *accessible_name, gboolean editable);
GtkTextView *styrkort_text_area_get_view    (StyrkortTextArea *self);
/* Shows @stored, unless it is the text saved last (the area's own save). */
void         styrkort_text_area_show_stored (StyrkortTextArea *self, const char *stored);

G_END_DECLS
