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
