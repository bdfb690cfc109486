/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The process's locale, set once the same way by the app, the CLI and every test. */
#include "config.h"

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
