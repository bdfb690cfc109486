/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app for tests/check-a11y.py: the demo district in a window, driven by
 * lines on standard input while the screen reader's view (AT-SPI) is walked.
 *   page NAME      shows that page (NAME as in the sidebar)
 *   action NAME    activates the window's action NAME (win.new, app.about, …)
 *   import PATH    opens the import dialog on PATH
 *   city           opens the city overview window
 *   start          opens a second window on the start view
 *   close          closes every window but the first
 * Each command is answered "ready" once it is shown; the sidebar's pages are
 * printed first as "pages NAME…". */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "styrkort-application.h"
#include "styrkort-city-window.h"
#include "styrkort-demo.h"
#include "styrkort-import-dialog.h"
#include "styrkort-locale.h"
#include "styrkort-window.h"
#include "test-util.h"
#include "ui-test-util.h"

static StyrkortApplication *app;
static StyrkortWindow *window;
static GMainLoop *loop;

static void
answer (const char *text)
{
  printf ("%s\n", text);
  fflush (stdout);
}

static gboolean
on_settled_cb (gpointer data)
{
  answer ("ready");
  return G_SOURCE_REMOVE;
}

static void
close_others (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) window && gtk_widget_get_visible (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
}

static void
run_command (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", 2);
  const char *verb = words[0], *argument = words[1];

  if (g_str_equal (verb, "page") && argument != NULL)
    {
      if (!styrkort_window_show_page (window, argument))
        g_error ("no page %s", argument);
    }
  else if (g_str_equal (verb, "action") && argument != NULL)
    {
      if (!gtk_widget_activate_action (GTK_WIDGET (window), argument, NULL))
        g_error ("no action %s", argument);
    }
  else if (g_str_equal (verb, "import") && argument != NULL)
    styrkort_import_dialog_open (GTK_WINDOW (window), styrkort_window_get_project (window), argument);
  else if (g_str_equal (verb, "city"))
    gtk_window_present (GTK_WINDOW (styrkort_city_window_new (GTK_APPLICATION (app))));
  else if (g_str_equal (verb, "start"))
    gtk_window_present (GTK_WINDOW (styrkort_window_new (GTK_APPLICATION (app))));
  else if (g_str_equal (verb, "close"))
    close_others ();
  else if (g_str_equal (verb, "quit"))
    {
      g_main_loop_quit (loop);
      return;
    }
  else
    g_error ("unknown command: %s", line);
  /* Shown, laid out, and the accessibility bus told. */
  g_timeout_add (700, on_settled_cb, NULL);
}

static gboolean
on_input_cb (GIOChannel *channel, GIOCondition condition, gpointer data)
{
  g_autofree char *line = NULL;
  gsize end = 0;

  if (g_io_channel_read_line (channel, &line, NULL, &end, NULL) != G_IO_STATUS_NORMAL)
    {
      g_main_loop_quit (loop);
      return G_SOURCE_REMOVE;
    }
  line[end] = '\0';
  run_command (line);
  return G_SOURCE_CONTINUE;
}

static void
print_pages (void)
{
  g_autoptr(GString) pages = g_string_new ("pages");
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (styrkort_window_get_project (window));

  g_string_append (pages, " overview brief");
  for (guint i = 0; i < areas->len; i++)
    g_string_append_printf (pages, " %s", ((StyrkortArea *) areas->pdata[i])->key);
  g_string_append (pages, " figures steering");
  answer (pages->str);
}

int
main (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GIOChannel) input = NULL;

  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  gtk_disable_setlocale ();
  /* The user's language, as the app: the Swedish run walks the Swedish UI. */
  bindtextdomain ("styrkort", g_getenv ("STYRKORT_LOCALEDIR"));
  bind_textdomain_codeset ("styrkort", "UTF-8");
  textdomain ("styrkort");
  g_set_prgname ("styrkort-a11y-app");
  gtk_init ();
  adw_init ();

  path = test_path ("Stadsdel Exempel.styrkort");
  file = g_file_new_for_path (path);
  g_object_unref (styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error));
  g_assert_no_error (error);
  app = styrkort_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = styrkort_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  g_assert_true (ui_test_open (window, file));
  gtk_window_present (GTK_WINDOW (window));

  loop = g_main_loop_new (NULL, FALSE);
  input = g_io_channel_unix_new (0);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP, on_input_cb, NULL);
  print_pages ();
  g_timeout_add (1000, on_settled_cb, NULL);
  g_main_loop_run (loop);
  g_main_loop_unref (loop);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
