/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city overview's commands that take it elsewhere: presenting, slides and the city workbook. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-city-window-private.h"
#include "styrkort-page.h"
#include "styrkort-projector.h"
#include "styrkort-slides.h"

static void
present_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortCityWindow *self = STYRKORT_CITY_WINDOW (widget);
  GtkWidget *projector;

  if (styrkort_city_get_sources (self->city)->len == 0)
    return;
  projector = styrkort_projector_new_for_charts (styrkort_city_slides (self->city,
                                                                       _styrkort_city_window_current_period (self)));
  gtk_window_set_transient_for (GTK_WINDOW (projector), GTK_WINDOW (self));
  gtk_window_fullscreen (GTK_WINDOW (projector));
  gtk_window_present (GTK_WINDOW (projector));
}

static void
export_slides_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortCityWindow *self = STYRKORT_CITY_WINDOW (widget);
  StyrkortPeriod p = _styrkort_city_window_current_period (self);
  g_autofree char *name = styrkort_city_file_name (p, "pdf");
  styrkort_slides_export_charts (GTK_WINDOW (self), styrkort_city_slides (self->city, p), name);
}

static void
on_export_chosen_cb (GtkNativeDialog *dialog, int response, StyrkortCityWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      if (styrkort_city_export (self->city, _styrkort_city_window_current_period (self), path, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
          adw_toast_overlay_add_toast (self->toasts, styrkort_toast_new (text));
        }
      else
        adw_toast_overlay_add_toast (self->toasts, styrkort_toast_new (error->message));
    }
  g_object_unref (dialog);
}

static void
export_workbook_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortCityWindow *self = STYRKORT_CITY_WINDOW (widget);
  StyrkortPeriod p = _styrkort_city_window_current_period (self);
  g_autofree char *name = styrkort_city_file_name (p, "xlsx");
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export City Workbook"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_styrkort_city_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "city.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "city.export-slides", NULL, export_slides_action);
  gtk_widget_class_install_action (widget_class, "city.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "city.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "city.export-workbook", NULL);
}
