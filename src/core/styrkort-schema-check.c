/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema a district file must have, and the check of a file against it.
 *
 * A district file may come from anyone, so before anything of it is used we
 * compare its schema with the one our own SQL makes for its version: the
 * schema of version 1 (schema-1.sql) and the migrations up to the version,
 * built once in an in-memory database. Tables are compared by their columns
 * (name, type, NOT NULL, default, key, hidden), foreign keys and indexes;
 * every word and literal of each CREATE statement must also occur in ours,
 * so that a CHECK, a default or an index expression cannot call anything
 * we do not. Triggers, views and objects of its own are refused. The file's
 * names go into messages and bound parameters only, never into SQL text. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "styrkort-db.h"
#include "styrkort-schema-check.h"
#include "styrkort-types.h"

#define SCHEMA_RESOURCE "/se/styrkort/Styrkort/schema/"
/* No text a user types is near this long; a longer one was crafted. */
#define MAX_TEXT_LENGTH (1024 * 1024)

typedef struct {
  GHashTable *objects; /* name → signature ("index ON table" for an index) */
  GHashTable *tokens;  /* every token of our CREATE statements */
  GHashTable *columns; /* table → GPtrArray of its columns but "id" */
} Expected;

static GMutex cache_lock;
static Expected *cache[STYRKORT_SCHEMA_VERSION + 1];

char *
styrkort_schema_load_sql (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (SCHEMA_RESOURCE, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  return bytes ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;
}

/* Splits SQL into words (lower case), quoted identifiers (unquoted, lower
 * case), string literals (with their quotes) and single characters;
 * comments and spaces are dropped. */
static void
tokenize (const char *sql, GHashTable *into, GHashTable *check, char **unknown)
{
  const char *p = sql;

  while (*p != '\0' && (unknown == NULL || *unknown == NULL))
    {
      const char *start = p;
      g_autofree char *token = NULL;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (g_str_has_prefix (p, "--"))
        {
          p += strcspn (p, "\n");
          continue;
        }
      if (g_str_has_prefix (p, "/*"))
        {
          const char *end = strstr (p + 2, "*/");
          p = end ? end + 2 : p + strlen (p);
          continue;
        }
      if (*p == '\'' || *p == '"' || *p == '`' || *p == '[')
        {
          char close = *p == '[' ? ']' : *p;
          for (p++; *p != '\0' && !(*p == close && p[1] != close); p += (*p == close) ? 2 : 1)
            ;
          if (*p != '\0')
            p++;
          token = *start == '\'' ? g_strndup (start, p - start)
                                 : g_ascii_strdown (start + 1, MAX (p - start - 2, 0));
        }
      else if (g_ascii_isalnum (*p) || *p == '_')
        {
          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
          token = g_ascii_strdown (start, p - start);
        }
      else
        token = g_strndup (p++, 1);
      if (into != NULL)
        g_hash_table_add (into, g_steal_pointer (&token));
      else if (!g_hash_table_contains (check, token))
        *unknown = g_steal_pointer (&token);
    }
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Runs @sql (one bound text, @arg) and returns each row as "a|b|c", sorted. */
static GPtrArray *
sorted_rows (sqlite3 *db, const char *sql, const char *arg, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (db, error, sql, "t", arg);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (row, "%s%s", i ? "|" : "", value ? value : "<null>");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  if (rc != SQLITE_DONE)
    return (styrkort_db_fail (db, rc, error), NULL);
  g_ptr_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

static gboolean
append_rows (GString *out, sqlite3 *db, const char *sql, const char *arg, GError **error)
{
  g_autoptr(GPtrArray) rows = sorted_rows (db, sql, arg, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (char *) rows->pdata[i]);
  return TRUE;
}

/* A table as a text to compare: its columns, foreign keys and indexes, each
 * sorted, so that the order of columns (ALTER TABLE adds at the end) does
 * not matter. */
static char *
table_signature (sqlite3 *db, const char *table, GError **error)
{
  g_autoptr(GString) out = g_string_new ("table\n");
  g_autoptr(GPtrArray) indexes = NULL;

  if (!append_rows (out, db, "SELECT name, type, \"notnull\", dflt_value, pk, hidden"
                             " FROM pragma_table_xinfo (?1, 'main')", table, error) ||
      !append_rows (out, db, "SELECT \"table\", \"from\", \"to\", on_update, on_delete, \"match\""
                             " FROM pragma_foreign_key_list (?1, 'main')", table, error))
    return NULL;
  indexes = sorted_rows (db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list (?1, 'main')",
                         table, error);
  if (indexes == NULL)
    return NULL;
  for (guint i = 0; i < indexes->len; i++)
    {
      const char *row = indexes->pdata[i];
      g_autofree char *name = g_strndup (row, strcspn (row, "|"));
      g_string_append_printf (out, "index %s\n", row);
      if (!append_rows (out, db, "SELECT seqno, name, \"desc\", coll, key"
                                 " FROM pragma_index_xinfo (?1, 'main')", name, error))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *
read_columns (sqlite3 *db, const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (db, NULL,
    "SELECT name FROM pragma_table_info (?1, 'main') WHERE name != 'id' ORDER BY cid", "t", table);
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, styrkort_db_column_text (stmt, 0));
  return columns;
}

static gboolean
describe (Expected *expected, sqlite3 *db, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (db, error,
    "SELECT type, name, tbl_name, sql FROM main.sqlite_schema", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      char *name = styrkort_db_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      char *signature = g_str_equal (type, "table")
        ? table_signature (db, name, error)
        : g_strdup_printf ("index ON %s", (const char *) sqlite3_column_text (stmt, 2));

      if (signature == NULL)
        return (g_free (name), FALSE);
      if (sql != NULL)
        tokenize (sql, expected->tokens, NULL, NULL);
      if (g_str_equal (type, "table"))
        g_hash_table_insert (expected->columns, g_strdup (name), read_columns (db, name));
      g_hash_table_insert (expected->objects, name, signature);
    }
  return stmt != NULL;
}

static gboolean
build_schema (sqlite3 *db, int version, GError **error)
{
  g_autofree char *base = styrkort_schema_load_sql ("schema-1.sql", error);

  if (base == NULL || !styrkort_db_exec_script (db, base, error))
    return FALSE;
  for (int v = 1; v < version; v++)
    {
      g_autofree char *name = g_strdup_printf ("migrate-%d.sql", v);
      g_autofree char *sql = styrkort_schema_load_sql (name, error);
      if (sql == NULL || !styrkort_db_exec_script (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Builds the schema of @version in memory and describes it. */
static Expected *
expected_new (int version, GError **error)
{
  Expected *expected = g_new0 (Expected, 1);
  sqlite3 *db = NULL;
  gboolean ok;

  expected->objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  expected->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  expected->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  ok = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK &&
       build_schema (db, version, error) && describe (expected, db, error);
  sqlite3_close (db);
  if (ok && version == STYRKORT_SCHEMA_VERSION)
    {
      /* A file made new at this version has schema.sql's wording. */
      g_autofree char *fresh = styrkort_schema_load_sql ("schema.sql", error);
      ok = fresh != NULL;
      if (ok)
        tokenize (fresh, expected->tokens, NULL, NULL);
    }
  if (!ok)
    {
      g_hash_table_unref (expected->objects);
      g_hash_table_unref (expected->tokens);
      g_hash_table_unref (expected->columns);
      g_clear_pointer (&expected, g_free);
    }
  return expected;
}

/* Built once per version and kept for the life of the process. */
static Expected *
expected_get (int version, GError **error)
{
  Expected *expected;

  g_return_val_if_fail (version >= 1 && version <= STYRKORT_SCHEMA_VERSION, NULL);
  g_mutex_lock (&cache_lock);
  if (cache[version] == NULL)
    cache[version] = expected_new (version, error);
  expected = cache[version];
  g_mutex_unlock (&cache_lock);
  return expected;
}

/* A name from the file, fit to be shown: valid UTF-8, not too long. */
static char *
shown_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  g_autofree char *cut = g_utf8_substring (valid, 0, 40);
  return g_strconcat (cut, "…", NULL);
}

static gboolean
altered (GError **error, const char *thing)
{
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN,
               _("This file contains things a Styrkort file does not have (%s). "
                 "It may have been altered; it was not opened."), thing);
  return FALSE;
}

static gboolean
refuse_object (GError **error, const char *type, const char *name)
{
  g_autofree char *shown = shown_name (name);
  g_autofree char *thing = NULL;

  if (g_strcmp0 (type, "trigger") == 0)
    thing = g_strdup_printf (_("a trigger “%s”"), shown);
  else if (g_strcmp0 (type, "view") == 0)
    thing = g_strdup_printf (_("a view “%s”"), shown);
  else if (g_strcmp0 (type, "index") == 0)
    thing = g_strdup_printf (_("an index “%s”"), shown);
  else
    thing = g_strdup_printf (_("a table “%s”"), shown);
  return altered (error, thing);
}

static gboolean
refuse_changed (GError **error, const char *name)
{
  g_autofree char *shown = shown_name (name);
  g_autofree char *thing = g_strdup_printf (_("a changed table “%s”"), shown);
  return altered (error, thing);
}

/* One row of the file's sqlite_schema against what we expect. */
static gboolean
check_object (sqlite3 *db, Expected *expected, sqlite3_stmt *row, GError **error)
{
  const char *type = (const char *) sqlite3_column_text (row, 0);
  const char *name = (const char *) sqlite3_column_text (row, 1);
  const char *table = (const char *) sqlite3_column_text (row, 2);
  const char *sql = (const char *) sqlite3_column_text (row, 3);
  const char *want = name ? g_hash_table_lookup (expected->objects, name) : NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *have = NULL;

  if (want == NULL || (g_strcmp0 (type, "table") != 0 && g_strcmp0 (type, "index") != 0))
    return refuse_object (error, type, name);
  if (!g_str_has_prefix (want, g_str_equal (type, "table") ? "table" : "index"))
    return refuse_object (error, type, name);
  if (sql != NULL)
    tokenize (sql, NULL, expected->tokens, &unknown);
  /* A virtual table also has type "table": only a plain CREATE TABLE is ours. */
  if (unknown != NULL ||
      (g_str_equal (type, "table") && (sql == NULL || g_ascii_strncasecmp (sql, "CREATE TABLE", 12) != 0)))
    return refuse_changed (error, table);
  if (g_str_equal (type, "index"))
    {
      g_autofree char *on = g_strdup_printf ("index ON %s", table ? table : "");
      return g_str_equal (want, on) || refuse_changed (error, table);
    }
  have = table_signature (db, name, error);
  if (have == NULL)
    return FALSE;
  return g_str_equal (have, want) || refuse_changed (error, name);
}

gboolean
styrkort_schema_check (sqlite3 *db, int version, GError **error)
{
  Expected *expected = expected_get (version, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *name;
  int rc;

  if (expected == NULL)
    return FALSE;
  stmt = styrkort_db_prepare (db, error, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema", NULL);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!check_object (db, expected, stmt, error))
        return FALSE;
      g_hash_table_add (seen, styrkort_db_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return styrkort_db_fail (db, rc, error);
  g_hash_table_iter_init (&iter, expected->objects);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (seen, name))
      {
        g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_CORRUPT,
                     _("The file is damaged: its part “%s” is missing."), name);
        return FALSE;
      }
  return TRUE;
}

/* Values check --------------------------------------------------------- */

/* The tables with a period, in the current schema. */
static const char * const period_tables[] = {
  "indicator_value", "city_value", "assessment", "gender_note", "report", "report_change", NULL
};

/* Runs a query that finds a bad row; TRUE (and @found) if it ran. */
static gboolean
finds_row (sqlite3 *db, const char *sql, gboolean *found, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (db, error, sql, NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return styrkort_db_fail (db, rc, error);
  *found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
bad_values (GError **error, const char *what, const char *table)
{
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_CORRUPT,
               _("The file is damaged: %s (in “%s”). It may have been altered; it was not opened."),
               what, table);
  return FALSE;
}

static gboolean
check_periods (sqlite3 *db, GError **error)
{
  for (guint i = 0; period_tables[i] != NULL; i++)
    {
      /* Table names from the list above; the bounds are those of
       * styrkort_period_is_valid(). */
      g_autofree char *sql = g_strdup_printf (
        "SELECT 1 FROM main.\"%s\" WHERE NOT ifnull (year BETWEEN 1900 AND 2200"
        " AND tertial BETWEEN 1 AND 3, 0) LIMIT 1", period_tables[i]);
      gboolean found = FALSE;

      if (!finds_row (db, sql, &found, error))
        return FALSE;
      if (found)
        return bad_values (error, _("a period is not a valid year and tertial"), period_tables[i]);
    }
  return TRUE;
}

/* "length (a) > N OR length (b) > N …" over the text columns of @table. */
static char *
long_text_query (const char *table, GPtrArray *columns)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%slength (\"%s\") > %d", sql->len ? " OR " : "",
                            (char *) columns->pdata[i], MAX_TEXT_LENGTH);
  if (sql->len == 0)
    return (g_string_free (sql, TRUE), NULL);
  g_string_prepend (sql, "\" WHERE ");
  g_string_prepend (sql, table);
  g_string_prepend (sql, "SELECT 1 FROM main.\"");
  g_string_append (sql, " LIMIT 1");
  return g_string_free (sql, FALSE);
}

/* Texts a user types are short; the history's JSON rows and a report's
 * workbook are bounded by STYRKORT_DB_MAX_VALUE only. */
static gboolean
check_texts (sqlite3 *db, GError **error)
{
  Expected *expected = expected_get (STYRKORT_SCHEMA_VERSION, error);
  GHashTableIter iter;
  const char *table;
  GPtrArray *columns;

  if (expected == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, expected->columns);
  while (g_hash_table_iter_next (&iter, (gpointer *) &table, (gpointer *) &columns))
    {
      g_autofree char *sql = NULL;
      gboolean found = FALSE;

      if (g_str_equal (table, "edit_change") || g_str_equal (table, "report"))
        continue;
      sql = long_text_query (table, columns);
      if (sql != NULL && !finds_row (db, sql, &found, error))
        return FALSE;
      if (found)
        return bad_values (error, _("a text is far longer than any Styrkort writes"), table);
    }
  return TRUE;
}

gboolean
styrkort_schema_check_values (sqlite3 *db, GError **error)
{
  gboolean found = FALSE;

  if (!finds_row (db, "SELECT 1 FROM main.district WHERE id = 1", &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_CORRUPT,
                           _("The file is damaged: it does not say which district it is for "
                             "(its district row is missing)."));
      return FALSE;
    }
  return check_periods (db, error) && check_texts (db, error);
}

GPtrArray *
styrkort_schema_columns (const char *table)
{
  Expected *expected = expected_get (STYRKORT_SCHEMA_VERSION, NULL);
  return expected ? g_hash_table_lookup (expected->columns, table) : NULL;
}
