/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A window: the start view, or one district file with its pages. */
#pragma once

#include <adwaita.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_WINDOW (styrkort_window_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortWindow, styrkort_window, STYRKORT, WINDOW, AdwApplicationWindow)

StyrkortWindow  *styrkort_window_new         (GtkApplication *app);
/* Opens @file here; an error shows on the start view and keeps nothing half-open. */
/* Opens @file in a worker thread; the window shows it when it is open, or
 * says why not in a toast (::open-done tells which). */
void             styrkort_window_open        (StyrkortWindow *self, GFile *file);
GFile           *styrkort_window_get_file    (StyrkortWindow *self);
StyrkortProject *styrkort_window_get_project (StyrkortWindow *self);
StyrkortPeriod   styrkort_window_get_period  (StyrkortWindow *self);
void             styrkort_window_set_period  (StyrkortWindow *self, StyrkortPeriod period);
/* Shows a navigation entry: "overview", an area key ("a09"), "figures" or "steering". */
gboolean         styrkort_window_show_page   (StyrkortWindow *self, const char *name);
const char      *styrkort_window_get_page    (StyrkortWindow *self);
/* Whether the page shown is still filling itself in. */
gboolean         styrkort_window_is_busy     (StyrkortWindow *self);
/* Whether pages out of view are still being made ready ahead. */
gboolean         styrkort_window_is_preparing (StyrkortWindow *self);
GtkWidget       *styrkort_window_get_page_widget (StyrkortWindow *self, const char *name);
void             styrkort_window_toast       (StyrkortWindow *self, const char *text, gboolean offer_undo);
/* Asks for the reason to change the shown period, which has been reported. */
void             styrkort_window_ask_unlock  (StyrkortWindow *self);
/* Writes the T2 workbook of the shown period to @target in the background,
 * with a toast while it runs and one that offers to show the folder. */
void             styrkort_window_export_workbook (StyrkortWindow *self, GFile *target);
/* Writes the tertial report (PDF) of the period shown, in a thread. */
void             styrkort_window_export_tertial_report (StyrkortWindow *self, GFile *target);
/* Writes the meeting brief as a PDF (in a thread, from a copy of the file). */
void             styrkort_window_export_brief (StyrkortWindow *self, GFile *target);

G_END_DECLS
