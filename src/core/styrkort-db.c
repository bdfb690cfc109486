/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers over sqlite3: binding, reading columns, turning result codes into GErrors. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-db.h"
#include "styrkort-types.h"

gboolean
styrkort_db_fail (sqlite3 *db, int rc, GError **error)
{
  int code;
  const char *message;

  /* SQLite refuses to write a file that was moved or deleted while open. */
  if (db != NULL && sqlite3_extended_errcode (db) == SQLITE_READONLY_DBMOVED)
    {
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY,
                           _("The file was moved or deleted while it was open, so the change was not saved. "
                             "Open it again where it is now."));
      return FALSE;
    }
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = STYRKORT_ERROR_IO;
      message = _("The disk is full. The change was not saved.");
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      code = STYRKORT_ERROR_IO;
      message = _("The file could not be read or written (input/output error). The change was not saved.");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = STYRKORT_ERROR_READ_ONLY;
      message = _("The file cannot be written to.");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = STYRKORT_ERROR_BUSY;
      message = _("The file is locked by another program.");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = STYRKORT_ERROR_CORRUPT;
      message = _("The file is damaged.");
      break;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      code = STYRKORT_ERROR_INVALID;
      message = _("The value is not allowed here.");
      break;
    default:
      code = STYRKORT_ERROR_IO;
      message = _("The file could not be used.");
      break;
    }
  /* The SQLite message goes along for the log and bug reports; it never
   * contains row data, only schema names. */
  g_set_error (error, STYRKORT_ERROR, code, "%s (%s)", message,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* The SQL functions our own statements call, and nothing else. A district
 * file may come from anyone: the authorizer below refuses every other
 * function, so that no SQL hidden in a file (were any to slip past the
 * schema check) can reach fts3_tokenizer, load_extension, readfile, printf
 * bombs and the like. Keep this list in step with the SQL in src/core:
 * aggregates and helpers of the queries (count, max, min, sum, group_concat,
 * ifnull, coalesce, length), the edit history (json_object, json_extract,
 * json_valid, styrkort_current_edit, registered in styrkort-history.c) and the reported
 * periods (json_extract). */
static const char * const allowed_functions[] = {
  "coalesce", "count", "group_concat", "ifnull", "json_extract", "json_object",
  "json_valid", "length", "max", "min", "styrkort_current_edit", "sum", NULL
};

static gboolean
function_allowed (const char *name)
{
  for (guint i = 0; name != NULL && allowed_functions[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, allowed_functions[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Denies what our own SQL never does: attaching other files, views and
 * permanent triggers, and functions that are not on the list above. The
 * history's temporary triggers are ours and allowed. */
static int
authorize (void *data, int action, const char *arg1, const char *arg2,
           const char *database, const char *trigger)
{
  switch (action)
    {
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_VTABLE:
      return SQLITE_DENY;
    case SQLITE_FUNCTION:
      return function_allowed (arg2) ? SQLITE_OK : SQLITE_DENY;
    default:
      return SQLITE_OK;
    }
}

void
styrkort_db_harden (sqlite3 *db)
{
  /* No writable_schema, no shadow-table writes, no corrupting PRAGMAs. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  /* Functions in the file's schema (defaults, CHECKs, indexes) must be
   * harmless ones; views and triggers of the file cannot call any. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  /* No ATTACH, so no VACUUM INTO either (it attaches its target). */
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  /* One value is never larger than this: a report's workbook is well below. */
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, STYRKORT_DB_MAX_VALUE);
  sqlite3_set_authorizer (db, authorize, NULL);
}

/* ALTER TABLE rewrites the schema with SQL of SQLite's own (printf, substr,
 * sqlite_rename_*), which the authorizer would refuse. Only our migrations
 * run in between, on a file whose schema was checked to be ours. */
gboolean
styrkort_db_exec_migration (sqlite3 *db, const char *sql, GError **error)
{
  gboolean ok;

  sqlite3_set_authorizer (db, NULL, NULL);
  ok = styrkort_db_exec_script (db, sql, error);
  sqlite3_set_authorizer (db, authorize, NULL);
  return ok;
}

static int
bind_one (sqlite3_stmt *stmt, int index, char type, va_list *args)
{
  switch (type)
    {
    case 't':
      {
        const char *text = va_arg (*args, const char *);
        return text ? sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT)
                    : sqlite3_bind_null (stmt, index);
      }
    case 'i':
      return sqlite3_bind_int64 (stmt, index, va_arg (*args, gint64));
    case 'I':
      {
        gint64 id = va_arg (*args, gint64);
        return id ? sqlite3_bind_int64 (stmt, index, id) : sqlite3_bind_null (stmt, index);
      }
    case 'n':
      return sqlite3_bind_int (stmt, index, va_arg (*args, int));
    case 'd':
      {
        double number = va_arg (*args, double);
        return isnan (number) ? sqlite3_bind_null (stmt, index)
                              : sqlite3_bind_double (stmt, index, number);
      }
    default:
      g_return_val_if_reached (SQLITE_MISUSE);
    }
}

static gboolean
bind_va (sqlite3 *db, sqlite3_stmt *stmt, GError **error, const char *types, va_list args)
{
  va_list copy;
  int rc = SQLITE_OK;

  va_copy (copy, args);
  for (int i = 0; rc == SQLITE_OK && types != NULL && types[i] != '\0'; i++)
    rc = bind_one (stmt, i + 1, types[i], &copy);
  va_end (copy);
  return rc == SQLITE_OK || styrkort_db_fail (db, rc, error);
}

sqlite3_stmt *
styrkort_db_prepare_va (sqlite3 *db, GError **error, const char *sql, const char *types, va_list args)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      styrkort_db_fail (db, rc, error);
      return NULL;
    }
  if (!bind_va (db, stmt, error, types, args))
    g_clear_pointer (&stmt, sqlite3_finalize);
  return stmt;
}

/* Statements kept for reuse: a report or the grid runs the same few
 * queries thousands of times, and parsing them is most of their cost.
 * @sql → its statement; take one out while it runs, give it back after,
 * so a nested use of the same text prepares its own. */
static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

GHashTable *
styrkort_db_statements_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

sqlite3_stmt *
styrkort_db_statements_take (GHashTable *statements, sqlite3 *db, GError **error, const char *sql,
                             const char *types, va_list args)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!g_hash_table_steal_extended (statements, sql, (gpointer *) &key, (gpointer *) &stmt))
    return styrkort_db_prepare_va (db, error, sql, types, args);
  if (!bind_va (db, stmt, error, types, args))
    g_clear_pointer (&stmt, sqlite3_finalize);
  return stmt;
}

void
styrkort_db_statements_give_back (GHashTable *statements, const char *sql, sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (g_hash_table_contains (statements, sql))
    sqlite3_finalize (stmt);
  else
    g_hash_table_insert (statements, g_strdup (sql), stmt);
}

gboolean
styrkort_db_bind (sqlite3 *db, sqlite3_stmt *stmt, GError **error, const char *types, ...)
{
  va_list args;
  gboolean ok;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  va_start (args, types);
  ok = bind_va (db, stmt, error, types, args);
  va_end (args);
  return ok;
}

sqlite3_stmt *
styrkort_db_prepare (sqlite3 *db, GError **error, const char *sql, const char *types, ...)
{
  va_list args;
  sqlite3_stmt *stmt;

  va_start (args, types);
  stmt = styrkort_db_prepare_va (db, error, sql, types, args);
  va_end (args);
  return stmt;
}

gboolean
styrkort_db_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    return styrkort_db_fail (db, rc, error);
  return TRUE;
}

gboolean
styrkort_db_exec (sqlite3 *db, GError **error, const char *sql, const char *types, ...)
{
  va_list args;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  va_start (args, types);
  stmt = styrkort_db_prepare_va (db, error, sql, types, args);
  va_end (args);
  return stmt != NULL && styrkort_db_step_done (db, stmt, error);
}

gboolean
styrkort_db_exec_script (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return styrkort_db_fail (db, rc, error);
  return TRUE;
}

gint64
styrkort_db_query_int (sqlite3 *db, const char *sql, gint64 fallback)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (db, NULL, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW ||
      sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (stmt, 0);
}

char *
styrkort_db_query_text (sqlite3 *db, const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (db, NULL, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return styrkort_db_column_text (stmt, 0);
}

double
styrkort_db_column_double (sqlite3_stmt *stmt, int column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

char *
styrkort_db_column_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text ? g_strdup ((const char *) text) : NULL;
}

/* Like styrkort_db_column_text() but never NULL. */
char *
styrkort_db_column_text0 (sqlite3_stmt *stmt, int column)
{
  char *text = styrkort_db_column_text (stmt, column);
  return text ? text : g_strdup ("");
}

gboolean
styrkort_db_backup_to (sqlite3 *src, const char *dest_path, GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (dest_path, &dest,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (dest_path);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO,
                   _("Could not write the copy “%s”: %s"), name, sqlite3_errstr (rc));
    }
  sqlite3_close (dest);
  return rc == SQLITE_OK;
}

sqlite3 *
styrkort_db_copy_to_memory (sqlite3 *src, gboolean writable, GError **error)
{
  sqlite3_int64 size = 0;
  unsigned char *bytes = sqlite3_serialize (src, "main", &size, 0);
  sqlite3 *copy = NULL;

  if (bytes != NULL &&
      sqlite3_open_v2 (":memory:", &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK)
    {
      /* On failure too, FREEONCLOSE frees the bytes. */
      if (sqlite3_deserialize (copy, "main", g_steal_pointer (&bytes), size, size,
                               SQLITE_DESERIALIZE_FREEONCLOSE |
                               (writable ? SQLITE_DESERIALIZE_RESIZEABLE : SQLITE_DESERIALIZE_READONLY)) == SQLITE_OK)
        {
          styrkort_db_harden (copy);
          if (!writable || styrkort_db_exec_script (copy, "PRAGMA foreign_keys = ON", NULL))
            return copy;
        }
    }
  sqlite3_free (bytes);
  sqlite3_close (copy);
  g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("There is not enough memory to copy the file."));
  return NULL;
}

char *
styrkort_db_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
