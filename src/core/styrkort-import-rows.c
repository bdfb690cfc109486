/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import's rows: each line of the file read by the mapping, and checked (period, numbers, indicator, district). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "styrkort-figure-rules.h"
#include "styrkort-import-plan-private.h"
#include "styrkort-number.h"

/* The file's own heading of @column ("Utfall"), else the field's name:
 * a reason names the column as the person sees it in the file. */
static char *
column_heading (const StyrkortImportSource *source, const StyrkortImportMapping *mapping, guint column,
                StyrkortImportField field)
{
  g_autofree char *text = styrkort_import_source_cell_text (source, mapping->header_row, column);

  return *text != '\0' ? g_steal_pointer (&text) : g_strdup (styrkort_import_field_label (field));
}

/* A number from a cell, or a message saying why it is not one. */
static char *
read_number (const StyrkortImportSource *source, const StyrkortImportMapping *mapping, guint row, int column,
             StyrkortImportField field, double *out)
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
  g_autofree char *heading = column_heading (source, mapping, (guint) column, field);
  /* TRANSLATORS: "“abc” in the column “Värde” is not a number." */
  return g_strdup_printf (_("“%s” in the column “%s” is not a number."), text, heading);
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

/* A time after a date, as spreadsheets export dates: " 00:00:00", "T00:00". */
static gboolean
is_time (const char *text)
{
  int hour = -1, minute = -1, second = 0, n = 0;

  if (*text != ' ' && *text != 'T')
    return FALSE;
  if (sscanf (text + 1, "%2d:%2d%n", &hour, &minute, &n) != 2)
    return FALSE;
  text += 1 + n;
  if (*text == ':' && sscanf (text + 1, "%2d%n", &second, &n) == 1)
    text += 1 + n;
  return *text == '\0' && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 61;
}

/* "2026 T2", "T2 2026", "2026-05-31", "2026-05-31 00:00:00", "31.05.2026", "2026-05". */
static gboolean
period_from_text (const char *text, StyrkortPeriod *out)
{
  int year = 0, month = 0, day = 1, n = 0;

  if (styrkort_period_parse (text, out))
    return TRUE;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &n) == 3 && (text[n] == '\0' || is_time (text + n)))
    ;
  else if (sscanf (text, "%2d.%2d.%4d%n", &day, &month, &year, &n) == 3 &&
           (text[n] == '\0' || is_time (text + n)))
    ; /* day.month.year: a date with dots is never month first */
  else if (day = 1, sscanf (text, "%4d-%2d%n", &year, &month, &n) == 2 && text[n] == '\0')
    ;
  else
    return FALSE;
  if (year < 1000 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
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
  return g_strdup_printf (_("“%s” is neither a period nor a date. Write the period as 2026 T2 or T2 2026, or a date "
                            "as 2026-04-30, 2026-04-30 00:00:00, 30.04.2026 or 2026-04."), text);
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
      char *problem = read_number (r->source, r->mapping, line, r->mapping->columns[f], f, targets[i]);
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
check_district (const Reader *r, Row *row)
{
  g_autofree char *district = text_at (r, row->pub.line - 1, STYRKORT_FIELD_DISTRICT);
  g_autofree char *key = _styrkort_import_name_key (district);

  if (*key == '\0' || g_str_equal (key, r->plan->district_key))
    return NULL;
  row->pub.other_district = g_strdup (district);
  return g_strdup_printf (_("The row is for %s, not for %s."), district, r->plan->district);
}

/* "1,234", "12.500": one separator with three digits after it, which may
 * separate thousands or be the decimal sign. "0,500" is not a thousand. */
static gboolean
reads_two_ways (const char *text, char *separator)
{
  const char *p = text, *sep = NULL;
  guint before = 0, after = 0;

  if (*p == '-' || *p == '+')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        *(sep == NULL ? &before : &after) += 1;
      else if ((*p == ',' || *p == '.') && sep == NULL)
        sep = p;
      else
        return FALSE;
    }
  if (sep == NULL || after != 3 || before == 0 || before > 3 || *(sep - before) == '0')
    return FALSE;
  *separator = *sep;
  return TRUE;
}

/* A count indicator's figures are whole numbers: "1,234" employees may be
 * 1234 (thousands separated) or 1.234 (decimal comma), and a guess either
 * way stores a figure a thousand times wrong. Read by the mapping's
 * decimal sign, else the row is refused and marked ambiguous. */
static char *
check_two_ways (const Reader *r, Row *row, int wide_column)
{
  int long_columns[] = { r->mapping->columns[STYRKORT_FIELD_VALUE], r->mapping->columns[STYRKORT_FIELD_WOMEN],
                         r->mapping->columns[STYRKORT_FIELD_MEN] };
  StyrkortImportField fields[] = { STYRKORT_FIELD_VALUE, STYRKORT_FIELD_WOMEN, STYRKORT_FIELD_MEN };
  double *targets[] = { &row->parsed.value, &row->parsed.women, &row->parsed.men };
  guint line = row->pub.line - 1;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      int column = wide_column >= 0 ? (i == 0 ? wide_column : -1) : long_columns[i];
      const StyrkortCell *cell;
      g_autofree char *text = NULL;
      char separator = 0;

      if (column < 0)
        continue;
      cell = styrkort_sheet_cell (r->source->sheet, line, (guint) column);
      if (cell->type != STYRKORT_CELL_TEXT)
        continue;
      text = _styrkort_import_cell_text (cell);
      if (!reads_two_ways (text, &separator))
        continue;
      if (r->mapping->decimal_sign == STYRKORT_DECIMAL_UNKNOWN)
        {
          g_autofree char *heading = column_heading (r->source, r->mapping, (guint) column, fields[i]);
          row->pub.ambiguous_number = TRUE;
          /* TRANSLATORS: "“1,234” in the column “Antal” can be read as a thousand and more or as a number with
           * decimals: ..." */
          return g_strdup_printf (_("“%s” in the column “%s” can be read as a thousand and more or as a number "
                                    "with decimals: say which sign the file uses for decimals."), text, heading);
        }
      if ((separator == ',') != (r->mapping->decimal_sign == STYRKORT_DECIMAL_COMMA))
        {
          /* The separator is the thousands': the digits alone. */
          g_autofree char *digits = g_strdup (text);
          char *s = strchr (digits, separator);
          memmove (s, s + 1, strlen (s));
          *targets[i] = g_ascii_strtod (digits, NULL);
        }
      else
        *targets[i] = g_ascii_strtod (g_strdelimit (text, ",", '.'), NULL);
    }
  return NULL;
}

/* @key finds the indicator; @shown is the file's text for messages;
 * @wide_column is the figure's column in the wide layout (else -1). */
static void
add_row (const Reader *r, Row *row, const char *key, const char *shown, int wide_column, char *problem)
{
  StyrkortIndicator *ind = g_hash_table_lookup (r->indicators, key);

  if (problem == NULL)
    problem = check_district (r, row);
  if (problem == NULL && ind == NULL)
    problem = g_strdup_printf (_("“%s” is not an indicator of the catalogue."), shown);
  if (problem == NULL && ind->measure == STYRKORT_MEASURE_COUNT)
    problem = check_two_ways (r, row, wide_column);
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
  add_row (r, row, key, indicator, -1, problem);
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
        problem = read_number (r->source, r->mapping, line, (int) c, STYRKORT_FIELD_VALUE, &row->parsed.value);
      if (problem == NULL)
        problem = read_parts (r, line, row);
      row->given |= GIVEN_VALUE;
      add_row (r, row, code, code, (int) c, problem);
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

void
_styrkort_import_plan_read_rows (StyrkortImportPlan *plan, const StyrkortImportSource *source,
                                 const StyrkortImportMapping *mapping)
{
  g_autoptr(GHashTable) indicators = _styrkort_import_indicator_names (plan->indicators);
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
}
