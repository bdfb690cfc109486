/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What kind a workbook is, from its sheets Om and Data. */
#include "config.h"

#include <math.h>

#include "styrkort-workbook-kind.h"

const StyrkortCell *
styrkort_workbook_about_value (const StyrkortSheet *about, const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint r = 0; about != NULL && r < about->rows->len; r++)
    {
      const StyrkortCell *c = styrkort_sheet_cell (about, r, 0);
      if (c->type == STYRKORT_CELL_TEXT && g_str_equal (c->text, key))
        return styrkort_sheet_cell (about, r, 1);
    }
  return NULL;
}

static gboolean
about_says (const StyrkortSheet *about, const char *key, const char *value)
{
  const StyrkortCell *c = styrkort_workbook_about_value (about, key);

  return c != NULL && c->type == STYRKORT_CELL_TEXT && g_str_equal (c->text, value);
}

/* Does column A of the Data sheet name more than one district? */
static gboolean
names_several_districts (const StyrkortSheet *data)
{
  const char *first = NULL;

  for (guint r = 1; data != NULL && r < data->rows->len; r++)
    {
      const StyrkortCell *c = styrkort_sheet_cell (data, r, 0);
      if (c->type != STYRKORT_CELL_TEXT || *c->text == '\0')
        continue;
      if (first == NULL)
        first = c->text;
      else if (!g_str_equal (first, c->text))
        return TRUE;
    }
  return FALSE;
}

StyrkortWorkbookKind
styrkort_workbook_kind (const StyrkortSheet *about, const StyrkortSheet *data)
{
  if (about == NULL)
    return STYRKORT_WORKBOOK_OTHER;
  if (about_says (about, "Arbetsbok", "Stadsöversikt") || about_says (about, "Stadsdel", "Staden") ||
      names_several_districts (data))
    return STYRKORT_WORKBOOK_CITY;
  if (styrkort_workbook_about_value (about, "Dataformat (bladet Data)") == NULL)
    return STYRKORT_WORKBOOK_OTHER;
  return STYRKORT_WORKBOOK_DISTRICT;
}

char *
styrkort_workbook_about_exported (const StyrkortSheet *about)
{
  const StyrkortCell *c = styrkort_workbook_about_value (about, "Exporterad");
  g_autoptr(GDateTime) epoch = NULL, time = NULL;
  double seconds;

  if (c == NULL)
    return NULL;
  if (c->type == STYRKORT_CELL_TEXT)
    return g_strdup (c->text);
  /* Days since 1899-12-30, within the years a workbook holds (1900–9999). */
  if (c->type != STYRKORT_CELL_NUMBER || !(c->number >= 1 && c->number < 2958466))
    return NULL;
  seconds = round (c->number * 86400);
  epoch = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  time = g_date_time_add_seconds (epoch, seconds);
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}
