/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the cells of an xlsx workbook (libzip + GMarkup): the one reader
 * that the import and the city overview share. */
#pragma once

#include <glib.h>

#include "styrkort-sheet.h"

G_BEGIN_DECLS

typedef struct _StyrkortXlsx StyrkortXlsx;

/* Opens @path; a file that is not a workbook, a damaged or incomplete one,
 * or a password-protected one gets an error naming the file and saying so
 * (STYRKORT_ERROR_FOREIGN for a password: it tells how to remove it).
 * A workbook past a limit (rows, columns, cells, text, unpacked size, …)
 * is refused with STYRKORT_ERROR_INVALID and a message naming the limit,
 * by this function or by styrkort_xlsx_read_sheet(). */
StyrkortXlsx        *styrkort_xlsx_open        (const char *path, GError **error);
void                 styrkort_xlsx_free        (StyrkortXlsx *xlsx);
/* The worksheets' names in workbook order (chart sheets hold no cells and
 * are left out). */
const char * const  *styrkort_xlsx_sheet_names (StyrkortXlsx *xlsx);
/* Whether the sheet is hidden in the spreadsheet program. */
gboolean             styrkort_xlsx_sheet_is_hidden (StyrkortXlsx *xlsx, const char *name);
StyrkortSheet       *styrkort_xlsx_read_sheet  (StyrkortXlsx *xlsx, const char *name, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortXlsx, styrkort_xlsx_free)

G_END_DECLS
