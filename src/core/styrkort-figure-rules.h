/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules for figures, written once for the grid, import, workbook and city
 * overview: how parts make a total, how typing one field changes a stored
 * value, and how a figure is written for people. */
#pragma once

#include "styrkort-number.h"
#include "styrkort-types.h"

G_BEGIN_DECLS

/* The fields of one value that people fill in. */
typedef enum {
  STYRKORT_VALUE_FIELD_VALUE,
  STYRKORT_VALUE_FIELD_WOMEN,
  STYRKORT_VALUE_FIELD_MEN,
  STYRKORT_VALUE_FIELD_NUMERATOR,
  STYRKORT_VALUE_FIELD_DENOMINATOR,
} StyrkortValueField;

/* The total of @n_parts values by @rule.
 * - sum: the parts added up; mean: their unweighted mean.
 * - rate: Σ numerators ÷ Σ denominators (× 100 for %) — never the mean of
 *   the parts' rates. A part without its base counts in n_unbased and the
 *   total is from the parts that have it, marked not exact; when no part has
 *   its base there is no total (NAN).
 * Women and men follow the same rule: summed for sum, averaged for mean;
 * for a rate their base is not kept, so there is no women/men total.
 * @n_expected parts were wanted: fewer (n_missing) makes the total not exact. */
StyrkortTotal styrkort_total_of_parts (StyrkortTotalRule rule, StyrkortMeasure measure,
                                       const StyrkortValue * const *parts, guint n_parts, guint n_expected);

/* The district's total of one indicator from its @values for a period: a
 * value entered for the whole district (unit 0) when there is one, else
 * the units' values by styrkort_total_of_parts() over @n_units units. */
StyrkortTotal styrkort_district_total (const StyrkortIndicator *indicator, const StyrkortValue * const *values,
                                       guint n_values, guint n_units);

/* Is @value a rate computed from its base (numerator and denominator)? */
gboolean styrkort_value_is_computed (const StyrkortIndicator *indicator, const StyrkortValue *value);

/* Sets @field of @value to @number (NAN clears it), by the rules:
 * - women and men make the value of a summed indicator when both are known;
 * - a rate that is computed from its base is not replaced silently: unless
 *   @replace_base, typing its value fails with STYRKORT_ERROR_INVALID and a
 *   message naming the base figures; with it, the base is removed;
 * - a rate's value follows its base when both base figures are known. */
gboolean styrkort_value_set_field (const StyrkortIndicator *indicator, StyrkortValue *value, StyrkortValueField field,
                                   double number, gboolean replace_base, GError **error);
double   styrkort_value_get_field (const StyrkortValue *value, StyrkortValueField field);

/* Decimals shown to people: the catalogue's Decimals for the indicator's
 * code, else 1 for percent and ratio, 0 for count. */
int      styrkort_indicator_decimals (const StyrkortIndicator *indicator);

/* A figure for people: the indicator's decimals, rounded half away from
 * zero, thousands grouped, " %" on percentages. "–" when missing. */
char    *styrkort_format_figure (const StyrkortIndicator *indicator, double value, StyrkortNumberStyle style);
/* A base figure or a count as typed: up to two decimals, trailing zeros dropped. */
char    *styrkort_format_count  (double value, StyrkortNumberStyle style);
/* A total's figure, with " *" when it is not exact. */
char    *styrkort_format_total  (const StyrkortIndicator *indicator, const StyrkortTotal *total,
                                 StyrkortNumberStyle style);
/* A district's place among the districts for people: "3 of 14"; NULL when
 * not known (@place 0). */
char    *styrkort_format_place  (guint place, guint places);
/* Why @total is not exact, in sentences for people; NULL when it is exact.
 * The parts are the district's units, or with @districts the city's districts. */
char    *styrkort_total_explain (const StyrkortTotal *total, gboolean districts);

/* The same in Swedish whatever the user's language, for the workbooks that
 * go to the central office (always in Swedish). NULL when exact. */
char    *styrkort_total_note_sv (const StyrkortTotal *total, gboolean districts);

G_END_DECLS
