/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading files from others off the main thread: the import's spreadsheet
 * and the city overview's workbooks. */
#pragma once

#include <gio/gio.h>

#include "styrkort-city.h"
#include "styrkort-import.h"

G_BEGIN_DECLS

/* Reads @path (the sheet @sheet_name, or the default one) in a worker thread. */
void                  styrkort_import_source_read_async  (const char *path, const char *sheet_name,
                                                          GCancellable *cancellable, GAsyncReadyCallback callback,
                                                          gpointer user_data);
StyrkortImportSource *styrkort_import_source_read_finish (GAsyncResult *result, GError **error);

/* Folders among @paths replaced by the workbooks and district files in them
 * (.xlsx and .styrkort in any case, sorted, without Excel's "~$" owner
 * files); other paths as they are. */
GPtrArray            *styrkort_city_expand_paths         (const char * const *paths);

/* One file read for the city overview: a source, or the error naming it. */
typedef struct {
  char *path;
  StyrkortCitySource *source;
  GError *error;
} StyrkortCityFileRead;

void                  styrkort_city_file_read_free       (StyrkortCityFileRead *read);

/* Called in the caller's main context after each file: @done of @total. */
typedef void (*StyrkortReadProgress) (guint done, guint total, gpointer user_data);

/* Reads every file of @paths (folders expanded) for @city in a worker
 * thread (which holds a reference to @city); add the sources with
 * styrkort_city_take_source() when done. @progress_data must stay valid
 * until the callback has run or @cancellable is cancelled: progress is not
 * reported after that. */
void                  styrkort_city_read_async           (StyrkortCity *city, const char * const *paths,
                                                          StyrkortReadProgress progress, gpointer progress_data,
                                                          GCancellable *cancellable, GAsyncReadyCallback callback,
                                                          gpointer user_data);
/* StyrkortCityFileRead*, in the order read. */
GPtrArray            *styrkort_city_read_finish          (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortCityFileRead, styrkort_city_file_read_free)

G_END_DECLS
