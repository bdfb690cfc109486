/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Data and Bedömningar sheets (docs/data-sheet.md): the tables for
 * machines that every T2 workbook carries. The district workbook writes
 * them; the city overview and the import read them. */
#pragma once

#include "styrkort-types.h"

G_BEGIN_DECLS

/* The version of the Data sheet's columns (docs/data-sheet.md). */
#define STYRKORT_DATA_FORMAT_VERSION 2

/* One row of the Data sheet: one figure of one unit (or the district). */
typedef struct {
  char *district;
  StyrkortPeriod period;
  char *unit;             /* "" for a district-level figure */
  char *operation;
  char *code;             /* indicator code */
  double value, women, men, numerator, denominator;
  char *comment;
} StyrkortDataRow;

/* The headers of the Data and Bedömningar tables, NULL-terminated. */
const char * const *styrkort_data_sheet_columns            (void);
const char * const *styrkort_data_sheet_assessment_columns (void);

G_END_DECLS
