/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window's benchmarks share. */
#pragma once

#include <adwaita.h>

#include "styrkort-application.h"
#include "styrkort-project.h"
#include "styrkort-window.h"

/* For qsort () over doubles. */
int      window_bench_compare   (gconstpointer a, gconstpointer b);
/* Adds @n units "Enhet 01"… to @project, over its operations in turn. */
void     window_bench_add_units (StyrkortProject *project, guint n);
/* styrkort_window_open (), running the main loop until it is open or refused. */
gboolean window_bench_open      (StyrkortWindow *window, GFile *file);
/* As the app starts (locale, GTK, libadwaita), with its data in @folder;
 * returns the application the windows belong to. */
StyrkortApplication *window_bench_init (const char *folder);
/* The demo district at @path, with @extra_units more units. */
void     window_bench_make_demo (const char *path, guint extra_units);
/* Starts measuring how long the main loop runs without waiting: the time
 * from each return of poll () to the next call, that is one stretch of work
 * during which no event is handled and no frame is drawn. */
void     window_bench_stalls_start (void);
/* The longest such stretch since window_bench_stalls_start (), in ms. */
double   window_bench_stalls_longest (void);
