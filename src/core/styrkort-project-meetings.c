/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A meeting's agenda and decisions in a project, the actions decisions make,
 * and the dates sub-goals' baselines are from. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-db.h"
#include "styrkort-project-private.h"

void
styrkort_agenda_item_free (StyrkortAgendaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item);
}

void
styrkort_decision_free (StyrkortDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->text);
  g_free (decision);
}

/* Agenda -------------------------------------------------------------------- */

static gpointer
read_agenda_item (sqlite3_stmt *s)
{
  StyrkortAgendaItem *item = g_new0 (StyrkortAgendaItem, 1);
  item->id = sqlite3_column_int64 (s, 0);
  item->meeting_id = sqlite3_column_int64 (s, 1);
  item->title = styrkort_db_column_text0 (s, 2);
  return item;
}

GPtrArray *
styrkort_project_list_agenda (StyrkortProject *self, gint64 meeting_id)
{
  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), NULL);
  return _styrkort_list_rows (self, read_agenda_item, (GDestroyNotify) styrkort_agenda_item_free,
                              "SELECT id, meeting_id, title FROM agenda_item WHERE meeting_id = ?"
                              " ORDER BY position, id", "i", meeting_id);
}

static gboolean
insert_agenda_item (StyrkortProject *self, gint64 meeting_id, const char *title, GError **error)
{
  return _styrkort_check_text (title, _("The agenda item"), error) &&
         styrkort_db_exec (_styrkort_project_get_db (self), error,
                           "INSERT INTO agenda_item (meeting_id, position, title)"
                           " SELECT ?, ifnull (max (position), 0) + 1, ? FROM agenda_item WHERE meeting_id = ?",
                           "iti", meeting_id, title, meeting_id);
}

gboolean
styrkort_project_add_agenda_items (StyrkortProject *self, gint64 meeting_id, const char * const *titles,
                                   GError **error)
{
  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (titles != NULL, FALSE);

  if (!_styrkort_project_begin (self, _("Add agenda"), error))
    return FALSE;
  for (guint i = 0; titles[i] != NULL; i++)
    if (!insert_agenda_item (self, meeting_id, titles[i], error))
      {
        _styrkort_project_rollback (self);
        return FALSE;
      }
  return _styrkort_project_commit (self, error);
}

gint64
styrkort_project_add_agenda_item (StyrkortProject *self, gint64 meeting_id, const char *title, GError **error)
{
  gint64 id;

  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), 0);

  if (!_styrkort_project_begin (self, _("Add agenda item"), error))
    return 0;
  if (!insert_agenda_item (self, meeting_id, title, error))
    {
      _styrkort_project_rollback (self);
      return 0;
    }
  id = sqlite3_last_insert_rowid (_styrkort_project_get_db (self));
  return _styrkort_project_commit (self, error) ? id : 0;
}

gboolean
styrkort_project_remove_agenda_item (StyrkortProject *self, gint64 id, GError **error)
{
  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), FALSE);
  return _styrkort_remove_row (self, _("Remove agenda item"), "agenda_item", id, error);
}

/* Decisions ----------------------------------------------------------------- */

static gpointer
read_decision (sqlite3_stmt *s)
{
  StyrkortDecision *d = g_new0 (StyrkortDecision, 1);
  d->id = sqlite3_column_int64 (s, 0);
  d->agenda_item_id = sqlite3_column_int64 (s, 1);
  d->text = styrkort_db_column_text0 (s, 2);
  return d;
}

GPtrArray *
styrkort_project_list_decisions (StyrkortProject *self, gint64 meeting_id)
{
  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), NULL);
  return _styrkort_list_rows (self, read_decision, (GDestroyNotify) styrkort_decision_free,
                              "SELECT d.id, d.agenda_item_id, d.text FROM decision d"
                              " JOIN agenda_item a ON a.id = d.agenda_item_id"
                              " WHERE ? = 0 OR a.meeting_id = ? ORDER BY a.meeting_id, a.position, a.id, d.id",
                              "ii", meeting_id, meeting_id);
}

gint64
styrkort_project_add_decision (StyrkortProject *self, gint64 agenda_item_id, const char *text,
                               const StyrkortAction *action, gint64 *action_id, GError **error)
{
  sqlite3 *db;
  gint64 id, meeting_id;

  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), 0);
  if (action_id != NULL)
    *action_id = 0;
  if (!_styrkort_check_text (text, _("The decision"), error))
    return 0;
  if (action != NULL &&
      (!_styrkort_check_text (action->text, _("The action"), error) || !_styrkort_check_date (action->due, error)))
    return 0;
  if (!_styrkort_project_begin (self, action ? _("Add decision and action") : _("Add decision"), error))
    return 0;
  db = _styrkort_project_get_db (self);
  {
    g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (db, error, "SELECT meeting_id FROM agenda_item WHERE id = ?",
                                                        "i", agenda_item_id);
    if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
      {
        if (stmt != NULL)
          g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
                               _("The agenda item does not exist (any more)."));
        _styrkort_project_rollback (self);
        return 0;
      }
    meeting_id = sqlite3_column_int64 (stmt, 0);
  }
  if (!styrkort_db_exec (db, error, "INSERT INTO decision (agenda_item_id, text) VALUES (?, ?)", "it",
                         agenda_item_id, text))
    goto failed;
  id = sqlite3_last_insert_rowid (db);
  if (action != NULL)
    {
      if (!styrkort_db_exec (db, error,
                             "INSERT INTO action (area_id, subgoal_id, text, owner, due, status, note, meeting_id,"
                             " decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             "iItttttii", action->area_id, action->subgoal_id, action->text,
                             action->owner ? action->owner : "", action->due,
                             styrkort_action_state_to_key (action->state) ? styrkort_action_state_to_key (action->state)
                                                                          : "planned",
                             action->note ? action->note : "", meeting_id, id))
        goto failed;
      if (action_id != NULL)
        *action_id = sqlite3_last_insert_rowid (db);
    }
  if (!_styrkort_project_commit (self, error))
    {
      if (action_id != NULL)
        *action_id = 0;
      return 0;
    }
  return id;

failed:
  _styrkort_project_rollback (self);
  return 0;
}

gint64
styrkort_project_add_decision_action (StyrkortProject *self, gint64 decision_id, const StyrkortAction *a,
                                      GError **error)
{
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), 0);
  g_return_val_if_fail (a != NULL, 0);
  if (!_styrkort_check_text (a->text, _("The action"), error) || !_styrkort_check_date (a->due, error))
    return 0;
  if (!_styrkort_project_begin (self, _("Add action"), error))
    return 0;
  db = _styrkort_project_get_db (self);
  if (!styrkort_db_exec (db, error,
                         "INSERT INTO action (area_id, subgoal_id, text, owner, due, status, note, meeting_id,"
                         " decision_id) SELECT ?, ?, ?, ?, ?, ?, ?, i.meeting_id, d.id FROM decision d"
                         " JOIN agenda_item i ON i.id = d.agenda_item_id WHERE d.id = ?",
                         "iItttttI", a->area_id, a->subgoal_id, a->text, a->owner ? a->owner : "", a->due,
                         styrkort_action_state_to_key (a->state) ? styrkort_action_state_to_key (a->state)
                                                                 : "planned",
                         a->note ? a->note : "", decision_id))
    goto failed;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("The decision does not exist (any more)."));
      goto failed;
    }
  id = sqlite3_last_insert_rowid (db);
  return _styrkort_project_commit (self, error) ? id : 0;

failed:
  _styrkort_project_rollback (self);
  return 0;
}

gboolean
styrkort_project_remove_decision (StyrkortProject *self, gint64 id, GError **error)
{
  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), FALSE);
  return _styrkort_remove_row (self, _("Remove decision"), "decision", id, error);
}

gboolean
styrkort_project_get_action_origin (StyrkortProject *self, gint64 action_id, gint64 *meeting_id,
                                    gint64 *decision_id)
{
  sqlite3 *db = _styrkort_project_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), FALSE);
  if (meeting_id != NULL)
    *meeting_id = 0;
  if (decision_id != NULL)
    *decision_id = 0;
  if (db == NULL)
    return FALSE;
  stmt = styrkort_db_prepare (db, NULL, "SELECT ifnull (meeting_id, 0), ifnull (decision_id, 0) FROM action"
                                        " WHERE id = ?", "i", action_id);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (meeting_id != NULL)
    *meeting_id = sqlite3_column_int64 (stmt, 0);
  if (decision_id != NULL)
    *decision_id = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

GPtrArray *
styrkort_project_list_decision_actions (StyrkortProject *self, gint64 decision_id)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = _styrkort_project_get_db (self);
  GPtrArray *made = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_action_free);

  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), made);
  if (db == NULL)
    return made;
  stmt = styrkort_db_prepare (db, NULL, "SELECT id FROM action WHERE decision_id = ?", "i", decision_id);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (keys, id);
    }
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (ids, &g_array_index (keys, gint64, i));
  if (keys->len == 0)
    return made;
  all = styrkort_project_list_actions (self, 0);
  for (guint i = 0; i < all->len; i++)
    {
      StyrkortAction *a = all->pdata[i];
      if (g_hash_table_contains (ids, &a->id))
        g_ptr_array_add (made, g_steal_pointer (&all->pdata[i]));
    }
  return made;
}

/* Sub-goals' baselines --------------------------------------------------------- */

char *
styrkort_project_get_subgoal_baseline_date (StyrkortProject *self, gint64 subgoal_id)
{
  sqlite3 *db = _styrkort_project_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), NULL);
  if (db == NULL)
    return NULL;
  stmt = styrkort_db_prepare (db, NULL, "SELECT baseline_date FROM subgoal WHERE id = ?", "i", subgoal_id);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return styrkort_db_column_text (stmt, 0);
}

gboolean
styrkort_project_set_subgoal_baseline_date (StyrkortProject *self, gint64 subgoal_id, const char *date,
                                            GError **error)
{
  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), FALSE);
  if (!_styrkort_check_date (date, error))
    return FALSE;
  return _styrkort_project_edit (self, _("Change sub-goal"), error,
                                 "UPDATE subgoal SET baseline_date = ? WHERE id = ?", "ti", date, subgoal_id);
}
