/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the cells of an xlsx workbook (libzip + GMarkup): the one reader
 * that the import and the city overview share.
 *
 * An xlsx is a zip of XML parts: xl/workbook.xml names the sheets,
 * xl/_rels/workbook.xml.rels says which part each is, xl/sharedStrings.xml
 * holds the texts that cells refer to by number. Only values are read:
 * formulas are taken by their cached results, formatting is ignored. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <zip.h>

#include "styrkort-types.h"
#include "styrkort-xlsx.h"

#define MAX_PART_SIZE (256 * 1024 * 1024)

struct _StyrkortXlsx {
  zip_t *zip;
  char *display_name;
  GPtrArray *names;       /* char*, NULL-terminated */
  GHashTable *paths;      /* sheet name -> part path */
  GPtrArray *strings;     /* shared strings */
};

static gboolean
fail (StyrkortXlsx *xlsx, GError **error, int code, const char *what)
{
  g_set_error (error, STYRKORT_ERROR, code, _("“%s”: %s"), xlsx->display_name, what);
  return FALSE;
}

/* A whole part of the archive as a string, or NULL when there is none. */
static char *
read_part (StyrkortXlsx *xlsx, const char *name, gsize *length, GError **error)
{
  zip_stat_t stat;
  zip_file_t *file;
  char *data;
  zip_int64_t got;

  if (zip_stat (xlsx->zip, name, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
    return NULL;
  if (stat.size > MAX_PART_SIZE)
    {
      fail (xlsx, error, STYRKORT_ERROR_CORRUPT, _("a part of the workbook is too large to be read."));
      return NULL;
    }
  file = zip_fopen (xlsx->zip, name, 0);
  if (file == NULL)
    {
      fail (xlsx, error, STYRKORT_ERROR_CORRUPT, _("the workbook is damaged or incomplete."));
      return NULL;
    }
  data = g_malloc (stat.size + 1);
  got = zip_fread (file, data, stat.size);
  zip_fclose (file);
  if (got < 0 || (zip_uint64_t) got != stat.size)
    {
      g_free (data);
      fail (xlsx, error, STYRKORT_ERROR_CORRUPT, _("the workbook is damaged or incomplete."));
      return NULL;
    }
  data[stat.size] = '\0';
  *length = stat.size;
  return data;
}

static const char *
attribute (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], wanted))
      return values[i];
  return NULL;
}

/* GMarkup element names keep their namespace prefix; xlsx writers differ
 * in whether they use one ("x:row"). */
static const char *
local_name (const char *element)
{
  const char *colon = strchr (element, ':');
  return colon ? colon + 1 : element;
}

static gboolean
parse (StyrkortXlsx *xlsx, const char *part, const GMarkupParser *parser, gpointer data, gboolean required,
       GError **error)
{
  gsize length = 0;
  g_autoptr(GError) local = NULL;
  g_autofree char *xml = read_part (xlsx, part, &length, &local);
  g_autoptr(GMarkupParseContext) context = NULL;

  if (xml == NULL)
    {
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      return !required || fail (xlsx, error, STYRKORT_ERROR_FOREIGN,
                                _("this is a zip archive but not an Excel workbook."));
    }
  context = g_markup_parse_context_new (parser, G_MARKUP_DEFAULT_FLAGS, data, NULL);
  if (!g_markup_parse_context_parse (context, xml, length, &local) ||
      !g_markup_parse_context_end_parse (context, &local))
    {
      g_autofree char *what = g_strdup_printf (_("the workbook is damaged (%s: %s)."), part, local->message);
      return fail (xlsx, error, STYRKORT_ERROR_CORRUPT, what);
    }
  return TRUE;
}

/* workbook.xml and its relationships ---------------------------------------- */

typedef struct {
  GPtrArray *names;
  GPtrArray *ids;
} SheetList;

static void
sheet_list_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
                  gpointer data, GError **error)
{
  SheetList *list = data;
  const char *name = attribute (names, values, "name"), *id = attribute (names, values, "r:id");

  if (!g_str_equal (local_name (element), "sheet") || name == NULL)
    return;
  g_ptr_array_add (list->names, g_strdup (name));
  g_ptr_array_add (list->ids, g_strdup (id ? id : ""));
}

static void
relations_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
                 gpointer data, GError **error)
{
  GHashTable *targets = data;
  const char *id = attribute (names, values, "Id"), *target = attribute (names, values, "Target");

  if (g_str_equal (local_name (element), "Relationship") && id && target)
    g_hash_table_insert (targets, g_strdup (id), g_strdup (target));
}

/* "worksheets/sheet1.xml" is relative to xl/; "/xl/worksheets/sheet1.xml" is absolute. */
static char *
part_path (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

/* Shared strings ------------------------------------------------------------ */

typedef struct {
  GPtrArray *strings;
  GString *current;
  gboolean in_text;
  gboolean in_phonetic;
} Strings;

static void
strings_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
               gpointer data, GError **error)
{
  Strings *s = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    g_string_truncate (s->current, 0);
  else if (g_str_equal (name, "rPh"))
    s->in_phonetic = TRUE;
  else if (g_str_equal (name, "t"))
    s->in_text = !s->in_phonetic;
}

static void
strings_end (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  Strings *s = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    g_ptr_array_add (s->strings, g_strdup (s->current->str));
  else if (g_str_equal (name, "rPh"))
    s->in_phonetic = FALSE;
  else if (g_str_equal (name, "t"))
    s->in_text = FALSE;
}

static void
strings_text (GMarkupParseContext *c, const char *text, gsize length, gpointer data, GError **error)
{
  Strings *s = data;
  if (s->in_text)
    g_string_append_len (s->current, text, length);
}

/* Opening ------------------------------------------------------------------- */

/* Whether the file starts with @magic. */
static gboolean
starts_with (const char *path, const guchar *magic, gsize length)
{
  guchar header[8] = { 0 };
  FILE *f = g_fopen (path, "rb");
  gboolean match;

  if (f == NULL)
    return FALSE;
  match = fread (header, 1, length, f) == length && memcmp (header, magic, length) == 0;
  fclose (f);
  return match;
}

static gboolean
open_archive (StyrkortXlsx *xlsx, const char *path, GError **error)
{
  int code = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return fail (xlsx, error, STYRKORT_ERROR_NOT_FOUND, _("the file does not exist."));
  /* Excel encrypts password-protected workbooks into an OLE container, the
   * same kind of file as an old .xls. */
  if (starts_with (path, (const guchar *) "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    return fail (xlsx, error, STYRKORT_ERROR_FOREIGN,
                 _("the workbook is password-protected or in the old .xls format. Save it as an "
                   "unprotected .xlsx workbook and try again."));
  xlsx->zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (xlsx->zip != NULL)
    return TRUE;
  /* A zip whose end is missing (a copy cut short) has no directory to find. */
  if (code == ZIP_ER_NOZIP && !starts_with (path, (const guchar *) "PK\003\004", 4))
    return fail (xlsx, error, STYRKORT_ERROR_FOREIGN, _("this is not an Excel workbook (.xlsx)."));
  if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
    return fail (xlsx, error, STYRKORT_ERROR_IO, _("the file cannot be read."));
  return fail (xlsx, error, STYRKORT_ERROR_CORRUPT, _("the workbook is damaged or incomplete."));
}

StyrkortXlsx *
styrkort_xlsx_open (const char *path, GError **error)
{
  g_autoptr(StyrkortXlsx) xlsx = g_new0 (StyrkortXlsx, 1);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = g_string_new (NULL);
  SheetList list;
  Strings strings = { NULL, current, FALSE, FALSE };
  GMarkupParser sheets_parser = { sheet_list_start, NULL, NULL, NULL, NULL };
  GMarkupParser relations_parser = { relations_start, NULL, NULL, NULL, NULL };
  GMarkupParser strings_parser = { strings_start, strings_end, strings_text, NULL, NULL };
  gboolean ok;

  xlsx->display_name = g_filename_display_basename (path);
  xlsx->names = g_ptr_array_new_with_free_func (g_free);
  xlsx->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xlsx->strings = g_ptr_array_new_with_free_func (g_free);
  list = (SheetList) { xlsx->names, ids };
  strings.strings = xlsx->strings;
  if (!open_archive (xlsx, path, error) ||
      !parse (xlsx, "xl/workbook.xml", &sheets_parser, &list, TRUE, error) ||
      !parse (xlsx, "xl/_rels/workbook.xml.rels", &relations_parser, targets, TRUE, error))
    return NULL;
  ok = parse (xlsx, "xl/sharedStrings.xml", &strings_parser, &strings, FALSE, error);
  if (!ok)
    return NULL;
  for (guint i = 0; i < xlsx->names->len; i++)
    {
      const char *target = g_hash_table_lookup (targets, ids->pdata[i]);
      if (target != NULL)
        g_hash_table_insert (xlsx->paths, g_strdup (xlsx->names->pdata[i]), part_path (target));
    }
  g_ptr_array_add (xlsx->names, NULL);
  return g_steal_pointer (&xlsx);
}

void
styrkort_xlsx_free (StyrkortXlsx *xlsx)
{
  if (xlsx == NULL)
    return;
  if (xlsx->zip != NULL)
    zip_discard (xlsx->zip);
  g_free (xlsx->display_name);
  g_clear_pointer (&xlsx->names, g_ptr_array_unref);
  g_clear_pointer (&xlsx->paths, g_hash_table_unref);
  g_clear_pointer (&xlsx->strings, g_ptr_array_unref);
  g_free (xlsx);
}

const char * const *
styrkort_xlsx_sheet_names (StyrkortXlsx *xlsx)
{
  return (const char * const *) xlsx->names->pdata;
}

/* Sheets -------------------------------------------------------------------- */

typedef struct {
  StyrkortXlsx *xlsx;
  StyrkortSheet *sheet;
  guint row, column;
  char *type;
  GString *value;
  gboolean in_value;
} SheetReader;

static void
cell_clear (StyrkortCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

static GArray *
row_at (StyrkortSheet *sheet, guint row)
{
  while (sheet->rows->len <= row)
    {
      GArray *cells = g_array_new (FALSE, TRUE, sizeof (StyrkortCell));
      g_array_set_clear_func (cells, (GDestroyNotify) cell_clear);
      g_ptr_array_add (sheet->rows, cells);
    }
  return sheet->rows->pdata[row];
}

/* "AB12" → column 27 (0-based), row 11 (0-based). */
static gboolean
parse_reference (const char *ref, guint *row, guint *column)
{
  guint col = 0;
  const char *p = ref;
  char *end;
  guint64 number;

  for (; g_ascii_isalpha (*p); p++)
    col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  number = g_ascii_strtoull (p, &end, 10);
  if (col == 0 || col > 16384 || number == 0 || number > 1048576 || *end != '\0')
    return FALSE;
  *column = col - 1;
  *row = (guint) number - 1;
  return TRUE;
}

static void
sheet_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
             gpointer data, GError **error)
{
  SheetReader *r = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "row"))
    {
      const char *number = attribute (names, values, "r");
      if (number != NULL)
        r->row = (guint) MAX (1, g_ascii_strtoull (number, NULL, 10)) - 1;
      r->column = 0;
    }
  else if (g_str_equal (name, "c"))
    {
      const char *ref = attribute (names, values, "r");
      guint row = r->row, column = r->column;
      if (ref != NULL && !parse_reference (ref, &row, &column))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "cell reference %s", ref);
          return;
        }
      r->row = row;
      r->column = column;
      g_free (r->type);
      r->type = g_strdup (attribute (names, values, "t"));
      g_string_truncate (r->value, 0);
    }
  else if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    r->in_value = TRUE;
}

static void
store_cell (SheetReader *r)
{
  StyrkortCell cell = { STYRKORT_CELL_EMPTY, 0, NULL };
  const char *type = r->type ? r->type : "n";
  char *end = NULL;

  if (r->value->len == 0 && !g_str_equal (type, "inlineStr") && !g_str_equal (type, "str"))
    return;
  if (g_str_equal (type, "s"))
    {
      guint64 index = g_ascii_strtoull (r->value->str, &end, 10);
      cell.type = STYRKORT_CELL_TEXT;
      cell.text = g_strdup (index < r->xlsx->strings->len ? (char *) r->xlsx->strings->pdata[index] : "");
    }
  else if (g_str_equal (type, "inlineStr") || g_str_equal (type, "str"))
    {
      cell.type = STYRKORT_CELL_TEXT;
      cell.text = g_strdup (r->value->str);
    }
  else if (g_str_equal (type, "b"))
    {
      cell.type = STYRKORT_CELL_BOOL;
      cell.number = g_str_equal (r->value->str, "1");
    }
  else if (g_str_equal (type, "e"))
    {
      cell.type = STYRKORT_CELL_ERROR;
      cell.text = g_strdup (r->value->str);
    }
  else
    {
      cell.number = g_ascii_strtod (r->value->str, &end);
      cell.type = end != r->value->str ? STYRKORT_CELL_NUMBER : STYRKORT_CELL_EMPTY;
    }
  styrkort_sheet_put (r->sheet, r->row, r->column, cell);
}

static void
sheet_end (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  SheetReader *r = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "c"))
    {
      store_cell (r);
      r->column++;
    }
  else if (g_str_equal (name, "row"))
    r->row++;
  else if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    r->in_value = FALSE;
}

static void
sheet_text (GMarkupParseContext *c, const char *text, gsize length, gpointer data, GError **error)
{
  SheetReader *r = data;
  if (r->in_value)
    g_string_append_len (r->value, text, length);
}

StyrkortSheet *
styrkort_xlsx_read_sheet (StyrkortXlsx *xlsx, const char *name, GError **error)
{
  const char *part = g_hash_table_lookup (xlsx->paths, name);
  GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  SheetReader reader = { xlsx, styrkort_sheet_new (), 0, 0, NULL, g_string_new (NULL), FALSE };
  gboolean ok;

  if (part == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("the workbook has no sheet “%s”."), name);
      fail (xlsx, error, STYRKORT_ERROR_FOREIGN, what);
      ok = FALSE;
    }
  else
    ok = parse (xlsx, part, &parser, &reader, TRUE, error);
  g_free (reader.type);
  g_string_free (reader.value, TRUE);
  if (!ok)
    {
      styrkort_sheet_free (reader.sheet);
      return NULL;
    }
  return reader.sheet;
}

StyrkortSheet *
styrkort_sheet_new (void)
{
  StyrkortSheet *sheet = g_new0 (StyrkortSheet, 1);
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return sheet;
}

void
styrkort_sheet_put (StyrkortSheet *sheet, guint row, guint column, StyrkortCell cell)
{
  GArray *cells = row_at (sheet, row);

  if (cells->len <= column)
    g_array_set_size (cells, column + 1);
  cell_clear (&g_array_index (cells, StyrkortCell, column));
  g_array_index (cells, StyrkortCell, column) = cell;
}

void
styrkort_sheet_free (StyrkortSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

const StyrkortCell *
styrkort_sheet_cell (const StyrkortSheet *sheet, guint row, guint column)
{
  static const StyrkortCell empty = { STYRKORT_CELL_EMPTY, 0, NULL };
  GArray *cells;

  if (row >= sheet->rows->len)
    return &empty;
  cells = sheet->rows->pdata[row];
  return column < cells->len ? &g_array_index (cells, StyrkortCell, column) : &empty;
}
