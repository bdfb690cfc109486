/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Horizontal bars: units ranked against the city line, and women and men stacked. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-chart-private.h"
#include "styrkort-number.h"

static gint
compare_desc (gconstpointer a, gconstpointer b, gpointer data)
{
  const StyrkortChart *chart = data;
  double va = 0, vb = 0;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  for (guint s = 0; s < chart->series->len; s++)
    {
      double x = chart_series_value (chart->series->pdata[s], ia), y = chart_series_value (chart->series->pdata[s], ib);
      va = isnan (x) || isnan (va) ? (isnan (x) && s == 0 ? NAN : va + (isnan (x) ? 0 : x)) : va + x;
      vb = isnan (y) || isnan (vb) ? (isnan (y) && s == 0 ? NAN : vb + (isnan (y) ? 0 : y)) : vb + y;
    }
  if (isnan (va) != isnan (vb))
    return isnan (va) ? 1 : -1;  /* missing last */
  if (isnan (va))
    return (int) ia - (int) ib;
  return va < vb ? 1 : va > vb ? -1 : (int) ia - (int) ib;
}

/* The widest total printed at a bar's end, so that it stays on the canvas. */
static double
widest_value (Painter *p, GArray *order)
{
  const StyrkortChart *chart = p->chart;
  double widest = painter_text_width (p, _("no figure"));

  for (guint r = 0; r < order->len; r++)
    {
      guint c = g_array_index (order, guint, r);
      double total = NAN;
      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = chart_series_value (chart->series->pdata[s], c);
          if (!isnan (v))
            total = isnan (total) ? v : total + v;
        }
      g_autofree char *label = chart_format_value (chart, total, chart->decimals);
      widest = MAX (widest, painter_text_width (p, label));
    }
  return widest;
}

static void
draw_value_axis_horizontal (Painter *p, GArray *ticks, double x0, double x1, double top, double bottom,
                            double axis_min, double axis_max)
{
  int decimals = styrkort_chart_tick_decimals (ticks);
  double last_end = -INFINITY;

  painter_set_font (p, p->style.body_size * 0.85, FALSE);
  for (guint i = 0; i < ticks->len; i++)
    {
      double t = g_array_index (ticks, double, i);
      double x = x0 + (t - axis_min) / (axis_max - axis_min) * (x1 - x0);
      g_autofree char *label = chart_format_value (p->chart, t, decimals);
      double w = painter_text_width (p, label);
      styrkort_chart_set_colour (p->cr, p->colours->grid);
      cairo_set_line_width (p->cr, p->style.grid_width);
      cairo_move_to (p->cr, x, top);
      cairo_line_to (p->cr, x, bottom);
      cairo_stroke (p->cr);
      /* Skip a label that would touch the previous one or leave the canvas. */
      if (x - w / 2 < last_end + p->style.pad * 0.3 || x + w / 2 > p->width || x - w / 2 < 0)
        continue;
      styrkort_chart_set_colour (p->cr, p->colours->muted);
      painter_draw_line (p, label, x, bottom + p->style.pad * 0.2, ALIGN_CENTER);
      last_end = x + w / 2;
    }
}

/* A ranking says which side of its line is good: bars on the worse side are lighter. */
static gboolean
on_worse_side (const StyrkortChart *chart, double value)
{
  if (chart->better == STYRKORT_BETTER_NONE || isnan (chart->reference) || chart->series->len != 1)
    return FALSE;
  return chart->better == STYRKORT_BETTER_LOWER ? value > chart->reference : value < chart->reference;
}

/* Women's and men's rates side by side in the unit's row, each bar with
 * its figure: rates do not add up, so they are never stacked. */
static void
draw_grouped_row (Painter *p, guint c, double by, double bar_h, double x0, double x1, double axis_min,
                  double axis_max, double font)
{
  const StyrkortChart *chart = p->chart;
  double each = bar_h / chart->series->len;

  painter_set_font (p, MIN (font * 0.85, each * 0.9), FALSE);
  for (guint s = 0; s < chart->series->len; s++)
    {
      StyrkortChartSeries *series = chart->series->pdata[s];
      double v = chart_series_value (series, c), top = by + s * each, xa, xb;
      g_autofree char *label = NULL;
      if (isnan (v))
        continue;
      xa = x0 + (0 - axis_min) / (axis_max - axis_min) * (x1 - x0);
      xb = x0 + (v - axis_min) / (axis_max - axis_min) * (x1 - x0);
      styrkort_chart_set_colour (p->cr, styrkort_chart_palette_series (p->colours, series->role));
      cairo_rectangle (p->cr, MIN (xa, xb), top + each * 0.06, fabs (xb - xa), each * 0.88);
      cairo_fill (p->cr);
      painter_add_mark (p, MIN (xa, xb), top, fabs (xb - xa), each, c, s, v);
      label = chart_format_value (chart, v, chart->decimals);
      styrkort_chart_set_colour (p->cr, p->colours->text);
      painter_draw_line (p, label, MAX (xa, xb) + p->style.pad * 0.2, top + (each - painter_line_height (p)) / 2,
                         ALIGN_START);
    }
}

void
chart_draw_bars (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint n = chart->categories->len;
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_autoptr(GArray) ticks = NULL;
  gboolean grouped = chart->grouped && chart->series->len > 1, stacked = chart->series->len > 1 && !grouped;
  double min, max, axis_min, axis_max, label_w, row_h, x0, x1, axis_h, top, ref_label_h = 0;
  double body = p->style.body_size, font;

  if (n == 0 || !chart_value_range (chart, stacked, &min, &max))
    {
      painter_draw_no_data (p, area);
      return;
    }
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  if (!chart->ordered)
    g_array_sort_with_data (order, compare_desc, (gpointer) chart);
  ticks = styrkort_chart_nice_ticks (min, max, chart_max_ticks (chart, min, max), &axis_min, &axis_max);
  p->layout->axis_min = axis_min;
  p->layout->axis_max = axis_max;

  painter_set_font (p, body * 0.85, FALSE);
  axis_h = painter_line_height (p) + p->style.pad * 0.3;
  if (!isnan (chart->reference))
    ref_label_h = painter_line_height (p) * 1.2;
  top = area.y + ref_label_h;
  row_h = (area.height - axis_h - ref_label_h) / n;
  /* Type shrinks with many rows, but two labels never share a row. */
  font = MIN (body, row_h * 0.75);
  painter_set_font (p, font, FALSE);
  label_w = area.width * 0.34;
  x0 = area.x + label_w + p->style.pad * 0.5;
  x1 = area.x + area.width - widest_value (p, order) - p->style.pad * 0.5;
  p->layout->plot = (StyrkortRect) { x0, top, x1 - x0, row_h * n };
  draw_value_axis_horizontal (p, ticks, x0, x1, top, top + row_h * n, axis_min, axis_max);

  for (guint r = 0; r < n; r++)
    {
      guint c = g_array_index (order, guint, r);
      double y = top + r * row_h, bar_h = row_h * 0.68, by = y + (row_h - bar_h) / 2;
      double start = 0, total = NAN;

      painter_set_font (p, font, FALSE);
      styrkort_chart_set_colour (p->cr, p->colours->text);
      painter_draw_block (p, chart->categories->pdata[c], area.x, y, label_w, row_h, 2, ALIGN_END);
      if (grouped)
        {
          draw_grouped_row (p, c, by, bar_h, x0, x1, axis_min, axis_max, font);
          continue;
        }
      for (guint s = 0; s < chart->series->len; s++)
        {
          StyrkortChartSeries *series = chart->series->pdata[s];
          double v = chart_series_value (series, c), xa, xb;
          if (isnan (v))
            continue;
          total = isnan (total) ? v : total + v;
          xa = x0 + (start - axis_min) / (axis_max - axis_min) * (x1 - x0);
          xb = x0 + (start + v - axis_min) / (axis_max - axis_min) * (x1 - x0);
          styrkort_chart_set_colour (p->cr, on_worse_side (chart, v) ? p->colours->worse
                                                                     : styrkort_chart_palette_series (p->colours, series->role));
          cairo_rectangle (p->cr, MIN (xa, xb), by, fabs (xb - xa), bar_h);
          cairo_fill (p->cr);
          painter_add_mark (p, MIN (xa, xb), by, fabs (xb - xa), bar_h, c, s, v);
          if (stacked)
            {
              g_autofree char *part = chart_format_value (chart, v, chart->decimals);
              painter_set_font (p, font * 0.8, FALSE);
              if (painter_text_width (p, part) + 4 < fabs (xb - xa) && painter_line_height (p) < bar_h)
                {
                  styrkort_chart_set_colour (p->cr, p->colours->background);
                  painter_draw_line (p, part, (xa + xb) / 2, by + (bar_h - painter_line_height (p)) / 2, ALIGN_CENTER);
                }
            }
          start += v;
        }
      painter_set_font (p, font * 0.9, FALSE);
      styrkort_chart_set_colour (p->cr, p->colours->text);
      if (isnan (total))
        painter_draw_line (p, _("no figure"), x0 + p->style.pad * 0.2, y + (row_h - painter_line_height (p)) / 2, ALIGN_START);
      else
        {
          g_autofree char *label = chart_format_value (chart, total, chart->decimals);
          double xe = x0 + (MAX (total, 0) - axis_min) / (axis_max - axis_min) * (x1 - x0);
          double lx = xe + p->style.pad * 0.2;
          /* Step over the city line rather than print across it. */
          if (!isnan (chart->reference))
            {
              double xr = x0 + (chart->reference - axis_min) / (axis_max - axis_min) * (x1 - x0);
              if (xr >= lx - p->style.line_width && xr <= lx + painter_text_width (p, label))
                lx = xr + p->style.pad * 0.25;
              lx = MIN (lx, p->width - p->style.pad * 0.2 - painter_text_width (p, label));
            }
          painter_draw_line (p, label, lx, y + (row_h - painter_line_height (p)) / 2, ALIGN_START);
        }
    }

  if (!isnan (chart->reference))
    {
      double x = x0 + (chart->reference - axis_min) / (axis_max - axis_min) * (x1 - x0);
      g_autofree char *value = chart_format_value (chart, chart->reference, chart->decimals);
      g_autofree char *label = chart->reference_note != NULL
        ? g_strdup_printf ("%s %s · %s", chart->reference_label ? chart->reference_label : "", value, chart->reference_note)
        : g_strdup_printf ("%s %s", chart->reference_label ? chart->reference_label : "", value);
      g_autofree char *fitted = NULL;
      styrkort_chart_set_colour (p->cr, p->colours->reference);
      painter_dashed (p, p->style.line_width * 0.6);
      cairo_move_to (p->cr, x, top - ref_label_h * 0.15);
      cairo_line_to (p->cr, x, top + row_h * n);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      p->layout->reference_position = x;
      painter_set_font (p, body * 0.85, TRUE);
      fitted = painter_ellipsize (p, label, area.width);
      {
        double w = painter_text_width (p, fitted);
        double lx = CLAMP (x - w / 2, area.x, area.x + area.width - w);
        painter_draw_line (p, fitted, lx, area.y, ALIGN_START);
      }
    }
}


guint
chart_sides_legend (const Painter *p, LegendItem *items)
{
  const StyrkortChart *chart = p->chart;

  if (chart->better == STYRKORT_BETTER_NONE || isnan (chart->reference) || chart->series->len != 1)
    return 0;
  items[0] = (LegendItem) { _("Better than the line"), styrkort_chart_palette_series (p->colours, STYRKORT_SERIES_DISTRICT), SWATCH,
                            FALSE, 0, { 0, 0, 0 } };
  items[1] = (LegendItem) { _("Worse than the line"), p->colours->worse, SWATCH, FALSE, 0, { 0, 0, 0 } };
  return 2;
}
