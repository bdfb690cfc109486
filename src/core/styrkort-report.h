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

/* The same, with the workbook made in a worker thread from a copy of the
 * district as it is now; _finish keeps it in the file (main thread). */
void     styrkort_report_mark_async  (StyrkortProject *project, StyrkortPeriod period, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
gboolean styrkort_report_mark_finish (StyrkortProject *project, GAsyncResult *result, GError **error);
/* Writes the workbook kept for @period, byte for byte as it was sent. */
gboolean styrkort_report_export (StyrkortProject *project, StyrkortPeriod period, const char *path,
                                 GError **error);

/* Was the workbook kept for @period written with decimal commas (Styrkort
 * 0.1 on a Swedish PC)? Spreadsheet programs misread or refuse its numbers. */
gboolean styrkort_report_has_decimal_commas (StyrkortProject *project, StyrkortPeriod period);

/* Writes the kept workbook with its numbers corrected to decimal points,
 * everything else as it was sent; the kept bytes stay as they are. */
gboolean styrkort_report_export_corrected   (StyrkortProject *project, StyrkortPeriod period, const char *path,
                                             GError **error);

/* Where the corrected copy goes beside @path: "X.xlsx" → "X (korrigerad).xlsx". */
char    *styrkort_report_corrected_path     (const char *path);

G_END_DECLS
