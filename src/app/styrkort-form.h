/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small dialogs with labelled fields, whose Save is enabled only while every field is valid. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _StyrkortForm StyrkortForm;

typedef void (*StyrkortFormSave) (StyrkortForm *form, gpointer user_data);

StyrkortForm *styrkort_form_new          (GtkWindow *parent, const char *heading);
GtkWidget    *styrkort_form_add_text     (StyrkortForm *form, const char *key, const char *label,
                                          const char *value, gboolean required);
GtkWidget    *styrkort_form_add_number   (StyrkortForm *form, const char *key, const char *label, double value);
GtkWidget    *styrkort_form_add_date     (StyrkortForm *form, const char *key, const char *label, const char *value,
                                          gboolean required);
/* @choices NULL-terminated; returns the drop-down. */
GtkWidget    *styrkort_form_add_choice   (StyrkortForm *form, const char *key, const char *label,
                                          const char * const *choices, guint selected);
/* Shows the dialog; @save runs when the user saves valid fields, then the form is freed. */
void          styrkort_form_run          (StyrkortForm *form, StyrkortFormSave save, gpointer user_data);

char         *styrkort_form_get_text     (StyrkortForm *form, const char *key); /* NULL when empty */
double        styrkort_form_get_number   (StyrkortForm *form, const char *key); /* NAN when empty */
guint         styrkort_form_get_choice   (StyrkortForm *form, const char *key);

G_END_DECLS
