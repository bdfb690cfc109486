/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lists: lines of text, each with a smaller detail below and a mark (the
 * brief's sections on a slide); as many as fit, then "and N more". */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-chart-private.h"

const char *
chart_list_note (const StyrkortChart *chart, guint i)
{
  return i < chart->cell_notes->len ? chart->cell_notes->pdata[i] : "";
}

/* A line's detail: smaller than its text, but read from as far. */
static double
note_size (Painter *p)
{
  return MAX (p->style.small_size, p->style.body_size * 0.8);
}

/* The height of line @i: its text (two lines at most) and its detail (two). */
static double
item_height (Painter *p, guint i, double width)
{
  g_autoptr(GPtrArray) text = NULL, note = NULL;
  double height;

  painter_set_font (p, p->style.body_size, TRUE);
  text = painter_wrap (p, p->chart->categories->pdata[i], width, 2);
  height = text->len * painter_line_height (p);
  if (*chart_list_note (p->chart, i) != '\0')
    {
      painter_set_font (p, note_size (p), FALSE);
      note = painter_wrap (p, chart_list_note (p->chart, i), width, 2);
      height += note->len * painter_line_height (p);
    }
  return height + p->style.pad * 0.6;
}

void
chart_draw_list (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  double bullet = p->style.marker_radius, text_x = area.x + bullet * 4, width = area.x + area.width - text_x;
  double y = area.y, more_height, used = 0;
  guint n = chart->categories->len, shown = 0;

  if (n == 0)
    {
      painter_set_font (p, p->style.body_size, FALSE);
      styrkort_chart_set_colour (p->cr, p->colours->muted);
      painter_draw_block (p, chart->reference_label ? chart->reference_label : "", area.x, area.y, area.width, 0, 3,
                          ALIGN_START);
      return;
    }
  painter_set_font (p, p->style.body_size, FALSE);
  more_height = painter_line_height (p);
  /* The lines that fit, leaving room for "and N more" unless all fit. */
  for (; shown < n; shown++)
    {
      double h = item_height (p, shown, width);
      double room = area.height - (shown + 1 < n ? more_height : 0);
      if (used + h > room)
        break;
      used += h;
    }
  for (guint i = 0; i < shown; i++)
    {
      int mark = i < chart->cells->len ? g_array_index (chart->cells, int, i) : 0;
      double top = y;

      painter_set_font (p, p->style.body_size, TRUE);
      styrkort_chart_set_colour (p->cr, mark ? p->colours->highlight
                                             : styrkort_chart_palette_series (p->colours, STYRKORT_SERIES_DISTRICT));
      cairo_arc (p->cr, area.x + bullet * 1.5, y + painter_line_height (p) / 2, bullet, 0, 2 * G_PI);
      cairo_fill (p->cr);
      styrkort_chart_set_colour (p->cr, p->colours->text);
      y += painter_draw_block (p, chart->categories->pdata[i], text_x, y, width, 0, 2, ALIGN_START);
      if (*chart_list_note (chart, i) != '\0')
        {
          painter_set_font (p, note_size (p), FALSE);
          styrkort_chart_set_colour (p->cr, p->colours->muted);
          y += painter_draw_block (p, chart_list_note (chart, i), text_x, y, width, 0, 2, ALIGN_START);
        }
      painter_add_mark (p, area.x, top, area.width, y - top, i, 0, mark);
      y += p->style.pad * 0.6;
    }
  if (shown < n)
    {
      /* TRANSLATORS: after the lines that fit on a slide: "och 3 till" */
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more", "and %u more", n - shown), n - shown);
      painter_set_font (p, p->style.body_size, FALSE);
      styrkort_chart_set_colour (p->cr, p->colours->muted);
      painter_draw_line (p, more, text_x, y, ALIGN_START);
    }
}
