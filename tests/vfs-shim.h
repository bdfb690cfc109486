/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A slow or failing disk for tests: an SQLite VFS shim installed as the
 * default, in front of the real one. Each read, write or sync can be made to
 * take a while, and the n-th write or sync to fail. Safe to use from the
 * threads that open and read files. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Installs the shim (once); it does nothing until told to. */
void  vfs_shim_install       (void);
/* Each read takes @read_us, each write and sync @write_us. */
void  vfs_shim_set_delays    (gulong read_us, gulong write_us);
/* The @n-th write or sync from now fails (0: the next); -1: none does. */
void  vfs_shim_fail_after    (int n);
/* Every write and sync of the files whose names begin with @path fails
 * (the file and its journal), until called with NULL. */
void  vfs_shim_break_files   (const char *path);
/* Reads, writes and syncs so far. */
void  vfs_shim_get_calls     (guint *reads, guint *writes, guint *syncs);
/* Files the shim has open now. */
guint vfs_shim_open_files    (void);

G_END_DECLS
