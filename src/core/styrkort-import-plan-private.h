/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the import plan share: its fields, and its rows as read from the file. */
#pragma once

#include "styrkort-import-private.h"

G_BEGIN_DECLS

/* Which of a figure's parts the file gives. */
enum {
  GIVEN_VALUE = 1 << 0,
  GIVEN_WOMEN = 1 << 1,
  GIVEN_MEN = 1 << 2,
  GIVEN_NUMERATOR = 1 << 3,
  GIVEN_DENOMINATOR = 1 << 4,
  GIVEN_COMMENT = 1 << 5,
};

typedef struct {
  StyrkortImportRow pub;      /* first: rows are handed out as StyrkortImportRow */
  StyrkortValue parsed;       /* what the file says */
  guint given;
  char *parse_error;          /* the row cannot be read at all */
  char *unit_key;
  const StyrkortIndicator *indicator; /* borrowed from the plan */
} Row;

struct _StyrkortImportPlan {
  StyrkortProject *project;
  char *file_name;
  GPtrArray *rows;            /* Row* */
  GPtrArray *new_units;       /* StyrkortImportUnit* */
  GHashTable *units;          /* unit key → unit id (existing units) */
  GHashTable *stored;         /* "indicator/unit/year/tertial" → StyrkortValue* */
  GHashTable *new_unit_keys;  /* unit key → StyrkortImportUnit* of new_units */
  GPtrArray *indicators;      /* StyrkortIndicator*, which rows point to */
  char *district;             /* the district's name, and its key */
  char *district_key;
  StyrkortPeriod current;     /* later periods have not begun */
  StyrkortImportConflicts conflicts;
  gboolean city;              /* from the city's merged workbook */
  guint n_city_districts;
  gboolean district_in_city;
};

/* styrkort-import-rows.c: reads every row of @source after the header by
 * @mapping into @plan's rows, each checked or with why it cannot be stored. */
void _styrkort_import_plan_read_rows (StyrkortImportPlan *plan, const StyrkortImportSource *source,
                                      const StyrkortImportMapping *mapping);

/* styrkort-import-city.c: the city value of each indicator and period from
 * the city's merged workbook @source, and the district's place, as rows. */
gboolean _styrkort_import_plan_read_city (StyrkortImportPlan *plan, const StyrkortImportSource *source,
                                          GError **error);

G_END_DECLS
