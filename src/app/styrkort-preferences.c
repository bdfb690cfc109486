/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences window (ui/styrkort-preferences.ui): each row kept in the
 * application's settings as it is changed. */
#include "config.h"

#include "styrkort-preferences.h"

struct _StyrkortPreferences {
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  AdwComboRow *style_row;
};

G_DEFINE_FINAL_TYPE (StyrkortPreferences, styrkort_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_style_selected_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortPreferences *self)
{
  g_settings_set_enum (self->settings, "style", (int) adw_combo_row_get_selected (row));
}

static void
styrkort_preferences_dispose (GObject *object)
{
  StyrkortPreferences *self = STYRKORT_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_PREFERENCES);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (styrkort_preferences_parent_class)->dispose (object);
}

static void
styrkort_preferences_class_init (StyrkortPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortPreferences, style_row);
}

static void
styrkort_preferences_init (StyrkortPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  adw_combo_row_set_selected (self->style_row, (guint) g_settings_get_enum (self->settings, "style"));
  g_signal_connect (self->style_row, "notify::selected", G_CALLBACK (on_style_selected_cb), self);
}

StyrkortPreferences *
styrkort_preferences_new (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_new (STYRKORT_TYPE_PREFERENCES, "transient-for", parent, "modal", TRUE, NULL);
}
