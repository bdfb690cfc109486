/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pages prepared before they are asked for (part of StyrkortWindow).
 *
 * A page's first showing builds and lays out all of it: an area page was
 * some 140 ms of work and Nyckeltal of 30 units 700 ms, spread over the
 * frames but seen filling in. So once a district is shown, the pages are
 * built one at a time in the sidebar's order, out of view, while the window
 * waits for the user: in turns of a few milliseconds, after input, frames
 * and the page in view (styrkort_page_steps_start ()). A page that could not
 * follow a change (another period, an import) is built again the same way
 * once the user has paused. A page asked for before its turn is built then,
 * in view, as before.
 *
 * "Inför mötet" is left to be built when asked for: it is built at once
 * (some 45 ms), from the whole district, and most edits make it stale. */
#include "config.h"

#include "styrkort-page.h"
#include "styrkort-window-private.h"

/* Between two pages: the window stays free to answer for a moment. */
#define PREPARE_PAUSE_MS 40
/* After a change, the pages wait for the user to pause (typing figures
 * makes a change a figure). */
#define PREPARE_AFTER_CHANGE_MS 1000

static gboolean
some_page_building (StyrkortWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->content_stack); child;
       child = gtk_widget_get_next_sibling (child))
    if (styrkort_page_steps_running (child))
      return TRUE;
  return FALSE;
}

/* A page not built yet, or built before a change it could not follow; never
 * the page in view. */
static const char *
next_page_to_prepare (StyrkortWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (GTK_STACK (self->content_stack));

  for (GtkWidget *row = gtk_widget_get_first_child (self->sidebar); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *name = gtk_widget_get_name (row);
      GtkWidget *page;
      if (!gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)) || g_str_equal (name, "brief"))
        continue;
      page = styrkort_window_get_page_widget (self, name);
      if (page == NULL || (page != visible && g_hash_table_contains (self->dirty, name)))
        return name;
    }
  return NULL;
}

static gboolean
on_prepare_next_cb (gpointer data)
{
  StyrkortWindow *self = data;
  const char *name;
  GtkWidget *page;

  self->prepare_source = 0;
  if (self->project == NULL)
    return G_SOURCE_REMOVE;
  if (some_page_building (self))
    {
      _styrkort_window_prepare_pages (self, PREPARE_PAUSE_MS);
      return G_SOURCE_REMOVE;
    }
  name = next_page_to_prepare (self);
  if (name == NULL)
    return G_SOURCE_REMOVE;
  page = styrkort_window_get_page_widget (self, name);
  if (page != NULL)
    {
      styrkort_page_show (STYRKORT_PAGE (page), self->project, self->period);
      g_hash_table_remove (self->dirty, name);
    }
  else if (!_styrkort_window_add_page (self, name))
    return G_SOURCE_REMOVE;
  _styrkort_window_prepare_pages (self, PREPARE_PAUSE_MS);
  return G_SOURCE_REMOVE;
}

void
_styrkort_window_prepare_pages (StyrkortWindow *self, guint delay_ms)
{
  _styrkort_window_stop_preparing (self);
  if (self->no_preparing)
    return;
  self->prepare_source = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, on_prepare_next_cb, self, NULL);
}

void
_styrkort_window_prepare_pages_after_change (StyrkortWindow *self)
{
  _styrkort_window_prepare_pages (self, PREPARE_AFTER_CHANGE_MS);
}

void
_styrkort_window_stop_preparing (StyrkortWindow *self)
{
  g_clear_handle_id (&self->prepare_source, g_source_remove);
}

gboolean
styrkort_window_pages_prepared (StyrkortWindow *self)
{
  return self->project != NULL && next_page_to_prepare (self) == NULL && !some_page_building (self);
}

void
styrkort_window_set_prepares_pages (StyrkortWindow *self, gboolean prepares)
{
  self->no_preparing = !prepares;
  if (!prepares)
    _styrkort_window_stop_preparing (self);
}
