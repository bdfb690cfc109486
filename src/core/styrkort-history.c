/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edit history kept in the project file, and undo/redo over it.
 *
 * Every user edit is one row in `edit`; temporary triggers write each row it
 * inserts, updates or deletes to `edit_change` as JSON of the whole old and
 * new row. Undo applies the changes backwards, redo forwards. Because the
 * history lives in the file, it survives a restart. Foreign-key cascades
 * fire the triggers too, so deleting a unit and undoing it brings back its
 * values as well. */
#include "config.h"

#include "styrkort-db.h"
#include "styrkort-history.h"
#include "styrkort-schema-check.h"
#include "styrkort-types.h"

typedef struct {
  char *name;
  GPtrArray *columns; /* char*, without "id" */
} Table;

struct _StyrkortHistory {
  sqlite3 *db;
  GHashTable *tables; /* name -> Table* */
  gint64 recording;   /* edit id, 0 when not recording */
  gint64 floor;       /* edits up to this id can no longer be undone */
};

static void
table_free (Table *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

void
styrkort_history_entry_free (StyrkortHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->time);
  g_free (entry->summary);
  g_free (entry->entity);
  g_free (entry->old_row);
  g_free (entry->new_row);
  g_free (entry);
}

static void
current_edit_func (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  StyrkortHistory *history = sqlite3_user_data (context);

  if (history->recording == 0)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_int64 (context, history->recording);
}

/* The columns come from our own schema (styrkort-schema-check.c), never
 * from the file: they are pasted into the triggers' and undo's SQL, and a
 * crafted file could name a column anything. The file was checked to have
 * exactly these columns before the history starts. */
static Table *
read_table (const char *name, GError **error)
{
  GPtrArray *columns = styrkort_schema_columns (name);
  Table *table;

  if (columns == NULL)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, "No table “%s” in the schema", name);
      return NULL;
    }
  table = g_new0 (Table, 1);
  table->name = g_strdup (name);
  table->columns = g_ptr_array_ref (columns);
  return table;
}

/* json_object('id', R.id, 'col', R.col, ...) for R = OLD or NEW. */
static char *
row_json (Table *table, const char *row)
{
  GString *sql = g_string_new ("json_object('id', ");
  g_string_append_printf (sql, "%s.id", row);
  for (guint i = 0; i < table->columns->len; i++)
    {
      const char *c = g_ptr_array_index (table->columns, i);
      g_string_append_printf (sql, ", '%s', %s.\"%s\"", c, row, c);
    }
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

static gboolean
install_triggers (StyrkortHistory *history, Table *table, GError **error)
{
  g_autofree char *old_json = row_json (table, "OLD");
  g_autofree char *new_json = row_json (table, "NEW");
  g_autoptr(GString) changed = g_string_new ("OLD.id IS NOT NEW.id");
  g_autofree char *sql = NULL;
  const char *t = table->name;

  /* An update that changes nothing is not recorded. */
  for (guint i = 0; i < table->columns->len; i++)
    {
      const char *c = g_ptr_array_index (table->columns, i);
      g_string_append_printf (changed, " OR OLD.\"%s\" IS NOT NEW.\"%s\"", c, c);
    }
  sql = g_strdup_printf (
    "CREATE TEMP TRIGGER history_%s_insert AFTER INSERT ON main.%s"
    " WHEN styrkort_current_edit () IS NOT NULL BEGIN"
    "  INSERT INTO edit_change (edit_id, table_name, row_id, old_row, new_row)"
    "  VALUES (styrkort_current_edit (), '%s', NEW.id, NULL, %s); END;"
    "CREATE TEMP TRIGGER history_%s_update AFTER UPDATE ON main.%s"
    " WHEN styrkort_current_edit () IS NOT NULL AND (%s) BEGIN"
    "  INSERT INTO edit_change (edit_id, table_name, row_id, old_row, new_row)"
    "  VALUES (styrkort_current_edit (), '%s', NEW.id, %s, %s); END;"
    "CREATE TEMP TRIGGER history_%s_delete AFTER DELETE ON main.%s"
    " WHEN styrkort_current_edit () IS NOT NULL BEGIN"
    "  INSERT INTO edit_change (edit_id, table_name, row_id, old_row, new_row)"
    "  VALUES (styrkort_current_edit (), '%s', OLD.id, %s, NULL); END;",
    t, t, t, new_json,
    t, t, changed->str, t, old_json, new_json,
    t, t, t, old_json);
  return styrkort_db_exec_script (history->db, sql, error);
}

StyrkortHistory *
styrkort_history_new (sqlite3 *db, const char * const *tables, GError **error)
{
  g_autoptr(StyrkortHistory) history = g_new0 (StyrkortHistory, 1);
  int rc;

  history->db = db;
  history->tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) table_free);
  rc = sqlite3_create_function (db, "styrkort_current_edit", 0, SQLITE_UTF8, history,
                                current_edit_func, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      styrkort_db_fail (db, rc, error);
      return NULL;
    }
  for (guint i = 0; tables[i] != NULL; i++)
    {
      Table *table = read_table (tables[i], error);
      if (table == NULL)
        return NULL;
      g_hash_table_insert (history->tables, table->name, table);
      if (!install_triggers (history, table, error))
        return NULL;
    }
  return g_steal_pointer (&history);
}

void
styrkort_history_free (StyrkortHistory *history)
{
  if (history == NULL)
    return;
  g_clear_pointer (&history->tables, g_hash_table_unref);
  g_free (history);
}

gboolean
styrkort_history_begin (StyrkortHistory *history, const char *summary, GError **error)
{
  g_autofree char *now = styrkort_db_now ();

  g_return_val_if_fail (history->recording == 0, FALSE);
  /* A new edit ends the redo chain, as in any editor. */
  if (!styrkort_db_exec (history->db, error, "DELETE FROM edit WHERE undone = 1", NULL) ||
      !styrkort_db_exec (history->db, error, "INSERT INTO edit (time, summary) VALUES (?, ?)",
                         "tt", now, summary))
    return FALSE;
  history->recording = sqlite3_last_insert_rowid (history->db);
  return TRUE;
}

gboolean
styrkort_history_end (StyrkortHistory *history)
{
  gint64 edit = history->recording;
  g_autofree char *count = NULL;
  gboolean changed;

  history->recording = 0;
  if (edit == 0)
    return FALSE;
  count = g_strdup_printf ("SELECT count(*) FROM edit_change WHERE edit_id = %" G_GINT64_FORMAT, edit);
  changed = styrkort_db_query_int (history->db, count, 0) > 0;
  if (!changed)
    styrkort_db_exec (history->db, NULL, "DELETE FROM edit WHERE id = ?", "i", edit);
  return changed;
}

gboolean
styrkort_history_is_recording (StyrkortHistory *history)
{
  return history->recording != 0;
}

gint64
styrkort_history_current (StyrkortHistory *history)
{
  return history->recording;
}

void
styrkort_history_set_floor (StyrkortHistory *history, gint64 edit_id)
{
  history->floor = edit_id;
}

gint64
styrkort_history_undo_target (StyrkortHistory *history)
{
  gint64 edit = styrkort_db_query_int (history->db, "SELECT max(id) FROM edit WHERE undone = 0", 0);
  return edit > history->floor ? edit : 0;
}

gint64
styrkort_history_redo_target (StyrkortHistory *history)
{
  return styrkort_db_query_int (history->db, "SELECT min(id) FROM edit WHERE undone = 1", 0);
}

gboolean
styrkort_history_can_undo (StyrkortHistory *history)
{
  return styrkort_history_undo_target (history) != 0;
}

gboolean
styrkort_history_can_redo (StyrkortHistory *history)
{
  return styrkort_history_redo_target (history) != 0;
}

static char *
summary_of (StyrkortHistory *history, gint64 edit)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (edit == 0)
    return NULL;
  stmt = styrkort_db_prepare (history->db, NULL, "SELECT summary FROM edit WHERE id = ?", "i", edit);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return styrkort_db_column_text (stmt, 0);
}

char *
styrkort_history_undo_summary (StyrkortHistory *history)
{
  return summary_of (history, styrkort_history_undo_target (history));
}

char *
styrkort_history_redo_summary (StyrkortHistory *history)
{
  return summary_of (history, styrkort_history_redo_target (history));
}

/* Makes row @id of @table what @json says: deletes it when @json is NULL.
 * An existing row is updated in place, never deleted and inserted again,
 * so that no foreign-key cascade touches the rows that refer to it. */
static gboolean
put_row (StyrkortHistory *history, Table *table, gint64 id, const char *json, GError **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  GPtrArray *columns = table->columns;
  gboolean exists;

  if (json == NULL)
    {
      g_string_printf (sql, "DELETE FROM main.%s WHERE id = ?", table->name);
      return styrkort_db_exec (history->db, error, sql->str, "i", id);
    }
  g_string_printf (sql, "SELECT count(*) FROM main.%s WHERE id = %" G_GINT64_FORMAT, table->name, id);
  exists = styrkort_db_query_int (history->db, sql->str, 0) > 0;
  if (exists)
    {
      g_string_printf (sql, "UPDATE main.%s SET ", table->name);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s\"%s\" = json_extract (?2, '$.%s')", i ? ", " : "",
                                (char *) g_ptr_array_index (columns, i),
                                (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, " WHERE id = ?1");
    }
  else
    {
      g_string_printf (sql, "INSERT INTO main.%s (id", table->name);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", \"%s\"", (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, ") VALUES (?1");
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", json_extract (?2, '$.%s')", (char *) g_ptr_array_index (columns, i));
      g_string_append_c (sql, ')');
    }
  return styrkort_db_exec (history->db, error, sql->str, "it", id, json);
}

static gboolean
apply (StyrkortHistory *history, gint64 edit, gboolean backwards, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (history->db, error,
    backwards ? "SELECT table_name, row_id, old_row FROM edit_change WHERE edit_id = ? ORDER BY id DESC"
              : "SELECT table_name, row_id, new_row FROM edit_change WHERE edit_id = ? ORDER BY id",
    "i", edit);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Rows come back in whichever order keeps references valid at commit. */
  if (!styrkort_db_exec (history->db, error, "PRAGMA defer_foreign_keys = ON", NULL))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Table *table = g_hash_table_lookup (history->tables, sqlite3_column_text (stmt, 0));
      if (table == NULL)
        continue; /* a table of an older schema, gone since */
      if (!put_row (history, table, sqlite3_column_int64 (stmt, 1),
                    (const char *) sqlite3_column_text (stmt, 2), error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return styrkort_db_fail (history->db, rc, error);
  return styrkort_db_exec (history->db, error, "UPDATE edit SET undone = ? WHERE id = ?",
                           "ni", backwards ? 1 : 0, edit);
}

gboolean
styrkort_history_undo (StyrkortHistory *history, GError **error)
{
  gint64 edit = styrkort_history_undo_target (history);
  return edit != 0 && apply (history, edit, TRUE, error);
}

gboolean
styrkort_history_redo (StyrkortHistory *history, GError **error)
{
  gint64 edit = styrkort_history_redo_target (history);
  return edit != 0 && apply (history, edit, FALSE, error);
}

/* A figure's indicator and period from a recorded row (JSON), read by SQLite:
 * a file from elsewhere may hold anything there, so malformed JSON gives
 * NULL, not an error. */
#define FIGURE_OF(row) \
  "CASE WHEN json_valid (" row ") THEN json_extract (" row ", '$.indicator_id') END," \
  "CASE WHEN json_valid (" row ") THEN json_extract (" row ", '$.year') END," \
  "CASE WHEN json_valid (" row ") THEN json_extract (" row ", '$.tertial') END"

static void
add_figure_of (StyrkortChanges *changes, sqlite3_stmt *stmt, int column)
{
  StyrkortPeriod period = { sqlite3_column_int (stmt, column + 1), sqlite3_column_int (stmt, column + 2) };

  if (sqlite3_column_type (stmt, column) == SQLITE_INTEGER && styrkort_period_is_valid (period))
    styrkort_changes_add_figure (changes, sqlite3_column_int64 (stmt, column), period);
}

StyrkortChanges *
styrkort_history_changes (StyrkortHistory *history, gint64 edit_id, StyrkortChangeOrigin origin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (history->db, &error,
    "SELECT table_name, row_id, table_name IN ('indicator_value', 'city_value'), "
    FIGURE_OF ("old_row") ", " FIGURE_OF ("new_row")
    " FROM edit_change WHERE edit_id = ? ORDER BY id", "i", edit_id);
  StyrkortChanges *changes = styrkort_changes_new (origin);

  /* Our own query on our own table: failing is a bug, not the file's fault. */
  if (stmt == NULL)
    g_warning ("The edit's changes could not be read: %s", error->message);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      if (table == NULL)
        continue;
      styrkort_changes_add_row (changes, table, sqlite3_column_int64 (stmt, 1));
      if (sqlite3_column_int (stmt, 2))
        {
          add_figure_of (changes, stmt, 3);
          add_figure_of (changes, stmt, 6);
        }
    }
  return changes;
}

GPtrArray *
styrkort_history_list (StyrkortHistory *history, guint limit, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (history->db, error,
    "SELECT e.id, e.time, e.summary, c.table_name, c.row_id, c.old_row, c.new_row, e.undone"
    " FROM edit e JOIN edit_change c ON c.edit_id = e.id ORDER BY c.id DESC LIMIT ?", "i", (gint64) limit);
  GPtrArray *entries;

  if (stmt == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_history_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      StyrkortHistoryEntry *entry = g_new0 (StyrkortHistoryEntry, 1);
      entry->edit_id = sqlite3_column_int64 (stmt, 0);
      entry->time = styrkort_db_column_text (stmt, 1);
      entry->summary = styrkort_db_column_text (stmt, 2);
      entry->entity = styrkort_db_column_text (stmt, 3);
      entry->row_id = sqlite3_column_int64 (stmt, 4);
      entry->old_row = styrkort_db_column_text (stmt, 5);
      entry->new_row = styrkort_db_column_text (stmt, 6);
      entry->undone = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  return entries;
}
