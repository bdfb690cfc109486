/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one place that defines the charts' colours, type and spacing. */
#include "config.h"

#include "styrkort-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

const StyrkortRgb styrkort_chart_text = RGB (0x1a1a1a);
const StyrkortRgb styrkort_chart_muted = RGB (0x505050);
const StyrkortRgb styrkort_chart_grid = RGB (0xd4d4d4);
const StyrkortRgb styrkort_chart_background = RGB (0xffffff);
const StyrkortRgb styrkort_chart_reference = RGB (0x111111);
const StyrkortRgb styrkort_chart_highlight = RGB (0xc23b00); /* orange-red: apart from the blue and the greys */
const StyrkortRgb styrkort_chart_worse = RGB (0x9ecae1);     /* light blue: the same hue, clearly lighter */

void
styrkort_chart_style_init (StyrkortChartStyle *s, double width, double height, StyrkortChartMode mode)
{
  /* One unit is a 1080th of the shorter side, as on a 1920×1080 projector. */
  double unit = MIN (height, width * 9.0 / 16.0) / 1080.0;
  gboolean projected = mode == STYRKORT_CHART_PROJECTED;

  /* A Pango family list: GNOME's font first, then wide coverage (åäö, −, …,
   * ○◐●); any other font that has a missing glyph fills in. */
  s->font_family = "Cantarell, DejaVu Sans, sans-serif";
  s->title_size = MAX (12, unit * (projected ? 64 : 46));
  s->body_size = MAX (9, unit * (projected ? 40 : 28));
  s->small_size = MAX (8, unit * (projected ? 30 : 22));
  s->min_size = 7;
  s->pad = MAX (6, unit * (projected ? 36 : 28));
  s->line_width = MAX (1.5, unit * (projected ? 8 : 5));
  s->grid_width = MAX (1, unit * (projected ? 2 : 1.5));
  s->marker_radius = MAX (2.5, unit * (projected ? 12 : 8));
}

StyrkortRgb
styrkort_chart_series_colour (StyrkortSeriesRole role)
{
  static const StyrkortRgb colours[] = {
    [STYRKORT_SERIES_DISTRICT] = RGB (0x0b5394), /* dark blue */
    [STYRKORT_SERIES_CITY] = RGB (0x1a1a1a),     /* black, dashed */
    [STYRKORT_SERIES_WOMEN] = RGB (0x5d3a9b),    /* purple, dark */
    [STYRKORT_SERIES_MEN] = RGB (0xe66100),      /* orange, light */
    [STYRKORT_SERIES_OTHER] = RGB (0xa8a8a8),    /* grey */
  };
  return colours[CLAMP ((int) role, 0, (int) G_N_ELEMENTS (colours) - 1)];
}

/* Lightness: not started 95, in progress 79, needs attention 58, established 35. */
StyrkortRgb
styrkort_chart_status_colour (int status)
{
  static const StyrkortRgb colours[] = {
    [STYRKORT_STATUS_NOT_STARTED] = RGB (0xf0f0f0),
    [STYRKORT_STATUS_IN_PROGRESS] = RGB (0x9ecae1),
    [STYRKORT_STATUS_ESTABLISHED] = RGB (0x08519c),
    [STYRKORT_STATUS_NEEDS_ATTENTION] = RGB (0xe66100),
  };
  static const StyrkortRgb none = RGB (0xffffff);
  return status >= 0 && status < (int) G_N_ELEMENTS (colours) ? colours[status] : none;
}

StyrkortRgb
styrkort_chart_status_ink (int status)
{
  static const StyrkortRgb light = RGB (0xffffff), dark = RGB (0x1a1a1a);
  return status == STYRKORT_STATUS_ESTABLISHED || status == STYRKORT_STATUS_NEEDS_ATTENTION ? light : dark;
}

const char *
styrkort_chart_status_symbol (int status)
{
  switch (status)
    {
    case STYRKORT_STATUS_NOT_STARTED: return "○";
    case STYRKORT_STATUS_IN_PROGRESS: return "◐";
    case STYRKORT_STATUS_ESTABLISHED: return "●";
    case STYRKORT_STATUS_NEEDS_ATTENTION: return "!";
    default: return "–";
    }
}

void
styrkort_chart_set_colour (cairo_t *cr, StyrkortRgb c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}
