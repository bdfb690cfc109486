/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts as plain data, and one drawing path onto any cairo surface.
 *
 * Every chart is drawn in two steps: measure (text sizes decide the plot
 * area) and paint. Text goes through one function that wraps, shortens with
 * an ellipsis and records where it went, so that tests can check that no
 * label leaves the canvas or covers another (styrkort-chart-painter.c);
 * each kind draws in a file of its own (styrkort-chart-bars.c, -trend.c,
 * -status.c, -goals.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "styrkort-chart-private.h"
#include "styrkort-number.h"

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
  g_free (chart->page_label);
  g_free (chart->reference_label);
  g_free (chart->reference_note);
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
  copy->reference_note = g_strdup (chart->reference_note);
  copy->page_label = g_strdup (chart->page_label);
  copy->ordered = chart->ordered;
  copy->grouped = chart->grouped;
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

static guint
legend_for (const Painter *p, LegendItem *legend, guint max)
{
  switch (p->chart->kind)
    {
    case STYRKORT_CHART_AREA_STATUS:
      return chart_status_legend (p, legend);
    case STYRKORT_CHART_GOALS:
    case STYRKORT_CHART_LIST:
      return 0;
    case STYRKORT_CHART_UNITS:
      /* A single unnamed-looking series needs no legend; a ranking says what its colours mean. */
      return chart_sides_legend (p, legend);
    case STYRKORT_CHART_TREND:
    case STYRKORT_CHART_GENDER:
    default:
      return chart_series_legend (p, legend, max);
    }
}

StyrkortChartLayout *
styrkort_chart_draw_in (const StyrkortChart *chart, cairo_t *cr, double width, double height, StyrkortChartMode mode,
                        const StyrkortChartPalette *colours)
{
  Painter p = { cr, chart, g_new0 (StyrkortChartLayout, 1), { 0 }, colours ? colours : &styrkort_chart_palette_light,
                width, height, pango_cairo_create_layout (cr), 0, 0 };
  LegendItem legend[8];
  guint n_legend;
  StyrkortRect area;

  p.widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p.layout->texts = g_array_new (FALSE, FALSE, sizeof (StyrkortChartText));
  p.layout->marks = g_array_new (FALSE, FALSE, sizeof (StyrkortChartMark));
  p.layout->reference_position = NAN;
  p.layout->axis_min = p.layout->axis_max = NAN;
  styrkort_chart_style_init (&p.style, width, height, mode);
  n_legend = legend_for (&p, legend, G_N_ELEMENTS (legend));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  area = painter_draw_frame (&p, legend, n_legend);
  switch (chart->kind)
    {
    case STYRKORT_CHART_TREND:
      chart_draw_trend (&p, area);
      break;
    case STYRKORT_CHART_UNITS:
    case STYRKORT_CHART_GENDER:
      chart_draw_bars (&p, area);
      break;
    case STYRKORT_CHART_AREA_STATUS:
      chart_draw_area_status (&p, area);
      break;
    case STYRKORT_CHART_GOALS:
      chart_draw_goals (&p, area);
      break;
    case STYRKORT_CHART_LIST:
      chart_draw_list (&p, area);
      break;
    }
  cairo_restore (cr);
  g_object_unref (p.text);
  g_hash_table_unref (p.widths);
  return p.layout;
}

StyrkortChartLayout *
styrkort_chart_draw (const StyrkortChart *chart, cairo_t *cr, double width, double height, StyrkortChartMode mode)
{
  return styrkort_chart_draw_in (chart, cr, width, height, mode, &styrkort_chart_palette_light);
}

char *
styrkort_chart_describe (const StyrkortChart *chart)
{
  GString *text = g_string_new (chart->title);

  if (chart->kind == STYRKORT_CHART_LIST)
    {
      for (guint i = 0; i < chart->categories->len; i++)
        g_string_append_printf (text, ". %s%s%s", (char *) chart->categories->pdata[i],
                                *chart_list_note (chart, i) ? ": " : "", chart_list_note (chart, i));
      if (chart->categories->len == 0 && chart->reference_label != NULL)
        g_string_append_printf (text, ". %s", chart->reference_label);
      return g_string_free (text, FALSE);
    }
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
        g_autofree char *value = chart_format_value (chart, chart_series_value (series, c), chart->decimals);
        g_string_append_printf (text, ". %s, %s: %s", (char *) chart->categories->pdata[c], series->name,
                                isnan (chart_series_value (series, c)) ? _("no figure") : value);
      }
  if (!isnan (chart->reference))
    {
      g_autofree char *value = chart_format_value (chart, chart->reference, chart->decimals);
      g_string_append_printf (text, ". %s %s", chart->reference_label ? chart->reference_label : "", value);
      if (chart->reference_note != NULL)
        g_string_append_printf (text, " (%s)", chart->reference_note);
    }
  return g_string_free (text, FALSE);
}

