/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Closing a period: the T2 workbook as it was sent, kept in the file. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "styrkort-report.h"
#include "styrkort-workbook.h"
#include "styrkort-xlsx-repair.h"

/* The workbook for @period as bytes, made in a folder of its own. */
static GBytes *
make_workbook (StyrkortProject *project, StyrkortPeriod period, GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("styrkort-report-XXXXXX", error);
  g_autofree char *path = NULL;
  char *data = NULL;
  gsize length = 0;
  gboolean ok;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "report.xlsx", NULL);
  ok = styrkort_workbook_export (project, period, path, error) &&
       g_file_get_contents (path, &data, &length, error);
  g_remove (path);
  g_rmdir (dir);
  return ok ? g_bytes_new_take (data, length) : NULL;
}

static gboolean
write_bytes (GBytes *bytes, const char *path, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GError *local = NULL;

  if (g_file_set_contents (path, data, (gssize) length, &local))
    return TRUE;
  g_autofree char *name = g_filename_display_basename (path);
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("“%s” could not be written: %s"), name, local->message);
  g_error_free (local);
  return FALSE;
}

gboolean
styrkort_report_mark (StyrkortProject *project, StyrkortPeriod period, const char *path, GError **error)
{
  g_autoptr(GBytes) workbook = NULL;

  if (styrkort_project_is_read_only (project))
    {
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY,
                           styrkort_project_get_read_only_reason (project));
      return FALSE;
    }
  workbook = make_workbook (project, period, error);
  return workbook != NULL && styrkort_project_add_report (project, period, workbook, error) &&
         (path == NULL || write_bytes (workbook, path, error));
}

/* The workbook is made in a thread from a copy of the district as it is
 * when asked (a few hundred milliseconds); it is kept in the file, a quick
 * edit, when it comes back. */
static void
make_workbook_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  StyrkortProject *snapshot = data;
  StyrkortPeriod *period = g_object_get_data (G_OBJECT (task), "period");
  GError *error = NULL;
  GBytes *workbook = make_workbook (snapshot, *period, &error);

  if (workbook == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workbook, (GDestroyNotify) g_bytes_unref);
}

void
styrkort_report_mark_async (StyrkortProject *project, StyrkortPeriod period, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (project, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  StyrkortProject *snapshot = NULL;

  g_task_set_source_tag (task, styrkort_report_mark_async);
  g_object_set_data_full (G_OBJECT (task), "period", g_memdup2 (&period, sizeof period), g_free);
  if (styrkort_project_is_read_only (project))
    g_set_error_literal (&error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY,
                         styrkort_project_get_read_only_reason (project));
  else
    snapshot = styrkort_project_snapshot (project, &error);
  if (snapshot == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, snapshot, g_object_unref);
  g_task_run_in_thread (task, make_workbook_thread);
}

gboolean
styrkort_report_mark_finish (StyrkortProject *project, GAsyncResult *result, GError **error)
{
  g_autoptr(GBytes) workbook = NULL;
  StyrkortPeriod *period;

  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == styrkort_report_mark_async, FALSE);
  workbook = g_task_propagate_pointer (G_TASK (result), error);
  period = g_object_get_data (G_OBJECT (result), "period");
  return workbook != NULL && styrkort_project_add_report (project, *period, workbook, error);
}

gboolean
styrkort_report_export (StyrkortProject *project, StyrkortPeriod period, const char *path, GError **error)
{
  g_autoptr(GBytes) workbook = styrkort_project_get_report_workbook (project, period);

  if (workbook == NULL)
    {
      g_autofree char *name = styrkort_period_to_string (period);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("%s has not been reported."), name);
      return FALSE;
    }
  return write_bytes (workbook, path, error);
}

gboolean
styrkort_report_has_decimal_commas (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(GBytes) workbook = styrkort_project_get_report_workbook (project, period);
  return workbook != NULL && styrkort_xlsx_count_decimal_commas (workbook) > 0;
}

char *
styrkort_report_corrected_path (const char *path)
{
  g_autofree char *stem = g_str_has_suffix (path, ".xlsx") ? g_strndup (path, strlen (path) - 5) : g_strdup (path);
  return g_strconcat (stem, " (korrigerad).xlsx", NULL);
}

gboolean
styrkort_report_export_corrected (StyrkortProject *project, StyrkortPeriod period, const char *path, GError **error)
{
  g_autoptr(GBytes) workbook = styrkort_project_get_report_workbook (project, period);
  g_autoptr(GBytes) fixed = NULL;

  if (workbook == NULL)
    {
      g_autofree char *name = styrkort_period_to_string (period);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("%s has not been reported."), name);
      return FALSE;
    }
  fixed = styrkort_xlsx_fix_decimal_commas (workbook, error);
  return fixed != NULL && write_bytes (fixed, path, error);
}
