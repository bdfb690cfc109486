/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The painter every kind of chart draws with: text through Pango (wrapped,
 * shortened and recorded for tests), the frame with title, legend and source
 * line, and the value range. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "styrkort-chart-private.h"
#include "styrkort-number.h"

double
chart_series_value (const StyrkortChartSeries *s, guint i)
{
  return i < s->values->len ? g_array_index (s->values, double, i) : NAN;
}


char *
chart_format_value (const StyrkortChart *chart, double value, int decimals)
{
  g_autofree char *number = styrkort_format_number (value, decimals, STYRKORT_NUMBER_SWEDISH);
  return chart->percent && !isnan (value) ? g_strconcat (number, "\u00a0%", NULL) : g_steal_pointer (&number);
}


/* Counts get whole-number ticks: at most one tick per unit of value. */
guint
chart_max_ticks (const StyrkortChart *chart, double min, double max)
{
  if (chart->decimals == 0 && !chart->percent)
    return (guint) CLAMP (ceil (max - min), 1, 6);
  return 6;
}

/* The fewest decimals that write every tick exactly: a step of 2,5 needs
 * one, or the labels (0, 3, 5, 8, 10) would not say where the gridlines are. */

/* Text ------------------------------------------------------------------- */

/* Text goes through Pango: the family list falls back to any installed
 * font that has a glyph (cairo's toy API drew boxes for a missing glyph and
 * needed one hard-coded family). */
/* Ascent and descent of a font, kept: pango_context_get_metrics () matches
 * the font and shapes a sample text each time (half of a chart's drawing
 * before this). They are kept per face, measured once at a large size and
 * scaled: charts use many sizes (fitted to their space), and each new size
 * measured cost a chart drawn for the first time a quarter of its time.
 * Charts are drawn in worker threads too, hence the lock. */
typedef struct {
  double ascent;
  double descent;
} FontHeights;

#define MAX_KEPT_FONTS 256
#define MEASURED_SIZE 64.0

static FontHeights
font_heights (PangoContext *context, const PangoFontDescription *font)
{
  static GMutex lock;
  static GHashTable *kept;
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  g_autoptr(PangoFontDescription) face = pango_font_description_copy (font);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  g_autofree char *description = NULL;
  g_autofree char *key = NULL;
  FontHeights *heights;
  FontHeights found;

  pango_font_description_set_absolute_size (face, MEASURED_SIZE * PANGO_SCALE);
  description = pango_font_description_to_string (face);
  key = g_strdup_printf ("%s|%lx|%a", description, options != NULL ? cairo_font_options_hash (options) : 0UL,
                         pango_cairo_context_get_resolution (context));
  g_mutex_lock (&lock);
  if (kept == NULL || g_hash_table_size (kept) >= MAX_KEPT_FONTS)
    {
      g_clear_pointer (&kept, g_hash_table_unref);
      kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  heights = g_hash_table_lookup (kept, key);
  if (heights == NULL)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, face, NULL);
      heights = g_new (FontHeights, 1);
      heights->ascent = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE / MEASURED_SIZE;
      heights->descent = (double) pango_font_metrics_get_descent (metrics) / PANGO_SCALE / MEASURED_SIZE;
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (kept, g_steal_pointer (&key), heights);
    }
  found = (FontHeights) { heights->ascent * size, heights->descent * size };
  g_mutex_unlock (&lock);
  return found;
}

void
painter_set_font (Painter *p, double size, gboolean bold)
{
  g_autoptr(PangoFontDescription) font = NULL;
  FontHeights heights;

  /* In half pixels, rounded down (text fitted to a width still fits): each
   * size is a font of its own to load, measure and draw the letters of, so
   * charts a pixel apart in size draw with the fonts already loaded. */
  size = MAX (floor (size * 2) / 2, p->style.min_size);
  if (size == p->size && bold == p->bold)
    return;
  /* Widths are measured once per font: wrapping and ellipsizing measure
   * the same lines and words again and again. */
  g_hash_table_remove_all (p->widths);
  font = pango_font_description_from_string (p->style.font_family);
  p->size = size;
  p->bold = bold;
  pango_font_description_set_absolute_size (font, p->size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (p->text, font);
  heights = font_heights (pango_layout_get_context (p->text), font);
  p->ascent = heights.ascent;
  p->descent = heights.descent;
}

double
painter_text_width (Painter *p, const char *text)
{
  PangoRectangle logical;
  double *width;

  if ((width = g_hash_table_lookup (p->widths, text)) != NULL)
    return *width;
  pango_layout_set_text (p->text, text, -1);
  pango_layout_get_extents (p->text, NULL, &logical);
  width = g_new (double, 1);
  *width = (double) logical.width / PANGO_SCALE;
  g_hash_table_insert (p->widths, g_strdup (text), width);
  return *width;
}

double
painter_line_height (Painter *p)
{
  return p->ascent + p->descent;
}

/* The first @n characters of @text without trailing spaces. */
static char *
trimmed_head (const char *text, glong n)
{
  char *head = g_utf8_substring (text, 0, n);
  return g_strchomp (head);
}

static gboolean
head_fits (Painter *p, const char *text, glong n, double width)
{
  g_autofree char *trimmed = trimmed_head (text, n);
  g_autofree char *candidate = g_strconcat (trimmed, "…", NULL);
  return painter_text_width (p, candidate) <= width;
}

/* Shortens @text with "…" until it fits @width: at a space where that
 * keeps most of the text, else between characters. The longest head that
 * fits is found by halving (a longer head is never narrower), not by
 * trying one character less at a time: a long unit name in a narrow bar
 * label took hundreds of measurements. */
char *
painter_ellipsize (Painter *p, const char *text, double width)
{
  glong full = g_utf8_strlen (text, -1), low = 0, high = full - 1, n = -1;
  g_autofree char *trimmed = NULL;
  const char *space;

  if (painter_text_width (p, text) <= width)
    return g_strdup (text);
  while (low <= high)
    {
      glong middle = low + (high - low) / 2;
      if (head_fits (p, text, middle, width))
        {
          n = middle;
          low = middle + 1;
        }
      else
        high = middle - 1;
    }
  if (n < 0)
    return g_strdup ("…");
  trimmed = trimmed_head (text, n);
  space = strrchr (trimmed, ' ');
  if (space != NULL && g_utf8_strlen (trimmed, space - trimmed) >= n * 2 / 3 && n < full)
    {
      g_autofree char *word_head = g_strndup (trimmed, space - trimmed);
      return g_strconcat (g_strchomp (word_head), "…", NULL);
    }
  return g_strconcat (trimmed, "…", NULL);
}

/* Breaks @text into at most @max_lines lines of @width at spaces; never in
 * the middle of a word unless a single word is wider than the line (then it
 * is shortened with an ellipsis). The last line gets an ellipsis when text
 * is left over. */
GPtrArray *
painter_wrap (Painter *p, const char *text, double width, guint max_lines)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  double space = painter_text_width (p, " "), line_width = 0;
  guint i = 0;

  max_lines = MAX (max_lines, 1);
  /* A line is as wide as its words and spaces (each measured once): the
   * sum decides where it breaks, half a pixel to spare for kerning across
   * a space; measuring every longer head of the line shaped it again and
   * again (40 % of the status chart's drawing). */
  for (; words[i] != NULL; i++)
    {
      double word = painter_text_width (p, words[i]);
      if (line->len == 0 || line_width + space + word <= width - 0.5)
        {
          line_width = line->len == 0 ? word : line_width + space + word;
          if (line->len > 0)
            g_string_append_c (line, ' ');
          g_string_append (line, words[i]);
          continue;
        }
      if (lines->len + 1 == max_lines)
        break;
      g_ptr_array_add (lines, painter_ellipsize (p, line->str, width));
      g_string_assign (line, words[i]);
      line_width = word;
    }
  if (words[i] != NULL)
    {
      /* Text left over: the last line ends in an ellipsis (it cannot fit). */
      g_autofree char *rest = g_strjoinv (" ", words + i);
      g_autofree char *joined = g_strconcat (line->str, " ", rest, NULL);
      g_ptr_array_add (lines, painter_ellipsize (p, joined, width));
    }
  else if (line->len > 0)
    g_ptr_array_add (lines, painter_ellipsize (p, line->str, width));
  return lines;
}

static void
painter_record_text (Painter *p, const char *text, double x, double y, double w, double h)
{
  StyrkortChartText t = { { x, y, w, h }, g_strdup (text), p->size };
  if (p->layout != NULL)
    g_array_append_val (p->layout->texts, t);
}

/* Draws one line with its top-left/centre/right at @x, @top. Returns its height. */
double
painter_draw_line (Painter *p, const char *text, double x, double top, Align align)
{
  double w = painter_text_width (p, text), baseline;

  /* Usually just measured, and so laid out already. */
  if (g_strcmp0 (pango_layout_get_text (p->text), text) != 0)
    pango_layout_set_text (p->text, text, -1);
  baseline = (double) pango_layout_get_baseline (p->text) / PANGO_SCALE;

  if (align == ALIGN_CENTER)
    x -= w / 2;
  else if (align == ALIGN_END)
    x -= w;
  /* The line's baseline where the font's ascent puts it, whatever the text. */
  cairo_move_to (p->cr, x, top + p->ascent - baseline);
  pango_cairo_show_layout (p->cr, p->text);
  cairo_new_path (p->cr); /* no line from the text's end to the next shape */
  painter_record_text (p, text, x, top, w, painter_line_height (p));
  return painter_line_height (p);
}

static gboolean
boxes_meet (const StyrkortRect *a, const StyrkortRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Draws one line as painter_draw_line() does, but only where it stays
 * inside @within and covers no text drawn before; returns whether it did. */
gboolean
painter_draw_line_if_free (Painter *p, const char *text, double x, double top, Align align, StyrkortRect within)
{
  double w = painter_text_width (p, text);
  StyrkortRect box = { align == ALIGN_CENTER ? x - w / 2 : align == ALIGN_END ? x - w : x, top, w,
                       painter_line_height (p) };

  if (box.x < within.x || box.y < within.y || box.x + box.width > within.x + within.width ||
      box.y + box.height > within.y + within.height)
    return FALSE;
  for (guint i = 0; i < p->layout->texts->len; i++)
    if (boxes_meet (&box, &g_array_index (p->layout->texts, StyrkortChartText, i).box))
      return FALSE;
  painter_draw_line (p, text, x, top, align);
  return TRUE;
}

/* Draws @text wrapped into @width, at most @max_lines, centred vertically in
 * @height when @height > 0. Returns the height used. */
double
painter_draw_block (Painter *p, const char *text, double x, double top, double width, double height,
            guint max_lines, Align align)
{
  g_autoptr(GPtrArray) lines = NULL;
  double lh = painter_line_height (p), y;

  if (height > 0)
    max_lines = MIN (max_lines, (guint) MAX (1, floor (height / lh)));
  lines = painter_wrap (p, text, width, max_lines);
  y = height > 0 ? top + (height - lines->len * lh) / 2 : top;
  for (guint i = 0; i < lines->len; i++)
    y += painter_draw_line (p, lines->pdata[i], align == ALIGN_CENTER ? x + width / 2 : align == ALIGN_END ? x + width : x,
                    y, align);
  return lines->len * lh;
}

void
painter_add_mark (Painter *p, double x, double y, double w, double h, guint category, guint series, double value)
{
  StyrkortChartMark m = { { x, y, w, h }, category, series, value };
  if (p->layout != NULL)
    g_array_append_val (p->layout->marks, m);
}

/* Frame: title, legend, source line ------------------------------------- */

static double
painter_draw_legend (Painter *p, const LegendItem *items, guint n, double top)
{
  double x = p->style.pad, size, lh, row = 0;

  painter_set_font (p, p->style.body_size * 0.85, FALSE);
  lh = painter_line_height (p);
  size = lh * 0.8;
  for (guint i = 0; i < n; i++)
    {
      double w = size + lh * 0.3 + painter_text_width (p, items[i].label) + lh;
      if (x > p->style.pad && x + w > p->width - p->style.pad)
        {
          x = p->style.pad;
          row += lh * 1.2;
        }
      styrkort_chart_set_colour (p->cr, items[i].colour);
      if (items[i].shape != SWATCH)
        {
          double dash[] = { size / 4, size / 6 };
          cairo_set_dash (p->cr, dash, items[i].shape == LINE_DASHED ? 2 : 0, 0);
          cairo_set_line_width (p->cr, p->style.line_width);
          cairo_move_to (p->cr, x, top + row + lh / 2);
          cairo_line_to (p->cr, x + size, top + row + lh / 2);
          cairo_stroke (p->cr);
          cairo_set_dash (p->cr, NULL, 0, 0);
        }
      else
        {
          cairo_rectangle (p->cr, x, top + row + (lh - size) / 2, size, size);
          cairo_fill_preserve (p->cr);
          styrkort_chart_set_colour (p->cr, p->colours->muted);
          cairo_set_line_width (p->cr, 1);
          cairo_stroke (p->cr);
          if (items[i].marked)
            {
              styrkort_chart_set_colour (p->cr, items[i].ink);
              styrkort_chart_draw_status_mark (p->cr, items[i].status, x + size / 2, top + row + lh / 2, size * 0.7);
            }
        }
      styrkort_chart_set_colour (p->cr, p->colours->text);
      painter_draw_line (p, items[i].label, x + size + lh * 0.3, top + row, ALIGN_START);
      x += w;
    }
  return n > 0 ? row + lh * 1.4 : 0;
}

/* Draws the background, title and source line; returns the free area. */
StyrkortRect
painter_draw_frame (Painter *p, const LegendItem *legend, guint n_legend)
{
  double pad = p->style.pad, top = pad, bottom, source_width = p->width - 2 * pad;

  styrkort_chart_set_colour (p->cr, p->colours->background);
  cairo_rectangle (p->cr, 0, 0, p->width, p->height);
  cairo_fill (p->cr);

  styrkort_chart_set_colour (p->cr, p->colours->text);
  painter_set_font (p, p->style.title_size, TRUE);
  top += painter_draw_block (p, p->chart->title ? p->chart->title : "", pad, top, p->width - 2 * pad, 0, 2, ALIGN_START);
  top += pad * 0.5;
  top += painter_draw_legend (p, legend, n_legend, top);

  painter_set_font (p, p->style.small_size, FALSE);
  bottom = p->height - pad - painter_line_height (p);
  if (p->chart->page_label != NULL)
    {
      source_width -= painter_text_width (p, p->chart->page_label) + pad;
      styrkort_chart_set_colour (p->cr, p->colours->muted);
      painter_draw_line (p, p->chart->page_label, p->width - pad, bottom, ALIGN_END);
    }
  if (p->chart->source != NULL)
    {
      g_autofree char *source = painter_ellipsize (p, p->chart->source, source_width);
      styrkort_chart_set_colour (p->cr, p->colours->muted);
      painter_draw_line (p, source, pad, bottom, ALIGN_START);
    }
  return (StyrkortRect) { pad, top, p->width - 2 * pad, MAX (0, bottom - pad * 0.5 - top) };
}

void
painter_draw_no_data (Painter *p, StyrkortRect area)
{
  painter_set_font (p, p->style.body_size, FALSE);
  styrkort_chart_set_colour (p->cr, p->colours->muted);
  painter_draw_block (p, _("No figures for this period yet"), area.x, area.y, area.width, area.height, 2, ALIGN_CENTER);
}

void
painter_dashed (Painter *p, double width)
{
  double dash[] = { width * 3, width * 2 };
  cairo_set_dash (p->cr, dash, 2, 0);
  cairo_set_line_width (p->cr, width);
}

/* The value range of all series (and the reference line); FALSE if empty. */
gboolean
chart_value_range (const StyrkortChart *chart, gboolean stacked, double *min, double *max)
{
  *min = 0;
  *max = -INFINITY;
  for (guint c = 0; c < chart->categories->len; c++)
    {
      double sum = 0;
      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = chart_series_value (chart->series->pdata[s], c);
          if (isnan (v))
            continue;
          sum += v;
          *min = MIN (*min, stacked ? MIN (sum, v) : v);
          *max = MAX (*max, stacked ? sum : v);
        }
    }
  if (isinf (*max))
    return FALSE;
  if (!isnan (chart->reference))
    {
      *max = MAX (*max, chart->reference);
      *min = MIN (*min, chart->reference);
    }
  return TRUE;
}

guint
chart_series_legend (const Painter *p, LegendItem *items, guint max)
{
  const StyrkortChart *chart = p->chart;
  guint n = 0;
  gboolean others = FALSE;
  for (guint s = 0; s < chart->series->len && n < max; s++)
    {
      StyrkortChartSeries *series = chart->series->pdata[s];
      /* Many grey lines share one legend entry. */
      if (series->role == STYRKORT_SERIES_OTHER && others)
        continue;
      others |= series->role == STYRKORT_SERIES_OTHER;
      items[n++] = (LegendItem) { series->role == STYRKORT_SERIES_OTHER ? _("Districts") : series->name,
                                  styrkort_chart_palette_series (p->colours, series->role),
                                  chart->kind == STYRKORT_CHART_TREND ? (series->role == STYRKORT_SERIES_CITY
                                                                           ? LINE_DASHED : LINE_SOLID) : SWATCH,
                                  FALSE, 0, { 0, 0, 0 } };
    }
  return n;
}
