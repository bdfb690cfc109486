/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An entry for one number, written the Swedish way, that refuses anything else as it is typed. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_NUMBER_ENTRY (styrkort_number_entry_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortNumberEntry, styrkort_number_entry, STYRKORT, NUMBER_ENTRY, GtkEntry)

GtkWidget  *styrkort_number_entry_new        (const char *accessible_name);
/* Shows the stored @value (NAN: empty) as @text, formatted for people. */
void        styrkort_number_entry_set_value  (StyrkortNumberEntry *self, double value, const char *text);
/* The typed number (NAN when empty); FALSE with the reason when the text is not a number. */
gboolean    styrkort_number_entry_get_value  (StyrkortNumberEntry *self, double *value, GError **error);
/* Whether the text differs from what was last shown with set_value(). */
gboolean    styrkort_number_entry_is_changed (StyrkortNumberEntry *self);

G_END_DECLS
