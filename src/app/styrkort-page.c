/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every page of the window does: show one project in one period. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-page.h"

G_DEFINE_INTERFACE (StyrkortPage, styrkort_page, GTK_TYPE_WIDGET)

static void
styrkort_page_default_init (StyrkortPageInterface *iface)
{
}

void
styrkort_page_show (StyrkortPage *self, StyrkortProject *project, StyrkortPeriod period)
{
  STYRKORT_PAGE_GET_IFACE (self)->show (self, project, period);
}

gboolean
styrkort_page_update (StyrkortPage *self, StyrkortChanges *changes)
{
  StyrkortPageInterface *iface = STYRKORT_PAGE_GET_IFACE (self);
  return iface->update != NULL ? iface->update (self, changes) : styrkort_changes_is_empty (changes);
}

/* Filling a page in over several frames ------------------------------------- */

/* A turn and the layout of what it added (in the frame after it, or out of
 * view right after it) fit in a frame at 60 Hz, 16.7 ms. The time a turn
 * may spend adding follows from the last turn: widgets cheap to make but
 * dear to lay out (wrapped text) get shorter turns. */
#define TURN_US 12000
#define BUDGET_MAX_US 5000
#define BUDGET_MIN_US 300
#define BUDGET_START_US 2000

typedef struct {
  GtkWidget *page;           /* not a reference: the steps end with the page */
  StyrkortPageStep step;
  guint source;
  gulong after_paint;
  GdkFrameClock *clock;
  gulong map;                /* out of view, waiting to be shown */
  gint64 budget;             /* the time a turn may spend adding */
  gint64 added;              /* the last turn's time spent adding */
  gint64 turn_end;           /* when it ended */
} Steps;

/* From the last turn's time adding and the time its layout took. */
static void
steps_adapt_budget (Steps *steps, gint64 laid_out)
{
  gint64 added = MAX (steps->added, 1);

  steps->budget = CLAMP (TURN_US * added / (added + MAX (laid_out, 0)), BUDGET_MIN_US, BUDGET_MAX_US);
}

static void
steps_disconnect_frame (Steps *steps)
{
  if (steps->after_paint != 0)
    g_signal_handler_disconnect (steps->clock, steps->after_paint);
  steps->after_paint = 0;
  g_clear_object (&steps->clock);
}

static void
steps_free (gpointer data)
{
  Steps *steps = data;

  g_clear_handle_id (&steps->source, g_source_remove);
  steps_disconnect_frame (steps);
  /* Dropped with the page, its handlers are gone already. */
  if (steps->map != 0 && g_signal_handler_is_connected (steps->page, steps->map))
    g_signal_handler_disconnect (steps->page, steps->map);
  g_free (steps);
}

static gboolean on_steps_turn_cb (gpointer data);

/* Realizes @widget and what would be mapped with it: what mapping Nyckeltal's
 * grid first did (some 900 entries) was half realizing them. Popovers and
 * other surfaces of their own wait until they are shown. */
static void
realize_as_mapped (GtkWidget *widget)
{
  if (!gtk_widget_get_realized (widget))
    gtk_widget_realize (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_get_child_visible (child) && !GTK_IS_NATIVE (child))
      realize_as_mapped (child);
}

void
styrkort_page_lay_out_out_of_view (GtkWidget *page)
{
  GtkWidget *parent = gtk_widget_get_parent (page);
  int width = parent ? gtk_widget_get_width (parent) : 0, height = parent ? gtk_widget_get_height (parent) : 0;
  int min, nat;

  if (width <= 0 || height <= 0 || gtk_widget_get_mapped (page))
    return;
  if (gtk_widget_get_realized (parent))
    realize_as_mapped (page);
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  /* As the stack measures the page it shows: its width for its height. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, height, &min, &nat, NULL, NULL);
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  gtk_widget_allocate (page, width, height, -1, NULL);
}

/* A turn's steps; FALSE once the work is done (and @steps freed). */
static gboolean
steps_run_turn (Steps *steps)
{
  gint64 start = g_get_monotonic_time (), end = start + steps->budget;

  do
    if (!steps->step (steps->page))
      {
        styrkort_page_steps_stop (steps->page);
        return FALSE;
      }
  while ((steps->turn_end = g_get_monotonic_time ()) < end);
  steps->added = steps->turn_end - start;
  return TRUE;
}

static void
on_steps_frame_drawn_cb (GdkFrameClock *clock, Steps *steps)
{
  steps_adapt_budget (steps, g_get_monotonic_time () - steps->turn_end);
  steps_disconnect_frame (steps);
  steps->source = g_idle_add (on_steps_turn_cb, steps);
}

static void
on_steps_page_mapped_cb (GtkWidget *page, Steps *steps)
{
  g_clear_signal_handler (&steps->map, page);
  steps->source = g_idle_add (on_steps_turn_cb, steps);
}

static gboolean
on_steps_turn_cb (gpointer data)
{
  Steps *steps = data;

  steps->source = 0;
  /* Out of its window (closed, while something still holds the page). */
  if (gtk_widget_get_root (steps->page) == NULL)
    {
      styrkort_page_steps_stop (steps->page);
      return G_SOURCE_REMOVE;
    }
  /* Out of view: it goes on when shown, or as the window makes it ready. */
  if (!gtk_widget_get_mapped (steps->page))
    {
      steps->map = g_signal_connect (steps->page, "map", G_CALLBACK (on_steps_page_mapped_cb), steps);
      return G_SOURCE_REMOVE;
    }
  if (!steps_run_turn (steps))
    return G_SOURCE_REMOVE;
  /* In view: the next turn after the frame that shows this one's work. */
  steps->clock = g_object_ref (gtk_widget_get_frame_clock (steps->page));
  steps->after_paint = g_signal_connect (steps->clock, "after-paint", G_CALLBACK (on_steps_frame_drawn_cb), steps);
  gtk_widget_queue_draw (steps->page);
  return G_SOURCE_REMOVE;
}

gboolean
styrkort_page_steps_turn_out_of_view (GtkWidget *page)
{
  Steps *steps = g_object_get_data (G_OBJECT (page), "styrkort-steps");
  gboolean more = steps != NULL && !gtk_widget_get_mapped (page) && steps_run_turn (steps);

  styrkort_page_lay_out_out_of_view (page);
  if (more)
    steps_adapt_budget (steps, g_get_monotonic_time () - steps->turn_end);
  return more;
}

void
styrkort_page_steps_start (GtkWidget *page, StyrkortPageStep step)
{
  Steps *steps = g_new0 (Steps, 1);

  steps->page = page;
  steps->step = step;
  /* Short to begin with: the first turn's layout is not known yet. */
  steps->budget = BUDGET_START_US;
  steps->source = g_idle_add (on_steps_turn_cb, steps);
  g_object_set_data_full (G_OBJECT (page), "styrkort-steps", steps, steps_free);
}

void
styrkort_page_steps_stop (GtkWidget *page)
{
  g_object_set_data (G_OBJECT (page), "styrkort-steps", NULL);
}

void
styrkort_page_steps_finish (GtkWidget *page)
{
  Steps *steps = g_object_get_data (G_OBJECT (page), "styrkort-steps");

  if (steps == NULL)
    return;
  while (steps->step (page))
    ;
  styrkort_page_steps_stop (page);
}

gboolean
styrkort_page_steps_running (GtkWidget *page)
{
  return g_object_get_data (G_OBJECT (page), "styrkort-steps") != NULL;
}

/* Pages reach their window through its actions ("win.toast",
 * "win.unlock-period"), never by calling into it. */
void
styrkort_page_report (GtkWidget *widget, const GError *error)
{
  /* A reported period: ask for the reason instead of only refusing. */
  if (g_error_matches (error, STYRKORT_ERROR, STYRKORT_ERROR_REPORTED))
    gtk_widget_activate_action (widget, "win.unlock-period", NULL);
  else
    gtk_widget_activate_action (widget, "win.toast", "(sb)", error->message, FALSE);
}

void
styrkort_page_report_deleted (GtkWidget *widget, const char *what)
{
  g_autofree char *text = g_strdup_printf (_("%s deleted"), what);
  gtk_widget_activate_action (widget, "win.toast", "(sb)", text, TRUE);
}

void
styrkort_page_name_button (GtkWidget *button, const char *label, gboolean sensitive)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_sensitive (button, sensitive);
}

GtkWidget *
styrkort_page_row_button (const char *icon, const char *label, gint64 id, gboolean remove,
                          gboolean sensitive, GCallback callback, gpointer user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  styrkort_page_name_button (button, label, sensitive);
  g_object_set_data (G_OBJECT (button), "id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (button), "remove", GINT_TO_POINTER (remove));
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

void
styrkort_page_set_link (GtkWidget *widget, const char *link)
{
  g_object_set_data_full (G_OBJECT (widget), "styrkort-link", g_strdup (link), g_free);
}

const char *
styrkort_page_get_link (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "styrkort-link");
}

static GtkWidget *
find_matching (GtkWidget *widget, GPatternSpec *pattern)
{
  const char *link = styrkort_page_get_link (widget);

  if (link != NULL && g_pattern_spec_match_string (pattern, link))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, pattern);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
styrkort_page_find_link (GtkWidget *root, const char *pattern)
{
  g_autoptr(GPatternSpec) spec = g_pattern_spec_new (pattern);
  return find_matching (root, spec);
}

gboolean
styrkort_page_focus_in (GtkWidget *widget)
{
  if (gtk_widget_grab_focus (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_grab_focus (child))
      return TRUE;
  return FALSE;
}

void
styrkort_page_clear_list (GtkWidget *list)
{
  GtkWidget *row;
  while ((row = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

GtkWidget *
styrkort_page_add_group (GtkWidget *box, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

void
styrkort_page_group_add_row (GPtrArray *rows, GtkWidget *group, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (rows, g_object_ref (row));
}

void
styrkort_page_group_clear_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}

/* How many frames a new row's view may take to come to it: about a second. */
#define SCROLL_FRAMES 60

/* Runs on the frames after the row was made until it is in view: a row
 * just made has no place yet, and the first scroll can fall short (the
 * view's end not yet grown by the row, or the page still laying out). */
static gboolean
scroll_to_row_tick (GtkWidget *row, GdkFrameClock *clock, gpointer data)
{
  guint *frames = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double view, value;

  if (scrolled == NULL || ++*frames > SCROLL_FRAMES)
    return G_SOURCE_REMOVE;
  if (!gtk_widget_compute_bounds (row, scrolled, &bounds) || bounds.size.height <= 0)
    return G_SOURCE_CONTINUE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  view = gtk_widget_get_height (scrolled);
  value = gtk_adjustment_get_value (adjustment);
  if (bounds.origin.y + bounds.size.height > view)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y + bounds.size.height - view + 12);
  else if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y - 12);
  else
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

void
styrkort_page_focus_row (GtkWidget *list, const char *kind, gint64 id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, kind, id);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (styrkort_page_get_link (row), name) == 0)
      {
        gtk_widget_grab_focus (row);
        gtk_widget_add_tick_callback (row, scroll_to_row_tick, g_new0 (guint, 1), g_free);
      }
}

AdwToast *
styrkort_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  return adw_toast_new (escaped);
}

char *
styrkort_page_break_lines (const char *text, glong width)
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
