/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the kinds of chart share: the painter (text, frame, legend) and the
 * value helpers. Each kind draws in its own file (styrkort-chart-bars.c,
 * -trend.c, -status.c, -goals.c); styrkort_chart_draw() picks one. */
#pragma once

#include <pango/pango.h>

#include "styrkort-chart.h"

typedef struct {
  cairo_t *cr;
  const StyrkortChart *chart;
  StyrkortChartLayout *layout;
  StyrkortChartStyle style;
  const StyrkortChartPalette *colours;
  double width, height;
  PangoLayout *text;          /* the current font, for every piece of text */
  double size;                /* of the current font, in px */
  double ascent, descent;     /* of the current font, in px */
  gboolean bold;              /* the current font is */
  GHashTable *widths;         /* text → its width in the current font */
} Painter;

typedef enum { ALIGN_START, ALIGN_CENTER, ALIGN_END } Align;

typedef enum { SWATCH, LINE_SOLID, LINE_DASHED } LegendShape;

typedef struct {
  const char *label;
  StyrkortRgb colour;
  LegendShape shape;
  gboolean marked;    /* a status's mark on the swatch, for status legends */
  int status;
  StyrkortRgb ink;
} LegendItem;

/* Text: every piece goes through these, so that it is recorded in the layout. */
void        painter_set_font    (Painter *p, double size, gboolean bold);
double      painter_text_width  (Painter *p, const char *text);
double      painter_line_height (Painter *p);
char       *painter_ellipsize   (Painter *p, const char *text, double width);
GPtrArray  *painter_wrap        (Painter *p, const char *text, double width, guint max_lines);
double      painter_draw_line   (Painter *p, const char *text, double x, double top, Align align);
gboolean    painter_draw_line_if_free (Painter *p, const char *text, double x, double top, Align align,
                                       StyrkortRect within);
double      painter_draw_block  (Painter *p, const char *text, double x, double top, double width, double height,
                                 guint max_lines, Align align);
void        painter_add_mark    (Painter *p, double x, double y, double w, double h, guint category, guint series,
                                 double value);
void        painter_dashed      (Painter *p, double width);

/* The frame: background, title, legend and source line; returns the area left for the chart. */
StyrkortRect painter_draw_frame   (Painter *p, const LegendItem *legend, guint n_legend);
void         painter_draw_no_data (Painter *p, StyrkortRect area);

/* Values. */
double   chart_series_value (const StyrkortChartSeries *s, guint i);
char    *chart_format_value (const StyrkortChart *chart, double value, int decimals);
guint    chart_max_ticks    (const StyrkortChart *chart, double min, double max);
gboolean chart_value_range  (const StyrkortChart *chart, gboolean stacked, double *min, double *max);

/* Legends: what each kind explains. */
guint chart_series_legend (const Painter *p, LegendItem *items, guint max);
guint chart_status_legend (const Painter *p, LegendItem *items);
guint chart_sides_legend  (const Painter *p, LegendItem *items);

/* The kinds. */
void chart_draw_bars        (Painter *p, StyrkortRect area);
void chart_draw_trend       (Painter *p, StyrkortRect area);
void chart_draw_area_status (Painter *p, StyrkortRect area);
void chart_draw_goals       (Painter *p, StyrkortRect area);
void chart_draw_list        (Painter *p, StyrkortRect area);
/* A list's detail of line @i, "" when none. */
const char *chart_list_note (const StyrkortChart *chart, guint i);
