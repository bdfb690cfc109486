/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edit history kept in the project file, and undo/redo over it. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "styrkort-changes.h"

G_BEGIN_DECLS

typedef struct _StyrkortHistory StyrkortHistory;

/* One recorded row change, as listed for the user. */
typedef struct {
  gint64 edit_id;
  char *time;       /* ISO 8601, UTC */
  char *summary;    /* what the user did, e.g. "Set value" */
  char *entity;     /* table name */
  gint64 row_id;
  char *old_row;    /* JSON object or NULL (created) */
  char *new_row;    /* JSON object or NULL (deleted) */
  gboolean undone;
} StyrkortHistoryEntry;

void styrkort_history_entry_free (StyrkortHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortHistoryEntry, styrkort_history_entry_free)

/* Installs temporary triggers on @tables that record every row change made
 * while an edit is open. The file itself carries no triggers. */
StyrkortHistory *styrkort_history_new   (sqlite3 *db, const char * const *tables, GError **error);
void             styrkort_history_free  (StyrkortHistory *history);

gboolean  styrkort_history_begin        (StyrkortHistory *history, const char *summary, GError **error);
/* Ends the open edit (recording stops); returns FALSE if it changed nothing. */
gboolean  styrkort_history_end          (StyrkortHistory *history);
gboolean  styrkort_history_is_recording (StyrkortHistory *history);
/* The open edit's id, 0 when none is open. */
gint64    styrkort_history_current      (StyrkortHistory *history);
/* Edits up to @edit_id stay as they are: undo stops after them (a period
 * was reported then). */
void      styrkort_history_set_floor    (StyrkortHistory *history, gint64 edit_id);

gboolean  styrkort_history_can_undo     (StyrkortHistory *history);
gboolean  styrkort_history_can_redo     (StyrkortHistory *history);
char     *styrkort_history_undo_summary (StyrkortHistory *history);
char     *styrkort_history_redo_summary (StyrkortHistory *history);
/* The edit the next undo (redo) applies, 0 when none. */
gint64    styrkort_history_undo_target  (StyrkortHistory *history);
gint64    styrkort_history_redo_target  (StyrkortHistory *history);
/* Apply inside the caller's transaction. */
gboolean  styrkort_history_undo         (StyrkortHistory *history, GError **error);
gboolean  styrkort_history_redo         (StyrkortHistory *history, GError **error);

/* What edit @edit_id changed: its rows, and the figures (indicator and
 * period) of its values and city values, before and after. */
StyrkortChanges *styrkort_history_changes (StyrkortHistory *history, gint64 edit_id, StyrkortChangeOrigin origin);

GPtrArray *styrkort_history_list        (StyrkortHistory *history, guint limit, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortHistory, styrkort_history_free)

G_END_DECLS
