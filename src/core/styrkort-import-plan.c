/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An import plan: every row of the file read by the mapping, checked
 * against the district, and stored as one edit. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "styrkort-figure-rules.h"
#include "styrkort-import-private.h"
#include "styrkort-number.h"


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
};

static void
row_free (Row *row)
{
  g_free (row->pub.reason);
  g_free (row->pub.unit_name);
  g_free (row->pub.operation_name);
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

/* A number from a cell, or a message saying why it is not one. */
static char *
read_number (const StyrkortImportSource *source, guint row, int column, StyrkortImportField field, double *out)
{
  const StyrkortCell *cell;
  g_autoptr(GError) local = NULL;

  *out = NAN;
  if (column < 0)
    return NULL;
  cell = styrkort_sheet_cell (source->sheet, row, (guint) column);
  if (cell->type == STYRKORT_CELL_NUMBER)
    {
      *out = cell->number;
      return NULL;
    }
  if (cell->type == STYRKORT_CELL_EMPTY)
    return NULL;
  g_autofree char *text = _styrkort_import_cell_text (cell);
  if (styrkort_parse_number (text, out, &local))
    return NULL;
  /* TRANSLATORS: "“abc” in the column Value is not a number." */
  return g_strdup_printf (_("“%s” in the column %s is not a number."), text, styrkort_import_field_label (field));
}

static gboolean
read_integer (const char *text, int *out)
{
  char *end = NULL;
  gint64 n = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || n < 0 || n > 9999)
    return FALSE;
  *out = (int) n;
  return TRUE;
}

/* Excel's dates are days since 1899-12-30 (with its 1900 leap-year quirk,
 * which this base already accounts for after February 1900). */
static gboolean
period_from_serial (double serial, StyrkortPeriod *out)
{
  g_autoptr(GDate) date = NULL;

  if (serial < 367 || serial > 2958465)
    return FALSE;
  date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) serial);
  *out = styrkort_period_for_date (date);
  return TRUE;
}

/* "2026 T2", "T2 2026", "2026-05-31", "2026-05". */
static gboolean
period_from_text (const char *text, StyrkortPeriod *out)
{
  int year = 0, month = 0, day = 1;
  char rest = 0;

  if (styrkort_period_parse (text, out))
    return TRUE;
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) != 3 &&
      sscanf (text, "%4d-%2d%c", &year, &month, &rest) != 2)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *out = styrkort_period_for_date (date);
  return TRUE;
}

static char *
read_year_tertial (const StyrkortImportSource *source, guint row, const StyrkortImportMapping *m,
                   StyrkortPeriod *out)
{
  g_autofree char *year = styrkort_import_source_cell_text (source, row, (guint) m->columns[STYRKORT_FIELD_YEAR]);
  g_autofree char *tertial = styrkort_import_source_cell_text (source, row,
                                                               (guint) m->columns[STYRKORT_FIELD_TERTIAL]);
  const char *digits = tertial;

  while (*digits != '\0' && !g_ascii_isdigit (*digits))
    digits++; /* "T2", "Tertial 2" */
  if (!read_integer (year, &out->year))
    return g_strdup_printf (_("“%s” is not a year."), year);
  if (!read_integer (digits, &out->tertial) || out->tertial < 1 || out->tertial > 3)
    return g_strdup_printf (_("“%s” is not a tertial (1, 2 or 3)."), tertial);
  return NULL;
}

static char *
read_period (const StyrkortImportSource *source, guint row, const StyrkortImportMapping *m, StyrkortPeriod *out)
{
  const StyrkortCell *cell;

  if (m->columns[STYRKORT_FIELD_YEAR] >= 0 && m->columns[STYRKORT_FIELD_TERTIAL] >= 0)
    return read_year_tertial (source, row, m, out);
  cell = styrkort_sheet_cell (source->sheet, row, (guint) m->columns[STYRKORT_FIELD_PERIOD]);
  if (cell->type == STYRKORT_CELL_NUMBER && period_from_serial (cell->number, out))
    return NULL;
  g_autofree char *text = _styrkort_import_cell_text (cell);
  if (period_from_text (text, out))
    return NULL;
  return g_strdup_printf (_("“%s” is neither a period (2026 T2) nor a date."), text);
}

/* Periods from 2000 to the current tertial: later ones have not happened. */
static char *
check_period_range (StyrkortPeriod period, StyrkortPeriod current)
{
  g_autofree char *name = styrkort_period_to_string (period);

  if (period.year < 2000)
    return g_strdup_printf (_("%s is too early: figures start in 2000."), name);
  if (styrkort_period_compare (period, current) > 0)
    return g_strdup_printf (_("%s has not begun yet."), name);
  return NULL;
}

typedef struct {
  StyrkortImportPlan *plan;
  const StyrkortImportSource *source;
  const StyrkortImportMapping *mapping;
  GHashTable *indicators;
} Reader;

static char *
text_at (const Reader *r, guint row, StyrkortImportField field)
{
  int column = r->mapping->columns[field];
  return column >= 0 ? styrkort_import_source_cell_text (r->source, row, (guint) column) : g_strdup ("");
}

/* The parts of a figure in the long layout: value, women, men, base, comment. */
static char *
read_parts (const Reader *r, guint line, Row *row)
{
  static const StyrkortImportField number_fields[] = {
    STYRKORT_FIELD_VALUE, STYRKORT_FIELD_WOMEN, STYRKORT_FIELD_MEN, STYRKORT_FIELD_NUMERATOR,
    STYRKORT_FIELD_DENOMINATOR,
  };
  double *targets[] = { &row->parsed.value, &row->parsed.women, &row->parsed.men, &row->parsed.numerator,
                        &row->parsed.denominator };

  for (guint i = 0; i < G_N_ELEMENTS (number_fields); i++)
    {
      StyrkortImportField f = number_fields[i];
      /* In the wide layout a row's columns are the indicators' values. */
      if (r->mapping->layout == STYRKORT_IMPORT_WIDE)
        break;
      char *problem = read_number (r->source, line, r->mapping->columns[f], f, targets[i]);
      if (problem != NULL)
        return problem;
      if (r->mapping->columns[f] >= 0)
        row->given |= 1u << i;
    }
  if (r->mapping->columns[STYRKORT_FIELD_COMMENT] >= 0)
    {
      row->parsed.comment = text_at (r, line, STYRKORT_FIELD_COMMENT);
      row->given |= GIVEN_COMMENT;
    }
  return NULL;
}

static gboolean
has_figure (const Row *row)
{
  const StyrkortValue *v = &row->parsed;
  return !isnan (v->value) || !isnan (v->women) || !isnan (v->men) ||
         (!isnan (v->numerator) && !isnan (v->denominator));
}

/* Why a read figure cannot be stored as it is, or NULL. */
static char *
check_row (Row *row, StyrkortPeriod current)
{
  const StyrkortIndicator *ind = row->indicator;
  char *problem = check_period_range (row->parsed.period, current);

  if (problem != NULL)
    return problem;
  if (!has_figure (row))
    return g_strdup (_("The row has no value."));
  if (ind->level == STYRKORT_LEVEL_DISTRICT && *row->pub.unit_name != '\0')
    return g_strdup_printf (_("%s is a figure for the whole district: leave the unit empty."), ind->name_sv);
  if (!isnan (row->parsed.denominator) && row->parsed.denominator <= 0)
    return g_strdup (_("The denominator must be greater than zero."));
  return NULL;
}

static Row *
new_row (const Reader *r, guint line)
{
  Row *row = g_new0 (Row, 1);

  row->pub.line = line + 1;
  styrkort_value_init (&row->parsed);
  styrkort_value_init (&row->pub.value);
  row->pub.unit_name = text_at (r, line, STYRKORT_FIELD_UNIT);
  row->unit_key = _styrkort_import_name_key (row->pub.unit_name);
  if (r->mapping->columns[STYRKORT_FIELD_OPERATION] >= 0)
    row->pub.operation_name = text_at (r, line, STYRKORT_FIELD_OPERATION);
  return row;
}

/* A row that names another district is not this district's figure (a
 * workbook of the wrong district, or a city-wide file). */
static char *
check_district (const Reader *r, guint line)
{
  g_autofree char *district = text_at (r, line, STYRKORT_FIELD_DISTRICT);
  g_autofree char *key = _styrkort_import_name_key (district);

  if (*key == '\0' || g_str_equal (key, r->plan->district_key))
    return NULL;
  return g_strdup_printf (_("The row is for %s, not for %s."), district, r->plan->district);
}

static void
add_row (const Reader *r, Row *row, const char *indicator_text, char *problem)
{
  StyrkortIndicator *ind = g_hash_table_lookup (r->indicators, indicator_text);

  if (problem == NULL)
    problem = check_district (r, row->pub.line - 1);
  if (problem == NULL && ind == NULL)
    problem = g_strdup_printf (_("“%s” is not an indicator of the catalogue."), indicator_text);
  if (ind != NULL)
    {
      row->indicator = ind;
      row->parsed.indicator_id = ind->id;
    }
  if (problem == NULL)
    problem = check_row (row, r->plan->current);
  row->parse_error = problem;
  g_ptr_array_add (r->plan->rows, row);
}

static void
read_long_row (const Reader *r, guint line)
{
  Row *row = new_row (r, line);
  g_autofree char *indicator = text_at (r, line, STYRKORT_FIELD_INDICATOR);
  g_autofree char *key = _styrkort_import_name_key (indicator);
  char *problem = read_period (r->source, line, r->mapping, &row->parsed.period);

  if (problem == NULL)
    problem = read_parts (r, line, row);
  add_row (r, row, key, problem);
}

/* One figure per indicator column; an empty cell is no figure. */
static void
read_wide_row (const Reader *r, guint line)
{
  for (guint c = 0; c < r->mapping->wide->len; c++)
    {
      const char *code = r->mapping->wide->pdata[c];
      Row *row;
      char *problem;

      if (code == NULL || styrkort_sheet_cell (r->source->sheet, line, c)->type == STYRKORT_CELL_EMPTY)
        continue;
      row = new_row (r, line);
      problem = read_period (r->source, line, r->mapping, &row->parsed.period);
      if (problem == NULL)
        problem = read_number (r->source, line, (int) c, STYRKORT_FIELD_VALUE, &row->parsed.value);
      if (problem == NULL)
        problem = read_parts (r, line, row);
      row->given |= GIVEN_VALUE;
      add_row (r, row, code, problem);
    }
}

static gboolean
row_is_blank (const StyrkortImportSource *source, guint line)
{
  GArray *cells = source->sheet->rows->pdata[line];

  for (guint c = 0; c < cells->len; c++)
    if (g_array_index (cells, StyrkortCell, c).type != STYRKORT_CELL_EMPTY)
      return FALSE;
  return TRUE;
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
    evaluate_row (plan, plan->rows->pdata[i], seen);
}

StyrkortImportPlan *
styrkort_import_plan_new (StyrkortProject *project, const StyrkortImportSource *source,
                          const StyrkortImportMapping *mapping, GError **error)
{
  StyrkortImportPlan *plan;
  g_autoptr(GHashTable) indicators = NULL;

  if (!styrkort_import_mapping_check (mapping, error))
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
  indicators = _styrkort_import_indicator_names (plan->indicators);
  Reader reader = { plan, source, mapping, indicators };
  for (guint line = mapping->header_row + 1; line < source->sheet->rows->len; line++)
    {
      if (row_is_blank (source, line))
        continue;
      if (mapping->layout == STYRKORT_IMPORT_WIDE)
        read_wide_row (&reader, line);
      else
        read_long_row (&reader, line);
    }
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

  for (guint i = 0; i < plan->rows->len; i++)
    {
      Row *row = plan->rows->pdata[i];
      if (!row_is_written (plan, &row->pub))
        continue;
      row->pub.value.unit_id = unit_of_row (plan, row);
      g_ptr_array_add (values, &row->pub.value);
    }
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
  g_autofree char *summary = g_strdup_printf (_("Import figures from “%s”"), plan->file_name);

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

  if (row->removes_base)
    return g_strdup_printf (_("%s → %s, base figures removed"), old, new);
  return g_strdup_printf ("%s → %s", old, new);
}
