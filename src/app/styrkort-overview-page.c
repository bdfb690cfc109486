/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Översikt: the status of every area per operation, and the T2 indicators. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-chart-data.h"
#include "styrkort-chart-view.h"
#include "styrkort-overview-page.h"
#include "styrkort-page.h"
#include "styrkort-page-layout.h"
#include "styrkort-reporting.h"

/* The page's frame is ui/styrkort-overview-page.ui. */
struct _StyrkortOverviewPage {
  GtkWidget parent_instance;
  GtkWidget *scrolled;
  GtkWidget *changes_slot, *status_slot;
  GtkWidget *changes_group;   /* changes after the period was reported */
  GtkWidget *status_chart;
  GtkWidget *indicator_grid;
  StyrkortProject *project;   /* for the indicator charts */
  StyrkortPeriod period;
};

static void styrkort_overview_page_page_init (StyrkortPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrkortOverviewPage, styrkort_overview_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STYRKORT_TYPE_PAGE, styrkort_overview_page_page_init))

/* A reported period that has changed since: what changed, when and why. */
static void
show_changes_after_report (StyrkortOverviewPage *self, StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(StyrkortReport) report = styrkort_project_get_report (project, period);
  g_autoptr(GPtrArray) changes = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *when = NULL, *description = NULL;

  gtk_widget_set_name (group, "changed-after-reporting");
  if (self->changes_group != NULL)
    gtk_box_remove (GTK_BOX (self->changes_slot), self->changes_group);
  gtk_box_append (GTK_BOX (self->changes_slot), group);
  self->changes_group = group;
  gtk_widget_set_visible (group, report != NULL && report->changed);
  if (report == NULL || !report->changed)
    return;
  when = styrkort_reporting_format_time (report->time);
  description = g_strdup_printf (_("%s was reported %s. These changes were made since, with the reasons given:"),
                                 name, when);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Changed After Reporting"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  changes = styrkort_project_list_report_changes (project, period);
  for (guint i = 0; i < changes->len; i++)
    {
      StyrkortReportChange *change = changes->pdata[i];
      g_autofree char *time = styrkort_reporting_format_time (change->time);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", time, change->reason);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->summary);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
show_indicator_chart (StyrkortOverviewPage *self, GtkWidget *view)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (view), "indicator"));

  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (view),
                                 g_object_get_data (G_OBJECT (view), "gender")
                                   ? styrkort_chart_new_gender (self->project, id, self->period)
                                   : styrkort_chart_new_units (self->project, id, self->period));
}

static void
fill_indicator_grid (StyrkortOverviewPage *self)
{
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (self->project);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (self->indicator_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->indicator_grid), child);
  for (guint i = 0; i < indicators->len; i++)
    {
      StyrkortIndicator *ind = indicators->pdata[i];
      GtkWidget *view;
      if (!ind->in_t2)
        continue;
      view = styrkort_chart_view_new (STYRKORT_CHART_SCREEN);
      gtk_widget_set_size_request (view, 420, 300);
      gtk_widget_set_hexpand (view, TRUE);
      gtk_widget_add_css_class (view, "chart-card");
      g_object_set_data (G_OBJECT (view), "indicator", GSIZE_TO_POINTER (ind->id));
      g_object_set_data (G_OBJECT (view), "gender", GINT_TO_POINTER (g_str_equal (ind->code, "headcount")));
      show_indicator_chart (self, view);
      gtk_grid_attach (GTK_GRID (self->indicator_grid), view, n % 2, n / 2, 1, 1);
      n++;
    }
}

/* The status of the areas, then the T2 indicators: the charts are drawn
 * in the chart thread while the window lays out the page. */
static void
styrkort_overview_page_show (StyrkortPage *page, StyrkortProject *project, StyrkortPeriod period)
{
  StyrkortOverviewPage *self = STYRKORT_OVERVIEW_PAGE (page);

  show_changes_after_report (self, project, period);
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->status_chart),
                                 styrkort_chart_new_area_status (project, period));
  g_set_object (&self->project, project);
  self->period = period;
  fill_indicator_grid (self);
}

/* What the charts are built from: a change of these shows the page again. */
static const char * const page_tables[] = { "area", "operation", "unit", "indicator", "indicator_area", NULL };

/* Only what changed is drawn again: the status chart after an assessment,
 * an indicator's chart after its figures in this period. */
static gboolean
styrkort_overview_page_update (StyrkortPage *page, StyrkortChanges *changes)
{
  StyrkortOverviewPage *self = STYRKORT_OVERVIEW_PAGE (page);

  if (self->project == NULL || styrkort_changes_touches_any (changes, page_tables))
    return FALSE;
  /* Any edit may be one made after the period was reported. */
  show_changes_after_report (self, self->project, self->period);
  if (styrkort_changes_touches (changes, "assessment"))
    styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->status_chart),
                                   styrkort_chart_new_area_status (self->project, self->period));
  for (GtkWidget *view = gtk_widget_get_first_child (self->indicator_grid); view; view = gtk_widget_get_next_sibling (view))
    if (styrkort_changes_touches_figures (changes, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (view), "indicator")),
                                          &self->period))
      show_indicator_chart (self, view);
  return TRUE;
}

static void
styrkort_overview_page_page_init (StyrkortPageInterface *iface)
{
  iface->show = styrkort_overview_page_show;
  iface->update = styrkort_overview_page_update;
}

static void
styrkort_overview_page_dispose (GObject *object)
{
  StyrkortOverviewPage *self = STYRKORT_OVERVIEW_PAGE (object);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (styrkort_overview_page_parent_class)->dispose (object);
}

static void
styrkort_overview_page_class_init (StyrkortOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_overview_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, STYRKORT_TYPE_PAGE_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortOverviewPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StyrkortOverviewPage, changes_slot);
  gtk_widget_class_bind_template_child (widget_class, StyrkortOverviewPage, status_slot);
  gtk_widget_class_bind_template_child (widget_class, StyrkortOverviewPage, indicator_grid);
}

static void
styrkort_overview_page_init (StyrkortOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status_chart = styrkort_chart_view_new (STYRKORT_CHART_SCREEN);
  gtk_widget_set_size_request (self->status_chart, -1, 560);
  gtk_widget_add_css_class (self->status_chart, "chart-card");
  gtk_box_append (GTK_BOX (self->status_slot), self->status_chart);
}

GtkWidget *
styrkort_overview_page_new (void)
{
  return g_object_new (STYRKORT_TYPE_OVERVIEW_PAGE, NULL);
}
