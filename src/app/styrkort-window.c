/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A window: the start view, or one district file with its pages. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-area-page.h"
#include "styrkort-chart-data.h"
#include "styrkort-figures-page.h"
#include "styrkort-import-dialog.h"
#include "styrkort-overview-page.h"
#include "styrkort-page.h"
#include "styrkort-projector.h"
#include "styrkort-reporting.h"
#include "styrkort-slides.h"
#include "styrkort-steering-page.h"
#include "styrkort-window.h"
#include "styrkort-workbook.h"

struct _StyrkortWindow {
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  GtkWidget *content_stack;
  GtkWidget *main_stack;
  GtkWidget *period_dropdown;
  GtkWidget *period_lock;
  GtkWidget *report_label;
  GtkWidget *report_revealer;
  GtkWidget *unlock_button;
  GtkWidget *lock_button;
  GMenu *report_section;
  GtkWidget *read_only_label;
  GtkWidget *read_only_revealer;
  GtkWidget *recent_heading;
  GtkWidget *recent_list;
  GtkWidget *sidebar;
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;

  StyrkortProject *project;
  StyrkortPeriod period;
  GArray *periods;          /* StyrkortPeriod, as in the drop-down */
  GHashTable *dirty;        /* page names shown before the last change */
  gulong changed_id;
  GtkWidget *unlock_dialog; /* while one is open */
};

G_DEFINE_FINAL_TYPE (StyrkortWindow, styrkort_window, ADW_TYPE_APPLICATION_WINDOW)

void
styrkort_window_toast (StyrkortWindow *self, const char *text, gboolean offer_undo)
{
  AdwToast *toast = styrkort_toast_new (text);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_set_timeout (toast, offer_undo ? 8 : 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GFile *
styrkort_window_get_file (StyrkortWindow *self)
{
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

static void
append_menu_item (GMenu *menu, const char *label, const char *action)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);
  g_menu_append_item (menu, item);
}

/* Import, export and reporting, with the period shown named in the labels. */
static void
fill_report_section (StyrkortWindow *self)
{
  g_autofree char *period = styrkort_period_to_string (self->period);
  g_autofree char *mark = g_strdup_printf (_("Mark %s as _Reported…"), period);
  g_autofree char *sent = g_strdup_printf (_("Save %s as Re_ported…"), period);

  g_menu_remove_all (self->report_section);
  append_menu_item (self->report_section, _("_Import Figures…"), "win.import");
  append_menu_item (self->report_section, _("Export _Workbook…"), "win.export-workbook");
  append_menu_item (self->report_section, mark, "win.mark-reported");
  append_menu_item (self->report_section, sent, "win.export-reported");
}

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
                                                     "previous-period", "next-period", "go-overview", NULL };
       *name != NULL; name++)
    set_action_enabled (self, *name, open);
  gtk_widget_set_visible (self->period_dropdown, open);
  update_report_state (self);
}

/* Pages --------------------------------------------------------------------- */

static GtkWidget *
create_page (StyrkortWindow *self, const char *name)
{
  if (g_str_equal (name, "overview"))
    return styrkort_overview_page_new ();
  if (g_str_equal (name, "figures"))
    return styrkort_figures_page_new ();
  if (g_str_equal (name, "steering"))
    return styrkort_steering_page_new ();
  {
    g_autoptr(StyrkortArea) area = styrkort_project_find_area (self->project, name);
    return area ? styrkort_area_page_new (area->id) : NULL;
  }
}

GtkWidget *
styrkort_window_get_page_widget (StyrkortWindow *self, const char *name)
{
  return gtk_stack_get_child_by_name (GTK_STACK (self->content_stack), name);
}

static void
refresh_visible_page (StyrkortWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (GTK_STACK (self->content_stack));
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));

  if (page == NULL || self->project == NULL)
    return;
  styrkort_page_show (STYRKORT_PAGE (page), self->project, self->period);
  g_hash_table_remove (self->dirty, name);
}

gboolean
styrkort_window_show_page (StyrkortWindow *self, const char *name)
{
  GtkWidget *page = styrkort_window_get_page_widget (self, name);

  if (self->project == NULL)
    return FALSE;
  if (page == NULL)
    {
      page = create_page (self, name);
      if (page == NULL)
        return FALSE;
      gtk_stack_add_named (GTK_STACK (self->content_stack), page, name);
      g_hash_table_add (self->dirty, g_strdup (name));
    }
  gtk_stack_set_visible_child (GTK_STACK (self->content_stack), page);
  if (g_hash_table_contains (self->dirty, name))
    refresh_visible_page (self);
  /* Keep the sidebar in step when the page was chosen another way. */
  for (GtkWidget *row = gtk_widget_get_first_child (self->sidebar); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0 &&
        gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar)) != GTK_LIST_BOX_ROW (row))
      gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), GTK_LIST_BOX_ROW (row));
  return TRUE;
}

const char *
styrkort_window_get_page (StyrkortWindow *self)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (self->content_stack));
}

/* Every page shown so far must show the new state when it is next visible. */
static void
mark_all_dirty (StyrkortWindow *self, gboolean including_visible)
{
  const char *visible = gtk_stack_get_visible_child_name (GTK_STACK (self->content_stack));

  for (GtkWidget *child = gtk_widget_get_first_child (self->content_stack); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *name = gtk_stack_page_get_name (gtk_stack_get_page (GTK_STACK (self->content_stack), child));
      if (including_visible || g_strcmp0 (name, visible) != 0)
        g_hash_table_add (self->dirty, g_strdup (name));
    }
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

/* A change made on the visible page is already shown there; the other pages
 * catch up when shown. Undo and redo (what == NULL) may change anything. */
static void
on_project_changed_cb (StyrkortProject *project, const char *what, StyrkortWindow *self)
{
  mark_all_dirty (self, what == NULL);
  if (what == NULL)
    refresh_visible_page (self);
  if (what == NULL || g_strcmp0 (what, "district") == 0)
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
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->period_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), selected);
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
  mark_all_dirty (self, TRUE);
  refresh_visible_page (self);
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

/* Breaks @text into lines of at most @width characters, between words.
 * The sidebar's titles are broken once, here, rather than wrapped by GTK:
 * wrapping 19 long labels height-for-width on every size request cost about
 * 25 ms of the first frame (tests/bench/run). */
static char *
break_into_lines (const char *text, glong width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *lines = g_string_new (NULL);
  glong line = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong length = g_utf8_strlen (words[i], -1);
      if (line > 0 && line + 1 + length > width)
        {
          g_string_append_c (lines, '\n');
          line = 0;
        }
      else if (line > 0)
        {
          g_string_append_c (lines, ' ');
          line++;
        }
      g_string_append (lines, words[i]);
      line += length;
    }
  return g_string_free (lines, FALSE);
}

static void
add_sidebar_entry (StyrkortWindow *self, const char *name, const char *number, const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *lines = break_into_lines (title, 30);
  GtkWidget *label = gtk_label_new (lines);

  gtk_widget_set_name (row, name);
  /* Rows have a minimum height: one-line titles sit in its middle. */
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (number != NULL)
    {
      GtkWidget *n = gtk_label_new (number);
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

static gboolean
prefers_swedish (void)
{
  const char *translated = _("Overview");
  return g_str_equal (translated, "Översikt");
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
      add_sidebar_entry (self, a->key, number, prefers_swedish () ? a->title_sv : a->title_en);
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
  GtkWidget *child;

  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->project);
      styrkort_project_close (self->project);
      g_clear_object (&self->project);
    }
  while ((child = gtk_widget_get_first_child (self->content_stack)) != NULL)
    gtk_stack_remove (GTK_STACK (self->content_stack), child);
  g_hash_table_remove_all (self->dirty);
}

gboolean
styrkort_window_open (StyrkortWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error);
  const char * const *notices;

  if (project == NULL)
    {
      styrkort_window_toast (self, error->message, FALSE);
      return FALSE;
    }
  clear_project (self);
  self->project = g_steal_pointer (&project);
  self->changed_id = g_signal_connect (self->project, "changed", G_CALLBACK (on_project_changed_cb), self);
  gtk_label_set_text (GTK_LABEL (self->read_only_label),
                      styrkort_project_is_read_only (self->project)
                        ? styrkort_project_get_read_only_reason (self->project) : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->read_only_revealer),
                                 styrkort_project_is_read_only (self->project));
  notices = styrkort_project_get_notices (self->project);
  for (guint i = 0; notices[i] != NULL; i++)
    styrkort_window_toast (self, notices[i], FALSE);
  fill_periods (self);
  fill_sidebar (self);
  update_title (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "project");
  styrkort_window_show_page (self, "overview");
  {
    g_autofree char *uri = g_file_get_uri (file);
    gtk_widget_activate_action (GTK_WIDGET (self), "app.add-recent", "s", uri);
  }
  return TRUE;
}

/* Start view ----------------------------------------------------------------- */

static void
fill_recent (StyrkortWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->recent_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->recent_list), child);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("");
      GtkWidget *row;
      if (!g_file_query_exists (file, NULL))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", recent[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (self->recent_list), row);
      shown++;
    }
  gtk_widget_set_visible (self->recent_heading, shown > 0);
  gtk_widget_set_visible (self->recent_list, shown > 0);
}

/* Files open in a window of their own, or come forward where they are
 * open: the application decides, through its action. */
static void
open_elsewhere (StyrkortWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-recent", "s", uri);
}

static void
on_open_response_cb (GtkNativeDialog *dialog, int response, StyrkortWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      open_elsewhere (self, file);
    }
  g_object_unref (dialog);
}

static GtkFileFilter *
styrkort_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("District files (*.styrkort)"));
  gtk_file_filter_add_pattern (filter, "*.styrkort");
  gtk_file_filter_add_mime_type (filter, "application/x-styrkort");
  return filter;
}

static void
open_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Open District"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = styrkort_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct {
  StyrkortWindow *window;
  char *district;
} NewDistrict;

static void
on_new_save_response_cb (GtkNativeDialog *dialog, int response, NewDistrict *data)
{
  StyrkortWindow *self = data->window;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrkortProject) created = NULL;
      /* The chooser already asked before replacing an existing file. */
      if (g_file_query_exists (file, NULL))
        g_file_delete (file, NULL, NULL);
      created = styrkort_project_create (file, data->district, &error);
      if (created == NULL)
        styrkort_window_toast (self, error->message, FALSE);
      else
        {
          styrkort_project_close (created);
          open_elsewhere (self, file);
        }
    }
  g_free (data->district);
  g_free (data);
  g_object_unref (dialog);
}

static void
on_new_name_response_cb (AdwMessageDialog *dialog, const char *response, StyrkortWindow *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;
  NewDistrict *data;

  if (!g_str_equal (response, "create") || *name == '\0')
    return;
  chooser = gtk_file_chooser_native_new (_("Save New District"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  file_name = g_strconcat (name, ".styrkort", NULL);
  g_strdelimit (file_name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  data = g_new0 (NewDistrict, 1);
  data->window = self;
  data->district = g_steal_pointer (&name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New District"),
                                              _("What is the district called? You choose where to save the file next."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. Södermalm"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("District name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("_Continue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_name_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Commands ------------------------------------------------------------------ */

static void
undo_redo (StyrkortWindow *self, gboolean undo)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  /* A field being edited saves first, so that undo takes back the right thing. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  if (!(undo ? styrkort_project_undo : styrkort_project_redo) (self->project, &error))
    styrkort_window_toast (self, error->message, FALSE);
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
present_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  GtkWidget *projector;

  if (self->project == NULL)
    return;
  projector = styrkort_projector_new (self->project, self->period);
  gtk_window_set_transient_for (GTK_WINDOW (projector), GTK_WINDOW (self));
  gtk_window_fullscreen (GTK_WINDOW (projector));
  gtk_window_present (GTK_WINDOW (projector));
}

static void
choose_slides_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_slides_choose (GTK_WINDOW (self), self->project, self->period);
}

static void
export_slides_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_slides_export (GTK_WINDOW (self), self->project, self->period);
}

static void
print_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_slides_print (GTK_WINDOW (self), self->project, self->period);
}

/* Export runs in a thread on a copy of the file in memory, taken here on the
 * window's own connection: a second connection to a file on a share would
 * be refused by the exclusive lock. The window stays responsive and shows
 * that something is happening. */
typedef struct {
  StyrkortProject *snapshot; /* NULL when the copy failed: then @error says why */
  GError *error;
  StyrkortPeriod period;
  char *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->snapshot);
  g_clear_error (&job->error);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr(GError) error = NULL;

  if (job->snapshot == NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else if (!styrkort_workbook_export (job->snapshot, job->period, job->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  StyrkortWindow *self = STYRKORT_WINDOW (source);
  AdwToast *busy = data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  adw_toast_dismiss (busy);
  g_object_unref (busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-workbook", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      styrkort_window_toast (self, error->message, FALSE);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (job->path);
    g_autofree char *folder = g_path_get_dirname (job->path);
    g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
    g_autofree char *uri = g_file_get_uri (folder_file);
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
    AdwToast *toast = styrkort_toast_new (text);
    adw_toast_set_button_label (toast, _("Show _Folder"));
    adw_toast_set_detailed_action_name (toast, "win.show-folder");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    adw_toast_set_timeout (toast, 10);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

void
styrkort_window_export_workbook (StyrkortWindow *self, GFile *target)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  AdwToast *busy;

  if (self->project == NULL)
    return;
  job = g_new0 (ExportJob, 1);
  busy = styrkort_toast_new (_("Exporting the workbook…"));
  adw_toast_set_timeout (busy, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (busy));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-workbook", FALSE);
  /* Fields being edited save first, so that the workbook has them. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  job->snapshot = styrkort_project_snapshot (self->project, &job->error);
  job->period = self->period;
  job->path = g_file_get_path (target);
  task = g_task_new (self, NULL, on_export_done_cb, busy);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_workbook_chosen_cb (GtkNativeDialog *dialog, int response, StyrkortWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      styrkort_window_export_workbook (self, file);
    }
  g_object_unref (dialog);
}

static void
export_workbook_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;
  name = styrkort_workbook_suggested_name (self->project, self->period);
  chooser = gtk_file_chooser_native_new (_("Export Workbook"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Excel workbook (*.xlsx)"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_workbook_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_import_dialog_choose (GTK_WINDOW (self), self->project);
}

static void
mark_reported_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project == NULL)
    return;
  /* Fields being edited save first, so that the report has them. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  styrkort_reporting_mark (GTK_WINDOW (self), self->project, self->period);
}

static void
export_reported_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_reporting_export (GTK_WINDOW (self), self->project, self->period);
}

void
styrkort_window_ask_unlock (StyrkortWindow *self)
{
  if (self->project == NULL || self->unlock_dialog != NULL)
    return;
  self->unlock_dialog = GTK_WIDGET (styrkort_reporting_unlock (GTK_WINDOW (self), self->project, self->period));
  g_object_add_weak_pointer (G_OBJECT (self->unlock_dialog), (gpointer *) &self->unlock_dialog);
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
unlock_period_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  styrkort_window_ask_unlock (STYRKORT_WINDOW (widget));
}

static void
lock_period_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  if (self->project != NULL)
    styrkort_project_lock_period (self->project, self->period);
}

static void
show_folder_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
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
on_style_selected_cb (AdwComboRow *row, GParamSpec *pspec, GSettings *settings)
{
  g_settings_set_enum (settings, "style", (int) adw_combo_row_get_selected (row));
}

static void
preferences_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortWindow *self = STYRKORT_WINDOW (widget);
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_combo_row_new ();
  const char *styles[] = { _("Follow System"), _("Light"), _("Dark"), NULL };
  GSettings *settings = self->settings;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Appearance"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Style"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (styles)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_settings_get_enum (settings, "style"));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_style_selected_cb), settings);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* Lifecycle ----------------------------------------------------------------- */

static gboolean
styrkort_window_close_request (GtkWindow *window)
{
  StyrkortWindow *self = STYRKORT_WINDOW (window);
  GSettings *settings = self->settings;
  int width, height;

  /* Fields being edited save when they lose focus. */
  gtk_window_set_focus (window, NULL);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, period_lock);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, report_label);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, report_revealer);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, lock_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, report_section);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StyrkortWindow, window_title);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.choose-slides", NULL, choose_slides_action);
  gtk_widget_class_install_action (widget_class, "win.export-slides", NULL, export_slides_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.show-folder", "s", show_folder_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.mark-reported", NULL, mark_reported_action);
  gtk_widget_class_install_action (widget_class, "win.export-reported", NULL, export_reported_action);
  gtk_widget_class_install_action (widget_class, "win.unlock-period", NULL, unlock_period_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "(sb)", toast_action);
  gtk_widget_class_install_action (widget_class, "win.lock-period", NULL, lock_period_action);
  gtk_widget_class_install_action (widget_class, "win.previous-period", NULL, period_action);
  gtk_widget_class_install_action (widget_class, "win.next-period", NULL, period_action);
  gtk_widget_class_install_action (widget_class, "win.go-overview", NULL, go_overview_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
}

static void
styrkort_window_init (StyrkortWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->periods = g_array_new (FALSE, FALSE, sizeof (StyrkortPeriod));
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self->period_dropdown, "notify::selected", G_CALLBACK (on_period_selected_cb), self);
  g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (on_sidebar_row_selected_cb), self);
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
  fill_recent (self);
  update_actions (self);
  return self;
}
