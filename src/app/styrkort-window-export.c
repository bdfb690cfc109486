/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's commands that take the district elsewhere: the projected
 * view, slides and printing, the T2 workbook and the tertial report (each
 * written in a thread), import, and reported periods (mark, save, unlock,
 * lock). */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-import-dialog.h"
#include "styrkort-page.h"
#include "styrkort-projector.h"
#include "styrkort-reporting.h"
#include "styrkort-slides.h"
#include "styrkort-brief-pdf.h"
#include "styrkort-tertial-report.h"
#include "styrkort-window-private.h"
#include "styrkort-workbook.h"

static void
present_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  GtkWidget *projector;

  if (self->project == NULL)
    return;
  projector = styrkort_projector_new (self->project, self->period);
  gtk_window_set_transient_for (GTK_WINDOW (projector), GTK_WINDOW (self));
  gtk_window_fullscreen (GTK_WINDOW (projector));
  gtk_window_present (GTK_WINDOW (projector));
}

static void
choose_slides_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_slides_choose (GTK_WINDOW (self), self->project, self->period);
}

static void
export_slides_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_slides_export (GTK_WINDOW (self), self->project, self->period);
}

static void
print_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_slides_print (GTK_WINDOW (self), self->project, self->period);
}

/* Export runs in a thread on a copy of the file in memory, taken here on the
 * window's own connection: a second connection to a file on a share would
 * be refused by the exclusive lock. The window stays responsive and shows
 * that something is happening. */
typedef gboolean (*ExportWriter) (StyrkortProject *project, StyrkortPeriod period, const char *path,
                                  GError **error);

typedef struct {
  StyrkortProject *snapshot; /* NULL when the copy failed: then @error says why */
  GError *error;
  StyrkortPeriod period;
  char *path;
  ExportWriter write;        /* the workbook or the tertial report */
  const char *action;        /* "win.export-workbook", …: off while it runs */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->snapshot);
  g_clear_error (&job->error);
  g_free (job->path);
  g_free (job);
}

/* A "working…" toast for a job that may take seconds: shown only once the
 * job has run BUSY_DELAY_MS (a quick export would flash it), and taken down
 * no sooner than BUSY_SHOWN_MS after it appeared. libadwaita 1.2 frees a
 * toast whose hide animation ends before its show animation (300–500 ms),
 * then crashes when the show animation ends: a toast dismissed right after
 * it was shown took the window down. */
#define BUSY_DELAY_MS 400
#define BUSY_SHOWN_MS 700

typedef struct {
  AdwToastOverlay *overlay;
  AdwToast *toast;
  gint64 shown_at;   /* 0 while not shown */
  guint delay_id;
} BusyToast;

static gboolean
show_busy_cb (gpointer data)
{
  BusyToast *busy = data;

  busy->delay_id = 0;
  busy->shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (busy->overlay, g_object_ref (busy->toast));
  return G_SOURCE_REMOVE;
}

static BusyToast *
busy_toast_start (AdwToastOverlay *overlay, const char *text)
{
  BusyToast *busy = g_new0 (BusyToast, 1);

  busy->overlay = g_object_ref (overlay);
  busy->toast = styrkort_toast_new (text);
  adw_toast_set_timeout (busy->toast, 0);
  busy->delay_id = g_timeout_add (BUSY_DELAY_MS, show_busy_cb, busy);
  return busy;
}

static gboolean
dismiss_later_cb (gpointer toast)
{
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
busy_toast_finish (BusyToast *busy)
{
  g_clear_handle_id (&busy->delay_id, g_source_remove);
  if (busy->shown_at != 0)
    {
      gint64 shown_ms = (g_get_monotonic_time () - busy->shown_at) / 1000;
      if (shown_ms >= BUSY_SHOWN_MS)
        adw_toast_dismiss (busy->toast);
      else
        g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (BUSY_SHOWN_MS - shown_ms), dismiss_later_cb,
                            g_object_ref (busy->toast), g_object_unref);
    }
  g_object_unref (busy->toast);
  g_object_unref (busy->overlay);
  g_free (busy);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr(GError) error = NULL;

  if (job->snapshot == NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else if (!job->write (job->snapshot, job->period, job->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  StyrkortWindow *self = STYRKORT_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  busy_toast_finish (data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), job->action, TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      styrkort_window_toast (self, error->message, FALSE);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (job->path);
    g_autofree char *folder = g_path_get_dirname (job->path);
    g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
    g_autofree char *uri = g_file_get_uri (folder_file);
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
    AdwToast *toast = styrkort_toast_new (text);
    adw_toast_set_button_label (toast, _("Show _Folder"));
    adw_toast_set_detailed_action_name (toast, "win.show-folder");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    adw_toast_set_timeout (toast, 10);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static void
export_in_thread (StyrkortWindow *self, GFile *target, ExportWriter write, const char *action,
                  const char *busy_text)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (self->project == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, FALSE);
  /* Fields being edited save first, so that the file written has them. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  job->snapshot = styrkort_project_snapshot (self->project, &job->error);
  job->period = self->period;
  job->path = g_file_get_path (target);
  job->write = write;
  job->action = action;
  task = g_task_new (self, NULL, on_export_done_cb, busy_toast_start (self->toast_overlay, busy_text));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

void
styrkort_window_export_workbook (StyrkortWindow *self, GFile *target)
{
  export_in_thread (self, target, styrkort_workbook_export, "win.export-workbook", _("Exporting the workbook…"));
}

/* The copy keeps the reports and the edit history: a reported period's
 * report is rebuilt from it as it was reported. */
void
styrkort_window_export_tertial_report (StyrkortWindow *self, GFile *target)
{
  export_in_thread (self, target, styrkort_tertial_report_write, "win.export-tertial-report",
                    _("Writing the tertial report…"));
}

void
styrkort_window_export_brief (StyrkortWindow *self, GFile *target)
{
  export_in_thread (self, target, styrkort_brief_export_pdf, "win.export-brief", _("Writing the brief…"));
}

/* Where an export goes: a save chooser with the kind's filter and name; the
 * file chosen is written by @export. */
typedef void (*ExportTo) (StyrkortWindow *self, GFile *target);

static void
on_target_chosen_cb (GtkNativeDialog *dialog, int response, StyrkortWindow *self)
{
  ExportTo export = g_object_get_data (G_OBJECT (dialog), "export");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      export (self, file);
    }
  g_object_unref (dialog);
}

static void
choose_target (StyrkortWindow *self, const char *title, const char *filter_name, const char *pattern,
               const char *name, ExportTo export)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "export", export);
  g_signal_connect (chooser, "response", G_CALLBACK (on_target_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_workbook_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;
  name = styrkort_workbook_suggested_name (self->project, self->period);
  choose_target (self, _("Export Workbook"), _("Excel workbook (*.xlsx)"), "*.xlsx", name,
                 styrkort_window_export_workbook);
}

static void
export_tertial_report_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;
  name = styrkort_tertial_report_suggested_name (self->project, self->period);
  choose_target (self, _("Export Tertial Report"), _("PDF document (*.pdf)"), "*.pdf", name,
                 styrkort_window_export_tertial_report);
}

static void
export_brief_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;
  name = styrkort_brief_suggested_name (self->project);
  choose_target (self, _("Export the Brief"), _("PDF document (*.pdf)"), "*.pdf", name, styrkort_window_export_brief);
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_import_dialog_choose (GTK_WINDOW (self), self->project);
}

static void
mark_reported_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project == NULL)
    return;
  /* Fields being edited save first, so that the report has them. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  styrkort_reporting_mark (GTK_WINDOW (self), self->project, self->period);
}

static void
export_reported_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_reporting_export (GTK_WINDOW (self), self->project, self->period);
}

void
styrkort_window_ask_unlock (StyrkortWindow *self)
{
  if (self->project == NULL || self->unlock_dialog != NULL)
    return;
  self->unlock_dialog = GTK_WIDGET (styrkort_reporting_unlock (GTK_WINDOW (self), self->project, self->period));
  g_object_add_weak_pointer (G_OBJECT (self->unlock_dialog), (gpointer *) &self->unlock_dialog);
}

static void
unlock_period_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  styrkort_window_ask_unlock (STYRKORT_WINDOW (widget));
}

static void
lock_period_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_project_lock_period (self->project, self->period);
}

static void
show_folder_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

void
_styrkort_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.choose-slides", NULL, choose_slides_action);
  gtk_widget_class_install_action (widget_class, "win.export-slides", NULL, export_slides_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.export-tertial-report", NULL, export_tertial_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-brief", NULL, export_brief_action);
  gtk_widget_class_install_action (widget_class, "win.show-folder", "s", show_folder_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.mark-reported", NULL, mark_reported_action);
  gtk_widget_class_install_action (widget_class, "win.export-reported", NULL, export_reported_action);
  gtk_widget_class_install_action (widget_class, "win.unlock-period", NULL, unlock_period_action);
  gtk_widget_class_install_action (widget_class, "win.lock-period", NULL, lock_period_action);
}
