/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A new district: its name asked for, then where to save the file; the file
 * is created and opened in a window of its own. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-new-district.h"
#include "styrkort-project.h"

typedef struct {
  GtkWindow *parent;
  char *district;
} NewDistrict;

/* Messages go to the window through its action, as from pages. */
static void
toast (GtkWindow *parent, const char *text)
{
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "(sb)", text, FALSE);
}

/* The application opens the new file in a window of its own. */
static void
open_elsewhere (GtkWindow *parent, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (parent), "app.open-recent", "s", uri);
}

static void
on_new_save_response_cb (GtkNativeDialog *dialog, int response, NewDistrict *data)
{
  GtkWindow *parent = data->parent;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrkortProject) created = NULL;
      /* The chooser already asked before replacing an existing file. */
      if (g_file_query_exists (file, NULL))
        g_file_delete (file, NULL, NULL);
      created = styrkort_project_create (file, data->district, &error);
      if (created == NULL)
        toast (parent, error->message);
      else
        {
          styrkort_project_close (created);
          open_elsewhere (parent, file);
        }
    }
  g_free (data->district);
  g_free (data);
  g_object_unref (dialog);
}

static void
on_new_name_response_cb (AdwMessageDialog *dialog, const char *response, GtkWindow *parent)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;
  NewDistrict *data;

  if (!g_str_equal (response, "create") || *name == '\0')
    return;
  chooser = gtk_file_chooser_native_new (_("Save New District"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"), _("_Cancel"));
  file_name = g_strconcat (name, ".styrkort", NULL);
  g_strdelimit (file_name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  data = g_new0 (NewDistrict, 1);
  data->parent = parent;
  data->district = g_steal_pointer (&name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
styrkort_new_district_ask (GtkWindow *parent)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("New District"),
                                              _("What is the district called? You choose where to save the file next."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. Södermalm"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("District name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("_Continue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_name_response_cb), parent);
  gtk_window_present (GTK_WINDOW (dialog));
}
