/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of StyrkortProject share: the connection and the edit transaction. */
#pragma once

#include <sqlite3.h>

#include "styrkort-file-lock.h"
#include "styrkort-file-saver.h"
#include "styrkort-project.h"

G_BEGIN_DECLS

/* The object's fields, for its files (styrkort-project.c and
 * styrkort-project-open.c); the other parts use the functions below. */
struct _StyrkortProject {
  GObject parent_instance;

  GFile *file;
  char *path;
  sqlite3 *db;          /* a writable file's copy in memory, a read-only one's file */
  StyrkortFileSaver *saver; /* writes the copy's edits to the file */
  char *save_error;     /* why the last save failed; NULL when all is saved */
  gint64 kept_changes;  /* the copy's changes count when unsaved edits were last copied; -1: never */
  StyrkortFileLock *lock;
  StyrkortHistory *history;
  gboolean read_only;
  char *read_only_reason;
  gboolean exclusive;
  GPtrArray *notices;
  int opened_version;
  guint edit_depth;     /* nested edits join the outermost one */
  gboolean edit_failed; /* an inner edit failed: the outer one rolls back */
  StyrkortChangeOrigin edit_origin; /* of the open edit */
  GHashTable *unlocked; /* "year-tertial" → reason: reported periods open for edits */
  GHashTable *statements; /* reads kept prepared (styrkort_db_statements_new) */
};

sqlite3  *_styrkort_project_get_db (StyrkortProject *self);
StyrkortHistory *_styrkort_project_get_history (StyrkortProject *self);
GHashTable *_styrkort_project_get_unlocked (StyrkortProject *self);
/* Tells views that reported periods or their locks changed. */
void      _styrkort_project_emit_reports_changed (StyrkortProject *self);

/* From now on edits go to a copy of the file in memory, and a thread of
 * the saver writes them to the file (styrkort-project.c). */
gboolean  _styrkort_project_edit_in_memory (StyrkortProject *self, GError **error);

/* The tables whose edits the history records (styrkort-project-open.c). */
const char * const *_styrkort_project_edited_tables (void);
/* Files opened ahead and not yet taken over or closed; with @finished_only,
 * those whose opening has come back (for tests: the worker thread is out
 * of their sight). */
guint     _styrkort_project_count_opened_ahead (gboolean finished_only);

/* Reported periods (styrkort-project-reports.c). */
gint64    _styrkort_project_report_floor (StyrkortProject *self);
/* Before edit @edit_id commits: refuses it if it changes a reported period
 * that is not unlocked, and keeps the reason for those that are. */
gboolean  _styrkort_project_note_reported_changes (StyrkortProject *self, gint64 edit_id, GError **error);

/* One edit = one transaction = one undo step. */
gboolean  _styrkort_project_begin    (StyrkortProject *self, const char *summary, GError **error);
/* Commits the outermost edit and emits ::changed with what it changed. */
gboolean  _styrkort_project_commit   (StyrkortProject *self, GError **error);
void      _styrkort_project_rollback (StyrkortProject *self);

/* A one-statement edit: begin, run @sql, commit. */
gboolean  _styrkort_project_edit     (StyrkortProject *self, const char *summary,
                                      GError **error, const char *sql, const char *types, ...);

typedef gpointer (*StyrkortRowReader) (sqlite3_stmt *stmt);

/* Runs a query (types as in styrkort_db_prepare()) and reads each row with @read. */
GPtrArray *_styrkort_list_rows   (StyrkortProject *self, StyrkortRowReader read, GDestroyNotify free_func,
                                  const char *sql, const char *types, ...);
/* The first record of @rows (which it frees), or NULL. */
gpointer   _styrkort_steal_first (GPtrArray *rows);
/* A one-statement edit that inserts a row; returns its id, or 0. */
gint64     _styrkort_insert_row  (StyrkortProject *self, const char *summary, GError **error,
                                  const char *sql, const char *types, ...);

/* A one-statement edit that deletes row @id of @table. */
gboolean   _styrkort_remove_row   (StyrkortProject *self, const char *summary, const char *table, gint64 id,
                                   GError **error);

gboolean   _styrkort_check_text   (const char *text, const char *what, GError **error);
gboolean   _styrkort_check_period (StyrkortPeriod period, GError **error);
gboolean   _styrkort_check_date   (const char *date, GError **error);

G_END_DECLS
