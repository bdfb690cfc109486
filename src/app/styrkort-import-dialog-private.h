/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of StyrkortImportDialog share: its fields and helpers. */
#pragma once

#include "styrkort-import-dialog.h"

G_BEGIN_DECLS

struct _StyrkortImportDialog {
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkWidget *import_button;
  GtkWidget *file_group;
  GtkWidget *columns_group;
  GtkWidget *results_box;

  StyrkortProject *project;
  StyrkortImportSource *source;
  StyrkortImportMapping *mapping;
  StyrkortImportPlan *plan;      /* NULL while the mapping is not complete */
  char *problem;                 /* why there is no plan */
  GPtrArray *operations;
  GPtrArray *units;
  GPtrArray *indicators;
  GPtrArray *group_rows;         /* rows we put in file_group and columns_group */
  GtkWidget *reason_row;         /* for reported periods, or NULL */
  GCancellable *reading;         /* another sheet is being read, or NULL */
  guint refresh_id;              /* an idle refresh is queued */
  gboolean refresh_file;         /* it rebuilds the file and column rows too */
};

/* styrkort-import-dialog.c */
/* Rebuilds the results (and with @file_too the file and column rows) once
 * the signal of the row that changed has returned. */
void        _styrkort_import_dialog_queue_refresh  (StyrkortImportDialog *self, gboolean file_too);
GtkWidget  *_styrkort_import_dialog_combo_row      (const char *title, const char *subtitle,
                                                    const char * const *items, guint selected);

/* styrkort-import-results.c */
/* Shows the plan, or why there is none, and enables Import to match. */
void        _styrkort_import_dialog_fill_results   (StyrkortImportDialog *self);
const char *_styrkort_import_dialog_indicator_name (StyrkortImportDialog *self, gint64 id);

G_END_DECLS
