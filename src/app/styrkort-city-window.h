/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stadsöversikt: the central office's window over many districts' workbooks. */
#pragma once

#include <adwaita.h>

#include "styrkort-city.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_CITY_WINDOW (styrkort_city_window_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortCityWindow, styrkort_city_window, STYRKORT, CITY_WINDOW, AdwApplicationWindow)

StyrkortCityWindow *styrkort_city_window_new       (GtkApplication *app);
/* Reads workbooks, .styrkort files and folders of them in a worker thread
 * (the window shows the progress and can cancel); problems show in the window. */
void                styrkort_city_window_add_files (StyrkortCityWindow *self, GListModel *files);
gboolean            styrkort_city_window_is_reading (StyrkortCityWindow *self);
StyrkortCity       *styrkort_city_window_get_city  (StyrkortCityWindow *self);
/* Every message shown about the files read, for tests. */
GPtrArray          *styrkort_city_window_get_messages (StyrkortCityWindow *self);

G_END_DECLS
