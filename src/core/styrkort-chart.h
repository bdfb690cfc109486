/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts as plain data, and one drawing path onto any cairo surface. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "styrkort-chart-style.h"

G_BEGIN_DECLS

typedef enum {
  STYRKORT_CHART_TREND,       /* an indicator over periods */
  STYRKORT_CHART_UNITS,       /* one bar per unit, sorted, with the city line */
  STYRKORT_CHART_AREA_STATUS, /* areas × operations, coloured by status */
  STYRKORT_CHART_GOALS,       /* baseline → latest → target per sub-goal */
  STYRKORT_CHART_GENDER,      /* women and men stacked per unit */
  STYRKORT_CHART_LIST,        /* lines of text: categories, each with its detail in
                               * cell_notes and a mark in cells (1: needs attention);
                               * reference_label is said when there are none */
} StyrkortChartKind;

typedef struct {
  char *name;
  StyrkortSeriesRole role;
  GArray *values;           /* double per category, NAN = missing */
} StyrkortChartSeries;

typedef struct {
  StyrkortChartKind kind;
  char *title;
  char *source;             /* "Stadsdel Exempel · 2026 T2" */
  char *page_label;         /* "3 / 11" on a slide, opposite the source; NULL none */
  gboolean percent;         /* values are percentages */
  int decimals;
  GPtrArray *categories;    /* char*: periods, units, areas or sub-goals */
  GPtrArray *series;        /* StyrkortChartSeries* */
  double reference;         /* a horizontal/vertical line (city or target), NAN none */
  char *reference_label;
  char *reference_note;     /* said after the line's value: "place 3 of 14" (the district's among the districts), or NULL */
  gboolean ordered;         /* bars in the categories' order (a ranking), not sorted by value */
  gboolean grouped;         /* bars: the series side by side (rates), not stacked (counts) */
  int highlight;            /* trend: the series picked out in colour, -1 none */
  StyrkortBetter better;    /* bars: which side of the reference line is better, for its colours */
  /* Area status: one row per category, one column per operation. */
  GPtrArray *columns;       /* char* */
  GArray *cells;            /* int per row × column: StyrkortStatus, -1 none */
  GPtrArray *cell_notes;    /* char* per cell, or empty: what a cell rests on (for tooltips) */
  /* Goals: per category baseline, latest and target, and its own unit. */
  GArray *baselines, *latest, *targets; /* double */
} StyrkortChart;

StyrkortChart *styrkort_chart_new   (StyrkortChartKind kind, const char *title, const char *source);
void           styrkort_chart_free  (StyrkortChart *chart);
StyrkortChart *styrkort_chart_copy  (const StyrkortChart *chart);
StyrkortChartSeries *styrkort_chart_add_series (StyrkortChart *chart, const char *name, StyrkortSeriesRole role);
void           styrkort_chart_add_category (StyrkortChart *chart, const char *label);
/* Takes @series out of @chart and frees it. */
void           styrkort_chart_remove_series (StyrkortChart *chart, StyrkortChartSeries *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortChart, styrkort_chart_free)

/* Where things ended up, for tests, tooltips and accessibility. */
typedef struct {
  double x, y, width, height;
} StyrkortRect;

typedef struct {
  StyrkortRect box;
  char *text;
  double size;              /* the font's size in px */
} StyrkortChartText;

typedef struct {
  StyrkortRect box;
  guint category;
  guint series;
  double value;
} StyrkortChartMark;

typedef struct {
  StyrkortRect plot;
  GArray *texts;            /* StyrkortChartText */
  GArray *marks;            /* StyrkortChartMark: bars, points, cells */
  double reference_position; /* pixel of the reference line along the value axis, NAN none */
  double axis_min, axis_max; /* the value axis' range */
} StyrkortChartLayout;

void styrkort_chart_layout_free (StyrkortChartLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortChartLayout, styrkort_chart_layout_free)

/* Draws @chart into the rectangle 0,0 – @width,@height of @cr. Returns where
 * everything went (free with styrkort_chart_layout_free()), or NULL if not wanted. */
StyrkortChartLayout *styrkort_chart_draw (const StyrkortChart *chart, cairo_t *cr,
                                          double width, double height, StyrkortChartMode mode);
/* The same in the colours of @palette (a dark window's charts). */
StyrkortChartLayout *styrkort_chart_draw_in (const StyrkortChart *chart, cairo_t *cr, double width, double height,
                                             StyrkortChartMode mode, const StyrkortChartPalette *palette);

/* The mark under a point, for tooltips; NULL when none. */
const StyrkortChartMark *styrkort_chart_layout_hit (const StyrkortChartLayout *layout, double x, double y);

/* A sentence per value, for screen readers: "Enheten för äldre: 9,6 %". */
char *styrkort_chart_describe (const StyrkortChart *chart);

/* Nice axis ticks from @min to @max: at most @max_ticks, steps of 1, 2, 2.5 or 5 × 10^n. */
GArray *styrkort_chart_nice_ticks (double min, double max, guint max_ticks, double *axis_min, double *axis_max);
/* Decimals for the tick labels: the fewest that write every tick exactly. */
int     styrkort_chart_tick_decimals (GArray *ticks);

typedef enum {
  STYRKORT_EXPORT_PNG,
  STYRKORT_EXPORT_SVG,
  STYRKORT_EXPORT_PDF,
} StyrkortExportFormat;

gboolean styrkort_chart_export (const StyrkortChart *chart, const char *path, StyrkortExportFormat format,
                                double width, double height, StyrkortChartMode mode, GError **error);
/* One chart per page (PDF) or per file (PNG, SVG: PATH-01.png, …). */
gboolean styrkort_chart_export_all (GPtrArray *charts, const char *path, StyrkortExportFormat format,
                                    double width, double height, StyrkortChartMode mode, GError **error);

G_END_DECLS
