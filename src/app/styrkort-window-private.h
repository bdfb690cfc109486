/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of StyrkortWindow share: its fields, and the actions that
 * live apart from the window's layout (the start view, export and report). */
#pragma once

#include "styrkort-window.h"

G_BEGIN_DECLS

struct _StyrkortWindow {
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  GtkWidget *content_stack;
  GtkWidget *main_stack;
  GtkWidget *period_dropdown;
  GtkWidget *period_lock;
  GtkWidget *report_label;
  GtkWidget *report_revealer;
  GtkWidget *unlock_button;
  GtkWidget *lock_button;
  GMenu *report_section;
  GtkWidget *read_only_label;
  GtkWidget *read_only_revealer;
  GtkWidget *recent_heading;
  GtkWidget *recent_list;
  GtkWidget *sidebar;
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;

  StyrkortProject *project;
  StyrkortPeriod period;
  GArray *periods;          /* StyrkortPeriod, as in the drop-down */
  GHashTable *dirty;        /* page names shown before the last change */
  gulong changed_id;
  GtkWidget *unlock_dialog; /* while one is open */
};

/* styrkort-window-start.c: the start view, its recent files, New and Open. */
void _styrkort_window_fill_recent               (StyrkortWindow *self);
void _styrkort_window_class_add_start_actions   (GtkWidgetClass *widget_class);

/* styrkort-window-export.c: presenting, slides, the workbook, import, and
 * reported periods. */
void _styrkort_window_class_add_export_actions  (GtkWidgetClass *widget_class);

G_END_DECLS
