/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers over sqlite3: binding, reading columns, turning result codes into GErrors. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/*
 * @types names one argument each:
 *   't' const char *  (NULL binds NULL)
 *   'i' gint64
 *   'I' gint64        (0 binds NULL: an optional id)
 *   'n' int
 *   'd' double        (NAN binds NULL: a missing number)
 */
sqlite3_stmt *styrkort_db_prepare     (sqlite3 *db, GError **error, const char *sql, const char *types, ...);
sqlite3_stmt *styrkort_db_prepare_va  (sqlite3 *db, GError **error, const char *sql, const char *types, va_list args);
/* Binds new arguments to a prepared @stmt (reset first), to run it again. */
gboolean      styrkort_db_bind        (sqlite3 *db, sqlite3_stmt *stmt, GError **error, const char *types, ...);
GHashTable   *styrkort_db_statements_new       (void);
sqlite3_stmt *styrkort_db_statements_take      (GHashTable *statements, sqlite3 *db, GError **error,
                                                const char *sql, const char *types, va_list args);
void          styrkort_db_statements_give_back (GHashTable *statements, const char *sql, sqlite3_stmt *stmt);
gboolean      styrkort_db_exec        (sqlite3 *db, GError **error, const char *sql, const char *types, ...);
gboolean      styrkort_db_exec_script (sqlite3 *db, const char *sql, GError **error);
gboolean      styrkort_db_step_done   (sqlite3 *db, sqlite3_stmt *stmt, GError **error);
gint64        styrkort_db_query_int   (sqlite3 *db, const char *sql, gint64 fallback);
char         *styrkort_db_query_text  (sqlite3 *db, const char *sql);

/* The largest text or blob a district file may hold in one value (64 MiB). */
#define STYRKORT_DB_MAX_VALUE (64 * 1024 * 1024)

/* Limits a connection to what our own SQL needs: defensive mode, an
 * untrusted schema, no ATTACH, an authorizer that allows only the functions
 * our SQL calls. Call right after opening, before anything is read. */
void          styrkort_db_harden      (sqlite3 *db);
/* Runs one of our schema migrations (src/core/schema) on a hardened connection. */
gboolean      styrkort_db_exec_migration (sqlite3 *db, const char *sql, GError **error);

/* Sets @error from the connection's last result @rc; returns FALSE. */
gboolean      styrkort_db_fail        (sqlite3 *db, int rc, GError **error);

double        styrkort_db_column_double (sqlite3_stmt *stmt, int column);
char         *styrkort_db_column_text   (sqlite3_stmt *stmt, int column);
char         *styrkort_db_column_text0  (sqlite3_stmt *stmt, int column);

/* Copies @src into a new database at @dest_path with the SQLite backup API. */
gboolean      styrkort_db_backup_to   (sqlite3 *src, const char *dest_path, GError **error);

/* A copy of @src's content in a new connection in memory, with the same
 * guards; @writable: the copy can be changed (with foreign keys on). */
sqlite3      *styrkort_db_copy_to_memory (sqlite3 *src, gboolean writable, GError **error);
/* Current UTC time as ISO 8601, seconds precision. */
char         *styrkort_db_now         (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
