/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tells whether another program already edits a project file.
 *
 * The lock is a small SQLite file beside the project ("NAME.styrkort-lock")
 * held in exclusive locking mode. SQLite's own file locking works the same
 * on Windows and POSIX, on local disks and SMB shares, within one process and
 * across processes, and the operating system drops the lock when a program
 * dies, so a crash never leaves a file locked. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "styrkort-file-lock.h"
#include "styrkort-types.h"

#ifdef G_OS_WIN32
#include <windows.h>
#endif

struct _StyrkortFileLock {
  sqlite3 *db;
  char *path;
};

static void
set_error (int rc, GError **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_BUSY,
                           _("The file is already open in another window or program."));
      break;
    case SQLITE_FULL:
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_IO,
                           _("The disk is full, so the file cannot be changed now."));
      break;
    default:
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY,
                           _("The folder of the file cannot be written to."));
      break;
    }
}

StyrkortFileLock *
styrkort_file_lock_acquire (const char *path, GError **error)
{
  g_autofree char *lock_path = g_strconcat (path, "-lock", NULL);
  gboolean existed = g_file_test (lock_path, G_FILE_TEST_EXISTS);
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (lock_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  StyrkortFileLock *lock;

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA locking_mode = EXCLUSIVE;"
                           " BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (x); COMMIT;",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      /* A lock file we made but could not fill (a full disk) is no one's. */
      if (!existed && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        g_remove (lock_path);
      set_error (rc, error);
      return NULL;
    }
  lock = g_new0 (StyrkortFileLock, 1);
  lock->db = db;
  lock->path = g_steal_pointer (&lock_path);
  return lock;
}

void
styrkort_file_lock_release (StyrkortFileLock *lock)
{
  if (lock == NULL)
    return;
  sqlite3_close (lock->db);
  g_remove (lock->path);
  g_free (lock->path);
  g_free (lock);
}

#ifdef G_OS_WIN32
/* GLib never sets filesystem::remote on Windows: ask Windows. */
static gboolean
path_is_on_share (const char *path)
{
  g_autofree gunichar2 *wide = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  wchar_t root[4] = { 0, L':', L'\\', 0 };

  if (wide == NULL)
    return FALSE;
  /* \\?\UNC\server\share\… and \\?\C:\…: the long-path forms. */
  if (wcsncmp ((const wchar_t *) wide, L"\\\\?\\UNC\\", 8) == 0)
    return TRUE;
  if (wcsncmp ((const wchar_t *) wide, L"\\\\?\\", 4) == 0)
    return path_is_on_share (path + 4);
  /* \\server\share\…: a UNC path. */
  if ((wide[0] == '\\' || wide[0] == '/') && (wide[1] == '\\' || wide[1] == '/'))
    return TRUE;
  /* A drive letter: a mapped network drive is DRIVE_REMOTE. */
  if (g_ascii_isalpha (wide[0]) && wide[1] == ':')
    {
      root[0] = wide[0];
      return GetDriveTypeW (root) == DRIVE_REMOTE;
    }
  return FALSE;
}
#endif

gboolean
styrkort_file_is_on_share (GFile *file)
{
#ifdef G_OS_WIN32
  g_autofree char *path = g_file_get_path (file);

  return path != NULL && path_is_on_share (path);
#else
  g_autoptr(GFileInfo) info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE,
                                                            NULL, NULL);
  return info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
#endif
}
