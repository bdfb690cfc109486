/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "styrkort-chart-render.h"
#include "styrkort-demo.h"
#include "styrkort-import-dialog.h"
#include "styrkort-locale.h"
#include "test-util.h"
#include "ui-test-util.h"

#define WAIT_LIMIT_US (20 * G_USEC_PER_SEC)
/* Frames a window may keep asking for more work in before it is settled. */
#define SETTLE_FRAMES 20

/* GTK 4.8 still shows a tooltip whose window has closed (between the
 * pointer resting on a widget and the tooltip's timeout): two criticals of
 * GTK's own (gtktooltip.c), after which it gives up; harmless, and not ours,
 * so not fatal here. Every other warning and critical stays fatal. */
static gboolean
is_gtk_tooltip_critical (const char *domain, const char *message)
{
  return (g_strcmp0 (domain, "Gdk") == 0 && strstr (message, "gdk_surface_get_device_position") != NULL) ||
         (g_strcmp0 (domain, "Gtk") == 0 && strstr (message, "_gtk_widget_find_at_coords") != NULL);
}

static gboolean
fatal_unless_gtk_tooltip (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  return !is_gtk_tooltip_critical (domain, message);
}

/* GTest's own log handler, which writes a fatal message as "Bail out!" in
 * TAP, and meson then fails the test even though it went on. */
static GLogFunc gtest_log_handler;

static void
log_tolerating_gtk_tooltip (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  if (is_gtk_tooltip_critical (domain, message))
    g_printerr ("%s (tolerated): %s\n", domain, message);
  else
    gtest_log_handler (domain, level, message, data);
}

void
ui_test_init (int *argc, char ***argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  gtk_disable_setlocale ();
  bindtextdomain ("styrkort", g_getenv ("STYRKORT_LOCALEDIR"));
  bind_textdomain_codeset ("styrkort", "UTF-8");
  textdomain ("styrkort");
  gtk_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (fatal_unless_gtk_tooltip, NULL);
  gtest_log_handler = g_log_set_default_handler (log_tolerating_gtk_tooltip, NULL);
  adw_init ();
}

static void
run_tolerating_gtk_tooltip (gconstpointer test)
{
  g_test_log_set_fatal_handler (fatal_unless_gtk_tooltip, NULL);
  ((GTestFunc) test) ();
}

void
ui_test_add (const char *path, GTestFunc test)
{
  g_test_add_data_func (path, (gconstpointer) test, run_tolerating_gtk_tooltip);
}

static gboolean
on_tick_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

gboolean
ui_test_wait_for (UiTestDone done, gconstpointer data)
{
  return ui_test_wait_for_within (done, data, WAIT_LIMIT_US / G_USEC_PER_SEC);
}

gboolean
ui_test_wait_for_within (UiTestDone done, gconstpointer data, int seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  /* Done, and still done once what was pending has run (which may have
   * started more work: a frame drawn asks for charts). */
  do
    {
      while (!done (data) && g_get_monotonic_time () < end)
        {
          /* Wakes the blocking iteration when nothing in the loop would. */
          guint tick = g_timeout_add (5, on_tick_cb, NULL);
          g_main_context_iteration (NULL, TRUE);
          if (g_main_context_find_source_by_id (NULL, tick) != NULL)
            g_source_remove (tick);
        }
      ui_test_drain ();
    }
  while (!done (data) && g_get_monotonic_time () < end);
  return done (data);
}

void
ui_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gconstpointer flag)
{
  return *(const gboolean *) flag;
}

/* No page filling in, no chart on its way (any window: the city
 * overview's and the projector's charts are drawn in the chart thread too). */
static gboolean
nothing_pending (gconstpointer widget)
{
  return styrkort_chart_render_pending () == 0 &&
         (widget == NULL || !STYRKORT_IS_WINDOW ((gpointer) widget) || !styrkort_window_is_busy ((StyrkortWindow *) widget));
}

void
ui_test_settle (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  ui_test_drain ();
  for (guint frames = 0; frames < SETTLE_FRAMES; frames++)
    {
      /* A page that fills itself in over several frames, complete, and
       * the charts drawn. */
      g_assert_true (ui_test_wait_for (nothing_pending, widget));
      if (widget == NULL || !gtk_widget_get_mapped (widget) || (clock = gtk_widget_get_frame_clock (widget)) == NULL)
        return;
      painted = FALSE;
      id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
      gtk_widget_queue_draw (widget);
      g_assert_true (ui_test_wait_for (is_true, &painted));
      g_signal_handler_disconnect (clock, id);
      /* Done unless that frame asked for more (a chart come into view). */
      if (nothing_pending (widget))
        return;
    }
  g_assert_not_reached ();
}

/* The widget as drawn now; NULL while it has nothing to draw yet. */
static GskRenderNode *
snapshot_node (GtkWidget *widget, int width, int height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  return gtk_snapshot_free_to_node (snapshot);
}

typedef struct {
  GtkWidget *widget;
  GskRenderNode *node;
  int width, height;
} Shot;

static gboolean
shot_taken (gconstpointer data)
{
  Shot *shot = (Shot *) data;

  shot->width = gtk_widget_get_width (shot->widget);
  shot->height = gtk_widget_get_height (shot->widget);
  if (shot->node == NULL && shot->width > 0 && shot->height > 0)
    shot->node = snapshot_node (shot->widget, shot->width, shot->height);
  return shot->node != NULL;
}

GdkTexture *
ui_test_render (GtkWidget *widget)
{
  GdkTexture *texture;
  Shot shot = { widget, NULL, 0, 0 };

  /* A window the window manager is still placing (full screen under
   * mutter) has nothing to draw for a moment. */
  ui_test_settle (widget);
  g_assert_true (ui_test_wait_for (shot_taken, &shot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), shot.node,
                                         &GRAPHENE_RECT_INIT (0, 0, shot.width, shot.height));
  gsk_render_node_unref (shot.node);
  return texture;
}

void
ui_test_save_png (GtkWidget *widget, const char *name)
{
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screens", NULL);
  g_autofree char *file = g_build_filename (folder, name, NULL);
  g_autoptr(GdkTexture) texture = NULL;

  g_mkdir_with_parents (folder, 0755);
  texture = ui_test_render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, file));
}

/* The pointer in the screen's corner, on no widget with a tooltip: GTK 4.8
 * shows a tooltip after its window has closed (see above). */
static void
park_pointer (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  Display *x;

  if (!GDK_IS_X11_DISPLAY (display))
    return;
  x = gdk_x11_display_get_xdisplay (display);
  XWarpPointer (x, None, DefaultRootWindow (x), 0, 0, 0, 0, 0, 0);
  XFlush (x);
}

static void
on_open_done_cb (StyrkortWindow *window, gboolean opened, const char *message, int *result)
{
  *result = opened ? 1 : 0;
}

static gboolean
is_decided (gconstpointer result)
{
  return *(const int *) result >= 0;
}

gboolean
ui_test_open (StyrkortWindow *window, GFile *file)
{
  int result = -1;
  gulong id = g_signal_connect (window, "open-done", G_CALLBACK (on_open_done_cb), &result);

  styrkort_window_open (window, file);
  g_assert_true (ui_test_wait_for (is_decided, &result));
  g_signal_handler_disconnect (window, id);
  return result == 1;
}

StyrkortWindow *
ui_test_demo_window (StyrkortApplication **app, const char *name, int width, int height, char **path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  StyrkortWindow *window;

  *path = test_path (name);
  file = g_file_new_for_path (*path);
  g_object_unref (styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error));
  g_assert_no_error (error);
  *app = styrkort_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, &error));
  window = styrkort_window_new (GTK_APPLICATION (*app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (ui_test_open (window, file));
  park_pointer ();
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait_for ((UiTestDone) gtk_widget_get_mapped, window));
  ui_test_settle (GTK_WIDGET (window));
  return window;
}

GtkWidget *
ui_test_find_toplevel (GType type, gboolean mapped)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data) &&
        (!mapped || gtk_widget_get_mapped (l->data)))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

gboolean
ui_test_toplevel_shown (gconstpointer type)
{
  return ui_test_find_toplevel (*(const GType *) type, TRUE) != NULL;
}

gboolean
ui_test_toplevel_gone (gconstpointer type)
{
  return ui_test_find_toplevel (*(const GType *) type, TRUE) == NULL;
}

GtkWidget *
ui_test_find_widget (GtkWidget *root, UiTestMatch match, gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

gboolean
ui_test_is_button_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
ui_test_is_button_tipped (GtkWidget *widget, gconstpointer tip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tip) == 0;
}

gboolean
ui_test_is_row_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
ui_test_import_dialog_shown (gconstpointer data)
{
  StyrkortImportDialog **dialog = (StyrkortImportDialog **) data;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (STYRKORT_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      *dialog = l->data;
  g_list_free (toplevels);
  return *dialog != NULL;
}

static void
wait_until_saved (StyrkortWindow *window)
{
  StyrkortProject *project = window ? styrkort_window_get_project (window) : NULL;
  g_autoptr(GError) error = NULL;

  if (project != NULL)
    g_assert_true (styrkort_project_save (project, &error));
  g_assert_no_error (error);
}

gint64
ui_test_file_int (StyrkortWindow *window, const char *path, const char *sql)
{
  wait_until_saved (window);
  return test_sql_int (path, sql);
}

char *
ui_test_file_text (StyrkortWindow *window, const char *path, const char *sql)
{
  wait_until_saved (window);
  return test_sql_text (path, sql);
}
