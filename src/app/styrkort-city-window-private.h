/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of StyrkortCityWindow share: its fields, and the parts that live apart from its layout
 * (the table, the districts' files, the export commands). */
#pragma once

#include "styrkort-city-window.h"

G_BEGIN_DECLS

struct _StyrkortCityWindow {
  AdwApplicationWindow parent_instance;
  AdwToastOverlay *toasts;
  AdwWindowTitle *title;
  GtkWidget *stack;
  GtkWidget *period_dropdown;
  GtkWidget *indicator_dropdown;
  GtkWidget *district_dropdown;  /* the district picked out in the trend */
  GPtrArray *district_names;     /* its choices after the first ("none") */
  GtkWidget *messages_group;
  GtkWidget *messages_list;
  GtkWidget *table;
  int sort_column;               /* the indicator the table is sorted by, -1: by name */
  gboolean sort_reversed;        /* clicked twice: the other way round */
  GtkWidget *footnotes;        /* under the table: what each city value marked * lacks */
  GtkWidget *sources_row;      /* AdwExpanderRow: the districts' files, each with Remove */
  GPtrArray *source_rows;      /* GtkWidget*: the rows in sources_row */
  GtkWidget *ranking, *trend, *status;
  GtkWidget *reading_bar;      /* revealed while files are read */
  GtkWidget *reading_progress;
  GCancellable *reading;       /* NULL when no files are being read */
  StyrkortCity *city;
  GArray *periods;
  GPtrArray *codes;
  GPtrArray *messages;
};

/* styrkort-city-window.c: the period chosen; the files, table and charts
 * shown again; the periods the city has, the latest T2 chosen. */
StyrkortPeriod _styrkort_city_window_current_period (StyrkortCityWindow *self);
void           _styrkort_city_window_refresh        (StyrkortCityWindow *self);
void           _styrkort_city_window_fill_periods   (StyrkortCityWindow *self);

/* styrkort-city-window-table.c: districts × indicators for @period, and the city row. */
void           _styrkort_city_window_fill_table     (StyrkortCityWindow *self, StyrkortPeriod period);

/* styrkort-city-window-files.c: the districts' files, each with Remove;
 * the bar shown while files are read; Add and Add a Folder. */
void           _styrkort_city_window_fill_sources   (StyrkortCityWindow *self);
GtkWidget     *_styrkort_city_window_reading_bar_new (StyrkortCityWindow *self);
void           _styrkort_city_window_class_add_file_actions (GtkWidgetClass *widget_class);

/* styrkort-city-window-export.c: presenting, slides and the city workbook. */
void           _styrkort_city_window_class_add_export_actions (GtkWidgetClass *widget_class);

G_END_DECLS
