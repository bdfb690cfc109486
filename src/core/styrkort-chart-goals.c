/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sub-goals: baseline → latest → target, one row each. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-chart-private.h"
#include "styrkort-number.h"

static double
array_value (GArray *array, guint i)
{
  return i < array->len ? g_array_index (array, double, i) : NAN;
}

static void
draw_goal_row (Painter *p, guint g, double x0, double x1, double y, double row_h, double font)
{
  const StyrkortChart *chart = p->chart;
  double base = array_value (chart->baselines, g), now = array_value (chart->latest, g);
  double target = array_value (chart->targets, g), lo = INFINITY, hi = -INFINITY, r = p->style.marker_radius;
  double values[] = { base, now, target }, mid = y + row_h * 0.38, lh;
  const char *names[] = { _("baseline"), _("latest"), _("target") };
  double label_end = -INFINITY;

  for (guint i = 0; i < 3; i++)
    if (!isnan (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
      }
  if (isinf (lo))
    {
      painter_set_font (p, font, FALSE);
      styrkort_chart_set_colour (p->cr, p->colours->muted);
      painter_draw_line (p, _("no figures"), x0, y + (row_h - painter_line_height (p)) / 2, ALIGN_START);
      return;
    }
  if (hi - lo < 1e-9)
    {
      lo -= 1;
      hi += 1;
    }
  lo -= (hi - lo) * 0.08;
  hi += (hi - lo) * 0.08;
#define X_OF(v) (x0 + ((v) - lo) / (hi - lo) * (x1 - x0))
  styrkort_chart_set_colour (p->cr, p->colours->grid);
  cairo_set_line_width (p->cr, p->style.line_width);
  cairo_move_to (p->cr, x0, mid);
  cairo_line_to (p->cr, x1, mid);
  cairo_stroke (p->cr);
  if (!isnan (base) && !isnan (now))
    {
      styrkort_chart_set_colour (p->cr, styrkort_chart_palette_series (p->colours, STYRKORT_SERIES_DISTRICT));
      cairo_move_to (p->cr, X_OF (base), mid);
      cairo_line_to (p->cr, X_OF (now), mid);
      cairo_stroke (p->cr);
    }
  painter_set_font (p, font * 0.85, FALSE);
  lh = painter_line_height (p);
  /* Labels in value order, each placed after the previous one. */
  guint order[3] = { 0, 1, 2 };
  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      if (!isnan (values[order[j]]) && (isnan (values[order[i]]) || values[order[j]] < values[order[i]]))
        {
          guint t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
  for (guint k = 0; k < 3; k++)
    {
      guint i = order[k];
      double x;
      g_autofree char *number = NULL, *label = NULL;
      if (isnan (values[i]))
        continue;
      x = X_OF (values[i]);
      styrkort_chart_set_colour (p->cr, i == 0 ? p->colours->muted
                                               : styrkort_chart_palette_series (p->colours, STYRKORT_SERIES_DISTRICT));
      if (i == 2)
        {
          cairo_rectangle (p->cr, x - r * 0.35, mid - r * 1.6, r * 0.7, r * 3.2);
          cairo_fill (p->cr);
        }
      else
        {
          cairo_arc (p->cr, x, mid, r * 1.1, 0, 2 * G_PI);
          if (i == 0)
            {
              styrkort_chart_set_colour (p->cr, p->colours->background);
              cairo_fill_preserve (p->cr);
              styrkort_chart_set_colour (p->cr, p->colours->muted);
              cairo_set_line_width (p->cr, p->style.line_width * 0.6);
              cairo_stroke (p->cr);
            }
          else
            cairo_fill (p->cr);
        }
      painter_add_mark (p, x - r, mid - r, 2 * r, 2 * r, g, i, values[i]);
      /* A count's goal (6 units, 12 places) reads as a whole number. */
      number = styrkort_format_number (values[i], values[i] == floor (values[i]) ? 0 : chart->decimals,
                                       STYRKORT_NUMBER_SWEDISH);
      label = g_strdup_printf ("%s %s", names[i], number);
      {
        double w = painter_text_width (p, label);
        double lx = CLAMP (x - w / 2, MAX (label_end + lh * 0.4, x0 - r), p->width - p->style.pad - w);
        if (lx + w <= p->width && lx >= label_end && y + row_h * 0.55 + lh <= y + row_h)
          {
            styrkort_chart_set_colour (p->cr, p->colours->text);
            painter_draw_line (p, label, lx, y + row_h * 0.55, ALIGN_START);
            label_end = lx + w;
          }
        else
          {
            /* Crowded below (a baseline close to the latest): above the line. */
            StyrkortRect row = { x0 - r, y, p->width - p->style.pad - (x0 - r), mid - r * 1.6 - y };
            styrkort_chart_set_colour (p->cr, p->colours->text);
            painter_draw_line_if_free (p, label, CLAMP (x - w / 2, row.x, row.x + row.width - w),
                                       mid - r * 1.6 - lh, ALIGN_START, row);
          }
      }
    }
#undef X_OF
}

void
chart_draw_goals (Painter *p, StyrkortRect area)
{
  guint n = p->chart->categories->len;
  double label_w = area.width * 0.36, row_h, font;

  if (n == 0)
    {
      painter_draw_no_data (p, area);
      return;
    }
  row_h = area.height / n;
  font = MIN (p->style.body_size, row_h * 0.32);
  p->layout->plot = (StyrkortRect) { area.x + label_w, area.y, area.width - label_w, area.height };
  for (guint g = 0; g < n; g++)
    {
      double y = area.y + g * row_h;
      painter_set_font (p, font, FALSE);
      styrkort_chart_set_colour (p->cr, p->colours->text);
      painter_draw_block (p, p->chart->categories->pdata[g], area.x, y, label_w - p->style.pad, row_h, 3, ALIGN_END);
      draw_goal_row (p, g, area.x + label_w + p->style.marker_radius * 2,
                     area.x + area.width - p->style.marker_radius * 2, y, row_h, font);
    }
}
