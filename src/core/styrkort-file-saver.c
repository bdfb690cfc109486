/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Edits go to a copy in memory; a thread writes them to the file.
 *
 * The copy's update hook names each row an edit inserted, changed or
 * deleted (cascades and triggers included); the commit hook keeps those of
 * committed transactions. After a commit the saver reads each such row's
 * state now (or finds it gone) and hands the batch to its thread, which
 * upserts or deletes the rows by id in the file in one transaction. Since a
 * batch carries states, not steps, applying it again is harmless, and
 * batches that failed are simply applied again, in order, with the next.
 * Every table of our schema has an INTEGER PRIMARY KEY "id"; table and
 * column names come from our schema (styrkort-schema-check.c), never from
 * the file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-db.h"
#include "styrkort-file-saver.h"
#include "styrkort-schema-check.h"
#include "styrkort-types.h"

/* A failed save is tried again this often (µs) while nothing else comes. */
#define RETRY_INTERVAL (2 * G_USEC_PER_SEC)

typedef struct {
  char *name;
  GPtrArray *columns;  /* without "id"; the schema cache's */
  char *select_sql;
  char *upsert_sql;
  char *delete_sql;
} SavedTable;

typedef struct {
  SavedTable *table;
  gint64 id;
} RowKey;

typedef struct {
  SavedTable *table;
  gint64 id;
  GPtrArray *values;  /* sqlite3_value *, "id" first; NULL: the row is gone */
} RowState;

struct _StyrkortFileSaver {
  /* The editing thread's. */
  sqlite3 *memory;
  GHashTable *tables;     /* name → SavedTable; not changed after _new () */
  GHashTable *touched;    /* RowKey set: rows of the open transaction */
  GHashTable *committed;  /* RowKey set: committed, not yet sent */
  GSource *idle;
  GMainContext *owner_context;
  GWeakRef owner;
  StyrkortSaveStateFunc state_func;

  /* Shared, under lock. */
  GMutex lock;
  GCond cond;
  GQueue queue;           /* batches (GPtrArray of RowState) sent, not taken */
  GQueue pending;         /* taken by the thread, not yet in the file */
  gboolean busy;
  gboolean stopping;
  gboolean retry_now;
  guint64 attempts;
  GError *failure;        /* why the last attempt failed; NULL after a success */

  /* The thread's. */
  GThread *thread;
  sqlite3 *file;
};

static void
saved_table_free (SavedTable *table)
{
  g_free (table->name);
  g_free (table->select_sql);
  g_free (table->upsert_sql);
  g_free (table->delete_sql);
  g_free (table);
}

static SavedTable *
saved_table_new (const char *name, GPtrArray *columns)
{
  SavedTable *table = g_new0 (SavedTable, 1);
  g_autoptr(GString) list = g_string_new ("\"id\"");
  g_autoptr(GString) params = g_string_new ("?");
  g_autoptr(GString) set = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    {
      const char *c = g_ptr_array_index (columns, i);
      g_string_append_printf (list, ", \"%s\"", c);
      g_string_append (params, ", ?");
      g_string_append_printf (set, "%s\"%s\" = excluded.\"%s\"", i ? ", " : "", c, c);
    }
  table->name = g_strdup (name);
  table->columns = columns;
  table->select_sql = g_strdup_printf ("SELECT %s FROM main.\"%s\" WHERE \"id\" = ?", list->str, name);
  table->upsert_sql = g_strdup_printf ("INSERT INTO main.\"%s\" (%s) VALUES (%s) ON CONFLICT (\"id\") DO %s%s",
                                       name, list->str, params->str, set->len ? "UPDATE SET " : "NOTHING",
                                       set->str);
  table->delete_sql = g_strdup_printf ("DELETE FROM main.\"%s\" WHERE \"id\" = ?", name);
  return table;
}

static guint
row_key_hash (gconstpointer p)
{
  const RowKey *key = p;
  return g_direct_hash (key->table) ^ g_int64_hash (&key->id);
}

static gboolean
row_key_equal (gconstpointer a, gconstpointer b)
{
  const RowKey *x = a, *y = b;
  return x->table == y->table && x->id == y->id;
}

static void
row_state_free (RowState *state)
{
  g_clear_pointer (&state->values, g_ptr_array_unref);
  g_free (state);
}

/* The hooks run inside SQLite's statements: they only note row ids. */
static void
on_row_changed (void *data, int op, const char *database, const char *table_name, sqlite3_int64 id)
{
  StyrkortFileSaver *self = data;
  SavedTable *table;
  RowKey *key;

  if (g_strcmp0 (database, "main") != 0)
    return;
  table = g_hash_table_lookup (self->tables, table_name);
  /* The schema check admits no table of the file's own in main. */
  g_return_if_fail (table != NULL);
  key = g_new (RowKey, 1);
  key->table = table;
  key->id = id;
  g_hash_table_add (self->touched, key);
}

static gboolean
send_when_idle (gpointer data)
{
  StyrkortFileSaver *self = data;

  g_clear_pointer (&self->idle, g_source_unref);
  styrkort_file_saver_send (self);
  return G_SOURCE_REMOVE;
}

static int
on_commit (void *data)
{
  StyrkortFileSaver *self = data;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_add (self->committed, key); /* frees an equal key it held */
    }
  if (g_hash_table_size (self->committed) > 0 && self->idle == NULL)
    {
      g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
      self->idle = g_idle_source_new ();
      g_source_set_callback (self->idle, send_when_idle, self, NULL);
      g_source_attach (self->idle, context);
    }
  return 0;
}

static void
on_rollback (void *data)
{
  StyrkortFileSaver *self = data;
  g_hash_table_remove_all (self->touched);
}

static RowState *
read_row (StyrkortFileSaver *self, RowKey *key, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (self->memory, error, key->table->select_sql, "i", key->id);
  RowState *state;
  int rc;

  if (stmt == NULL)
    return NULL;
  state = g_new0 (RowState, 1);
  state->table = key->table;
  state->id = key->id;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);
      state->values = g_ptr_array_new_full (n, (GDestroyNotify) sqlite3_value_free);
      for (int i = 0; i < n; i++)
        g_ptr_array_add (state->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
    }
  else if (rc != SQLITE_DONE)
    {
      styrkort_db_fail (self->memory, rc, error);
      g_clear_pointer (&state, row_state_free);
    }
  return state;
}

void
styrkort_file_saver_send (StyrkortFileSaver *self)
{
  g_autoptr(GPtrArray) batch = NULL;
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->committed) == 0)
    return;
  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) row_state_free);
  g_hash_table_iter_init (&iter, self->committed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GError) error = NULL;
      RowState *state = read_row (self, key, &error);
      /* Reading our own memory fails only without memory: nothing to save then. */
      if (state == NULL)
        g_critical ("Styrkort: a changed row could not be read for saving: %s", error->message);
      else
        g_ptr_array_add (batch, state);
    }
  g_hash_table_remove_all (self->committed);
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->queue, g_steal_pointer (&batch));
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* The saver's thread from here to styrkort_file_saver_flush (). */

static gboolean
write_row (StyrkortFileSaver *self, RowState *state, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql = state->values ? state->table->upsert_sql : state->table->delete_sql;
  int rc = sqlite3_prepare_v2 (self->file, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return styrkort_db_fail (self->file, rc, error);
  if (state->values == NULL)
    rc = sqlite3_bind_int64 (stmt, 1, state->id);
  else
    for (guint i = 0; i < state->values->len && rc == SQLITE_OK; i++)
      rc = sqlite3_bind_value (stmt, (int) i + 1, g_ptr_array_index (state->values, i));
  if (rc != SQLITE_OK)
    return styrkort_db_fail (self->file, rc, error);
  return styrkort_db_step_done (self->file, stmt, error);
}

/* Deletions first, so that a row that took a deleted row's unique key
 * (an indicator's code, a period's value) finds it free. */
static gboolean
write_batch (StyrkortFileSaver *self, GPtrArray *batch, GError **error)
{
  for (int deletions = 1; deletions >= 0; deletions--)
    for (guint i = 0; i < batch->len; i++)
      {
        RowState *state = g_ptr_array_index (batch, i);
        if ((state->values == NULL) == deletions && !write_row (self, state, error))
          return FALSE;
      }
  return TRUE;
}

/* All pending batches, in order, in one transaction. Foreign keys are
 * checked at its end: a batch holds its rows in no particular order. */
static gboolean
write_pending (StyrkortFileSaver *self, GError **error)
{
  if (!styrkort_db_exec_script (self->file, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON;", error))
    return FALSE;
  for (GList *l = self->pending.head; l != NULL; l = l->next)
    if (!write_batch (self, l->data, error))
      goto failed;
  if (styrkort_db_exec_script (self->file, "COMMIT", error))
    return TRUE;
failed:
  if (!sqlite3_get_autocommit (self->file))
    styrkort_db_exec_script (self->file, "ROLLBACK", NULL);
  return FALSE;
}

typedef struct {
  GWeakRef owner;
  StyrkortSaveStateFunc func;
  char *message;
} StateNote;

static gboolean
deliver_state (gpointer data)
{
  StateNote *note = data;
  g_autoptr(GObject) owner = g_weak_ref_get (&note->owner);

  if (owner != NULL)
    note->func (owner, note->message);
  return G_SOURCE_REMOVE;
}

static void
state_note_free (StateNote *note)
{
  g_weak_ref_clear (&note->owner);
  g_free (note->message);
  g_free (note);
}

/* Under the lock. */
static void
note_outcome (StyrkortFileSaver *self, GError *error)
{
  StateNote *note;

  if (error == NULL && self->failure == NULL)
    return;
  if (error != NULL && self->failure != NULL && g_strcmp0 (error->message, self->failure->message) == 0)
    return;
  g_clear_error (&self->failure);
  self->failure = error ? g_error_copy (error) : NULL;
  if (self->state_func == NULL)
    return;
  note = g_new0 (StateNote, 1);
  g_autoptr(GObject) owner = g_weak_ref_get (&self->owner);
  g_weak_ref_init (&note->owner, owner);
  note->func = self->state_func;
  note->message = self->failure ? g_strdup (self->failure->message) : NULL;
  g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT, deliver_state, note,
                              (GDestroyNotify) state_note_free);
}

static gboolean
nothing_to_do (StyrkortFileSaver *self)
{
  return g_queue_is_empty (&self->queue) && !self->retry_now && !self->stopping;
}

static gpointer
saver_thread (gpointer data)
{
  StyrkortFileSaver *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gint64 retry_at = g_get_monotonic_time () + RETRY_INTERVAL;
      gboolean saved;

      while (nothing_to_do (self))
        if (!g_cond_wait_until (&self->cond, &self->lock, retry_at))
          {
            if (!g_queue_is_empty (&self->pending))
              break;
            retry_at = g_get_monotonic_time () + RETRY_INTERVAL;
          }
      self->retry_now = FALSE;
      while (!g_queue_is_empty (&self->queue))
        g_queue_push_tail (&self->pending, g_queue_pop_head (&self->queue));
      if (g_queue_is_empty (&self->pending))
        {
          if (self->stopping)
            break;
          continue;
        }
      self->busy = TRUE;
      g_mutex_unlock (&self->lock);
      saved = write_pending (self, &error);
      g_mutex_lock (&self->lock);
      if (saved)
        g_queue_clear_full (&self->pending, (GDestroyNotify) g_ptr_array_unref);
      self->busy = FALSE;
      self->attempts++;
      note_outcome (self, error);
      g_cond_broadcast (&self->cond);
      /* Stopping: one attempt more, then what failed stays with the caller. */
      if (self->stopping && g_queue_is_empty (&self->queue))
        break;
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

StyrkortFileSaver *
styrkort_file_saver_new (sqlite3 *memory, sqlite3 *file, GObject *owner, StyrkortSaveStateFunc state_func)
{
  StyrkortFileSaver *self = g_new0 (StyrkortFileSaver, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  self->memory = memory;
  self->file = file;
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) saved_table_free);
  stmt = styrkort_db_prepare (memory, NULL, "SELECT name FROM sqlite_schema WHERE type = 'table'", "");
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      GPtrArray *columns = styrkort_schema_columns (name);
      if (columns != NULL)
        {
          SavedTable *table = saved_table_new (name, columns);
          g_hash_table_insert (self->tables, table->name, table);
        }
    }
  self->touched = g_hash_table_new_full (row_key_hash, row_key_equal, g_free, NULL);
  self->committed = g_hash_table_new_full (row_key_hash, row_key_equal, g_free, NULL);
  self->owner_context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&self->owner, owner);
  self->state_func = state_func;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  sqlite3_update_hook (memory, on_row_changed, self);
  sqlite3_commit_hook (memory, on_commit, self);
  sqlite3_rollback_hook (memory, on_rollback, self);
  self->thread = g_thread_new ("styrkort-saver", saver_thread, self);
  return self;
}

static void
set_failure (StyrkortFileSaver *self, GError **error)
{
  if (self->failure != NULL)
    g_propagate_error (error, g_error_copy (self->failure));
  else
    g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("The changes could not be saved."));
}

static gboolean
all_saved (StyrkortFileSaver *self)
{
  return g_queue_is_empty (&self->queue) && g_queue_is_empty (&self->pending) && !self->busy;
}

gboolean
styrkort_file_saver_flush (StyrkortFileSaver *self, GError **error)
{
  guint64 until;
  gboolean saved;

  g_return_val_if_fail (self != NULL, FALSE);
  styrkort_file_saver_send (self);
  g_mutex_lock (&self->lock);
  /* An attempt under way may have begun before the last batch came. */
  until = self->attempts + (self->busy ? 2 : 1);
  self->retry_now = TRUE;
  g_cond_broadcast (&self->cond);
  while (!all_saved (self) && !(self->attempts >= until && !self->busy) && self->thread != NULL)
    g_cond_wait (&self->cond, &self->lock);
  saved = all_saved (self);
  if (!saved)
    set_failure (self, error);
  g_mutex_unlock (&self->lock);
  return saved;
}

gboolean
styrkort_file_saver_stop (StyrkortFileSaver *self, GError **error)
{
  gboolean saved;

  if (self->thread == NULL)
    return TRUE;
  styrkort_file_saver_send (self);
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&self->thread, g_thread_join);
  saved = all_saved (self);
  if (!saved)
    set_failure (self, error);
  g_clear_pointer (&self->file, sqlite3_close);
  sqlite3_update_hook (self->memory, NULL, NULL);
  sqlite3_commit_hook (self->memory, NULL, NULL);
  sqlite3_rollback_hook (self->memory, NULL, NULL);
  return saved;
}

void
styrkort_file_saver_free (StyrkortFileSaver *self)
{
  if (self == NULL)
    return;
  styrkort_file_saver_stop (self, NULL);
  if (self->idle != NULL)
    g_source_destroy (self->idle);
  g_clear_pointer (&self->idle, g_source_unref);
  g_queue_clear_full (&self->queue, (GDestroyNotify) g_ptr_array_unref);
  g_queue_clear_full (&self->pending, (GDestroyNotify) g_ptr_array_unref);
  g_hash_table_unref (self->touched);
  g_hash_table_unref (self->committed);
  g_hash_table_unref (self->tables);
  g_main_context_unref (self->owner_context);
  g_weak_ref_clear (&self->owner);
  g_clear_error (&self->failure);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}
