/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What kind a workbook is: a district's T2 workbook, the city's merged
 * workbook, or another program's. One answer for the import and the city overview. */
#pragma once

#include "styrkort-sheet.h"

G_BEGIN_DECLS

typedef enum {
  STYRKORT_WORKBOOK_OTHER,     /* another program's (no sheet Om saying it is ours) */
  STYRKORT_WORKBOOK_DISTRICT,  /* a district's workbook: one district on its sheet Data */
  STYRKORT_WORKBOOK_CITY,      /* the central office's merged workbook (styrkort-cli merge, the city overview) */
} StyrkortWorkbookKind;

/* The kind from the workbook's sheets Om (@about) and Data (@data), either
 * NULL when the workbook lacks it. A city workbook says so on Om ("Arbetsbok:
 * Stadsöversikt", or an older one's "Stadsdel: Staden"); a Data sheet that
 * names several districts is a merged one whatever Om says. Our own workbook
 * says its data format on Om; a sheet Om without it is another program's. */
StyrkortWorkbookKind styrkort_workbook_kind (const StyrkortSheet *about, const StyrkortSheet *data);

/* The value beside @key in column A of the sheet Om, or NULL (borrowed). */
const StyrkortCell  *styrkort_workbook_about_value (const StyrkortSheet *about, const char *key);

/* When the workbook was made, from Om's "Exporterad", as ISO 8601 UTC text
 * ("2026-05-31T14:02:00Z"): text in data format 1, an Excel date-time from
 * format 2 on (both read); NULL when it does not say. */
char                *styrkort_workbook_about_exported (const StyrkortSheet *about);

G_END_DECLS
