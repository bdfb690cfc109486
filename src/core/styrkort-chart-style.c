/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one place that defines the charts' colours, type and spacing. */
#include "config.h"

#include <pango/pangocairo.h>

#include "styrkort-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

const StyrkortChartPalette styrkort_chart_palette_light = {
  .text = RGB (0x1a1a1a),
  .muted = RGB (0x505050),
  .grid = RGB (0xd4d4d4),
  .background = RGB (0xffffff),
  .reference = RGB (0x111111),
  .highlight = RGB (0xc23b00), /* orange-red: apart from the blue and the greys */
  .worse = RGB (0x9ecae1),     /* light blue: the same hue, clearly lighter */
  .series = {
    [STYRKORT_SERIES_DISTRICT] = RGB (0x0b5394), /* dark blue */
    [STYRKORT_SERIES_CITY] = RGB (0x1a1a1a),     /* black, dashed */
    [STYRKORT_SERIES_WOMEN] = RGB (0x5d3a9b),    /* purple, dark */
    [STYRKORT_SERIES_MEN] = RGB (0xe66100),      /* orange, light */
    [STYRKORT_SERIES_OTHER] = RGB (0xa8a8a8),    /* grey */
  },
  /* Lightness: not started 95, in progress 79, needs attention 58, established 35. */
  .status = {
    [STYRKORT_STATUS_NOT_STARTED] = RGB (0xf0f0f0),
    [STYRKORT_STATUS_IN_PROGRESS] = RGB (0x9ecae1),
    [STYRKORT_STATUS_ESTABLISHED] = RGB (0x08519c),
    [STYRKORT_STATUS_NEEDS_ATTENTION] = RGB (0xe66100),
    [STYRKORT_N_STATUSES] = RGB (0xffffff),
  },
  .status_ink = {
    [STYRKORT_STATUS_NOT_STARTED] = RGB (0x1a1a1a),
    [STYRKORT_STATUS_IN_PROGRESS] = RGB (0x1a1a1a),
    [STYRKORT_STATUS_ESTABLISHED] = RGB (0xffffff),
    [STYRKORT_STATUS_NEEDS_ATTENTION] = RGB (0xffffff),
    [STYRKORT_N_STATUSES] = RGB (0x1a1a1a),
  },
};

/* On libadwaita's dark view (#1e1e1e): text and lines keep at least 4.5:1
 * (the district's blue 6:1), grid lines stay faint, the worse side of a
 * ranking is the same blue, dimmer; the status cells keep their order of
 * lightness with the established blue raised to 3:1 (as in style-dark.css). */
const StyrkortChartPalette styrkort_chart_palette_dark = {
  .text = RGB (0xf2f2f2),
  .muted = RGB (0xb8b8b8),
  .grid = RGB (0x454545),
  .background = RGB (0x1e1e1e),
  .reference = RGB (0xf2f2f2),
  .highlight = RGB (0xff8c4a),
  .worse = RGB (0x3a6d9e),
  .series = {
    [STYRKORT_SERIES_DISTRICT] = RGB (0x62a0ea),
    [STYRKORT_SERIES_CITY] = RGB (0xf2f2f2),
    [STYRKORT_SERIES_WOMEN] = RGB (0xc89ef0),
    [STYRKORT_SERIES_MEN] = RGB (0xffa348),
    [STYRKORT_SERIES_OTHER] = RGB (0x6e6e6e),
  },
  .status = {
    [STYRKORT_STATUS_NOT_STARTED] = RGB (0xd0d0d0),
    [STYRKORT_STATUS_IN_PROGRESS] = RGB (0x9ecae1),
    [STYRKORT_STATUS_ESTABLISHED] = RGB (0x4a90d9),
    [STYRKORT_STATUS_NEEDS_ATTENTION] = RGB (0xe66100),
    [STYRKORT_N_STATUSES] = RGB (0x303030),
  },
  .status_ink = {
    [STYRKORT_STATUS_NOT_STARTED] = RGB (0x101010),
    [STYRKORT_STATUS_IN_PROGRESS] = RGB (0x101010),
    [STYRKORT_STATUS_ESTABLISHED] = RGB (0x101010),
    [STYRKORT_STATUS_NEEDS_ATTENTION] = RGB (0xffffff),
    [STYRKORT_N_STATUSES] = RGB (0xf2f2f2),
  },
};

void
styrkort_chart_style_init (StyrkortChartStyle *s, double width, double height, StyrkortChartMode mode)
{
  /* One unit is a 1080th of the shorter side, as on a 1920×1080 projector.
   * A chart a little narrower than 16:9 keeps its height's unit: the type
   * of a chart then does not change with each pixel of a window's width,
   * and the fonts loaded for one width serve its neighbours (a size not
   * drawn before costs the chart thread about 5 ms). */
  double unit = (width * 9.0 / 16.0 >= 0.85 * height ? height : width * 9.0 / 16.0) / 1080.0;
  gboolean projected = mode == STYRKORT_CHART_PROJECTED;

  /* A Pango family list: GNOME's font first, then wide coverage (åäö, −, …,
   * ○◐●); any other font that has a missing glyph fills in. */
  s->mode = mode;
  s->font_family = "Cantarell, DejaVu Sans, sans-serif";
  s->title_size = MAX (12, unit * (projected ? 64 : 46));
  s->body_size = MAX (9, unit * (projected ? 40 : 28));
  s->small_size = MAX (8, unit * (projected ? 32 : 22));
  /* On a slide nothing is smaller than the rule for 5 m; on a desk, 7 px. */
  s->min_size = projected ? MIN (height, width * 9.0 / 16.0) * STYRKORT_SLIDE_MIN_TEXT : 7;
  s->pad = MAX (6, unit * (projected ? 36 : 28));
  s->line_width = MAX (1.5, unit * (projected ? 8 : 5));
  s->grid_width = MAX (1, unit * (projected ? 2 : 1.5));
  s->marker_radius = MAX (2.5, unit * (projected ? 12 : 8));
}

StyrkortRgb
styrkort_chart_palette_series (const StyrkortChartPalette *palette, StyrkortSeriesRole role)
{
  return palette->series[CLAMP ((int) role, 0, STYRKORT_SERIES_OTHER)];
}

static int
status_index (int status)
{
  return status >= 0 && status < STYRKORT_N_STATUSES ? status : STYRKORT_N_STATUSES;
}

StyrkortRgb
styrkort_chart_palette_status (const StyrkortChartPalette *palette, int status)
{
  return palette->status[status_index (status)];
}

StyrkortRgb
styrkort_chart_palette_ink (const StyrkortChartPalette *palette, int status)
{
  return palette->status_ink[status_index (status)];
}

StyrkortRgb
styrkort_chart_status_colour (int status)
{
  return styrkort_chart_palette_status (&styrkort_chart_palette_light, status);
}

StyrkortRgb
styrkort_chart_status_ink (int status)
{
  return styrkort_chart_palette_ink (&styrkort_chart_palette_light, status);
}

/* The marks were the glyphs ○ ◐ ● ! –, but Cantarell has no ○◐●: each
 * new size of them made Pango sort every installed font for a fallback
 * (about 6 ms a size, twice in Översikt's first drawing). Drawn, they look
 * the same in any font and on any system. */
void
styrkort_chart_draw_status_mark (cairo_t *cr, int status, double cx, double cy, double size)
{
  double r = size * 0.34, line = MAX (1, size * 0.09);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, line);
  switch (status)
    {
    case STYRKORT_STATUS_NOT_STARTED:
      cairo_arc (cr, cx, cy, r - line / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case STYRKORT_STATUS_IN_PROGRESS: /* ◐: the left half filled */
      cairo_arc (cr, cx, cy, r - line / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, r, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case STYRKORT_STATUS_ESTABLISHED:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case STYRKORT_STATUS_NEEDS_ATTENTION: /* ! */
      cairo_rectangle (cr, cx - line * 0.9, cy - r * 1.2, line * 1.8, r * 1.55);
      cairo_fill (cr);
      cairo_arc (cr, cx, cy + r * 0.95, line * 1.1, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    default: /* –: not assessed */
      cairo_rectangle (cr, cx - r * 0.8, cy - line * 0.6, r * 1.6, line * 1.2);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

void
styrkort_chart_set_colour (cairo_t *cr, StyrkortRgb c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

char *
styrkort_ui_font_name (const char *system_font)
{
#ifdef G_OS_WIN32
  PangoFontDescription *desc = pango_font_description_from_string (system_font);
  const char *family = pango_font_description_get_family (desc);
  PangoFontFamily **families = NULL;
  gboolean found = FALSE;
  char *name;
  int n = 0;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n);
  for (int i = 0; i < n && family != NULL && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0;
  g_free (families);
  if (!found)
    pango_font_description_set_family (desc, "Sans");
  name = pango_font_description_to_string (desc);
  pango_font_description_free (desc);
  return name;
#else
  return g_strdup (system_font);
#endif
}
