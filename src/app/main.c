/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts Styrkort. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "styrkort-application.h"
#include "styrkort-locale.h"

int
main (int argc, char **argv)
{
  g_autoptr(StyrkortApplication) app = NULL;
  g_autofree char *localedir = NULL;

  styrkort_locale_init ();
  /* gtk_init() would set LC_NUMERIC back to the user's locale. */
  gtk_disable_setlocale ();
  /* Run from the build tree: use the translations built beside it. */
  localedir = g_strdup (g_getenv ("STYRKORT_LOCALEDIR") ? g_getenv ("STYRKORT_LOCALEDIR") : styrkort_locale_dir ());
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = styrkort_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
