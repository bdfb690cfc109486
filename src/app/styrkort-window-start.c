/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's start view: the recent files, New and Open; and closing
 * a file whose last changes could not be saved. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-new-district.h"
#include "styrkort-window-private.h"

/* Recent files ------------------------------------------------------------- */

/* Which of the URIs in @data name files that are there: in a worker thread,
 * since a file on a share that cannot be reached takes seconds to say so. */
static void
check_recent_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char * const *recent = data;
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();

  for (guint i = 0; recent[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      if (g_file_query_exists (file, cancellable))
        g_strv_builder_add (found, recent[i]);
    }
  g_task_return_pointer (task, g_strv_builder_end (found), (GDestroyNotify) g_strfreev);
}

static GtkWidget *
recent_row (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("");
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
on_recent_checked_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_auto(GStrv) found = g_task_propagate_pointer (G_TASK (result), NULL);
  StyrkortWindow *self = STYRKORT_WINDOW (source);
  GtkWidget *child;

  if (found == NULL)
    return;
  while ((child = gtk_widget_get_first_child (self->recent_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->recent_list), child);
  for (guint i = 0; found[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->recent_list), recent_row (found[i]));
  gtk_widget_set_visible (self->recent_heading, found[0] != NULL);
  gtk_widget_set_visible (self->recent_list, found[0] != NULL);
}

/* The start view lists the recent files that are still there, once that is
 * known; until then (and when none is) it shows New and Open only. Called
 * once, as the window is made. */
void
_styrkort_window_fill_recent (StyrkortWindow *self)
{
  g_autoptr(GTask) task = NULL;

  self->recent_check = g_cancellable_new ();
  task = g_task_new (self, self->recent_check, on_recent_checked_cb, NULL);
  g_task_set_source_tag (task, _styrkort_window_fill_recent);
  g_task_set_task_data (task, g_settings_get_strv (self->settings, "recent-files"), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, check_recent_thread);
}

/* Opening ------------------------------------------------------------------ */

/* How long a file may take before the window says it is opening it. */
#define OPENING_REVEAL_MS 300

static gboolean
on_opening_slow_cb (gpointer data)
{
  StyrkortWindow *self = data;

  self->opening_reveal_id = 0;
  gtk_widget_set_opacity (self->opening_page, 1);
  gtk_spinner_start (GTK_SPINNER (self->opening_spinner));
  return G_SOURCE_REMOVE;
}

static void
end_opening (StyrkortWindow *self)
{
  g_clear_handle_id (&self->opening_reveal_id, g_source_remove);
  g_clear_object (&self->opening);
  g_clear_object (&self->opening_file);
  gtk_spinner_stop (GTK_SPINNER (self->opening_spinner));
  gtk_widget_set_opacity (self->opening_page, 0);
}

void
_styrkort_window_cancel_opening (StyrkortWindow *self)
{
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  end_opening (self);
}

static void
on_opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(StyrkortWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = styrkort_project_open_finish (result, &error);
  g_autoptr(GFile) file = NULL;

  /* Cancelled: the window closed or opens another file; nothing to show. */
  if (self->opening == NULL || g_task_get_cancellable (G_TASK (result)) != self->opening)
    return;
  file = g_steal_pointer (&self->opening_file);
  end_opening (self);
  if (project == NULL)
    _styrkort_window_open_failed (self, error);
  else
    _styrkort_window_show_project (self, file, project);
}

void
styrkort_window_open (StyrkortWindow *self, GFile *file)
{
  g_autoptr(StyrkortProject) opened = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Opening “%s”…"), name);

  _styrkort_window_cancel_opening (self);
  /* Opened while GTK started: the window is made and shown once, with the
   * district, not first with "Opening…" and then laid out again. */
  opened = styrkort_project_take_opened_ahead (file, STYRKORT_OPEN_DEFAULT);
  if (opened != NULL)
    {
      _styrkort_window_show_project (self, file, opened);
      return;
    }
  self->opening = g_cancellable_new ();
  self->opening_file = g_object_ref (file);
  adw_status_page_set_title (ADW_STATUS_PAGE (self->opening_page), title);
  if (self->project == NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "opening");
  self->opening_reveal_id = g_timeout_add (OPENING_REVEAL_MS, on_opening_slow_cb, self);
  styrkort_project_open_async (file, STYRKORT_OPEN_DEFAULT, self->opening, on_opened_cb, g_object_ref (self));
}

/* Files open in a window of their own, or come forward where they are
 * open: the application decides, through its action. */
static void
open_elsewhere (StyrkortWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-recent", "s", uri);
}

static void
on_open_response_cb (GtkNativeDialog *dialog, int response, StyrkortWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      open_elsewhere (self, file);
    }
  g_object_unref (dialog);
}

static GtkFileFilter *
styrkort_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("District files (*.styrkort)"));
  gtk_file_filter_add_pattern (filter, "*.styrkort");
  gtk_file_filter_add_mime_type (filter, "application/x-styrkort");
  return filter;
}

static void
open_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Open District"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = styrkort_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  styrkort_new_district_ask (GTK_WINDOW (widget));
}

void
_styrkort_window_class_add_start_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_unsaved_response_cb (AdwMessageDialog *dialog, const char *response, StyrkortWindow *self)
{
  if (g_strcmp0 (response, "close") != 0)
    return;
  self->closing_unsaved = TRUE;
  /* After the dialog, which is the window's, has closed. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_when_idle, g_object_ref (self), g_object_unref);
}

/* The file could not take the last edits: closing would leave them only in
 * a copy among the backups, so the user decides. */
void
_styrkort_window_ask_close_unsaved (StyrkortWindow *self, const GError *error)
{
  g_autoptr(GError) copy_error = NULL;
  g_autoptr(GFile) copy = styrkort_project_keep_unsaved (self->project, &copy_error);
  g_autofree char *where = copy ? g_file_get_parse_name (copy) : NULL;
  /* Said before the choice: where the changes are if the window closes. */
  g_autofree char *body = copy
    ? g_strdup_printf (_("%s\n\nA copy of the file with your changes was made: “%s”. If you close the window, "
                         "open that copy to get them back."), error->message, where)
    : g_strdup_printf (_("%s\n\nNo copy with your changes could be made either (%s): if you close the window, "
                         "they are lost."), error->message, copy_error->message);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Changes Not Saved"), body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep the Window Open"), "close", _("_Close Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_unsaved_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
