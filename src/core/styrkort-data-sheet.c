/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Data and Bedömningar sheets' columns (docs/data-sheet.md). */
#include "config.h"

#include "styrkort-data-sheet.h"

/* A format, not a translation: the same Swedish headers in every workbook. */
static const char * const data_columns[] = {
  "Stadsdel", "År", "Tertial", "Enhet", "Verksamhetsområde", "Nyckeltal", "Värde", "Kvinnor", "Män",
  "Täljare", "Nämnare", "Kommentar", NULL
};

static const char * const assessment_columns[] = {
  "Stadsdel", "År", "Tertial", "Område", "Områdesnamn", "Verksamhetsområde", "Status", NULL
};

const char * const *
styrkort_data_sheet_columns (void)
{
  return data_columns;
}

const char * const *
styrkort_data_sheet_assessment_columns (void)
{
  return assessment_columns;
}
