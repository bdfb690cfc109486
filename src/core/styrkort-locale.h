/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The process's locale, set once the same way by the app, the CLI and every test. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The user's locale for messages, sorting and character classes, but the C
 * locale for LC_NUMERIC: the libraries we call (libxlsxwriter's printf of
 * doubles, SQLite's JSON strtod) write and read numbers with it, and every
 * number in a file must be the same bytes whatever the user's language.
 * Numbers for people go through styrkort_format_number(), which never asks
 * the C library's locale. Call first in main(), before any thread starts. */
void     styrkort_locale_init        (void);

/* Is the user's language Swedish (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as
 * gettext picks)? The one rule for choosing the catalogue's Swedish or
 * English names, numbers for people, and the like. */
gboolean styrkort_locale_is_swedish  (void);

/* A catalogue entry's name in the user's language: STYRKORT_LOCALIZED (area, title). */
#define STYRKORT_LOCALIZED(obj, field) (styrkort_locale_is_swedish () ? (obj)->field##_sv : (obj)->field##_en)

/* TRUE when the process's LC_NUMERIC writes 0.5 as "0.5" (checked at the
 * points that hand numbers to a library, so a regression cannot go unseen). */
gboolean styrkort_locale_numeric_is_c (void);

/* Where the program's translations are: $STYRKORT_LOCALEDIR when set (the
 * build tree), else LOCALEDIR as built, or on Windows share\locale in the
 * folder the program is installed in. */
const char *styrkort_locale_dir            (void);

/* After adw_init(): on Windows, libadwaita's translations are in the
 * program's own share\locale, not at the path libadwaita was built for
 * (GLib and GTK find theirs beside their DLLs). Nothing elsewhere. */
void        styrkort_locale_bind_libraries (void);

G_END_DECLS
