/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts from a project's figures: the model side of the charts. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-locale.h"
#include "styrkort-chart-data.h"
#include "styrkort-figure-rules.h"
#include "styrkort-number.h"


char *
styrkort_area_display_title (const StyrkortArea *area)
{
  const char *title = STYRKORT_LOCALIZED (area, title);
  return area->number > 0 ? g_strdup_printf ("%d. %s", area->number, title) : g_strdup (title);
}

static char *
source_line (StyrkortProject *project, const char *period)
{
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  /* TRANSLATORS: chart source line: district · period */
  return g_strdup_printf (_("%s · %s · Source: Styrkort"), district ? district->name : "", period);
}

static StyrkortChart *
new_indicator_chart (StyrkortProject *project, StyrkortChartKind kind, const StyrkortIndicator *ind,
                     const char *title_suffix, const char *period)
{
  g_autofree char *source = source_line (project, period);
  const char *name = STYRKORT_LOCALIZED (ind, name);
  /* "Antal anställda, kvinnor och män" needs no ", kvinnor och män" again. */
  g_autofree char *title = g_str_has_suffix (name, title_suffix) ? g_strdup (name)
                                                                  : g_strconcat (name, title_suffix, NULL);
  StyrkortChart *chart = styrkort_chart_new (kind, title, source);

  chart->percent = ind->measure == STYRKORT_MEASURE_PERCENT;
  chart->decimals = styrkort_indicator_decimals (ind);
  return chart;
}

static void
append (StyrkortChartSeries *series, double value)
{
  g_array_append_val (series->values, value);
}

/* A series without a single value (a city line nobody typed) is left out,
 * and so is its entry in the legend. */
static void
drop_if_empty (StyrkortChart *chart, StyrkortChartSeries *series)
{
  for (guint i = 0; i < series->values->len; i++)
    if (!isnan (g_array_index (series->values, double, i)))
      return;
  styrkort_chart_remove_series (chart, series);
}

/* A district that began recording lately would get years of empty axis:
 * the trend starts at its first figure (district's or city's), but spans
 * at least three tertials, so that one figure is not the whole chart. */
static StyrkortPeriod
first_with_figures (StyrkortProject *project, gint64 indicator_id, StyrkortPeriod first, StyrkortPeriod last)
{
  StyrkortPeriod latest_start = styrkort_period_previous (styrkort_period_previous (last));

  for (StyrkortPeriod q = first; styrkort_period_compare (q, latest_start) < 0; q = styrkort_period_next (q))
    {
      StyrkortTotal total = styrkort_project_compute_total (project, indicator_id, q);
      StyrkortCityValue city;
      styrkort_project_get_city_value (project, indicator_id, q, &city);
      if (!isnan (total.value) || !isnan (city.value) || !isnan (total.women) || !isnan (total.men))
        return q;
    }
  return styrkort_period_compare (first, latest_start) > 0 ? first : latest_start;
}

StyrkortChart *
styrkort_chart_new_trend (StyrkortProject *project, gint64 indicator_id, StyrkortPeriod last, guint n_periods)
{
  g_autoptr(StyrkortIndicator) ind = styrkort_project_get_indicator (project, indicator_id);
  g_autoptr(GPtrArray) goals = NULL;
  StyrkortPeriod first = last;
  g_autofree char *from = NULL, *to = styrkort_period_to_string (last), *span = NULL;
  StyrkortChart *chart;
  StyrkortChartSeries *district, *city, *women = NULL, *men = NULL;

  if (ind == NULL)
    return NULL;
  for (guint i = 1; i < MAX (n_periods, 1); i++)
    first = styrkort_period_previous (first);
  first = first_with_figures (project, indicator_id, first, last);
  from = styrkort_period_to_string (first);
  span = g_strdup_printf ("%s – %s", from, to);
  chart = new_indicator_chart (project, STYRKORT_CHART_TREND, ind, "", span);
  district = styrkort_chart_add_series (chart, _("District"), STYRKORT_SERIES_DISTRICT);
  city = styrkort_chart_add_series (chart, _("City"), STYRKORT_SERIES_CITY);
  /* Women and men only where their parts add up (counts); a rate's parts
   * have no base of their own to total by. */
  if (ind->gender_split && ind->total_rule == STYRKORT_TOTAL_SUM)
    {
      women = styrkort_chart_add_series (chart, _("Women"), STYRKORT_SERIES_WOMEN);
      men = styrkort_chart_add_series (chart, _("Men"), STYRKORT_SERIES_MEN);
    }
  for (StyrkortPeriod q = first; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q))
    {
      g_autofree char *label = styrkort_period_to_string (q);
      StyrkortTotal total = styrkort_project_compute_total (project, indicator_id, q);
      StyrkortCityValue city_value;
      styrkort_project_get_city_value (project, indicator_id, q, &city_value);
      styrkort_chart_add_category (chart, label);
      append (district, total.value);
      append (city, city_value.value);
      if (women != NULL)
        {
          append (women, total.women);
          append (men, total.men);
        }
    }
  {
    /* The district's place in the latest period, in the city line's name. */
    StyrkortCityValue latest;
    g_autofree char *place = NULL;
    styrkort_project_get_city_value (project, indicator_id, last, &latest);
    place = styrkort_format_place (latest.place, latest.places);
    if (place != NULL)
      {
        g_free (city->name);
        /* TRANSLATORS: the city line's name in a trend, with the district's place in the latest period */
        city->name = g_strdup_printf (_("City (our place %s)"), place);
      }
  }
  drop_if_empty (chart, city);
  goals = styrkort_project_list_subgoals (project, 0);
  for (guint i = 0; i < goals->len; i++)
    {
      StyrkortSubgoal *g = goals->pdata[i];
      if (g->indicator_id == indicator_id && !isnan (g->target))
        {
          chart->reference = g->target;
          chart->reference_label = g_strdup (_("Target"));
          break;
        }
    }
  return chart;
}

StyrkortChart *
styrkort_chart_new_units (StyrkortProject *project, gint64 indicator_id, StyrkortPeriod period)
{
  g_autoptr(StyrkortIndicator) ind = styrkort_project_get_indicator (project, indicator_id);
  g_autoptr(GPtrArray) units = styrkort_project_list_units (project);
  g_autofree char *name = styrkort_period_to_string (period);
  StyrkortCityValue city;
  StyrkortChart *chart;
  StyrkortChartSeries *series;

  if (ind == NULL)
    return NULL;
  chart = new_indicator_chart (project, STYRKORT_CHART_UNITS, ind, _(" per unit"), name);
  series = styrkort_chart_add_series (chart, STYRKORT_LOCALIZED (ind, name), STYRKORT_SERIES_DISTRICT);
  for (guint i = 0; i < units->len; i++)
    {
      StyrkortUnit *u = units->pdata[i];
      g_autoptr(StyrkortValue) v = styrkort_project_get_value (project, indicator_id, u->id, period);
      styrkort_chart_add_category (chart, u->name);
      append (series, v ? v->value : NAN);
    }
  /* A unit's count is not on the city's scale: no city line among units. */
  if (ind->measure != STYRKORT_MEASURE_COUNT && styrkort_project_get_city_value (project, indicator_id, period, &city))
    {
      g_autofree char *place = styrkort_format_place (city.place, city.places);
      chart->reference = city.value;
      chart->reference_label = g_strdup (_("City"));
      /* TRANSLATORS: the district's place among the districts, beside the city line: "place 3 of 14" */
      if (place != NULL)
        chart->reference_note = g_strdup_printf (_("place %s"), place);
    }
  return chart;
}

StyrkortChart *
styrkort_chart_new_gender (StyrkortProject *project, gint64 indicator_id, StyrkortPeriod period)
{
  g_autoptr(StyrkortIndicator) ind = styrkort_project_get_indicator (project, indicator_id);
  g_autoptr(GPtrArray) units = styrkort_project_list_units (project);
  g_autofree char *name = styrkort_period_to_string (period);
  StyrkortChart *chart;
  StyrkortChartSeries *women, *men;

  if (ind == NULL)
    return NULL;
  chart = new_indicator_chart (project, STYRKORT_CHART_GENDER, ind, _(", women and men"), name);
  /* Counts stack into the unit's total; rates stand side by side, in the units' order. */
  chart->grouped = ind->total_rule != STYRKORT_TOTAL_SUM;
  chart->ordered = chart->grouped;
  women = styrkort_chart_add_series (chart, _("Women"), STYRKORT_SERIES_WOMEN);
  men = styrkort_chart_add_series (chart, _("Men"), STYRKORT_SERIES_MEN);
  for (guint i = 0; i < units->len; i++)
    {
      StyrkortUnit *u = units->pdata[i];
      g_autoptr(StyrkortValue) v = styrkort_project_get_value (project, indicator_id, u->id, period);
      styrkort_chart_add_category (chart, u->name);
      append (women, v ? v->women : NAN);
      append (men, v ? v->men : NAN);
    }
  return chart;
}

StyrkortChart *
styrkort_chart_new_area_status (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (project);
  g_autoptr(GPtrArray) operations = styrkort_project_list_district_operations (project);
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *source = source_line (project, name);
  StyrkortChart *chart = styrkort_chart_new (STYRKORT_CHART_AREA_STATUS, _("Status of the areas"), source);

  for (guint o = 0; o < operations->len; o++)
    g_ptr_array_add (chart->columns, g_strdup (STYRKORT_LOCALIZED ((StyrkortOperation *) operations->pdata[o], name)));
  for (guint a = 0; a < areas->len; a++)
    {
      StyrkortArea *area = areas->pdata[a];
      g_ptr_array_add (chart->categories, styrkort_area_display_title (area));
      for (guint o = 0; o < operations->len; o++)
        {
          g_autoptr(StyrkortAssessment) assessment = styrkort_project_get_assessment (
            project, area->id, ((StyrkortOperation *) operations->pdata[o])->id, period);
          int status = assessment ? (int) assessment->status : -1;
          g_array_append_val (chart->cells, status);
        }
    }
  return chart;
}

StyrkortChart *
styrkort_chart_new_goals (StyrkortProject *project, gint64 area_id, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (project, area_id);
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (project);
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *source = source_line (project, name);
  g_autofree char *title = NULL;
  StyrkortChart *chart;

  for (guint a = 0; a < areas->len && title == NULL; a++)
    if (((StyrkortArea *) areas->pdata[a])->id == area_id)
      {
        g_autofree char *area = styrkort_area_display_title (areas->pdata[a]);
        title = g_strdup_printf (_("Sub-goals: %s"), area);
      }
  chart = styrkort_chart_new (STYRKORT_CHART_GOALS, title ? title : _("Sub-goals"), source);
  for (guint i = 0; i < goals->len; i++)
    {
      StyrkortSubgoal *g = goals->pdata[i];
      double latest;
      styrkort_project_subgoal_state (project, g, period, &latest);
      styrkort_chart_add_category (chart, g->text);
      g_array_append_val (chart->baselines, g->baseline);
      g_array_append_val (chart->latest, latest);
      g_array_append_val (chart->targets, g->target);
    }
  return chart;
}

static StyrkortSlide *
slide_new (const char *kind, gint64 indicator_id, gint64 area_id)
{
  StyrkortSlide *slide = g_new0 (StyrkortSlide, 1);
  slide->kind = g_strdup (kind);
  slide->indicator_id = indicator_id;
  slide->area_id = area_id;
  return slide;
}

/* The default order: area status, then per T2 indicator its units (women
 * and men for the headcount) and its trend. */
GPtrArray *
styrkort_chart_list_default_slides (StyrkortProject *project)
{
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (project);
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_slide_free);

  g_ptr_array_add (slides, slide_new ("area-status", 0, 0));
  for (guint i = 0; i < indicators->len; i++)
    {
      StyrkortIndicator *ind = indicators->pdata[i];
      if (!ind->in_t2)
        continue;
      g_ptr_array_add (slides, slide_new (ind->gender_split && ind->total_rule == STYRKORT_TOTAL_SUM &&
                                          g_str_equal (ind->code, "headcount") ? "gender" : "units", ind->id, 0));
      g_ptr_array_add (slides, slide_new ("trend", ind->id, 0));
    }
  return slides;
}

GPtrArray *
styrkort_chart_list_possible_slides (StyrkortProject *project)
{
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (project);
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (project);
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (project, 0);
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_slide_free);

  g_ptr_array_add (slides, slide_new ("area-status", 0, 0));
  for (guint i = 0; i < indicators->len; i++)
    {
      StyrkortIndicator *ind = indicators->pdata[i];
      g_ptr_array_add (slides, slide_new ("units", ind->id, 0));
      g_ptr_array_add (slides, slide_new ("trend", ind->id, 0));
      if (ind->gender_split && ind->total_rule == STYRKORT_TOTAL_SUM)
        g_ptr_array_add (slides, slide_new ("gender", ind->id, 0));
    }
  for (guint a = 0; a < areas->len; a++)
    for (guint g = 0; g < goals->len; g++)
      if (((StyrkortSubgoal *) goals->pdata[g])->area_id == ((StyrkortArea *) areas->pdata[a])->id)
        {
          g_ptr_array_add (slides, slide_new ("goals", 0, ((StyrkortArea *) areas->pdata[a])->id));
          break;
        }
  return slides;
}

StyrkortChart *
styrkort_chart_new_for_slide (StyrkortProject *project, const StyrkortSlide *slide, StyrkortPeriod period)
{
  if (g_str_equal (slide->kind, "area-status"))
    return styrkort_chart_new_area_status (project, period);
  if (g_str_equal (slide->kind, "units"))
    return styrkort_chart_new_units (project, slide->indicator_id, period);
  if (g_str_equal (slide->kind, "trend"))
    return styrkort_chart_new_trend (project, slide->indicator_id, period, 9);
  if (g_str_equal (slide->kind, "gender"))
    return styrkort_chart_new_gender (project, slide->indicator_id, period);
  if (g_str_equal (slide->kind, "goals"))
    return styrkort_chart_new_goals (project, slide->area_id, period);
  return NULL;
}

static GPtrArray *
charts_for (StyrkortProject *project, GPtrArray *slides, StyrkortPeriod period)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_chart_free);
  for (guint i = 0; i < slides->len; i++)
    {
      StyrkortChart *chart = styrkort_chart_new_for_slide (project, slides->pdata[i], period);
      if (chart != NULL)
        g_ptr_array_add (charts, chart);
    }
  return charts;
}

GPtrArray *
styrkort_chart_new_default_slides (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) slides = styrkort_chart_list_default_slides (project);
  return charts_for (project, slides, period);
}

GPtrArray *
styrkort_chart_new_slides (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) chosen = styrkort_project_list_slides (project);
  if (chosen->len == 0)
    return styrkort_chart_new_default_slides (project, period);
  return charts_for (project, chosen, period);
}
