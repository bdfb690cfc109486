/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Closing a reported period in the window. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-report.h"
#include "styrkort-reporting.h"
#include "styrkort-workbook.h"

typedef struct {
  StyrkortProject *project;
  StyrkortPeriod period;
  char *path;              /* where the kept workbook was saved */
  GtkWindow *parent;       /* while the workbook is made */
} Request;

static Request *
request_new (StyrkortProject *project, StyrkortPeriod period)
{
  Request *request = g_new0 (Request, 1);
  request->project = g_object_ref (project);
  request->period = period;
  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->project);
  g_clear_object (&request->parent);
  g_free (request->path);
  g_free (request);
}

/* Shown by the window, through its action: this file does not know it. */
static void
toast (GtkWindow *window, const char *text)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toast", "(sb)", text, FALSE);
}

char *
styrkort_reporting_format_time (const char *iso_utc)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso_utc);
}

char *
styrkort_reporting_describe (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(StyrkortReport) report = styrkort_project_get_report (project, period);
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *when = NULL;

  if (report == NULL)
    return NULL;
  when = styrkort_reporting_format_time (report->time);
  if (styrkort_project_is_unlocked (project, period))
    return g_strdup_printf (_("%s was reported %s and is unlocked: changes are kept with your reason."), name, when);
  if (report->changed)
    return g_strdup_printf (_("%s was reported %s and has been changed since."), name, when);
  return g_strdup_printf (_("%s was reported %s. It is locked against changes."), name, when);
}

/* Marking ------------------------------------------------------------------- */

static void
on_marked_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Request *request = data;
  g_autoptr(GError) error = NULL;

  if (!styrkort_report_mark_finish (request->project, result, &error))
    toast (request->parent, error->message);
  else
    {
      g_autofree char *name = styrkort_period_to_string (request->period);
      g_autofree char *done = g_strdup_printf (_("%s is marked as reported"), name);
      toast (request->parent, done);
    }
  request_free (request);
}

static void
on_mark_response_cb (AdwMessageDialog *dialog, const char *response, Request *request)
{
  if (!g_str_equal (response, "mark"))
    {
      request_free (request);
      return;
    }
  /* The workbook is made in a thread; the window goes on meanwhile. */
  request->parent = g_object_ref (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  styrkort_report_mark_async (request->project, request->period, NULL, on_marked_cb, request);
}

void
styrkort_reporting_mark (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period)
{
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *heading = g_strdup_printf (_("Mark %s as Reported?"), name);
  g_autofree char *body = g_strdup_printf (_("Styrkort keeps the workbook for %s as it is now, so that exactly what "
                                             "was sent can be saved again later. Changing the period afterwards "
                                             "asks for a reason, and the overview shows that it was changed after "
                                             "reporting."), name);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  if (styrkort_project_is_reported (project, period))
    {
      g_autofree char *again = g_strdup_printf (_("%s has been reported before. Marking it again keeps the workbook "
                                                  "as it is now; the earlier one is kept too."), name);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), again);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "mark", _("_Mark as Reported"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_mark_response_cb), request_new (project, period));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Unlocking ----------------------------------------------------------------- */

static void
on_reason_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  adw_message_dialog_set_response_enabled (dialog, "unlock", *reason != '\0');
}

static void
on_unlock_response_cb (AdwMessageDialog *dialog, const char *response, Request *request)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_str_equal (response, "unlock") && *reason != '\0')
    styrkort_project_unlock_period (request->project, request->period, reason);
  request_free (request);
}

GtkWindow *
styrkort_reporting_unlock (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period)
{
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *heading = g_strdup_printf (_("Change Reported %s?"), name);
  g_autofree char *body = g_strdup_printf (_("%s has been reported. If you change it, the overview shows that it "
                                             "was changed after reporting, and your reason is kept with each "
                                             "change. The workbook that was sent stays as it was."), name);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why does the period change?"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the change"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock for Changes"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "unlock", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_unlock_response_cb), request_new (project, period));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* Saving the workbook as sent --------------------------------------------------- */

static void
on_corrected_response_cb (AdwMessageDialog *dialog, const char *response, Request *request)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *corrected = styrkort_report_corrected_path (request->path);
  g_autofree char *name = g_filename_display_basename (corrected);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save"))
    {
      if (styrkort_report_export_corrected (request->project, request->period, corrected, &error))
        {
          g_autofree char *done = g_strdup_printf (_("Saved “%s”"), name);
          toast (parent, done);
        }
      else
        toast (parent, error->message);
    }
  request_free (request);
}

/* Workbooks kept by earlier versions on a Swedish PC have decimal commas in
 * their numbers: the bytes as sent are saved, and a corrected copy offered. */
static void
offer_corrected_copy (GtkWindow *parent, Request *request)
{
  g_autofree char *corrected = styrkort_report_corrected_path (request->path);
  g_autofree char *name = g_filename_display_basename (corrected);
  g_autofree char *body = g_strdup_printf (_("The workbook was saved exactly as it was reported. Its numbers were "
                                             "written with decimal commas by an earlier version of Styrkort, and "
                                             "spreadsheet programs misread them. A corrected copy, “%s”, can be "
                                             "saved beside it."), name);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Save a Corrected Copy Too?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Only the Original"),
                                    "save", _("_Save Corrected Copy"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_corrected_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser, int response, Request *request)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      if (path == NULL)
        toast (parent, _("Only files on this computer or a connected network drive can be written."));
      else if (!styrkort_report_export (request->project, request->period, path, &error))
        toast (parent, error->message);
      else if (styrkort_report_has_decimal_commas (request->project, request->period))
        {
          request->path = g_steal_pointer (&path);
          offer_corrected_copy (parent, g_steal_pointer (&request));
        }
      else
        {
          g_autofree char *done = g_strdup_printf (_("Saved “%s”"), name);
          toast (parent, done);
        }
    }
  g_clear_pointer (&request, request_free);
  g_object_unref (chooser);
}

void
styrkort_reporting_export (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save Reported Workbook"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = styrkort_workbook_suggested_name (project, period);
  g_autofree char *stem = g_strndup (suggested, strlen (suggested) - strlen (".xlsx"));
  /* TRANSLATORS: the file name of a workbook as it was reported */
  g_autofree char *name = g_strdup_printf (_("%s-reported.xlsx"), stem);

  gtk_file_filter_set_name (filter, _("Excel workbook (*.xlsx)"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen_cb), request_new (project, period));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
