/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a district's project file: its header and identity checked,
 * migrated, locked, its connection configured; checking and creating one. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "styrkort-backups.h"
#include "styrkort-catalogue.h"
#include "styrkort-db.h"
#include "styrkort-file-lock.h"
#include "styrkort-project-private.h"
#include "styrkort-schema-check.h"

#define SQLITE_MAGIC "SQLite format 3"

/* The tables the edit history follows: all but the history's own. */
static const char * const edited_tables[] = {
  "district", "area", "operation", "indicator", "indicator_area", "unit",
  "indicator_value", "city_value", "assessment", "gender_note", "subgoal",
  "action", "member", "meeting", "agenda_item", "decision", "slide", NULL
};

const char * const *
_styrkort_project_edited_tables (void)
{
  return edited_tables;
}

static void
add_notice (StyrkortProject *self, char *notice)
{
  g_ptr_array_insert (self->notices, self->notices->len - 1, notice);
}

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* Prefixes an error with the file's name, so that the message says which file. */
static gboolean
name_in_error (GFile *file, GError **error)
{
  g_autofree char *name = display_name (file);
  if (error != NULL && *error != NULL)
    g_prefix_error (error, _("“%s”: "), name);
  return FALSE;
}


static gboolean
fail (GError **error, int code, const char *message)
{
  g_set_error_literal (error, STYRKORT_ERROR, code, message);
  return FALSE;
}

/* Looks at the first bytes before SQLite does: SQLite would happily treat an
 * empty file as a new database, and its messages for foreign files are
 * unhelpful. */
static gboolean
check_header (GFile *file, gboolean *wal, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &local);
  guint8 header[100] = { 0 };
  gsize got = 0;

  if (in == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return fail (error, STYRKORT_ERROR_NOT_FOUND, _("The file does not exist."));
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        return fail (error, STYRKORT_ERROR_FOREIGN, _("This is a folder, not a Styrkort file."));
      return fail (error, STYRKORT_ERROR_IO, local->message);
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, &local))
    return fail (error, STYRKORT_ERROR_IO, local->message);
  if (got == 0)
    return fail (error, STYRKORT_ERROR_EMPTY, _("The file is empty (0 bytes). It holds no district."));
  if (got >= 4 && memcmp (header, "PK\003\004", 4) == 0)
    return fail (error, STYRKORT_ERROR_FOREIGN,
                 _("This is not a Styrkort file but a zip archive, such as an Excel workbook (.xlsx). "
                   "Workbooks are imported with “Import figures…”."));
  if (got < sizeof SQLITE_MAGIC || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    return fail (error, STYRKORT_ERROR_FOREIGN, _("This is not a Styrkort file (it is not a database at all)."));
  if (got < sizeof header)
    return fail (error, STYRKORT_ERROR_CORRUPT, _("The file is truncated: it ends inside its header."));
  /* Bytes 18 and 19 are the write and read format: 2 means WAL mode. */
  *wal = header[18] == 2 || header[19] == 2;
  return TRUE;
}

#define HOT_JOURNAL_MESSAGE \
  _("The file was being saved when a program stopped. Open it once where it can be written to, "\
    "which finishes the save; until then it cannot be read.")

/* Another program saving the file is no damage: the caller says "try again". */
static gboolean
is_busy (int rc)
{
  return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

static gboolean
fail_busy (GError **error)
{
  return fail (error, STYRKORT_ERROR_BUSY,
               _("The file is in use: another program is saving it. Try again in a moment."));
}

/* Reads one integer PRAGMA; a locked or unreadable file is an error. */
static gboolean
read_pragma (sqlite3 *db, const char *sql, gint64 *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (is_busy (rc))
    return fail (error, STYRKORT_ERROR_BUSY,
                 _("The file is in use by someone else: it is locked while it is open on a network share. "
                   "Try again when they have closed it."));
  if (sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK)
    return fail (error, STYRKORT_ERROR_READ_ONLY, HOT_JOURNAL_MESSAGE);
  if ((rc & 0xff) == SQLITE_NOMEM || (rc & 0xff) == SQLITE_IOERR)
    return styrkort_db_fail (db, rc, error);
  return fail (error, STYRKORT_ERROR_CORRUPT, _("The file is damaged: its header cannot be read."));
}

static gboolean
check_identity (sqlite3 *db, int *opened_version, GError **error)
{
  gint64 app = 0, version = 0;
  g_autofree char *message = NULL;

  if (!read_pragma (db, "PRAGMA application_id", &app, error) ||
      !read_pragma (db, "PRAGMA user_version", &version, error))
    return FALSE;
  if (app != STYRKORT_APPLICATION_ID)
    return fail (error, STYRKORT_ERROR_FOREIGN,
                 _("This is a database of another program, not a Styrkort file."));
  if (version > STYRKORT_SCHEMA_VERSION)
    {
      message = g_strdup_printf (_("The file was saved by a newer version of Styrkort (file format %d; "
                                   "this version reads up to %d). Update Styrkort to open it."),
                                 (int) version, STYRKORT_SCHEMA_VERSION);
      return fail (error, STYRKORT_ERROR_TOO_NEW, message);
    }
  if (version < 1)
    return fail (error, STYRKORT_ERROR_CORRUPT, _("The file is damaged: it has no format version."));
  *opened_version = (int) version;
  return TRUE;
}

/* The first row of a checking PRAGMA or query; a busy file is "in use",
 * not damaged, and a check that cannot run says why. */
static gboolean
run_check (sqlite3 *db, const char *sql, char **out, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *out = rc == SQLITE_ROW ? styrkort_db_column_text0 (stmt, 0) : NULL;
      return TRUE;
    }
  if (is_busy (rc))
    return fail_busy (error);
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      *out = g_strdup (sqlite3_errmsg (db));
      return TRUE;
    }
  return styrkort_db_fail (db, rc, error);
}

static gboolean
check_integrity (sqlite3 *db, GError **error)
{
  g_autofree char *quick = NULL;
  g_autofree char *broken_reference = NULL;
  g_autofree char *message = NULL;

  if (!run_check (db, "PRAGMA quick_check", &quick, error))
    return FALSE;
  if (g_strcmp0 (quick, "ok") != 0)
    {
      /* quick_check names pages and tables, never row contents. */
      message = g_strdup_printf (_("The file is damaged (%s). Restore it from a backup."),
                                 quick ? quick : _("it cannot be read"));
      return fail (error, STYRKORT_ERROR_CORRUPT, message);
    }
  if (!run_check (db, "SELECT 1 FROM pragma_foreign_key_check LIMIT 1", &broken_reference, error))
    return FALSE;
  if (broken_reference != NULL)
    return fail (error, STYRKORT_ERROR_CORRUPT,
                 _("The file is damaged: some rows refer to rows that do not exist."));
  return TRUE;
}

/* Rollback journal, not WAL: district files live on office network shares
 * (SMB), and WAL needs shared memory that network file systems do not
 * provide safely. synchronous=FULL makes each commit reach the disk before
 * the edit is reported as saved. */
static gboolean
configure (sqlite3 *db, gboolean writable, gboolean exclusive, GError **error)
{
  if (!styrkort_db_exec_script (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", error))
    return FALSE;
  if (writable && !styrkort_db_exec_script (db, "PRAGMA journal_mode = DELETE;", error))
    return FALSE;
  /* On a network share, hold the file for as long as it is open so that no
   * other writer can interleave; the first write transaction takes the lock. */
  if (exclusive && !styrkort_db_exec_script (db, "PRAGMA locking_mode = EXCLUSIVE;"
                                                 " BEGIN EXCLUSIVE; COMMIT;", error))
    return FALSE;
  return TRUE;
}

/* Schema 1 had no rate bases; label them from the shipped catalogue. */
static gboolean
post_migrate_1 (sqlite3 *db, GError **error)
{
  g_autoptr(GKeyFile) catalogue = styrkort_catalogue_load_default (error);
  g_auto(GStrv) groups = NULL;

  if (catalogue == NULL)
    return FALSE;
  groups = g_key_file_get_groups (catalogue, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *g = groups[i];
      if (!g_str_has_prefix (g, "Indicator ") || !g_key_file_has_key (catalogue, g, "Numerator", NULL))
        continue;
      g_autofree char *num_en = g_key_file_get_string (catalogue, g, "Numerator", NULL);
      g_autofree char *num_sv = g_key_file_get_locale_string (catalogue, g, "Numerator", "sv", NULL);
      g_autofree char *den_en = g_key_file_get_string (catalogue, g, "Denominator", NULL);
      g_autofree char *den_sv = g_key_file_get_locale_string (catalogue, g, "Denominator", "sv", NULL);
      if (!styrkort_db_exec (db, error,
                             "UPDATE indicator SET numerator_sv = ?, numerator_en = ?, denominator_sv = ?,"
                             " denominator_en = ? WHERE code = ?", "ttttt",
                             num_sv, num_en, den_sv, den_en, strchr (g, ' ') + 1))
        return FALSE;
    }
  return TRUE;
}

/* Schema 3 had no baseline dates: a sub-goal's baseline is from the day it
 * was added, as the edit history remembers it. */
static gboolean
post_migrate_3 (sqlite3 *db, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = styrkort_db_prepare (db, error,
    "SELECT c.row_id, min (e.time) FROM edit_change c JOIN edit e ON e.id = c.edit_id"
    " WHERE c.table_name = 'subgoal' AND c.old_row IS NULL GROUP BY c.row_id", NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *time = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *date = time ? g_strndup (time, 10) : NULL;
      if (styrkort_date_is_valid (date) &&
          !styrkort_db_exec (db, error, "UPDATE subgoal SET baseline_date = ? WHERE id = ?", "ti",
                             date, sqlite3_column_int64 (stmt, 0)))
        return FALSE;
    }
  return rc == SQLITE_DONE || styrkort_db_fail (db, rc, error);
}

static gboolean
run_migrations (sqlite3 *db, int from, GError **error)
{
  for (int version = from; version < STYRKORT_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("migrate-%d.sql", version);
      g_autofree char *sql = styrkort_schema_load_sql (name, error);
      if (sql == NULL || !styrkort_db_exec_migration (db, sql, error))
        return FALSE;
      if (version == 1 && !post_migrate_1 (db, error))
        return FALSE;
      if (version == 3 && !post_migrate_3 (db, error))
        return FALSE;
    }
  return styrkort_db_exec_script (db, "PRAGMA user_version = " G_STRINGIFY (STYRKORT_SCHEMA_VERSION), error);
}

/* Copies the file to NAME.bak-vN first, then migrates in one transaction. */
static gboolean
migrate (StyrkortProject *self, GError **error)
{
  int from = self->opened_version;
  g_autofree char *backup = g_strdup_printf ("%s.bak-v%d", self->path, from);
  g_autofree char *backup_name = NULL;

  if (self->read_only)
    return fail (error, STYRKORT_ERROR_READ_ONLY,
                 _("The file uses an older format and must be updated, but it can only be opened "
                   "read-only now. Open it where it can be written to."));
  if (!styrkort_db_backup_to (self->db, backup, error))
    return FALSE;
  if (!styrkort_db_exec_script (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!run_migrations (self->db, from, error) ||
      !styrkort_db_exec_script (self->db, "COMMIT", error))
    {
      styrkort_db_exec_script (self->db, "ROLLBACK", NULL);
      return FALSE;
    }
  backup_name = g_path_get_basename (backup);
  add_notice (self, g_strdup_printf (_("The file was updated to the current format. A copy of the old "
                                       "file was kept as “%s”."), backup_name));
  return TRUE;
}

static gboolean
file_is_writable (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info == NULL || g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

/* Decides whether this process may write: not when asked not to, when the
 * file or its folder is read-only, or when another window or program has it. */
static void
take_lock (StyrkortProject *self, StyrkortOpenFlags flags)
{
  g_autoptr(GError) local = NULL;

  if (flags & STYRKORT_OPEN_READ_ONLY)
    self->read_only_reason = g_strdup (_("The file was opened read-only."));
  else if (!file_is_writable (self->file))
    self->read_only_reason = g_strdup (_("The file is read-only: you do not have permission to change it."));
  else if ((self->lock = styrkort_file_lock_acquire (self->path, &local)) == NULL)
    self->read_only_reason = g_strdup (local->message);
  self->read_only = self->read_only_reason != NULL;
}

static gboolean
folder_is_writable (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  return g_access (folder, W_OK) == 0;
}

/* The first read of a connection; SQLite rolls back a hot journal here. */
static int
first_read (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA schema_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    return SQLITE_OK;
  return sqlite3_extended_errcode (db);
}

static int
connect_file (const char *path, int mode, sqlite3 **db)
{
  int rc = sqlite3_open_v2 (path, db, mode, NULL);

  /* Limits first, then the busy timeout: every check below waits for a
   * program that is saving instead of calling the file damaged. */
  if (*db != NULL)
    {
      styrkort_db_harden (*db);
      sqlite3_busy_timeout (*db, 3000);
    }
  return rc;
}

/* A program that stopped in the middle of a save leaves a hot journal that
 * the next writer rolls back; a read-only connection cannot, and would
 * call the file damaged. Finish the save with a short writable connection
 * when the file and its folder allow it. */
static gboolean
finish_interrupted_save (StyrkortProject *self, GError **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!file_is_writable (self->file) || !folder_is_writable (self->path))
    return fail (error, STYRKORT_ERROR_READ_ONLY, HOT_JOURNAL_MESSAGE);
  rc = connect_file (self->path, SQLITE_OPEN_READWRITE, &db);
  if (rc == SQLITE_OK)
    rc = first_read (db);
  if (rc != SQLITE_OK)
    {
      is_busy (rc) ? fail_busy (error) : styrkort_db_fail (db, rc, error);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_close (db);
  return TRUE;
}

/* A WAL-mode file read-only: SQLite would leave -wal and -shm files beside
 * it. Without a -wal file nothing is pending, and the file can be read as
 * immutable, which creates nothing; with one it is refused. */
static gboolean
open_wal_read_only (StyrkortProject *self, GError **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  GStatBuf st;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    return fail (error, STYRKORT_ERROR_READ_ONLY,
                 _("The file was saved in a mode Styrkort does not use (write-ahead log) and has unsaved "
                   "parts beside it. Open it once where it can be written to."));
  uri = g_filename_to_uri (self->path, NULL, error);
  if (uri == NULL)
    return FALSE;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  return connect_file (immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, &self->db) == SQLITE_OK ||
         styrkort_db_fail (self->db, sqlite3_errcode (self->db), error);
}

static gboolean
connect_project (StyrkortProject *self, gboolean wal, GError **error)
{
  int rc;

  if (wal && self->read_only)
    return open_wal_read_only (self, error);
  rc = connect_file (self->path, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, &self->db);
  if (rc != SQLITE_OK)
    return styrkort_db_fail (self->db, rc, error);
  rc = first_read (self->db);
  if (is_busy (rc))
    return fail_busy (error);
  if (rc == SQLITE_READONLY_ROLLBACK)
    {
      g_clear_pointer (&self->db, sqlite3_close);
      if (!finish_interrupted_save (self, error))
        return FALSE;
      rc = connect_file (self->path, SQLITE_OPEN_READONLY, &self->db);
      if (rc != SQLITE_OK)
        return styrkort_db_fail (self->db, rc, error);
    }
  return TRUE;
}

static gboolean
open_database (StyrkortProject *self, StyrkortOpenFlags flags, gboolean wal, GError **error)
{
  if (!connect_project (self, wal, error))
    return FALSE;
  self->exclusive = !self->read_only && ((flags & STYRKORT_OPEN_ASSUME_REMOTE) || styrkort_file_is_on_share (self->file));
  /* Nothing of the file is used before its schema is known to be ours. */
  if (!check_identity (self->db, &self->opened_version, error) ||
      !styrkort_schema_check (self->db, self->opened_version, error) ||
      !check_integrity (self->db, error))
    return FALSE;
  if (!configure (self->db, !self->read_only, self->exclusive, error))
    return FALSE;
  if (self->exclusive)
    add_notice (self, g_strdup (_("The file is on a network share. It is locked for others while it is "
                                  "open here, so that no one else can change it at the same time.")));
  return TRUE;
}

static void
make_daily_backup (StyrkortProject *self)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GFile) copy = styrkort_backups_make (self->file, self->db, &local);

  if (local != NULL)
    add_notice (self, g_strdup_printf (_("No automatic backup could be made: %s"), local->message));
}

StyrkortProject *
styrkort_project_open (GFile *file, StyrkortOpenFlags flags, GError **error)
{
  g_autoptr(StyrkortProject) self = NULL;
  gboolean wal = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  if (!check_header (file, &wal, error))
    return (name_in_error (file, error), NULL);
  self = g_object_new (STYRKORT_TYPE_PROJECT, NULL);
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);
  if (self->path == NULL)
    {
      fail (error, STYRKORT_ERROR_IO, _("Only files on this computer or a connected network drive can be opened."));
      return (name_in_error (file, error), NULL);
    }
  take_lock (self, flags);
  if (!open_database (self, flags, wal, error) ||
      (self->opened_version < STYRKORT_SCHEMA_VERSION && !migrate (self, error)) ||
      !styrkort_schema_check_values (self->db, error))
    {
      styrkort_project_close (self);
      return (name_in_error (file, error), NULL);
    }
  if (!self->read_only)
    {
      if (!_styrkort_project_edit_in_memory (self, error))
        {
          styrkort_project_close (self);
          return (name_in_error (file, error), NULL);
        }
      self->history = styrkort_history_new (self->db, edited_tables, error);
      if (self->history == NULL)
        {
          styrkort_project_close (self);
          return (name_in_error (file, error), NULL);
        }
      styrkort_history_set_floor (self->history, _styrkort_project_report_floor (self));
      if (!(flags & STYRKORT_OPEN_NO_BACKUP))
        make_daily_backup (self);
    }
  return g_steal_pointer (&self);
}

/* Opens @file read-only, runs every check, and closes it again. */
gboolean
styrkort_project_check (GFile *file, GError **error)
{
  g_autoptr(StyrkortProject) project = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY, error);
  gboolean ok = FALSE;

  if (project == NULL)
    return FALSE;
  g_autofree char *full = styrkort_db_query_text (project->db, "PRAGMA integrity_check");
  ok = g_strcmp0 (full, "ok") == 0;
  if (!ok)
    {
      g_autofree char *name = display_name (file);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_CORRUPT,
                   _("“%s”: The file is damaged (%s). Restore it from a backup."), name, full ? full : "?");
    }
  return ok;
}

static gboolean
create_schema (sqlite3 *db, const char *district_name, GError **error)
{
  g_autofree char *sql = styrkort_schema_load_sql ("schema.sql", error);
  g_autoptr(GKeyFile) catalogue = styrkort_catalogue_load_default (error);
  g_autofree char *now = styrkort_db_now ();
  g_autofree char *city = NULL, *plan = NULL;

  if (sql == NULL || catalogue == NULL)
    return FALSE;
  city = g_key_file_get_string (catalogue, "Catalogue", "City", NULL);
  plan = g_key_file_get_string (catalogue, "Catalogue", "PlanVersion", NULL);
  return styrkort_db_exec_script (db, "PRAGMA journal_mode = DELETE; BEGIN;", error) &&
         styrkort_db_exec_script (db, sql, error) &&
         styrkort_db_exec_script (db, "PRAGMA application_id = " G_STRINGIFY (STYRKORT_APPLICATION_ID) ";"
                                      "PRAGMA user_version = " G_STRINGIFY (STYRKORT_SCHEMA_VERSION), error) &&
         styrkort_db_exec (db, error, "INSERT INTO district (id, name, city, plan_version, created, modified)"
                                      " VALUES (1, ?, ?, ?, ?, ?)", "ttttt",
                           district_name, city ? city : "", plan ? plan : "", now, now) &&
         styrkort_catalogue_install (catalogue, db, error) &&
         styrkort_db_exec_script (db, "COMMIT", error);
}

static void
open_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GFile *file = data;
  StyrkortOpenFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "flags"));
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = styrkort_project_open (file, flags, &error);

  if (project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&project), g_object_unref);
}

/* Opening ahead ---------------------------------------------------------------
 * A file named on the command line starts opening as the process starts,
 * beside GTK's own start, instead of once the window is made. The window
 * takes the opening over: the project itself when it is there as the
 * window is made (styrkort_project_take_opened_ahead(), so that the window
 * is shown with the district at once), else the opening, through
 * styrkort_project_open_async(). Only the thread that opens ahead (the
 * main thread) touches this list; the opening thread hands its result over
 * under the entry's lock. */

typedef struct {
  GFile *file;
  StyrkortOpenFlags flags;
  GMutex lock;
  gboolean done;               /* guarded by lock, as are project and error */
  StyrkortProject *project;
  GError *error;
  gboolean finished;           /* its callback has run */
  gboolean dropped;
  gboolean taken;              /* the project was taken before the callback ran */
  GTask *taker;
} OpenAhead;

static GPtrArray *opened_ahead;

static void
open_ahead_free (OpenAhead *ahead)
{
  g_object_unref (ahead->file);
  g_clear_object (&ahead->project);
  g_clear_error (&ahead->error);
  g_clear_object (&ahead->taker);
  g_mutex_clear (&ahead->lock);
  g_free (ahead);
}

/* Gives @ahead's result to the task that took it over: a cancelled taker
 * gets nothing, and the file is closed again as after any cancelled open. */
static void
hand_over (OpenAhead *ahead, GTask *taker)
{
  if (g_task_return_error_if_cancelled (taker))
    return;
  if (ahead->project != NULL)
    g_task_return_pointer (taker, g_steal_pointer (&ahead->project), g_object_unref);
  else
    g_task_return_error (taker, g_steal_pointer (&ahead->error));
}

static void
open_ahead_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  OpenAhead *ahead = data;
  GError *error = NULL;
  StyrkortProject *project = styrkort_project_open (ahead->file, ahead->flags, &error);

  g_mutex_lock (&ahead->lock);
  ahead->project = project;
  ahead->error = error;
  ahead->done = TRUE;
  g_mutex_unlock (&ahead->lock);
  g_task_return_boolean (task, TRUE);
}

static void
on_opened_ahead_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  OpenAhead *ahead = data;
  g_autoptr(GTask) taker = g_steal_pointer (&ahead->taker);

  ahead->finished = TRUE;
  if (taker != NULL)
    hand_over (ahead, taker);
  if (ahead->dropped || ahead->taken || taker != NULL)
    g_ptr_array_remove_fast (opened_ahead, ahead);
}

/* The opening ahead of @file with @flags that no one has taken over. */
static OpenAhead *
find_open_ahead (GFile *file, StyrkortOpenFlags flags)
{
  for (guint i = 0; opened_ahead != NULL && i < opened_ahead->len; i++)
    {
      OpenAhead *ahead = opened_ahead->pdata[i];
      if (!ahead->dropped && !ahead->taken && ahead->taker == NULL && ahead->flags == flags &&
          g_file_equal (ahead->file, file))
        return ahead;
    }
  return NULL;
}

void
styrkort_project_open_ahead (GFile *file, StyrkortOpenFlags flags)
{
  g_autoptr(GTask) task = NULL;
  OpenAhead *ahead;

  /* A file named twice opens once, as the window takes it over once. */
  if (find_open_ahead (file, flags) != NULL)
    return;
  ahead = g_new0 (OpenAhead, 1);
  if (opened_ahead == NULL)
    opened_ahead = g_ptr_array_new_with_free_func ((GDestroyNotify) open_ahead_free);
  ahead->file = g_object_ref (file);
  ahead->flags = flags;
  g_mutex_init (&ahead->lock);
  g_ptr_array_add (opened_ahead, ahead);
  /* The entry outlives the task: it leaves the list in the callback. */
  task = g_task_new (NULL, NULL, on_opened_ahead_cb, ahead);
  g_task_set_source_tag (task, styrkort_project_open_ahead);
  g_task_set_task_data (task, ahead, NULL);
  g_task_run_in_thread (task, open_ahead_thread);
}

StyrkortProject *
styrkort_project_take_opened_ahead (GFile *file, StyrkortOpenFlags flags)
{
  OpenAhead *ahead = find_open_ahead (file, flags);
  StyrkortProject *project = NULL;

  if (ahead == NULL)
    return NULL;
  g_mutex_lock (&ahead->lock);
  if (ahead->done && ahead->project != NULL)
    {
      project = g_steal_pointer (&ahead->project);
      ahead->taken = TRUE;
    }
  g_mutex_unlock (&ahead->lock);
  if (project != NULL && ahead->finished)
    g_ptr_array_remove_fast (opened_ahead, ahead);
  return project;
}

void
styrkort_project_drop_opened_ahead (void)
{
  for (guint i = opened_ahead != NULL ? opened_ahead->len : 0; i > 0; i--)
    {
      OpenAhead *ahead = opened_ahead->pdata[i - 1];
      if (ahead->taker != NULL || ahead->taken)
        continue;
      ahead->dropped = TRUE;
      if (ahead->finished)
        g_ptr_array_remove_index_fast (opened_ahead, i - 1);
    }
}

guint
_styrkort_project_count_opened_ahead (gboolean finished_only)
{
  guint n = 0;
  for (guint i = 0; opened_ahead != NULL && i < opened_ahead->len; i++)
    {
      OpenAhead *ahead = opened_ahead->pdata[i];
      n += !ahead->taken && (!finished_only || ahead->finished);
    }
  return n;
}

void
styrkort_project_open_async (GFile *file, StyrkortOpenFlags flags, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenAhead *ahead = find_open_ahead (file, flags);

  g_task_set_source_tag (task, styrkort_project_open_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "flags", GUINT_TO_POINTER (flags));
  if (ahead == NULL)
    g_task_run_in_thread (task, open_thread);
  else if (!ahead->finished)
    ahead->taker = g_steal_pointer (&task);
  else
    {
      hand_over (ahead, task);
      g_ptr_array_remove_fast (opened_ahead, ahead);
    }
}

StyrkortProject *
styrkort_project_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == styrkort_project_open_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
styrkort_project_make_closed (GFile *file, StyrkortProjectMake make, gconstpointer data, GError **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  StyrkortProject *project;

  g_main_context_push_thread_default (context);
  project = make (file, data, error);
  if (project != NULL)
    styrkort_project_close (project);
  g_main_context_pop_thread_default (context);
  if (project == NULL)
    return FALSE;
  g_object_unref (project);
  return TRUE;
}

/* Writes the new file beside its final name and moves it there only when
 * complete, so a failure never leaves a half-made district behind. */
StyrkortProject *
styrkort_project_create (GFile *file, const char *district_name, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *temp = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (district_name != NULL, NULL);
  if (path == NULL)
    {
      fail (error, STYRKORT_ERROR_IO, _("Only files on this computer or a connected network drive can be used."));
      return (name_in_error (file, error), NULL);
    }
  if (g_file_query_exists (file, NULL))
    {
      fail (error, STYRKORT_ERROR_EXISTS, _("A file with this name already exists."));
      return (name_in_error (file, error), NULL);
    }
  temp = g_strdup_printf ("%s.new-%08x", path, g_random_int ());
  rc = sqlite3_open_v2 (temp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  ok = rc == SQLITE_OK ? create_schema (db, district_name, error) : styrkort_db_fail (db, rc, error);
  sqlite3_close (db);
  if (ok && g_rename (temp, path) != 0)
    ok = fail (error, STYRKORT_ERROR_IO, g_strerror (errno));
  if (!ok)
    {
      g_remove (temp);
      return (name_in_error (file, error), NULL);
    }
  return styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, error);
}
