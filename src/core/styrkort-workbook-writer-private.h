/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the T2 workbook share: its writer and formats, and the lookups and sheets of each file.
 * Only styrkort-workbook*.c include it; it includes nothing of theirs, so the include graph has no cycle. */
#pragma once

#include <xlsxwriter.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

typedef enum { FMT_TEXT, FMT_WRAP, FMT_TITLE, FMT_HEADING, FMT_HEADER, FMT_PERCENT, FMT_COUNT, FMT_RATIO,
               FMT_PERCENT_INEXACT, FMT_COUNT_INEXACT, FMT_RATIO_INEXACT, FMT_PLAIN_NUMBER, FMT_BOLD,
               FMT_DATE, FMT_TIME, N_FORMATS } FormatId;

typedef struct {
  lxw_workbook *workbook;
  StyrkortProject *project;
  StyrkortPeriod period;
  StyrkortDistrict *district;
  GPtrArray *areas, *operations, *indicators, *units, *members;
  lxw_format *formats[N_FORMATS];
  lxw_format *status[STYRKORT_N_STATUSES + 1]; /* + not assessed */
  GHashTable *sheet_names;
  char *header;        /* print header: the district's name */
} Writer;

/* styrkort-workbook.c: the formats, lookups and names the sheets share. */
lxw_format    *_styrkort_workbook_indicator_format (Writer *w, const StyrkortIndicator *ind);
void           _styrkort_workbook_header_row       (Writer *w, lxw_worksheet *ws, int row, const char * const *headers);
const char    *_styrkort_workbook_status_sv        (int status);
char          *_styrkort_workbook_area_title       (const StyrkortArea *area);
/* A sheet printed landscape, one page wide, the district's name at the top of each page. */
lxw_worksheet *_styrkort_workbook_add_sheet        (Writer *w, const char *title);
char          *_styrkort_workbook_period_name      (StyrkortPeriod p);
/* A unit's name, and its operation's in *@operation ("" for none). */
const char    *_styrkort_workbook_unit_name        (Writer *w, gint64 id, const char **operation);

/* styrkort-workbook-areas.c: the sheet of one area or theme. */
void           _styrkort_workbook_write_area       (Writer *w, const StyrkortArea *area);

/* styrkort-workbook-figures.c: Nyckeltal, and Diagram (only when the district has the turnover indicator). */
void           _styrkort_workbook_write_figures    (Writer *w);
void           _styrkort_workbook_write_charts     (Writer *w);

/* styrkort-workbook-data.c: Data and Bedömningar, the tables for machines. */
void           _styrkort_workbook_write_data       (Writer *w);
void           _styrkort_workbook_write_assessments (Writer *w);

G_END_DECLS
