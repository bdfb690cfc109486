/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the tests that drive the window: set-up as the app starts, and
 * waiting on a condition or a drawn frame, never on a fixed time. */
#pragma once

#include <adwaita.h>

#include "styrkort-application.h"
#include "styrkort-window.h"

typedef gboolean (*UiTestDone) (gconstpointer data);

/* As the app starts: the user's locale and language (the Swedish run drives
 * the Swedish UI), GTK and libadwaita. Call first in main(). */
void            ui_test_init        (int *argc, char ***argv);
/* g_test_add_func () for the tests that drive windows: GTK's tooltip
 * criticals (see ui-test-util.c) are tolerated from the test's start, not
 * only once it waits (GTest drops the handler as each test starts). */
void            ui_test_add         (const char *path, GTestFunc test);

/* styrkort_window_open(), waiting until the file is open or refused. */
gboolean        ui_test_open        (StyrkortWindow *window, GFile *file);
/* A window on the demo district made at BUILDDIR/tmp…/@name, presented at
 * @width × @height and drawn once. *@path: the district file. */
StyrkortWindow *ui_test_demo_window (StyrkortApplication **app, const char *name, int width, int height,
                                     char **path);

/* Runs the main loop until @done says so; FALSE after 20 s. Between looks it
 * waits for the next event, or 5 ms when the condition lies outside the
 * loop (a file another thread writes). */
gboolean        ui_test_wait_for    (UiTestDone done, gconstpointer data);
/* The same, for background work of some seconds (under ASan, ten times as long). */
gboolean        ui_test_wait_for_within (UiTestDone done, gconstpointer data, int seconds);
/* Dispatches everything pending, without waiting. */
void            ui_test_drain       (void);
/* Everything pending dispatched and a frame of @widget's window drawn after
 * it (when the window is shown): what a change made to it now looks like. */
void            ui_test_settle      (GtkWidget *widget);
/* The first widget under @root, depth first, that @match accepts. */
typedef gboolean (*UiTestMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget      *ui_test_find_widget        (GtkWidget *root, UiTestMatch match, gconstpointer data);
gboolean        ui_test_is_button_labelled (GtkWidget *widget, gconstpointer label);
gboolean        ui_test_is_button_tipped   (GtkWidget *widget, gconstpointer tip);
gboolean        ui_test_is_row_titled      (GtkWidget *widget, gconstpointer title);
/* The last toplevel window of @type that is visible (and mapped, when
 * @mapped), or NULL. */
GtkWidget      *ui_test_find_toplevel      (GType type, gboolean mapped);
/* Conditions over ui_test_find_toplevel (*(GType *) @type, TRUE): shown, gone. */
gboolean        ui_test_toplevel_shown     (gconstpointer type);
gboolean        ui_test_toplevel_gone      (gconstpointer type);
/* A condition: an import dialog is shown; sets *(StyrkortImportDialog **) @dialog. */
gboolean        ui_test_import_dialog_shown (gconstpointer dialog);

/* @widget as drawn, in BUILDDIR/tests/screens/@name. */
/* @widget as drawn once everything pending is done (a new texture). */
GdkTexture     *ui_test_render      (GtkWidget *widget);
void            ui_test_save_png    (GtkWidget *widget, const char *name);

/* Query the file at @path once @window's edits are all in it (a thread
 * writes them a moment after they are made). */
gint64          ui_test_file_int    (StyrkortWindow *window, const char *path, const char *sql);
char           *ui_test_file_text   (StyrkortWindow *window, const char *path, const char *sql);
