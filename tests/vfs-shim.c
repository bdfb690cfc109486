/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "vfs-shim.h"

typedef struct {
  sqlite3_file base;
  sqlite3_file *real;
  const char *name; /* SQLite keeps it until xClose */
} ShimFile;

static GMutex broken_lock;
static char *broken_path;   /* files whose names begin with it cannot be written */

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static gint countdown = -1;   /* writes and syncs left before one fails; -1: never */
static guint read_delay_us, write_delay_us;
static guint open_files;
static guint n_reads, n_writes, n_syncs;

static gboolean
write_fails (void)
{
  guint delay = g_atomic_int_get (&write_delay_us);
  int left;

  if (delay > 0)
    g_usleep (delay);
  do
    {
      left = g_atomic_int_get (&countdown);
      if (left < 0)
        return FALSE;
    }
  while (!g_atomic_int_compare_and_exchange (&countdown, left, left == 0 ? -1 : left - 1));
  return left == 0;
}

#define REAL(f) (((ShimFile *) (f))->real)

static gboolean
is_broken (sqlite3_file *file)
{
  const char *name = ((ShimFile *) file)->name;
  gboolean broken;

  g_mutex_lock (&broken_lock);
  broken = broken_path != NULL && name != NULL && g_str_has_prefix (name, broken_path);
  g_mutex_unlock (&broken_lock);
  return broken;
}

static int s_close (sqlite3_file *f)
{
  g_atomic_int_dec_and_test (&open_files);
  return REAL (f)->pMethods->xClose (REAL (f));
}
static int s_read (sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
  guint delay = g_atomic_int_get (&read_delay_us);
  g_atomic_int_inc (&n_reads);
  if (delay > 0)
    g_usleep (delay);
  return REAL (f)->pMethods->xRead (REAL (f), b, n, o);
}
static int s_write (sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
  g_atomic_int_inc (&n_writes);
  return write_fails () || is_broken (f) ? SQLITE_IOERR_WRITE : REAL (f)->pMethods->xWrite (REAL (f), b, n, o);
}
static int s_truncate (sqlite3_file *f, sqlite3_int64 s) { return REAL (f)->pMethods->xTruncate (REAL (f), s); }
static int s_sync (sqlite3_file *f, int flags)
{
  g_atomic_int_inc (&n_syncs);
  return write_fails () || is_broken (f) ? SQLITE_IOERR_FSYNC : REAL (f)->pMethods->xSync (REAL (f), flags);
}
static int s_size (sqlite3_file *f, sqlite3_int64 *s) { return REAL (f)->pMethods->xFileSize (REAL (f), s); }
static int s_lock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xLock (REAL (f), l); }
static int s_unlock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xUnlock (REAL (f), l); }
static int s_check (sqlite3_file *f, int *r) { return REAL (f)->pMethods->xCheckReservedLock (REAL (f), r); }
static int s_control (sqlite3_file *f, int op, void *a) { return REAL (f)->pMethods->xFileControl (REAL (f), op, a); }
static int s_sector (sqlite3_file *f) { return REAL (f)->pMethods->xSectorSize (REAL (f)); }
static int s_device (sqlite3_file *f) { return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f)); }

static const sqlite3_io_methods shim_methods = {
  1, s_close, s_read, s_write, s_truncate, s_sync, s_size, s_lock, s_unlock, s_check, s_control, s_sector, s_device,
  NULL, NULL, NULL, NULL, NULL, NULL
};

static int
s_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  ShimFile *f = (ShimFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  f->name = name;
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  f->base.pMethods = rc == SQLITE_OK && f->real->pMethods ? &shim_methods : NULL;
  if (f->base.pMethods != NULL)
    g_atomic_int_inc (&open_files);
  return rc;
}

void
vfs_shim_install (void)
{
  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  shim_vfs = *real_vfs;
  shim_vfs.zName = "styrkort-test-shim";
  shim_vfs.szOsFile = (int) sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = s_open;
  sqlite3_vfs_register (&shim_vfs, 1);
}

void
vfs_shim_set_delays (gulong read_us, gulong write_us)
{
  g_atomic_int_set (&read_delay_us, (guint) read_us);
  g_atomic_int_set (&write_delay_us, (guint) write_us);
}

void
vfs_shim_break_files (const char *path)
{
  g_mutex_lock (&broken_lock);
  g_free (broken_path);
  broken_path = g_strdup (path);
  g_mutex_unlock (&broken_lock);
}

void
vfs_shim_fail_after (int n)
{
  g_atomic_int_set (&countdown, n);
}

guint
vfs_shim_open_files (void)
{
  return g_atomic_int_get (&open_files);
}

void
vfs_shim_get_calls (guint *reads, guint *writes, guint *syncs)
{
  *reads = g_atomic_int_get (&n_reads);
  *writes = g_atomic_int_get (&n_writes);
  *syncs = g_atomic_int_get (&n_syncs);
}
