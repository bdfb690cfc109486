/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A new district: its name asked for, then where to save the file. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks over @parent (a StyrkortWindow: it shows the messages through its
 * win.toast action) and opens the created file through app.open-recent. */
void styrkort_new_district_ask (GtkWindow *parent);
/* Writes the new district @name's file at @file in a worker thread (the
 * user chose it, and to replace what was there), then opens it, or says in
 * @parent why it could not be written. */
void styrkort_new_district_create (GtkWindow *parent, const char *name, GFile *file);

G_END_DECLS
