/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Area status: areas × operations as a grid of coloured, marked cells. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-chart-private.h"
#include "styrkort-number.h"

/* A bold font size at which the longest word of @labels fits @width, so
 * that headers wrap between words instead of being cut ("Socialpsykiatri"). */
static double
fit_words (Painter *p, GPtrArray *labels, double width, double size)
{
  double widest = 0;

  painter_set_font (p, size, TRUE);
  for (guint i = 0; i < labels->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (labels->pdata[i], " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        widest = MAX (widest, painter_text_width (p, words[w]));
    }
  /* Not below 60 %: a word that still does not fit gets an ellipsis. */
  return widest > width ? MAX (MAX (p->style.min_size, size * 0.6), size * width / widest) : size;
}

void
chart_draw_area_status (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint rows = chart->categories->len, cols = chart->columns->len;
  double label_w, header_h, row_h, col_w, font, lh;

  if (rows == 0 || cols == 0)
    {
      painter_draw_no_data (p, area);
      return;
    }
  painter_set_font (p, p->style.body_size * 0.8, TRUE);
  lh = painter_line_height (p);
  header_h = MIN (lh * 3, area.height * 0.25);
  row_h = (area.height - header_h) / rows;
  font = MIN (p->style.body_size * 0.8, row_h * 0.7);
  /* Row labels take what they need, up to 42 %: short district names leave
   * the columns room for their headers. */
  painter_set_font (p, font, FALSE);
  label_w = 0;
  for (guint r = 0; r < rows; r++)
    label_w = MAX (label_w, painter_text_width (p, chart->categories->pdata[r]) + p->style.pad * 0.6);
  label_w = MIN (label_w, area.width * 0.42);
  col_w = (area.width - label_w) / cols;
  p->layout->plot = (StyrkortRect) { area.x + label_w, area.y + header_h, col_w * cols, row_h * rows };

  styrkort_chart_set_colour (p->cr, p->colours->text);
  painter_set_font (p, fit_words (p, chart->columns, col_w - 6, p->style.body_size * 0.8), TRUE);
  for (guint c = 0; c < cols; c++)
    painter_draw_block (p, chart->columns->pdata[c], area.x + label_w + c * col_w + 2, area.y, col_w - 4, header_h, 3,
                ALIGN_CENTER);
  for (guint r = 0; r < rows; r++)
    {
      double y = area.y + header_h + r * row_h;
      painter_set_font (p, font, FALSE);
      styrkort_chart_set_colour (p->cr, p->colours->text);
      painter_draw_block (p, chart->categories->pdata[r], area.x, y, label_w - p->style.pad * 0.4, row_h, 2, ALIGN_END);
      for (guint c = 0; c < cols; c++)
        {
          guint index = r * cols + c;
          int status = index < chart->cells->len ? g_array_index (chart->cells, int, index) : -1;
          double x = area.x + label_w + c * col_w, gap = MAX (1, row_h * 0.06);
          styrkort_chart_set_colour (p->cr, styrkort_chart_palette_status (p->colours, status));
          cairo_rectangle (p->cr, x + gap, y + gap, col_w - 2 * gap, row_h - 2 * gap);
          cairo_fill_preserve (p->cr);
          styrkort_chart_set_colour (p->cr, p->colours->grid);
          cairo_set_line_width (p->cr, 1);
          cairo_stroke (p->cr);
          painter_add_mark (p, x + gap, y + gap, col_w - 2 * gap, row_h - 2 * gap, r, c, status);
          painter_set_font (p, MIN (font * 1.1, row_h * 0.6), TRUE);
          styrkort_chart_set_colour (p->cr, styrkort_chart_palette_ink (p->colours, status));
          painter_draw_line (p, styrkort_chart_status_symbol (status), x + col_w / 2, y + (row_h - painter_line_height (p)) / 2,
                     ALIGN_CENTER);
        }
    }
}


guint
chart_status_legend (const Painter *p, LegendItem *items)
{
  guint n = 0;
  for (int s = 0; s < STYRKORT_N_STATUSES; s++)
    items[n++] = (LegendItem) { styrkort_status_label (s), styrkort_chart_palette_status (p->colours, s), SWATCH,
                                styrkort_chart_status_symbol (s), styrkort_chart_palette_ink (p->colours, s) };
  items[n++] = (LegendItem) { _("Not assessed"), styrkort_chart_palette_status (p->colours, -1), SWATCH,
                              styrkort_chart_status_symbol (-1), styrkort_chart_palette_ink (p->colours, -1) };
  return n;
}
