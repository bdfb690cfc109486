/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The slide set: choosing and ordering it, exporting it, printing a handout. */
#pragma once

#include <gtk/gtk.h>

#include "styrkort-chart.h"
#include "styrkort-project.h"

G_BEGIN_DECLS

void styrkort_slides_choose       (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period);
void styrkort_slides_export       (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period);
void styrkort_slides_export_chart (GtkWindow *parent, const StyrkortChart *chart);
/* Asks where, then writes @charts (taken) as PNG/SVG files or one PDF. */
void styrkort_slides_export_charts (GtkWindow *parent, GPtrArray *charts, const char *suggested_name);
/* Writes @charts (taken) to @file in a worker thread; a toast says when. */
void styrkort_slides_export_charts_to (GtkWindow *parent, GPtrArray *charts, GFile *file);
void styrkort_slides_print        (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period);

/* The slides of a meeting: the brief's sections (Inför mötet) first, one
 * slide each, then the chosen charts (or the default ones). */
GPtrArray *styrkort_slides_new_for_meeting (StyrkortProject *project, StyrkortPeriod period);

/* The export format a file name asks for (by its extension), PNG if none. */
StyrkortExportFormat styrkort_slides_format_for_name (const char *name);

G_END_DECLS
