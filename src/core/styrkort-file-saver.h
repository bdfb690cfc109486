/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saves a district's edits to its file in a thread of its own.
 *
 * The window edits a copy of the file in memory: its connection answers at
 * once. The saver watches that copy's committed rows (table and id), reads
 * their new state after each commit, and a thread that alone uses the
 * file's connection writes them there, one transaction per batch. A batch
 * that fails stays queued and is tried again with the next (and every two
 * seconds), so an edit is never lost while the program runs; the owner
 * hears of the failure and of the save that ends it. */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _StyrkortFileSaver StyrkortFileSaver;

/* Called in the main context of the thread that made the saver, with a
 * strong reference to @owner (never after it is gone): @message says why
 * the last save failed, or is NULL once everything is in the file again. */
typedef void (*StyrkortSaveStateFunc) (GObject *owner, const char *message);

/* Takes @file (a connection to the district file, used from now on by the
 * saver's thread only) and watches @memory, the connection edits go to.
 * Both must have the same content. */
StyrkortFileSaver *styrkort_file_saver_new   (sqlite3 *memory, sqlite3 *file, GObject *owner,
                                              StyrkortSaveStateFunc state_func);

/* Hands what was committed since the last call to the thread. Also runs by
 * itself when the main loop is idle after a commit. */
void               styrkort_file_saver_send  (StyrkortFileSaver *self);

/* Sends, then waits until everything committed so far is in the file, or
 * until one more attempt to save it has failed. */
gboolean           styrkort_file_saver_flush (StyrkortFileSaver *self, GError **error);

/* Flushes, stops the thread and closes the file's connection. What could
 * not be saved is reported in @error; the memory connection is left open. */
gboolean           styrkort_file_saver_stop  (StyrkortFileSaver *self, GError **error);

void               styrkort_file_saver_free  (StyrkortFileSaver *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortFileSaver, styrkort_file_saver_free)

G_END_DECLS
