/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing the city's merged workbook into a district file: the city value
 * of each indicator and period by the indicator's rule, and the district's
 * place among the districts, as rows of an import plan. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-city.h"
#include "styrkort-import-plan-private.h"

/* The city's name for this district (names compared as people mean them), or NULL. */
static char *
find_district (StyrkortImportPlan *plan, StyrkortCity *city)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);

  for (guint d = 0; d < districts->len; d++)
    {
      g_autofree char *key = _styrkort_import_name_key (districts->pdata[d]);
      if (g_str_equal (key, plan->district_key))
        return g_strdup (districts->pdata[d]);
    }
  return NULL;
}

/* Equal to the stored value: the edit history keeps 15 digits, so a value
 * undone and redone may differ from the computed one in the last place. */
static gboolean
same_number (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b || fabs (a - b) <= 1e-12 * MAX (fabs (a), fabs (b));
}

static Row *
row_new (void)
{
  Row *row = g_new0 (Row, 1);

  styrkort_value_init (&row->pub.value);
  styrkort_value_init (&row->parsed);
  row->pub.unit_name = g_strdup ("");
  row->unit_key = g_strdup ("");
  return row;
}

/* A row the city overview could not use, with its reason (which names the row). */
static void
add_problem (StyrkortImportPlan *plan, const char *problem)
{
  Row *row = row_new ();

  row->pub.state = STYRKORT_IMPORT_ROW_REJECTED;
  row->pub.city = TRUE;
  row->pub.reason = g_strdup (problem);
  row->parse_error = g_strdup (problem);
  g_ptr_array_add (plan->rows, row);
}

/* Whether the only district with the figure is @district itself: then the
 * "city value" would be the district's own figure (earlier periods that
 * only it reported), and says nothing about the city. */
static gboolean
only_own_figure (StyrkortCity *city, const char *district, const char *code, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  guint with_figure = 0;
  gboolean own = FALSE;

  for (guint d = 0; d < districts->len; d++)
    if (!isnan (styrkort_city_district_total (city, districts->pdata[d], code, period).value))
      {
        with_figure++;
        own = own || g_strcmp0 (districts->pdata[d], district) == 0;
      }
  return with_figure == 1 && own;
}

/* The city value a district compares itself with: a rate, mean or ratio
 * as the city's total; a count as the districts' median (the city's sum
 * is many times any district's figure), as the city overview shows it. */
static StyrkortTotal
city_value_of (StyrkortCity *city, const StyrkortIndicator *ind, StyrkortPeriod period)
{
  StyrkortTotal total = styrkort_city_total (city, ind->code, period);

  if (ind->measure == STYRKORT_MEASURE_COUNT)
    {
      total.value = styrkort_city_median (city, ind->code, period);
      total.numerator = total.denominator = NAN;
    }
  return total;
}

static void
add_value (StyrkortImportPlan *plan, StyrkortCity *city, const char *district, const StyrkortIndicator *ind,
           StyrkortPeriod period)
{
  StyrkortTotal total = city_value_of (city, ind, period);
  StyrkortCityValue stored;
  Row *row;

  if (isnan (total.value) || (district != NULL && only_own_figure (city, district, ind->code, period)))
    return;
  row = row_new ();
  row->indicator = ind;
  row->pub.city = TRUE;
  row->pub.value.indicator_id = ind->id;
  row->pub.value.period = period;
  row->pub.value.value = total.value;
  /* A rate keeps its base: all leavers over all staff. */
  if (ind->total_rule == STYRKORT_TOTAL_RATE && total.exact)
    {
      row->pub.value.numerator = total.numerator;
      row->pub.value.denominator = total.denominator;
    }
  /* A place among one district says nothing. */
  if (district != NULL &&
      styrkort_city_district_place (city, district, ind->code, period, &row->pub.place, &row->pub.places) &&
      row->pub.places < 2)
    row->pub.place = row->pub.places = 0;
  if (!styrkort_project_get_city_value (plan->project, ind->id, period, &stored))
    row->pub.state = STYRKORT_IMPORT_ROW_NEW;
  else if (same_number (stored.value, row->pub.value.value) && same_number (stored.numerator, row->pub.value.numerator) &&
           same_number (stored.denominator, row->pub.value.denominator) && stored.place == row->pub.place &&
           stored.places == row->pub.places)
    row->pub.state = STYRKORT_IMPORT_ROW_SAME;
  else
    {
      row->pub.state = STYRKORT_IMPORT_ROW_CONFLICT;
      row->pub.old = g_new0 (StyrkortValue, 1);
      styrkort_value_init (row->pub.old);
      row->pub.old->indicator_id = ind->id;
      row->pub.old->period = period;
      row->pub.old->value = stored.value;
      row->pub.old->numerator = stored.numerator;
      row->pub.old->denominator = stored.denominator;
      row->pub.old_place = stored.place;
      row->pub.old_places = stored.places;
    }
  g_ptr_array_add (plan->rows, row);
}

gboolean
_styrkort_import_plan_read_city (StyrkortImportPlan *plan, const StyrkortImportSource *source, GError **error)
{
  g_autoptr(StyrkortCity) city = styrkort_city_new (error);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GArray) periods = NULL;
  g_autofree char *district = NULL;

  if (city == NULL || !styrkort_city_add_merged (city, source->path, source->sheet, problems, error))
    return FALSE;
  plan->city = TRUE;
  districts = styrkort_city_list_districts (city);
  plan->n_city_districts = districts->len;
  district = find_district (plan, city);
  plan->district_in_city = district != NULL;
  for (guint i = 0; i < problems->len; i++)
    add_problem (plan, problems->pdata[i]);
  periods = styrkort_city_list_periods (city);
  for (guint p = 0; p < periods->len; p++)
    for (guint i = 0; i < plan->indicators->len; i++)
      add_value (plan, city, district, plan->indicators->pdata[i], g_array_index (periods, StyrkortPeriod, p));
  return TRUE;
}

gboolean
styrkort_import_plan_is_city (StyrkortImportPlan *plan, guint *n_districts, gboolean *district_found)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  if (n_districts != NULL)
    *n_districts = plan->n_city_districts;
  if (district_found != NULL)
    *district_found = plan->district_in_city;
  return plan->city;
}
