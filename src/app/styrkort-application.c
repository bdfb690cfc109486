/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: one instance, one window per district file. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-a11y.h"
#include "styrkort-chart-style.h"
#include "styrkort-application.h"
#include "styrkort-city-window.h"
#include "styrkort-demo.h"
#include "styrkort-locale.h"
#include "styrkort-project.h"
#include "styrkort-ui-fonts.h"
#include "styrkort-window.h"

#define MAX_RECENT 8

struct _StyrkortApplication {
  AdwApplication parent_instance;
  GSettings *settings;
  GStrv arguments;
  gboolean making_demo;
  gboolean start_window_coming;
};

G_DEFINE_FINAL_TYPE (StyrkortApplication, styrkort_application, ADW_TYPE_APPLICATION)

StyrkortApplication *
styrkort_application_new (void)
{
  return g_object_new (STYRKORT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/se/styrkort/Styrkort",
                       NULL);
}

GSettings *
styrkort_application_get_settings (StyrkortApplication *self)
{
  return self->settings;
}

static StyrkortWindow *
window_for_file (StyrkortApplication *self, GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;
      if (!STYRKORT_IS_WINDOW (l->data))
        continue;
      shown = styrkort_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

/* A window showing the start view can take the file instead of a new one. */
static StyrkortWindow *
empty_window (StyrkortApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (STYRKORT_IS_WINDOW (l->data) && styrkort_window_get_file (l->data) == NULL)
      return l->data;
  return NULL;
}

/* The window of a district the user worked in last, or NULL. */
static StyrkortWindow *
district_window (StyrkortApplication *self)
{
  /* Most recently focused first. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (STYRKORT_IS_WINDOW (l->data) && styrkort_window_get_project (l->data) != NULL)
      return l->data;
  return NULL;
}

/* For tests/bench/run: quit once the first frame that shows the opened
 * file complete is painted (the file opens in a thread beside the window's
 * start; the charts are drawn in the chart thread). */
static void
on_first_paint_cb (GdkFrameClock *clock, StyrkortWindow *window)
{
  if (styrkort_window_is_busy (window))
    return;
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, window);
  g_application_quit (g_application_get_default ());
}

static void
on_window_mapped_cb (GtkWidget *window, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (window, on_window_mapped_cb, app);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint_cb), window);
}

static void
on_open_done_for_bench_cb (GtkWidget *window, gboolean opened, const char *message, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (window, on_open_done_for_bench_cb, app);
  if (gtk_widget_get_mapped (window))
    on_window_mapped_cb (window, app);
  else
    g_signal_connect (window, "map", G_CALLBACK (on_window_mapped_cb), app);
}

static void
watch_first_frame (StyrkortApplication *self, GtkWindow *window)
{
  if (g_getenv ("STYRKORT_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (window, "open-done", G_CALLBACK (on_open_done_for_bench_cb), self);
}

/* A file that does not open in the window made for it while the user works
 * in another district: that window goes again and the message shows where
 * the user is, instead of an empty window on top of the district. */
static void
on_fresh_window_open_done_cb (StyrkortWindow *window, gboolean opened, const char *message, StyrkortWindow *origin)
{
  g_signal_handlers_disconnect_by_func (window, on_fresh_window_open_done_cb, origin);
  if (opened)
    return;
  styrkort_window_toast (origin, message, FALSE);
  gtk_window_present (GTK_WINDOW (origin));
  gtk_window_destroy (GTK_WINDOW (window));
}

void
styrkort_application_open_file (StyrkortApplication *self, GFile *file)
{
  StyrkortWindow *window = window_for_file (self, file);

  if (window == NULL)
    {
      StyrkortWindow *origin = district_window (self);
      window = empty_window (self);
      if (window == NULL)
        {
          window = styrkort_window_new (GTK_APPLICATION (self));
          if (origin != NULL)
            g_signal_connect_object (window, "open-done", G_CALLBACK (on_fresh_window_open_done_cb), origin, 0);
        }
      watch_first_frame (self, GTK_WINDOW (window));
      styrkort_window_open (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static StyrkortProject *
make_demo (GFile *file, gconstpointer data, GError **error)
{
  return styrkort_demo_create (file, STYRKORT_DEMO_SEED, error);
}

/* The demo is made in a worker thread (a few hundred milliseconds of
 * writing), then opened as any file. */
static void
make_demo_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GFile *file = data;
  g_autoptr(GFile) folder = g_file_get_parent (file);
  GError *error = NULL;

  g_file_make_directory_with_parents (folder, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  if (styrkort_project_make_closed (file, make_demo, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_demo_made_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  StyrkortApplication *self = STYRKORT_APPLICATION (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->making_demo = FALSE;
  /* Not made: opening what is there says why in the window. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("%s", error->message);
  styrkort_application_open_file (self, file);
  g_application_release (G_APPLICATION (self));
}

void
styrkort_application_open_demo (StyrkortApplication *self)
{
  g_autofree char *path = styrkort_demo_default_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GTask) task = NULL;

  /* The demo is made afresh unless it is open: the example always looks
   * the same when someone starts from it. */
  if (window_for_file (self, file) != NULL)
    {
      styrkort_application_open_file (self, file);
      return;
    }
  if (self->making_demo)
    return;
  self->making_demo = TRUE;
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, on_demo_made_cb, NULL);
  g_task_set_source_tag (task, styrkort_application_open_demo);
  g_task_set_task_data (task, g_steal_pointer (&file), g_object_unref);
  g_task_run_in_thread (task, make_demo_thread);
}

void
styrkort_application_add_recent (StyrkortApplication *self, GFile *file)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

static void
read_icon_theme_thread (GTask *task, gpointer source, gpointer theme, GCancellable *cancellable)
{
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, "open-menu-symbolic", NULL, 16, 1,
                                                                 GTK_TEXT_DIR_NONE, 0);
}

/* GtkApplication's and libadwaita's startups add their icons to the icon
 * theme, and GTK then reads the theme again on the main thread as the
 * window shows its first icon: about 10 ms of the start. Looking an icon up
 * is thread-safe once the theme is set up, so one lookup in a worker thread
 * reads it while the window is made. */
static void
read_icon_theme_aside (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

typedef struct {
  StyrkortApplication *app;
  GPtrArray *files; /* none: a window with the start view */
} WindowsToMake;

static void
windows_to_make_free (WindowsToMake *make)
{
  g_application_release (G_APPLICATION (make->app));
  g_object_unref (make->app);
  g_ptr_array_unref (make->files);
  g_free (make);
}

static gboolean
make_windows_cb (gpointer data)
{
  WindowsToMake *make = data;

  if (gtk_application_get_windows (GTK_APPLICATION (make->app)) == NULL)
    read_icon_theme_aside ();
  if (make->files->len == 0)
    {
      GtkWindow *window = GTK_WINDOW (styrkort_window_new (GTK_APPLICATION (make->app)));
      make->app->start_window_coming = FALSE;
      watch_first_frame (make->app, window);
      gtk_window_present (window);
    }
  for (guint i = 0; i < make->files->len; i++)
    styrkort_application_open_file (make->app, make->files->pdata[i]);
  styrkort_project_drop_opened_ahead ();
  return G_SOURCE_REMOVE;
}

/* Windows are made in a turn of the main loop after what GTK's and
 * libadwaita's start left for it. libadwaita adds its icons to the icon
 * theme as it starts; when GTK has read the theme by then, the theme is
 * announced changed in the loop's first turn, and a window made before
 * that looks up every icon again and is laid out again after its first
 * frame. */
static void
make_windows (StyrkortApplication *self, GFile **files, int n_files)
{
  WindowsToMake *make = g_new0 (WindowsToMake, 1);

  make->app = g_object_ref (self);
  make->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (make->files, g_object_ref (files[i]));
  g_application_hold (G_APPLICATION (self));
  /* After the theme's announcement (GTK's resize priority − 2). */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, make_windows_cb, make, (GDestroyNotify) windows_to_make_free);
}

static void
styrkort_application_activate (GApplication *app)
{
  StyrkortApplication *self = STYRKORT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
  else if (!self->start_window_coming)
    {
      /* Asked twice before the loop turns: one window. */
      self->start_window_coming = TRUE;
      make_windows (self, NULL, 0);
    }
}

static void
styrkort_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  make_windows (STYRKORT_APPLICATION (app), files, n_files);
}

/* The files named on the command line start opening while GTK starts (it
 * takes a core for about 150 ms); their windows take the openings over.
 * Called only in the instance that shows them: a second start hands its
 * files to the first one, which opens them as usual. */
static void
open_named_files_ahead (StyrkortApplication *self)
{
  for (guint i = 1; self->arguments != NULL && self->arguments[i] != NULL; i++)
    if (self->arguments[i][0] != '-')
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (self->arguments[i]);
        styrkort_project_open_ahead (file, STYRKORT_OPEN_DEFAULT);
      }
  g_clear_pointer (&self->arguments, g_strfreev);
}

static gboolean
styrkort_application_local_command_line (GApplication *app, char ***arguments, int *exit_status)
{
  StyrkortApplication *self = STYRKORT_APPLICATION (app);

  g_strfreev (self->arguments);
  self->arguments = g_strdupv (*arguments);
  return G_APPLICATION_CLASS (styrkort_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static void
new_window_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtk_window_present (GTK_WINDOW (styrkort_window_new (user_data)));
}

static void
open_demo_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  styrkort_application_open_demo (user_data);
}

static void
city_overview_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  /* Its empty state offers files or a folder: no chooser before the choice. */
  gtk_window_present (GTK_WINDOW (styrkort_city_window_new (user_data)));
}

static void
open_recent_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  styrkort_application_open_file (user_data, file);
}

/* A window opened a file: it heads the recent files of the start view. */
static void
add_recent_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  styrkort_application_add_recent (user_data, file);
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);
  const char *developers[] = { "Styrkort", NULL };

  adw_show_about_window (parent,
                         "application-name", "Styrkort",
                         "application-icon", APP_ID,
                         "version", VERSION,
                         "comments", _("Follow-up of the action plan for social workers' and case officers' working situation"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* F11, as in GNOME's apps: the active window full screen and back. */
static void
fullscreen_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (window == NULL)
    return;
  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  /* A copy: closing changes the application's list, and a window that
   * could not save asks first (its question must not be closed too). */
  GList *windows = g_list_copy (gtk_application_get_windows (user_data));

  for (GList *l = windows; l; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
apply_style (StyrkortApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK
  };
  int style = CLAMP (g_settings_get_enum (self->settings, "style"), 0, 2);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[style]);
}

static void
on_style_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  apply_style (user_data);
}

/* The system's UI font, unless Pango cannot draw it (see styrkort_ui_font_name()). */
static void
use_drawable_font (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *system_font = NULL;
  g_autofree char *font = NULL;

  g_object_get (settings, "gtk-font-name", &system_font, NULL);
  if (system_font == NULL)
    return;
  font = styrkort_ui_font_name (system_font);
  if (!g_str_equal (font, system_font))
    g_object_set (settings, "gtk-font-name", font, NULL);
}

static void
styrkort_application_startup (GApplication *app)
{
  StyrkortApplication *self = STYRKORT_APPLICATION (app);
  static const GActionEntry entries[] = {
    { .name = "new-window", .activate = new_window_action },
    { .name = "open-demo", .activate = open_demo_action },
    { .name = "city-overview", .activate = city_overview_action },
    { .name = "open-recent", .activate = open_recent_action, .parameter_type = "s" },
    { .name = "add-recent", .activate = add_recent_action, .parameter_type = "s" },
    { .name = "about", .activate = about_action },
    { .name = "fullscreen", .activate = fullscreen_action },
    { .name = "quit", .activate = quit_action },
  };
  /* Pages: Alt+digit as the tabs of GNOME's apps (Alt+0 the overview before
   * area 1; Alt+Home too), Ctrl+Alt+letter for the two follow-up pages
   * (Alt+letter alone would take the mnemonics). */
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.export-workbook", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.go-overview", { "<Alt>Home", "<Alt>0", NULL } },
    { "win.show-page::a01", { "<Alt>1", NULL } },
    { "win.show-page::a02", { "<Alt>2", NULL } },
    { "win.show-page::a03", { "<Alt>3", NULL } },
    { "win.show-page::a04", { "<Alt>4", NULL } },
    { "win.show-page::a05", { "<Alt>5", NULL } },
    { "win.show-page::a06", { "<Alt>6", NULL } },
    { "win.show-page::a07", { "<Alt>7", NULL } },
    { "win.show-page::a08", { "<Alt>8", NULL } },
    { "win.show-page::a09", { "<Alt>9", NULL } },
    { "win.show-page::brief", { "<Control><Alt>m", NULL } },
    { "win.show-page::figures", { "<Control><Alt>n", NULL } },
    { "win.show-page::steering", { "<Control><Alt>s", NULL } },
    { "app.fullscreen", { "F11", NULL } },
    { "win.previous-period", { "<Alt>Page_Up", NULL } },
    { "win.next-period", { "<Alt>Page_Down", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  open_named_files_ahead (self);
  /* GTK's settings say which fonts the UI's text is set in: those load in
   * a worker thread while libadwaita starts (initialising GTK here first;
   * chaining up does not do it again). */
  gtk_init ();
  use_drawable_font ();
  styrkort_ui_fonts_load_ahead ();
  G_APPLICATION_CLASS (styrkort_application_parent_class)->startup (app);
  styrkort_locale_bind_libraries ();
  styrkort_a11y_init ();
  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  g_signal_connect (self->settings, "changed::style", G_CALLBACK (on_style_changed_cb), self);
  apply_style (self);
}

/* The first window, whichever it is, sets its text in the fonts loaded
 * ahead: it is made, not yet measured. */
static void
styrkort_application_window_added (GtkApplication *app, GtkWindow *window)
{
  styrkort_ui_fonts_use_loaded ();
  GTK_APPLICATION_CLASS (styrkort_application_parent_class)->window_added (app, window);
}

static void
styrkort_application_dispose (GObject *object)
{
  StyrkortApplication *self = STYRKORT_APPLICATION (object);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->arguments, g_strfreev);
  G_OBJECT_CLASS (styrkort_application_parent_class)->dispose (object);
}

static void
styrkort_application_class_init (StyrkortApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = styrkort_application_dispose;
  G_APPLICATION_CLASS (klass)->activate = styrkort_application_activate;
  G_APPLICATION_CLASS (klass)->open = styrkort_application_open;
  G_APPLICATION_CLASS (klass)->startup = styrkort_application_startup;
  G_APPLICATION_CLASS (klass)->local_command_line = styrkort_application_local_command_line;
  GTK_APPLICATION_CLASS (klass)->window_added = styrkort_application_window_added;
}

static void
styrkort_application_init (StyrkortApplication *self)
{
}
