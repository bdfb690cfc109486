/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The yardstick for start-up: an empty libadwaita window that quits after
 * its first frame, as styrkort does with STYRKORT_QUIT_AFTER_FIRST_FRAME. */
#include <adwaita.h>

static void
on_first_paint_cb (GdkFrameClock *clock, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, app);
  g_application_quit (app);
}

static void
on_map_cb (GtkWidget *window, GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint_cb), app);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Hej"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("se.styrkort.Minimal", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
