/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The process's locale, set once the same way by the app, the CLI and every test. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "styrkort-locale.h"

void
styrkort_locale_init (void)
{
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
}

gboolean
styrkort_locale_is_swedish (void)
{
  const char * const *languages = g_get_language_names ();
  return g_str_has_prefix (languages[0], "sv");
}

gboolean
styrkort_locale_numeric_is_c (void)
{
  char text[16];
  snprintf (text, sizeof text, "%.1f", 0.5);
  return strcmp (text, "0.5") == 0;
}

/* The installed translations. On Windows the program can be installed
 * anywhere (C:\Program Files\Styrkort by default, or wherever IT puts it):
 * they are found relative to the program, in ..\share\locale beside
 * its bin folder, never at a path fixed when it was built. */
const char *
styrkort_locale_dir (void)
{
  /* Run from the build tree (build-aux/run-demo, the tests): the
   * translations built beside it. */
  if (g_getenv ("STYRKORT_LOCALEDIR") != NULL)
    return g_getenv ("STYRKORT_LOCALEDIR");
#ifdef G_OS_WIN32
  static gsize dir = 0;

  if (g_once_init_enter (&dir))
    {
      g_autofree char *top = g_win32_get_package_installation_directory_of_module (NULL);
      g_once_init_leave (&dir, (gsize) g_build_filename (top, "share", "locale", NULL));
    }
  return (const char *) dir;
#else
  return LOCALEDIR;
#endif
}

void
styrkort_locale_bind_libraries (void)
{
#ifdef G_OS_WIN32
  bindtextdomain ("libadwaita", styrkort_locale_dir ());
  bind_textdomain_codeset ("libadwaita", "UTF-8");
#endif
}
