/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city overview's charts (the districts ranked, their trends, the status matrix) and its slides. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-city-private.h"
#include "styrkort-figure-rules.h"

static char *
city_source_line (StyrkortCity *city, const char *period)
{
  /* TRANSLATORS: source line of a city chart: N districts · period */
  return g_strdup_printf (_("%u districts · %s · Source: Styrkort"), city->sources->len, period);
}

static StyrkortChart *
indicator_chart (StyrkortCity *city, StyrkortChartKind kind, const char *code, const char *title_format,
                 const char *period)
{
  Indicator *ind = _styrkort_city_find_indicator (city, code);
  g_autofree char *source = city_source_line (city, period);
  g_autofree char *title = g_strdup_printf (title_format, ind ? ind->name : code);
  StyrkortChart *chart = styrkort_chart_new (kind, title, source);

  chart->percent = ind && ind->measure == STYRKORT_MEASURE_PERCENT;
  if (ind != NULL)
    chart->decimals = styrkort_indicator_decimals (&(StyrkortIndicator) { .code = ind->code, .measure = ind->measure });
  return chart;
}

/* A count's city value is the districts' sum, many times any district's
 * figure: drawn among them it would flatten every bar or line, so a count's
 * charts show the districts' median instead. A rate's city value is on the
 * districts' scale and is what they are compared with. */
static gboolean
compare_with_median (StyrkortCity *city, const char *code)
{
  return styrkort_city_indicator_measure (city, code) == STYRKORT_MEASURE_COUNT;
}

StyrkortChart *
styrkort_city_chart_ranking (StyrkortCity *city, const char *code, StyrkortPeriod period)
{
  g_autofree char *name = styrkort_period_to_string (period);
  /* TRANSLATORS: chart title: indicator per district */
  StyrkortChart *chart = indicator_chart (city, STYRKORT_CHART_UNITS, code, _("%s per district"), name);
  StyrkortChartSeries *series = styrkort_chart_add_series (chart, styrkort_city_indicator_name (city, code),
                                                           STYRKORT_SERIES_DISTRICT);
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), districts->len);
  StyrkortBetter better = styrkort_city_indicator_better (city, code);
  guint rank = 0;

  for (guint d = 0; d < districts->len; d++)
    {
      Ranked r = { districts->pdata[d], styrkort_city_district_total (city, districts->pdata[d], code, period).value };
      g_array_append_val (ranked, r);
    }
  g_array_sort_with_data (ranked, _styrkort_city_compare_ranked, GINT_TO_POINTER (better));
  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);
      g_autofree char *label = NULL;
      /* Equal figures share a rank: 1., 2., 2., 4. */
      if (i == 0 || r->value != g_array_index (ranked, Ranked, i - 1).value)
        rank = i + 1;
      label = better != STYRKORT_BETTER_NONE && !isnan (r->value) ? g_strdup_printf ("%u. %s", rank, r->name)
                                                                  : g_strdup (r->name);
      styrkort_chart_add_category (chart, label);
      g_array_append_val (series->values, r->value);
    }
  chart->ordered = TRUE;
  chart->better = better;
  if (better != STYRKORT_BETTER_NONE)
    {
      /* TRANSLATORS: added to a ranking's title */
      char *title = g_strdup_printf ("%s %s", chart->title, better == STYRKORT_BETTER_LOWER ? _("(lower is better)")
                                                                                           : _("(higher is better)"));
      g_free (chart->title);
      chart->title = title;
    }
  if (compare_with_median (city, code))
    {
      chart->reference = styrkort_city_median (city, code, period);
      chart->reference_label = g_strdup (_("Median of the districts"));
    }
  else
    {
      chart->reference = styrkort_city_total (city, code, period).value;
      chart->reference_label = g_strdup (_("City"));
    }
  return chart;
}

StyrkortChart *
styrkort_city_chart_trend (StyrkortCity *city, const char *code, StyrkortPeriod last, guint n_periods)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  StyrkortPeriod first = last;
  g_autofree char *from = NULL, *to = styrkort_period_to_string (last), *span = NULL;
  StyrkortChart *chart;
  StyrkortChartSeries *city_series;

  for (guint i = 1; i < MAX (n_periods, 1); i++)
    first = styrkort_period_previous (first);
  from = styrkort_period_to_string (first);
  span = g_strdup_printf ("%s – %s", from, to);
  /* TRANSLATORS: chart title: indicator per district over time */
  chart = indicator_chart (city, STYRKORT_CHART_TREND, code, _("%s, districts over time"), span);
  city_series = styrkort_chart_add_series (chart, compare_with_median (city, code) ? _("Median of the districts") : _("City"),
                                           STYRKORT_SERIES_DISTRICT);
  for (guint d = 0; d < districts->len; d++)
    styrkort_chart_add_series (chart, districts->pdata[d], STYRKORT_SERIES_OTHER);
  for (StyrkortPeriod q = first; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q))
    {
      g_autofree char *label = styrkort_period_to_string (q);
      double line = compare_with_median (city, code) ? styrkort_city_median (city, code, q)
                                                     : styrkort_city_total (city, code, q).value;
      styrkort_chart_add_category (chart, label);
      g_array_append_val (city_series->values, line);
      for (guint d = 0; d < districts->len; d++)
        {
          StyrkortTotal t = styrkort_city_district_total (city, districts->pdata[d], code, q);
          g_array_append_val (((StyrkortChartSeries *) chart->series->pdata[d + 1])->values, t.value);
        }
    }
  return chart;
}

StyrkortChart *
styrkort_city_chart_status (StyrkortCity *city, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *source = city_source_line (city, name);
  StyrkortChart *chart = styrkort_chart_new (STYRKORT_CHART_AREA_STATUS, _("The districts’ areas"), source);

  for (guint a = 0; a < city->areas->len; a++)
    g_ptr_array_add (chart->columns, g_strdup (g_hash_table_lookup (city->area_titles, city->areas->pdata[a])));
  for (guint d = 0; d < districts->len; d++)
    {
      styrkort_chart_add_category (chart, districts->pdata[d]);
      for (guint a = 0; a < city->areas->len; a++)
        {
          int status = styrkort_city_area_status (city, districts->pdata[d], city->areas->pdata[a], period);
          g_array_append_val (chart->cells, status);
          g_autofree char *detail = styrkort_city_area_detail (city, districts->pdata[d], city->areas->pdata[a], period);
          /* The column says "1" or "Hot"; the tooltip names the area in full. */
          g_ptr_array_add (chart->cell_notes,
                           g_strdup_printf ("%s%s%s", (char *) g_hash_table_lookup (city->area_names, city->areas->pdata[a]),
                                            *detail ? "\n" : "", detail));
        }
    }
  return chart;
}

GPtrArray *
styrkort_city_slides (StyrkortCity *city, StyrkortPeriod period)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_chart_free);

  g_ptr_array_add (slides, styrkort_city_chart_status (city, period));
  /* Every indicator the overview shows that has figures for the period. */
  for (guint i = 0; i < city->indicators->len; i++)
    {
      Indicator *ind = city->indicators->pdata[i];
      if (styrkort_city_total (city, ind->code, period).n_parts == 0)
        continue;
      g_ptr_array_add (slides, styrkort_city_chart_ranking (city, ind->code, period));
      g_ptr_array_add (slides, styrkort_city_chart_trend (city, ind->code, period, 9));
    }
  return slides;
}

