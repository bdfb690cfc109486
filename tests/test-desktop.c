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

#include "styrkort-application.h"
#include "styrkort-demo.h"
#include "styrkort-locale.h"
#include "styrkort-projector.h"
#include "styrkort-window.h"
#include "test-util.h"

static StyrkortApplication *app;
static StyrkortWindow *window;
static gboolean have_wm;

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
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
  for (int i = 0; i < 200 && !gtk_window_is_active (w); i++)
    wait_ms (10);
  g_assert_true (gtk_window_is_active (w));
}

/* Presses @keys (xdotool's names) through XTEST: real key events to the focused window. */
static void
press (const char *keys)
{
  xdotool ("key --clearmodifiers %s", keys);
  wait_ms (200);
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

static StyrkortProjector *
find_projector (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  StyrkortProjector *projector = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (STYRKORT_IS_PROJECTOR (l->data) && gtk_widget_get_mapped (l->data))
      projector = l->data;
  g_list_free (toplevels);
  return projector;
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
  for (int i = 0; i < 300 && (projector = find_projector ()) == NULL; i++)
    wait_ms (10);
  g_assert_nonnull (projector);
  /* The window manager takes a moment to lay it out. */
  for (int i = 0; i < 300; i++)
    {
      shown = x_window_geometry (GTK_WINDOW (projector));
      if (shown.width == root.width && shown.height == root.height && is_wm_fullscreen (GTK_WINDOW (projector)))
        break;
      wait_ms (10);
    }
  wait_ms (500);

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
  g_assert_cmpuint (styrkort_projector_get_index (projector), ==, 1);
  press ("Escape");
  for (int i = 0; i < 100 && find_projector () != NULL; i++)
    wait_ms (10);
  g_assert_null (find_projector ());
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
  for (int i = 0; i < 300; i++)
    {
      shown = x_window_geometry (w);
      if (gtk_window_is_fullscreen (w) && shown.width == root.width && shown.height == root.height &&
          is_wm_fullscreen (w))
        break;
      wait_ms (10);
    }
  g_assert_true (gtk_window_is_fullscreen (w));
  g_assert_cmpint (shown.width, ==, root.width);
  g_assert_cmpint (shown.height, ==, root.height);
  g_assert_true (is_wm_fullscreen (w));
  save_screen ("main-f11");

  press ("F11");
  for (int i = 0; i < 300 && (gtk_window_is_fullscreen (w) || is_wm_fullscreen (w)); i++)
    wait_ms (10);
  g_assert_false (gtk_window_is_fullscreen (w));
  g_assert_false (is_wm_fullscreen (w));
}

/* The page shortcuts, each pressed as a key: Alt+digit for the overview and
 * areas 1–9, Ctrl+Alt+N and Ctrl+Alt+S for Indicators and Steering Group. */
static void
test_page_keys (void)
{
  static const struct { const char *keys; const char *page; } steps[] = {
    { "ctrl+alt+n", "figures" },
    { "alt+1", "a01" },
    { "ctrl+alt+s", "steering" },
    { "alt+9", "a09" },
    { "alt+0", "overview" },
    { "alt+5", "a05" },
    { "alt+Home", "overview" },
    { "alt+3", "a03" },
    { "ctrl+alt+n", "figures" },
  };

  focus (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      press (steps[i].keys);
      g_test_message ("%s → %s", steps[i].keys, styrkort_window_get_page (window));
      g_assert_cmpstr (styrkort_window_get_page (window), ==, steps[i].page);
      g_assert_true (gtk_widget_get_mapped (styrkort_window_get_page_widget (window, steps[i].page)));
    }
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
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *root = NULL;

  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  gtk_disable_setlocale ();
  /* The user's language, as the app. */
  bindtextdomain ("styrkort", g_getenv ("STYRKORT_LOCALEDIR"));
  bind_textdomain_codeset ("styrkort", "UTF-8");
  textdomain ("styrkort");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  check_tools ();
  /* A window manager names itself on the root window (EWMH). */
  root = run ("xprop -root _NET_SUPPORTING_WM_CHECK");
  have_wm = strstr (root, "window id") != NULL;
  g_test_message ("window manager: %s", have_wm ? "yes" : "none");

  path = test_path ("Stadsdel Exempel.styrkort");
  file = g_file_new_for_path (path);
  g_object_unref (styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error));
  g_assert_no_error (error);

  app = styrkort_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = styrkort_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  g_assert_true (styrkort_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (800);

  g_test_add_func ("/desktop/present/fullscreen", test_present_fullscreen);
  g_test_add_func ("/desktop/window/f11", test_main_window_f11);
  g_test_add_func ("/desktop/window/page-keys", test_page_keys);
  return g_test_run ();
}
