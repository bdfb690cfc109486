/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tells whether another program already edits a project file. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _StyrkortFileLock StyrkortFileLock;

/* Takes the edit lock of the project at @path. Returns NULL with
 * STYRKORT_ERROR_BUSY when another window or program holds it. */
StyrkortFileLock *styrkort_file_lock_acquire (const char *path, GError **error);
void              styrkort_file_lock_release (StyrkortFileLock *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortFileLock, styrkort_file_lock_release)

/* TRUE when @file lies on a network share, where a project is held with an
 * exclusive lock while it is open: on Windows a UNC path (\\server\share\…)
 * or a mapped network drive; elsewhere what GIO says of its file system. */
gboolean styrkort_file_is_on_share (GFile *file);

G_END_DECLS
