/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts Styrkort. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "styrkort-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(StyrkortApplication) app = NULL;
  g_autofree char *localedir = NULL;

  setlocale (LC_ALL, "");
  /* Run from the build tree: use the translations built beside it. */
  localedir = g_strdup (g_getenv ("STYRKORT_LOCALEDIR") ? g_getenv ("STYRKORT_LOCALEDIR") : LOCALEDIR);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = styrkort_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
