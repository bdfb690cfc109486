/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Closing a period: the T2 workbook as it was sent, kept in the file. */
#pragma once

#include "styrkort-project.h"

G_BEGIN_DECLS

/* Makes the workbook for @period as an export would, keeps it in the file
 * with the time, and marks the period as reported. When @path is given the
 * same workbook is also written there (the copy that is sent). */
gboolean styrkort_report_mark   (StyrkortProject *project, StyrkortPeriod period, const char *path,
                                 GError **error);

/* Writes the workbook kept for @period, byte for byte as it was sent. */
gboolean styrkort_report_export (StyrkortProject *project, StyrkortPeriod period, const char *path,
                                 GError **error);

G_END_DECLS
