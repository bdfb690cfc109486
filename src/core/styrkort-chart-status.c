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

static void
draw_rows_by_category (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint rows = chart->categories->len, cols = chart->columns->len;
  double label_w, header_h, row_h, col_w, font, lh;

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
          styrkort_chart_set_colour (p->cr, styrkort_chart_palette_ink (p->colours, status));
          styrkort_chart_draw_status_mark (p->cr, status, x + col_w / 2, y + row_h / 2, MIN (font * 1.1, row_h * 0.6));
        }
    }
}


/* Does @text wrap into @width in at most @lines lines, and no word cut? */
static gboolean
fits_in_lines (Painter *p, const char *text, double width, guint lines)
{
  g_autoptr(GPtrArray) wrapped = painter_wrap (p, text, width, lines);
  for (guint i = 0; i < wrapped->len; i++)
    if (g_str_has_suffix (wrapped->pdata[i], "…"))
      return FALSE;
  return TRUE;
}

static double
widest_word (Painter *p, const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint w = 0; words[w] != NULL; w++)
    widest = MAX (widest, painter_text_width (p, words[w]));
  return widest;
}

/* On a slide the type cannot shrink: the grid as drawn on a desk (a row per
 * area, its title in full) fits only when the titles and headers do. */
static gboolean
rows_by_category_fit (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint rows = chart->categories->len, cols = chart->columns->len;
  double lh, row_h, label_w = area.width * 0.42, col_w = (area.width - label_w) / cols;

  painter_set_font (p, p->style.body_size * 0.8, TRUE);
  lh = painter_line_height (p);
  row_h = (area.height - MIN (lh * 3, area.height * 0.25)) / rows;
  for (guint c = 0; c < cols; c++)
    if (widest_word (p, chart->columns->pdata[c]) > col_w - 6)
      return FALSE;
  painter_set_font (p, p->style.body_size * 0.8, FALSE);
  for (guint r = 0; r < rows; r++)
    if (!fits_in_lines (p, chart->categories->pdata[r], label_w - p->style.pad * 0.4,
                        MIN (2, (guint) floor (row_h / painter_line_height (p)))))
      return FALSE;
  return TRUE;
}

/* A numbered area ("3. Antal medarbetare …") is headed by its number alone:
 * the plan's numbers are how a steering group names its areas. */
static char *
column_heading (const char *category)
{
  const char *dot = category;

  while (g_ascii_isdigit (*dot))
    dot++;
  if (dot > category && g_str_has_prefix (dot, ". "))
    return g_strndup (category, dot - category);
  return g_strdup (category);
}

/* The grid turned: a row per operation, a column per area headed by its
 * number (themes by their name), each column as wide as its heading's
 * longest word. For slides, where the titles cannot be cut or shrunk. */
static void
draw_rows_by_column (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint rows = chart->columns->len, cols = chart->categories->len;
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *width = g_new0 (double, cols);
  double lh, header_h = 0, label_w = 0, total = 0, spare, row_h, x;

  painter_set_font (p, p->style.body_size * 0.8, TRUE);
  lh = painter_line_height (p);
  for (guint c = 0; c < cols; c++)
    {
      g_ptr_array_add (headings, column_heading (chart->categories->pdata[c]));
      width[c] = MAX (widest_word (p, headings->pdata[c]), lh * 1.4) + p->style.pad * 0.4;
      total += width[c];
    }
  painter_set_font (p, p->style.body_size * 0.8, FALSE);
  /* The operations' names on one line each when there is room, else wrapped. */
  for (guint r = 0; r < rows; r++)
    label_w = MAX (label_w, painter_text_width (p, chart->columns->pdata[r]) + p->style.pad * 0.6);
  label_w = MIN (label_w, area.width - total);
  spare = MAX (0, area.width - total - label_w) / cols;
  painter_set_font (p, p->style.body_size * 0.8, TRUE);
  for (guint c = 0; c < cols; c++)
    {
      width[c] += spare;
      g_autoptr(GPtrArray) lines = painter_wrap (p, headings->pdata[c], width[c] - 4, 6);
      header_h = MAX (header_h, lines->len * lh + 1); /* + 1: the block counts whole lines in it */
    }
  row_h = (area.height - header_h - lh * 0.3) / rows;
  p->layout->plot = (StyrkortRect) { area.x + label_w, area.y + header_h, area.width - label_w, row_h * rows };

  styrkort_chart_set_colour (p->cr, p->colours->text);
  x = area.x + label_w;
  for (guint c = 0; c < cols; c++)
    {
      painter_draw_block (p, headings->pdata[c], x + 2, area.y, width[c] - 4, header_h, 6, ALIGN_CENTER);
      x += width[c];
    }
  for (guint r = 0; r < rows; r++)
    {
      double y = area.y + header_h + lh * 0.3 + r * row_h, gap = MAX (1, row_h * 0.06);
      painter_set_font (p, p->style.body_size * 0.8, FALSE);
      styrkort_chart_set_colour (p->cr, p->colours->text);
      painter_draw_block (p, chart->columns->pdata[r], area.x, y, label_w - p->style.pad * 0.4, row_h, 3, ALIGN_END);
      x = area.x + label_w;
      for (guint c = 0; c < cols; c++)
        {
          guint index = c * rows + r;
          int status = index < chart->cells->len ? g_array_index (chart->cells, int, index) : -1;
          styrkort_chart_set_colour (p->cr, styrkort_chart_palette_status (p->colours, status));
          cairo_rectangle (p->cr, x + gap, y + gap, width[c] - 2 * gap, row_h - 2 * gap);
          cairo_fill_preserve (p->cr);
          styrkort_chart_set_colour (p->cr, p->colours->grid);
          cairo_set_line_width (p->cr, 1);
          cairo_stroke (p->cr);
          painter_add_mark (p, x + gap, y + gap, width[c] - 2 * gap, row_h - 2 * gap, c, r, status);
          styrkort_chart_set_colour (p->cr, styrkort_chart_palette_ink (p->colours, status));
          styrkort_chart_draw_status_mark (p->cr, status, x + width[c] / 2, y + row_h / 2, MIN (p->style.body_size, row_h * 0.6));
          x += width[c];
        }
    }
}

void
chart_draw_area_status (Painter *p, StyrkortRect area)
{
  if (p->chart->categories->len == 0 || p->chart->columns->len == 0)
    painter_draw_no_data (p, area);
  else if (p->style.mode == STYRKORT_CHART_PROJECTED && !rows_by_category_fit (p, area))
    draw_rows_by_column (p, area);
  else
    draw_rows_by_category (p, area);
}

guint
chart_status_legend (const Painter *p, LegendItem *items)
{
  guint n = 0;
  for (int s = 0; s < STYRKORT_N_STATUSES; s++)
    items[n++] = (LegendItem) { styrkort_status_label (s), styrkort_chart_palette_status (p->colours, s), SWATCH,
                                TRUE, s, styrkort_chart_palette_ink (p->colours, s) };
  items[n++] = (LegendItem) { _("Not assessed"), styrkort_chart_palette_status (p->colours, -1), SWATCH,
                              TRUE, -1, styrkort_chart_palette_ink (p->colours, -1) };
  return n;
}
