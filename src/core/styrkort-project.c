/* SPDX-License-Identifier: GPL-3.0-or-later */
/* StyrkortProject, a district's project file: the object, the edit
 * transaction and undo, a snapshot for threads. Opening, checking and
 * creating a file are in styrkort-project-open.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-backups.h"
#include "styrkort-db.h"
#include "styrkort-file-lock.h"
#include "styrkort-project-private.h"

G_DEFINE_FINAL_TYPE (StyrkortProject, styrkort_project, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_SAVE_ERROR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
styrkort_project_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  StyrkortProject *self = STYRKORT_PROJECT (object);

  switch (prop_id)
    {
    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styrkort_project_finalize (GObject *object)
{
  StyrkortProject *self = STYRKORT_PROJECT (object);

  styrkort_project_close (self);
  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->save_error, g_free);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->unlocked, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  G_OBJECT_CLASS (styrkort_project_parent_class)->finalize (object);
}

static void
styrkort_project_class_init (StyrkortProjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styrkort_project_finalize;
  G_OBJECT_CLASS (klass)->get_property = styrkort_project_get_property;

  properties[PROP_SAVE_ERROR] = g_param_spec_string ("save-error", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                     G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  /**
   * StyrkortProject::changed:
   * @changes: (type StyrkortChanges): what changed: the rows of each table,
   *           the figures by indicator and period, reported periods, and
   *           whether an edit, a group of edits, undo or redo did it
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   STYRKORT_TYPE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
styrkort_project_init (StyrkortProject *self)
{
  self->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notices, NULL);
  self->unlocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->kept_changes = -1;
  self->statements = styrkort_db_statements_new ();
}



static gboolean
fail (GError **error, int code, const char *message)
{
  g_set_error_literal (error, STYRKORT_ERROR, code, message);
  return FALSE;
}

GFile *
styrkort_project_keep_unsaved (StyrkortProject *self, GError **error)
{
  GFile *copy;

  if (self->db == NULL)
    return (fail (error, STYRKORT_ERROR_IO, _("The file is closed.")), NULL);
  copy = styrkort_backups_keep_unsaved (self->file, self->db, error);
  if (copy != NULL)
    self->kept_changes = sqlite3_total_changes64 (self->db);
  return copy;
}

/* Closing, the file could not take the last edits: they are kept as a copy
 * among the backups rather than lost with the memory (unless the user was
 * just given one that holds them). */
static void
keep_unsaved (StyrkortProject *self, GError *cause)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *where = NULL;

  if (self->kept_changes == sqlite3_total_changes64 (self->db))
    return;
  copy = styrkort_project_keep_unsaved (self, &error);
  where = copy ? g_file_get_parse_name (copy) : NULL;
  g_message ("The last changes to %s could not be saved (%s); %s%s", self->path, cause->message,
             copy ? "they are kept in " : "nor kept as a copy: ", copy ? where : error->message);
}

void
styrkort_project_close (StyrkortProject *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STYRKORT_IS_PROJECT (self));
  if (self->saver != NULL && !styrkort_file_saver_stop (self->saver, &error))
    keep_unsaved (self, error);
  g_clear_pointer (&self->saver, styrkort_file_saver_free);
  g_clear_pointer (&self->history, styrkort_history_free);
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->lock, styrkort_file_lock_release);
}

gboolean
styrkort_project_save (StyrkortProject *self, GError **error)
{
  g_return_val_if_fail (STYRKORT_IS_PROJECT (self), FALSE);
  return self->saver == NULL || styrkort_file_saver_flush (self->saver, error);
}

const char *
styrkort_project_get_save_error (StyrkortProject *self)
{
  return self->save_error;
}

static void
on_save_state (GObject *owner, const char *message)
{
  StyrkortProject *self = STYRKORT_PROJECT (owner);

  if (g_strcmp0 (message, self->save_error) == 0)
    return;
  g_free (self->save_error);
  self->save_error = g_strdup (message);
  g_object_notify_by_pspec (owner, properties[PROP_SAVE_ERROR]);
}

gboolean
_styrkort_project_edit_in_memory (StyrkortProject *self, GError **error)
{
  sqlite3 *memory = styrkort_db_copy_to_memory (self->db, TRUE, error);

  if (memory == NULL)
    return FALSE;
  g_hash_table_remove_all (self->statements);
  self->saver = styrkort_file_saver_new (memory, g_steal_pointer (&self->db), G_OBJECT (self), on_save_state);
  self->db = memory;
  return TRUE;
}

GFile *
styrkort_project_get_file (StyrkortProject *self)
{
  return self->file;
}

gboolean
styrkort_project_is_read_only (StyrkortProject *self)
{
  return self->read_only;
}

const char *
styrkort_project_get_read_only_reason (StyrkortProject *self)
{
  return self->read_only_reason;
}

gboolean
styrkort_project_is_exclusive (StyrkortProject *self)
{
  return self->exclusive;
}

const char * const *
styrkort_project_get_notices (StyrkortProject *self)
{
  return (const char * const *) self->notices->pdata;
}

int
styrkort_project_get_opened_version (StyrkortProject *self)
{
  return self->opened_version;
}

sqlite3 *
_styrkort_project_get_db (StyrkortProject *self)
{
  return self->db;
}

StyrkortHistory *
_styrkort_project_get_history (StyrkortProject *self)
{
  return self->history;
}

GHashTable *
_styrkort_project_get_unlocked (StyrkortProject *self)
{
  return self->unlocked;
}

void
_styrkort_project_emit_reports_changed (StyrkortProject *self)
{
  g_autoptr(StyrkortChanges) changes = styrkort_changes_new (STYRKORT_CHANGE_EDIT);

  styrkort_changes_add_reports (changes);
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

static void
emit_changes_of (StyrkortProject *self, gint64 edit_id, StyrkortChangeOrigin origin)
{
  g_autoptr(StyrkortChanges) changes = styrkort_history_changes (self->history, edit_id, origin);
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

gboolean
_styrkort_project_begin (StyrkortProject *self, const char *summary, GError **error)
{
  if (self->db == NULL)
    return fail (error, STYRKORT_ERROR_IO, _("The file is closed."));
  if (self->read_only)
    return fail (error, STYRKORT_ERROR_READ_ONLY, self->read_only_reason);
  if (self->edit_depth > 0)
    {
      self->edit_depth++;
      return TRUE;
    }
  if (!styrkort_db_exec_script (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!styrkort_history_begin (self->history, summary, error))
    {
      styrkort_db_exec_script (self->db, "ROLLBACK", NULL);
      return FALSE;
    }
  self->edit_depth = 1;
  self->edit_failed = FALSE;
  self->edit_origin = STYRKORT_CHANGE_EDIT;
  return TRUE;
}

static gboolean
touch_and_commit (StyrkortProject *self, GError **error)
{
  g_autofree char *now = styrkort_db_now ();

  if (!styrkort_db_exec (self->db, error, "UPDATE district SET modified = ?", "t", now) ||
      !styrkort_db_exec_script (self->db, "COMMIT", error))
    {
      styrkort_db_exec_script (self->db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
_styrkort_project_commit (StyrkortProject *self, GError **error)
{
  gboolean changed;
  gint64 edit_id;

  g_return_val_if_fail (self->edit_depth > 0, FALSE);
  if (--self->edit_depth > 0)
    return TRUE;
  if (!self->edit_failed &&
      !_styrkort_project_note_reported_changes (self, styrkort_history_current (self->history), error))
    {
      _styrkort_project_rollback (self);
      return FALSE;
    }
  edit_id = styrkort_history_current (self->history);
  changed = styrkort_history_end (self->history);
  if (self->edit_failed)
    {
      styrkort_db_exec_script (self->db, "ROLLBACK", NULL);
      return fail (error, STYRKORT_ERROR_INVALID, _("A part of the change failed; nothing was saved."));
    }
  if (!changed)
    return styrkort_db_exec_script (self->db, "COMMIT", error);
  if (!touch_and_commit (self, error))
    return FALSE;
  emit_changes_of (self, edit_id, self->edit_origin);
  return TRUE;
}

void
_styrkort_project_rollback (StyrkortProject *self)
{
  if (self->edit_depth > 1)
    {
      self->edit_depth--;
      self->edit_failed = TRUE;
      return;
    }
  self->edit_depth = 0;
  if (self->history != NULL)
    styrkort_history_end (self->history);
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    styrkort_db_exec_script (self->db, "ROLLBACK", NULL);
}

gboolean
styrkort_project_begin_group (StyrkortProject *self, const char *summary, GError **error)
{
  if (!_styrkort_project_begin (self, summary, error))
    return FALSE;
  if (self->edit_depth == 1)
    self->edit_origin = STYRKORT_CHANGE_GROUP;
  return TRUE;
}

gboolean
styrkort_project_end_group (StyrkortProject *self, GError **error)
{
  return _styrkort_project_commit (self, error);
}

void
styrkort_project_cancel_group (StyrkortProject *self)
{
  _styrkort_project_rollback (self);
}

gboolean
_styrkort_project_edit (StyrkortProject *self, const char *summary,
                        GError **error, const char *sql, const char *types, ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  va_list args;

  if (!_styrkort_project_begin (self, summary, error))
    return FALSE;
  va_start (args, types);
  stmt = styrkort_db_prepare_va (self->db, error, sql, types, args);
  va_end (args);
  if (stmt == NULL || !styrkort_db_step_done (self->db, stmt, error))
    {
      _styrkort_project_rollback (self);
      return FALSE;
    }
  return _styrkort_project_commit (self, error);
}

static gboolean
undo_or_redo (StyrkortProject *self, gboolean undo, GError **error)
{
  gboolean (*step) (StyrkortHistory *, GError **) = undo ? styrkort_history_undo : styrkort_history_redo;
  gint64 edit_id;

  if (self->read_only || self->history == NULL)
    return fail (error, STYRKORT_ERROR_READ_ONLY, self->read_only_reason);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);
  if (!styrkort_db_exec_script (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  edit_id = undo ? styrkort_history_undo_target (self->history) : styrkort_history_redo_target (self->history);
  if (!step (self->history, error) || !touch_and_commit (self, error))
    {
      _styrkort_project_rollback (self);
      return FALSE;
    }
  emit_changes_of (self, edit_id, undo ? STYRKORT_CHANGE_UNDO : STYRKORT_CHANGE_REDO);
  return TRUE;
}

gint64
styrkort_project_get_undo_edit (StyrkortProject *self)
{
  return self->history != NULL ? styrkort_history_undo_target (self->history) : 0;
}

gboolean
styrkort_project_can_undo (StyrkortProject *self)
{
  return self->history != NULL && styrkort_history_can_undo (self->history);
}

gboolean
styrkort_project_can_redo (StyrkortProject *self)
{
  return self->history != NULL && styrkort_history_can_redo (self->history);
}

char *
styrkort_project_undo_summary (StyrkortProject *self)
{
  return self->history ? styrkort_history_undo_summary (self->history) : NULL;
}

char *
styrkort_project_redo_summary (StyrkortProject *self)
{
  return self->history ? styrkort_history_redo_summary (self->history) : NULL;
}

gboolean
styrkort_project_undo (StyrkortProject *self, GError **error)
{
  if (!styrkort_project_can_undo (self))
    return fail (error, STYRKORT_ERROR_INVALID, _("There is nothing to undo."));
  return undo_or_redo (self, TRUE, error);
}

gboolean
styrkort_project_redo (StyrkortProject *self, GError **error)
{
  if (!styrkort_project_can_redo (self))
    return fail (error, STYRKORT_ERROR_INVALID, _("There is nothing to redo."));
  return undo_or_redo (self, FALSE, error);
}

GPtrArray *
styrkort_project_list_history (StyrkortProject *self, guint limit, GError **error)
{
  if (self->history == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_history_entry_free);
  return styrkort_history_list (self->history, limit, error);
}

gboolean
styrkort_project_clear_history (StyrkortProject *self, GError **error)
{
  if (self->read_only || self->db == NULL)
    return fail (error, STYRKORT_ERROR_READ_ONLY, self->read_only_reason);
  return styrkort_db_exec_script (self->db, "DELETE FROM edit", error);
}

/* A copy of @db in memory, held by a new project object that is read-only
 * to its users; @writable lets the caller change the copy itself. */
static StyrkortProject *
copy_database (StyrkortProject *self, sqlite3 *db, gboolean writable, GError **error)
{
  g_autoptr(StyrkortProject) copy = NULL;

  if (db == NULL)
    return (fail (error, STYRKORT_ERROR_IO, _("The file is closed.")), NULL);
  copy = g_object_new (STYRKORT_TYPE_PROJECT, NULL);
  copy->file = g_object_ref (self->file);
  copy->path = g_strdup (self->path);
  copy->read_only = TRUE;
  copy->read_only_reason = g_strdup (_("This is a copy of the file for reading."));
  copy->opened_version = self->opened_version;
  copy->db = styrkort_db_copy_to_memory (db, writable, error);
  return copy->db ? g_steal_pointer (&copy) : NULL;
}

/* A read-only copy of the file as it is now, in memory, for a thread to read
 * while the window goes on editing. It opens no second connection to the
 * file: on a network share the exclusive lock would refuse one. */
StyrkortProject *
styrkort_project_snapshot (StyrkortProject *self, GError **error)
{
  return copy_database (self, self->db, FALSE, error);
}

/* The edits after the report are undone in a working copy, by the same
 * history that undoes them in the file; the copy handed out is taken from
 * it afterwards, so it carries neither the history's triggers nor its
 * function. */
StyrkortProject *
styrkort_project_snapshot_as_reported (StyrkortProject *self, StyrkortPeriod period, GError **error)
{
  g_autoptr(StyrkortProject) work = NULL;
  g_autoptr(StyrkortHistory) history = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 last_edit;

  if (self->db == NULL)
    return (fail (error, STYRKORT_ERROR_IO, _("The file is closed.")), NULL);
  stmt = styrkort_db_prepare (self->db, error, "SELECT last_edit_id FROM report WHERE year = ? AND tertial = ?"
                              " ORDER BY id DESC LIMIT 1", "nn", period.year, period.tertial);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *name = styrkort_period_to_string (period);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("%s has not been reported."), name);
      return NULL;
    }
  last_edit = sqlite3_column_int64 (stmt, 0);
  work = copy_database (self, self->db, TRUE, error);
  if (work == NULL)
    return NULL;
  history = styrkort_history_new (work->db, _styrkort_project_edited_tables (), error);
  if (history == NULL || !styrkort_db_exec_script (work->db, "BEGIN", error))
    return NULL;
  styrkort_history_set_floor (history, last_edit);
  while (styrkort_history_can_undo (history))
    if (!styrkort_history_undo (history, error))
      {
        styrkort_db_exec_script (work->db, "ROLLBACK", NULL);
        return NULL;
      }
  if (!styrkort_db_exec_script (work->db, "COMMIT", error))
    return NULL;
  return copy_database (self, work->db, FALSE, error);
}
