/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the tertial report shows, read from the project once: the document
 * is laid out twice (to learn its pages) and drawn once. */
#include "config.h"

#include <math.h>

#include "styrkort-chart-data.h"
#include "styrkort-figure-rules.h"
#include "styrkort-tertial-report-private.h"

static gboolean
chart_has_values (const StyrkortChart *chart)
{
  if (chart->categories->len == 0)
    return FALSE;
  if (chart->kind == STYRKORT_CHART_GOALS)
    return TRUE;
  for (guint s = 0; s < chart->series->len; s++)
    {
      StyrkortChartSeries *series = chart->series->pdata[s];
      for (guint i = 0; i < series->values->len; i++)
        if (!isnan (g_array_index (series->values, double, i)))
          return TRUE;
    }
  return FALSE;
}

static void
add_chart (StyrkortTertialReport *r, GPtrArray *charts, StyrkortChart *chart)
{
  if (chart == NULL)
    return;
  if (chart_has_values (chart))
    {
      g_ptr_array_add (r->chart_store, chart);
      g_ptr_array_add (charts, chart);
    }
  else
    styrkort_chart_free (chart);
}

/* An indicator's charts, made once however many areas show them. */
static GPtrArray *
indicator_charts (StyrkortTertialReport *r, const StyrkortIndicator *ind)
{
  GPtrArray *charts = g_hash_table_lookup (r->indicator_charts, &ind->id);

  if (charts == NULL)
    {
      charts = g_ptr_array_new ();
      if (ind->level == STYRKORT_LEVEL_UNIT)
        add_chart (r, charts, styrkort_chart_new_units (r->project, ind->id, r->period));
      add_chart (r, charts, styrkort_chart_new_trend (r->project, ind->id, r->period, 6));
      g_hash_table_insert (r->indicator_charts, (gpointer) &ind->id, charts);
    }
  return charts;
}

static gboolean
indicator_in_area (const StyrkortIndicator *ind, gint64 area_id)
{
  for (guint i = 0; ind->area_ids != NULL && i < ind->area_ids->len; i++)
    if (g_array_index (ind->area_ids, gint64, i) == area_id)
      return TRUE;
  return FALSE;
}

/* The area's charts: per indicator of the area its units (when it has
 * units) and its trend over six tertials; then its sub-goals. */
static GPtrArray *
area_charts (StyrkortTertialReport *r, const StyrkortArea *area, GPtrArray *goals)
{
  GPtrArray *charts = g_ptr_array_new ();

  for (guint i = 0; i < r->indicators->len; i++)
    {
      StyrkortIndicator *ind = r->indicators->pdata[i];
      if (indicator_in_area (ind, area->id))
        g_ptr_array_extend (charts, indicator_charts (r, ind), NULL, NULL);
    }
  if (goals->len > 0)
    add_chart (r, charts, styrkort_chart_new_goals (r->project, area->id, r->period));
  return charts;
}

static void
load_area (StyrkortTertialReport *r, const StyrkortArea *area)
{
  GPtrArray *goals = styrkort_project_list_subgoals (r->project, area->id);
  GArray *states = g_array_new (FALSE, TRUE, sizeof (StyrkortTertialGoal));

  for (guint o = 0; o < r->operations->len; o++)
    {
      gint64 op = ((StyrkortOperation *) r->operations->pdata[o])->id;
      g_autoptr(StyrkortAssessment) before = styrkort_project_get_assessment (r->project, area->id, op, r->previous);
      int status = before ? (int) before->status : -1;
      g_ptr_array_add (r->assessments, styrkort_project_get_assessment (r->project, area->id, op, r->period));
      g_array_append_val (r->previous_status, status);
    }
  g_ptr_array_add (r->gender_notes, styrkort_project_get_gender_note (r->project, area->id, r->period));
  for (guint i = 0; i < goals->len; i++)
    {
      StyrkortTertialGoal state;
      state.state = styrkort_project_subgoal_state (r->project, goals->pdata[i], r->period, &state.latest);
      g_array_append_val (states, state);
    }
  g_ptr_array_add (r->goals, goals);
  g_ptr_array_add (r->goal_states, states);
  g_ptr_array_add (r->actions, styrkort_project_list_actions (r->project, area->id));
  g_ptr_array_add (r->charts, area_charts (r, area, goals));
}

static void
load_indicator (StyrkortTertialReport *r, const StyrkortIndicator *ind)
{
  StyrkortTotal now = styrkort_project_compute_total (r->project, ind->id, r->period);
  StyrkortTotal before = styrkort_project_compute_total (r->project, ind->id, r->previous);
  StyrkortCityValue city = { 0 };
  double value;

  g_ptr_array_add (r->values, styrkort_project_get_value (r->project, ind->id, 0, r->period));
  for (guint u = 0; u < r->units->len; u++)
    g_ptr_array_add (r->values, styrkort_project_get_value (r->project, ind->id,
                                                            ((StyrkortUnit *) r->units->pdata[u])->id, r->period));
  g_array_append_val (r->totals, now);
  g_array_append_val (r->totals, before);
  value = styrkort_project_get_city_value (r->project, ind->id, r->period, &city) ? city.value : NAN;
  g_array_append_val (r->city, value);
  g_ptr_array_add (r->city_place, isnan (value) ? NULL : styrkort_format_place (city.place, city.places));
}

void
_styrkort_tertial_report_load (StyrkortTertialReport *r)
{
  r->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_assessment_free);
  r->previous_status = g_array_new (FALSE, TRUE, sizeof (int));
  r->gender_notes = g_ptr_array_new_with_free_func (g_free);
  r->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  r->goal_states = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  r->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  r->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  r->chart_store = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_chart_free);
  r->indicator_charts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  r->values = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_value_free);
  r->totals = g_array_new (FALSE, TRUE, sizeof (StyrkortTotal));
  r->city = g_array_new (FALSE, TRUE, sizeof (double));
  r->city_place = g_ptr_array_new_with_free_func (g_free);
  for (guint a = 0; a < r->areas->len; a++)
    load_area (r, r->areas->pdata[a]);
  for (guint i = 0; i < r->indicators->len; i++)
    load_indicator (r, r->indicators->pdata[i]);
}

/* Bars need room per category; a long list of units gets a taller chart. */
double
_styrkort_tertial_report_chart_height (const StyrkortChart *chart)
{
  if (chart->kind == STYRKORT_CHART_TREND)
    return 220;
  if (chart->kind == STYRKORT_CHART_GOALS)
    return CLAMP (90 + 45.0 * chart->categories->len, 150, 520);
  return CLAMP (110 + 13.0 * chart->categories->len, 200, 620);
}

/* In the drawing thread: the charts are plain data, read only, and each
 * is drawn on its own recording surface, in the order the document shows
 * them, so that the pages being written seldom wait. */
static gpointer
draw_charts (gpointer data)
{
  StyrkortTertialReport *r = data;

  for (guint i = 0; i < r->chart_store->len; i++)
    {
      StyrkortChart *chart = r->chart_store->pdata[i];
      cairo_surface_t *drawing = styrkort_pdf_chart_record (chart, _styrkort_tertial_report_chart_height (chart));
      g_mutex_lock (&r->drawing_lock);
      g_hash_table_insert (r->drawings, chart, drawing);
      g_cond_broadcast (&r->drawn);
      g_mutex_unlock (&r->drawing_lock);
    }
  g_mutex_lock (&r->drawing_lock);
  r->all_drawn = TRUE;
  g_cond_broadcast (&r->drawn);
  g_mutex_unlock (&r->drawing_lock);
  return NULL;
}

void
_styrkort_tertial_report_draw_charts (StyrkortTertialReport *r)
{
  g_return_if_fail (r->drawing_thread == NULL && r->drawings == NULL);
  r->drawings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  g_mutex_init (&r->drawing_lock);
  g_cond_init (&r->drawn);
  r->drawing_thread = g_thread_new ("tertial-report-charts", draw_charts, r);
}

cairo_surface_t *
_styrkort_tertial_report_drawing (StyrkortTertialReport *r, const StyrkortChart *chart)
{
  cairo_surface_t *drawing;

  if (r->drawings == NULL) /* the layout passes, before the charts are drawn */
    return NULL;
  g_mutex_lock (&r->drawing_lock);
  while ((drawing = g_hash_table_lookup (r->drawings, chart)) == NULL && !r->all_drawn)
    g_cond_wait (&r->drawn, &r->drawing_lock);
  g_mutex_unlock (&r->drawing_lock);
  return drawing;
}

void
_styrkort_tertial_report_wait_charts (StyrkortTertialReport *r)
{
  if (r->drawing_thread == NULL)
    return;
  g_thread_join (g_steal_pointer (&r->drawing_thread));
  g_mutex_clear (&r->drawing_lock);
  g_cond_clear (&r->drawn);
}

void
_styrkort_tertial_report_unload (StyrkortTertialReport *r)
{
  _styrkort_tertial_report_wait_charts (r);
  g_clear_pointer (&r->drawings, g_hash_table_unref);
  g_clear_pointer (&r->assessments, g_ptr_array_unref);
  g_clear_pointer (&r->previous_status, g_array_unref);
  g_clear_pointer (&r->gender_notes, g_ptr_array_unref);
  g_clear_pointer (&r->goals, g_ptr_array_unref);
  g_clear_pointer (&r->goal_states, g_ptr_array_unref);
  g_clear_pointer (&r->actions, g_ptr_array_unref);
  g_clear_pointer (&r->charts, g_ptr_array_unref);
  g_clear_pointer (&r->indicator_charts, g_hash_table_unref);
  g_clear_pointer (&r->chart_store, g_ptr_array_unref);
  g_clear_pointer (&r->values, g_ptr_array_unref);
  g_clear_pointer (&r->totals, g_array_unref);
  g_clear_pointer (&r->city, g_array_unref);
  g_clear_pointer (&r->city_place, g_ptr_array_unref);
}

StyrkortAssessment *
_styrkort_tertial_report_assessment (const StyrkortTertialReport *r, guint area, guint operation)
{
  return r->assessments->pdata[area * r->operations->len + operation];
}

/* @unit: -1 for the district as a whole, else the index in r->units. */
StyrkortValue *
_styrkort_tertial_report_value (const StyrkortTertialReport *r, guint indicator, gint unit)
{
  return r->values->pdata[indicator * (r->units->len + 1) + (guint) (unit + 1)];
}
