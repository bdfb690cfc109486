/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema a district file must have, and the check of a file against it. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A district file says what it is in its header (PRAGMA application_id)
 * and which version of the schema it has (PRAGMA user_version). */
#define STYRKORT_APPLICATION_ID 0x53747972 /* "Styr" */
#define STYRKORT_SCHEMA_VERSION 5

/* The text of src/core/schema/@name, from the resources. */
char      *styrkort_schema_load_sql     (const char *name, GError **error);

/* Compares the tables, columns, indexes and foreign keys of @db's main
 * schema with those our migrations give a file of @version, and refuses
 * anything else (triggers, views, tables or indexes of its own). Reads
 * the file's schema only; nothing of it runs. */
gboolean   styrkort_schema_check        (sqlite3 *db, int version, GError **error);

/* Checks the values that reading relies on, in a file of the current
 * version: exactly one district row, valid periods, texts of sane length. */
gboolean   styrkort_schema_check_values (sqlite3 *db, GError **error);

/* The columns of @table in the current schema, without "id" (char *); NULL
 * for a table the schema does not have. Owned by the cache: do not free. */
GPtrArray *styrkort_schema_columns      (const char *table);

G_END_DECLS
