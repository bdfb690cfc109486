/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reported periods in a project: the workbook as sent, the lock on the
 * period, the reasons for later changes; and remembered import mappings. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-db.h"
#include "styrkort-project-private.h"

#define DB(self) _styrkort_project_get_db (self)

void
styrkort_report_free (StyrkortReport *report)
{
  if (report == NULL)
    return;
  g_free (report->time);
  g_free (report);
}

void
styrkort_report_change_free (StyrkortReportChange *change)
{
  if (change == NULL)
    return;
  g_free (change->time);
  g_free (change->summary);
  g_free (change->reason);
  g_free (change);
}

static char *
period_key (StyrkortPeriod period)
{
  return g_strdup_printf ("%d-%d", period.year, period.tertial);
}

gint64
_styrkort_project_report_floor (StyrkortProject *self)
{
  return styrkort_db_query_int (DB (self), "SELECT ifnull (max (last_edit_id), 0) FROM report", 0);
}

/* Whether a period has changed since its latest report: an edit after it,
 * not undone, that changed the period. */
#define CHANGED_AFTER_REPORT \
  "EXISTS (SELECT 1 FROM report_change c JOIN edit e ON e.id = c.edit_id" \
  " WHERE e.undone = 0 AND c.year = r.year AND c.tertial = r.tertial AND c.edit_id > r.last_edit_id)"

static gpointer
read_report (sqlite3_stmt *s)
{
  StyrkortReport *report = g_new0 (StyrkortReport, 1);
  report->period.year = sqlite3_column_int (s, 0);
  report->period.tertial = sqlite3_column_int (s, 1);
  report->time = styrkort_db_column_text0 (s, 2);
  report->changed = sqlite3_column_int (s, 3);
  return report;
}

GPtrArray *
styrkort_project_list_reports (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_report, (GDestroyNotify) styrkort_report_free,
    "SELECT r.year, r.tertial, r.time, " CHANGED_AFTER_REPORT " FROM report r"
    " WHERE r.id = (SELECT max (id) FROM report WHERE year = r.year AND tertial = r.tertial)"
    " ORDER BY r.year, r.tertial", NULL);
}

StyrkortReport *
styrkort_project_get_report (StyrkortProject *self, StyrkortPeriod period)
{
  return _styrkort_steal_first (_styrkort_list_rows (self, read_report, (GDestroyNotify) styrkort_report_free,
    "SELECT r.year, r.tertial, r.time, " CHANGED_AFTER_REPORT " FROM report r"
    " WHERE r.year = ? AND r.tertial = ? ORDER BY r.id DESC LIMIT 1", "nn", period.year, period.tertial));
}

gboolean
styrkort_project_is_reported (StyrkortProject *self, StyrkortPeriod period)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (DB (self) == NULL)
    return FALSE;
  stmt = styrkort_db_prepare (DB (self), NULL, "SELECT 1 FROM report WHERE year = ? AND tertial = ?", "nn",
                              period.year, period.tertial);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

static gpointer
read_change (sqlite3_stmt *s)
{
  StyrkortReportChange *change = g_new0 (StyrkortReportChange, 1);
  change->time = styrkort_db_column_text0 (s, 0);
  change->summary = styrkort_db_column_text0 (s, 1);
  change->reason = styrkort_db_column_text0 (s, 2);
  return change;
}

GPtrArray *
styrkort_project_list_report_changes (StyrkortProject *self, StyrkortPeriod period)
{
  return _styrkort_list_rows (self, read_change, (GDestroyNotify) styrkort_report_change_free,
    "SELECT e.time, e.summary, c.reason FROM report_change c JOIN edit e ON e.id = c.edit_id"
    " WHERE e.undone = 0 AND c.year = ? AND c.tertial = ?"
    " AND c.edit_id > (SELECT max (last_edit_id) FROM report WHERE year = c.year AND tertial = c.tertial)"
    " ORDER BY e.id", "nn", period.year, period.tertial);
}

GBytes *
styrkort_project_get_report_workbook (StyrkortProject *self, StyrkortPeriod period)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (DB (self) == NULL)
    return NULL;
  stmt = styrkort_db_prepare (DB (self), NULL, "SELECT workbook FROM report WHERE year = ? AND tertial = ?"
                              " ORDER BY id DESC LIMIT 1", "nn", period.year, period.tertial);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

/* Not an undoable edit: what was sent stays sent. Undo stops here, and what
 * was undone before cannot be redone over the reported figures. */
gboolean
styrkort_project_add_report (StyrkortProject *self, StyrkortPeriod period, GBytes *workbook, GError **error)
{
  sqlite3 *db = DB (self);
  g_autofree char *now = styrkort_db_now ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 last_edit;
  gsize size;
  const void *data = g_bytes_get_data (workbook, &size);

  if (!_styrkort_check_period (period, error))
    return FALSE;
  if (db == NULL || styrkort_project_is_read_only (self))
    {
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY,
                           db ? styrkort_project_get_read_only_reason (self) : _("The file is closed."));
      return FALSE;
    }
  if (!styrkort_db_exec_script (db, "BEGIN IMMEDIATE; DELETE FROM edit WHERE undone = 1", error))
    return FALSE;
  last_edit = styrkort_db_query_int (db, "SELECT ifnull (max (id), 0) FROM edit", 0);
  stmt = styrkort_db_prepare (db, error, "INSERT INTO report (year, tertial, time, last_edit_id, workbook)"
                              " VALUES (?, ?, ?, ?, ?)", "nnti", period.year, period.tertial, now, last_edit);
  if (stmt == NULL || sqlite3_bind_blob64 (stmt, 5, data, size, SQLITE_TRANSIENT) != SQLITE_OK ||
      !styrkort_db_step_done (db, stmt, error) || !styrkort_db_exec_script (db, "COMMIT", error))
    {
      styrkort_db_exec_script (db, "ROLLBACK", NULL);
      return FALSE;
    }
  g_autofree char *key = period_key (period);
  g_hash_table_remove (_styrkort_project_get_unlocked (self), key);
  styrkort_history_set_floor (_styrkort_project_get_history (self), last_edit);
  _styrkort_project_emit_reports_changed (self);
  return TRUE;
}

void
styrkort_project_unlock_period (StyrkortProject *self, StyrkortPeriod period, const char *reason)
{
  g_return_if_fail (reason != NULL && *reason != '\0');
  g_hash_table_insert (_styrkort_project_get_unlocked (self), period_key (period), g_strdup (reason));
  _styrkort_project_emit_reports_changed (self);
}

void
styrkort_project_lock_period (StyrkortProject *self, StyrkortPeriod period)
{
  g_autofree char *key = period_key (period);
  if (g_hash_table_remove (_styrkort_project_get_unlocked (self), key))
    _styrkort_project_emit_reports_changed (self);
}

gboolean
styrkort_project_is_unlocked (StyrkortProject *self, StyrkortPeriod period)
{
  g_autofree char *key = period_key (period);
  return g_hash_table_contains (_styrkort_project_get_unlocked (self), key);
}

/* The reported periods whose rows edit @edit_id changed (old or new row):
 * every table with a period, whatever the way in (typing, import, a unit's
 * removal cascading to its figures). */
#define PERIOD_TABLES "('indicator_value', 'city_value', 'assessment', 'gender_note')"
#define REPORTED_PERIODS_OF_EDIT \
  "SELECT DISTINCT r.year, r.tertial FROM report r JOIN" \
  " (SELECT json_extract (old_row, '$.year') AS year, json_extract (old_row, '$.tertial') AS tertial" \
  "    FROM edit_change WHERE edit_id = ?1 AND old_row IS NOT NULL AND table_name IN " PERIOD_TABLES \
  "  UNION SELECT json_extract (new_row, '$.year'), json_extract (new_row, '$.tertial')" \
  "    FROM edit_change WHERE edit_id = ?1 AND new_row IS NOT NULL AND table_name IN " PERIOD_TABLES ") p" \
  " ON p.year = r.year AND p.tertial = r.tertial"

static gboolean
refuse_locked (StyrkortPeriod period, GError **error)
{
  g_autofree char *name = styrkort_period_to_string (period);
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_REPORTED,
               _("%s has been reported. Unlock the period and give a reason to change it."), name);
  return FALSE;
}

gboolean
_styrkort_project_note_reported_changes (StyrkortProject *self, gint64 edit_id, GError **error)
{
  sqlite3 *db = DB (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *unlocked = _styrkort_project_get_unlocked (self);
  int rc;

  if (edit_id == 0)
    return TRUE;
  stmt = styrkort_db_prepare (db, error, REPORTED_PERIODS_OF_EDIT, "i", edit_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StyrkortPeriod period = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1) };
      g_autofree char *key = period_key (period);
      const char *reason = g_hash_table_lookup (unlocked, key);
      if (reason == NULL)
        return refuse_locked (period, error);
      if (!styrkort_db_exec (db, error, "INSERT INTO report_change (edit_id, year, tertial, reason)"
                                        " VALUES (?, ?, ?, ?)", "innt",
                             edit_id, period.year, period.tertial, reason))
        return FALSE;
    }
  return rc == SQLITE_DONE || styrkort_db_fail (db, rc, error);
}

/* Import mappings ------------------------------------------------------------ */

char *
styrkort_project_get_import_mapping (StyrkortProject *self, const char *pattern)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (DB (self) == NULL)
    return NULL;
  stmt = styrkort_db_prepare (DB (self), NULL, "SELECT mapping FROM import_mapping WHERE pattern = ?", "t",
                              pattern);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? styrkort_db_column_text (stmt, 0) : NULL;
}

/* A preference of the file, not an edit of the district: no undo step. */
gboolean
styrkort_project_set_import_mapping (StyrkortProject *self, const char *pattern, const char *mapping,
                                     GError **error)
{
  g_autofree char *now = styrkort_db_now ();

  if (styrkort_project_is_read_only (self))
    return TRUE; /* nothing to remember it in; the mapping is still guessed next time */
  return styrkort_db_exec (DB (self), error,
                           "INSERT INTO import_mapping (pattern, mapping, used) VALUES (?, ?, ?)"
                           " ON CONFLICT (pattern) DO UPDATE SET mapping = excluded.mapping, used = excluded.used",
                           "ttt", pattern, mapping, now);
}
