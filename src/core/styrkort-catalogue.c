/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue (areas, themes, operations, indicators) as a validated GKeyFile. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-catalogue.h"
#include "styrkort-db.h"
#include "styrkort-types.h"

#define DEFAULT_CATALOGUE "/se/styrkort/Styrkort/catalogue/stockholm-2019.catalogue"

static gboolean
fail (GError **error, const char *group, const char *what)
{
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_CATALOGUE,
               _("The catalogue is not valid: [%s] %s"), group, what);
  return FALSE;
}

/* Both the English key and its own Swedish translation (no fallback). */
static gboolean
has_titles (GKeyFile *kf, const char *group, const char *key)
{
  g_autofree char *sv_key = g_strconcat (key, "[sv]", NULL);
  g_autofree char *en = g_key_file_get_string (kf, group, key, NULL);
  g_autofree char *sv = g_key_file_get_string (kf, group, sv_key, NULL);
  return en != NULL && *en != '\0' && sv != NULL && *sv != '\0';
}

static gboolean
validate_indicator (GKeyFile *kf, const char *group, GHashTable *area_keys, GError **error)
{
  static const struct { const char *key; int (*parse) (const char *); } enums[] = {
    { "Measure", styrkort_measure_from_key },
    { "Better", styrkort_better_from_key },
    { "Level", styrkort_level_from_key },
    { "Total", styrkort_total_rule_from_key },
  };
  g_auto(GStrv) areas = NULL;
  g_autofree char *total = NULL;
  gsize n_areas = 0;

  if (!has_titles (kf, group, "Name"))
    return fail (error, group, _("needs Name and Name[sv]"));
  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      g_autofree char *value = g_key_file_get_string (kf, group, enums[i].key, NULL);
      if (enums[i].parse (value) < 0)
        return fail (error, group, enums[i].key);
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "GenderSplit" : "ReportedInT2";
      g_autoptr(GError) local = NULL;
      g_key_file_get_boolean (kf, group, key, &local);
      if (local != NULL)
        return fail (error, group, key);
    }
  total = g_key_file_get_string (kf, group, "Total", NULL);
  if (g_strcmp0 (total, "rate") == 0 &&
      (!has_titles (kf, group, "Numerator") || !has_titles (kf, group, "Denominator")))
    return fail (error, group, _("a rate needs Numerator and Denominator"));
  areas = g_key_file_get_string_list (kf, group, "Areas", &n_areas, NULL);
  for (gsize i = 0; i < n_areas; i++)
    if (!g_hash_table_contains (area_keys, areas[i]))
      return fail (error, group, _("links to an unknown area"));
  return TRUE;
}

static gboolean
validate (GKeyFile *kf, GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (kf, NULL);
  g_autoptr(GHashTable) area_keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  guint n_areas = 0, n_operations = 0;

  /* Areas first, so that indicators can be checked against them. */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *g = groups[i];
      if (g_str_has_prefix (g, "Area ") || g_str_has_prefix (g, "Theme "))
        {
          if (!has_titles (kf, g, "Title"))
            return fail (error, g, _("needs Title and Title[sv]"));
          if (g_str_has_prefix (g, "Area "))
            {
              int number = g_key_file_get_integer (kf, g, "Number", NULL);
              if (number < 1 || g_hash_table_contains (numbers, GINT_TO_POINTER (number)))
                return fail (error, g, _("needs a unique Number from 1"));
              g_hash_table_add (numbers, GINT_TO_POINTER (number));
              n_areas++;
            }
          g_hash_table_add (area_keys, (char *) strchr (g, ' ') + 1);
        }
      else if (g_str_has_prefix (g, "Operation "))
        {
          if (!has_titles (kf, g, "Name"))
            return fail (error, g, _("needs Name and Name[sv]"));
          n_operations++;
        }
      else if (!g_str_equal (g, "Catalogue") && !g_str_has_prefix (g, "Indicator "))
        return fail (error, g, _("is not a known kind of group"));
    }
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Indicator ") &&
        !validate_indicator (kf, groups[i], area_keys, error))
      return FALSE;
  if (n_areas == 0 || n_operations == 0)
    return fail (error, "Catalogue", _("needs at least one area and one operation"));
  return TRUE;
}

GKeyFile *
styrkort_catalogue_load_data (const char *data, gsize length, GError **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  if (!g_key_file_load_from_data (kf, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, error) ||
      !validate (kf, error))
    return NULL;
  return g_steal_pointer (&kf);
}

GKeyFile *
styrkort_catalogue_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_CATALOGUE, 0, error);
  gsize length = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return styrkort_catalogue_load_data (data, length, error);
}

static gboolean
install_area (GKeyFile *kf, const char *group, int position, sqlite3 *db, GError **error)
{
  gboolean theme = g_str_has_prefix (group, "Theme ");
  g_autofree char *en = g_key_file_get_string (kf, group, "Title", NULL);
  g_autofree char *sv = g_key_file_get_locale_string (kf, group, "Title", "sv", NULL);
  int number = theme ? 0 : g_key_file_get_integer (kf, group, "Number", NULL);

  return styrkort_db_exec (db, error,
                           "INSERT INTO area (key, kind, number, position, title_sv, title_en)"
                           " VALUES (?, ?, ?, ?, ?, ?)", "ttnntt",
                           strchr (group, ' ') + 1, theme ? "theme" : "area",
                           number, position, sv, en);
}

static gboolean
install_operation (GKeyFile *kf, const char *group, int position, sqlite3 *db, GError **error)
{
  g_autofree char *en = g_key_file_get_string (kf, group, "Name", NULL);
  g_autofree char *sv = g_key_file_get_locale_string (kf, group, "Name", "sv", NULL);

  return styrkort_db_exec (db, error,
                           "INSERT INTO operation (key, position, name_sv, name_en) VALUES (?, ?, ?, ?)",
                           "tntt", strchr (group, ' ') + 1, position, sv, en);
}

#define STR(key) g_autofree char *key = g_key_file_get_string (kf, group, #key, NULL)
#define STR_SV(var, key) g_autofree char *var = g_key_file_get_locale_string (kf, group, key, "sv", NULL)

static gboolean
install_indicator (GKeyFile *kf, const char *group, int position, sqlite3 *db, GError **error)
{
  const char *code = strchr (group, ' ') + 1;
  STR (Name); STR (Measure); STR (Better); STR (Level); STR (Total);
  STR (Numerator); STR (Denominator);
  STR_SV (name_sv, "Name"); STR_SV (numerator_sv, "Numerator"); STR_SV (denominator_sv, "Denominator");
  g_auto(GStrv) areas = g_key_file_get_string_list (kf, group, "Areas", NULL, NULL);
  gint64 id;

  if (!styrkort_db_exec (db, error,
                         "INSERT INTO indicator (code, position, name_sv, name_en, measure, better, level,"
                         " gender_split, in_t2, total_rule, numerator_sv, numerator_en, denominator_sv,"
                         " denominator_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         "tntttttnnttttt", code, position, name_sv, Name, Measure,
                         Better, Level,
                         (int) g_key_file_get_boolean (kf, group, "GenderSplit", NULL),
                         (int) g_key_file_get_boolean (kf, group, "ReportedInT2", NULL),
                         Total, numerator_sv, Numerator, denominator_sv, Denominator))
    return FALSE;
  id = sqlite3_last_insert_rowid (db);
  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    if (!styrkort_db_exec (db, error,
                           "INSERT INTO indicator_area (indicator_id, area_id)"
                           " SELECT ?, id FROM area WHERE key = ?", "it", id, areas[i]))
      return FALSE;
  return TRUE;
}

gboolean
styrkort_catalogue_install (GKeyFile *kf, sqlite3 *db, GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (kf, NULL);
  int position = 0;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *g = groups[i];
      gboolean ok = TRUE;
      if (g_str_has_prefix (g, "Area ") || g_str_has_prefix (g, "Theme "))
        ok = install_area (kf, g, position++, db, error);
      else if (g_str_has_prefix (g, "Operation "))
        ok = install_operation (kf, g, position++, db, error);
      if (!ok)
        return FALSE;
    }
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Indicator ") &&
        !install_indicator (kf, groups[i], position++, db, error))
      return FALSE;
  return TRUE;
}
