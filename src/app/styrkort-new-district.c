/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A new district: its name asked for, then where to save the file; the file
 * is created and opened in a window of its own. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-new-district.h"
#include "styrkort-project.h"

typedef struct {
  GtkWindow *parent;
  char *name;
  GFile *file;
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

static StyrkortProject *
make_district (GFile *file, gconstpointer name, GError **error)
{
  return styrkort_project_create (file, name, error);
}

/* The file is written in a worker thread: on a share, its tables and the
 * catalogue take a while to reach the disk. */
static void
create_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  NewDistrict *district = data;
  GError *error = NULL;

  /* The chooser already asked before replacing an existing file. */
  g_file_delete (district->file, NULL, NULL);
  if (styrkort_project_make_closed (district->file, make_district, district->name, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_created_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  NewDistrict *district = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    toast (GTK_WINDOW (source), error->message);
  else
    open_elsewhere (GTK_WINDOW (source), district->file);
}

static void
new_district_free (NewDistrict *district)
{
  g_clear_object (&district->file);
  g_free (district->name);
  g_free (district);
}

void
styrkort_new_district_create (GtkWindow *parent, const char *name, GFile *file)
{
  g_autoptr(GTask) task = g_task_new (parent, NULL, on_created_cb, NULL);
  NewDistrict *district = g_new0 (NewDistrict, 1);

  district->parent = parent;
  district->name = g_strdup (name);
  district->file = g_object_ref (file);
  g_task_set_source_tag (task, styrkort_new_district_create);
  g_task_set_task_data (task, district, (GDestroyNotify) new_district_free);
  g_task_run_in_thread (task, create_thread);
}

static void
on_new_save_response_cb (GtkNativeDialog *dialog, int response, NewDistrict *district)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      styrkort_new_district_create (district->parent, district->name, file);
    }
  new_district_free (district);
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
  data->name = g_steal_pointer (&name);
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
