/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing figures: the columns, a preview of what will be stored, and the import. */
#pragma once

#include <adwaita.h>

#include "styrkort-import.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_IMPORT_DIALOG (styrkort_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortImportDialog, styrkort_import_dialog, STYRKORT, IMPORT_DIALOG, AdwWindow)

/* Reads @path (xlsx or CSV); NULL with @error when it cannot be read. */
StyrkortImportDialog *styrkort_import_dialog_new      (GtkWindow *parent, StyrkortProject *project, const char *path,
                                                       GError **error);
/* What the dialog would import now; NULL while the columns are not complete. */
StyrkortImportPlan   *styrkort_import_dialog_get_plan (StyrkortImportDialog *self);

/* Asks for an xlsx or CSV file and opens the dialog for it. */
void                  styrkort_import_dialog_choose   (GtkWindow *parent, StyrkortProject *project);

G_END_DECLS
