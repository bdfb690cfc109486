/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The T2 workbook (xlsx) the central office collects from each district. */
#pragma once

#include "styrkort-data-sheet.h"
#include "styrkort-project.h"

G_BEGIN_DECLS


/* "Styrkort-<district>-<year>-T<n>.xlsx", safe as a file name anywhere. */
char          *styrkort_workbook_suggested_name (StyrkortProject *project, StyrkortPeriod period);

/* The period a T2 report is about: the latest T2 with figures, else the
 * latest period with figures, else the current one. */
StyrkortPeriod styrkort_workbook_default_period (StyrkortProject *project);

/* Writes the workbook for @period to @path. It is written beside @path first
 * and renamed over it only when complete: on failure an older workbook at
 * @path is left as it was. */
gboolean       styrkort_workbook_export (StyrkortProject *project, StyrkortPeriod period, const char *path,
                                         GError **error);

/* A valid, unused Excel sheet name for @title (31 characters, none of
 * []:*?/\), made unique against @used (lower-case names), which it extends. */
char          *styrkort_workbook_sheet_name (const char *title, GHashTable *used);

G_END_DECLS
