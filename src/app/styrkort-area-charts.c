/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-area-charts.h"
#include "styrkort-chart-data.h"
#include "styrkort-chart-view.h"

struct _StyrkortAreaCharts {
  GtkWidget parent_instance;
  GtkWidget *box;
  StyrkortProject *project;
  gint64 area_id;
  StyrkortPeriod period;
  GtkWidget *goals_chart;   /* NULL when the area has no sub-goals */
  GPtrArray *views;         /* the indicators' charts: "indicator" and "gender" as object data */
  GPtrArray *linked;        /* the indicators linked to the area, the first ones still without charts */
};

G_DEFINE_FINAL_TYPE (StyrkortAreaCharts, styrkort_area_charts, GTK_TYPE_WIDGET)

static StyrkortChart *
indicator_chart (StyrkortAreaCharts *self, GtkWidget *view)
{
  gint64 indicator_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (view), "indicator"));

  if (g_object_get_data (G_OBJECT (view), "gender"))
    return styrkort_chart_new_gender (self->project, indicator_id, self->period);
  return styrkort_chart_new_trend (self->project, indicator_id, self->period, 9);
}

static void
add_indicator_chart (StyrkortAreaCharts *self, gint64 indicator_id, gboolean gender)
{
  GtkWidget *view = styrkort_chart_view_new (STYRKORT_CHART_SCREEN);

  gtk_widget_set_size_request (view, -1, 340);
  g_object_set_data (G_OBJECT (view), "indicator", GSIZE_TO_POINTER (indicator_id));
  g_object_set_data (G_OBJECT (view), "gender", GINT_TO_POINTER (gender));
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (view), indicator_chart (self, view));
  g_ptr_array_add (self->views, view);
  gtk_box_append (GTK_BOX (self->box), view);
}

static void
show_goals (StyrkortAreaCharts *self, guint n_goals)
{
  gtk_widget_set_size_request (self->goals_chart, -1, MAX (240, 110 * n_goals));
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->goals_chart),
                                 styrkort_chart_new_goals (self->project, self->area_id, self->period));
}

static gboolean
is_linked (const StyrkortIndicator *ind, gint64 area_id)
{
  for (guint k = 0; k < ind->area_ids->len; k++)
    if (g_array_index (ind->area_ids, gint64, k) == area_id)
      return TRUE;
  return FALSE;
}

GtkWidget *
styrkort_area_charts_new (StyrkortProject *project, gint64 area_id, StyrkortPeriod period, GPtrArray *goals)
{
  StyrkortAreaCharts *self = g_object_new (STYRKORT_TYPE_AREA_CHARTS, NULL);
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (project);

  self->project = g_object_ref (project);
  self->area_id = area_id;
  self->period = period;
  if (goals->len > 0)
    {
      self->goals_chart = styrkort_chart_view_new (STYRKORT_CHART_SCREEN);
      show_goals (self, goals->len);
      gtk_box_append (GTK_BOX (self->box), self->goals_chart);
    }
  self->linked = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_indicator_free);
  for (guint i = indicators->len; i > 0; i--)
    if (is_linked (indicators->pdata[i - 1], area_id))
      g_ptr_array_add (self->linked, g_ptr_array_steal_index (indicators, i - 1));
  if (self->goals_chart == NULL && self->linked->len == 0)
    gtk_box_append (GTK_BOX (self->box), gtk_label_new (_("No indicator is linked to this area.")));
  return GTK_WIDGET (self);
}

gboolean
styrkort_area_charts_add_next (StyrkortAreaCharts *self)
{
  g_autoptr(StyrkortIndicator) ind = NULL;

  if (self->linked->len == 0)
    return FALSE;
  ind = g_ptr_array_steal_index (self->linked, self->linked->len - 1);
  add_indicator_chart (self, ind->id, FALSE);
  /* Women and men per unit: a rate's trend has no women's and men's
   * lines (their bases are not kept), so they are shown here. */
  if (ind->gender_split && ind->total_rule != STYRKORT_TOTAL_SUM)
    add_indicator_chart (self, ind->id, TRUE);
  return self->linked->len > 0;
}

static gboolean
touches_goals (StyrkortChanges *changes, GPtrArray *goals)
{
  if (styrkort_changes_touches (changes, "subgoal"))
    return TRUE;
  for (guint i = 0; i < goals->len; i++)
    {
      gint64 indicator_id = ((StyrkortSubgoal *) goals->pdata[i])->indicator_id;
      if (indicator_id != 0 && styrkort_changes_touches_figures (changes, indicator_id, NULL))
        return TRUE;
    }
  return FALSE;
}

gboolean
styrkort_area_charts_update (StyrkortAreaCharts *self, StyrkortChanges *changes, GPtrArray *goals)
{
  if (touches_goals (changes, goals))
    {
      if ((goals->len > 0) != (self->goals_chart != NULL))
        return FALSE;
      if (self->goals_chart != NULL)
        show_goals (self, goals->len);
    }
  /* A trend shows every period: any change of the indicator's figures counts. */
  for (guint i = 0; i < self->views->len; i++)
    {
      GtkWidget *view = self->views->pdata[i];
      gint64 indicator_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (view), "indicator"));
      if (styrkort_changes_touches_figures (changes, indicator_id, NULL))
        styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (view), indicator_chart (self, view));
    }
  return TRUE;
}

static void
styrkort_area_charts_dispose (GObject *object)
{
  StyrkortAreaCharts *self = STYRKORT_AREA_CHARTS (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->linked, g_ptr_array_unref);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (styrkort_area_charts_parent_class)->dispose (object);
}

static void
styrkort_area_charts_class_init (StyrkortAreaChartsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = styrkort_area_charts_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
styrkort_area_charts_init (StyrkortAreaCharts *self)
{
  self->views = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
