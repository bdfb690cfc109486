/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tertial report for the district board: an A4 PDF of one period. */
#pragma once

#include "styrkort-project.h"

G_BEGIN_DECLS

/* "Tertialrapport-<district>-<year>-T<n>.pdf", safe as a file name anywhere. */
char    *styrkort_tertial_report_suggested_name (StyrkortProject *project, StyrkortPeriod period);

/* Writes the tertial report of @period to @path: cover, contents, summary,
 * a section per area and theme, the indicators and the steering group. A
 * reported period shows its figures as they were reported and lists what
 * changed after. Written beside @path and renamed over it when complete. */
gboolean styrkort_tertial_report_write (StyrkortProject *project, StyrkortPeriod period, const char *path,
                                        GError **error);

G_END_DECLS
