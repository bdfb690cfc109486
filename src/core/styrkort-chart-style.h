/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one place that defines the charts' colours, type and spacing. */
#pragma once

#include <cairo.h>

#include "styrkort-types.h"

/* What a series stands for: decides its colour and line style. */
typedef enum {
  STYRKORT_SERIES_DISTRICT,
  STYRKORT_SERIES_CITY,
  STYRKORT_SERIES_WOMEN,
  STYRKORT_SERIES_MEN,
  STYRKORT_SERIES_OTHER,    /* one of many (districts in the city): thin, grey, behind the rest */
} StyrkortSeriesRole;

/* How a chart is drawn: on a desk screen or projected for a room. */
typedef enum {
  STYRKORT_CHART_SCREEN,
  STYRKORT_CHART_PROJECTED, /* larger type, thicker lines, for 5 m away */
} StyrkortChartMode;

typedef struct {
  double r, g, b;
} StyrkortRgb;

/* The smallest text on a slide, as a part of the screen's height, so that it
 * is read from 5 m: comfortable reading wants a capital at least 16 minutes
 * of arc high (ISO 9241-303 asks 16 at least, 20–22 preferred), 23 mm at 5 m;
 * a meeting room's screen is about 1.1 m high, so a capital of 2.1 % of the
 * height, and a font size (capital ≈ 0.7 of it) of 1/34: 32 px at 1080. */
#define STYRKORT_SLIDE_MIN_TEXT (1.0 / 34.0)

typedef struct {
  StyrkortChartMode mode;
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
 * and cells carry a symbol too). A chart is drawn in the light palette on
 * paper, slides and light windows, and in the dark one in a dark window. */
typedef struct {
  StyrkortRgb text, muted, grid, background;
  StyrkortRgb reference;
  StyrkortRgb highlight;   /* one district picked out among many */
  StyrkortRgb worse;       /* a bar on the worse side of the line */
  StyrkortRgb series[STYRKORT_SERIES_OTHER + 1];
  StyrkortRgb status[STYRKORT_N_STATUSES + 1];     /* last: not assessed */
  StyrkortRgb status_ink[STYRKORT_N_STATUSES + 1]; /* text on those */
} StyrkortChartPalette;

extern const StyrkortChartPalette styrkort_chart_palette_light;
extern const StyrkortChartPalette styrkort_chart_palette_dark;

StyrkortRgb  styrkort_chart_palette_series (const StyrkortChartPalette *palette, StyrkortSeriesRole role);
StyrkortRgb  styrkort_chart_palette_status (const StyrkortChartPalette *palette, int status);  /* -1: none */
StyrkortRgb  styrkort_chart_palette_ink    (const StyrkortChartPalette *palette, int status);

/* The light palette's status colours, for workbooks. */
StyrkortRgb  styrkort_chart_status_colour (int status);       /* -1: no assessment */
StyrkortRgb  styrkort_chart_status_ink    (int status);       /* text on that colour */
/* A status's mark (○ ◐ ● ! –) in the current source, centred, @size tall. */
void         styrkort_chart_draw_status_mark (cairo_t *cr, int status, double cx, double cy, double size);

void styrkort_chart_set_colour (cairo_t *cr, StyrkortRgb colour);

/* The UI font to use for @system_font, the one GTK takes from the system
 * (on Windows the message font): the same when Pango can draw it, otherwise
 * the same size in Pango's sans-serif. Under Wine the message font is
 * Tahoma, which Wine's GDI has but its DirectWrite, all that Pango 1.50 asks
 * on Windows, does not list: every text in the window was a row of boxes.
 * Only Windows is asked; elsewhere fontconfig substitutes. */
char *styrkort_ui_font_name (const char *system_font);

