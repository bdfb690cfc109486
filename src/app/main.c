/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts Styrkort. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "styrkort-application.h"
#include "styrkort-chart-render.h"
#include "styrkort-locale.h"

int
main (int argc, char **argv)
{
  g_autoptr(StyrkortApplication) app = NULL;

  styrkort_locale_init ();
  /* The chart fonts load ahead, at the lowest priority, while GTK starts. */
  styrkort_chart_render_warm_up ();
  /* gtk_init() would set LC_NUMERIC back to the user's locale. */
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, styrkort_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = styrkort_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
