/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An import plan: the file's rows (read in styrkort-import-rows.c) compared with the district's figures, and
 * stored as one edit. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "styrkort-figure-rules.h"
#include "styrkort-import-plan-private.h"
#include "styrkort-number.h"

static void
row_free (Row *row)
{
  g_free (row->pub.reason);
  g_free (row->pub.unit_name);
  g_free (row->pub.operation_name);
  g_free (row->pub.other_district);
  g_free (row->pub.value.comment);
  g_clear_pointer (&row->pub.old, styrkort_value_free);
  g_free (row->parsed.comment);
  g_free (row->parse_error);
  g_free (row->unit_key);
  g_free (row);
}

static void
unit_free (StyrkortImportUnit *unit)
{
  g_free (unit->name);
  g_free (unit);
}

static void
index_units (StyrkortImportPlan *plan)
{
  g_autoptr(GPtrArray) units = styrkort_project_list_units (plan->project);

  for (guint i = 0; i < units->len; i++)
    {
      StyrkortUnit *unit = units->pdata[i];
      g_hash_table_insert (plan->units, _styrkort_import_name_key (unit->name), g_memdup2 (&unit->id, sizeof unit->id));
    }
}

static gint64
operation_for_name (StyrkortProject *project, const char *name)
{
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (project);
  g_autofree char *key = _styrkort_import_name_key (name);
  gint64 found = operations->len > 0 ? ((StyrkortOperation *) operations->pdata[0])->id : 0;

  for (guint i = 0; name != NULL && i < operations->len; i++)
    {
      StyrkortOperation *op = operations->pdata[i];
      g_autofree char *sv = _styrkort_import_name_key (op->name_sv), *en = _styrkort_import_name_key (op->name_en), *k = _styrkort_import_name_key (op->key);
      if (g_str_equal (key, sv) || g_str_equal (key, en) || g_str_equal (key, k))
        found = op->id;
    }
  return found;
}

static StyrkortImportUnit *
find_new_unit (StyrkortImportPlan *plan, const char *key)
{
  return g_hash_table_lookup (plan->new_unit_keys, key);
}

/* Units that the file names but the district does not have yet. */
static void
collect_new_units (StyrkortImportPlan *plan)
{
  for (guint i = 0; i < plan->rows->len; i++)
    {
      Row *row = plan->rows->pdata[i];
      StyrkortImportUnit *unit;

      if (row->parse_error != NULL || *row->unit_key == '\0' || g_hash_table_contains (plan->units, row->unit_key))
        continue;
      if ((unit = find_new_unit (plan, row->unit_key)) == NULL)
        {
          unit = g_new0 (StyrkortImportUnit, 1);
          unit->name = g_strdup (row->pub.unit_name);
          unit->operation_id = operation_for_name (plan->project, row->pub.operation_name);
          g_ptr_array_add (plan->new_units, unit);
          g_hash_table_insert (plan->new_unit_keys, g_strdup (row->unit_key), unit);
        }
      unit->n_rows++;
    }
}

static gboolean
same_number (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
same_value (const StyrkortValue *a, const StyrkortValue *b)
{
  return same_number (a->value, b->value) && same_number (a->women, b->women) && same_number (a->men, b->men) &&
         same_number (a->numerator, b->numerator) && same_number (a->denominator, b->denominator) &&
         g_strcmp0 (a->comment ? a->comment : "", b->comment ? b->comment : "") == 0;
}

/* Does the file give a rate by its value alone, where the stored rate is
 * computed from its base and the two differ (beyond the file's rounding to
 * two decimals)? Then replacing it removes the base: never silently. */
static gboolean
replaces_base (const Row *row, const StyrkortValue *stored)
{
  gboolean base_given = (row->given & GIVEN_NUMERATOR) && (row->given & GIVEN_DENOMINATOR);

  return stored != NULL && (row->given & GIVEN_VALUE) && !base_given && !isnan (row->parsed.value) &&
         styrkort_value_is_computed (row->indicator, stored) &&
         fabs (row->parsed.value - stored->value) >= 0.005;
}

/* The stored figure with the parts that the file gives put in, as set_value
 * would store it (a rate's value follows from its base, unless the file's
 * rate replaces it: see replaces_base()). */
static void
merge_into (const Row *row, StyrkortValue *out, gboolean replace_base)
{
  const StyrkortValue *in = &row->parsed;

  if (replace_base)
    out->numerator = out->denominator = NAN;
  if (row->given & GIVEN_VALUE) out->value = in->value;
  if (row->given & GIVEN_WOMEN) out->women = in->women;
  if (row->given & GIVEN_MEN) out->men = in->men;
  if (row->given & GIVEN_NUMERATOR) out->numerator = in->numerator;
  if (row->given & GIVEN_DENOMINATOR) out->denominator = in->denominator;
  if (row->given & GIVEN_COMMENT)
    {
      g_free (out->comment);
      out->comment = g_strdup (in->comment);
    }
  if (row->indicator->total_rule == STYRKORT_TOTAL_RATE && styrkort_value_has_base (out))
    out->value = styrkort_rate_from_base (row->indicator->measure, out->numerator, out->denominator);
}

/* The unit a row goes to: 0 for the district, -1 for one still to be created. */
static gint64
unit_of_row (StyrkortImportPlan *plan, const Row *row)
{
  gint64 *id;
  StyrkortImportUnit *unit;

  if (*row->unit_key == '\0')
    return 0;
  if ((id = g_hash_table_lookup (plan->units, row->unit_key)) != NULL)
    return *id;
  unit = find_new_unit (plan, row->unit_key);
  return unit != NULL && unit->unit_id > 0 ? unit->unit_id : -1;
}

static char *
value_key (gint64 indicator_id, gint64 unit_id, StyrkortPeriod period)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%d/%d", indicator_id, unit_id, period.year,
                          period.tertial);
}

/* The district's figures, read once: a plan compares every row with them. */
static void
index_stored (StyrkortImportPlan *plan)
{
  g_autoptr(GPtrArray) values = styrkort_project_list_all_values (plan->project);

  g_hash_table_remove_all (plan->stored);
  for (guint i = 0; i < values->len; i++)
    {
      StyrkortValue *v = values->pdata[i];
      g_hash_table_insert (plan->stored, value_key (v->indicator_id, v->unit_id, v->period),
                           g_steal_pointer (&values->pdata[i]));
    }
}

static StyrkortValue *
stored_value (StyrkortImportPlan *plan, gint64 indicator_id, gint64 unit_id, StyrkortPeriod period)
{
  g_autofree char *key = value_key (indicator_id, unit_id, period);
  StyrkortValue *v = g_hash_table_lookup (plan->stored, key);
  StyrkortValue *copy;

  if (v == NULL)
    return NULL;
  copy = g_memdup2 (v, sizeof *v);
  copy->comment = g_strdup (v->comment);
  return copy;
}

static void
evaluate_row (StyrkortImportPlan *plan, Row *row, GHashTable *seen)
{
  StyrkortImportRow *pub = &row->pub;
  gint64 unit_id = unit_of_row (plan, row);
  g_autofree char *key = NULL;
  guint first;

  g_clear_pointer (&pub->reason, g_free);
  g_clear_pointer (&pub->old, styrkort_value_free);
  g_clear_pointer (&pub->value.comment, g_free);
  styrkort_value_init (&pub->value);
  if (row->parse_error != NULL)
    {
      pub->state = STYRKORT_IMPORT_ROW_REJECTED;
      pub->reason = g_strdup (row->parse_error);
      return;
    }
  key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s/%d/%d", row->parsed.indicator_id, unit_id,
                         unit_id < 0 ? row->unit_key : "", row->parsed.period.year, row->parsed.period.tertial);
  if ((first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key))) != 0)
    {
      pub->state = STYRKORT_IMPORT_ROW_REJECTED;
      pub->reason = g_strdup_printf (_("The same figure is also on row %u."), first);
      return;
    }
  g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (pub->line));
  pub->value.indicator_id = row->parsed.indicator_id;
  pub->value.unit_id = MAX (unit_id, 0);
  pub->value.period = row->parsed.period;
  if (unit_id >= 0)
    pub->old = stored_value (plan, row->parsed.indicator_id, unit_id, row->parsed.period);
  if (pub->old != NULL)
    {
      pub->value.value = pub->old->value;
      pub->value.women = pub->old->women;
      pub->value.men = pub->old->men;
      pub->value.numerator = pub->old->numerator;
      pub->value.denominator = pub->old->denominator;
      pub->value.comment = g_strdup (pub->old->comment);
    }
  pub->removes_base = replaces_base (row, pub->old);
  merge_into (row, &pub->value, pub->removes_base);
  if (pub->old == NULL)
    pub->state = STYRKORT_IMPORT_ROW_NEW;
  else if (same_value (&pub->value, pub->old))
    pub->state = STYRKORT_IMPORT_ROW_SAME;
  else
    pub->state = STYRKORT_IMPORT_ROW_CONFLICT;
  if (pub->state != STYRKORT_IMPORT_ROW_CONFLICT)
    g_clear_pointer (&pub->old, styrkort_value_free);
}

static void
evaluate (StyrkortImportPlan *plan)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < plan->rows->len; i++)
    if (!((Row *) plan->rows->pdata[i])->pub.city) /* city values are compared once, when read */
      evaluate_row (plan, plan->rows->pdata[i], seen);
}

StyrkortImportPlan *
styrkort_import_plan_new (StyrkortProject *project, const StyrkortImportSource *source,
                          const StyrkortImportMapping *mapping, GError **error)
{
  StyrkortImportPlan *plan;

  if (source->kind != STYRKORT_WORKBOOK_CITY && !styrkort_import_mapping_check (mapping, error))
    return NULL;
  plan = g_new0 (StyrkortImportPlan, 1);
  plan->project = g_object_ref (project);
  plan->file_name = g_filename_display_basename (source->path);
  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  plan->new_units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  plan->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) styrkort_value_free);
  plan->new_unit_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->indicators = styrkort_project_list_indicators (project);
  plan->current = styrkort_period_current ();
  {
    g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
    plan->district = g_strdup (district ? district->name : "");
    plan->district_key = _styrkort_import_name_key (plan->district);
  }
  if (source->kind == STYRKORT_WORKBOOK_CITY)
    {
      if (!_styrkort_import_plan_read_city (plan, source, error))
        g_clear_pointer (&plan, styrkort_import_plan_free);
      return plan;
    }
  _styrkort_import_plan_read_rows (plan, source, mapping);
  index_units (plan);
  index_stored (plan);
  collect_new_units (plan);
  evaluate (plan);
  return plan;
}

gboolean
styrkort_import_mapping_check (const StyrkortImportMapping *m, GError **error)
{
  const char *missing = NULL;
  gboolean has_period = m->columns[STYRKORT_FIELD_PERIOD] >= 0 ||
                        (m->columns[STYRKORT_FIELD_YEAR] >= 0 && m->columns[STYRKORT_FIELD_TERTIAL] >= 0);
  gboolean has_wide = FALSE;

  for (guint c = 0; c < m->wide->len; c++)
    has_wide |= m->wide->pdata[c] != NULL;
  if (!has_period)
    missing = _("Choose the column with the period, or the columns with the year and the tertial.");
  else if (m->layout == STYRKORT_IMPORT_LONG && m->columns[STYRKORT_FIELD_INDICATOR] < 0)
    missing = _("Choose the column that names the indicator.");
  else if (m->layout == STYRKORT_IMPORT_LONG && m->columns[STYRKORT_FIELD_VALUE] < 0 &&
           m->columns[STYRKORT_FIELD_NUMERATOR] < 0)
    missing = _("Choose the column with the values.");
  else if (m->layout == STYRKORT_IMPORT_WIDE && !has_wide)
    missing = _("Choose at least one column that holds an indicator.");
  if (missing != NULL)
    g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, missing);
  return missing == NULL;
}

void
styrkort_import_plan_free (StyrkortImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_object (&plan->project);
  g_free (plan->file_name);
  g_ptr_array_unref (plan->rows);
  g_ptr_array_unref (plan->new_units);
  g_hash_table_unref (plan->units);
  g_hash_table_unref (plan->stored);
  g_hash_table_unref (plan->new_unit_keys);
  g_ptr_array_unref (plan->indicators);
  g_free (plan->district);
  g_free (plan->district_key);
  g_free (plan);
}

GPtrArray *
styrkort_import_plan_rows (StyrkortImportPlan *plan)
{
  return plan->rows;
}

GPtrArray *
styrkort_import_plan_other_districts (StyrkortImportPlan *plan, GArray **counts)
{
  GPtrArray *names = g_ptr_array_new ();
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  *counts = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const StyrkortImportRow *row = plan->rows->pdata[i];
      gpointer at;
      if (row->state != STYRKORT_IMPORT_ROW_REJECTED || row->other_district == NULL)
        continue;
      if (!g_hash_table_lookup_extended (index, row->other_district, NULL, &at))
        {
          at = GUINT_TO_POINTER (names->len);
          g_hash_table_insert (index, row->other_district, at);
          g_ptr_array_add (names, row->other_district);
          g_array_set_size (*counts, names->len);
        }
      g_array_index (*counts, guint, GPOINTER_TO_UINT (at))++;
    }
  return names;
}

GPtrArray *
styrkort_import_plan_new_units (StyrkortImportPlan *plan)
{
  return plan->new_units;
}

guint
styrkort_import_plan_count (StyrkortImportPlan *plan, StyrkortImportRowState state)
{
  guint n = 0;

  for (guint i = 0; i < plan->rows->len; i++)
    n += ((StyrkortImportRow *) plan->rows->pdata[i])->state == state;
  return n;
}

void
styrkort_import_plan_set_unit (StyrkortImportPlan *plan, const char *name, gint64 unit_id, gint64 operation_id)
{
  g_autofree char *key = _styrkort_import_name_key (name);
  StyrkortImportUnit *unit = find_new_unit (plan, key);

  g_return_if_fail (unit != NULL);
  unit->unit_id = unit_id;
  if (operation_id > 0)
    unit->operation_id = operation_id;
  evaluate (plan);
}

void
styrkort_import_plan_set_conflicts (StyrkortImportPlan *plan, StyrkortImportConflicts conflicts)
{
  plan->conflicts = conflicts;
}

static gboolean
row_is_written (StyrkortImportPlan *plan, const StyrkortImportRow *row)
{
  return row->state == STYRKORT_IMPORT_ROW_NEW ||
         (row->state == STYRKORT_IMPORT_ROW_CONFLICT && plan->conflicts == STYRKORT_IMPORT_REPLACE);
}

guint
styrkort_import_plan_n_writes (StyrkortImportPlan *plan)
{
  guint n = 0;

  for (guint i = 0; i < plan->rows->len; i++)
    n += row_is_written (plan, plan->rows->pdata[i]);
  return n;
}

GArray *
styrkort_import_plan_reported_periods (StyrkortImportPlan *plan)
{
  g_autoptr(GPtrArray) reports = styrkort_project_list_reports (plan->project);
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (StyrkortPeriod));

  for (guint r = 0; r < reports->len; r++)
    {
      StyrkortPeriod reported = ((StyrkortReport *) reports->pdata[r])->period;
      for (guint i = 0; i < plan->rows->len; i++)
        {
          const StyrkortImportRow *row = plan->rows->pdata[i];
          if (row_is_written (plan, row) && styrkort_period_compare (row->value.period, reported) == 0)
            {
              g_array_append_val (periods, reported);
              break;
            }
        }
    }
  return periods;
}

static gboolean
create_units (StyrkortImportPlan *plan, GError **error)
{
  for (guint i = 0; i < plan->new_units->len; i++)
    {
      StyrkortImportUnit *unit = plan->new_units->pdata[i];
      gint64 id;
      if (unit->unit_id > 0)
        continue;
      if ((id = styrkort_project_add_unit (plan->project, unit->name, unit->operation_id, error)) == 0)
        return FALSE;
      g_autofree char *key = _styrkort_import_name_key (unit->name);
      g_hash_table_insert (plan->units, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
    }
  return TRUE;
}

static gboolean
write_rows (StyrkortImportPlan *plan, GError **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GArray) city = g_array_new (FALSE, TRUE, sizeof (StyrkortCityValue));
  g_autoptr(GPtrArray) city_pointers = g_ptr_array_new ();

  for (guint i = 0; i < plan->rows->len; i++)
    {
      Row *row = plan->rows->pdata[i];
      if (!row_is_written (plan, &row->pub))
        continue;
      if (row->pub.city)
        {
          StyrkortCityValue v = { row->pub.value.indicator_id, row->pub.value.period, row->pub.value.value,
                                  row->pub.value.numerator, row->pub.value.denominator, row->pub.place,
                                  row->pub.places };
          g_array_append_val (city, v);
          continue;
        }
      row->pub.value.unit_id = unit_of_row (plan, row);
      g_ptr_array_add (values, &row->pub.value);
    }
  for (guint i = 0; i < city->len; i++)
    g_ptr_array_add (city_pointers, &g_array_index (city, StyrkortCityValue, i));
  if (city->len > 0 && !styrkort_project_set_city_values (plan->project,
                                                          (const StyrkortCityValue * const *) city_pointers->pdata,
                                                          city->len, error))
    return FALSE;
  if (values->len == 0)
    return TRUE;
  return styrkort_project_set_values (plan->project, (const StyrkortValue * const *) values->pdata, values->len,
                                      error);
}

/* Unlocks the reported periods the import writes to, for this import only:
 * returns those that were locked before, to lock again afterwards. */
static GArray *
unlock_for_import (StyrkortImportPlan *plan, const char *reason)
{
  g_autoptr(GArray) reported = styrkort_import_plan_reported_periods (plan);
  GArray *unlocked = g_array_new (FALSE, FALSE, sizeof (StyrkortPeriod));

  for (guint i = 0; reason != NULL && i < reported->len; i++)
    {
      StyrkortPeriod period = g_array_index (reported, StyrkortPeriod, i);
      if (styrkort_project_is_unlocked (plan->project, period))
        continue;
      styrkort_project_unlock_period (plan->project, period, reason);
      g_array_append_val (unlocked, period);
    }
  return unlocked;
}

static void
lock_again (StyrkortImportPlan *plan, GArray *periods)
{
  for (guint i = 0; i < periods->len; i++)
    styrkort_project_lock_period (plan->project, g_array_index (periods, StyrkortPeriod, i));
}

static gboolean
apply_in_group (StyrkortImportPlan *plan, GError **error)
{
  g_autofree char *summary = plan->city ? g_strdup_printf (_("Import city figures from “%s”"), plan->file_name)
                                        : g_strdup_printf (_("Import figures from “%s”"), plan->file_name);

  if (!styrkort_project_begin_group (plan->project, summary, error))
    return FALSE;
  if (create_units (plan, error) && write_rows (plan, error))
    return styrkort_project_end_group (plan->project, error);
  styrkort_project_cancel_group (plan->project);
  /* The units made in the cancelled transaction do not exist. */
  g_hash_table_remove_all (plan->units);
  index_units (plan);
  index_stored (plan);
  evaluate (plan);
  return FALSE;
}

/* A reported period is unlocked with @reason for the import alone: later
 * edits by hand must ask again, whether the import succeeded or not. */
gboolean
styrkort_import_plan_apply (StyrkortImportPlan *plan, const char *reason, GError **error)
{
  g_autoptr(GArray) unlocked = unlock_for_import (plan, reason);
  gboolean ok = apply_in_group (plan, error);

  lock_again (plan, unlocked);
  return ok;
}

static char *
describe_rate (const StyrkortIndicator *indicator, const StyrkortValue *v, StyrkortNumberStyle style)
{
  g_autofree char *value = styrkort_format_count (v->value, style);
  const char *percent = indicator->measure == STYRKORT_MEASURE_PERCENT ? "\u00a0%" : "";

  if (styrkort_value_is_computed (indicator, v))
    {
      g_autofree char *numerator = styrkort_format_count (v->numerator, style);
      g_autofree char *denominator = styrkort_format_count (v->denominator, style);
      return g_strdup_printf ("%s%s (%s / %s)", value, percent, numerator, denominator);
    }
  return g_strdup_printf ("%s%s", value, percent);
}

char *
styrkort_import_row_describe_change (const StyrkortIndicator *indicator, const StyrkortImportRow *row)
{
  StyrkortNumberStyle style = styrkort_number_style_for_locale ();
  g_autofree char *old = row->old ? describe_rate (indicator, row->old, style) : g_strdup ("–");
  g_autofree char *new = describe_rate (indicator, &row->value, style);

  if (row->city)
    {
      /* The district's place beside the city value: "10,6 % (3 of 14)". */
      g_autofree char *old_place = styrkort_format_place (row->old_place, row->old_places);
      g_autofree char *new_place = styrkort_format_place (row->place, row->places);
      g_autofree char *old_text = old_place ? g_strdup_printf ("%s (%s)", old, old_place) : g_strdup (old);
      g_autofree char *new_text = new_place ? g_strdup_printf ("%s (%s)", new, new_place) : g_strdup (new);
      return g_strdup_printf ("%s → %s", old_text, new_text);
    }

  if (row->removes_base)
    return g_strdup_printf (_("%s → %s, base figures removed"), old, new);
  return g_strdup_printf ("%s → %s", old, new);
}
