/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pages of a window: made when first needed, kept, brought up to date
 * as the file changes, and made ready ahead of the user. Once the window has
 * drawn the file, the pages of the sidebar not yet made, left behind by a
 * change of period, or with changes to catch up with, are worked on a turn
 * a frame while the user does nothing, so that the page chosen next only
 * needs to be mapped and drawn. Pages out of view are hidden widgets. */
#include "config.h"

#include "styrkort-area-page.h"
#include "styrkort-brief-page.h"
#include "styrkort-chart-sizes.h"
#include "styrkort-chart-view.h"
#include "styrkort-figures-page.h"
#include "styrkort-locale.h"
#include "styrkort-overview-page.h"
#include "styrkort-page.h"
#include "styrkort-steering-page.h"
#include "styrkort-window-private.h"

/* Pages are made ready ahead only this long after a page was shown (its
 * first frames, and the charts drawn after them, go first), and after the
 * user last typed, clicked or scrolled. */
#define QUIET_AFTER_SHOWING_US (250 * 1000)

static GtkWidget *
create_page (StyrkortWindow *self, const char *name)
{
  if (g_str_equal (name, "overview"))
    return styrkort_overview_page_new ();
  if (g_str_equal (name, "brief"))
    return styrkort_brief_page_new ();
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

const char *
styrkort_window_get_page (StyrkortWindow *self)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (self->content_stack));
}

static const char *
page_name (StyrkortWindow *self, GtkWidget *page)
{
  return gtk_stack_page_get_name (gtk_stack_get_page (GTK_STACK (self->content_stack), page));
}

/* Shows the project in @page, made or left behind before the last change. */
static void
fill_page (StyrkortWindow *self, GtkWidget *page)
{
  styrkort_page_show (STYRKORT_PAGE (page), self->project, self->period);
  g_hash_table_remove (self->dirty, page_name (self, page));
  g_hash_table_remove (self->pending, page_name (self, page));
}

/* Brings @page up to date with the changes made while it was out of view,
 * in order; a change it cannot show in place leaves it to be filled in. */
static void
catch_up (StyrkortWindow *self, GtkWidget *page)
{
  const char *name = page_name (self, page);
  GPtrArray *changes = g_hash_table_lookup (self->pending, name);

  for (guint i = 0; changes != NULL && !g_hash_table_contains (self->dirty, name) && i < changes->len; i++)
    if (!styrkort_page_update (STYRKORT_PAGE (page), changes->pdata[i]))
      {
        g_hash_table_add (self->dirty, g_strdup (name));
        break;
      }
  g_hash_table_remove (self->pending, name);
}

/* Changes for a page out of view wait until it is shown or made ready:
 * showing them at once, edit after edit, in every page made so far (some
 * rebuild a list), held the window while typing figures on Nyckeltal. */
static void
defer_update (StyrkortWindow *self, const char *name, StyrkortChanges *changes)
{
  GPtrArray *waiting = g_hash_table_lookup (self->pending, name);

  if (waiting == NULL)
    {
      waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_changes_unref);
      g_hash_table_insert (self->pending, g_strdup (name), waiting);
    }
  g_ptr_array_add (waiting, styrkort_changes_ref (changes));
}

/* The page called @name, made and added (hidden) if it was not there.
 * Pages out of view are hidden widgets, not only pages the stack does not
 * show: GTK then leaves their styles alone when the window's styles change (every
 * frame while typing on Nyckeltal, with twenty pages made: gaps between
 * frames of 80-100 ms instead of 25). */
static GtkWidget *
ensure_page (StyrkortWindow *self, const char *name)
{
  GtkWidget *page = styrkort_window_get_page_widget (self, name);

  if (page != NULL)
    return page;
  page = create_page (self, name);
  if (page == NULL)
    return NULL;
  gtk_widget_set_visible (page, FALSE);
  gtk_stack_add_named (GTK_STACK (self->content_stack), page, name);
  g_hash_table_add (self->dirty, g_strdup (name));
  return page;
}

static void
hold_preparing (StyrkortWindow *self)
{
  self->prepare_from = g_get_monotonic_time () + QUIET_AFTER_SHOWING_US;
}

static gboolean
on_window_event_cb (GtkEventControllerLegacy *controller, GdkEvent *event, StyrkortWindow *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      hold_preparing (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Input holds back making pages ready: typing goes first. */
void
_styrkort_window_watch_input (StyrkortWindow *self)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_window_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

gboolean
styrkort_window_show_page (StyrkortWindow *self, const char *name)
{
  GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));
  GtkWidget *page;

  if (self->project == NULL || (page = ensure_page (self, name)) == NULL)
    return FALSE;

  hold_preparing (self);
  catch_up (self, page);
  gtk_widget_set_visible (page, TRUE);
  if (shown != NULL && shown != page)
    {
      gtk_stack_set_visible_child (GTK_STACK (self->content_stack), page);
      gtk_widget_set_visible (shown, FALSE);
    }
  if (g_hash_table_contains (self->dirty, name))
    fill_page (self, page);
  /* Keep the sidebar in step when the page was chosen another way. */
  for (GtkWidget *row = gtk_widget_get_first_child (self->sidebar); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0 &&
        gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar)) != GTK_LIST_BOX_ROW (row))
      gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), GTK_LIST_BOX_ROW (row));
  return TRUE;
}

void
_styrkort_window_refresh_visible_page (StyrkortWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));

  if (page != NULL && self->project != NULL && g_hash_table_contains (self->dirty, page_name (self, page)))
    fill_page (self, page);
}

/* Every chart under @widget drawn; those in @view's area painted too. */
static gboolean
charts_drawn (GtkWidget *widget, GtkWidget *view)
{
  if (STYRKORT_IS_CHART_VIEW (widget))
    {
      graphene_rect_t bounds;
      gboolean in_view = gtk_widget_compute_bounds (widget, view, &bounds) &&
                         bounds.origin.x < gtk_widget_get_width (view) && bounds.origin.x + bounds.size.width > 0 &&
                         bounds.origin.y < gtk_widget_get_height (view) && bounds.origin.y + bounds.size.height > 0;
      return styrkort_chart_view_is_drawn (STYRKORT_CHART_VIEW (widget), in_view);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!charts_drawn (child, view))
      return FALSE;
  return TRUE;
}

/* The page shown filling in, or a chart of it not yet drawn: one out of
 * view drawn into its image, one in view painted as well. Pages made ready
 * out of view do not count: nothing on screen waits for them. */
gboolean
styrkort_window_is_busy (StyrkortWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));
  return page != NULL && ((STYRKORT_IS_PAGE (page) && styrkort_page_steps_running (page)) ||
                          !charts_drawn (page, self->content_stack));
}

/* Every page made so far shows the new period when it is next filled in. */
void
_styrkort_window_mark_pages_dirty (StyrkortWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->content_stack); child;
       child = gtk_widget_get_next_sibling (child))
    g_hash_table_add (self->dirty, g_strdup (page_name (self, child)));
  _styrkort_window_prepare_pages (self);
}

/* The page shown updates what @changes touched in place, or is filled in
 * again; pages out of view do so when shown or made ready. A page that
 * cannot update in place shows its own edit already (an edit made
 * elsewhere, by undo or a group of edits such as an import, is shown again
 * at once). */
void
_styrkort_window_update_pages (StyrkortWindow *self, StyrkortChanges *changes)
{
  GtkWidget *visible = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));
  gboolean own_edit = styrkort_changes_get_origin (changes) == STYRKORT_CHANGE_EDIT;
  gboolean left_behind = FALSE;

  hold_preparing (self);
  for (GtkWidget *child = gtk_widget_get_first_child (self->content_stack); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *name = page_name (self, child);
      if (g_hash_table_contains (self->dirty, name))
        continue;
      if (child != visible)
        defer_update (self, name, changes);
      else if (!styrkort_page_update (STYRKORT_PAGE (child), changes) && !own_edit)
        g_hash_table_add (self->dirty, g_strdup (name));
      else
        continue;
      left_behind = TRUE;
    }
  _styrkort_window_refresh_visible_page (self);
  if (left_behind)
    _styrkort_window_prepare_pages (self);
}

void
_styrkort_window_remove_pages (StyrkortWindow *self)
{
  GtkWidget *child;

  _styrkort_window_stop_preparing (self);
  while ((child = gtk_widget_get_first_child (self->content_stack)) != NULL)
    gtk_stack_remove (GTK_STACK (self->content_stack), child);
  g_hash_table_remove_all (self->dirty);
  g_hash_table_remove_all (self->pending);
}

/* Making pages ready ahead -------------------------------------------------- */

/* The next page of the sidebar, in its order, that is not made, has
 * changes to catch up with, is not up to date or not filled in, other than
 * the one shown. */
static const char *
next_page_to_prepare (StyrkortWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));

  for (GtkWidget *row = gtk_widget_get_first_child (self->sidebar); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *name = gtk_widget_get_name (row);
      GtkWidget *page;
      if (!GTK_IS_LIST_BOX_ROW (row) || !gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)))
        continue;
      page = styrkort_window_get_page_widget (self, name);
      if (page == NULL ||
          (page != visible && (g_hash_table_contains (self->dirty, name) || g_hash_table_contains (self->pending, name) ||
                               styrkort_page_steps_running (page))))
        return name;
    }
  return NULL;
}

static void prepare_after_frame (StyrkortWindow *self);

static void
prepare_page (StyrkortWindow *self, GtkWidget *page, const char *name)
{
  if (g_hash_table_contains (self->pending, name))
    catch_up (self, page);
  else if (!g_hash_table_contains (self->dirty, name))
    {
      styrkort_page_steps_turn_out_of_view (page);
      return;
    }
  if (g_hash_table_contains (self->dirty, name))
    fill_page (self, page);
  styrkort_page_lay_out_out_of_view (page);
}

/* A turn at low priority after a frame: input, frames and the shown page's
 * own filling in come first. The turn waits for a frame while the window is
 * busy showing something, and a moment after a page was shown or the user
 * did something. A turn makes a page, catches up with its changes, fills it
 * in or does a turn of its filling in (a few milliseconds), and lays out
 * what it added. */
static gboolean
on_prepare_turn_cb (gpointer data)
{
  StyrkortWindow *self = data;
  gint64 now = g_get_monotonic_time ();
  const char *name;
  GtkWidget *page;

  self->prepare_id = 0;
  /* The page of the last turn, its styles worked out by the frame since. */
  if (self->prepared != NULL && self->prepared != gtk_stack_get_visible_child (GTK_STACK (self->content_stack)))
    gtk_widget_set_visible (self->prepared, FALSE);
  g_clear_weak_pointer (&self->prepared);
  if (self->project == NULL || (name = next_page_to_prepare (self)) == NULL)
    return G_SOURCE_REMOVE;
  if (styrkort_window_is_busy (self))
    {
      prepare_after_frame (self);
      return G_SOURCE_REMOVE;
    }
  if (now < self->prepare_from)
    {
      self->prepare_id = g_timeout_add_full (G_PRIORITY_LOW, (self->prepare_from - now) / 1000 + 1,
                                             on_prepare_turn_cb, self, NULL);
      return G_SOURCE_REMOVE;
    }
  page = ensure_page (self, name);
  if (page == NULL)
    {
      /* Cannot happen for the sidebar's own names; never ask again. */
      g_warning ("No page for %s", name);
      return G_SOURCE_REMOVE;
    }
  /* Shown to GTK (not on screen: the stack keeps it out of view) while it
   * is worked on, measured, and given its styles in the next frame. */
  gtk_widget_set_visible (page, TRUE);
  prepare_page (self, page, name);
  g_set_weak_pointer (&self->prepared, page);
  prepare_after_frame (self);
  return G_SOURCE_REMOVE;
}

/* First page ---------------------------------------------------------------- */

/* What the sizes of the first page's charts depend on besides the district:
 * the window's size as it opens, the UI font and the language. */
static char *
first_page_state (StyrkortWindow *self)
{
  g_autofree char *font = NULL;
  int width, height, dpi;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font, "gtk-xft-dpi", &dpi, NULL);
  return g_strdup_printf ("%d×%d%s, %s, %d dpi/1024, %s", width, height,
                          g_settings_get_boolean (self->settings, "window-maximized") ? " maximized" : "",
                          font != NULL ? font : "", dpi, styrkort_locale_is_swedish () ? "sv" : "en");
}

/* A window not on screen yet asks for its first page's charts at the sizes
 * kept from the last start (styrkort-chart-sizes.c); after its first frame
 * it keeps the sizes they are shown at. */
void
_styrkort_window_draw_first_page_ahead (StyrkortWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || page == NULL || self->first_page_state != NULL)
    return;
  self->first_page_state = first_page_state (self);
  styrkort_chart_sizes_draw_ahead (page, self->first_page_state);
}

static void
keep_first_page_sizes (StyrkortWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));

  if (self->first_page_state != NULL && page != NULL && g_str_equal (page_name (self, page), "overview"))
    styrkort_chart_sizes_keep (page, self->first_page_state);
  g_clear_pointer (&self->first_page_state, g_free);
}

/* Pages made ready ------------------------------------------------------------ */

static void
on_prepare_frame_cb (GdkFrameClock *clock, StyrkortWindow *self)
{
  g_clear_signal_handler (&self->prepare_paint_id, self->prepare_clock);
  g_clear_object (&self->prepare_clock);
  /* The first frame after the window came on screen. */
  keep_first_page_sizes (self);
  self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, on_prepare_turn_cb, self, NULL);
}

static void
on_prepare_mapped_cb (StyrkortWindow *self)
{
  g_clear_signal_handler (&self->prepare_map_id, self);
  prepare_after_frame (self);
}

/* After the next frame (the first one shows what the user opened), or once
 * the window is on screen. */
static void
prepare_after_frame (StyrkortWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;

  if (clock == NULL)
    {
      self->prepare_map_id = g_signal_connect_swapped (self, "map", G_CALLBACK (on_prepare_mapped_cb), self);
      return;
    }
  self->prepare_clock = g_object_ref (clock);
  self->prepare_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_prepare_frame_cb), self);
  /* The layout phase works out the styles of what changed. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

void
_styrkort_window_prepare_pages (StyrkortWindow *self)
{
  if (styrkort_window_is_preparing (self))
    return;
  prepare_after_frame (self);
}

void
_styrkort_window_stop_preparing (StyrkortWindow *self)
{
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_signal_handler (&self->prepare_map_id, self);
  g_clear_weak_pointer (&self->prepared);
  /* A frame clock of a window taken off the screen has no handlers left. */
  if (self->prepare_clock != NULL && g_signal_handler_is_connected (self->prepare_clock, self->prepare_paint_id))
    g_signal_handler_disconnect (self->prepare_clock, self->prepare_paint_id);
  self->prepare_paint_id = 0;
  g_clear_object (&self->prepare_clock);
}

gboolean
styrkort_window_is_preparing (StyrkortWindow *self)
{
  return self->prepare_id != 0 || self->prepare_paint_id != 0 || self->prepare_map_id != 0;
}
