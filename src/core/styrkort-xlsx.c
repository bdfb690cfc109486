/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the cells of an xlsx workbook (libzip + GMarkup): the one reader
 * that the import and the city overview share.
 *
 * An xlsx is a zip of XML parts: xl/workbook.xml names the sheets,
 * xl/_rels/workbook.xml.rels says which part each is, xl/sharedStrings.xml
 * holds the texts that cells refer to by number. Only values are read:
 * formulas are taken by their cached results, formatting is ignored.
 *
 * Workbooks come from other people, so nothing in one is trusted: each part
 * is unpacked in pieces against a byte budget and parsed as it comes, every
 * row, column and text is checked against the limits in
 * styrkort-xlsx-private.h, and a refusal names the limit. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <zip.h>

#include "styrkort-types.h"
#include "styrkort-xlsx-private.h"

#define CHUNK_SIZE (64 * 1024)

struct _StyrkortXlsx {
  zip_t *zip;
  char *display_name;
  GPtrArray *names;       /* char*, NULL-terminated */
  GHashTable *paths;      /* sheet name -> part path */
  GPtrArray *strings;     /* shared strings, GRefString */
};

/* A part of the archive, what to call it and how large it may unpack. */
typedef struct {
  const char *path;
  const char *sheet_name; /* NULL unless a worksheet */
  guint64 max_bytes;
} Part;

static gboolean
fail (StyrkortXlsx *xlsx, GError **error, int code, const char *what)
{
  g_set_error (error, STYRKORT_ERROR, code, _("“%s”: %s"), xlsx->display_name, what);
  return FALSE;
}

static gboolean
limit_error (GError **error, const char *message)
{
  g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
part_too_large (const Part *part, GError **error)
{
  guint mb = (guint) (part->max_bytes / STYRKORT_MB (1));
  g_autofree char *message = NULL;

  if (part->sheet_name != NULL)
    message = g_strdup_printf (_("The sheet “%s” unpacks to more than %u MB, more than Styrkort reads."),
                               part->sheet_name, mb);
  else
    message = g_strdup_printf (_("The part %s of the workbook unpacks to more than %u MB, more than Styrkort reads."),
                               part->path, mb);
  return limit_error (error, message);
}

static gboolean
text_too_long (const char *sheet_name, GError **error)
{
  g_autofree char *message = NULL;

  if (sheet_name == NULL)
    return limit_error (error, _("The workbook holds a text of more than 32,767 characters, more than a cell can hold."));
  message = g_strdup_printf (_("The sheet “%s” holds a text of more than 32,767 characters, more than a cell can "
                               "hold."), sheet_name);
  return limit_error (error, message);
}

/* Whether @text (@length bytes of UTF-8) fits in a cell. */
static gboolean
fits_cell (const char *text, gsize length)
{
  return length <= STYRKORT_CELL_MAX_CHARS ||
         (length <= STYRKORT_CELL_MAX_BYTES && g_utf8_strlen (text, (gssize) length) <= STYRKORT_CELL_MAX_CHARS);
}

/* One more level of elements; refused past STYRKORT_XLSX_MAX_DEPTH, before
 * GMarkup's own stack of open elements can grow with the file. */
static gboolean
enter (guint *depth, GError **error)
{
  g_autofree char *message = NULL;

  if (++*depth <= STYRKORT_XLSX_MAX_DEPTH)
    return TRUE;
  message = g_strdup_printf (_("The workbook’s XML is nested more than %u levels deep, which no spreadsheet "
                               "program writes."), STYRKORT_XLSX_MAX_DEPTH);
  return limit_error (error, message);
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

/* Parsing a part --------------------------------------------------------------- */

static GMarkupParseContext *
context_new (const GMarkupParser *parser, gpointer data)
{
  return g_markup_parse_context_new (parser, G_MARKUP_DEFAULT_FLAGS, data, NULL);
}

/* XML given whole (the fuzz targets and tests). */
static gboolean
parse_buffer (const Part *part, const GMarkupParser *parser, gpointer data, const char *xml, gsize length,
              GError **error)
{
  g_autoptr(GMarkupParseContext) context = context_new (parser, data);

  if (length > part->max_bytes)
    return part_too_large (part, error);
  return g_markup_parse_context_parse (context, xml, (gssize) length, error) &&
         g_markup_parse_context_end_parse (context, error);
}

/* The sizes the zip declares, checked before anything is unpacked. */
static gboolean
check_declared_size (const Part *part, const zip_stat_t *stat, GError **error)
{
  g_autofree char *message = NULL;

  if (stat->size > part->max_bytes)
    return part_too_large (part, error);
  if (!(stat->valid & ZIP_STAT_COMP_SIZE) || stat->size < STYRKORT_MB (STYRKORT_XLSX_RATIO_FROM_MB) ||
      stat->size / MAX (stat->comp_size, 1) <= STYRKORT_XLSX_MAX_RATIO)
    return TRUE;
  if (part->sheet_name != NULL)
    message = g_strdup_printf (_("The sheet “%s” unpacks to more than %u times its packed size, which only a "
                                 "damaged or deliberately crafted file does."),
                               part->sheet_name, STYRKORT_XLSX_MAX_RATIO);
  else
    message = g_strdup_printf (_("The part %s of the workbook unpacks to more than %u times its packed size, which "
                                 "only a damaged or deliberately crafted file does."),
                               part->path, STYRKORT_XLSX_MAX_RATIO);
  return limit_error (error, message);
}

/* Unpacks the part in pieces into @context, stopping at its byte budget
 * whatever the zip declared. Errors are unprefixed; see parse_part(). */
static gboolean
stream_part (zip_t *zip, const Part *part, const zip_stat_t *stat, GMarkupParseContext *context,
             gboolean *damaged, GError **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  zip_file_t *file;
  zip_int64_t got = 0;
  guint64 total = 0;
  gboolean ok = TRUE;

  if (!check_declared_size (part, stat, error))
    return FALSE;
  file = zip_fopen_index (zip, stat->index, 0);
  if (file == NULL)
    {
      *damaged = TRUE;
      return FALSE;
    }
  while (ok && (got = zip_fread (file, buffer, CHUNK_SIZE)) > 0)
    {
      total += (guint64) got;
      ok = total <= part->max_bytes ? g_markup_parse_context_parse (context, buffer, got, error)
                                    : part_too_large (part, error);
    }
  zip_fclose (file);
  if (ok && got < 0)
    {
      *damaged = TRUE;
      return FALSE;
    }
  return ok && g_markup_parse_context_end_parse (context, error);
}

static gboolean
parse_part (StyrkortXlsx *xlsx, const Part *part, const GMarkupParser *parser, gpointer data, gboolean required,
            GError **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local = NULL;
  gboolean damaged = FALSE;
  zip_stat_t stat;

  zip_stat_init (&stat);
  if (zip_stat (xlsx->zip, part->path, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) ||
      !(stat.valid & ZIP_STAT_INDEX))
    return !required || fail (xlsx, error, STYRKORT_ERROR_FOREIGN,
                              _("this is a zip archive but not an Excel workbook."));
  context = context_new (parser, data);
  if (stream_part (xlsx->zip, part, &stat, context, &damaged, &local))
    return TRUE;
  if (damaged)
    return fail (xlsx, error, STYRKORT_ERROR_CORRUPT, _("the workbook is damaged or incomplete."));
  if (local->domain == STYRKORT_ERROR)
    return fail (xlsx, error, local->code, local->message);
  g_autofree char *what = g_strdup_printf (_("the workbook is damaged (%s: %s)."), part->path, local->message);
  return fail (xlsx, error, STYRKORT_ERROR_CORRUPT, what);
}

static void
leave (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  guint *depth = data; /* every parser's state starts with its depth */
  --*depth;
}

/* workbook.xml and its relationships ---------------------------------------- */

typedef struct {
  guint depth;
  GPtrArray *names;
  GPtrArray *ids;
} SheetList;

static void
sheet_list_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
                  gpointer data, GError **error)
{
  SheetList *list = data;
  const char *name = attribute (names, values, "name"), *id = attribute (names, values, "r:id");
  g_autofree char *message = NULL;

  if (!enter (&list->depth, error) || !g_str_equal (local_name (element), "sheet") || name == NULL)
    return;
  if (list->names->len >= STYRKORT_XLSX_MAX_SHEETS)
    {
      message = g_strdup_printf (_("The workbook has more than %u sheets, more than Styrkort reads."),
                                 STYRKORT_XLSX_MAX_SHEETS);
      limit_error (error, message);
      return;
    }
  g_ptr_array_add (list->names, g_strdup (name));
  g_ptr_array_add (list->ids, g_strdup (id ? id : ""));
}

static const GMarkupParser sheet_list_parser = { sheet_list_start, leave, NULL, NULL, NULL };

gboolean
_styrkort_xlsx_parse_workbook (const char *xml, gsize length, GPtrArray *names, GPtrArray *ids, GError **error)
{
  Part part = { "xl/workbook.xml", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  SheetList list = { 0, names, ids };

  return parse_buffer (&part, &sheet_list_parser, &list, xml, length, error);
}

typedef struct {
  guint depth;
  GHashTable *targets;
} Relations;

static void
relations_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
                 gpointer data, GError **error)
{
  Relations *relations = data;
  const char *id = attribute (names, values, "Id"), *target = attribute (names, values, "Target");

  if (enter (&relations->depth, error) && g_str_equal (local_name (element), "Relationship") && id && target)
    g_hash_table_insert (relations->targets, g_strdup (id), g_strdup (target));
}

static const GMarkupParser relations_parser = { relations_start, leave, NULL, NULL, NULL };

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
  guint depth;
  GPtrArray *strings;
  GString *current;
  guint64 bytes;
  gboolean in_text;
  gboolean in_phonetic;
} Strings;

static void
strings_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
               gpointer data, GError **error)
{
  Strings *s = data;
  const char *name = local_name (element);

  if (!enter (&s->depth, error))
    return;
  if (g_str_equal (name, "si"))
    g_string_truncate (s->current, 0);
  else if (g_str_equal (name, "rPh"))
    s->in_phonetic = TRUE;
  else if (g_str_equal (name, "t"))
    s->in_text = !s->in_phonetic;
}

static gboolean
add_string (Strings *s, GError **error)
{
  g_autofree char *message = NULL;

  if (!fits_cell (s->current->str, s->current->len))
    return text_too_long (NULL, error);
  s->bytes += s->current->len;
  if (s->strings->len >= STYRKORT_XLSX_MAX_STRINGS)
    return limit_error (error, _("The workbook holds more than 2,000,000 different texts, more than Styrkort "
                                 "reads."));
  if (s->bytes > STYRKORT_MB (STYRKORT_XLSX_MAX_STRINGS_MB))
    {
      message = g_strdup_printf (_("The texts of the workbook take more than %u MB, more than Styrkort reads."),
                                 STYRKORT_XLSX_MAX_STRINGS_MB);
      return limit_error (error, message);
    }
  g_ptr_array_add (s->strings, g_ref_string_new_len (s->current->str, (gssize) s->current->len));
  return TRUE;
}

static void
strings_end (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  Strings *s = data;
  const char *name = local_name (element);

  s->depth--;
  if (g_str_equal (name, "si"))
    add_string (s, error);
  else if (g_str_equal (name, "rPh"))
    s->in_phonetic = FALSE;
  else if (g_str_equal (name, "t"))
    s->in_text = FALSE;
}

static void
strings_text (GMarkupParseContext *c, const char *text, gsize length, gpointer data, GError **error)
{
  Strings *s = data;

  if (!s->in_text)
    return;
  if (s->current->len + length > STYRKORT_CELL_MAX_BYTES)
    text_too_long (NULL, error);
  else
    g_string_append_len (s->current, text, (gssize) length);
}

static const GMarkupParser strings_parser = { strings_start, strings_end, strings_text, NULL, NULL };

static GPtrArray *
strings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release);
}

GPtrArray *
_styrkort_xlsx_parse_strings (const char *xml, gsize length, GError **error)
{
  Part part = { "xl/sharedStrings.xml", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_autoptr(GString) current = g_string_new (NULL);
  g_autoptr(GPtrArray) strings = strings_new ();
  Strings s = { 0, strings, current, 0, FALSE, FALSE };

  if (!parse_buffer (&part, &strings_parser, &s, xml, length, error))
    return NULL;
  return g_steal_pointer (&strings);
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
  GStatBuf st;
  int code = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return fail (xlsx, error, STYRKORT_ERROR_NOT_FOUND, _("the file does not exist."));
  if (g_stat (path, &st) == 0 && (guint64) st.st_size > STYRKORT_MB (STYRKORT_XLSX_MAX_FILE_MB))
    {
      g_autofree char *what = g_strdup_printf (_("the file is larger than %u MB, larger than any workbook "
                                                 "Styrkort reads."), STYRKORT_XLSX_MAX_FILE_MB);
      return fail (xlsx, error, STYRKORT_ERROR_INVALID, what);
    }
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

/* The sheets' names and where their parts are. */
static gboolean
read_index (StyrkortXlsx *xlsx, GError **error)
{
  Part workbook = { "xl/workbook.xml", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  Part rels = { "xl/_rels/workbook.xml.rels", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  SheetList list = { 0, xlsx->names, ids };
  Relations relations = { 0, targets };

  if (!parse_part (xlsx, &workbook, &sheet_list_parser, &list, TRUE, error) ||
      !parse_part (xlsx, &rels, &relations_parser, &relations, TRUE, error))
    return FALSE;
  for (guint i = 0; i < xlsx->names->len; i++)
    {
      const char *target = g_hash_table_lookup (targets, ids->pdata[i]);
      if (target != NULL)
        g_hash_table_insert (xlsx->paths, g_strdup (xlsx->names->pdata[i]), part_path (target));
    }
  return TRUE;
}

StyrkortXlsx *
styrkort_xlsx_open (const char *path, GError **error)
{
  g_autoptr(StyrkortXlsx) xlsx = g_new0 (StyrkortXlsx, 1);
  g_autoptr(GString) current = g_string_new (NULL);
  Part shared = { "xl/sharedStrings.xml", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  Strings strings = { 0, NULL, current, 0, FALSE, FALSE };

  xlsx->display_name = g_filename_display_basename (path);
  xlsx->names = g_ptr_array_new_with_free_func (g_free);
  xlsx->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xlsx->strings = strings_new ();
  strings.strings = xlsx->strings;
  if (!open_archive (xlsx, path, error) || !read_index (xlsx, error) ||
      !parse_part (xlsx, &shared, &strings_parser, &strings, FALSE, error))
    return NULL;
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

typedef enum {
  VALUE_NUMBER,
  VALUE_SHARED,
  VALUE_TEXT,   /* inlineStr, str */
  VALUE_BOOL,
  VALUE_ERROR,
} ValueType;

typedef struct {
  guint depth;
  GPtrArray *strings;     /* may be NULL */
  StyrkortSheet *sheet;
  const char *name;
  /* 64 bits: counting on from a row or column at the limit cannot wrap. */
  guint64 row, column;
  ValueType type;
  GString *value;
  gboolean in_value;
} SheetReader;

typedef enum {
  REFERENCE_OK,
  REFERENCE_BAD,
  REFERENCE_PAST_ROWS,
  REFERENCE_PAST_COLUMNS,
} Reference;

/* "AB12" → column 27 (0-based), row 11 (0-based). */
static Reference
parse_reference (const char *ref, guint64 *row, guint64 *column)
{
  guint64 col = 0, number;
  const char *p = ref;
  char *end;

  for (; g_ascii_isalpha (*p); p++)
    if (p - ref < 4) /* four letters are past XFD already */
      col = col * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
  if (!g_ascii_isdigit (*p))
    return REFERENCE_BAD;
  number = g_ascii_strtoull (p, &end, 10);
  if (col == 0 || number == 0 || *end != '\0')
    return REFERENCE_BAD;
  if (p - ref > 3 || col > STYRKORT_SHEET_MAX_COLUMNS)
    return REFERENCE_PAST_COLUMNS;
  if (number > STYRKORT_SHEET_MAX_ROWS)
    return REFERENCE_PAST_ROWS;
  *column = col - 1;
  *row = number - 1;
  return REFERENCE_OK;
}

static ValueType
value_type (const char *t)
{
  if (t == NULL)
    return VALUE_NUMBER;
  if (g_str_equal (t, "s"))
    return VALUE_SHARED;
  if (g_str_equal (t, "inlineStr") || g_str_equal (t, "str"))
    return VALUE_TEXT;
  if (g_str_equal (t, "b"))
    return VALUE_BOOL;
  if (g_str_equal (t, "e"))
    return VALUE_ERROR;
  return VALUE_NUMBER;
}

static void
row_start (SheetReader *r, const char **names, const char **values, GError **error)
{
  const char *number = attribute (names, values, "r");
  char *end = NULL;
  guint64 n;

  r->column = 0;
  if (number == NULL)
    return;
  n = g_ascii_strtoull (number, &end, 10); /* "-1" comes back as 2^64 - 1 */
  if (end == number)
    return;
  if (n > STYRKORT_SHEET_MAX_ROWS)
    _styrkort_sheet_limit_error (STYRKORT_SHEET_TOO_MANY_ROWS, r->name, error);
  else
    r->row = MAX (n, 1) - 1;
}

static void
cell_start (SheetReader *r, const char **names, const char **values, GError **error)
{
  const char *ref = attribute (names, values, "r");

  r->type = value_type (attribute (names, values, "t"));
  g_string_truncate (r->value, 0);
  switch (ref ? parse_reference (ref, &r->row, &r->column) : REFERENCE_OK)
    {
    case REFERENCE_OK:
      break;
    case REFERENCE_BAD:
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "cell reference %s", ref);
      break;
    case REFERENCE_PAST_ROWS:
      _styrkort_sheet_limit_error (STYRKORT_SHEET_TOO_MANY_ROWS, r->name, error);
      break;
    case REFERENCE_PAST_COLUMNS:
    default:
      _styrkort_sheet_limit_error (STYRKORT_SHEET_TOO_MANY_COLUMNS, r->name, error);
      break;
    }
}

static void
sheet_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
             gpointer data, GError **error)
{
  SheetReader *r = data;
  const char *name = local_name (element);

  if (!enter (&r->depth, error))
    return;
  if (g_str_equal (name, "row"))
    row_start (r, names, values, error);
  else if (g_str_equal (name, "c"))
    cell_start (r, names, values, error);
  else if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    r->in_value = TRUE;
}

/* The cell's value as read; FALSE when its text is too long for a cell. */
static gboolean
make_cell (SheetReader *r, StyrkortCell *cell, GError **error)
{
  const char *value = r->value->str;
  char *end = NULL;

  if (r->type == VALUE_SHARED)
    {
      guint64 index = g_ascii_strtoull (value, &end, 10);
      gboolean found = r->strings != NULL && index < r->strings->len;
      /* Shared, not copied: a text that 100,000 cells use is stored once. */
      *cell = (StyrkortCell) { STYRKORT_CELL_TEXT, 0,
                               found ? g_ref_string_acquire (r->strings->pdata[index]) : g_ref_string_new ("") };
      return TRUE;
    }
  if ((r->type == VALUE_TEXT || r->type == VALUE_ERROR) && !fits_cell (value, r->value->len))
    return text_too_long (r->name, error);
  if (r->type == VALUE_TEXT)
    *cell = (StyrkortCell) { STYRKORT_CELL_TEXT, 0, g_ref_string_new_len (value, (gssize) r->value->len) };
  else if (r->type == VALUE_ERROR)
    *cell = (StyrkortCell) { STYRKORT_CELL_ERROR, 0, g_ref_string_new_len (value, (gssize) r->value->len) };
  else if (r->type == VALUE_BOOL)
    *cell = (StyrkortCell) { STYRKORT_CELL_BOOL, g_str_equal (value, "1"), NULL };
  else
    {
      double number = g_ascii_strtod (value, &end);
      *cell = (StyrkortCell) { end != value ? STYRKORT_CELL_NUMBER : STYRKORT_CELL_EMPTY, number, NULL };
    }
  return TRUE;
}

static void
store_cell (SheetReader *r, GError **error)
{
  StyrkortCell cell = { STYRKORT_CELL_EMPTY, 0, NULL };
  StyrkortSheetLimit limit = STYRKORT_SHEET_WITHIN_LIMITS;

  if (r->value->len == 0 && r->type != VALUE_TEXT)
    return;
  if (!make_cell (r, &cell, error))
    return;
  if (r->row >= STYRKORT_SHEET_MAX_ROWS)
    limit = STYRKORT_SHEET_TOO_MANY_ROWS;
  else if (r->column >= STYRKORT_SHEET_MAX_COLUMNS)
    limit = STYRKORT_SHEET_TOO_MANY_COLUMNS;
  if (limit != STYRKORT_SHEET_WITHIN_LIMITS)
    g_clear_pointer (&cell.text, g_ref_string_release);
  else
    limit = _styrkort_sheet_store (r->sheet, (guint) r->row, (guint) r->column, &cell);
  if (limit != STYRKORT_SHEET_WITHIN_LIMITS)
    _styrkort_sheet_limit_error (limit, r->name, error);
}

static void
sheet_end (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  SheetReader *r = data;
  const char *name = local_name (element);

  r->depth--;
  if (g_str_equal (name, "c"))
    {
      store_cell (r, error);
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

  if (!r->in_value)
    return;
  if (r->value->len + length > STYRKORT_CELL_MAX_BYTES)
    text_too_long (r->name, error);
  else
    g_string_append_len (r->value, text, (gssize) length);
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };

StyrkortSheet *
_styrkort_xlsx_parse_sheet (const char *xml, gsize length, GPtrArray *strings, const char *name, GError **error)
{
  Part part = { "worksheet", name, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_autoptr(StyrkortSheet) sheet = styrkort_sheet_new ();
  g_autoptr(GString) value = g_string_new (NULL);
  SheetReader reader = { 0, strings, sheet, name, 0, 0, VALUE_NUMBER, value, FALSE };

  if (!parse_buffer (&part, &sheet_parser, &reader, xml, length, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

StyrkortSheet *
styrkort_xlsx_read_sheet (StyrkortXlsx *xlsx, const char *name, GError **error)
{
  const char *path = g_hash_table_lookup (xlsx->paths, name);
  Part part = { path, name, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_autoptr(StyrkortSheet) sheet = NULL;
  g_autoptr(GString) value = NULL;
  SheetReader reader;

  if (path == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("the workbook has no sheet “%s”."), name);
      fail (xlsx, error, STYRKORT_ERROR_FOREIGN, what);
      return NULL;
    }
  sheet = styrkort_sheet_new ();
  value = g_string_new (NULL);
  reader = (SheetReader) { 0, xlsx->strings, sheet, name, 0, 0, VALUE_NUMBER, value, FALSE };
  if (!parse_part (xlsx, &part, &sheet_parser, &reader, TRUE, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

/* Storage ------------------------------------------------------------------- */

/* Rows without cells all hold one shared empty array, so a cell in row
 * 1,048,576 costs a pointer per row above it, not an array. */
typedef struct {
  StyrkortSheet sheet;
  GArray *empty;
  guint64 n_cells;
  guint64 text_bytes;
} Sheet;

static void
cell_clear (StyrkortCell *cell)
{
  g_clear_pointer (&cell->text, g_ref_string_release);
}

static GArray *
row_new (void)
{
  GArray *cells = g_array_new (FALSE, TRUE, sizeof (StyrkortCell));
  g_array_set_clear_func (cells, (GDestroyNotify) cell_clear);
  return cells;
}

static GArray *
row_at (Sheet *self, guint row)
{
  GPtrArray *rows = self->sheet.rows;

  while (rows->len <= row)
    g_ptr_array_add (rows, g_array_ref (self->empty));
  if (rows->pdata[row] == self->empty)
    {
      g_array_unref (self->empty);
      rows->pdata[row] = row_new ();
    }
  return rows->pdata[row];
}

static StyrkortSheetLimit
check_limits (const Sheet *self, guint row, guint column, const StyrkortCell *cell)
{
  GPtrArray *rows = self->sheet.rows;
  guint length = row < rows->len ? ((GArray *) rows->pdata[row])->len : 0;

  if (row >= STYRKORT_SHEET_MAX_ROWS)
    return STYRKORT_SHEET_TOO_MANY_ROWS;
  if (column >= STYRKORT_SHEET_MAX_COLUMNS)
    return STYRKORT_SHEET_TOO_MANY_COLUMNS;
  if (column >= length && self->n_cells + (column + 1 - length) > STYRKORT_SHEET_MAX_CELLS)
    return STYRKORT_SHEET_TOO_MANY_CELLS;
  if (cell->text != NULL &&
      self->text_bytes + g_ref_string_length (cell->text) > STYRKORT_MB (STYRKORT_SHEET_MAX_TEXT_MB))
    return STYRKORT_SHEET_TOO_MUCH_TEXT;
  return STYRKORT_SHEET_WITHIN_LIMITS;
}

StyrkortSheetLimit
_styrkort_sheet_store (StyrkortSheet *sheet, guint row, guint column, StyrkortCell *cell)
{
  Sheet *self = (Sheet *) sheet;
  StyrkortSheetLimit limit = check_limits (self, row, column, cell);
  StyrkortCell *slot;
  GArray *cells;

  if (limit != STYRKORT_SHEET_WITHIN_LIMITS)
    {
      cell_clear (cell);
      return limit;
    }
  cells = row_at (self, row);
  if (cells->len <= column)
    {
      self->n_cells += column + 1 - cells->len;
      g_array_set_size (cells, column + 1);
    }
  slot = &g_array_index (cells, StyrkortCell, column);
  if (slot->text != NULL)
    self->text_bytes -= g_ref_string_length (slot->text);
  cell_clear (slot);
  *slot = *cell;
  if (cell->text != NULL)
    self->text_bytes += g_ref_string_length (cell->text);
  cell->text = NULL;
  return STYRKORT_SHEET_WITHIN_LIMITS;
}

static const char *
limit_message (StyrkortSheetLimit limit, gboolean csv)
{
  /* The numbers are spelled out for the translators' thousands separators;
   * they are the STYRKORT_SHEET_MAX_* limits. */
  switch (limit)
    {
    case STYRKORT_SHEET_TOO_MANY_ROWS:
      return csv ? _("The file has more than 1,048,576 rows, more than a workbook can hold.")
                 : _("The sheet “%s” has more than 1,048,576 rows, more than a workbook can hold.");
    case STYRKORT_SHEET_TOO_MANY_COLUMNS:
      return csv ? _("The file has more than 16,384 columns, more than a workbook can hold.")
                 : _("The sheet “%s” has more than 16,384 columns, more than a workbook can hold.");
    case STYRKORT_SHEET_TOO_MANY_CELLS:
      return csv ? _("The file has more than 2,000,000 cells, more than Styrkort reads.")
                 : _("The sheet “%s” has more than 2,000,000 cells, more than Styrkort reads.");
    case STYRKORT_SHEET_TOO_MUCH_TEXT:
    case STYRKORT_SHEET_WITHIN_LIMITS:
    default:
      return csv ? _("The file holds more than 128 MB of text, more than Styrkort reads.")
                 : _("The sheet “%s” holds more than 128 MB of text, more than Styrkort reads.");
    }
}

void
_styrkort_sheet_limit_error (StyrkortSheetLimit limit, const char *sheet_name, GError **error)
{
  const char *format = limit_message (limit, sheet_name == NULL);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, format, sheet_name);
#pragma GCC diagnostic pop
}

StyrkortSheet *
styrkort_sheet_new (void)
{
  Sheet *self = g_new0 (Sheet, 1);
  self->sheet.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->empty = row_new ();
  return &self->sheet;
}

void
styrkort_sheet_put (StyrkortSheet *sheet, guint row, guint column, StyrkortCell cell)
{
  StyrkortSheetLimit limit = _styrkort_sheet_store (sheet, row, column, &cell);
  g_return_if_fail (limit == STYRKORT_SHEET_WITHIN_LIMITS);
}

void
styrkort_sheet_free (StyrkortSheet *sheet)
{
  Sheet *self = (Sheet *) sheet;

  if (sheet == NULL)
    return;
  g_ptr_array_unref (self->sheet.rows);
  g_array_unref (self->empty);
  g_free (self);
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
