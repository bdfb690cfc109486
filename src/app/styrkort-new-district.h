/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A new district: its name asked for, then where to save the file. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks over @parent (a StyrkortWindow: it shows the messages through its
 * win.toast action) and opens the created file through app.open-recent. */
void styrkort_new_district_ask (GtkWindow *parent);

G_END_DECLS
