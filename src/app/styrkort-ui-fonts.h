/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Starts loading the fonts the first window's text is set in, in a worker
 * thread, into a font map of its own. Call once GTK is initialised (its
 * settings say which fonts) and before libadwaita starts. */
void styrkort_ui_fonts_load_ahead (void);
/* Whether the worker has finished loading. */
gboolean styrkort_ui_fonts_loaded (void);
/* Makes the fonts loaded ahead the main thread's default font map, if the
 * worker has finished (it is not waited for). Returns FALSE, and keeps the
 * default, when nothing was loaded or the text settings changed since
 * (then the fonts loaded would not be the ones asked for). Once only. */
gboolean styrkort_ui_fonts_use_loaded (void);

G_END_DECLS
