/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue (areas, themes, operations, indicators) as a validated GKeyFile. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Stockholm's catalogue, shipped in data/catalogue/. */
GKeyFile *styrkort_catalogue_load_default (GError **error);
GKeyFile *styrkort_catalogue_load_data    (const char *data, gsize length, GError **error);

/* Copies a validated catalogue into a new project database. */
gboolean  styrkort_catalogue_install      (GKeyFile *catalogue, sqlite3 *db, GError **error);

G_END_DECLS
