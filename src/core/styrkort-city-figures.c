/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city's figures: totals by each indicator's rule, coverage, median, ranking, the areas' statuses. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-city-private.h"
#include "styrkort-figure-rules.h"

/* Figures ---------------------------------------------------------------------- */

/* The parts behind a total: unit rows of @district (all districts when NULL). */
static StyrkortTotal
total_of (StyrkortCity *city, const char *district, const char *code, StyrkortPeriod period)
{
  Indicator *ind = _styrkort_city_find_indicator (city, code);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  StyrkortTotal none = { NAN, NAN, NAN, NAN, NAN, TRUE, 0, 0 };

  if (ind == NULL)
    return none;
  for (guint s = 0; s < city->sources->len; s++)
    {
      StyrkortCitySource *source = city->sources->pdata[s];
      if (district != NULL && g_strcmp0 (source->district, district) != 0)
        continue;
      for (guint r = 0; r < source->rows->len; r++)
        {
          StyrkortDataRow *row = source->rows->pdata[r];
          StyrkortValue *v;
          if (styrkort_period_compare (row->period, period) != 0 || !g_str_equal (row->code, code))
            continue;
          v = g_new0 (StyrkortValue, 1);
          styrkort_value_init (v);
          v->value = row->value;
          v->women = row->women;
          v->men = row->men;
          v->numerator = row->numerator;
          v->denominator = row->denominator;
          g_ptr_array_add (values, v);
        }
    }
  return styrkort_total_of_parts (ind->rule, ind->measure, (const StyrkortValue * const *) values->pdata,
                                  values->len, values->len);
}

StyrkortTotal
styrkort_city_district_total (StyrkortCity *city, const char *district, const char *code, StyrkortPeriod period)
{
  return total_of (city, district, code, period);
}

/* The city total from the districts' totals: every district counts, so one
 * without the figure makes it not exact (n_missing), and so does one whose
 * own total is not exact (counted in n_unbased). A rate is still all
 * numerators over all denominators, never a mean of district rates. */
StyrkortTotal
styrkort_city_total (StyrkortCity *city, const char *code, StyrkortPeriod period)
{
  Indicator *ind = _styrkort_city_find_indicator (city, code);
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  g_autoptr(GArray) parts = g_array_sized_new (FALSE, TRUE, sizeof (StyrkortValue), districts->len);
  g_autoptr(GPtrArray) pointers = g_ptr_array_new ();
  StyrkortTotal t = { NAN, NAN, NAN, NAN, NAN, TRUE, 0, 0, 0 };
  guint inexact = 0;

  if (ind == NULL)
    return t;
  for (guint d = 0; d < districts->len; d++)
    {
      StyrkortTotal dt = total_of (city, districts->pdata[d], code, period);
      StyrkortValue v;
      styrkort_value_init (&v);
      v.value = dt.value;
      v.women = dt.women;
      v.men = dt.men;
      v.numerator = dt.numerator;
      v.denominator = dt.denominator;
      inexact += !isnan (dt.value) && !dt.exact && !(ind->rule == STYRKORT_TOTAL_RATE && !styrkort_value_has_base (&v));
      g_array_append_val (parts, v);
    }
  for (guint d = 0; d < parts->len; d++)
    g_ptr_array_add (pointers, &g_array_index (parts, StyrkortValue, d));
  t = styrkort_total_of_parts (ind->rule, ind->measure, (const StyrkortValue * const *) pointers->pdata,
                               pointers->len, districts->len);
  if (inexact > 0)
    {
      t.exact = FALSE;
      t.n_unbased += inexact;
    }
  return t;
}

GPtrArray *
styrkort_city_missing_districts (StyrkortCity *city, const char *code, StyrkortPeriod period)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);

  for (guint d = 0; d < districts->len; d++)
    if (isnan (total_of (city, districts->pdata[d], code, period).value))
      g_ptr_array_add (missing, g_strdup (districts->pdata[d]));
  return missing;
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (builder, names->pdata[i]);
  strv = g_strv_builder_end (builder);
  return g_strjoinv (", ", strv);
}

char *
styrkort_city_coverage (StyrkortCity *city, const char *code, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) missing = styrkort_city_missing_districts (city, code, period);
  guint n = city->sources->len, with = n - missing->len;
  g_autofree char *names = join_names (missing);
  g_autofree char *count = g_strdup_printf (ngettext ("%u of %u district", "%u of %u districts", n), with, n);

  if (missing->len == 0)
    return g_steal_pointer (&count);
  /* TRANSLATORS: "13 of 14 districts; missing: Skärholmen" */
  return g_strdup_printf (_("%s; missing: %s"), count, names);
}

char *
styrkort_city_coverage_sv (StyrkortCity *city, const char *code, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) missing = styrkort_city_missing_districts (city, code, period);
  guint n = city->sources->len, with = n - missing->len;
  g_autofree char *names = join_names (missing);

  if (missing->len == 0)
    return g_strdup_printf ("%u av %u %s", with, n, n == 1 ? "stadsdel" : "stadsdelar");
  return g_strdup_printf ("%u av %u %s; saknas: %s", with, n, n == 1 ? "stadsdel" : "stadsdelar", names);
}

static gint
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

double
styrkort_city_median (StyrkortCity *city, const char *code, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  for (guint d = 0; d < districts->len; d++)
    {
      double v = total_of (city, districts->pdata[d], code, period).value;
      if (!isnan (v))
        g_array_append_val (values, v);
    }
  n = values->len;
  if (n == 0)
    return NAN;
  g_array_sort (values, compare_doubles);
  return n % 2 ? g_array_index (values, double, n / 2)
               : (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* Ranking ---------------------------------------------------------------------- */

/* Best first by @data's direction (highest first when none is better);
 * districts without the figure last, each group in name order. */
gint
_styrkort_city_compare_ranked (gconstpointer a, gconstpointer b, gpointer data)
{
  const Ranked *x = a, *y = b;
  StyrkortBetter better = GPOINTER_TO_INT (data);

  if (isnan (x->value) != isnan (y->value))
    return isnan (x->value) ? 1 : -1;
  if (!isnan (x->value) && x->value != y->value)
    return (better == STYRKORT_BETTER_LOWER) == (x->value < y->value) ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

GPtrArray *
styrkort_city_rank_districts (StyrkortCity *city, const char *code, StyrkortPeriod period, gboolean reversed)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), districts->len);
  StyrkortBetter better = styrkort_city_indicator_better (city, code);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < districts->len; d++)
    {
      Ranked r = { districts->pdata[d], styrkort_city_district_total (city, districts->pdata[d], code, period).value };
      g_array_append_val (ranked, r);
    }
  /* Reversed: the other way round, districts without the figure still last. */
  if (reversed)
    better = better == STYRKORT_BETTER_LOWER ? STYRKORT_BETTER_HIGHER : STYRKORT_BETTER_LOWER;
  g_array_sort_with_data (ranked, _styrkort_city_compare_ranked, GINT_TO_POINTER (better));
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (names, g_strdup (g_array_index (ranked, Ranked, i).name));
  return names;
}

/* One more than the districts with a better figure: equal figures share a
 * place ("3 of 14" for two districts in third place). */
gboolean
styrkort_city_district_place (StyrkortCity *city, const char *district, const char *code, StyrkortPeriod period,
                              guint *place, guint *places)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  StyrkortBetter better = styrkort_city_indicator_better (city, code);
  double own = styrkort_city_district_total (city, district, code, period).value;
  guint ahead = 0, counted = 0;

  g_return_val_if_fail (place != NULL && places != NULL, FALSE);
  *place = *places = 0;
  if (better == STYRKORT_BETTER_NONE || isnan (own))
    return FALSE;
  for (guint d = 0; d < districts->len; d++)
    {
      double value = styrkort_city_district_total (city, districts->pdata[d], code, period).value;
      if (isnan (value))
        continue;
      counted++;
      ahead += better == STYRKORT_BETTER_LOWER ? value < own : value > own;
    }
  *place = ahead + 1;
  *places = counted;
  return TRUE;
}

/* Areas' statuses -------------------------------------------------------------- */

/* The operations' statuses of one district's area in @period. */
static GPtrArray *
area_statuses (StyrkortCity *city, const char *district, const char *area, StyrkortPeriod period)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint s = 0; s < city->sources->len; s++)
    {
      StyrkortCitySource *source = city->sources->pdata[s];
      if (g_strcmp0 (source->district, district) != 0)
        continue;
      for (guint i = 0; i < source->statuses->len; i++)
        {
          StyrkortCityStatus *st = source->statuses->pdata[i];
          if (styrkort_period_compare (st->period, period) == 0 && g_str_equal (st->area, area))
            g_ptr_array_add (found, st);
        }
    }
  return found;
}

int
styrkort_city_area_status (StyrkortCity *city, const char *district, const char *area, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) statuses = area_statuses (city, district, area, period);
  int least = -1;

  for (guint i = 0; i < statuses->len; i++)
    {
      StyrkortCityStatus *st = statuses->pdata[i];
      if (st->status == STYRKORT_STATUS_NEEDS_ATTENTION)
        return STYRKORT_STATUS_NEEDS_ATTENTION;
      least = least < 0 ? st->status : MIN (least, st->status);
    }
  return least;
}

/* The operations behind a district's area: "Äldre: Behöver åtgärdas", one a line. */
char *
styrkort_city_area_detail (StyrkortCity *city, const char *district, const char *area, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) statuses = area_statuses (city, district, area, period);
  GString *detail = g_string_new (NULL);

  for (guint i = 0; i < statuses->len; i++)
    {
      StyrkortCityStatus *st = statuses->pdata[i];
      g_string_append_printf (detail, "%s%s: %s", detail->len ? "\n" : "", st->operation,
                              styrkort_status_label (st->status));
    }
  return g_string_free (detail, FALSE);
}
