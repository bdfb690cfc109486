/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Automatic daily copies of project files in the user's data folder. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define STYRKORT_BACKUPS_KEPT 10

/* The folder that holds the copies of @file. */
GFile     *styrkort_backups_folder   (GFile *file);
/* Copies @db unless a copy of @file was already made today; keeps the last
 * STYRKORT_BACKUPS_KEPT. Returns the new copy, or NULL when none was needed. */
GFile     *styrkort_backups_make     (GFile *file, sqlite3 *db, GError **error);
/* Copies @db, which holds changes that could not be saved to @file, as
 * "TIME-unsaved.styrkort" beside the daily copies; never pruned. */
GFile     *styrkort_backups_keep_unsaved (GFile *file, sqlite3 *db, GError **error);
/* The copies of @file, newest first (GFile). */
GPtrArray *styrkort_backups_list     (GFile *file, GError **error);
/* Copies @backup to @target; an existing @target is only replaced when @overwrite. */
gboolean   styrkort_backups_restore  (GFile *backup, GFile *target, gboolean overwrite, GError **error);

G_END_DECLS
