/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts as plain data, and one drawing path onto any cairo surface.
 *
 * Every chart is drawn in two steps: measure (text sizes decide the plot
 * area) and paint. Text goes through one function that wraps, shortens with
 * an ellipsis and records where it went, so that tests can check that no
 * label leaves the canvas or covers another. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "styrkort-chart.h"
#include "styrkort-number.h"

typedef struct {
  cairo_t *cr;
  const StyrkortChart *chart;
  StyrkortChartLayout *layout;
  StyrkortChartStyle style;
  double width, height;
  PangoLayout *text;          /* the current font, for every piece of text */
  double ascent, descent;     /* of the current font, in px */
} Painter;

typedef enum { ALIGN_START, ALIGN_CENTER, ALIGN_END } Align;

/* Data ------------------------------------------------------------------ */

static void
series_free (StyrkortChartSeries *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

StyrkortChart *
styrkort_chart_new (StyrkortChartKind kind, const char *title, const char *source)
{
  StyrkortChart *chart = g_new0 (StyrkortChart, 1);

  chart->kind = kind;
  chart->title = g_strdup (title);
  chart->source = g_strdup (source);
  chart->decimals = 1;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  chart->reference = NAN;
  chart->highlight = -1;
  chart->better = STYRKORT_BETTER_NONE;
  chart->columns = g_ptr_array_new_with_free_func (g_free);
  chart->cells = g_array_new (FALSE, FALSE, sizeof (int));
  chart->cell_notes = g_ptr_array_new_with_free_func (g_free);
  chart->baselines = g_array_new (FALSE, FALSE, sizeof (double));
  chart->latest = g_array_new (FALSE, FALSE, sizeof (double));
  chart->targets = g_array_new (FALSE, FALSE, sizeof (double));
  return chart;
}

void
styrkort_chart_free (StyrkortChart *chart)
{
  if (chart == NULL)
    return;
  g_ptr_array_unref (chart->series);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->columns);
  g_array_unref (chart->cells);
  g_ptr_array_unref (chart->cell_notes);
  g_array_unref (chart->baselines);
  g_array_unref (chart->latest);
  g_array_unref (chart->targets);
  g_free (chart->title);
  g_free (chart->source);
  g_free (chart->reference_label);
  g_free (chart);
}

StyrkortChart *
styrkort_chart_copy (const StyrkortChart *chart)
{
  StyrkortChart *copy = styrkort_chart_new (chart->kind, chart->title, chart->source);

  copy->percent = chart->percent;
  copy->decimals = chart->decimals;
  copy->reference = chart->reference;
  copy->reference_label = g_strdup (chart->reference_label);
  copy->ordered = chart->ordered;
  copy->highlight = chart->highlight;
  copy->better = chart->better;
  for (guint i = 0; i < chart->categories->len; i++)
    styrkort_chart_add_category (copy, chart->categories->pdata[i]);
  for (guint i = 0; i < chart->columns->len; i++)
    g_ptr_array_add (copy->columns, g_strdup (chart->columns->pdata[i]));
  for (guint i = 0; i < chart->series->len; i++)
    {
      StyrkortChartSeries *s = chart->series->pdata[i];
      StyrkortChartSeries *t = styrkort_chart_add_series (copy, s->name, s->role);
      g_array_append_vals (t->values, s->values->data, s->values->len);
    }
  g_array_append_vals (copy->cells, chart->cells->data, chart->cells->len);
  for (guint i = 0; i < chart->cell_notes->len; i++)
    g_ptr_array_add (copy->cell_notes, g_strdup (chart->cell_notes->pdata[i]));
  g_array_append_vals (copy->baselines, chart->baselines->data, chart->baselines->len);
  g_array_append_vals (copy->latest, chart->latest->data, chart->latest->len);
  g_array_append_vals (copy->targets, chart->targets->data, chart->targets->len);
  return copy;
}

StyrkortChartSeries *
styrkort_chart_add_series (StyrkortChart *chart, const char *name, StyrkortSeriesRole role)
{
  StyrkortChartSeries *s = g_new0 (StyrkortChartSeries, 1);
  s->name = g_strdup (name);
  s->role = role;
  s->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (chart->series, s);
  return s;
}

void
styrkort_chart_remove_series (StyrkortChart *chart, StyrkortChartSeries *series)
{
  g_ptr_array_remove (chart->series, series);
}

void
styrkort_chart_add_category (StyrkortChart *chart, const char *label)
{
  g_ptr_array_add (chart->categories, g_strdup (label));
}

static double
series_value (const StyrkortChartSeries *s, guint i)
{
  return i < s->values->len ? g_array_index (s->values, double, i) : NAN;
}

void
styrkort_chart_layout_free (StyrkortChartLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->texts->len; i++)
    g_free (g_array_index (layout->texts, StyrkortChartText, i).text);
  g_array_unref (layout->texts);
  g_array_unref (layout->marks);
  g_free (layout);
}

const StyrkortChartMark *
styrkort_chart_layout_hit (const StyrkortChartLayout *layout, double x, double y)
{
  for (guint i = layout->marks->len; i > 0; i--)
    {
      const StyrkortChartMark *m = &g_array_index (layout->marks, StyrkortChartMark, i - 1);
      double slack = m->box.width < 8 || m->box.height < 8 ? 6 : 0;
      if (x >= m->box.x - slack && x <= m->box.x + m->box.width + slack &&
          y >= m->box.y - slack && y <= m->box.y + m->box.height + slack)
        return m;
    }
  return NULL;
}

/* Numbers ---------------------------------------------------------------- */

static char *
format_value (const StyrkortChart *chart, double value, int decimals)
{
  g_autofree char *number = styrkort_format_number (value, decimals, STYRKORT_NUMBER_SWEDISH);
  return chart->percent && !isnan (value) ? g_strconcat (number, "\u00a0%", NULL) : g_steal_pointer (&number);
}

GArray *
styrkort_chart_nice_ticks (double min, double max, guint max_ticks, double *axis_min, double *axis_max)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double span, magnitude, step = 1;

  if (isnan (min) || isnan (max))
    min = max = 0;
  if (max - min < 1e-9)
    {
      max = min + (min == 0 ? 1 : fabs (min) * 0.5);
      min = MIN (min, 0);
    }
  span = max - min;
  max_ticks = MAX (max_ticks, 1);
  magnitude = pow (10, floor (log10 (span / max_ticks)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      step = steps[i] * magnitude;
      if (span / step <= max_ticks)
        break;
    }
  *axis_min = floor (min / step + 1e-9) * step;
  *axis_max = ceil (max / step - 1e-9) * step;
  for (double t = *axis_min; t <= *axis_max + step / 2; t += step)
    {
      double rounded = fabs (t) < step / 1e6 ? 0 : t;
      g_array_append_val (ticks, rounded);
    }
  return ticks;
}

/* Counts get whole-number ticks: at most one tick per unit of value. */
static guint
max_ticks_for (const StyrkortChart *chart, double min, double max)
{
  if (chart->decimals == 0 && !chart->percent)
    return (guint) CLAMP (ceil (max - min), 1, 6);
  return 6;
}

/* The fewest decimals that write every tick exactly: a step of 2,5 needs
 * one, or the labels (0, 3, 5, 8, 10) would not say where the gridlines are. */
int
styrkort_chart_tick_decimals (GArray *ticks)
{
  for (int decimals = 0; decimals < 6; decimals++)
    {
      double scale = pow (10, decimals);
      gboolean exact = TRUE;
      for (guint i = 0; i < ticks->len && exact; i++)
        {
          double scaled = g_array_index (ticks, double, i) * scale;
          exact = fabs (scaled - round (scaled)) < 1e-6 * MAX (1, fabs (scaled));
        }
      if (exact)
        return decimals;
    }
  return 6;
}

/* Text ------------------------------------------------------------------- */

/* Text goes through Pango: the family list falls back to any installed
 * font that has a glyph (cairo's toy API drew boxes for a missing glyph and
 * needed one hard-coded family). */
static void
set_font (Painter *p, double size, gboolean bold)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (p->style.font_family);
  PangoContext *context = pango_layout_get_context (p->text);
  PangoFontMetrics *metrics;

  pango_font_description_set_absolute_size (font, MAX (size, p->style.min_size) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (p->text, font);
  metrics = pango_context_get_metrics (context, font, NULL);
  p->ascent = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
  p->descent = (double) pango_font_metrics_get_descent (metrics) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);
}

static double
text_width (Painter *p, const char *text)
{
  PangoRectangle logical;

  pango_layout_set_text (p->text, text, -1);
  pango_layout_get_extents (p->text, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static double
line_height (Painter *p)
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
  return text_width (p, candidate) <= width;
}

/* Shortens @text with "…" until it fits @width: at a space where that
 * keeps most of the text, else between characters. The longest head that
 * fits is found by halving (a longer head is never narrower), not by
 * trying one character less at a time: a long unit name in a narrow bar
 * label took hundreds of measurements. */
static char *
ellipsize (Painter *p, const char *text, double width)
{
  glong full = g_utf8_strlen (text, -1), low = 0, high = full - 1, n = -1;
  g_autofree char *trimmed = NULL;
  const char *space;

  if (text_width (p, text) <= width)
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
static GPtrArray *
wrap (Painter *p, const char *text, double width, guint max_lines)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  guint i = 0;

  max_lines = MAX (max_lines, 1);
  for (; words[i] != NULL; i++)
    {
      g_autofree char *attempt = line->len ? g_strconcat (line->str, " ", words[i], NULL) : g_strdup (words[i]);
      if (text_width (p, attempt) <= width || line->len == 0)
        {
          g_string_assign (line, attempt);
          continue;
        }
      if (lines->len + 1 == max_lines)
        break;
      g_ptr_array_add (lines, ellipsize (p, line->str, width));
      g_string_assign (line, words[i]);
    }
  if (words[i] != NULL)
    {
      /* Text left over: the last line ends in an ellipsis (it cannot fit). */
      g_autofree char *rest = g_strjoinv (" ", words + i);
      g_autofree char *joined = g_strconcat (line->str, " ", rest, NULL);
      g_ptr_array_add (lines, ellipsize (p, joined, width));
    }
  else if (line->len > 0)
    g_ptr_array_add (lines, ellipsize (p, line->str, width));
  return lines;
}

static void
record_text (Painter *p, const char *text, double x, double y, double w, double h)
{
  StyrkortChartText t = { { x, y, w, h }, g_strdup (text) };
  if (p->layout != NULL)
    g_array_append_val (p->layout->texts, t);
}

/* Draws one line with its top-left/centre/right at @x, @top. Returns its height. */
static double
draw_line (Painter *p, const char *text, double x, double top, Align align)
{
  double w = text_width (p, text), baseline = (double) pango_layout_get_baseline (p->text) / PANGO_SCALE;

  if (align == ALIGN_CENTER)
    x -= w / 2;
  else if (align == ALIGN_END)
    x -= w;
  /* The line's baseline where the font's ascent puts it, whatever the text. */
  cairo_move_to (p->cr, x, top + p->ascent - baseline);
  pango_cairo_show_layout (p->cr, p->text);
  cairo_new_path (p->cr); /* no line from the text's end to the next shape */
  record_text (p, text, x, top, w, line_height (p));
  return line_height (p);
}

/* Draws @text wrapped into @width, at most @max_lines, centred vertically in
 * @height when @height > 0. Returns the height used. */
static double
draw_block (Painter *p, const char *text, double x, double top, double width, double height,
            guint max_lines, Align align)
{
  g_autoptr(GPtrArray) lines = NULL;
  double lh = line_height (p), y;

  if (height > 0)
    max_lines = MIN (max_lines, (guint) MAX (1, floor (height / lh)));
  lines = wrap (p, text, width, max_lines);
  y = height > 0 ? top + (height - lines->len * lh) / 2 : top;
  for (guint i = 0; i < lines->len; i++)
    y += draw_line (p, lines->pdata[i], align == ALIGN_CENTER ? x + width / 2 : align == ALIGN_END ? x + width : x,
                    y, align);
  return lines->len * lh;
}

static void
add_mark (Painter *p, double x, double y, double w, double h, guint category, guint series, double value)
{
  StyrkortChartMark m = { { x, y, w, h }, category, series, value };
  if (p->layout != NULL)
    g_array_append_val (p->layout->marks, m);
}

/* Frame: title, legend, source line ------------------------------------- */

typedef enum { SWATCH, LINE_SOLID, LINE_DASHED } LegendShape;

typedef struct {
  const char *label;
  StyrkortRgb colour;
  LegendShape shape;
  const char *symbol; /* drawn on the swatch, for status legends */
  StyrkortRgb ink;
} LegendItem;

static double
draw_legend (Painter *p, const LegendItem *items, guint n, double top)
{
  double x = p->style.pad, size, lh, row = 0;

  set_font (p, p->style.body_size * 0.85, FALSE);
  lh = line_height (p);
  size = lh * 0.8;
  for (guint i = 0; i < n; i++)
    {
      double w = size + lh * 0.3 + text_width (p, items[i].label) + lh;
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
          styrkort_chart_set_colour (p->cr, styrkort_chart_muted);
          cairo_set_line_width (p->cr, 1);
          cairo_stroke (p->cr);
          if (items[i].symbol)
            {
              styrkort_chart_set_colour (p->cr, items[i].ink);
              set_font (p, p->style.body_size * 0.6, TRUE);
              draw_line (p, items[i].symbol, x + size / 2, top + row + (lh - line_height (p)) / 2, ALIGN_CENTER);
              set_font (p, p->style.body_size * 0.85, FALSE);
            }
        }
      styrkort_chart_set_colour (p->cr, styrkort_chart_text);
      draw_line (p, items[i].label, x + size + lh * 0.3, top + row, ALIGN_START);
      x += w;
    }
  return n > 0 ? row + lh * 1.4 : 0;
}

/* Draws the background, title and source line; returns the free area. */
static StyrkortRect
draw_frame (Painter *p, const LegendItem *legend, guint n_legend)
{
  double pad = p->style.pad, top = pad, bottom;

  styrkort_chart_set_colour (p->cr, styrkort_chart_background);
  cairo_rectangle (p->cr, 0, 0, p->width, p->height);
  cairo_fill (p->cr);

  styrkort_chart_set_colour (p->cr, styrkort_chart_text);
  set_font (p, p->style.title_size, TRUE);
  top += draw_block (p, p->chart->title ? p->chart->title : "", pad, top, p->width - 2 * pad, 0, 2, ALIGN_START);
  top += pad * 0.5;
  top += draw_legend (p, legend, n_legend, top);

  set_font (p, p->style.small_size, FALSE);
  bottom = p->height - pad - line_height (p);
  if (p->chart->source != NULL)
    {
      g_autofree char *source = ellipsize (p, p->chart->source, p->width - 2 * pad);
      styrkort_chart_set_colour (p->cr, styrkort_chart_muted);
      draw_line (p, source, pad, bottom, ALIGN_START);
    }
  return (StyrkortRect) { pad, top, p->width - 2 * pad, MAX (0, bottom - pad * 0.5 - top) };
}

static void
draw_no_data (Painter *p, StyrkortRect area)
{
  set_font (p, p->style.body_size, FALSE);
  styrkort_chart_set_colour (p->cr, styrkort_chart_muted);
  draw_block (p, _("No figures for this period yet"), area.x, area.y, area.width, area.height, 2, ALIGN_CENTER);
}

static void
dashed (Painter *p, double width)
{
  double dash[] = { width * 3, width * 2 };
  cairo_set_dash (p->cr, dash, 2, 0);
  cairo_set_line_width (p->cr, width);
}

/* The value range of all series (and the reference line); FALSE if empty. */
static gboolean
value_range (const StyrkortChart *chart, gboolean stacked, double *min, double *max)
{
  *min = 0;
  *max = -INFINITY;
  for (guint c = 0; c < chart->categories->len; c++)
    {
      double sum = 0;
      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = series_value (chart->series->pdata[s], c);
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

/* Horizontal bars: units, and women/men stacked ------------------------- */

static gint
compare_desc (gconstpointer a, gconstpointer b, gpointer data)
{
  const StyrkortChart *chart = data;
  double va = 0, vb = 0;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  for (guint s = 0; s < chart->series->len; s++)
    {
      double x = series_value (chart->series->pdata[s], ia), y = series_value (chart->series->pdata[s], ib);
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
  double widest = text_width (p, _("no figure"));

  for (guint r = 0; r < order->len; r++)
    {
      guint c = g_array_index (order, guint, r);
      double total = NAN;
      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = series_value (chart->series->pdata[s], c);
          if (!isnan (v))
            total = isnan (total) ? v : total + v;
        }
      g_autofree char *label = format_value (chart, total, chart->decimals);
      widest = MAX (widest, text_width (p, label));
    }
  return widest;
}

static void
draw_value_axis_horizontal (Painter *p, GArray *ticks, double x0, double x1, double top, double bottom,
                            double axis_min, double axis_max)
{
  int decimals = styrkort_chart_tick_decimals (ticks);
  double last_end = -INFINITY;

  set_font (p, p->style.body_size * 0.85, FALSE);
  for (guint i = 0; i < ticks->len; i++)
    {
      double t = g_array_index (ticks, double, i);
      double x = x0 + (t - axis_min) / (axis_max - axis_min) * (x1 - x0);
      g_autofree char *label = format_value (p->chart, t, decimals);
      double w = text_width (p, label);
      styrkort_chart_set_colour (p->cr, styrkort_chart_grid);
      cairo_set_line_width (p->cr, p->style.grid_width);
      cairo_move_to (p->cr, x, top);
      cairo_line_to (p->cr, x, bottom);
      cairo_stroke (p->cr);
      /* Skip a label that would touch the previous one or leave the canvas. */
      if (x - w / 2 < last_end + p->style.pad * 0.3 || x + w / 2 > p->width || x - w / 2 < 0)
        continue;
      styrkort_chart_set_colour (p->cr, styrkort_chart_muted);
      draw_line (p, label, x, bottom + p->style.pad * 0.2, ALIGN_CENTER);
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

static void
draw_horizontal_bars (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint n = chart->categories->len;
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_autoptr(GArray) ticks = NULL;
  gboolean stacked = chart->series->len > 1;
  double min, max, axis_min, axis_max, label_w, row_h, x0, x1, axis_h, top, ref_label_h = 0;
  double body = p->style.body_size, font;

  if (n == 0 || !value_range (chart, stacked, &min, &max))
    {
      draw_no_data (p, area);
      return;
    }
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  if (!chart->ordered)
    g_array_sort_with_data (order, compare_desc, (gpointer) chart);
  ticks = styrkort_chart_nice_ticks (min, max, max_ticks_for (chart, min, max), &axis_min, &axis_max);
  p->layout->axis_min = axis_min;
  p->layout->axis_max = axis_max;

  set_font (p, body * 0.85, FALSE);
  axis_h = line_height (p) + p->style.pad * 0.3;
  if (!isnan (chart->reference))
    ref_label_h = line_height (p) * 1.2;
  top = area.y + ref_label_h;
  row_h = (area.height - axis_h - ref_label_h) / n;
  /* Type shrinks with many rows, but two labels never share a row. */
  font = MIN (body, row_h * 0.75);
  set_font (p, font, FALSE);
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

      set_font (p, font, FALSE);
      styrkort_chart_set_colour (p->cr, styrkort_chart_text);
      draw_block (p, chart->categories->pdata[c], area.x, y, label_w, row_h, 2, ALIGN_END);
      for (guint s = 0; s < chart->series->len; s++)
        {
          StyrkortChartSeries *series = chart->series->pdata[s];
          double v = series_value (series, c), xa, xb;
          if (isnan (v))
            continue;
          total = isnan (total) ? v : total + v;
          xa = x0 + (start - axis_min) / (axis_max - axis_min) * (x1 - x0);
          xb = x0 + (start + v - axis_min) / (axis_max - axis_min) * (x1 - x0);
          styrkort_chart_set_colour (p->cr, on_worse_side (chart, v) ? styrkort_chart_worse
                                                                     : styrkort_chart_series_colour (series->role));
          cairo_rectangle (p->cr, MIN (xa, xb), by, fabs (xb - xa), bar_h);
          cairo_fill (p->cr);
          add_mark (p, MIN (xa, xb), by, fabs (xb - xa), bar_h, c, s, v);
          if (stacked)
            {
              g_autofree char *part = format_value (chart, v, chart->decimals);
              set_font (p, font * 0.8, FALSE);
              if (text_width (p, part) + 4 < fabs (xb - xa) && line_height (p) < bar_h)
                {
                  styrkort_chart_set_colour (p->cr, styrkort_chart_background);
                  draw_line (p, part, (xa + xb) / 2, by + (bar_h - line_height (p)) / 2, ALIGN_CENTER);
                }
            }
          start += v;
        }
      set_font (p, font * 0.9, FALSE);
      styrkort_chart_set_colour (p->cr, styrkort_chart_text);
      if (isnan (total))
        draw_line (p, _("no figure"), x0 + p->style.pad * 0.2, y + (row_h - line_height (p)) / 2, ALIGN_START);
      else
        {
          g_autofree char *label = format_value (chart, total, chart->decimals);
          double xe = x0 + (MAX (total, 0) - axis_min) / (axis_max - axis_min) * (x1 - x0);
          double lx = xe + p->style.pad * 0.2;
          /* Step over the city line rather than print across it. */
          if (!isnan (chart->reference))
            {
              double xr = x0 + (chart->reference - axis_min) / (axis_max - axis_min) * (x1 - x0);
              if (xr >= lx - p->style.line_width && xr <= lx + text_width (p, label))
                lx = xr + p->style.pad * 0.25;
              lx = MIN (lx, p->width - p->style.pad * 0.2 - text_width (p, label));
            }
          draw_line (p, label, lx, y + (row_h - line_height (p)) / 2, ALIGN_START);
        }
    }

  if (!isnan (chart->reference))
    {
      double x = x0 + (chart->reference - axis_min) / (axis_max - axis_min) * (x1 - x0);
      g_autofree char *value = format_value (chart, chart->reference, chart->decimals);
      g_autofree char *label = g_strdup_printf ("%s %s", chart->reference_label ? chart->reference_label : "", value);
      g_autofree char *fitted = NULL;
      styrkort_chart_set_colour (p->cr, styrkort_chart_reference);
      dashed (p, p->style.line_width * 0.6);
      cairo_move_to (p->cr, x, top - ref_label_h * 0.15);
      cairo_line_to (p->cr, x, top + row_h * n);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      p->layout->reference_position = x;
      set_font (p, body * 0.85, TRUE);
      fitted = ellipsize (p, label, area.width);
      {
        double w = text_width (p, fitted);
        double lx = CLAMP (x - w / 2, area.x, area.x + area.width - w);
        draw_line (p, fitted, lx, area.y, ALIGN_START);
      }
    }
}

/* Trend: lines over periods ---------------------------------------------- */

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
  set_font (p, p->style.body_size * 0.7, FALSE);
  for (guint s = 0; s < p->chart->series->len; s++)
    widest = MAX (widest, text_width (p, ((StyrkortChartSeries *) p->chart->series->pdata[s])->name));
  set_font (p, p->style.body_size * 0.85, FALSE);
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
        if (series->role == STYRKORT_SERIES_OTHER && !isnan (series_value (series, c - 1)))
          {
            EndLabel label = { y_of (series_value (series, c - 1), axis_min, axis_max, plot), s };
            g_array_append_val (labels, label);
            break;
          }
    }
  g_array_sort (labels, compare_end_labels);
  set_font (p, p->style.body_size * 0.7, FALSE);
  lh = line_height (p);
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
      g_autofree char *name = ellipsize (p, series->name, width);
      gboolean picked = (int) label->series == chart->highlight;
      set_font (p, p->style.body_size * 0.7, picked);
      styrkort_chart_set_colour (p->cr, picked ? styrkort_chart_highlight : styrkort_chart_muted);
      draw_line (p, name, x, label->y, ALIGN_START);
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
      double v = series_value (series, c), x = plot.x + (c + 0.5) * step_x, y;
      if (isnan (v) || (c > 0 && !isnan (series_value (series, c - 1))) ||
          (c + 1 < n && !isnan (series_value (series, c + 1))))
        continue;
      y = y_of (v, axis_min, axis_max, plot);
      styrkort_chart_set_colour (p->cr, styrkort_chart_series_colour (STYRKORT_SERIES_CITY));
      dashed (p, p->style.line_width * 0.6);
      cairo_move_to (p->cr, x - step_x * 0.35, y);
      cairo_line_to (p->cr, x + step_x * 0.35, y);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      add_mark (p, x - step_x * 0.35, y - p->style.line_width, step_x * 0.7, p->style.line_width * 2, c, s, v);
    }
}

static void
draw_trend (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint n = chart->categories->len;
  g_autoptr(GArray) ticks = NULL;
  double min, max, axis_min, axis_max, tick_w = 0, lh, step_x, label_every;
  StyrkortRect plot;
  int decimals;

  if (n == 0 || !value_range (chart, FALSE, &min, &max))
    {
      draw_no_data (p, area);
      return;
    }
  ticks = styrkort_chart_nice_ticks (min, max, max_ticks_for (chart, min, max), &axis_min, &axis_max);
  decimals = styrkort_chart_tick_decimals (ticks);
  p->layout->axis_min = axis_min;
  p->layout->axis_max = axis_max;
  set_font (p, p->style.body_size * 0.85, FALSE);
  lh = line_height (p);
  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *label = format_value (chart, g_array_index (ticks, double, i), decimals);
      tick_w = MAX (tick_w, text_width (p, label));
    }
  plot = (StyrkortRect) { area.x + tick_w + p->style.pad * 0.4, area.y + lh * 0.6,
                          area.width - tick_w - p->style.pad * 0.4 - lh, area.height - lh * 2.6 };
  plot.width -= end_labels_width (p, area.width * 0.22);
  p->layout->plot = plot;

  for (guint i = 0; i < ticks->len; i++)
    {
      double t = g_array_index (ticks, double, i), y = y_of (t, axis_min, axis_max, plot);
      g_autofree char *label = format_value (chart, t, decimals);
      styrkort_chart_set_colour (p->cr, styrkort_chart_grid);
      cairo_set_line_width (p->cr, p->style.grid_width);
      cairo_move_to (p->cr, plot.x, y);
      cairo_line_to (p->cr, plot.x + plot.width, y);
      cairo_stroke (p->cr);
      styrkort_chart_set_colour (p->cr, styrkort_chart_muted);
      draw_line (p, label, plot.x - p->style.pad * 0.3, y - lh / 2, ALIGN_END);
    }

  /* Period labels: "T1" and the year under it when the year changes. */
  /* Each period owns a band and sits in its middle, clear of the tick labels. */
  step_x = plot.width / n;
  label_every = ceil ((text_width (p, "T3") + lh) / MAX (step_x, 1));
  for (guint c = 0; c < n; c++)
    {
      const char *label = chart->categories->pdata[c];
      const char *space = strchr (label, ' ');
      double x = plot.x + (c + 0.5) * step_x;
      g_autofree char *year = space ? g_strndup (label, space - label) : g_strdup (label);
      gboolean new_year = c == 0 || !g_str_has_prefix (chart->categories->pdata[c - 1], year);
      styrkort_chart_set_colour (p->cr, styrkort_chart_muted);
      if (c % (guint) label_every == 0 && space != NULL)
        draw_line (p, space + 1, x, plot.y + plot.height + lh * 0.3, ALIGN_CENTER);
      if (new_year && x + text_width (p, year) / 2 <= p->width - p->style.pad * 0.2 &&
          x - text_width (p, year) / 2 >= 0)
        draw_line (p, year, x, plot.y + plot.height + lh * 1.3, ALIGN_CENTER);
    }

  if (!isnan (chart->reference))
    {
      double y = y_of (chart->reference, axis_min, axis_max, plot);
      g_autofree char *value = format_value (chart, chart->reference, chart->decimals);
      g_autofree char *label = g_strdup_printf ("%s %s", chart->reference_label ? chart->reference_label : "", value);
      styrkort_chart_set_colour (p->cr, styrkort_chart_series_colour (STYRKORT_SERIES_DISTRICT));
      dashed (p, p->style.line_width * 0.5);
      cairo_move_to (p->cr, plot.x, y);
      cairo_line_to (p->cr, plot.x + plot.width, y);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      p->layout->reference_position = y;
      set_font (p, p->style.body_size * 0.8, TRUE);
      {
        g_autofree char *fitted = ellipsize (p, label, plot.width);
        double above = y - line_height (p) - 2;
        draw_line (p, fitted, plot.x + plot.width, above < plot.y ? y + 2 : above, ALIGN_END);
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
      styrkort_chart_set_colour (p->cr, picked ? styrkort_chart_highlight : styrkort_chart_series_colour (series->role));
      if (series->role == STYRKORT_SERIES_CITY)
        dashed (p, p->style.line_width * 0.6);
      else
        cairo_set_line_width (p->cr, p->style.line_width * (series->role == STYRKORT_SERIES_OTHER && !picked ? 0.4 : 1));
      for (guint c = 0; c < n; c++)
        {
          double v = series_value (series, c);
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
          double v = series_value (series, c), r = p->style.marker_radius;
          double x = plot.x + (c + 0.5) * step_x, y;
          if (isnan (v))
            continue;
          y = y_of (v, axis_min, axis_max, plot);
          cairo_arc (p->cr, x, y, r, 0, 2 * G_PI);
          cairo_fill (p->cr);
          add_mark (p, x - r, y - r, 2 * r, 2 * r, c, s, v);
        }
    }
  draw_end_labels (p, plot, axis_min, axis_max);
}

/* Area status: a grid of coloured cells ---------------------------------- */

/* A bold font size at which the longest word of @labels fits @width, so
 * that headers wrap between words instead of being cut ("Socialpsykiatri"). */
static double
fit_words (Painter *p, GPtrArray *labels, double width, double size)
{
  double widest = 0;

  set_font (p, size, TRUE);
  for (guint i = 0; i < labels->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (labels->pdata[i], " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        widest = MAX (widest, text_width (p, words[w]));
    }
  /* Not below 60 %: a word that still does not fit gets an ellipsis. */
  return widest > width ? MAX (MAX (p->style.min_size, size * 0.6), size * width / widest) : size;
}

static void
draw_area_status (Painter *p, StyrkortRect area)
{
  const StyrkortChart *chart = p->chart;
  guint rows = chart->categories->len, cols = chart->columns->len;
  double label_w, header_h, row_h, col_w, font, lh;

  if (rows == 0 || cols == 0)
    {
      draw_no_data (p, area);
      return;
    }
  set_font (p, p->style.body_size * 0.8, TRUE);
  lh = line_height (p);
  header_h = MIN (lh * 3, area.height * 0.25);
  row_h = (area.height - header_h) / rows;
  font = MIN (p->style.body_size * 0.8, row_h * 0.7);
  /* Row labels take what they need, up to 42 %: short district names leave
   * the columns room for their headers. */
  set_font (p, font, FALSE);
  label_w = 0;
  for (guint r = 0; r < rows; r++)
    label_w = MAX (label_w, text_width (p, chart->categories->pdata[r]) + p->style.pad * 0.6);
  label_w = MIN (label_w, area.width * 0.42);
  col_w = (area.width - label_w) / cols;
  p->layout->plot = (StyrkortRect) { area.x + label_w, area.y + header_h, col_w * cols, row_h * rows };

  styrkort_chart_set_colour (p->cr, styrkort_chart_text);
  set_font (p, fit_words (p, chart->columns, col_w - 6, p->style.body_size * 0.8), TRUE);
  for (guint c = 0; c < cols; c++)
    draw_block (p, chart->columns->pdata[c], area.x + label_w + c * col_w + 2, area.y, col_w - 4, header_h, 3,
                ALIGN_CENTER);
  for (guint r = 0; r < rows; r++)
    {
      double y = area.y + header_h + r * row_h;
      set_font (p, font, FALSE);
      styrkort_chart_set_colour (p->cr, styrkort_chart_text);
      draw_block (p, chart->categories->pdata[r], area.x, y, label_w - p->style.pad * 0.4, row_h, 2, ALIGN_END);
      for (guint c = 0; c < cols; c++)
        {
          guint index = r * cols + c;
          int status = index < chart->cells->len ? g_array_index (chart->cells, int, index) : -1;
          double x = area.x + label_w + c * col_w, gap = MAX (1, row_h * 0.06);
          styrkort_chart_set_colour (p->cr, styrkort_chart_status_colour (status));
          cairo_rectangle (p->cr, x + gap, y + gap, col_w - 2 * gap, row_h - 2 * gap);
          cairo_fill_preserve (p->cr);
          styrkort_chart_set_colour (p->cr, styrkort_chart_grid);
          cairo_set_line_width (p->cr, 1);
          cairo_stroke (p->cr);
          add_mark (p, x + gap, y + gap, col_w - 2 * gap, row_h - 2 * gap, r, c, status);
          set_font (p, MIN (font * 1.1, row_h * 0.6), TRUE);
          styrkort_chart_set_colour (p->cr, styrkort_chart_status_ink (status));
          draw_line (p, styrkort_chart_status_symbol (status), x + col_w / 2, y + (row_h - line_height (p)) / 2,
                     ALIGN_CENTER);
        }
    }
}

/* Goals: baseline → latest → target per row ------------------------------ */

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
      set_font (p, font, FALSE);
      styrkort_chart_set_colour (p->cr, styrkort_chart_muted);
      draw_line (p, _("no figures"), x0, y + (row_h - line_height (p)) / 2, ALIGN_START);
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
  styrkort_chart_set_colour (p->cr, styrkort_chart_grid);
  cairo_set_line_width (p->cr, p->style.line_width);
  cairo_move_to (p->cr, x0, mid);
  cairo_line_to (p->cr, x1, mid);
  cairo_stroke (p->cr);
  if (!isnan (base) && !isnan (now))
    {
      styrkort_chart_set_colour (p->cr, styrkort_chart_series_colour (STYRKORT_SERIES_DISTRICT));
      cairo_move_to (p->cr, X_OF (base), mid);
      cairo_line_to (p->cr, X_OF (now), mid);
      cairo_stroke (p->cr);
    }
  set_font (p, font * 0.85, FALSE);
  lh = line_height (p);
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
      styrkort_chart_set_colour (p->cr, i == 0 ? styrkort_chart_muted
                                               : styrkort_chart_series_colour (STYRKORT_SERIES_DISTRICT));
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
              styrkort_chart_set_colour (p->cr, styrkort_chart_background);
              cairo_fill_preserve (p->cr);
              styrkort_chart_set_colour (p->cr, styrkort_chart_muted);
              cairo_set_line_width (p->cr, p->style.line_width * 0.6);
              cairo_stroke (p->cr);
            }
          else
            cairo_fill (p->cr);
        }
      add_mark (p, x - r, mid - r, 2 * r, 2 * r, g, i, values[i]);
      number = styrkort_format_number (values[i], chart->decimals, STYRKORT_NUMBER_SWEDISH);
      label = g_strdup_printf ("%s %s", names[i], number);
      {
        double w = text_width (p, label);
        double lx = CLAMP (x - w / 2, MAX (label_end + lh * 0.4, x0 - r), p->width - p->style.pad - w);
        if (lx + w <= p->width && lx >= label_end && y + row_h * 0.55 + lh <= y + row_h)
          {
            styrkort_chart_set_colour (p->cr, styrkort_chart_text);
            draw_line (p, label, lx, y + row_h * 0.55, ALIGN_START);
            label_end = lx + w;
          }
      }
    }
#undef X_OF
}

static void
draw_goals (Painter *p, StyrkortRect area)
{
  guint n = p->chart->categories->len;
  double label_w = area.width * 0.36, row_h, font;

  if (n == 0)
    {
      draw_no_data (p, area);
      return;
    }
  row_h = area.height / n;
  font = MIN (p->style.body_size, row_h * 0.32);
  p->layout->plot = (StyrkortRect) { area.x + label_w, area.y, area.width - label_w, area.height };
  for (guint g = 0; g < n; g++)
    {
      double y = area.y + g * row_h;
      set_font (p, font, FALSE);
      styrkort_chart_set_colour (p->cr, styrkort_chart_text);
      draw_block (p, p->chart->categories->pdata[g], area.x, y, label_w - p->style.pad, row_h, 3, ALIGN_END);
      draw_goal_row (p, g, area.x + label_w + p->style.marker_radius * 2,
                     area.x + area.width - p->style.marker_radius * 2, y, row_h, font);
    }
}

/* Entry points ------------------------------------------------------------ */

static guint
series_legend (const StyrkortChart *chart, LegendItem *items, guint max)
{
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
                                  styrkort_chart_series_colour (series->role),
                                  chart->kind == STYRKORT_CHART_TREND ? (series->role == STYRKORT_SERIES_CITY
                                                                           ? LINE_DASHED : LINE_SOLID) : SWATCH,
                                  NULL, { 0, 0, 0 } };
    }
  return n;
}

static guint
status_legend (LegendItem *items)
{
  guint n = 0;
  for (int s = 0; s < STYRKORT_N_STATUSES; s++)
    items[n++] = (LegendItem) { styrkort_status_label (s), styrkort_chart_status_colour (s), SWATCH,
                                styrkort_chart_status_symbol (s), styrkort_chart_status_ink (s) };
  items[n++] = (LegendItem) { _("Not assessed"), styrkort_chart_status_colour (-1), SWATCH,
                              styrkort_chart_status_symbol (-1), styrkort_chart_status_ink (-1) };
  return n;
}

static guint
sides_legend (const StyrkortChart *chart, LegendItem *items)
{
  if (chart->better == STYRKORT_BETTER_NONE || isnan (chart->reference) || chart->series->len != 1)
    return 0;
  items[0] = (LegendItem) { _("Better than the line"), styrkort_chart_series_colour (STYRKORT_SERIES_DISTRICT), SWATCH,
                            NULL, { 0, 0, 0 } };
  items[1] = (LegendItem) { _("Worse than the line"), styrkort_chart_worse, SWATCH, NULL, { 0, 0, 0 } };
  return 2;
}

StyrkortChartLayout *
styrkort_chart_draw (const StyrkortChart *chart, cairo_t *cr, double width, double height, StyrkortChartMode mode)
{
  Painter p = { cr, chart, g_new0 (StyrkortChartLayout, 1), { 0 }, width, height, pango_cairo_create_layout (cr), 0, 0 };
  LegendItem legend[8];
  guint n_legend;
  StyrkortRect area;

  p.layout->texts = g_array_new (FALSE, FALSE, sizeof (StyrkortChartText));
  p.layout->marks = g_array_new (FALSE, FALSE, sizeof (StyrkortChartMark));
  p.layout->reference_position = NAN;
  p.layout->axis_min = p.layout->axis_max = NAN;
  styrkort_chart_style_init (&p.style, width, height, mode);
  n_legend = chart->kind == STYRKORT_CHART_AREA_STATUS ? status_legend (legend)
           : chart->kind == STYRKORT_CHART_GOALS ? 0 : series_legend (chart, legend, G_N_ELEMENTS (legend));
  /* A single unnamed-looking series needs no legend; a ranking says what its colours mean. */
  if (chart->kind == STYRKORT_CHART_UNITS)
    n_legend = sides_legend (chart, legend);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  area = draw_frame (&p, legend, n_legend);
  switch (chart->kind)
    {
    case STYRKORT_CHART_TREND:
      draw_trend (&p, area);
      break;
    case STYRKORT_CHART_UNITS:
    case STYRKORT_CHART_GENDER:
      draw_horizontal_bars (&p, area);
      break;
    case STYRKORT_CHART_AREA_STATUS:
      draw_area_status (&p, area);
      break;
    case STYRKORT_CHART_GOALS:
      draw_goals (&p, area);
      break;
    }
  cairo_restore (cr);
  g_object_unref (p.text);
  return p.layout;
}

char *
styrkort_chart_describe (const StyrkortChart *chart)
{
  GString *text = g_string_new (chart->title);

  if (chart->kind == STYRKORT_CHART_AREA_STATUS)
    {
      for (guint r = 0; r < chart->categories->len; r++)
        for (guint c = 0; c < chart->columns->len; c++)
          {
            guint i = r * chart->columns->len + c;
            int status = i < chart->cells->len ? g_array_index (chart->cells, int, i) : -1;
            g_string_append_printf (text, ". %s, %s: %s", (char *) chart->categories->pdata[r],
                                    (char *) chart->columns->pdata[c],
                                    status >= 0 ? styrkort_status_label (status) : _("Not assessed"));
          }
      return g_string_free (text, FALSE);
    }
  for (guint c = 0; c < chart->categories->len; c++)
    for (guint s = 0; s < chart->series->len; s++)
      {
        StyrkortChartSeries *series = chart->series->pdata[s];
        g_autofree char *value = format_value (chart, series_value (series, c), chart->decimals);
        g_string_append_printf (text, ". %s, %s: %s", (char *) chart->categories->pdata[c], series->name,
                                isnan (series_value (series, c)) ? _("no figure") : value);
      }
  if (!isnan (chart->reference))
    {
      g_autofree char *value = format_value (chart, chart->reference, chart->decimals);
      g_string_append_printf (text, ". %s %s", chart->reference_label ? chart->reference_label : "", value);
    }
  return g_string_free (text, FALSE);
}
