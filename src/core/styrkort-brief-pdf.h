/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The meeting brief printed: one or two A4 pages, as a PDF. */
#pragma once

#include "styrkort-meeting-brief.h"

G_BEGIN_DECLS

/* The most pages the brief takes: past them each section keeps its most
 * urgent lines and says "och N till". */
#define STYRKORT_BRIEF_PDF_MAX_PAGES 2

/* Writes @brief for @district to @path (beside it first, renamed when whole).
 * Returns the number of pages, or 0 with @error set. */
int styrkort_brief_write_pdf (const StyrkortBrief *brief, const char *district, const char *path, GError **error);

/* The brief for the next meeting after today, with @period as this tertial,
 * written to @path (the app writes it in a thread, from a copy of the file). */
gboolean styrkort_brief_export_pdf (StyrkortProject *project, StyrkortPeriod period, const char *path, GError **error);

/* "Infor-motet-<district>-<date>.pdf", the file name offered. */
char    *styrkort_brief_suggested_name (StyrkortProject *project);

G_END_DECLS
