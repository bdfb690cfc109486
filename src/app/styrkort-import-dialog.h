/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing figures: the columns, a preview of what will be stored, and the import. */
#pragma once

#include <adwaita.h>

#include "styrkort-import.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_IMPORT_DIALOG (styrkort_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortImportDialog, styrkort_import_dialog, STYRKORT, IMPORT_DIALOG, AdwWindow)

/* The dialog for @source, which it takes. */
StyrkortImportDialog *styrkort_import_dialog_new      (GtkWindow *parent, StyrkortProject *project,
                                                       StyrkortImportSource *source);
/* Reads @path (xlsx or CSV) off the main thread, saying so when it takes a
 * while (with Cancel), then presents the dialog, or a toast saying why not. */
void                  styrkort_import_dialog_open     (GtkWindow *parent, StyrkortProject *project, const char *path);
/* What the dialog would import now; NULL while the columns are not complete. */
StyrkortImportPlan   *styrkort_import_dialog_get_plan (StyrkortImportDialog *self);

/* Asks for an xlsx or CSV file and opens the dialog for it. */
void                  styrkort_import_dialog_choose   (GtkWindow *parent, StyrkortProject *project);

G_END_DECLS
