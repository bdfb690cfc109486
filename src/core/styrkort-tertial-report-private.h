/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of the tertial report share: the data of one period. */
#pragma once

#include "styrkort-pdf-document.h"
#include "styrkort-tertial-report.h"

G_BEGIN_DECLS

typedef struct {
  StyrkortProject *project;   /* the figures shown: as reported, for a reported period */
  StyrkortProject *live;      /* the file as it is now */
  StyrkortPeriod period;
  StyrkortPeriod previous;
  StyrkortDistrict *district;
  StyrkortReport *report;     /* the period's latest report, or NULL */
  GPtrArray *report_changes;  /* StyrkortReportChange: edits after reporting */
  GPtrArray *areas, *operations, *indicators, *units;
  char *period_name;          /* "2026 T2" */
  char *made;                 /* today, for people */
  StyrkortPdfDocument *doc;
} StyrkortTertialReport;

/* In the user's language, as the rest of the report. */
const char *_styrkort_tertial_report_name (const StyrkortTertialReport *r, const char *sv, const char *en);
char       *_styrkort_tertial_report_figure (const StyrkortIndicator *ind, double value);
StyrkortRgb _styrkort_tertial_report_status_fill (int status);

/* The sections after the summary (styrkort-tertial-report-sections.c). */
void _styrkort_tertial_report_area       (StyrkortTertialReport *r, const StyrkortArea *area);
void _styrkort_tertial_report_indicators (StyrkortTertialReport *r);
void _styrkort_tertial_report_steering   (StyrkortTertialReport *r);

G_END_DECLS
