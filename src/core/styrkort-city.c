/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city overview: district workbooks (or files) merged, and city values by each indicator's rule. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "styrkort-figure-rules.h"
#include "styrkort-catalogue.h"
#include "styrkort-city.h"
#include "styrkort-project.h"
#include "styrkort-xlsx.h"

typedef struct {
  char *code;
  char *name;
  StyrkortMeasure measure;
  StyrkortTotalRule rule;
  StyrkortBetter better;
} Indicator;

struct _StyrkortCity {
  gatomicrefcount ref;    /* a reading thread holds one */
  GPtrArray *sources;     /* StyrkortCitySource */
  GPtrArray *indicators;  /* Indicator, catalogue order */
  GPtrArray *areas;       /* char* key, catalogue order */
  GHashTable *area_titles;   /* key → the status matrix's column header */
  GHashTable *area_names;    /* key → "1. Brukardelaktighet och …" */
};

/* Rows and sources ------------------------------------------------------- */

static void
row_free (StyrkortDataRow *row)
{
  g_free (row->district);
  g_free (row->unit);
  g_free (row->operation);
  g_free (row->code);
  g_free (row->comment);
  g_free (row);
}

static void
status_free (StyrkortCityStatus *status)
{
  g_free (status->area);
  g_free (status->area_title);
  g_free (status->operation);
  g_free (status);
}

static void
source_free (StyrkortCitySource *source)
{
  g_free (source->path);
  g_free (source->district);
  g_free (source->exported);
  g_free (source->checksum);
  g_ptr_array_unref (source->rows);
  g_ptr_array_unref (source->statuses);
  g_ptr_array_unref (source->problems);
  g_free (source);
}

static StyrkortCitySource *
source_new (const char *path)
{
  StyrkortCitySource *source = g_new0 (StyrkortCitySource, 1);
  source->path = g_strdup (path);
  source->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  source->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) status_free);
  source->problems = g_ptr_array_new_with_free_func (g_free);
  return source;
}

static void
indicator_free (Indicator *ind)
{
  g_free (ind->code);
  g_free (ind->name);
  g_free (ind);
}

StyrkortCity *
styrkort_city_new (GError **error)
{
  g_autoptr(GKeyFile) catalogue = styrkort_catalogue_load_default (error);
  g_auto(GStrv) groups = NULL;
  StyrkortCity *city;

  if (catalogue == NULL)
    return NULL;
  city = g_new0 (StyrkortCity, 1);
  g_atomic_ref_count_init (&city->ref);
  city->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  city->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  city->areas = g_ptr_array_new_with_free_func (g_free);
  city->area_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  city->area_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  groups = g_key_file_get_groups (catalogue, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *g = groups[i], *key = strchr (g, ' ') ? strchr (g, ' ') + 1 : g;
      if (g_str_has_prefix (g, "Indicator "))
        {
          Indicator *ind = g_new0 (Indicator, 1);
          g_autofree char *measure = g_key_file_get_string (catalogue, g, "Measure", NULL);
          g_autofree char *rule = g_key_file_get_string (catalogue, g, "Total", NULL);
          g_autofree char *better = g_key_file_get_string (catalogue, g, "Better", NULL);
          ind->code = g_strdup (key);
          ind->name = g_key_file_get_locale_string (catalogue, g, "Name", "sv", NULL);
          ind->measure = MAX (0, styrkort_measure_from_key (measure));
          ind->rule = MAX (0, styrkort_total_rule_from_key (rule));
          ind->better = better ? MAX (0, styrkort_better_from_key (better)) : STYRKORT_BETTER_NONE;
          g_ptr_array_add (city->indicators, ind);
        }
      else if (g_str_has_prefix (g, "Area ") || g_str_has_prefix (g, "Theme "))
        {
          int number = g_key_file_get_integer (catalogue, g, "Number", NULL);
          g_autofree char *title = g_key_file_get_locale_string (catalogue, g, "Title", "sv", NULL);
          g_ptr_array_add (city->areas, g_strdup (key));
          /* Column headers of the status matrix: numbers, and a theme's first word. */
          g_auto(GStrv) words = g_strsplit (title ? title : key, " ", 2);
          g_hash_table_insert (city->area_titles, g_strdup (key),
                               number > 0 ? g_strdup_printf ("%d", number) : g_strdup (words[0]));
          g_hash_table_insert (city->area_names, g_strdup (key),
                               number > 0 ? g_strdup_printf ("%d. %s", number, title ? title : key)
                                          : g_strdup (title ? title : key));
        }
    }
  return city;
}

void
styrkort_city_free (StyrkortCity *city)
{
  if (city == NULL || !g_atomic_ref_count_dec (&city->ref))
    return;
  g_ptr_array_unref (city->sources);
  g_ptr_array_unref (city->indicators);
  g_ptr_array_unref (city->areas);
  g_hash_table_unref (city->area_titles);
  g_hash_table_unref (city->area_names);
  g_free (city);
}

StyrkortCity *
styrkort_city_ref (StyrkortCity *city)
{
  g_atomic_ref_count_inc (&city->ref);
  return city;
}

static Indicator *
find_indicator (StyrkortCity *city, const char *code)
{
  for (guint i = 0; i < city->indicators->len; i++)
    if (g_strcmp0 (((Indicator *) city->indicators->pdata[i])->code, code) == 0)
      return city->indicators->pdata[i];
  return NULL;
}

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
               _("“%s” is the city’s merged workbook, not a district’s: it is not added."), name);
  return FALSE;
}

static gboolean
read_about (StyrkortXlsx *xlsx, StyrkortCitySource *source, GError **error)
{
  g_autoptr(StyrkortSheet) about = styrkort_xlsx_read_sheet (xlsx, "Om", NULL);
  double version = NAN;
  gboolean city_workbook = FALSE;
  g_autofree char *message = NULL;

  if (about == NULL)
    return refuse (source->path, error, STYRKORT_ERROR_FOREIGN,
                   _("this workbook was not made by Styrkort (it has no sheet “Om”)."));
  for (guint r = 0; r < about->rows->len; r++)
    {
      const char *key = cell_text (about, r, 0);
      if (g_str_equal (key, "Dataformat (bladet Data)"))
        cell_number (about, r, 1, &version);
      else if (g_str_equal (key, "Stadsdel"))
        source->district = g_strdup (cell_text (about, r, 1));
      else if (g_str_equal (key, "Exporterad"))
        source->exported = g_strdup (cell_text (about, r, 1));
      else if (g_str_equal (key, "Arbetsbok"))
        city_workbook |= g_str_equal (cell_text (about, r, 1), "Stadsöversikt");
    }
  /* Our own merged workbook says so (and names its district "Staden"). */
  if (city_workbook || g_strcmp0 (source->district, "Staden") == 0)
    return refuse_city_workbook (source->path, error);
  if (isnan (version))
    return refuse (source->path, error, STYRKORT_ERROR_FOREIGN,
                   _("this workbook was not made by Styrkort (it does not say its data format)."));
  if (version > STYRKORT_DATA_FORMAT_VERSION)
    {
      message = g_strdup_printf (_("the workbook was made by a newer Styrkort (data format %d; this version reads "
                                   "format %d). Update Styrkort to read it."), (int) version, STYRKORT_DATA_FORMAT_VERSION);
      return refuse (source->path, error, STYRKORT_ERROR_TOO_NEW, message);
    }
  if (version < STYRKORT_DATA_FORMAT_VERSION)
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
read_data (StyrkortCity *city, StyrkortXlsx *xlsx, StyrkortCitySource *source, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(StyrkortSheet) data = styrkort_xlsx_read_sheet (xlsx, "Data", &local);
  const char * const *columns = styrkort_data_sheet_columns ();

  if (data == NULL)
    return refuse (source->path, error, STYRKORT_ERROR_FOREIGN, _("the workbook has no sheet “Data”."));
  for (guint c = 0; columns[c] != NULL; c++)
    if (!g_str_equal (cell_text (data, 0, c), columns[c]))
      return refuse (source->path, error, STYRKORT_ERROR_FOREIGN,
                     _("the sheet “Data” does not have the columns of the documented format."));
  /* A district's Data sheet names its district only; a sheet with several
   * is a merged one, whatever its Om sheet says. */
  for (guint r = 1, first = 0; r < data->rows->len; r++)
    {
      const char *name = cell_text (data, r, 0);
      if (*name == '\0')
        continue;
      if (first == 0)
        first = r;
      else if (!g_str_equal (name, cell_text (data, first, 0)))
        return refuse_city_workbook (source->path, error);
    }
  for (guint r = 1; r < data->rows->len; r++)
    {
      StyrkortDataRow row = { 0 };
      double year, tertial, *numbers[] = { &row.value, &row.women, &row.men, &row.numerator, &row.denominator };
      StyrkortPeriod period;
      gboolean ok = TRUE;
      guint bad = 0;

      if (*cell_text (data, r, 0) == '\0' && *cell_text (data, r, 5) == '\0')
        continue; /* an empty row, as in an empty district's table */
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
      if (find_indicator (city, cell_text (data, r, 5)) == NULL)
        {
          problem (source, _("row %u: the indicator “%s” is not known; the row was skipped."), r + 1,
                   cell_text (data, r, 5));
          continue;
        }
      {
        StyrkortDataRow *copy = g_new0 (StyrkortDataRow, 1);
        *copy = row;
        copy->district = g_strdup (source->district);
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

  if (xlsx == NULL || !read_about (xlsx, source, error) || !read_data (city, xlsx, source, error))
    return FALSE;
  read_statuses (xlsx, source);
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
  StyrkortCitySource *source = source_new (path);
  gboolean ok = g_str_has_suffix (path, ".styrkort") ? load_project (city, source, error)
                                                     : load_workbook (city, source, error);

  if (!ok)
    g_clear_pointer (&source, source_free);
  else
    source->checksum = file_checksum (path);
  return source;
}

void
styrkort_city_take_source (StyrkortCity *city, StyrkortCitySource *source)
{
  g_ptr_array_add (city->sources, source);
}

void
styrkort_city_source_free (StyrkortCitySource *source)
{
  source_free (source);
}

StyrkortCitySource *
styrkort_city_add (StyrkortCity *city, const char *path, GError **error)
{
  StyrkortCitySource *source = styrkort_city_read (city, path, error);

  if (source != NULL)
    styrkort_city_take_source (city, source);
  return source;
}

GPtrArray *
styrkort_city_get_sources (StyrkortCity *city)
{
  return city->sources;
}

StyrkortCitySource *
styrkort_city_find_duplicate (StyrkortCity *city, StyrkortCitySource *source)
{
  for (guint i = 0; i < city->sources->len; i++)
    {
      StyrkortCitySource *other = city->sources->pdata[i];
      if (other != source && g_utf8_collate (other->district, source->district) == 0)
        return other;
    }
  return NULL;
}

StyrkortCitySource *
styrkort_city_find_same_file (StyrkortCity *city, StyrkortCitySource *source)
{
  g_autofree char *path = g_canonicalize_filename (source->path, NULL);

  for (guint i = 0; i < city->sources->len; i++)
    {
      StyrkortCitySource *other = city->sources->pdata[i];
      g_autofree char *other_path = NULL;
      if (other == source)
        continue;
      other_path = g_canonicalize_filename (other->path, NULL);
      if (g_str_equal (path, other_path) || (source->checksum && g_strcmp0 (source->checksum, other->checksum) == 0))
        return other;
    }
  return NULL;
}

void
styrkort_city_remove (StyrkortCity *city, StyrkortCitySource *source)
{
  g_ptr_array_remove (city->sources, source);
}

/* Figures --------------------------------------------------------------------- */

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

GPtrArray *
styrkort_city_list_districts (StyrkortCity *city)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < city->sources->len; i++)
    g_ptr_array_add (names, g_strdup (((StyrkortCitySource *) city->sources->pdata[i])->district));
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* Swedish collation for the workbooks, whatever LC_COLLATE the user has;
 * the user's own when the system has no Swedish locale. */
static char *
collate_key_sv (const char *text)
{
#ifndef G_OS_WIN32
  static gsize once = 0;
  static locale_t swedish = (locale_t) 0;
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  char *key;
  size_t n;

  if (g_once_init_enter (&once))
    {
      swedish = newlocale (LC_COLLATE_MASK, "sv_SE.UTF-8", (locale_t) 0);
      if (swedish == (locale_t) 0)
        swedish = newlocale (LC_COLLATE_MASK, "sv_FI.UTF-8", (locale_t) 0);
      g_once_init_leave (&once, 1);
    }
  if (swedish != (locale_t) 0 && normal != NULL)
    {
      n = strxfrm_l (NULL, normal, 0, swedish);
      key = g_malloc (n + 1);
      strxfrm_l (key, normal, n + 1, swedish);
      return key;
    }
#endif
  return g_utf8_collate_key (text, -1);
}

static gint
compare_keys (gconstpointer a, gconstpointer b, gpointer keys)
{
  return strcmp (g_hash_table_lookup (keys, *(const char **) a), g_hash_table_lookup (keys, *(const char **) b));
}

GPtrArray *
styrkort_city_list_districts_sv (StyrkortCity *city)
{
  GPtrArray *names = styrkort_city_list_districts (city);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < names->len; i++)
    g_hash_table_insert (keys, names->pdata[i], collate_key_sv (names->pdata[i]));
  g_ptr_array_sort_with_data (names, compare_keys, keys);
  return names;
}

GPtrArray *
styrkort_city_list_areas (StyrkortCity *city)
{
  GPtrArray *areas = g_ptr_array_new ();
  for (guint i = 0; i < city->areas->len; i++)
    g_ptr_array_add (areas, city->areas->pdata[i]);
  return areas;
}

const char *
styrkort_city_area_title (StyrkortCity *city, const char *area)
{
  const char *title = g_hash_table_lookup (city->area_names, area);
  return title ? title : area;
}

static gint
compare_periods (gconstpointer a, gconstpointer b)
{
  return styrkort_period_compare (*(const StyrkortPeriod *) a, *(const StyrkortPeriod *) b);
}

GArray *
styrkort_city_list_periods (StyrkortCity *city)
{
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (StyrkortPeriod));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < city->sources->len; s++)
    {
      GPtrArray *rows = ((StyrkortCitySource *) city->sources->pdata[s])->rows;
      for (guint r = 0; r < rows->len; r++)
        {
          StyrkortPeriod p = ((StyrkortDataRow *) rows->pdata[r])->period;
          gpointer key = GINT_TO_POINTER (p.year * 4 + p.tertial);
          if (g_hash_table_add (seen, key))
            g_array_append_val (periods, p);
        }
    }
  g_array_sort (periods, compare_periods);
  return periods;
}

GPtrArray *
styrkort_city_list_codes (StyrkortCity *city)
{
  GPtrArray *codes = g_ptr_array_new ();
  for (guint i = 0; i < city->indicators->len; i++)
    g_ptr_array_add (codes, ((Indicator *) city->indicators->pdata[i])->code);
  return codes;
}

const char *
styrkort_city_indicator_name (StyrkortCity *city, const char *code)
{
  Indicator *ind = find_indicator (city, code);
  return ind ? ind->name : code;
}

StyrkortMeasure
styrkort_city_indicator_measure (StyrkortCity *city, const char *code)
{
  Indicator *ind = find_indicator (city, code);
  return ind ? ind->measure : STYRKORT_MEASURE_RATIO;
}

StyrkortBetter
styrkort_city_indicator_better (StyrkortCity *city, const char *code)
{
  Indicator *ind = find_indicator (city, code);
  return ind ? ind->better : STYRKORT_BETTER_NONE;
}

/* The parts behind a total: unit rows of @district (all districts when NULL). */
static StyrkortTotal
total_of (StyrkortCity *city, const char *district, const char *code, StyrkortPeriod period)
{
  Indicator *ind = find_indicator (city, code);
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
  Indicator *ind = find_indicator (city, code);
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

/* Charts -------------------------------------------------------------------------- */

static char *
city_source_line (StyrkortCity *city, const char *period)
{
  /* TRANSLATORS: source line of a city chart: N districts · period */
  return g_strdup_printf (_("%u districts · %s · Source: Styrkort"), city->sources->len, period);
}

static StyrkortChart *
indicator_chart (StyrkortCity *city, StyrkortChartKind kind, const char *code, const char *title_format,
                 const char *period)
{
  Indicator *ind = find_indicator (city, code);
  g_autofree char *source = city_source_line (city, period);
  g_autofree char *title = g_strdup_printf (title_format, ind ? ind->name : code);
  StyrkortChart *chart = styrkort_chart_new (kind, title, source);

  chart->percent = ind && ind->measure == STYRKORT_MEASURE_PERCENT;
  if (ind != NULL)
    chart->decimals = styrkort_indicator_decimals (&(StyrkortIndicator) { .code = ind->code, .measure = ind->measure });
  return chart;
}

/* A count's city value is the districts' sum, many times any district's
 * figure: drawn among them it would flatten every bar or line, so a count's
 * charts show the districts' median instead. A rate's city value is on the
 * districts' scale and is what they are compared with. */
static gboolean
compare_with_median (StyrkortCity *city, const char *code)
{
  return styrkort_city_indicator_measure (city, code) == STYRKORT_MEASURE_COUNT;
}

typedef struct {
  char *name;
  double value;
} Ranked;

/* Best first by @data's direction (highest first when none is better);
 * districts without the figure last, each group in name order. */
static gint
compare_ranked (gconstpointer a, gconstpointer b, gpointer data)
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
  g_array_sort_with_data (ranked, compare_ranked, GINT_TO_POINTER (better));
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (names, g_strdup (g_array_index (ranked, Ranked, i).name));
  return names;
}

StyrkortChart *
styrkort_city_chart_ranking (StyrkortCity *city, const char *code, StyrkortPeriod period)
{
  g_autofree char *name = styrkort_period_to_string (period);
  /* TRANSLATORS: chart title: indicator per district */
  StyrkortChart *chart = indicator_chart (city, STYRKORT_CHART_UNITS, code, _("%s per district"), name);
  StyrkortChartSeries *series = styrkort_chart_add_series (chart, styrkort_city_indicator_name (city, code),
                                                           STYRKORT_SERIES_DISTRICT);
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), districts->len);
  StyrkortBetter better = styrkort_city_indicator_better (city, code);
  guint rank = 0;

  for (guint d = 0; d < districts->len; d++)
    {
      Ranked r = { districts->pdata[d], styrkort_city_district_total (city, districts->pdata[d], code, period).value };
      g_array_append_val (ranked, r);
    }
  g_array_sort_with_data (ranked, compare_ranked, GINT_TO_POINTER (better));
  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);
      g_autofree char *label = NULL;
      /* Equal figures share a rank: 1., 2., 2., 4. */
      if (i == 0 || r->value != g_array_index (ranked, Ranked, i - 1).value)
        rank = i + 1;
      label = better != STYRKORT_BETTER_NONE && !isnan (r->value) ? g_strdup_printf ("%u. %s", rank, r->name)
                                                                  : g_strdup (r->name);
      styrkort_chart_add_category (chart, label);
      g_array_append_val (series->values, r->value);
    }
  chart->ordered = TRUE;
  chart->better = better;
  if (better != STYRKORT_BETTER_NONE)
    {
      /* TRANSLATORS: added to a ranking's title */
      char *title = g_strdup_printf ("%s %s", chart->title, better == STYRKORT_BETTER_LOWER ? _("(lower is better)")
                                                                                           : _("(higher is better)"));
      g_free (chart->title);
      chart->title = title;
    }
  if (compare_with_median (city, code))
    {
      chart->reference = styrkort_city_median (city, code, period);
      chart->reference_label = g_strdup (_("Median of the districts"));
    }
  else
    {
      chart->reference = styrkort_city_total (city, code, period).value;
      chart->reference_label = g_strdup (_("City"));
    }
  return chart;
}

StyrkortChart *
styrkort_city_chart_trend (StyrkortCity *city, const char *code, StyrkortPeriod last, guint n_periods)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  StyrkortPeriod first = last;
  g_autofree char *from = NULL, *to = styrkort_period_to_string (last), *span = NULL;
  StyrkortChart *chart;
  StyrkortChartSeries *city_series;

  for (guint i = 1; i < MAX (n_periods, 1); i++)
    first = styrkort_period_previous (first);
  from = styrkort_period_to_string (first);
  span = g_strdup_printf ("%s – %s", from, to);
  /* TRANSLATORS: chart title: indicator per district over time */
  chart = indicator_chart (city, STYRKORT_CHART_TREND, code, _("%s, districts over time"), span);
  city_series = styrkort_chart_add_series (chart, compare_with_median (city, code) ? _("Median of the districts") : _("City"),
                                           STYRKORT_SERIES_DISTRICT);
  for (guint d = 0; d < districts->len; d++)
    styrkort_chart_add_series (chart, districts->pdata[d], STYRKORT_SERIES_OTHER);
  for (StyrkortPeriod q = first; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q))
    {
      g_autofree char *label = styrkort_period_to_string (q);
      double line = compare_with_median (city, code) ? styrkort_city_median (city, code, q)
                                                     : styrkort_city_total (city, code, q).value;
      styrkort_chart_add_category (chart, label);
      g_array_append_val (city_series->values, line);
      for (guint d = 0; d < districts->len; d++)
        {
          StyrkortTotal t = styrkort_city_district_total (city, districts->pdata[d], code, q);
          g_array_append_val (((StyrkortChartSeries *) chart->series->pdata[d + 1])->values, t.value);
        }
    }
  return chart;
}

StyrkortChart *
styrkort_city_chart_status (StyrkortCity *city, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *source = city_source_line (city, name);
  StyrkortChart *chart = styrkort_chart_new (STYRKORT_CHART_AREA_STATUS, _("The districts’ areas"), source);

  for (guint a = 0; a < city->areas->len; a++)
    g_ptr_array_add (chart->columns, g_strdup (g_hash_table_lookup (city->area_titles, city->areas->pdata[a])));
  for (guint d = 0; d < districts->len; d++)
    {
      styrkort_chart_add_category (chart, districts->pdata[d]);
      for (guint a = 0; a < city->areas->len; a++)
        {
          int status = styrkort_city_area_status (city, districts->pdata[d], city->areas->pdata[a], period);
          g_array_append_val (chart->cells, status);
          g_autofree char *detail = styrkort_city_area_detail (city, districts->pdata[d], city->areas->pdata[a], period);
          /* The column says "1" or "Hot"; the tooltip names the area in full. */
          g_ptr_array_add (chart->cell_notes,
                           g_strdup_printf ("%s%s%s", (char *) g_hash_table_lookup (city->area_names, city->areas->pdata[a]),
                                            *detail ? "\n" : "", detail));
        }
    }
  return chart;
}

GPtrArray *
styrkort_city_slides (StyrkortCity *city, StyrkortPeriod period)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_chart_free);

  g_ptr_array_add (slides, styrkort_city_chart_status (city, period));
  /* Every indicator the overview shows that has figures for the period. */
  for (guint i = 0; i < city->indicators->len; i++)
    {
      Indicator *ind = city->indicators->pdata[i];
      if (styrkort_city_total (city, ind->code, period).n_parts == 0)
        continue;
      g_ptr_array_add (slides, styrkort_city_chart_ranking (city, ind->code, period));
      g_ptr_array_add (slides, styrkort_city_chart_trend (city, ind->code, period, 9));
    }
  return slides;
}

char *
styrkort_city_file_name (StyrkortPeriod period, const char *extension)
{
  return g_strdup_printf ("Stadsöversikt-%d-T%d.%s", period.year, period.tertial, extension);
}
