/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Översikt: the status of every area per operation, and the T2 indicators. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-chart-data.h"
#include "styrkort-chart-view.h"
#include "styrkort-overview-page.h"
#include "styrkort-page.h"
#include "styrkort-reporting.h"

struct _StyrkortOverviewPage {
  GtkWidget parent_instance;
  GtkWidget *scrolled;
  GtkWidget *changes_group;   /* changes after the period was reported */
  GtkWidget *status_chart;
  GtkWidget *indicator_grid;
  gboolean fill_pending;      /* the indicator charts wait for the first frame */
  gulong paint_id;
  guint fill_id;
  StyrkortProject *project;   /* for them */
  StyrkortPeriod period;
};

static void styrkort_overview_page_page_init (StyrkortPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrkortOverviewPage, styrkort_overview_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STYRKORT_TYPE_PAGE, styrkort_overview_page_page_init))

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

/* A reported period that has changed since: what changed, when and why. */
static void
show_changes_after_report (StyrkortOverviewPage *self, StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(StyrkortReport) report = styrkort_project_get_report (project, period);
  g_autoptr(GPtrArray) changes = NULL;
  GtkWidget *parent = gtk_widget_get_parent (self->changes_group);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *when = NULL, *description = NULL;

  gtk_widget_set_name (group, "changed-after-reporting");
  gtk_box_insert_child_after (GTK_BOX (parent), group, self->changes_group);
  gtk_box_remove (GTK_BOX (parent), self->changes_group);
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
fill_indicator_grid (StyrkortOverviewPage *self)
{
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (self->project);
  GtkWidget *child;
  guint n = 0;

  self->fill_pending = FALSE;
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
      styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (view),
                                     g_str_equal (ind->code, "headcount")
                                       ? styrkort_chart_new_gender (self->project, ind->id, self->period)
                                       : styrkort_chart_new_units (self->project, ind->id, self->period));
      gtk_grid_attach (GTK_GRID (self->indicator_grid), view, n % 2, n / 2, 1, 1);
      n++;
    }
}

static gboolean
fill_when_idle (gpointer data)
{
  StyrkortOverviewPage *self = data;

  self->fill_id = 0;
  if (self->fill_pending)
    fill_indicator_grid (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint_cb (GdkFrameClock *clock, StyrkortOverviewPage *self)
{
  g_clear_signal_handler (&self->paint_id, clock);
  if (self->fill_id == 0)
    self->fill_id = g_idle_add (fill_when_idle, self);
}

static void
on_map_cb (GtkWidget *widget, StyrkortOverviewPage *self)
{
  if (self->fill_pending && self->paint_id == 0)
    self->paint_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                                              G_CALLBACK (on_first_paint_cb), self, 0);
}

/* The status of the areas first; when the page is not on screen yet (the
 * window is opening), the T2 indicators below it follow right after its
 * first frame (tests/bench/run: about 11 ms of start-up). */
static void
styrkort_overview_page_show (StyrkortPage *page, StyrkortProject *project, StyrkortPeriod period)
{
  StyrkortOverviewPage *self = STYRKORT_OVERVIEW_PAGE (page);

  show_changes_after_report (self, project, period);
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->status_chart),
                                 styrkort_chart_new_area_status (project, period));
  g_set_object (&self->project, project);
  self->period = period;
  self->fill_pending = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_indicator_grid (self);
}

static void
styrkort_overview_page_page_init (StyrkortPageInterface *iface)
{
  iface->show = styrkort_overview_page_show;
}

static void
styrkort_overview_page_dispose (GObject *object)
{
  StyrkortOverviewPage *self = STYRKORT_OVERVIEW_PAGE (object);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_object (&self->project);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (styrkort_overview_page_parent_class)->dispose (object);
}

static void
styrkort_overview_page_class_init (StyrkortOverviewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = styrkort_overview_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
styrkort_overview_page_init (StyrkortOverviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);

  self->changes_group = adw_preferences_group_new ();
  gtk_widget_set_visible (self->changes_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->changes_group);
  self->status_chart = styrkort_chart_view_new (STYRKORT_CHART_SCREEN);
  gtk_widget_set_size_request (self->status_chart, -1, 560);
  gtk_widget_add_css_class (self->status_chart, "chart-card");
  gtk_box_append (GTK_BOX (box), self->status_chart);
  gtk_box_append (GTK_BOX (box), heading (_("Indicators reported in T2")));
  self->indicator_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->indicator_grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->indicator_grid), 18);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->indicator_grid), TRUE);
  gtk_box_append (GTK_BOX (box), self->indicator_grid);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
}

GtkWidget *
styrkort_overview_page_new (void)
{
  return g_object_new (STYRKORT_TYPE_OVERVIEW_PAGE, NULL);
}
