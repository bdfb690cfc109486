/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of the tertial report share: the data of one period. */
#pragma once

#include "styrkort-pdf-document.h"
#include "styrkort-tertial-report.h"

G_BEGIN_DECLS

typedef struct {
  StyrkortGoalState state;
  double latest;
} StyrkortTertialGoal;

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
  StyrkortPdfDocument *dry;   /* the dry run, whose laid-out texts the real pass reuses */

  /* Read once: the document is laid out more than once. */
  GPtrArray *assessments;     /* StyrkortAssessment* or NULL per area × operation, this period */
  GArray *previous_status;    /* int per area × operation, the previous period; -1 none */
  GPtrArray *gender_notes;    /* char* per area */
  GPtrArray *goals;           /* GPtrArray of StyrkortSubgoal per area */
  GPtrArray *goal_states;     /* GArray of StyrkortTertialGoal per area, beside its goals */
  GPtrArray *actions;         /* GPtrArray of StyrkortAction per area */
  GPtrArray *charts;          /* GPtrArray of StyrkortChart per area (not owned: an indicator's
                               * charts are shown in each of its areas) */
  GPtrArray *chart_store;     /* StyrkortChart: every chart, owned */
  GHashTable *indicator_charts; /* indicator id → GPtrArray of its charts (units, trend) */
  GHashTable *drawings;       /* StyrkortChart* → its drawing (cairo_surface_t), once drawn */
  GThread *drawing_thread;    /* draws them, in the document's order, while the pages are written */
  GMutex drawing_lock;        /* guards drawings while the thread runs */
  GCond drawn;                /* a drawing was added, or the last one */
  gboolean all_drawn;
  GPtrArray *values;          /* StyrkortValue* or NULL per indicator × (the district, then each unit) */
  GArray *totals;             /* StyrkortTotal per indicator: this period, then the previous one */
  GArray *city;               /* double per indicator: the city's value, NAN none */
  GPtrArray *city_place;      /* char* per indicator: the district's place among the districts, "3 of 14", or NULL */
} StyrkortTertialReport;

/* How tall a chart is in the report, in points. */
double _styrkort_tertial_report_chart_height (const StyrkortChart *chart);
/* Starts drawing every chart in another thread; a chart's drawing, once
 * drawn (waits for it); waits for the thread to finish. */
void             _styrkort_tertial_report_draw_charts (StyrkortTertialReport *r);
cairo_surface_t *_styrkort_tertial_report_drawing     (StyrkortTertialReport *r, const StyrkortChart *chart);
void             _styrkort_tertial_report_wait_charts (StyrkortTertialReport *r);

/* The cached records. */
StyrkortAssessment *_styrkort_tertial_report_assessment (const StyrkortTertialReport *r, guint area, guint operation);
StyrkortValue      *_styrkort_tertial_report_value      (const StyrkortTertialReport *r, guint indicator, gint unit);

/* In the user's language, as the rest of the report. */
const char *_styrkort_tertial_report_name (const StyrkortTertialReport *r, const char *sv, const char *en);
char       *_styrkort_tertial_report_figure (const StyrkortIndicator *ind, double value);
StyrkortRgb _styrkort_tertial_report_status_fill (int status);

/* Reads what the sections show (styrkort-tertial-report-data.c). */
void _styrkort_tertial_report_load       (StyrkortTertialReport *r);
void _styrkort_tertial_report_unload     (StyrkortTertialReport *r);

/* The sections after the summary (styrkort-tertial-report-sections.c). */
void _styrkort_tertial_report_area       (StyrkortTertialReport *r, guint area);
void _styrkort_tertial_report_prepare_texts (StyrkortTertialReport *r);
void _styrkort_tertial_report_indicators (StyrkortTertialReport *r);
void _styrkort_tertial_report_steering   (StyrkortTertialReport *r);

G_END_DECLS
