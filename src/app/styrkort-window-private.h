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
  GMenu *main_menu;
  GtkWidget *menu_button;
  GtkWidget *period_dropdown;
  GtkWidget *period_lock;
  GtkWidget *report_label;
  GtkWidget *report_revealer;
  GtkWidget *unlock_button;
  GtkWidget *lock_button;
  GMenu *report_section;
  GtkWidget *banner_label;    /* why the file is read-only, or not saved */
  GtkWidget *banner_revealer;
  GtkWidget *recent_heading;
  GtkWidget *recent_list;
  GCancellable *recent_check; /* while the recent files are looked for */
  GtkWidget *sidebar;
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;

  StyrkortProject *project;
  StyrkortPeriod period;
  GArray *periods;          /* StyrkortPeriod, as in the drop-down */
  GHashTable *dirty;        /* page names filled in before the last change */
  GHashTable *pending;      /* page name → StyrkortChanges it has not shown yet (out of view) */
  guint prepare_id;         /* making the next page ready ahead */
  gulong prepare_paint_id;  /* waiting for a frame before that */
  gulong prepare_map_id;    /* waiting for the window to be on screen */
  GdkFrameClock *prepare_clock;
  char *first_page_state;   /* kept with the first page's chart sizes after the first frame */
  gint64 prepare_from;      /* not before (monotonic time) */
  GtkWidget *prepared;      /* worked on in the last turn, shown to GTK until the next */
  gulong changed_id;
  gulong save_error_id;
  gboolean closing_unsaved; /* the user chose to close although saving failed */
  GtkWidget *unlock_dialog; /* while one is open */

  /* A file being opened in a worker thread (styrkort-window-start.c). */
  GCancellable *opening;
  GFile *opening_file;
  GtkWidget *opening_page;
  GtkWidget *opening_spinner;
  guint opening_reveal_id;
};

/* styrkort-window.c: shows @project, just opened from @file; emits ::open-done. */
void _styrkort_window_show_project              (StyrkortWindow *self, GFile *file, StyrkortProject *project);
void _styrkort_window_open_failed               (StyrkortWindow *self, const GError *error);

/* styrkort-window-start.c: the start view, its recent files, New and Open,
 * and opening a file in a worker thread. */
void _styrkort_window_fill_recent               (StyrkortWindow *self);
void _styrkort_window_cancel_opening            (StyrkortWindow *self);
/* Asks whether to close although the last changes could not be saved. */
void _styrkort_window_ask_close_unsaved         (StyrkortWindow *self, const GError *error);
void _styrkort_window_class_add_start_actions   (GtkWidgetClass *widget_class);

/* styrkort-window-pages.c: making, updating and making ready the pages. */
void _styrkort_window_refresh_visible_page      (StyrkortWindow *self);
void _styrkort_window_mark_pages_dirty          (StyrkortWindow *self);
void _styrkort_window_update_pages              (StyrkortWindow *self, StyrkortChanges *changes);
void _styrkort_window_remove_pages              (StyrkortWindow *self);
void _styrkort_window_draw_first_page_ahead    (StyrkortWindow *self);
void _styrkort_window_prepare_pages             (StyrkortWindow *self);
void _styrkort_window_stop_preparing            (StyrkortWindow *self);
void _styrkort_window_watch_input               (StyrkortWindow *self);

/* styrkort-window-export.c: presenting, slides, the workbook, import, and
 * reported periods. */
void _styrkort_window_class_add_export_actions  (GtkWidgetClass *widget_class);

G_END_DECLS
