/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: one instance, one window per district file. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_APPLICATION (styrkort_application_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortApplication, styrkort_application, STYRKORT, APPLICATION, AdwApplication)

StyrkortApplication *styrkort_application_new (void);
GSettings *styrkort_application_get_settings (StyrkortApplication *self);
/* Opens @file in its own window, or brings its window forward if it is open. */
void styrkort_application_open_file (StyrkortApplication *self, GFile *file);
/* Makes the demo district afresh in a worker thread (unless a window shows
 * it), then opens it as styrkort_application_open_file() does. */
void styrkort_application_open_demo (StyrkortApplication *self);
void styrkort_application_add_recent (StyrkortApplication *self, GFile *file);

G_END_DECLS
