/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules for figures, written once for the grid, import, workbook and city overview. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-locale.h"
#include "styrkort-catalogue.h"
#include "styrkort-figure-rules.h"

static double
add (double sum, double part)
{
  if (isnan (part))
    return sum;
  return isnan (sum) ? part : sum + part;
}

typedef struct {
  double sum, women, men;
  guint n_women, n_men;
} PartSums;

static void
total_of_rate (StyrkortTotal *t, StyrkortMeasure measure)
{
  t->exact = t->exact && t->n_unbased == 0;
  t->value = styrkort_rate_from_base (measure, t->numerator, t->denominator);
  /* A rate's women and men have no base of their own: adding or averaging
   * their percentages would be the mean of percentages. */
  t->women = t->men = NAN;
}

StyrkortTotal
styrkort_total_of_parts (StyrkortTotalRule rule, StyrkortMeasure measure,
                         const StyrkortValue * const *parts, guint n_parts, guint n_expected)
{
  StyrkortTotal t = { NAN, NAN, NAN, NAN, NAN, TRUE, 0, 0, 0 };
  PartSums s = { NAN, NAN, NAN, 0, 0 };

  for (guint i = 0; i < n_parts; i++)
    {
      const StyrkortValue *v = parts[i];
      if (isnan (v->value))
        continue;
      t.n_parts++;
      s.sum = add (s.sum, v->value);
      s.women = add (s.women, v->women);
      s.men = add (s.men, v->men);
      s.n_women += !isnan (v->women);
      s.n_men += !isnan (v->men);
      if (styrkort_value_has_base (v))
        {
          t.numerator = add (t.numerator, v->numerator);
          t.denominator = add (t.denominator, v->denominator);
        }
      else
        t.n_unbased++;
    }
  t.n_missing = n_expected > t.n_parts ? n_expected - t.n_parts : 0;
  t.exact = t.n_missing == 0 && t.n_parts > 0;
  if (t.n_parts == 0)
    return t;
  switch (rule)
    {
    case STYRKORT_TOTAL_RATE:
      total_of_rate (&t, measure);
      break;
    case STYRKORT_TOTAL_SUM:
      t.value = s.sum;
      t.women = s.women;
      t.men = s.men;
      t.numerator = t.denominator = NAN;
      t.n_unbased = 0;
      break;
    case STYRKORT_TOTAL_MEAN:
    default:
      t.value = s.sum / t.n_parts;
      t.women = s.n_women ? s.women / s.n_women : NAN;
      t.men = s.n_men ? s.men / s.n_men : NAN;
      t.numerator = t.denominator = NAN;
      t.n_unbased = 0;
      break;
    }
  return t;
}

static StyrkortTotal
total_of_district_value (const StyrkortIndicator *indicator, const StyrkortValue *v)
{
  gboolean rate = indicator->total_rule == STYRKORT_TOTAL_RATE;
  return (StyrkortTotal) {
    .value = v->value, .women = v->women, .men = v->men,
    .numerator = rate ? v->numerator : NAN, .denominator = rate ? v->denominator : NAN,
    .exact = !rate || styrkort_value_has_base (v), .n_parts = 1,
  };
}

StyrkortTotal
styrkort_district_total (const StyrkortIndicator *indicator, const StyrkortValue * const *values, guint n_values,
                         guint n_units)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; i < n_values; i++)
    {
      if (values[i]->indicator_id != indicator->id)
        continue;
      if (values[i]->unit_id == 0 && !isnan (values[i]->value))
        return total_of_district_value (indicator, values[i]);
      if (values[i]->unit_id != 0)
        g_ptr_array_add (parts, (gpointer) values[i]);
    }
  return styrkort_total_of_parts (indicator->total_rule, indicator->measure,
                                  (const StyrkortValue * const *) parts->pdata, parts->len, n_units);
}

gboolean
styrkort_value_is_computed (const StyrkortIndicator *indicator, const StyrkortValue *value)
{
  return value != NULL && indicator->total_rule == STYRKORT_TOTAL_RATE && styrkort_value_has_base (value);
}

double
styrkort_value_get_field (const StyrkortValue *value, StyrkortValueField field)
{
  switch (field)
    {
    case STYRKORT_VALUE_FIELD_VALUE: return value->value;
    case STYRKORT_VALUE_FIELD_WOMEN: return value->women;
    case STYRKORT_VALUE_FIELD_MEN: return value->men;
    case STYRKORT_VALUE_FIELD_NUMERATOR: return value->numerator;
    case STYRKORT_VALUE_FIELD_DENOMINATOR: return value->denominator;
    default: return NAN;
    }
}

static gboolean
refuse_replacing_base (const StyrkortIndicator *indicator, const StyrkortValue *value, GError **error)
{
  StyrkortNumberStyle style = styrkort_number_style_for_locale ();
  g_autofree char *numerator = styrkort_format_count (value->numerator, style);
  g_autofree char *denominator = styrkort_format_count (value->denominator, style);

  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
               _("%s is computed from %s %s and %s %s. Change those figures, or clear them to type the rate itself."),
               STYRKORT_LOCALIZED (indicator, name), STYRKORT_LOCALIZED (indicator, numerator), numerator,
               STYRKORT_LOCALIZED (indicator, denominator), denominator);
  return FALSE;
}

gboolean
styrkort_value_set_field (const StyrkortIndicator *indicator, StyrkortValue *value, StyrkortValueField field,
                          double number, gboolean replace_base, GError **error)
{
  gboolean rate = indicator->total_rule == STYRKORT_TOTAL_RATE;

  switch (field)
    {
    case STYRKORT_VALUE_FIELD_VALUE:
      if (styrkort_value_is_computed (indicator, value) && !replace_base)
        return refuse_replacing_base (indicator, value, error);
      value->value = number;
      if (rate)
        value->numerator = value->denominator = NAN;
      break;
    case STYRKORT_VALUE_FIELD_WOMEN: value->women = number; break;
    case STYRKORT_VALUE_FIELD_MEN: value->men = number; break;
    case STYRKORT_VALUE_FIELD_NUMERATOR: value->numerator = number; break;
    case STYRKORT_VALUE_FIELD_DENOMINATOR: value->denominator = number; break;
    default: break;
    }
  if ((field == STYRKORT_VALUE_FIELD_WOMEN || field == STYRKORT_VALUE_FIELD_MEN) && indicator->total_rule == STYRKORT_TOTAL_SUM &&
      !isnan (value->women) && !isnan (value->men))
    value->value = value->women + value->men;
  if (rate && styrkort_value_has_base (value))
    value->value = styrkort_rate_from_base (indicator->measure, value->numerator, value->denominator);
  return TRUE;
}

/* The catalogue's Decimals per indicator code, read once. */
static GHashTable *
catalogue_decimals (void)
{
  static gsize once = 0;
  static GHashTable *decimals;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GKeyFile) catalogue = styrkort_catalogue_load_default (NULL);
      g_auto(GStrv) groups = catalogue ? g_key_file_get_groups (catalogue, NULL) : NULL;
      decimals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
        if (g_str_has_prefix (groups[i], "Indicator ") && g_key_file_has_key (catalogue, groups[i], "Decimals", NULL))
          g_hash_table_insert (decimals, g_strdup (groups[i] + strlen ("Indicator ")),
                               GINT_TO_POINTER (1 + g_key_file_get_integer (catalogue, groups[i], "Decimals", NULL)));
      g_once_init_leave (&once, 1);
    }
  return decimals;
}

int
styrkort_indicator_decimals (const StyrkortIndicator *indicator)
{
  gpointer found = indicator->code ? g_hash_table_lookup (catalogue_decimals (), indicator->code) : NULL;

  if (found != NULL)
    return CLAMP (GPOINTER_TO_INT (found) - 1, 0, 6);
  return indicator->measure == STYRKORT_MEASURE_COUNT ? 0 : 1;
}

char *
styrkort_format_figure (const StyrkortIndicator *indicator, double value, StyrkortNumberStyle style)
{
  int decimals = styrkort_indicator_decimals (indicator);
  /* A count is whole as a rule; one typed as 3,5 is shown so, not as 4
   * (and a total of 7,5 not as 8). */
  g_autofree char *number = decimals == 0 && !isnan (value) && value != floor (value)
                              ? styrkort_format_count (value, style)
                              : styrkort_format_number (value, decimals, style);

  if (isnan (value) || indicator->measure != STYRKORT_MEASURE_PERCENT)
    return g_steal_pointer (&number);
  return g_strconcat (number, "\u00a0%", NULL);
}

char *
styrkort_format_count (double value, StyrkortNumberStyle style)
{
  char *text = styrkort_format_number (value, 2, style);
  char *point = strchr (text, style == STYRKORT_NUMBER_SWEDISH ? ',' : '.');
  char *end;

  if (point == NULL)
    return text;
  end = text + strlen (text);
  while (end > point + 1 && end[-1] == '0')
    *--end = '\0';
  if (end == point + 1)
    *point = '\0';
  return text;
}

char *
styrkort_format_total (const StyrkortIndicator *indicator, const StyrkortTotal *total, StyrkortNumberStyle style)
{
  g_autofree char *figure = styrkort_format_figure (indicator, total->value, style);

  if (isnan (total->value) || total->exact)
    return g_steal_pointer (&figure);
  return g_strconcat (figure, " *", NULL);
}

char *
styrkort_total_explain (const StyrkortTotal *total, gboolean districts)
{
  GString *why;
  guint known = total->n_parts - total->n_unbased;

  if (total->exact)
    return NULL;
  why = g_string_new (_("Not exact."));
  if (total->n_unbased > 0)
    {
      g_string_append_c (why, ' ');
      if (districts)
        g_string_append_printf (why, ngettext ("%u of %u districts lacks the base figures of its rate",
                                               "%u of %u districts lack the base figures of their rates",
                                               total->n_unbased), total->n_unbased, total->n_parts);
      else
        g_string_append_printf (why, ngettext ("%u of %u units lacks the base figures of its rate",
                                               "%u of %u units lack the base figures of their rates",
                                               total->n_unbased), total->n_unbased, total->n_parts);
      g_string_append (why, known > 0 ? _("; the total is computed from the others.")
                                      : _("; a rate cannot be totalled without them."));
    }
  if (total->n_missing > 0)
    {
      g_string_append_c (why, ' ');
      if (districts)
        g_string_append_printf (why, ngettext ("%u district has no figure.", "%u districts have no figure.",
                                               total->n_missing), total->n_missing);
      else
        g_string_append_printf (why, ngettext ("%u unit has no figure.", "%u units have no figure.",
                                               total->n_missing), total->n_missing);
    }
  return g_string_free (why, FALSE);
}

char *
styrkort_total_note_sv (const StyrkortTotal *total, gboolean districts)
{
  GString *note;
  const char *one = districts ? "stadsdel" : "enhet", *many = districts ? "stadsdelar" : "enheter";

  if (total->exact)
    return NULL;
  note = g_string_new ("Inte exakt.");
  if (total->n_unbased > 0)
    g_string_append_printf (note, " %u av %u %s saknar täljare och nämnare%s", total->n_unbased, total->n_parts,
                            total->n_parts == 1 ? one : many,
                            total->n_unbased < total->n_parts ? "; summan är beräknad från de övriga."
                                                              : "; utan dem kan kvoten inte beräknas.");
  if (total->n_missing > 0)
    g_string_append_printf (note, " %u %s saknar värde.", total->n_missing, total->n_missing == 1 ? one : many);
  return g_string_free (note, FALSE);
}

char *
styrkort_format_place (guint place, guint places)
{
  if (place == 0 || places == 0)
    return NULL;
  /* TRANSLATORS: a district's place among the districts: "3 of 14" */
  return g_strdup_printf (_("%u of %u"), place, places);
}
