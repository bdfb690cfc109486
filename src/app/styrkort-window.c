/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A window: the start view, or one district file with its pages: the
 * sidebar, the period, the pages and the window's own commands. The start
 * view is in styrkort-window-start.c, the pages in styrkort-window-pages.c,
 * export and report commands in styrkort-window-export.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-locale.h"
#include "styrkort-chart-data.h"
#include "styrkort-page.h"
#include "styrkort-preferences.h"
#include "styrkort-reporting.h"
#include "styrkort-window-private.h"

enum { OPEN_DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (StyrkortWindow, styrkort_window, ADW_TYPE_APPLICATION_WINDOW)

void
styrkort_window_toast (StyrkortWindow *self, const char *text, gboolean offer_undo)
{
  AdwToast *toast = styrkort_toast_new (text);

  /* The toast's Undo takes back the edit it speaks of, and nothing else:
   * once that edit was undone another way, the button does nothing. */
  if (offer_undo && self->project != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-edit");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (styrkort_project_get_undo_edit (self->project)));
    }
  adw_toast_set_timeout (toast, offer_undo ? 8 : 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GFile *
styrkort_window_get_file (StyrkortWindow *self)
{
  if (self->opening_file != NULL)
    return self->opening_file;
  return self->project ? styrkort_project_get_file (self->project) : NULL;
}

StyrkortProject *
styrkort_window_get_project (StyrkortWindow *self)
{
  return self->project;
}

StyrkortPeriod
styrkort_window_get_period (StyrkortWindow *self)
{
  return self->period;
}

static void
set_action_enabled (StyrkortWindow *self, const char *name, gboolean enabled)
{
  g_autofree char *full = g_strconcat ("win.", name, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), full, enabled);
}

/* Puts an item at @position, in place of the one there unless that one
 * already reads @label: each change of the menu makes its open or closed
 * popover build its rows again. */
static void
set_menu_item (GMenu *menu, int position, const char *label, const char *action)
{
  g_autoptr(GMenuItem) item = NULL;
  g_autofree char *shown = NULL;

  if (position < g_menu_model_get_n_items (G_MENU_MODEL (menu)))
    {
      if (g_menu_model_get_item_attribute (G_MENU_MODEL (menu), position, G_MENU_ATTRIBUTE_LABEL, "s", &shown) &&
          g_strcmp0 (shown, label) == 0)
        return;
      g_menu_remove (menu, position);
    }
  item = g_menu_item_new (label, action);
  g_menu_insert_item (menu, position, item);
}

/* Import, export and reporting, with the period shown named in the labels. */
static void
fill_report_section (StyrkortWindow *self)
{
  g_autofree char *period = styrkort_period_to_string (self->period);
  g_autofree char *mark = g_strdup_printf (_("Mark %s as _Reported…"), period);
  g_autofree char *sent = g_strdup_printf (_("Save %s as Re_ported…"), period);

  set_menu_item (self->report_section, 0, _("_Import Figures…"), "win.import");
  set_menu_item (self->report_section, 1, _("Export _Workbook…"), "win.export-workbook");
  set_menu_item (self->report_section, 2, _("Export _Tertial Report…"), "win.export-tertial-report");
  set_menu_item (self->report_section, 3, _("Export the _Brief…"), "win.export-brief");
  set_menu_item (self->report_section, 4, mark, "win.mark-reported");
  set_menu_item (self->report_section, 5, sent, "win.export-reported");
}

static void on_period_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, StyrkortWindow *self);

/* The lock mark beside the period, and the banner that says when it was reported. */
static void
update_report_state (StyrkortWindow *self)
{
  g_autofree char *text = self->project ? styrkort_reporting_describe (self->project, self->period) : NULL;
  gboolean reported = text != NULL;
  gboolean writable = self->project != NULL && !styrkort_project_is_read_only (self->project);

  gtk_widget_set_visible (self->period_lock, reported);
  gtk_label_set_text (GTK_LABEL (self->report_label), text ? text : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->report_revealer), reported);
  gtk_widget_set_visible (self->unlock_button,
                          reported && writable && !styrkort_project_is_unlocked (self->project, self->period));
  gtk_widget_set_visible (self->lock_button,
                          reported && writable && styrkort_project_is_unlocked (self->project, self->period));
  set_action_enabled (self, "export-reported", reported);
  set_action_enabled (self, "unlock-period", reported && writable);
  set_action_enabled (self, "mark-reported", writable);
  set_action_enabled (self, "import", writable);
}

static void
update_actions (StyrkortWindow *self)
{
  gboolean open = self->project != NULL;
  g_autofree char *undo = open ? styrkort_project_undo_summary (self->project) : NULL;

  set_action_enabled (self, "undo", open && styrkort_project_can_undo (self->project));
  set_action_enabled (self, "redo", open && styrkort_project_can_redo (self->project));
  for (const char * const *name = (const char *[]) { "present", "choose-slides", "export-slides", "print", "export-workbook",
                                                     "export-tertial-report", "export-brief", "previous-period", "next-period", "go-overview", NULL };
       *name != NULL; name++)
    set_action_enabled (self, *name, open);
  gtk_widget_set_visible (self->period_dropdown, open);
  update_report_state (self);
}

static void
update_title (StyrkortWindow *self)
{
  g_autoptr(StyrkortDistrict) district = self->project ? styrkort_project_get_district (self->project) : NULL;
  g_autofree char *file_name = NULL;

  if (district == NULL)
    {
      adw_window_title_set_title (self->window_title, "Styrkort");
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), "Styrkort");
      return;
    }
  file_name = g_file_get_basename (styrkort_project_get_file (self->project));
  adw_window_title_set_title (self->window_title, district->name);
  adw_window_title_set_subtitle (self->window_title, file_name);
  gtk_window_set_title (GTK_WINDOW (self), district->name);
}

static void
on_project_changed_cb (StyrkortProject *project, StyrkortChanges *changes, StyrkortWindow *self)
{
  _styrkort_window_update_pages (self, changes);
  if (styrkort_changes_touches (changes, "district"))
    update_title (self);
  update_actions (self);
}

/* Periods --------------------------------------------------------------------- */

/* From three years back (or the first figures) to the current year's end.
 * The period shown is the one last chosen, else the latest with figures. */
static void
fill_periods (StyrkortWindow *self)
{
  g_autoptr(GArray) used = styrkort_project_list_periods (self->project);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *remembered = g_settings_get_string (self->settings, "last-period");
  StyrkortPeriod now = styrkort_period_current (), first = { now.year - 3, 1 }, last = { now.year, 3 }, chosen, wanted;
  guint selected = 0;

  if (used->len > 0)
    {
      StyrkortPeriod a = g_array_index (used, StyrkortPeriod, 0), b = g_array_index (used, StyrkortPeriod, used->len - 1);
      if (styrkort_period_compare (a, first) < 0)
        first = (StyrkortPeriod) { a.year, 1 };
      if (styrkort_period_compare (b, last) > 0)
        last = (StyrkortPeriod) { b.year, 3 };
      chosen = b;
    }
  else
    chosen = now;
  if (styrkort_period_parse (remembered, &wanted) &&
      styrkort_period_compare (wanted, first) >= 0 && styrkort_period_compare (wanted, last) <= 0)
    chosen = wanted;
  g_array_set_size (self->periods, 0);
  for (StyrkortPeriod q = first; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q))
    {
      g_autofree char *label = styrkort_period_to_string (q);
      if (styrkort_period_compare (q, chosen) == 0)
        selected = self->periods->len;
      g_array_append_val (self->periods, q);
      gtk_string_list_append (labels, label);
    }
  self->period = chosen;
  fill_report_section (self);
  /* The period is set here: the dropdown passing through its first item
   * as the model changes is not the user choosing it. */
  g_signal_handlers_block_by_func (self->period_dropdown, on_period_selected_cb, self);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->period_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), selected);
  g_signal_handlers_unblock_by_func (self->period_dropdown, on_period_selected_cb, self);
}

void
styrkort_window_set_period (StyrkortWindow *self, StyrkortPeriod period)
{
  for (guint i = 0; i < self->periods->len; i++)
    if (styrkort_period_compare (g_array_index (self->periods, StyrkortPeriod, i), period) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), i);
}

static void
on_period_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, StyrkortWindow *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i >= self->periods->len ||
      styrkort_period_compare (g_array_index (self->periods, StyrkortPeriod, i), self->period) == 0)
    return;
  self->period = g_array_index (self->periods, StyrkortPeriod, i);
  {
    g_autofree char *name = styrkort_period_to_string (self->period);
    g_settings_set_string (self->settings, "last-period", name);
  }
  _styrkort_window_mark_pages_dirty (self);
  _styrkort_window_refresh_visible_page (self);
  fill_report_section (self);
  update_report_state (self);
}

static void
step_period (StyrkortWindow *self, int delta)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->period_dropdown));
  if ((delta < 0 && i > 0) || (delta > 0 && i + 1 < self->periods->len))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), i + delta);
}

/* Sidebar -------------------------------------------------------------------- */

static void
add_sidebar_heading (StyrkortWindow *self, const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (self->sidebar), row);
}

/* The sidebar's titles are broken once (styrkort_page_break_lines) rather
 * than wrapped by GTK: wrapping 19 long labels height-for-width on every
 * size request cost about 25 ms of the first frame (tests/bench/run). */
static void
add_sidebar_entry (StyrkortWindow *self, const char *name, const char *number, const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *lines = styrkort_page_break_lines (title, 30);
  GtkWidget *label = gtk_label_new (lines);

  gtk_widget_set_name (row, name);
  /* Rows have a minimum height: one-line titles sit in its middle. */
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (number != NULL)
    {
      GtkWidget *n = gtk_label_new (number);
      /* Room for two digits in every row: titles line up from 1 to 13. */
      gtk_label_set_width_chars (GTK_LABEL (n), 2);
      gtk_widget_add_css_class (n, "numeric");
      gtk_label_set_xalign (GTK_LABEL (n), 1);
      gtk_label_set_yalign (GTK_LABEL (n), 0);
      gtk_widget_add_css_class (n, "area-number");
      gtk_widget_add_css_class (n, "dim-label");
      gtk_box_append (GTK_BOX (box), n);
    }
  /* Long area titles are shown whole, on several lines, never cut. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  {
    g_autofree char *accessible = number ? g_strdup_printf ("%s. %s", number, title) : g_strdup (title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  }
  gtk_list_box_append (GTK_LIST_BOX (self->sidebar), row);
}

static void
fill_sidebar (StyrkortWindow *self)
{
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (self->project);
  GtkWidget *child;
  gboolean themes = FALSE;

  while ((child = gtk_widget_get_first_child (self->sidebar)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->sidebar), child);
  add_sidebar_entry (self, "overview", NULL, _("Overview"));
  add_sidebar_entry (self, "brief", NULL, _("Before the Meeting"));
  add_sidebar_heading (self, _("Areas"));
  for (guint i = 0; i < areas->len; i++)
    {
      StyrkortArea *a = areas->pdata[i];
      g_autofree char *number = a->number > 0 ? g_strdup_printf ("%d", a->number) : NULL;
      if (a->kind == STYRKORT_AREA_KIND_THEME && !themes)
        {
          add_sidebar_heading (self, _("Themes"));
          themes = TRUE;
        }
      add_sidebar_entry (self, a->key, number, STYRKORT_LOCALIZED (a, title));
    }
  add_sidebar_heading (self, _("Follow-up"));
  add_sidebar_entry (self, "figures", NULL, _("Indicators"));
  add_sidebar_entry (self, "steering", NULL, _("Steering Group"));
}

static void
on_sidebar_row_selected_cb (GtkListBox *list, GtkListBoxRow *row, StyrkortWindow *self)
{
  if (row != NULL)
    styrkort_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Opening ------------------------------------------------------------------ */

static void
clear_project (StyrkortWindow *self)
{
  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->project);
      g_clear_signal_handler (&self->save_error_id, self->project);
      styrkort_project_close (self->project);
      g_clear_object (&self->project);
    }
  _styrkort_window_remove_pages (self);
}

void
_styrkort_window_open_failed (StyrkortWindow *self, const GError *error)
{
  styrkort_window_toast (self, error->message, FALSE);
  if (self->project == NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "start");
  g_signal_emit (self, signals[OPEN_DONE], 0, FALSE, error->message);
}

/* Under the header bar: why the file cannot be edited, or that edits are
 * not yet in the file (the saver tries again; the window stays usable). */
static void
update_banner (StyrkortWindow *self)
{
  const char *save_error = styrkort_project_get_save_error (self->project);
  g_autofree char *text = NULL;

  if (styrkort_project_is_read_only (self->project))
    text = g_strdup (styrkort_project_get_read_only_reason (self->project));
  else if (save_error != NULL)
    text = g_strdup_printf (_("Your latest changes are not saved in the file yet; Styrkort keeps trying. (%s)"),
                            save_error);
  gtk_label_set_text (GTK_LABEL (self->banner_label), text ? text : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->banner_revealer), text != NULL);
}

void
_styrkort_window_show_project (StyrkortWindow *self, GFile *file, StyrkortProject *project)
{
  const char * const *notices;

  clear_project (self);
  self->project = g_object_ref (project);
  self->changed_id = g_signal_connect (self->project, "changed", G_CALLBACK (on_project_changed_cb), self);
  self->save_error_id = g_signal_connect_swapped (self->project, "notify::save-error",
                                                  G_CALLBACK (update_banner), self);
  update_banner (self);
  notices = styrkort_project_get_notices (self->project);
  for (guint i = 0; notices[i] != NULL; i++)
    styrkort_window_toast (self, notices[i], FALSE);
  fill_periods (self);
  fill_sidebar (self);
  update_title (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "project");
  styrkort_window_show_page (self, "overview");
  _styrkort_window_draw_first_page_ahead (self);
  _styrkort_window_prepare_pages (self);
  {
    g_autofree char *uri = g_file_get_uri (file);
    gtk_widget_activate_action (GTK_WIDGET (self), "app.add-recent", "s", uri);
  }
  g_signal_emit (self, signals[OPEN_DONE], 0, TRUE, NULL);
}

/* Commands ------------------------------------------------------------------ */

static void
undo_redo (StyrkortWindow *self, gboolean undo)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr(GtkWidget) kept = focus ? g_object_ref (focus) : NULL;

  if (self->project == NULL)
    return;
  /* A field being edited saves first, so that undo takes back the right
   * thing; then the focus goes back where it was, if that is still shown
   * (pages update in place, so it usually is). */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  if (!(undo ? styrkort_project_undo : styrkort_project_redo) (self->project, &error))
    styrkort_window_toast (self, error->message, FALSE);
  if (kept != NULL && gtk_widget_get_root (kept) == GTK_ROOT (self) && gtk_widget_is_visible (kept))
    gtk_widget_grab_focus (kept);
}

static void
undo_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  undo_redo (STYRKORT_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  undo_redo (STYRKORT_WINDOW (widget), FALSE);
}

static void
undo_edit_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);

  if (self->project != NULL && styrkort_project_get_undo_edit (self->project) == g_variant_get_int64 (parameter) &&
      g_variant_get_int64 (parameter) != 0)
    undo_redo (self, TRUE);
}

/* "(sb)": a message, and whether to offer Undo. Pages and dialogs show
 * their messages through this action. */
static void
toast_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  const char *text;
  gboolean offer_undo;

  g_variant_get (parameter, "(&sb)", &text, &offer_undo);
  styrkort_window_toast (STYRKORT_WINDOW (widget), text, offer_undo);
}

static void
period_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  step_period (STYRKORT_WINDOW (widget), g_str_equal (action, "win.next-period") ? 1 : -1);
}

static void
go_overview_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  styrkort_window_show_page (STYRKORT_WINDOW (widget), "overview");
}

/* "win.show-page::figures": the page of that name (the keyboard shortcuts). */
static void
show_page_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  styrkort_window_show_page (STYRKORT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
select_period (StyrkortWindow *self, StyrkortPeriod period)
{
  for (guint i = 0; i < self->periods->len; i++)
    if (styrkort_period_compare (g_array_index (self->periods, StyrkortPeriod, i), period) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), i);
}

/* "win.go-to (page, period, widget)": where a line of "Inför mötet" is
 * fixed: the page of that name, in the period (if one is given), with the
 * focus on the first widget whose link matches the pattern (if any). */
static void
go_to_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  const char *page, *period_text, *focus;
  StyrkortPeriod period;
  GtkWidget *target = NULL;

  g_variant_get (parameter, "(&s&s&s)", &page, &period_text, &focus);
  if (*period_text != '\0' && styrkort_period_parse (period_text, &period))
    select_period (self, period);
  if (!styrkort_window_show_page (self, page))
    return;
  if (*focus != '\0')
    {
      GtkWidget *shown = styrkort_window_get_page_widget (self, page);
      styrkort_page_steps_finish (shown);
      target = styrkort_page_find_link (shown, focus);
    }
  /* A meeting opens to show its agenda and decisions. */
  if (ADW_IS_EXPANDER_ROW (target))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (target), TRUE);
  /* A row that takes no focus itself: its first child that does. */
  if (target != NULL)
    styrkort_page_focus_in (target);
}

/* The shortcuts window is built when first asked for: building it with
 * every window (as GTK does for gtk/help-overlay.ui) slows the start. */
static void
shortcuts_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/se/styrkort/Styrkort/styrkort-shortcuts.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
preferences_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gtk_window_present (GTK_WINDOW (styrkort_preferences_new (GTK_WINDOW (widget))));
}

/* Lifecycle ----------------------------------------------------------------- */

static gboolean
styrkort_window_close_request (GtkWindow *window)
{
  StyrkortWindow *self = STYRKORT_WINDOW (window);
  GSettings *settings = self->settings;
  g_autoptr(GError) error = NULL;
  int width, height;

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GtkWidget) kept = focus ? g_object_ref (focus) : NULL;

  /* Fields being edited save when they lose focus. */
  gtk_window_set_focus (window, NULL);
  if (self->project != NULL && !self->closing_unsaved && !styrkort_project_save (self->project, &error))
    {
      /* Kept open: typing goes on where it was once the question is answered. */
      if (kept != NULL && gtk_widget_get_root (kept) == GTK_ROOT (window))
        gtk_window_set_focus (window, kept);
      _styrkort_window_ask_close_unsaved (self, error);
      return TRUE;
    }
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  clear_project (self);
  return GTK_WINDOW_CLASS (styrkort_window_parent_class)->close_request (window);
}

static void
styrkort_window_dispose (GObject *object)
{
  StyrkortWindow *self = STYRKORT_WINDOW (object);

  _styrkort_window_cancel_opening (self);
  if (self->recent_check != NULL)
    g_cancellable_cancel (self->recent_check);
  g_clear_object (&self->recent_check);
  if (self->project != NULL)
    clear_project (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_WINDOW);
  G_OBJECT_CLASS (styrkort_window_parent_class)->dispose (object);
}

static void
styrkort_window_finalize (GObject *object)
{
  StyrkortWindow *self = STYRKORT_WINDOW (object);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->first_page_state, g_free);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (styrkort_window_parent_class)->finalize (object);
}

static void
styrkort_window_class_init (StyrkortWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = styrkort_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = styrkort_window_close_request;

  /**
   * StyrkortWindow::open-done:
   * @opened: whether the file opened
   * @message: (nullable): why not, as the toast in the window said it
   *
   * A file given to styrkort_window_open() was opened, or could not be.
   */
  signals[OPEN_DONE] = g_signal_new ("open-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, period_lock);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, report_label);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, report_revealer);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, lock_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, report_section);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, window_title);

  _styrkort_window_class_add_start_actions (widget_class);
  _styrkort_window_class_add_export_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-edit", "x", undo_edit_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "(sb)", toast_action);
  gtk_widget_class_install_action (widget_class, "win.previous-period", NULL, period_action);
  gtk_widget_class_install_action (widget_class, "win.next-period", NULL, period_action);
  gtk_widget_class_install_action (widget_class, "win.go-overview", NULL, go_overview_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-to", "(sss)", go_to_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
}

/* The main menu's popover is made when it first opens: made with the
 * window, it took a tenth of the window's start (and was rebuilt as the
 * period renamed its items). */
static void
make_main_menu (GtkMenuButton *button, gpointer menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

static void
styrkort_window_init (StyrkortWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->periods = g_array_new (FALSE, FALSE, sizeof (StyrkortPeriod));
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), make_main_menu, self->main_menu, NULL);
  g_signal_connect (self->period_dropdown, "notify::selected", G_CALLBACK (on_period_selected_cb), self);
  g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (on_sidebar_row_selected_cb), self);
  _styrkort_window_watch_input (self);
}

StyrkortWindow *
styrkort_window_new (GtkApplication *app)
{
  StyrkortWindow *self = g_object_new (STYRKORT_TYPE_WINDOW, "application", app, NULL);
  GSettings *settings = self->settings;
  int width, height;

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  _styrkort_window_fill_recent (self);
  update_actions (self);
  return self;
}
