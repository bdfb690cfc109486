/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing figures from xlsx and CSV files. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "styrkort-csv.h"
#include "styrkort-import-private.h"
#include "styrkort-workbook.h"

/* The file ------------------------------------------------------------------ */

/* A zip, or an OLE file: what Excel makes of a workbook with a password
 * (and of an old .xls), which the xlsx reader explains. */
static gboolean
looks_like_workbook (const char *path)
{
  char magic[8] = { 0 };
  FILE *file = g_fopen (path, "rb");
  gsize got;

  if (file == NULL)
    return FALSE;
  got = fread (magic, 1, sizeof magic, file);
  fclose (file);
  return (got >= 4 && memcmp (magic, "PK\3\4", 4) == 0) ||
         (got == 8 && memcmp (magic, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0);
}

/* Styrkort's own workbooks say their data format on the sheet Om; a newer
 * one may have columns that this version would read wrongly. */
static gboolean
check_data_format (StyrkortXlsx *xlsx, GError **error)
{
  g_autoptr(StyrkortSheet) about = styrkort_xlsx_read_sheet (xlsx, "Om", NULL);

  for (guint r = 0; about != NULL && r < about->rows->len; r++)
    {
      const StyrkortCell *key = styrkort_sheet_cell (about, r, 0), *value = styrkort_sheet_cell (about, r, 1);
      if (key->type == STYRKORT_CELL_TEXT && g_str_equal (key->text, "Dataformat (bladet Data)") &&
          value->type == STYRKORT_CELL_NUMBER && value->number > STYRKORT_DATA_FORMAT_VERSION)
        {
          g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_TOO_NEW,
                       _("The workbook was made by a newer Styrkort (data format %d; this version reads format "
                         "%d). Update Styrkort to import it."), (int) value->number, STYRKORT_DATA_FORMAT_VERSION);
          return FALSE;
        }
    }
  return TRUE;
}

/* The first visible sheet with cells: workbooks often start with a hidden
 * sheet of lists or an empty cover sheet. Else the first sheet. */
static gboolean
read_default_sheet (StyrkortImportSource *source, StyrkortXlsx *xlsx, GError **error)
{
  const char * const *names = styrkort_xlsx_sheet_names (xlsx);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(StyrkortSheet) sheet = NULL;

      if (styrkort_xlsx_sheet_is_hidden (xlsx, names[i]))
        continue;
      sheet = styrkort_xlsx_read_sheet (xlsx, names[i], error);
      if (sheet == NULL)
        return FALSE;
      if (sheet->rows->len > 0)
        {
          source->sheet_name = g_strdup (names[i]);
          source->sheet = g_steal_pointer (&sheet);
          return TRUE;
        }
    }
  source->sheet_name = g_strdup (names[0]);
  source->sheet = styrkort_xlsx_read_sheet (xlsx, names[0], error);
  return source->sheet != NULL;
}

/* "“Blad1”, “Uttag”" */
char *
_styrkort_import_quoted_list (const char * const *items)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      /* TRANSLATORS: separates the items of a list: "“Blad1”, “Uttag”" */
      if (i > 0)
        g_string_append (list, _(", "));
      g_string_append_printf (list, "“%s”", items[i]);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* A sheet named on the command line that the workbook lacks (a typo): the
 * first sheet instead would import other figures without a word. */
static gboolean
no_such_sheet (const char *path, const char *sheet_name, const char * const *names, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *list = _styrkort_import_quoted_list (names);

  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_NOT_FOUND,
               _("“%s” has no sheet “%s”. Its sheets are %s: choose one of them."), name, sheet_name, list);
  return FALSE;
}

static gboolean
open_workbook (StyrkortImportSource *source, const char *sheet_name, GError **error)
{
  g_autoptr(StyrkortXlsx) xlsx = styrkort_xlsx_open (source->path, error);
  const char * const *names;

  if (xlsx == NULL)
    return FALSE;
  names = styrkort_xlsx_sheet_names (xlsx);
  source->sheet_names = g_strdupv ((char **) names);
  /* Styrkort's own workbooks hold their figures on the sheet Data. */
  if (sheet_name == NULL && g_strv_contains (names, "Data") && g_strv_contains (names, "Om"))
    sheet_name = "Data";
  if (g_strcmp0 (sheet_name, "Data") == 0 && !check_data_format (xlsx, error))
    return FALSE;
  if (names[0] == NULL)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN, _("The workbook has no sheets."));
      return FALSE;
    }
  if (sheet_name == NULL)
    return read_default_sheet (source, xlsx, error);
  if (!g_strv_contains (names, sheet_name))
    return no_such_sheet (source->path, sheet_name, names, error);
  source->sheet_name = g_strdup (sheet_name);
  source->sheet = styrkort_xlsx_read_sheet (xlsx, sheet_name, error);
  if (source->sheet == NULL)
    return FALSE;
  /* Ours, and which of ours: the city's merged workbook gives city values. */
  if (g_strv_contains (names, "Om"))
    {
      g_autoptr(StyrkortSheet) about = styrkort_xlsx_read_sheet (xlsx, "Om", NULL);
      source->kind = styrkort_workbook_kind (about, g_str_equal (sheet_name, "Data") ? source->sheet : NULL);
      /* Another of its sheets (Sammanfattning) is read as any table. */
      if (source->kind == STYRKORT_WORKBOOK_CITY && !g_str_equal (sheet_name, "Data"))
        source->kind = STYRKORT_WORKBOOK_OTHER;
    }
  return TRUE;
}

StyrkortImportSource *
styrkort_import_source_open (const char *path, const char *sheet_name, GError **error)
{
  g_autoptr(StyrkortImportSource) source = g_new0 (StyrkortImportSource, 1);

  source->path = g_strdup (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_NOT_FOUND, _("“%s”: The file does not exist."), name);
      return NULL;
    }
  if (looks_like_workbook (path))
    {
      if (!open_workbook (source, sheet_name, error))
        return NULL;
    }
  else if ((source->sheet = styrkort_csv_read (path, error)) == NULL)
    return NULL;
  if (source->sheet->rows->len == 0)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_EMPTY, _("“%s” is empty: there is nothing to import."), name);
      return NULL;
    }
  return g_steal_pointer (&source);
}

void
styrkort_import_source_free (StyrkortImportSource *source)
{
  if (source == NULL)
    return;
  g_free (source->path);
  g_strfreev (source->sheet_names);
  g_free (source->sheet_name);
  g_clear_pointer (&source->sheet, styrkort_sheet_free);
  g_free (source);
}

guint
styrkort_import_source_n_columns (const StyrkortImportSource *source)
{
  guint n = 0;

  for (guint i = 0; i < source->sheet->rows->len; i++)
    n = MAX (n, ((GArray *) source->sheet->rows->pdata[i])->len);
  return n;
}

char *
_styrkort_import_cell_text (const StyrkortCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (cell->type)
    {
    case STYRKORT_CELL_NUMBER:
    case STYRKORT_CELL_BOOL:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.12g", cell->number));
    case STYRKORT_CELL_TEXT:
    case STYRKORT_CELL_ERROR:
      return g_strstrip (g_strdup (cell->text));
    case STYRKORT_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

char *
styrkort_import_source_cell_text (const StyrkortImportSource *source, guint row, guint column)
{
  return _styrkort_import_cell_text (styrkort_sheet_cell (source->sheet, row, column));
}

#define MAX_HEADINGS_LISTED 20

char *
styrkort_import_source_headings (const StyrkortImportSource *source, guint row)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_columns;
  gboolean more;
  char *list;

  g_return_val_if_fail (source != NULL, NULL);
  n_columns = row < source->sheet->rows->len ? ((GArray *) source->sheet->rows->pdata[row])->len : 0;
  for (guint c = 0; c < n_columns && texts->len <= MAX_HEADINGS_LISTED; c++)
    {
      char *text = styrkort_import_source_cell_text (source, row, c);
      if (*text == '\0')
        g_free (text);
      else
        g_ptr_array_add (texts, text);
    }
  more = texts->len > MAX_HEADINGS_LISTED;
  if (more)
    g_ptr_array_set_size (texts, MAX_HEADINGS_LISTED);
  g_ptr_array_add (texts, NULL);
  list = _styrkort_import_quoted_list ((const char * const *) texts->pdata);
  if (more)
    {
      char *more = g_strconcat (list, " …", NULL);
      g_free (list);
      list = more;
    }
  return list;
}

/* Names compared as people mean them: case, accents' composition and runs
 * of spaces do not matter. */
char *
_styrkort_import_name_key (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal ? normal : "", -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\u00a0", -1);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (key, "%s%s", key->len ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The mapping --------------------------------------------------------------- */

static const struct {
  const char *key;         /* stored in remembered mappings */
  const char *label;
  const char *headers;     /* headers that mean this field, '|'-separated, folded */
} fields[STYRKORT_N_FIELDS] = {
  { "district", N_("District"), "stadsdel|stadsdelsförvaltning|district" },
  { "unit", N_("Unit"), "enhet|unit|enhetsnamn|arbetsgrupp|avdelning|department" },
  { "operation", N_("Operation"), "verksamhetsområde|verksamhet|operation" },
  { "year", N_("Year"), "år|year|ar" },
  { "tertial", N_("Tertial"), "tertial" },
  { "period", N_("Period or date"), "period|datum|date|månad|month" },
  { "indicator", N_("Indicator"), "nyckeltal|indicator|kod|code|mått|measure" },
  { "value", N_("Value"), "värde|value|utfall" },
  { "women", N_("Women"), "kvinnor|women|female" },
  { "men", N_("Men"), "män|men|male" },
  { "numerator", N_("Numerator"), "täljare|numerator" },
  { "denominator", N_("Denominator"), "nämnare|denominator" },
  { "comment", N_("Comment"), "kommentar|comment|anmärkning|note" },
};

const char *
styrkort_import_field_label (StyrkortImportField field)
{
  g_return_val_if_fail (field < STYRKORT_N_FIELDS, NULL);
  return _(fields[field].label);
}

StyrkortImportMapping *
styrkort_import_mapping_new (void)
{
  StyrkortImportMapping *mapping = g_new0 (StyrkortImportMapping, 1);

  for (guint i = 0; i < STYRKORT_N_FIELDS; i++)
    mapping->columns[i] = -1;
  mapping->wide = g_ptr_array_new_with_free_func (g_free);
  return mapping;
}

StyrkortImportMapping *
styrkort_import_mapping_copy (const StyrkortImportMapping *mapping)
{
  StyrkortImportMapping *copy = styrkort_import_mapping_new ();

  copy->layout = mapping->layout;
  copy->header_row = mapping->header_row;
  copy->decimal_sign = mapping->decimal_sign;
  memcpy (copy->columns, mapping->columns, sizeof copy->columns);
  for (guint i = 0; i < mapping->wide->len; i++)
    styrkort_import_mapping_set_wide (copy, i, mapping->wide->pdata[i]);
  return copy;
}

void
styrkort_import_mapping_free (StyrkortImportMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_ptr_array_unref (mapping->wide);
  g_free (mapping);
}

const char *
styrkort_import_mapping_get_wide (const StyrkortImportMapping *mapping, guint column)
{
  return column < mapping->wide->len ? mapping->wide->pdata[column] : NULL;
}

void
styrkort_import_mapping_set_wide (StyrkortImportMapping *mapping, guint column, const char *code)
{
  if (column >= mapping->wide->len)
    {
      if (code == NULL)
        return;
      g_ptr_array_set_size (mapping->wide, (int) column + 1);
    }
  g_free (mapping->wide->pdata[column]);
  mapping->wide->pdata[column] = g_strdup (code);
}

static int
field_for_header (const char *header)
{
  g_autofree char *key = _styrkort_import_name_key (header);

  for (guint f = 0; f < STYRKORT_N_FIELDS; f++)
    {
      g_auto(GStrv) names = g_strsplit (fields[f].headers, "|", -1);
      if (*key != '\0' && g_strv_contains ((const char * const *) names, key))
        return (int) f;
    }
  return -1;
}

/* Indicators by folded code, Swedish and English name; the values are
 * borrowed from @indicators. */
GHashTable *
_styrkort_import_indicator_names (GPtrArray *indicators)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < indicators->len; i++)
    {
      StyrkortIndicator *ind = indicators->pdata[i];
      g_hash_table_insert (names, _styrkort_import_name_key (ind->name_sv), ind);
      g_hash_table_insert (names, _styrkort_import_name_key (ind->name_en), ind);
      g_hash_table_insert (names, _styrkort_import_name_key (ind->code), ind);
    }
  return names;
}

static guint
guess_header_row (const StyrkortImportSource *source)
{
  guint rows = MIN (source->sheet->rows->len, 10);

  for (guint r = 0; r < rows; r++)
    {
      GArray *cells = source->sheet->rows->pdata[r];
      guint known = 0;
      for (guint c = 0; c < cells->len; c++)
        {
          g_autofree char *text = styrkort_import_source_cell_text (source, r, c);
          known += field_for_header (text) >= 0;
        }
      if (known >= 2)
        return r;
    }
  return 0;
}

StyrkortImportMapping *
styrkort_import_mapping_guess (StyrkortProject *project, const StyrkortImportSource *source)
{
  StyrkortImportMapping *mapping = styrkort_import_mapping_new ();
  g_autoptr(GPtrArray) list = styrkort_project_list_indicators (project);
  g_autoptr(GHashTable) indicators = _styrkort_import_indicator_names (list);
  guint n_columns = styrkort_import_source_n_columns (source);
  guint n_wide = 0;

  mapping->header_row = guess_header_row (source);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *header = styrkort_import_source_cell_text (source, mapping->header_row, c);
      g_autofree char *key = _styrkort_import_name_key (header);
      int field = field_for_header (header);
      StyrkortIndicator *ind = g_hash_table_lookup (indicators, key);

      if (field >= 0 && mapping->columns[field] < 0)
        mapping->columns[field] = (int) c;
      else if (field < 0 && ind != NULL)
        {
          styrkort_import_mapping_set_wide (mapping, c, ind->code);
          n_wide++;
        }
    }
  if (mapping->columns[STYRKORT_FIELD_INDICATOR] < 0 && n_wide > 0)
    mapping->layout = STYRKORT_IMPORT_WIDE;
  return mapping;
}

char *
styrkort_import_mapping_to_string (const StyrkortImportMapping *mapping)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  g_key_file_set_string (file, "Mapping", "Layout", mapping->layout == STYRKORT_IMPORT_WIDE ? "wide" : "long");
  g_key_file_set_integer (file, "Mapping", "HeaderRow", (int) mapping->header_row);
  if (mapping->decimal_sign != STYRKORT_DECIMAL_UNKNOWN)
    g_key_file_set_string (file, "Mapping", "DecimalSign",
                           mapping->decimal_sign == STYRKORT_DECIMAL_COMMA ? "comma" : "point");
  for (guint f = 0; f < STYRKORT_N_FIELDS; f++)
    if (mapping->columns[f] >= 0)
      g_key_file_set_integer (file, "Columns", fields[f].key, mapping->columns[f]);
  for (guint c = 0; c < mapping->wide->len; c++)
    if (mapping->wide->pdata[c] != NULL)
      {
        g_autofree char *key = g_strdup_printf ("%u", c);
        g_key_file_set_string (file, "Wide", key, mapping->wide->pdata[c]);
      }
  return g_key_file_to_data (file, NULL, NULL);
}

/* A column number as stored: at most Excel's 16,384 columns. */
static int
read_column (GKeyFile *file, const char *group, const char *key)
{
  g_autoptr(GError) local = NULL;
  int column = g_key_file_get_integer (file, group, key, &local);
  return local == NULL && column >= 0 && column < 16384 ? column : -1;
}

StyrkortImportMapping *
styrkort_import_mapping_from_string (const char *text)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(StyrkortImportMapping) mapping = styrkort_import_mapping_new ();
  g_autofree char *layout = NULL, *decimal = NULL;
  g_auto(GStrv) wide = NULL;

  if (text == NULL || !g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, NULL))
    return NULL;
  layout = g_key_file_get_string (file, "Mapping", "Layout", NULL);
  mapping->layout = g_strcmp0 (layout, "wide") == 0 ? STYRKORT_IMPORT_WIDE : STYRKORT_IMPORT_LONG;
  mapping->header_row = (guint) CLAMP (g_key_file_get_integer (file, "Mapping", "HeaderRow", NULL), 0, 1000);
  decimal = g_key_file_get_string (file, "Mapping", "DecimalSign", NULL);
  mapping->decimal_sign = g_strcmp0 (decimal, "comma") == 0   ? STYRKORT_DECIMAL_COMMA
                          : g_strcmp0 (decimal, "point") == 0 ? STYRKORT_DECIMAL_POINT
                                                              : STYRKORT_DECIMAL_UNKNOWN;
  for (guint f = 0; f < STYRKORT_N_FIELDS; f++)
    mapping->columns[f] = read_column (file, "Columns", fields[f].key);
  wide = g_key_file_get_keys (file, "Wide", NULL, NULL);
  for (guint i = 0; wide != NULL && wide[i] != NULL; i++)
    {
      int column = read_column (file, "Wide", wide[i]);
      g_autofree char *code = g_key_file_get_string (file, "Wide", wide[i], NULL);
      if (column >= 0)
        styrkort_import_mapping_set_wide (mapping, (guint) column, code);
    }
  return g_steal_pointer (&mapping);
}

char *
styrkort_import_file_pattern (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *key = _styrkort_import_name_key (base);
  GString *pattern = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        g_string_append_c (pattern, *p);
      else if (pattern->len == 0 || pattern->str[pattern->len - 1] != '#')
        g_string_append_c (pattern, '#');
    }
  return g_string_free (pattern, FALSE);
}

StyrkortImportMapping *
styrkort_import_mapping_for_file (StyrkortProject *project, const StyrkortImportSource *source,
                                  gboolean *remembered)
{
  g_autofree char *pattern = styrkort_import_file_pattern (source->path);
  g_autofree char *text = styrkort_project_get_import_mapping (project, pattern);
  StyrkortImportMapping *mapping = styrkort_import_mapping_from_string (text);

  if (remembered != NULL)
    *remembered = mapping != NULL;
  return mapping != NULL ? mapping : styrkort_import_mapping_guess (project, source);
}

gboolean
styrkort_import_remember_mapping (StyrkortProject *project, const StyrkortImportSource *source,
                                  const StyrkortImportMapping *mapping, GError **error)
{
  g_autofree char *pattern = styrkort_import_file_pattern (source->path);
  g_autofree char *text = styrkort_import_mapping_to_string (mapping);
  return styrkort_project_set_import_mapping (project, pattern, text, error);
}
