/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trend: one line per series over the periods, with the city and named line ends. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-chart-private.h"
#include "styrkort-number.h"

static double
y_of (double v, double axis_min, double axis_max, StyrkortRect plot)
{
  return plot.y + plot.height - (v - axis_min) / (axis_max - axis_min) * plot.height;
}

/* Trend lines of many districts are told apart by their names at the
 * lines' ends, in a margin kept for them. */
static gboolean
has_others (const StyrkortChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    if (((StyrkortChartSeries *) chart->series->pdata[s])->role == STYRKORT_SERIES_OTHER)
      return TRUE;
  return FALSE;
}

static double
end_labels_width (Painter *p, double at_most)
{
  double widest = 0;

  if (!has_others (p->chart))
    return 0;
  painter_set_font (p, p->style.body_size * 0.7, FALSE);
  for (guint s = 0; s < p->chart->series->len; s++)
    widest = MAX (widest, painter_text_width (p, ((StyrkortChartSeries *) p->chart->series->pdata[s])->name));
  painter_set_font (p, p->style.body_size * 0.85, FALSE);
  return MIN (widest, at_most) + p->style.pad * 0.3;
}

typedef struct {
  double y;        /* where the line ends */
  guint series;
} EndLabel;

static gint
compare_end_labels (gconstpointer a, gconstpointer b)
{
  double ya = ((const EndLabel *) a)->y, yb = ((const EndLabel *) b)->y;
  return ya < yb ? -1 : ya > yb ? 1 : 0;
}

static void
draw_end_labels (Painter *p, StyrkortRect plot, double axis_min, double axis_max)
{
  const StyrkortChart *chart = p->chart;
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (EndLabel));
  double lh, x = plot.x + plot.width + p->style.pad * 0.3, width = p->width - x - p->style.pad * 0.2, last = -INFINITY;

  if (!has_others (chart))
    return;
  for (guint s = 0; s < chart->series->len; s++)
    {
      StyrkortChartSeries *series = chart->series->pdata[s];
      for (guint c = series->values->len; c > 0; c--)
        if (series->role == STYRKORT_SERIES_OTHER && !isnan (chart_series_value (series, c - 1)))
          {
            EndLabel label = { y_of (chart_series_value (series, c - 1), axis_min, axis_max, plot), s };
            g_array_append_val (labels, label);
            break;
          }
    }
  g_array_sort (labels, compare_end_labels);
  painter_set_font (p, p->style.body_size * 0.7, FALSE);
  lh = painter_line_height (p);
  /* Top to bottom, each label at least a line below the one before; those
   * pushed off the plot move back up from its foot. */
  for (guint i = 0; i < labels->len; i++)
    last = g_array_index (labels, EndLabel, i).y = MAX (g_array_index (labels, EndLabel, i).y - lh / 2, last + lh);
  for (guint i = labels->len, bottom = 0; i > 0; i--, bottom++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i - 1);
      label->y = MIN (label->y, plot.y + plot.height - (bottom + 1) * lh + lh / 2);
    }
  for (guint i = 0; i < labels->len; i++)
    {
      const EndLabel *label = &g_array_index (labels, EndLabel, i);
      StyrkortChartSeries *series = chart->series->pdata[label->series];
      g_autofree char *name = painter_ellipsize (p, series->name, width);
      gboolean picked = (int) label->series == chart->highlight;
      painter_set_font (p, p->style.body_size * 0.7, picked);
      styrkort_chart_set_colour (p->cr, picked ? p->colours->highlight : p->colours->muted);
      painter_draw_line (p, name, x, label->y, ALIGN_START);
    }
}

/* A city value with no neighbour has no line to be part of: it is drawn
 * as a short dashed stroke across its period, so that it is seen. */
static void
draw_lone_city_points (Painter *p, guint s, StyrkortRect plot, double step_x, double axis_min, double axis_max)
{
  const StyrkortChartSeries *series = p->chart->series->pdata[s];
  guint n = p->chart->categories->len;

  if (series->role != STYRKORT_SERIES_CITY)
    return;
  for (guint c = 0; c < n; c++)
    {
      double v = chart_series_value (series, c), x = plot.x + (c + 0.5) * step_x, y;
      if (isnan (v) || (c > 0 && !isnan (chart_series_value (series, c - 1))) ||
          (c + 1 < n && !isnan (chart_series_value (series, c + 1))))
        continue;
      y = y_of (v, axis_min, axis_max, plot);
      styrkort_chart_set_colour (p->cr, styrkort_chart_palette_series (p->colours, STYRKORT_SERIES_CITY));
      painter_dashed (p, p->style.line_width * 0.6);
      cairo_move_to (p->cr, x - step_x * 0.35, y);
      cairo_line_to (p->cr, x + step_x * 0.35, y);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      painter_add_mark (p, x - step_x * 0.35, y - p->style.line_width, step_x * 0.7, p->style.line_width * 2, c, s, v);
    }
}

/* A slide is read for its values, with no pointer to hover: the named
 * lines' points carry their figures (the district's first, each where it
 * covers no other text), the city line its latest. */
static void
draw_value_labels (Painter *p, StyrkortRect plot, double step_x, double axis_min, double axis_max)
{
  static const StyrkortSeriesRole order[] = { STYRKORT_SERIES_DISTRICT, STYRKORT_SERIES_WOMEN, STYRKORT_SERIES_MEN,
                                              STYRKORT_SERIES_CITY };
  const StyrkortChart *chart = p->chart;
  guint n = chart->categories->len;
  double r = p->style.marker_radius;

  painter_set_font (p, p->style.body_size * 0.8, TRUE);
  styrkort_chart_set_colour (p->cr, p->colours->text);
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint s = 0; s < chart->series->len; s++)
      {
        const StyrkortChartSeries *series = chart->series->pdata[s];
        gboolean last_only = series->role == STYRKORT_SERIES_CITY || n > 12;
        if (series->role != order[k])
          continue;
        for (guint c = n; c > 0; c--)
          {
            double v = chart_series_value (series, c - 1), x = plot.x + (c - 0.5) * step_x, y;
            g_autofree char *label = NULL;
            if (isnan (v))
              continue;
            y = y_of (v, axis_min, axis_max, plot);
            label = chart_format_value (chart, v, chart->decimals);
            if (!painter_draw_line_if_free (p, label, x, y - r - painter_line_height (p), ALIGN_CENTER, plot))
              painter_draw_line_if_free (p, label, x, y + r, ALIGN_CENTER, plot);
            if (last_only)
              break;
          }
      }
}

void
chart_draw_trend (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint n = chart->categories->len;
  g_autoptr(GArray) ticks = NULL;
  double min, max, axis_min, axis_max, tick_w = 0, lh, step_x, label_every;
  StyrkortRect plot;
  int decimals;

  if (n == 0 || !chart_value_range (chart, FALSE, &min, &max))
    {
      painter_draw_no_data (p, area);
      return;
    }
  ticks = styrkort_chart_nice_ticks (min, max, chart_max_ticks (chart, min, max), &axis_min, &axis_max);
  decimals = styrkort_chart_tick_decimals (ticks);
  p->layout->axis_min = axis_min;
  p->layout->axis_max = axis_max;
  painter_set_font (p, p->style.body_size * 0.85, FALSE);
  lh = painter_line_height (p);
  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *label = chart_format_value (chart, g_array_index (ticks, double, i), decimals);
      tick_w = MAX (tick_w, painter_text_width (p, label));
    }
  plot = (StyrkortRect) { area.x + tick_w + p->style.pad * 0.4, area.y + lh * 0.6,
                          area.width - tick_w - p->style.pad * 0.4 - lh, area.height - lh * 2.6 };
  plot.width -= end_labels_width (p, area.width * 0.22);
  p->layout->plot = plot;

  for (guint i = 0; i < ticks->len; i++)
    {
      double t = g_array_index (ticks, double, i), y = y_of (t, axis_min, axis_max, plot);
      g_autofree char *label = chart_format_value (chart, t, decimals);
      styrkort_chart_set_colour (p->cr, p->colours->grid);
      cairo_set_line_width (p->cr, p->style.grid_width);
      cairo_move_to (p->cr, plot.x, y);
      cairo_line_to (p->cr, plot.x + plot.width, y);
      cairo_stroke (p->cr);
      styrkort_chart_set_colour (p->cr, p->colours->muted);
      painter_draw_line (p, label, plot.x - p->style.pad * 0.3, y - lh / 2, ALIGN_END);
    }

  /* Period labels: "T1" and the year under it when the year changes. */
  /* Each period owns a band and sits in its middle, clear of the tick labels. */
  step_x = plot.width / n;
  label_every = ceil ((painter_text_width (p, "T3") + lh) / MAX (step_x, 1));
  for (guint c = 0; c < n; c++)
    {
      const char *label = chart->categories->pdata[c];
      const char *space = strchr (label, ' ');
      double x = plot.x + (c + 0.5) * step_x;
      g_autofree char *year = space ? g_strndup (label, space - label) : g_strdup (label);
      gboolean new_year = c == 0 || !g_str_has_prefix (chart->categories->pdata[c - 1], year);
      styrkort_chart_set_colour (p->cr, p->colours->muted);
      if (c % (guint) label_every == 0 && space != NULL)
        painter_draw_line (p, space + 1, x, plot.y + plot.height + lh * 0.3, ALIGN_CENTER);
      if (new_year && x + painter_text_width (p, year) / 2 <= p->width - p->style.pad * 0.2 &&
          x - painter_text_width (p, year) / 2 >= 0)
        painter_draw_line (p, year, x, plot.y + plot.height + lh * 1.3, ALIGN_CENTER);
    }

  if (!isnan (chart->reference))
    {
      double y = y_of (chart->reference, axis_min, axis_max, plot);
      g_autofree char *value = chart_format_value (chart, chart->reference, chart->decimals);
      g_autofree char *label = g_strdup_printf ("%s %s", chart->reference_label ? chart->reference_label : "", value);
      styrkort_chart_set_colour (p->cr, styrkort_chart_palette_series (p->colours, STYRKORT_SERIES_DISTRICT));
      painter_dashed (p, p->style.line_width * 0.5);
      cairo_move_to (p->cr, plot.x, y);
      cairo_line_to (p->cr, plot.x + plot.width, y);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      p->layout->reference_position = y;
      painter_set_font (p, p->style.body_size * 0.8, TRUE);
      {
        g_autofree char *fitted = painter_ellipsize (p, label, plot.width);
        double above = y - painter_line_height (p) - 2;
        painter_draw_line (p, fitted, plot.x + plot.width, above < plot.y ? y + 2 : above, ALIGN_END);
      }
    }

  /* Many grey lines first, so that the named ones are drawn over them, and
   * the district picked out last of all. */
  for (guint k = 0; k < chart->series->len * 3; k++)
    {
      guint s = k % chart->series->len, pass = k / chart->series->len;
      StyrkortChartSeries *series = chart->series->pdata[s];
      gboolean picked = (int) s == chart->highlight, pen_down = FALSE;
      if (pass != (picked ? 2u : series->role == STYRKORT_SERIES_OTHER ? 0u : 1u))
        continue;
      styrkort_chart_set_colour (p->cr, picked ? p->colours->highlight : styrkort_chart_palette_series (p->colours, series->role));
      if (series->role == STYRKORT_SERIES_CITY)
        painter_dashed (p, p->style.line_width * 0.6);
      else
        cairo_set_line_width (p->cr, p->style.line_width * (series->role == STYRKORT_SERIES_OTHER && !picked ? 0.4 : 1));
      for (guint c = 0; c < n; c++)
        {
          double v = chart_series_value (series, c);
          double x = plot.x + (c + 0.5) * step_x;
          if (isnan (v))
            {
              pen_down = FALSE; /* missing: a gap, never a drop to zero */
              continue;
            }
          if (pen_down)
            cairo_line_to (p->cr, x, y_of (v, axis_min, axis_max, plot));
          else
            cairo_move_to (p->cr, x, y_of (v, axis_min, axis_max, plot));
          pen_down = TRUE;
        }
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      draw_lone_city_points (p, s, plot, step_x, axis_min, axis_max);
      for (guint c = 0; c < n && series->role != STYRKORT_SERIES_CITY && (series->role != STYRKORT_SERIES_OTHER || picked);
           c++)
        {
          double v = chart_series_value (series, c), r = p->style.marker_radius;
          double x = plot.x + (c + 0.5) * step_x, y;
          if (isnan (v))
            continue;
          y = y_of (v, axis_min, axis_max, plot);
          cairo_arc (p->cr, x, y, r, 0, 2 * G_PI);
          cairo_fill (p->cr);
          painter_add_mark (p, x - r, y - r, 2 * r, 2 * r, c, s, v);
        }
    }
  if (p->style.mode == STYRKORT_CHART_PROJECTED)
    draw_value_labels (p, plot, step_x, axis_min, axis_max);
  draw_end_labels (p, plot, axis_min, axis_max);
}
