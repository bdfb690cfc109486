/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The district's units (enheter): add, rename, move to another operation, remove. */
#pragma once

#include <gtk/gtk.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

/* Shows the units of @project; @done runs when the dialog closes. */
void styrkort_units_dialog_show (GtkWindow *parent, StyrkortProject *project, GCallback done, gpointer user_data);

G_END_DECLS
