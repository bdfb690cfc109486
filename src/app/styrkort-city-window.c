/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stadsöversikt: the central office's window over many districts' workbooks.
 * It shows, for a chosen period, each district's value per indicator beside
 * the city value (by the indicator's rule), the districts ranked, their
 * trends, and the districts × areas status matrix. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-chart-view.h"
#include "styrkort-city-window-private.h"

G_DEFINE_FINAL_TYPE (StyrkortCityWindow, styrkort_city_window, ADW_TYPE_APPLICATION_WINDOW)

StyrkortPeriod
_styrkort_city_window_current_period (StyrkortCityWindow *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->period_dropdown));
  StyrkortPeriod none = { 0, 0 };
  return i < self->periods->len ? g_array_index (self->periods, StyrkortPeriod, i) : none;
}

static const char *
current_code (StyrkortCityWindow *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->indicator_dropdown));
  return i < self->codes->len ? self->codes->pdata[i] : "turnover";
}

static void on_selection_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, StyrkortCityWindow *self);

/* The districts to pick one out of, kept picked by name when the list changes. */
static void
fill_districts (StyrkortCityWindow *self)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (self->city);
  g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char *[]) { _("No district picked out"), NULL });
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->district_dropdown)), keep = 0;
  const char *picked = selected > 0 && selected <= self->district_names->len ? self->district_names->pdata[selected - 1]
                                                                               : NULL;
  gboolean same = districts->len == self->district_names->len;

  for (guint i = 0; same && i < districts->len; i++)
    same = g_str_equal (districts->pdata[i], self->district_names->pdata[i]);
  if (same)
    return;
  for (guint i = 0; i < districts->len; i++)
    {
      gtk_string_list_append (labels, districts->pdata[i]);
      if (picked != NULL && g_str_equal (picked, districts->pdata[i]))
        keep = i + 1;
    }
  g_ptr_array_set_size (self->district_names, 0);
  for (guint i = 0; i < districts->len; i++)
    g_ptr_array_add (self->district_names, g_strdup (districts->pdata[i]));
  g_signal_handlers_block_by_func (self->district_dropdown, on_selection_changed_cb, self);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->district_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->district_dropdown), keep);
  g_signal_handlers_unblock_by_func (self->district_dropdown, on_selection_changed_cb, self);
}

void
_styrkort_city_window_refresh (StyrkortCityWindow *self)
{
  StyrkortPeriod period = _styrkort_city_window_current_period (self);
  guint n = styrkort_city_get_sources (self->city)->len;
  g_autofree char *subtitle = g_strdup_printf (_("Districts: %u"), n);

  adw_window_title_set_subtitle (self->title, subtitle);
  _styrkort_city_window_fill_sources (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), n > 0 ? "city" : "empty");
  if (n == 0 || period.year == 0)
    return;
  _styrkort_city_window_fill_table (self, period);
  fill_districts (self);
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->ranking),
                                 styrkort_city_chart_ranking (self->city, current_code (self), period));
  {
    StyrkortChart *trend = styrkort_city_chart_trend (self->city, current_code (self), period, 9);
    /* The trend's series: the city line, then the districts in the list's order. */
    trend->highlight = (int) gtk_drop_down_get_selected (GTK_DROP_DOWN (self->district_dropdown));
    if (trend->highlight == 0 || trend->highlight == (int) GTK_INVALID_LIST_POSITION)
      trend->highlight = -1;
    styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->trend), trend);
  }
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->status), styrkort_city_chart_status (self->city, period));
}

void
_styrkort_city_window_fill_periods (StyrkortCityWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->periods, g_array_unref);
  self->periods = styrkort_city_list_periods (self->city);
  for (guint i = 0; i < self->periods->len; i++)
    {
      StyrkortPeriod p = g_array_index (self->periods, StyrkortPeriod, i);
      g_autofree char *label = styrkort_period_to_string (p);
      gtk_string_list_append (labels, label);
      if (p.tertial == 2)
        selected = i; /* the latest T2: what the central office reports on */
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->period_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), selected);
}

/* Building the window -------------------------------------------------------------- */

static void
on_selection_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, StyrkortCityWindow *self)
{
  _styrkort_city_window_refresh (self);
}

static GtkWidget *
header_button (const char *icon, const char *label, const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  gtk_widget_set_tooltip_text (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
chart (int height)
{
  GtkWidget *view = styrkort_chart_view_new (STYRKORT_CHART_SCREEN);
  gtk_widget_set_size_request (view, -1, height);
  gtk_widget_add_css_class (view, "chart-card");
  return view;
}

static GtkWidget *
build_content (StyrkortCityWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *values = adw_preferences_group_new ();

  self->messages_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->messages_group), _("Messages"));
  self->messages_list = gtk_list_box_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->messages_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Messages"), -1);
  gtk_widget_add_css_class (self->messages_list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->messages_list), GTK_SELECTION_NONE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->messages_group), self->messages_list);
  gtk_widget_set_visible (self->messages_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->messages_group);

  {
    GtkWidget *group = adw_preferences_group_new ();
    GtkWidget *list = gtk_list_box_new ();
    self->sources_row = adw_expander_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sources_row), _("Districts’ Workbooks"));
    gtk_widget_add_css_class (list, "boxed-list");
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Districts’ Workbooks"), -1);
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_list_box_append (GTK_LIST_BOX (list), self->sources_row);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
    gtk_box_append (GTK_BOX (box), group);
  }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (values), _("Districts and the City"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (values),
                                         _("The city value follows each indicator’s rule: rates are all numerators over all "
                                           "denominators, counts are summed."));
  self->table = gtk_grid_new ();
  self->sort_column = -1;
  gtk_widget_set_name (self->table, "city-table");
  gtk_grid_set_column_spacing (GTK_GRID (self->table), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->table), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (values), self->table);
  self->footnotes = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->footnotes), 0);
  gtk_label_set_wrap (GTK_LABEL (self->footnotes), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->footnotes), TRUE);
  gtk_widget_add_css_class (self->footnotes, "dim-label");
  gtk_widget_set_margin_top (self->footnotes, 12);
  gtk_widget_set_visible (self->footnotes, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (values), self->footnotes);
  gtk_box_append (GTK_BOX (box), values);
  {
    GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_box_append (GTK_BOX (choices), self->indicator_dropdown);
    gtk_box_append (GTK_BOX (choices), self->district_dropdown);
    gtk_box_append (GTK_BOX (box), choices);
  }
  self->ranking = chart (460);
  self->trend = chart (420);
  self->status = chart (520);
  gtk_box_append (GTK_BOX (box), self->ranking);
  gtk_box_append (GTK_BOX (box), self->trend);
  {
    /* The rule that makes one status of an area's operations, said where it is used. */
    GtkWidget *rule = gtk_label_new (_("An area shows “Needs attention” when any of the district’s operations needs "
                                       "attention, otherwise the least advanced status among its operations. Point at "
                                       "a cell to see the operations."));
    gtk_label_set_wrap (GTK_LABEL (rule), TRUE);
    gtk_label_set_xalign (GTK_LABEL (rule), 0);
    gtk_widget_add_css_class (rule, "dim-label");
    gtk_widget_set_name (rule, "status-rule");
    gtk_box_append (GTK_BOX (box), rule);
  }
  gtk_box_append (GTK_BOX (box), self->status);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  /* Wide enough for a projector's 1920 px, so long district names need not wrap. */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1840);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scrolled;
}

static void
styrkort_city_window_dispose (GObject *object)
{
  StyrkortCityWindow *self = STYRKORT_CITY_WINDOW (object);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->city, styrkort_city_free);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->district_names, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (styrkort_city_window_parent_class)->dispose (object);
}

/* The overview's own keys, beside the district window's in the same file. */
static void
shortcuts_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/se/styrkort/Styrkort/styrkort-shortcuts.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "city_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
styrkort_city_window_class_init (StyrkortCityWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_city_window_dispose;
  _styrkort_city_window_class_add_file_actions (widget_class);
  _styrkort_city_window_class_add_export_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
}

static void
styrkort_city_window_init (StyrkortCityWindow *self)
{
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Workbooks…"));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->city = styrkort_city_new (NULL);
  self->codes = styrkort_city_list_codes (self->city);
  self->messages = g_ptr_array_new_with_free_func (g_free);
  self->source_rows = g_ptr_array_new ();
  self->periods = g_array_new (FALSE, FALSE, sizeof (StyrkortPeriod));
  for (guint i = 0; i < self->codes->len; i++)
    gtk_string_list_append (names, styrkort_city_indicator_name (self->city, self->codes->pdata[i]));
  self->indicator_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_halign (self->indicator_dropdown, GTK_ALIGN_START);
  gtk_widget_set_name (self->indicator_dropdown, "indicator");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->indicator_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Indicator"), -1);
  self->period_dropdown = gtk_drop_down_new_from_strings ((const char *[]) { NULL });
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Period"), -1);
  g_signal_connect (self->period_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->indicator_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  self->district_names = g_ptr_array_new_with_free_func (g_free);
  self->district_dropdown = gtk_drop_down_new_from_strings ((const char *[]) { _("No district picked out"), NULL });
  gtk_widget_set_name (self->district_dropdown, "district-picked-out");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->district_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("District picked out in the trend"), -1);
  g_signal_connect (self->district_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("City Overview"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), header_button ("list-add-symbolic", _("Add Workbooks (Ctrl+O)"), "city.add"));
  g_menu_append (menu, _("Add a _Folder of Workbooks…"), "city.add-folder");
  g_menu_append (menu, _("Export City _Workbook…"), "city.export-workbook");
  g_menu_append (menu, _("E_xport Slides…"), "city.export-slides");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           header_button ("x-office-presentation-symbolic", _("Present Charts (F5)"), "city.present"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->period_dropdown);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("City Overview"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add the districts’ T2 workbooks (or a folder of them) to compare the districts "
                                     "and compute the city’s figures."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "city.add");
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    GtkWidget *folder = gtk_button_new_with_mnemonic (_("Add a _Folder…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "city.add-folder");
    gtk_widget_add_css_class (folder, "pill");
    gtk_widget_set_halign (folder, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (buttons), add);
    gtk_box_append (GTK_BOX (buttons), folder);
    adw_status_page_set_child (ADW_STATUS_PAGE (empty), buttons);
  }

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), build_content (self), "city");
  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), _styrkort_city_window_reading_bar_new (self));
  gtk_box_append (GTK_BOX (view), self->stack);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, view);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (self->toasts));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 760);
  gtk_window_set_title (GTK_WINDOW (self), _("City Overview"));
}

StyrkortCityWindow *
styrkort_city_window_new (GtkApplication *app)
{
  StyrkortCityWindow *self = g_object_new (STYRKORT_TYPE_CITY_WINDOW, "application", app, NULL);

  /* Fourteen districts × nine indicators want the whole screen: it opens
   * maximised rather than opening small and then growing with its table. */
  gtk_window_maximize (GTK_WINDOW (self));
  return self;
}

StyrkortCity *
styrkort_city_window_get_city (StyrkortCityWindow *self)
{
  return self->city;
}

GPtrArray *
styrkort_city_window_get_messages (StyrkortCityWindow *self)
{
  return self->messages;
}
