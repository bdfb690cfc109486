/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one place that defines the charts' colours, type and spacing. */
#pragma once

#include <cairo.h>

#include "styrkort-chart.h"
#include "styrkort-types.h"

typedef struct {
  double r, g, b;
} StyrkortRgb;

typedef struct {
  const char *font_family;
  double title_size;   /* px */
  double body_size;    /* px: axis, labels, legend */
  double small_size;   /* px: source line */
  double min_size;     /* px: never smaller than this */
  double pad;          /* px: outer margin and gaps */
  double line_width;   /* px: series lines */
  double grid_width;   /* px */
  double marker_radius;
} StyrkortChartStyle;

/* Sizes grow with the canvas; projected charts get larger type and lines. */
void styrkort_chart_style_init (StyrkortChartStyle *style, double width, double height, StyrkortChartMode mode);

/* Colours are chosen to stay apart for colour-blind readers (blue/orange
 * pairs, Okabe–Ito) and in grayscale (each status has its own lightness,
 * and cells carry a symbol too). */
extern const StyrkortRgb styrkort_chart_text;
extern const StyrkortRgb styrkort_chart_muted;
extern const StyrkortRgb styrkort_chart_grid;
extern const StyrkortRgb styrkort_chart_background;
extern const StyrkortRgb styrkort_chart_reference;

StyrkortRgb  styrkort_chart_series_colour (StyrkortSeriesRole role);
StyrkortRgb  styrkort_chart_status_colour (int status);       /* -1: no assessment */
StyrkortRgb  styrkort_chart_status_ink    (int status);       /* text on that colour */
const char  *styrkort_chart_status_symbol (int status);

void styrkort_chart_set_colour (cairo_t *cr, StyrkortRgb colour);
