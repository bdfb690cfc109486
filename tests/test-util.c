/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the tests: temporary folders, checksums, direct SQL on a file. */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-util.h"

static char *root;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (root != NULL && g_getenv ("STYRKORT_KEEP_TEST_FILES") == NULL)
    remove_tree (root);
  g_free (root);
}

void
test_init_env (void)
{
  g_autofree char *data = NULL;
  g_autofree char *cache = NULL;

  root = g_dir_make_tmp ("styrkort-test-XXXXXX", NULL);
  g_assert_nonnull (root);
  atexit (cleanup);
  data = g_build_filename (root, "xdg-data", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  cache = g_build_filename (root, "xdg-cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

char *
test_path (const char *name)
{
  static guint counter;
  g_autofree char *folder = g_strdup_printf ("%s/t%u", root, ++counter);
  g_mkdir_with_parents (folder, 0700);
  return g_build_filename (folder, name, NULL);
}

char *
test_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

void
test_saved (StyrkortProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (styrkort_project_save (project, &error));
  g_assert_no_error (error);
}

gint64
test_sql_int (const char *path, const char *sql)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
test_sql_text (const char *path, const char *sql)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
test_sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = open_db (path);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

void
test_write_bytes (const char *path, const void *data, gsize length)
{
  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
}

#ifdef G_OS_WIN32
static void
skip_python (void)
{
  g_test_skip ("needs python3 with openpyxl, which runs on Linux, not under Wine");
}
#endif

void
test_add_python_func (const char *path, GTestFunc func)
{
#ifdef G_OS_WIN32
  g_test_add_func (path, skip_python);
#else
  g_test_add_func (path, func);
#endif
}
