/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading and editing the rows of a project: district, catalogue, units, values, follow-up. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "styrkort-figure-rules.h"
#include "styrkort-db.h"
#include "styrkort-project-private.h"

#define DB(self) _styrkort_project_get_db (self)

/* Runs a query and turns each row into a record with @read. */
GPtrArray *
_styrkort_list_rows (StyrkortProject *self, StyrkortRowReader read, GDestroyNotify free_func,
           const char *sql, const char *types, ...)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (free_func);
  sqlite3_stmt *stmt;
  va_list args;

  if (DB (self) == NULL)
    return rows;
  va_start (args, types);
  stmt = styrkort_db_statements_take (self->statements, DB (self), NULL, sql, types, args);
  va_end (args);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));
  styrkort_db_statements_give_back (self->statements, sql, stmt);
  return rows;
}

gpointer
_styrkort_steal_first (GPtrArray *rows)
{
  g_autoptr(GPtrArray) owned = rows;
  return rows->len > 0 ? g_ptr_array_steal_index (rows, 0) : NULL;
}

gint64
_styrkort_insert_row (StyrkortProject *self, const char *summary, GError **error,
            const char *sql, const char *types, ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  va_list args;
  gint64 id;

  if (!_styrkort_project_begin (self, summary, error))
    return 0;
  va_start (args, types);
  stmt = styrkort_db_prepare_va (DB (self), error, sql, types, args);
  va_end (args);
  if (stmt == NULL || !styrkort_db_step_done (DB (self), stmt, error))
    {
      _styrkort_project_rollback (self);
      return 0;
    }
  id = sqlite3_last_insert_rowid (DB (self));
  return _styrkort_project_commit (self, error) ? id : 0;
}

gboolean
_styrkort_remove_row (StyrkortProject *self, const char *summary, const char *table, gint64 id, GError **error)
{
  /* @table is one of ours, never user input. */
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  return _styrkort_project_edit (self, summary, error, sql, "i", id);
}

gboolean
_styrkort_check_text (const char *text, const char *what, GError **error)
{
  for (const char *c = text; c != NULL && *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return TRUE;
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("%s must not be empty."), what);
  return FALSE;
}

gboolean
_styrkort_check_period (StyrkortPeriod period, GError **error)
{
  if (styrkort_period_is_valid (period))
    return TRUE;
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
               _("%d T%d is not a period (a year and tertial 1–3)."), period.year, period.tertial);
  return FALSE;
}

gboolean
_styrkort_check_date (const char *date, GError **error)
{
  if (date == NULL || styrkort_date_is_valid (date))
    return TRUE;
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), date);
  return FALSE;
}

/* District ------------------------------------------------------------- */

static gpointer
read_district (sqlite3_stmt *s)
{
  StyrkortDistrict *d = g_new0 (StyrkortDistrict, 1);
  d->name = styrkort_db_column_text0 (s, 0);
  d->city = styrkort_db_column_text0 (s, 1);
  d->plan_version = styrkort_db_column_text0 (s, 2);
  d->created = styrkort_db_column_text0 (s, 3);
  d->modified = styrkort_db_column_text0 (s, 4);
  return d;
}

StyrkortDistrict *
styrkort_project_get_district (StyrkortProject *self)
{
  return _styrkort_steal_first (_styrkort_list_rows (self, read_district, (GDestroyNotify) styrkort_district_free,
                                 "SELECT name, city, plan_version, created, modified FROM district", NULL));
}

gboolean
styrkort_project_set_district (StyrkortProject *self, const char *name, const char *city,
                               const char *plan_version, GError **error)
{
  if (!_styrkort_check_text (name, _("The district name"), error))
    return FALSE;
  return _styrkort_project_edit (self, _("Change district details"), error,
                                 "UPDATE district SET name = ?, city = ?, plan_version = ?", "ttt",
                                 name, city ? city : "", plan_version ? plan_version : "");
}

/* Catalogue ------------------------------------------------------------ */

static gpointer
read_area (sqlite3_stmt *s)
{
  StyrkortArea *a = g_new0 (StyrkortArea, 1);
  a->id = sqlite3_column_int64 (s, 0);
  a->key = styrkort_db_column_text0 (s, 1);
  a->kind = g_strcmp0 ((const char *) sqlite3_column_text (s, 2), "theme") == 0
              ? STYRKORT_AREA_KIND_THEME : STYRKORT_AREA_KIND_AREA;
  a->number = sqlite3_column_int (s, 3);
  a->title_sv = styrkort_db_column_text0 (s, 4);
  a->title_en = styrkort_db_column_text0 (s, 5);
  return a;
}

#define AREA_COLUMNS "SELECT id, key, kind, number, title_sv, title_en FROM area"

GPtrArray *
styrkort_project_list_areas (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_area, (GDestroyNotify) styrkort_area_free,
                    AREA_COLUMNS " ORDER BY kind = 'theme', number, position", NULL);
}

StyrkortArea *
styrkort_project_find_area (StyrkortProject *self, const char *key)
{
  return _styrkort_steal_first (_styrkort_list_rows (self, read_area, (GDestroyNotify) styrkort_area_free,
                                 AREA_COLUMNS " WHERE key = ?", "t", key));
}

static gpointer
read_operation (sqlite3_stmt *s)
{
  StyrkortOperation *o = g_new0 (StyrkortOperation, 1);
  o->id = sqlite3_column_int64 (s, 0);
  o->key = styrkort_db_column_text0 (s, 1);
  o->name_sv = styrkort_db_column_text0 (s, 2);
  o->name_en = styrkort_db_column_text0 (s, 3);
  return o;
}

GPtrArray *
styrkort_project_list_operations (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_operation, (GDestroyNotify) styrkort_operation_free,
                    "SELECT id, key, name_sv, name_en FROM operation ORDER BY position", NULL);
}

GPtrArray *
styrkort_project_list_district_operations (StyrkortProject *self)
{
  GPtrArray *operations = _styrkort_list_rows (
    self, read_operation, (GDestroyNotify) styrkort_operation_free,
    "SELECT id, key, name_sv, name_en FROM operation o"
    " WHERE EXISTS (SELECT 1 FROM unit WHERE operation_id = o.id)"
    "    OR EXISTS (SELECT 1 FROM assessment WHERE operation_id = o.id) ORDER BY position", NULL);

  if (operations->len > 0)
    return operations;
  g_ptr_array_unref (operations);
  return styrkort_project_list_operations (self);
}

static gpointer
read_indicator (sqlite3_stmt *s)
{
  StyrkortIndicator *i = g_new0 (StyrkortIndicator, 1);
  g_auto(GStrv) areas = NULL;

  i->id = sqlite3_column_int64 (s, 0);
  i->code = styrkort_db_column_text0 (s, 1);
  i->name_sv = styrkort_db_column_text0 (s, 2);
  i->name_en = styrkort_db_column_text0 (s, 3);
  i->measure = MAX (0, styrkort_measure_from_key ((const char *) sqlite3_column_text (s, 4)));
  i->better = MAX (0, styrkort_better_from_key ((const char *) sqlite3_column_text (s, 5)));
  i->level = MAX (0, styrkort_level_from_key ((const char *) sqlite3_column_text (s, 6)));
  i->gender_split = sqlite3_column_int (s, 7);
  i->in_t2 = sqlite3_column_int (s, 8);
  i->total_rule = MAX (0, styrkort_total_rule_from_key ((const char *) sqlite3_column_text (s, 9)));
  i->numerator_sv = styrkort_db_column_text (s, 10);
  i->numerator_en = styrkort_db_column_text (s, 11);
  i->denominator_sv = styrkort_db_column_text (s, 12);
  i->denominator_en = styrkort_db_column_text (s, 13);
  i->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  areas = g_strsplit ((const char *) (sqlite3_column_text (s, 14) ? sqlite3_column_text (s, 14)
                                                                   : (const unsigned char *) ""), ",", -1);
  for (guint k = 0; areas[k] != NULL; k++)
    if (*areas[k] != '\0')
      {
        gint64 id = g_ascii_strtoll (areas[k], NULL, 10);
        g_array_append_val (i->area_ids, id);
      }
  return i;
}

#define INDICATOR_COLUMNS \
  "SELECT i.id, code, name_sv, name_en, measure, better, level, gender_split, in_t2, total_rule," \
  " numerator_sv, numerator_en, denominator_sv, denominator_en," \
  " (SELECT group_concat (area_id) FROM indicator_area WHERE indicator_id = i.id) FROM indicator i"

GPtrArray *
styrkort_project_list_indicators (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_indicator, (GDestroyNotify) styrkort_indicator_free,
                    INDICATOR_COLUMNS " ORDER BY position", NULL);
}

StyrkortIndicator *
styrkort_project_find_indicator (StyrkortProject *self, const char *code)
{
  return _styrkort_steal_first (_styrkort_list_rows (self, read_indicator, (GDestroyNotify) styrkort_indicator_free,
                                 INDICATOR_COLUMNS " WHERE code = ?", "t", code));
}

StyrkortIndicator *
styrkort_project_get_indicator (StyrkortProject *self, gint64 id)
{
  return _styrkort_steal_first (_styrkort_list_rows (self, read_indicator, (GDestroyNotify) styrkort_indicator_free,
                                 INDICATOR_COLUMNS " WHERE i.id = ?", "i", id));
}

/* Units ---------------------------------------------------------------- */

static gpointer
read_unit (sqlite3_stmt *s)
{
  StyrkortUnit *u = g_new0 (StyrkortUnit, 1);
  u->id = sqlite3_column_int64 (s, 0);
  u->name = styrkort_db_column_text0 (s, 1);
  u->operation_id = sqlite3_column_int64 (s, 2);
  return u;
}

GPtrArray *
styrkort_project_list_units (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_unit, (GDestroyNotify) styrkort_unit_free,
                    "SELECT id, name, operation_id FROM unit ORDER BY position, id", NULL);
}

gint64
styrkort_project_add_unit (StyrkortProject *self, const char *name, gint64 operation_id, GError **error)
{
  if (!_styrkort_check_text (name, _("The unit name"), error))
    return 0;
  return _styrkort_insert_row (self, _("Add unit"), error,
                     "INSERT INTO unit (name, operation_id, position)"
                     " VALUES (?, ?, (SELECT ifnull (max (position), 0) + 1 FROM unit))",
                     "ti", name, operation_id);
}

gboolean
styrkort_project_update_unit (StyrkortProject *self, gint64 id, const char *name,
                              gint64 operation_id, GError **error)
{
  if (!_styrkort_check_text (name, _("The unit name"), error))
    return FALSE;
  return _styrkort_project_edit (self, _("Change unit"), error,
                                 "UPDATE unit SET name = ?, operation_id = ? WHERE id = ?",
                                 "tii", name, operation_id, id);
}

gboolean
styrkort_project_remove_unit (StyrkortProject *self, gint64 id, GError **error)
{
  return _styrkort_remove_row (self, _("Remove unit"), "unit", id, error);
}

/* Indicator values ----------------------------------------------------- */

static gpointer
read_value (sqlite3_stmt *s)
{
  StyrkortValue *v = g_new0 (StyrkortValue, 1);
  v->id = sqlite3_column_int64 (s, 0);
  v->indicator_id = sqlite3_column_int64 (s, 1);
  v->unit_id = sqlite3_column_int64 (s, 2);
  v->period.year = sqlite3_column_int (s, 3);
  v->period.tertial = sqlite3_column_int (s, 4);
  v->value = styrkort_db_column_double (s, 5);
  v->women = styrkort_db_column_double (s, 6);
  v->men = styrkort_db_column_double (s, 7);
  v->numerator = styrkort_db_column_double (s, 8);
  v->denominator = styrkort_db_column_double (s, 9);
  v->comment = styrkort_db_column_text0 (s, 10);
  return v;
}

#define VALUE_COLUMNS \
  "SELECT id, indicator_id, ifnull (unit_id, 0), year, tertial, value, women, men," \
  " numerator, denominator, comment FROM indicator_value"

StyrkortValue *
styrkort_project_get_value (StyrkortProject *self, gint64 indicator_id, gint64 unit_id, StyrkortPeriod period)
{
  return _styrkort_steal_first (_styrkort_list_rows (self, read_value, (GDestroyNotify) styrkort_value_free,
                                 VALUE_COLUMNS " WHERE indicator_id = ? AND ifnull (unit_id, 0) = ?"
                                 " AND year = ? AND tertial = ?", "iinn",
                                 indicator_id, unit_id, period.year, period.tertial));
}

GPtrArray *
styrkort_project_list_values (StyrkortProject *self, gint64 indicator_id, StyrkortPeriod period)
{
  return _styrkort_list_rows (self, read_value, (GDestroyNotify) styrkort_value_free,
                    VALUE_COLUMNS " WHERE indicator_id = ? AND year = ? AND tertial = ?"
                    " ORDER BY ifnull (unit_id, 0)", "inn", indicator_id, period.year, period.tertial);
}

GPtrArray *
styrkort_project_list_period_values (StyrkortProject *self, StyrkortPeriod period)
{
  return _styrkort_list_rows (self, read_value, (GDestroyNotify) styrkort_value_free,
                    VALUE_COLUMNS " WHERE year = ? AND tertial = ? ORDER BY indicator_id, ifnull (unit_id, 0)", "nn",
                    period.year, period.tertial);
}

GPtrArray *
styrkort_project_list_series (StyrkortProject *self, gint64 indicator_id, gint64 unit_id)
{
  return _styrkort_list_rows (self, read_value, (GDestroyNotify) styrkort_value_free,
                    VALUE_COLUMNS " WHERE indicator_id = ? AND ifnull (unit_id, 0) = ?"
                    " ORDER BY year, tertial", "ii", indicator_id, unit_id);
}

static gboolean
check_number (double number, const char *what, GError **error)
{
  if (isnan (number) || isfinite (number))
    return TRUE;
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("%s is not a number."), what);
  return FALSE;
}

static gboolean
check_value (const StyrkortIndicator *indicator, const StyrkortValue *v, GError **error)
{
  if (indicator == NULL)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("The indicator does not exist."));
      return FALSE;
    }
  if (!_styrkort_check_period (v->period, error) ||
      !check_number (v->value, _("The value"), error) || !check_number (v->women, _("Women"), error) ||
      !check_number (v->men, _("Men"), error) || !check_number (v->numerator, _("The numerator"), error) ||
      !check_number (v->denominator, _("The denominator"), error))
    return FALSE;
  if (!isnan (v->denominator) && v->denominator <= 0)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("The denominator must be greater than zero."));
      return FALSE;
    }
  return TRUE;
}

/* One figure into the prepared upsert @stmt. */
static gboolean
store_value (StyrkortProject *self, sqlite3_stmt *stmt, const StyrkortIndicator *indicator, const StyrkortValue *v,
             GError **error)
{
  double value = v->value;

  if (!check_value (indicator, v, error))
    return FALSE;
  if (indicator->total_rule == STYRKORT_TOTAL_RATE && styrkort_value_has_base (v))
    value = styrkort_rate_from_base (indicator->measure, v->numerator, v->denominator);
  return styrkort_db_bind (DB (self), stmt, error, "iInndddddt", v->indicator_id, v->unit_id, v->period.year,
                           v->period.tertial, value, v->women, v->men, v->numerator, v->denominator,
                           v->comment ? v->comment : "") &&
         styrkort_db_step_done (DB (self), stmt, error);
}

gboolean
styrkort_project_set_values (StyrkortProject *self, const StyrkortValue * const *values, guint n_values,
                             GError **error)
{
  g_autoptr(GHashTable) indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                            (GDestroyNotify) styrkort_indicator_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!_styrkort_project_begin (self, _("Enter figure"), error))
    return FALSE;
  stmt = styrkort_db_prepare (DB (self), error,
    "INSERT INTO indicator_value (indicator_id, unit_id, year, tertial, value, women, men,"
    " numerator, denominator, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (indicator_id, ifnull (unit_id, 0), year, tertial) DO UPDATE SET"
    " value = excluded.value, women = excluded.women, men = excluded.men,"
    " numerator = excluded.numerator, denominator = excluded.denominator, comment = excluded.comment", NULL);
  for (guint i = 0; stmt != NULL && i < n_values; i++)
    {
      const StyrkortValue *v = values[i];
      StyrkortIndicator *indicator = g_hash_table_lookup (indicators, &v->indicator_id);
      if (indicator == NULL && (indicator = styrkort_project_get_indicator (self, v->indicator_id)) != NULL)
        g_hash_table_insert (indicators, &indicator->id, indicator);
      if (!store_value (self, stmt, indicator, v, error))
        g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (stmt == NULL)
    {
      _styrkort_project_rollback (self);
      return FALSE;
    }
  return _styrkort_project_commit (self, error);
}

gboolean
styrkort_project_set_value (StyrkortProject *self, const StyrkortValue *v, GError **error)
{
  return styrkort_project_set_values (self, &v, 1, error);
}

GPtrArray *
styrkort_project_list_all_values (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_value, (GDestroyNotify) styrkort_value_free, VALUE_COLUMNS, NULL);
}

gboolean
styrkort_project_clear_value (StyrkortProject *self, gint64 indicator_id, gint64 unit_id,
                              StyrkortPeriod period, GError **error)
{
  return _styrkort_project_edit (self, _("Clear figure"), error,
                                 "DELETE FROM indicator_value WHERE indicator_id = ? AND ifnull (unit_id, 0) = ?"
                                 " AND year = ? AND tertial = ?", "iinn",
                                 indicator_id, unit_id, period.year, period.tertial);
}

gboolean
styrkort_project_get_city_value (StyrkortProject *self, gint64 indicator_id, StyrkortPeriod period,
                                 StyrkortCityValue *out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *out = (StyrkortCityValue) { indicator_id, period, NAN, NAN, NAN, 0, 0 };
  if (DB (self) == NULL)
    return FALSE;
  stmt = styrkort_db_prepare (DB (self), NULL,
                              "SELECT value, numerator, denominator, place, places FROM city_value"
                              " WHERE indicator_id = ? AND year = ? AND tertial = ?",
                              "inn", indicator_id, period.year, period.tertial);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  out->value = styrkort_db_column_double (stmt, 0);
  out->numerator = styrkort_db_column_double (stmt, 1);
  out->denominator = styrkort_db_column_double (stmt, 2);
  if (sqlite3_column_type (stmt, 3) == SQLITE_INTEGER && sqlite3_column_type (stmt, 4) == SQLITE_INTEGER &&
      sqlite3_column_int64 (stmt, 3) >= 1 && sqlite3_column_int64 (stmt, 3) <= sqlite3_column_int64 (stmt, 4) &&
      sqlite3_column_int64 (stmt, 4) <= G_MAXINT)
    {
      out->place = (guint) sqlite3_column_int64 (stmt, 3);
      out->places = (guint) sqlite3_column_int64 (stmt, 4);
    }
  return !isnan (out->value);
}

static gboolean
check_city_value (const StyrkortCityValue *v, GError **error)
{
  if (!_styrkort_check_period (v->period, error) || !check_number (v->value, _("The value"), error))
    return FALSE;
  if (v->place > v->places || (v->place == 0) != (v->places == 0) || v->places > G_MAXINT)
    {
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
                           _("The district’s place among the districts is not valid."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_city_value (StyrkortProject *self, const char *summary, const StyrkortCityValue *v, GError **error)
{
  gint64 place = v->place, places = v->places;

  return _styrkort_project_edit (self, summary, error,
    "INSERT INTO city_value (indicator_id, year, tertial, value, numerator, denominator, place, places)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator_id, year, tertial) DO UPDATE SET"
    " value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,"
    " place = excluded.place, places = excluded.places",
    "inndddII", v->indicator_id, v->period.year, v->period.tertial, v->value, v->numerator, v->denominator,
    place, places);
}

gboolean
styrkort_project_set_city_value (StyrkortProject *self, const StyrkortCityValue *v, GError **error)
{
  if (!check_city_value (v, error))
    return FALSE;
  return write_city_value (self, _("Enter city figure"), v, error);
}

/* Several city values as one edit (one undo step), all or none. */
gboolean
styrkort_project_set_city_values (StyrkortProject *self, const StyrkortCityValue * const *values, guint n_values,
                                  GError **error)
{
  const char *summary = _("Enter city figures");

  for (guint i = 0; i < n_values; i++)
    if (!check_city_value (values[i], error))
      return FALSE;
  if (!styrkort_project_begin_group (self, summary, error))
    return FALSE;
  for (guint i = 0; i < n_values; i++)
    if (!write_city_value (self, summary, values[i], error))
      {
        styrkort_project_cancel_group (self);
        return FALSE;
      }
  return styrkort_project_end_group (self, error);
}

GArray *
styrkort_project_list_periods (StyrkortProject *self)
{
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (StyrkortPeriod));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (DB (self) == NULL)
    return periods;
  stmt = styrkort_db_prepare (DB (self), NULL,
                              "SELECT year, tertial FROM indicator_value UNION"
                              " SELECT year, tertial FROM assessment ORDER BY 1, 2", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      StyrkortPeriod p = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1) };
      g_array_append_val (periods, p);
    }
  return periods;
}

/* The district total by the indicator's rule: a value entered for the whole
 * district when there is one, else the units' values combined. */
StyrkortTotal
styrkort_project_compute_total (StyrkortProject *self, gint64 indicator_id, StyrkortPeriod period)
{
  g_autoptr(StyrkortIndicator) indicator = styrkort_project_get_indicator (self, indicator_id);
  g_autoptr(GPtrArray) values = styrkort_project_list_values (self, indicator_id, period);
  g_autoptr(GPtrArray) units = styrkort_project_list_units (self);
  StyrkortTotal none = { NAN, NAN, NAN, NAN, NAN, TRUE, 0, 0 };

  if (indicator == NULL)
    return none;
  return styrkort_district_total (indicator, (const StyrkortValue * const *) values->pdata, values->len, units->len);
}
