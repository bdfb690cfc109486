/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void styrkort_a11y_init (void);
/* Names a button with a mnemonic label now: the fix made when a button is
 * shown comes too late for one that screen readers read unshown (in a
 * closed expander row). */
void styrkort_a11y_name_mnemonic_button (GtkWidget *button);
/* Names every list box under @root @label. */
void styrkort_a11y_name_lists (GtkWidget *root, const char *label);

G_END_DECLS
