/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city overview: the catalogue's indicators and areas, the districts' sources, and the lists it shows. */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>
#ifdef G_OS_WIN32
#include <windows.h>
#endif

#include "styrkort-catalogue.h"
#include "styrkort-city-private.h"
#include "styrkort-figure-rules.h"

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

StyrkortCitySource *
_styrkort_city_source_new (const char *path)
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

Indicator *
_styrkort_city_find_indicator (StyrkortCity *city, const char *code)
{
  for (guint i = 0; i < city->indicators->len; i++)
    if (g_strcmp0 (((Indicator *) city->indicators->pdata[i])->code, code) == 0)
      return city->indicators->pdata[i];
  return NULL;
}

/* The districts' sources ------------------------------------------------------ */

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

/* Lists ------------------------------------------------------------------------ */

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
#else
  /* Windows sorts by its own tables for every language, installed or not. */
  g_autofree gunichar2 *wide = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  int n = wide != NULL ? LCMapStringEx (L"sv-SE", LCMAP_SORTKEY, (LPCWSTR) wide, -1, NULL, 0, NULL, NULL, 0) : 0;

  if (n > 0)
    {
      char *key = g_malloc0 (n + 1);

      /* A sort key is bytes that compare with strcmp(), ending in a zero. */
      if (LCMapStringEx (L"sv-SE", LCMAP_SORTKEY, (LPCWSTR) wide, -1, (LPWSTR) key, n, NULL, NULL, 0) > 0)
        return key;
      g_free (key);
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
  Indicator *ind = _styrkort_city_find_indicator (city, code);
  return ind ? ind->name : code;
}

StyrkortMeasure
styrkort_city_indicator_measure (StyrkortCity *city, const char *code)
{
  Indicator *ind = _styrkort_city_find_indicator (city, code);
  return ind ? ind->measure : STYRKORT_MEASURE_RATIO;
}

StyrkortBetter
styrkort_city_indicator_better (StyrkortCity *city, const char *code)
{
  Indicator *ind = _styrkort_city_find_indicator (city, code);
  return ind ? ind->better : STYRKORT_BETTER_NONE;
}

char *
styrkort_city_file_name (StyrkortPeriod period, const char *extension)
{
  return g_strdup_printf ("Stadsöversikt-%d-T%d.%s", period.year, period.tertial, extension);
}
