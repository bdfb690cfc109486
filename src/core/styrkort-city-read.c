/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a district's workbook (Om, Data, Bedömningar) or .styrkort file into a city source. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "styrkort-city-private.h"
#include "styrkort-figure-rules.h"
#include "styrkort-project.h"
#include "styrkort-workbook-kind.h"
#include "styrkort-xlsx.h"

static void
problem (StyrkortCitySource *source, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
problem (StyrkortCitySource *source, const char *format, ...)
{
  g_autofree char *name = g_filename_display_basename (source->path);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (source->problems, g_strdup_printf ("“%s”: %s", name, what));
}

/* Reading a workbook -------------------------------------------------------- */

static gboolean
refuse (const char *path, GError **error, int code, const char *what)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_set_error (error, STYRKORT_ERROR, code, "“%s”: %s", name, what);
  return FALSE;
}

/* A year and tertial from a workbook's cells; the range is checked before
 * the cast, since a double outside int is undefined to convert. */
static gboolean
period_of_cells (double year, double tertial, StyrkortPeriod *out)
{
  if (!(year >= 1900 && year <= 2200 && tertial >= 1 && tertial <= 3))
    return FALSE;
  *out = (StyrkortPeriod) { (int) year, (int) tertial };
  return styrkort_period_is_valid (*out);
}

static const char *
cell_text (const StyrkortSheet *sheet, guint row, guint column)
{
  const StyrkortCell *c = styrkort_sheet_cell (sheet, row, column);
  return c->type == STYRKORT_CELL_TEXT ? c->text : "";
}

/* A number cell, an empty one (NAN), or FALSE for anything else. */
static gboolean
cell_number (const StyrkortSheet *sheet, guint row, guint column, double *out)
{
  const StyrkortCell *c = styrkort_sheet_cell (sheet, row, column);

  *out = NAN;
  if (c->type == STYRKORT_CELL_EMPTY || (c->type == STYRKORT_CELL_TEXT && *g_strstrip (c->text) == '\0'))
    return TRUE;
  if (c->type != STYRKORT_CELL_NUMBER)
    return FALSE;
  *out = c->number;
  return TRUE;
}

/* The city's own merged workbook holds the districts' figures again: added
 * as if it were a district, it would count every figure twice. */
static gboolean
refuse_city_workbook (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN,
               _("“%s” is the city’s merged workbook, not a district’s: it is not added. Add the districts’ own "
                 "workbooks; the city workbook is imported into a district file to give it the city’s values."), name);
  return FALSE;
}

static gboolean
read_about (const StyrkortSheet *about, StyrkortCitySource *source, GError **error)
{
  double version = NAN;
  g_autofree char *message = NULL;

  for (guint r = 0; r < about->rows->len; r++)
    {
      const char *key = cell_text (about, r, 0);
      if (g_str_equal (key, "Dataformat (bladet Data)"))
        cell_number (about, r, 1, &version);
      else if (g_str_equal (key, "Stadsdel"))
        source->district = g_strdup (cell_text (about, r, 1));
    }
  source->exported = styrkort_workbook_about_exported (about);
  if (isnan (version))
    return refuse (source->path, error, STYRKORT_ERROR_FOREIGN,
                   _("this workbook was not made by Styrkort (it does not say its data format)."));
  if (version > STYRKORT_DATA_FORMAT_VERSION)
    {
      message = g_strdup_printf (_("the workbook was made by a newer Styrkort (data format %d; this version reads "
                                   "format %d). Update Styrkort to read it."), (int) version, STYRKORT_DATA_FORMAT_VERSION);
      return refuse (source->path, error, STYRKORT_ERROR_TOO_NEW, message);
    }
  /* Format 1 differs only in Om's "Exporterad" (text), which is read either way. */
  if (version < 1)
    {
      message = g_strdup_printf (_("the workbook uses data format %d, which this version cannot read. "
                                   "Export it again from its district file."), (int) version);
      return refuse (source->path, error, STYRKORT_ERROR_FOREIGN, message);
    }
  if (source->district == NULL || *source->district == '\0')
    return refuse (source->path, error, STYRKORT_ERROR_FOREIGN, _("the workbook does not name its district."));
  return TRUE;
}

static gboolean
read_data (StyrkortCity *city, const StyrkortSheet *data, StyrkortCitySource *source, GError **error)
{
  const char * const *columns = styrkort_data_sheet_columns ();

  if (data == NULL)
    return refuse (source->path, error, STYRKORT_ERROR_FOREIGN, _("the workbook has no sheet “Data”."));
  for (guint c = 0; columns[c] != NULL; c++)
    if (!g_str_equal (cell_text (data, 0, c), columns[c]))
      return refuse (source->path, error, STYRKORT_ERROR_FOREIGN,
                     _("the sheet “Data” does not have the columns of the documented format."));
  for (guint r = 1; r < data->rows->len; r++)
    {
      StyrkortDataRow row = { 0 };
      double year, tertial, *numbers[] = { &row.value, &row.women, &row.men, &row.numerator, &row.denominator };
      StyrkortPeriod period;
      gboolean ok = TRUE;
      guint bad = 0;

      if (*cell_text (data, r, 0) == '\0' && *cell_text (data, r, 5) == '\0')
        continue; /* an empty row, as in an empty district's table */
      if (source->district == NULL && *cell_text (data, r, 0) == '\0')
        {
          problem (source, _("row %u does not name its district; the row was skipped."), r + 1);
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
        if (!cell_number (data, r, 6 + k, numbers[k]) && ok)
          {
            ok = FALSE;
            bad = 6 + k;
          }
      if (!ok)
        {
          problem (source, _("row %u: “%s” in the column “%s” is not a number; the row was skipped."), r + 1,
                   cell_text (data, r, bad), columns[bad]);
          continue;
        }
      if (!cell_number (data, r, 1, &year) || !cell_number (data, r, 2, &tertial) ||
          !period_of_cells (year, tertial, &period))
        {
          problem (source, _("row %u: the year or tertial is not valid; the row was skipped."), r + 1);
          continue;
        }
      if (_styrkort_city_find_indicator (city, cell_text (data, r, 5)) == NULL)
        {
          problem (source, _("row %u: the indicator “%s” is not known; the row was skipped."), r + 1,
                   cell_text (data, r, 5));
          continue;
        }
      {
        StyrkortDataRow *copy = g_new0 (StyrkortDataRow, 1);
        *copy = row;
        /* A merged sheet's rows name their districts. */
        copy->district = g_strdup (source->district != NULL ? source->district : cell_text (data, r, 0));
        copy->period = period;
        copy->unit = g_strdup (cell_text (data, r, 3));
        copy->operation = g_strdup (cell_text (data, r, 4));
        copy->code = g_strdup (cell_text (data, r, 5));
        copy->comment = g_strdup (cell_text (data, r, 11));
        g_ptr_array_add (source->rows, copy);
      }
    }
  return TRUE;
}

static void
read_statuses (StyrkortXlsx *xlsx, StyrkortCitySource *source)
{
  g_autoptr(StyrkortSheet) sheet = styrkort_xlsx_read_sheet (xlsx, "Bedömningar", NULL);

  if (sheet == NULL)
    {
      problem (source, _("the workbook has no sheet “Bedömningar”; its areas show as not assessed."));
      return;
    }
  for (guint r = 1; r < sheet->rows->len; r++)
    {
      double year, tertial;
      int status = styrkort_status_from_key (cell_text (sheet, r, 6));
      StyrkortPeriod period;
      StyrkortCityStatus *s;
      if (status < 0 || !cell_number (sheet, r, 1, &year) || !cell_number (sheet, r, 2, &tertial) ||
          !period_of_cells (year, tertial, &period))
        continue;
      s = g_new0 (StyrkortCityStatus, 1);
      s->period = period;
      s->area = g_strdup (cell_text (sheet, r, 3));
      s->area_title = g_strdup (cell_text (sheet, r, 4));
      s->operation = g_strdup (cell_text (sheet, r, 5));
      s->status = status;
      g_ptr_array_add (source->statuses, s);
    }
}

static gboolean
load_workbook (StyrkortCity *city, StyrkortCitySource *source, GError **error)
{
  g_autoptr(StyrkortXlsx) xlsx = styrkort_xlsx_open (source->path, error);
  g_autoptr(StyrkortSheet) about = NULL, data = NULL;

  if (xlsx == NULL)
    return FALSE;
  about = styrkort_xlsx_read_sheet (xlsx, "Om", NULL);
  data = styrkort_xlsx_read_sheet (xlsx, "Data", NULL);
  /* The city's own merged workbook holds the districts' figures again. */
  if (styrkort_workbook_kind (about, data) == STYRKORT_WORKBOOK_CITY)
    return refuse_city_workbook (source->path, error);
  if (about == NULL)
    return refuse (source->path, error, STYRKORT_ERROR_FOREIGN,
                   _("this workbook was not made by Styrkort (it has no sheet “Om”)."));
  if (!read_about (about, source, error) || !read_data (city, data, source, error))
    return FALSE;
  read_statuses (xlsx, source);
  return TRUE;
}

gboolean
styrkort_city_add_merged (StyrkortCity *city, const char *path, const StyrkortSheet *data, GPtrArray *problems,
                          GError **error)
{
  g_autoptr(GHashTable) by_district = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  StyrkortCitySource *all = _styrkort_city_source_new (path);

  g_return_val_if_fail (city != NULL && path != NULL && problems != NULL, FALSE);
  if (!read_data (city, data, all, error))
    {
      styrkort_city_source_free (all);
      return FALSE;
    }
  for (guint p = 0; p < all->problems->len; p++)
    g_ptr_array_add (problems, g_strdup (all->problems->pdata[p]));
  for (guint r = 0; r < all->rows->len; r++)
    {
      StyrkortDataRow *row = all->rows->pdata[r];
      StyrkortCitySource *source = g_hash_table_lookup (by_district, row->district);
      if (source == NULL)
        {
          source = _styrkort_city_source_new (path);
          source->district = g_strdup (row->district);
          g_hash_table_insert (by_district, source->district, source);
          g_ptr_array_add (order, source);
        }
      g_ptr_array_add (source->rows, g_steal_pointer (&all->rows->pdata[r]));
    }
  g_ptr_array_set_free_func (all->rows, NULL);
  styrkort_city_source_free (all);
  for (guint i = 0; i < order->len; i++)
    styrkort_city_take_source (city, order->pdata[i]);
  return TRUE;
}

/* Reading a district file ---------------------------------------------------- */

static gboolean
load_project (StyrkortCity *city, StyrkortCitySource *source, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (source->path);
  g_autoptr(StyrkortProject) p = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY | STYRKORT_OPEN_NO_BACKUP, error);
  g_autoptr(StyrkortDistrict) district = NULL;
  g_autoptr(GPtrArray) units = NULL, operations = NULL, indicators = NULL, areas = NULL;
  g_autoptr(GArray) periods = NULL;

  if (p == NULL)
    return FALSE;
  district = styrkort_project_get_district (p);
  if (district == NULL)
    return refuse (source->path, error, STYRKORT_ERROR_CORRUPT, _("The file is damaged: it does not say which district it is for "
                                                            "(its district row is missing)."));
  units = styrkort_project_list_units (p);
  operations = styrkort_project_list_operations (p);
  indicators = styrkort_project_list_indicators (p);
  areas = styrkort_project_list_areas (p);
  periods = styrkort_project_list_periods (p);
  source->district = g_strdup (district->name);
  source->exported = g_strdup (district->modified);
  for (guint q = 0; q < periods->len; q++)
    {
      StyrkortPeriod period = g_array_index (periods, StyrkortPeriod, q);
      for (guint i = 0; i < indicators->len; i++)
        {
          StyrkortIndicator *ind = indicators->pdata[i];
          g_autoptr(GPtrArray) values = styrkort_project_list_values (p, ind->id, period);
          for (guint v = 0; v < values->len; v++)
            {
              StyrkortValue *value = values->pdata[v];
              StyrkortDataRow *row = g_new0 (StyrkortDataRow, 1);
              row->district = g_strdup (district->name);
              row->period = period;
              row->code = g_strdup (ind->code);
              row->unit = g_strdup ("");
              row->operation = g_strdup ("");
              for (guint u = 0; u < units->len; u++)
                if (((StyrkortUnit *) units->pdata[u])->id == value->unit_id)
                  {
                    StyrkortUnit *unit = units->pdata[u];
                    g_free (row->unit);
                    row->unit = g_strdup (unit->name);
                    for (guint o = 0; o < operations->len; o++)
                      if (((StyrkortOperation *) operations->pdata[o])->id == unit->operation_id)
                        {
                          g_free (row->operation);
                          row->operation = g_strdup (((StyrkortOperation *) operations->pdata[o])->name_sv);
                        }
                  }
              row->value = value->value;
              row->women = value->women;
              row->men = value->men;
              row->numerator = value->numerator;
              row->denominator = value->denominator;
              row->comment = g_strdup (value->comment);
              g_ptr_array_add (source->rows, row);
            }
        }
      for (guint a = 0; a < areas->len; a++)
        for (guint o = 0; o < operations->len; o++)
          {
            StyrkortOperation *op = operations->pdata[o];
            g_autoptr(StyrkortAssessment) as = styrkort_project_get_assessment (
              p, ((StyrkortArea *) areas->pdata[a])->id, op->id, period);
            StyrkortCityStatus *s;
            if (as == NULL)
              continue;
            s = g_new0 (StyrkortCityStatus, 1);
            s->period = period;
            s->area = g_strdup (((StyrkortArea *) areas->pdata[a])->key);
            s->area_title = ((StyrkortArea *) areas->pdata[a])->number > 0
              ? g_strdup_printf ("%d. %s", ((StyrkortArea *) areas->pdata[a])->number, ((StyrkortArea *) areas->pdata[a])->title_sv)
              : g_strdup (((StyrkortArea *) areas->pdata[a])->title_sv);
            s->operation = g_strdup (op->name_sv);
            s->status = as->status;
            g_ptr_array_add (source->statuses, s);
          }
    }
  return TRUE;
}

/* The file's bytes, to know it again under another name. */
static char *
file_checksum (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buffer[65536];
  size_t n;
  FILE *f = g_fopen (path, "rb");

  if (f == NULL)
    return NULL;
  while ((n = fread (buffer, 1, sizeof buffer, f)) > 0)
    g_checksum_update (sum, buffer, n);
  fclose (f);
  return g_strdup (g_checksum_get_string (sum));
}

/* Reads only what styrkort_city_new() set up (the catalogue), so that
 * files can be read in another thread while the city is shown. */
StyrkortCitySource *
styrkort_city_read (StyrkortCity *city, const char *path, GError **error)
{
  StyrkortCitySource *source = _styrkort_city_source_new (path);
  gboolean ok = g_str_has_suffix (path, ".styrkort") ? load_project (city, source, error)
                                                     : load_workbook (city, source, error);

  if (!ok)
    g_clear_pointer (&source, styrkort_city_source_free);
  else
    source->checksum = file_checksum (path);
  return source;
}
