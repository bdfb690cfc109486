/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a desktop, keys pressed as the X server delivers them: F5
 * covers the whole monitor as a full-screen toplevel (under GNOME's window
 * manager: _NET_WM_STATE_FULLSCREEN, a normal window, not a dialog), F11 puts
 * the main window full screen and back, and the page shortcuts reach their
 * pages. Runs on a bare X server and under mutter (tests/with-display.sh
 * --mutter); the screen as shown is saved in BUILDDIR/tests/screens/. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gdk/x11/gdkx.h>
#include <math.h>

#include "styrkort-application.h"
#include "styrkort-chart-view.h"
#include "styrkort-demo.h"
#include "styrkort-locale.h"
#include "styrkort-page.h"
#include "styrkort-projector.h"
#include "styrkort-window.h"
#include "test-util.h"
#include "ui-test-util.h"

static StyrkortApplication *app;
static StyrkortWindow *window;
static char *demo_path;
static gboolean have_wm;
static GType projector_type;

/* Conditions the tests wait for (ui_test_wait_for). */
static gboolean
window_active (gconstpointer w)
{
  return gtk_window_is_active ((GtkWindow *) w);
}

static gboolean
window_unmapped (gconstpointer w)
{
  return !gtk_widget_get_mapped ((GtkWidget *) w);
}

/* Runs @command and returns its standard output; fails the test when it fails. */
static char *
run (const char *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s: %s", command, err);
  return out;
}

static void
xdotool (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
xdotool (const char *format, ...)
{
  va_list args;
  g_autofree char *arguments = NULL;
  g_autofree char *command = NULL;

  va_start (args, format);
  arguments = g_strdup_vprintf (format, args);
  va_end (args);
  command = g_strconcat ("xdotool ", arguments, NULL);
  g_free (run (command));
}

static unsigned long
xid_of (GtkWindow *w)
{
  return (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (w)));
}

/* Gives @w the keyboard focus: the window manager's way when there is one. */
static void
focus (GtkWindow *w)
{
  if (have_wm)
    xdotool ("windowactivate --sync %lu", xid_of (w));
  else
    xdotool ("windowfocus --sync %lu", xid_of (w));
  g_assert_true (ui_test_wait_for (window_active, w));
}

/* Presses @keys (xdotool's names) through XTEST: real key events to the focused window. */
static void
press (const char *keys)
{
  xdotool ("key --clearmodifiers %s", keys);
  ui_test_drain ();
}

/* The window's _NET_WM_STATE and friends, as xprop prints them. */
static char *
wm_properties (GtkWindow *w)
{
  g_autofree char *command = g_strdup_printf ("xprop -id %lu _NET_WM_STATE _NET_WM_WINDOW_TYPE WM_TRANSIENT_FOR",
                                              xid_of (w));
  return run (command);
}

static gboolean
is_wm_fullscreen (GtkWindow *w)
{
  g_autofree char *props = wm_properties (w);
  return strstr (props, "_NET_WM_STATE_FULLSCREEN") != NULL;
}

/* Where the X server has the window on the screen. */
static GdkRectangle
x_geometry (const char *which)
{
  g_autofree char *command = g_strdup_printf ("xwininfo %s", which);
  g_autofree char *out = run (command);
  GdkRectangle r = { -1, -1, -1, -1 };
  const char *p;

  if ((p = strstr (out, "Absolute upper-left X:")) != NULL)
    r.x = atoi (p + strlen ("Absolute upper-left X:"));
  if ((p = strstr (out, "Absolute upper-left Y:")) != NULL)
    r.y = atoi (p + strlen ("Absolute upper-left Y:"));
  if ((p = strstr (out, "Width:")) != NULL)
    r.width = atoi (p + strlen ("Width:"));
  if ((p = strstr (out, "Height:")) != NULL)
    r.height = atoi (p + strlen ("Height:"));
  return r;
}

static GdkRectangle
x_window_geometry (GtkWindow *w)
{
  g_autofree char *which = g_strdup_printf ("-id %lu", xid_of (w));
  return x_geometry (which);
}

static gboolean
on_second_slide (gconstpointer projector)
{
  return styrkort_projector_get_index ((StyrkortProjector *) projector) == 1;
}

static gboolean
page_is (gconstpointer page)
{
  return g_strcmp0 (styrkort_window_get_page (window), page) == 0;
}

/* @widget's window drawn and, under a compositing window manager, put on
 * the screen: GDK starts a frame only once the manager has shown the one
 * before (_NET_WM_FRAME_DRAWN), so the first of two frames is on screen. */
static void
settle_on_screen (GtkWidget *widget)
{
  ui_test_settle (widget);
  ui_test_settle (widget);
}

/* The whole screen as it is shown, window manager and all. */
static void
save_screen (const char *name)
{
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screens", NULL);
  GdkRectangle root = x_geometry ("-root");
  g_autofree char *file = g_strdup_printf ("%s/%s-%s-%dx%d.png", folder, name, have_wm ? "mutter" : "bare",
                                           root.width, root.height);
  g_autofree char *command = g_strdup_printf ("import -window root '%s'", file);

  g_mkdir_with_parents (folder, 0755);
  g_free (run (command));
  g_test_message ("screen saved as %s", file);
}

/* Waits until the window manager shows @w over the whole screen; returns where it is. */
static gboolean
covers_screen (gconstpointer w)
{
  GdkRectangle root = x_geometry ("-root"), shown = x_window_geometry ((GtkWindow *) w);
  return shown.width == root.width && shown.height == root.height && (!have_wm || is_wm_fullscreen ((GtkWindow *) w));
}

static gboolean
main_fullscreen (gconstpointer w)
{
  return gtk_window_is_fullscreen ((GtkWindow *) w) && covers_screen (w);
}

static gboolean
main_not_fullscreen (gconstpointer w)
{
  return !gtk_window_is_fullscreen ((GtkWindow *) w) && !is_wm_fullscreen ((GtkWindow *) w);
}

static GdkRectangle
wait_until_fullscreen (GtkWindow *w)
{
  ui_test_wait_for (covers_screen, w);
  return x_window_geometry (w);
}

/* F5: the projected view covers the monitor, a full-screen normal window. */
static void
test_present_fullscreen (void)
{
  StyrkortProjector *projector = NULL;
  GdkRectangle root = x_geometry ("-root"), monitor, shown = { 0 };
  g_autofree char *props = NULL;

  if (!have_wm)
    {
      g_test_skip ("full screen is the window manager's to grant: run under tests/with-display.sh --mutter");
      return;
    }
  focus (GTK_WINDOW (window));
  press ("F5");
  g_assert_true (ui_test_wait_for (ui_test_toplevel_shown, &projector_type));
  projector = ((StyrkortProjector *) ui_test_find_toplevel (STYRKORT_TYPE_PROJECTOR, TRUE));
  shown = wait_until_fullscreen (GTK_WINDOW (projector));
  g_assert_true (ui_test_wait_for (window_active, projector));
  settle_on_screen (GTK_WIDGET (projector));

  gdk_monitor_get_geometry (gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (projector)),
                                                                gtk_native_get_surface (GTK_NATIVE (projector))),
                            &monitor);
  g_test_message ("screen %dx%d, monitor %dx%d+%d+%d, projector %dx%d+%d+%d", root.width, root.height,
                  monitor.width, monitor.height, monitor.x, monitor.y, shown.width, shown.height, shown.x, shown.y);
  props = wm_properties (GTK_WINDOW (projector));
  g_test_message ("%s", props);
  save_screen ("present");

  /* One monitor here: it is the whole screen, and the window covers it. */
  g_assert_cmpint (monitor.width, ==, root.width);
  g_assert_cmpint (monitor.height, ==, root.height);
  g_assert_cmpint (shown.x, ==, monitor.x);
  g_assert_cmpint (shown.y, ==, monitor.y);
  g_assert_cmpint (shown.width, ==, monitor.width);
  g_assert_cmpint (shown.height, ==, monitor.height);
  /* No title bar or border of GTK's own inside it either: the slide is the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (projector)), ==, monitor.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (projector)), ==, monitor.height);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (projector)));
  /* On the monitor it chose. */
  g_assert_true (styrkort_projector_get_monitor (projector) ==
                 gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (projector)),
                                                     gtk_native_get_surface (GTK_NATIVE (projector))));
  /* A toplevel of its own: a transient window is a dialog, which mutter keeps
   * in a frame over its parent and never lets go full screen. */
  g_assert_null (strstr (props, "WM_TRANSIENT_FOR(WINDOW)"));
  g_assert_nonnull (strstr (props, "_NET_WM_STATE_FULLSCREEN"));
  g_assert_nonnull (strstr (props, "_NET_WM_WINDOW_TYPE_NORMAL"));
  /* The window manager gave it the keyboard. */
  g_assert_true (gtk_window_is_active (GTK_WINDOW (projector)));

  /* Its keys still work, and Escape leaves. */
  press ("Right");
  g_assert_true (ui_test_wait_for (on_second_slide, projector));
  press ("Escape");
  g_assert_true (ui_test_wait_for (ui_test_toplevel_gone, &projector_type));
}

/* F11: the main window full screen, and back. */
static void
test_main_window_f11 (void)
{
  GtkWindow *w = GTK_WINDOW (window);
  GdkRectangle root = x_geometry ("-root"), shown = { 0 };

  if (!have_wm)
    {
      g_test_skip ("full screen is the window manager's to grant: run under tests/with-display.sh --mutter");
      return;
    }
  g_assert_false (gtk_window_is_fullscreen (w));
  focus (w);
  press ("F11");
  ui_test_wait_for (main_fullscreen, w);
  shown = x_window_geometry (w);
  g_assert_true (gtk_window_is_fullscreen (w));
  g_assert_cmpint (shown.width, ==, root.width);
  g_assert_cmpint (shown.height, ==, root.height);
  g_assert_true (is_wm_fullscreen (w));
  save_screen ("main-f11");

  press ("F11");
  ui_test_wait_for (main_not_fullscreen, w);
  g_assert_false (gtk_window_is_fullscreen (w));
  g_assert_false (is_wm_fullscreen (w));
}

/* The page shortcuts, each pressed as a key: Alt+digit for the overview and
 * areas 1–9, Ctrl+Alt+M, Ctrl+Alt+N and Ctrl+Alt+S for Before the Meeting,
 * Indicators and Steering Group. */
static void
test_page_keys (void)
{
  static const struct { const char *keys; const char *page; } steps[] = {
    { "ctrl+alt+n", "figures" },
    { "alt+1", "a01" },
    { "ctrl+alt+s", "steering" },
    { "alt+9", "a09" },
    { "alt+0", "overview" },
    { "ctrl+alt+m", "brief" },
    { "alt+5", "a05" },
    { "alt+Home", "overview" },
    { "alt+3", "a03" },
    { "ctrl+alt+n", "figures" },
  };

  focus (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      press (steps[i].keys);
      /* A busy machine delivers the key later: wait for the page. */
      ui_test_wait_for (page_is, steps[i].page);
      g_test_message ("%s → %s", steps[i].keys, styrkort_window_get_page (window));
      g_assert_cmpstr (styrkort_window_get_page (window), ==, steps[i].page);
      g_assert_true (gtk_widget_get_mapped (styrkort_window_get_page_widget (window, steps[i].page)));
    }
}

/* The first unit's figure of Nyckeltal that can be typed over and is not
 * empty (a cell linked as "cell-INDICATOR-UNIT"). */
static GtkWidget *
first_typed_figure (GtkWidget *widget)
{
  const char *link = styrkort_page_get_link (widget);

  if (link != NULL && g_str_has_prefix (link, "cell-") && gtk_editable_get_editable (GTK_EDITABLE (widget)) &&
      *gtk_editable_get_text (GTK_EDITABLE (widget)) != '\0')
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_typed_figure (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_focus_within (gconstpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, (GtkWidget *) widget));
}

/* A click on a figure in Nyckeltal selects it, as in a spreadsheet: typing
 * replaces it (the click put the cursor in front of 9, and 12 made 129). */
static void
test_click_replaces_figure (void)
{
  StyrkortPeriod p;
  GtkWidget *cell;
  graphene_rect_t bounds;
  GdkRectangle at;
  double sx, sy;
  gint64 indicator, unit;
  g_autofree char *sql = NULL;

  focus (GTK_WINDOW (window));
  styrkort_window_show_page (window, "figures");
  ui_test_settle (GTK_WIDGET (window));
  cell = first_typed_figure (styrkort_window_get_page_widget (window, "figures"));
  g_assert_nonnull (cell);
  g_assert_cmpint (sscanf (styrkort_page_get_link (cell), "cell-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, &indicator, &unit), ==, 2);
  g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (window), &bounds));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  at = x_window_geometry (GTK_WINDOW (window));
  /* In the middle of the cell: left of its figure, which is set right. */
  xdotool ("mousemove --sync %d %d click 1", at.x + (int) (sx + bounds.origin.x + bounds.size.width / 2),
           at.y + (int) (sy + bounds.origin.y + bounds.size.height / 2));
  g_assert_true (ui_test_wait_for (has_focus_within, cell));
  press ("1 2 Return");
  p = styrkort_window_get_period (window);
  sql = g_strdup_printf ("SELECT value FROM indicator_value WHERE indicator_id = %" G_GINT64_FORMAT " AND unit_id = %"
                         G_GINT64_FORMAT " AND year = %d AND tertial = %d", indicator, unit, p.year, p.tertial);
  g_assert_cmpint (ui_test_file_int (window, demo_path, sql), ==, 12);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_test_settle (GTK_WIDGET (window));
}

/* The gallery: every page, dialog and slide as the user sees it, light and
 * dark, saved as BUILDDIR/tests/screens/gallery-SCHEME-NAME-WxH.png to be
 * looked at. What can be asserted is: charts follow the window's style,
 * and a focused chart shows where the focus is. */

typedef struct {
  GdkPaintable *paintable;
  int width, height;
  GskRenderNode **node;
} Snapshot;

static gboolean
snapshot_drawn (gconstpointer data)
{
  const Snapshot *shot = data;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (shot->paintable, snapshot, shot->width, shot->height);
  *shot->node = gtk_snapshot_free_to_node (snapshot);
  return *shot->node != NULL;
}

/* The widget as drawn now, rendered to pixels. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;

  /* Nothing to draw for a moment after the window manager restacks it. */
  ui_test_settle (widget);
  g_assert_true (ui_test_wait_for (snapshot_drawn, &(Snapshot) { paintable, width, height, &node }));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Relative luminance (0 black – 1 white) of the pixel at @x, @y. */
static double
luminance_at (GdkTexture *texture, int x, int y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));
  guint32 argb;

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  argb = pixels[y * width + x];
  return (0.2126 * (argb >> 16 & 0xff) + 0.7152 * (argb >> 8 & 0xff) + 0.0722 * (argb & 0xff)) / 255.0;
}

static gboolean
pixels_differ (GdkTexture *a, GdkTexture *b, int x, int y)
{
  return fabs (luminance_at (a, x, y) - luminance_at (b, x, y)) > 0.05;
}

static GtkWidget *
first_chart (GtkWidget *root)
{
  if (STYRKORT_IS_CHART_VIEW (root) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_chart (child);
      if (found)
        return found;
    }
  return NULL;
}

static void
save_gallery (const char *scheme, const char *name, GtkWidget *shown)
{
  g_autofree char *full = g_strdup_printf ("gallery-%s-%s", scheme, name);
  settle_on_screen (shown);
  save_screen (full);
}

/* The windows shown now that were not before: the dialog an action opened. */
typedef struct {
  GList *before;
  GtkWindow *found;
} NewToplevel;

static gboolean
found_new_toplevel (gconstpointer data)
{
  NewToplevel *look = (NewToplevel *) data;
  GList *now = gtk_window_list_toplevels ();

  for (GList *l = now; l; l = l->next)
    if (g_list_find (look->before, l->data) == NULL && gtk_widget_get_mapped (l->data))
      look->found = l->data;
  g_list_free (now);
  return look->found != NULL;
}

static GtkWindow *
new_toplevel (GList *before)
{
  NewToplevel look = { before, NULL };
  ui_test_wait_for (found_new_toplevel, &look);
  return look.found;
}

static void
shoot_dialog (const char *scheme, const char *action, const char *name)
{
  GList *before = gtk_window_list_toplevels ();
  g_autoptr(GtkWindow) dialog = NULL;
  /* GTK 4.8's own shortcuts window warns "GtkLabel … reported min width -3"
   * while it lays out (GTK's, not ours: not fatal for it alone). */
  gboolean gtk_warns = g_str_equal (action, "win.show-help-overlay");
  GLogLevelFlags fatal = g_log_set_always_fatal (gtk_warns ? G_LOG_FATAL_MASK : G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING |
                                                                                 G_LOG_LEVEL_CRITICAL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dialog = new_toplevel (before);
  g_list_free (before);
  g_assert_nonnull (dialog);
  g_object_ref (dialog); /* closing may destroy it */
  save_gallery (scheme, name, GTK_WIDGET (dialog));
  gtk_window_close (dialog);
  g_assert_true (ui_test_wait_for (window_unmapped, dialog));
  g_log_set_always_fatal (fatal);
}

static void
shoot_slides (const char *scheme)
{
  StyrkortProjector *projector = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (ui_test_wait_for (ui_test_toplevel_shown, &projector_type));
  projector = ((StyrkortProjector *) ui_test_find_toplevel (STYRKORT_TYPE_PROJECTOR, TRUE));
  wait_until_fullscreen (GTK_WINDOW (projector));
  for (guint i = 0; i < styrkort_projector_get_count (projector); i++)
    {
      g_autofree char *name = g_strdup_printf ("slide-%02u", i + 1);
      styrkort_projector_go_to (projector, i);
      save_gallery (scheme, name, GTK_WIDGET (projector));
    }
  gtk_window_close (GTK_WINDOW (projector));
  g_assert_true (ui_test_wait_for (ui_test_toplevel_gone, &projector_type));
}

/* A chart's corner is the chart's own background: dark in a dark window. */
static void
assert_chart_follows_style (gboolean dark)
{
  GtkWidget *chart;
  g_autoptr(GdkTexture) pixels = NULL;
  double corner;

  g_assert_true (styrkort_window_show_page (window, "overview"));
  ui_test_settle (GTK_WIDGET (window));
  chart = first_chart (GTK_WIDGET (window));
  g_assert_nonnull (chart);
  pixels = render_widget (chart);
  corner = luminance_at (pixels, 12, gtk_widget_get_height (chart) / 2);
  g_test_message ("chart background luminance %.2f in the %s style", corner, dark ? "dark" : "light");
  if (dark)
    g_assert_cmpfloat (corner, <, 0.2);
  else
    g_assert_cmpfloat (corner, >, 0.9);
}

/* Tab to a chart: its edge changes to show the focus. */
static void
assert_focused_chart_shows_it (void)
{
  GtkWidget *chart = first_chart (GTK_WIDGET (window));
  g_autoptr(GdkTexture) unfocused = NULL, focused = NULL;

  g_assert_nonnull (chart);
  unfocused = render_widget (chart);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (gtk_widget_grab_focus (chart));
  g_assert_true (gtk_widget_has_visible_focus (chart));
  /* The ring is drawn with the next style update. */
  ui_test_settle (chart);
  focused = render_widget (chart);
  g_assert_true (pixels_differ (unfocused, focused, 1, gtk_widget_get_height (chart) / 2));
  g_assert_false (pixels_differ (unfocused, focused, gtk_widget_get_width (chart) / 2,
                                 gtk_widget_get_height (chart) / 2));
}

static void
test_gallery (void)
{
  static const struct { const char *name; AdwColorScheme scheme; } schemes[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT }, { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };
  static const struct { const char *action; const char *name; } dialogs[] = {
    { "win.show-help-overlay", "shortcuts" }, { "win.preferences", "preferences" },
    { "win.choose-slides", "choose-slides" }, { "win.mark-reported", "mark-reported" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(StyrkortProject) project = NULL;
  g_autoptr(GPtrArray) areas = NULL;

  gtk_window_maximize (GTK_WINDOW (window));
  focus (GTK_WINDOW (window));
  project = g_object_ref (styrkort_window_get_project (window));
  areas = styrkort_project_list_areas (project);
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      adw_style_manager_set_color_scheme (style, schemes[s].scheme);
      ui_test_settle (GTK_WIDGET (window));
      g_assert_true (adw_style_manager_get_dark (style) == (s == 1));
      assert_chart_follows_style (s == 1);
      save_gallery (schemes[s].name, "overview", GTK_WIDGET (window));
      g_assert_true (styrkort_window_show_page (window, "brief"));
      save_gallery (schemes[s].name, "brief", GTK_WIDGET (window));
      for (guint a = 0; a < areas->len; a++)
        {
          const char *key = ((StyrkortArea *) areas->pdata[a])->key;
          g_assert_true (styrkort_window_show_page (window, key));
          save_gallery (schemes[s].name, key, GTK_WIDGET (window));
        }
      g_assert_true (styrkort_window_show_page (window, "figures"));
      save_gallery (schemes[s].name, "figures", GTK_WIDGET (window));
      g_assert_true (styrkort_window_show_page (window, "steering"));
      save_gallery (schemes[s].name, "steering", GTK_WIDGET (window));
      for (guint d = 0; d < G_N_ELEMENTS (dialogs); d++)
        shoot_dialog (schemes[s].name, dialogs[d].action, dialogs[d].name);
      shoot_slides (schemes[s].name);
    }
  g_assert_true (styrkort_window_show_page (window, "overview"));
  assert_focused_chart_shows_it ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
check_tools (void)
{
  const char *tools[] = { "xdotool", "xprop", "xwininfo", "import" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *found = g_find_program_in_path (tools[i]);
      if (found == NULL)
        g_error ("%s is needed (build-aux/install-deps test)", tools[i]);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *root = NULL;

  ui_test_init (&argc, &argv);
  projector_type = STYRKORT_TYPE_PROJECTOR;
  check_tools ();
  /* A window manager names itself on the root window (EWMH). */
  root = run ("xprop -root _NET_SUPPORTING_WM_CHECK");
  have_wm = strstr (root, "window id") != NULL;
  g_test_message ("window manager: %s", have_wm ? "yes" : "none");
  window = ui_test_demo_window (&app, "Stadsdel Exempel.styrkort", 1200, 700, &path);
  demo_path = path;

  ui_test_add ("/desktop/present/fullscreen", test_present_fullscreen);
  ui_test_add ("/desktop/window/f11", test_main_window_f11);
  ui_test_add ("/desktop/window/page-keys", test_page_keys);
  ui_test_add ("/desktop/figures/click-replaces", test_click_replaces_figure);
  ui_test_add ("/desktop/screens/gallery", test_gallery);
  return g_test_run ();
}
