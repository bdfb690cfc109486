/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the cells of an xlsx workbook (libzip + GMarkup): the one reader
 * that the import and the city overview share.
 *
 * An xlsx is a zip of XML parts: _rels/.rels says which part is the
 * workbook (usually xl/workbook.xml), which names the sheets; its
 * relationships (xl/_rels/workbook.xml.rels) say which part each sheet is,
 * and where the shared strings (the texts that cells refer to by number) and
 * the styles are. Only values are read: formulas are taken by their cached
 * results, and of the formatting only what changes the number people see:
 * percentages (0.125 shown as 12.5 % reads as 12.5) and dates (serial days
 * since 1899-12-30 whatever the workbook's date system).
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

/* What a cell's number format does to its number. */
typedef enum {
  FORMAT_GENERAL,
  FORMAT_PERCENT,
  FORMAT_DATE,
  FORMAT_DURATION,        /* [h]:mm and the like: a length of time */
} Format;

struct _StyrkortXlsx {
  zip_t *zip;
  char *display_name;
  char *workbook_path;    /* usually xl/workbook.xml */
  GPtrArray *names;       /* char*, NULL-terminated; worksheets only */
  GHashTable *paths;      /* sheet name -> part path */
  GHashTable *hidden;     /* names of hidden sheets */
  GPtrArray *strings;     /* shared strings, GRefString */
  GByteArray *formats;    /* Format of each cell style (cellXfs) */
  gboolean date1904;
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

/* Some writers put a text's characters in CDATA sections. */
static GMarkupParseContext *
context_new (const GMarkupParser *parser, gpointer data)
{
  return g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, data, NULL);
}

/* Some writers (.NET's among them) start every part with a UTF-8 byte-order
 * mark, which GMarkup takes for text before the first element. */
static gsize
bom_length (const char *xml, gsize length)
{
  return length >= 3 && memcmp (xml, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/* XML given whole (the fuzz targets and tests). */
static gboolean
parse_buffer (const Part *part, const GMarkupParser *parser, gpointer data, const char *xml, gsize length,
              GError **error)
{
  g_autoptr(GMarkupParseContext) context = context_new (parser, data);
  gsize skip = bom_length (xml, length);

  if (length > part->max_bytes)
    return part_too_large (part, error);
  return g_markup_parse_context_parse (context, xml + skip, (gssize) (length - skip), error) &&
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
      gsize skip = total == 0 ? bom_length (buffer, (gsize) got) : 0;
      total += (guint64) got;
      ok = total <= part->max_bytes ? g_markup_parse_context_parse (context, buffer + skip, got - (gssize) skip, error)
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

/* Part names are case-insensitive (OPC), and writers differ; some Windows
 * tools store "xl\\workbook.xml" with backslashes. */
static gboolean
stat_part (zip_t *zip, const char *path, zip_stat_t *stat)
{
  g_autofree char *windows = NULL;

  zip_stat_init (stat);
  if (zip_stat (zip, path, ZIP_FL_NOCASE, stat) != 0)
    {
      windows = g_strdelimit (g_strdup (path), "/", '\\');
      zip_stat_init (stat);
      if (zip_stat (zip, windows, ZIP_FL_NOCASE, stat) != 0)
        return FALSE;
    }
  return (stat->valid & ZIP_STAT_SIZE) && (stat->valid & ZIP_STAT_INDEX);
}

static gboolean
parse_part (StyrkortXlsx *xlsx, const Part *part, const GMarkupParser *parser, gpointer data, gboolean required,
            GError **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local = NULL;
  gboolean damaged = FALSE;
  zip_stat_t stat;

  if (!stat_part (xlsx->zip, part->path, &stat))
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
  GHashTable *hidden;     /* may be NULL */
  GHashTable *prefixes;   /* namespace prefix -> URI, as declared so far */
  gboolean date1904;
} SheetList;

/* Writers choose their own prefixes ("r:id", "d3p1:id"): a relationship id
 * is an "id" attribute in a relationships namespace, transitional or strict. */
static gboolean
is_relationships_namespace (const char *uri)
{
  return uri != NULL && (g_str_equal (uri, "http://schemas.openxmlformats.org/officeDocument/2006/relationships") ||
                         g_str_equal (uri, "http://purl.oclc.org/ooxml/officeDocument/relationships"));
}

static void
declare_prefixes (GHashTable *prefixes, const char **names, const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "xmlns:") && g_hash_table_size (prefixes) < 64)
      g_hash_table_insert (prefixes, g_strdup (names[i] + 6), g_strdup (values[i]));
}

static const char *
relationship_id (GHashTable *prefixes, const char **names, const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *colon = strchr (names[i], ':');
      g_autofree char *prefix = colon ? g_strndup (names[i], (gsize) (colon - names[i])) : NULL;
      const char *uri;

      if (colon == NULL || !g_str_equal (colon + 1, "id") || g_str_equal (prefix, "xmlns"))
        continue;
      uri = g_hash_table_lookup (prefixes, prefix);
      if (is_relationships_namespace (uri))
        return values[i];
    }
  /* "r:id" is what everyone means, however "r" is bound (or not at all). */
  return attribute (names, values, "r:id");
}

/* "1", "true" and "on" all mean true in XML Schema's and Excel's booleans. */
static gboolean
attribute_true (const char *value)
{
  return value != NULL && (g_str_equal (value, "1") || g_ascii_strcasecmp (value, "true") == 0 ||
                           g_ascii_strcasecmp (value, "on") == 0);
}

static void
sheet_entry (SheetList *list, const char **names, const char **values, GError **error)
{
  const char *name = attribute (names, values, "name");
  const char *id = relationship_id (list->prefixes, names, values);
  const char *state = attribute (names, values, "state");
  g_autofree char *message = NULL;

  if (name == NULL)
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
  if (list->hidden != NULL && state != NULL && !g_str_equal (state, "visible"))
    g_hash_table_add (list->hidden, g_strdup (name));
}

static void
sheet_list_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
                  gpointer data, GError **error)
{
  SheetList *list = data;
  const char *local = local_name (element);

  if (!enter (&list->depth, error))
    return;
  declare_prefixes (list->prefixes, names, values);
  if (g_str_equal (local, "sheet"))
    sheet_entry (list, names, values, error);
  /* Only the workbook's own: Excel 2013 and later add an x15:workbookPr in
   * extLst, without date1904. */
  else if (g_str_equal (local, "workbookPr") && list->depth == 2)
    list->date1904 = attribute_true (attribute (names, values, "date1904"));
}

static const GMarkupParser sheet_list_parser = { sheet_list_start, leave, NULL, NULL, NULL };

static GHashTable *
prefixes_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gboolean
_styrkort_xlsx_parse_workbook (const char *xml, gsize length, GPtrArray *names, GPtrArray *ids, GError **error)
{
  Part part = { "xl/workbook.xml", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_autoptr(GHashTable) prefixes = prefixes_new ();
  SheetList list = { 0, names, ids, NULL, prefixes, FALSE };

  return parse_buffer (&part, &sheet_list_parser, &list, xml, length, error);
}

typedef struct {
  guint depth;
  GHashTable *targets;    /* id -> target */
  GHashTable *types;      /* id -> relationship type */
} Relations;

static void
relations_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
                 gpointer data, GError **error)
{
  Relations *relations = data;
  const char *id = attribute (names, values, "Id"), *target = attribute (names, values, "Target");
  const char *type = attribute (names, values, "Type");

  if (!enter (&relations->depth, error) || !g_str_equal (local_name (element), "Relationship") || !id || !target)
    return;
  g_hash_table_insert (relations->targets, g_strdup (id), g_strdup (target));
  g_hash_table_insert (relations->types, g_strdup (id), g_strdup (type ? type : ""));
}

static const GMarkupParser relations_parser = { relations_start, leave, NULL, NULL, NULL };

static void
relations_init (Relations *relations)
{
  relations->depth = 0;
  relations->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  relations->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
relations_clear (Relations *relations)
{
  g_clear_pointer (&relations->targets, g_hash_table_unref);
  g_clear_pointer (&relations->types, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Relations, relations_clear)

/* Types differ between transitional and strict files only before the last
 * '/': ".../officeDocument", ".../worksheet", ".../chartsheet". */
static gboolean
has_type (const Relations *relations, const char *id, const char *kind)
{
  const char *type = g_hash_table_lookup (relations->types, id);
  const char *slash = type ? strrchr (type, '/') : NULL;
  return slash != NULL && g_str_equal (slash + 1, kind);
}

/* The target of the first relationship of that kind, or NULL. */
static const char *
target_of_type (const Relations *relations, const char *kind)
{
  GHashTableIter iter;
  gpointer id, target;

  g_hash_table_iter_init (&iter, relations->targets);
  while (g_hash_table_iter_next (&iter, &id, &target))
    if (has_type (relations, id, kind))
      return target;
  return NULL;
}

/* A target is relative to the folder of the part whose relationships name
 * it ("worksheets/sheet1.xml", "../xl/styles.xml"), or absolute
 * ("/xl/worksheets/sheet1.xml"); the zip's names have no leading '/'. */
static char *
part_path (const char *folder, const char *target)
{
  g_autofree char *joined = target[0] == '/' ? g_strdup (target + 1) : g_build_path ("/", folder, target, NULL);
  g_auto(GStrv) segments = g_strsplit (joined, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_equal (segments[i], "..") && kept->len > 0)
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (*segments[i] != '\0' && !g_str_equal (segments[i], ".") && !g_str_equal (segments[i], ".."))
        g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* "xl/workbook.xml" -> "xl"; "workbook.xml" -> "" */
static char *
part_folder (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? g_strndup (path, (gsize) (slash - path)) : g_strdup ("");
}

/* "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels" */
static char *
relations_path (const char *path)
{
  g_autofree char *folder = part_folder (path);
  const char *slash = strrchr (path, '/');

  return g_strconcat (folder, *folder ? "/" : "", "_rels/", slash ? slash + 1 : path, ".rels", NULL);
}

/* Texts ---------------------------------------------------------------------- */

static gboolean
read_escape (const char *p, gunichar *code)
{
  char digits[5] = { 0 };

  if (p[0] != '_' || p[1] != 'x' || !g_ascii_isxdigit (p[2]) || !g_ascii_isxdigit (p[3]) ||
      !g_ascii_isxdigit (p[4]) || !g_ascii_isxdigit (p[5]) || p[6] != '_')
    return FALSE;
  memcpy (digits, p + 2, 4);
  *code = (gunichar) g_ascii_strtoull (digits, NULL, 16);
  return TRUE;
}

/* Excel writes characters that XML cannot hold as "_xHHHH_" (UTF-16 code
 * units: "_x000D_" is a carriage return) and a literal "_x" that looks like
 * one with its '_' escaped: "_x005F_x000D_" is the text "_x000D_". Decoded
 * in place: the text only gets shorter. */
static void
decode_escapes (GString *text)
{
  gsize in = 0, out = 0;
  gunichar code, low;

  if (strstr (text->str, "_x") == NULL)
    return;
  while (in < text->len)
    {
      if (read_escape (text->str + in, &code) && code >= 0xd800 && code < 0xdc00 &&
          read_escape (text->str + in + 7, &low) && low >= 0xdc00 && low < 0xe000)
        {
          out += (gsize) g_unichar_to_utf8 (0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00), text->str + out);
          in += 14;
        }
      else if (read_escape (text->str + in, &code) && code != 0 && g_unichar_validate (code))
        {
          out += (gsize) g_unichar_to_utf8 (code, text->str + out);
          in += 7;
        }
      else
        text->str[out++] = text->str[in++];
    }
  g_string_truncate (text, out);
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

  decode_escapes (s->current);
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

/* Styles --------------------------------------------------------------------- */

/* Excel has at most 64,000 cell styles and a few hundred number formats;
 * past this many, cells read as General rather than cost memory. */
#define MAX_STYLES 65536u

/* A number format's first section ("0.0%;[Red]-0.0%") with quoted text,
 * escaped and padding characters ("\%", "_)", "*-") and brackets ("[Red]",
 * "[$-41D]") left out: what is left decides. Elapsed time ([h], [mm], [ss])
 * is a duration, which no date system shifts. */
static Format
classify_format_code (const char *code)
{
  gboolean percent = FALSE;

  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      if (*p == '"')
        while (p[1] != '\0' && *++p != '"')
          ;
      else if ((*p == '\\' || *p == '_' || *p == '*') && p[1] != '\0')
        p++;
      else if (*p == '[' && p[1] != '\0' && strchr ("hHmMsS", p[1]) != NULL)
        return FORMAT_DURATION;
      else if (*p == '[')
        while (p[1] != '\0' && *++p != ']')
          ;
      else if (strchr ("dmhysDMHYS", *p) != NULL)
        return FORMAT_DATE;
      else if (*p == '%')
        percent = TRUE;
    }
  return percent ? FORMAT_PERCENT : FORMAT_GENERAL;
}

/* Excel's built-in formats: 9 and 10 are 0% and 0.00%, 14 to 22 and 45 to
 * 47 dates and times, 46 of them [h]:mm:ss. */
static Format
classify_builtin (guint id)
{
  if (id == 9 || id == 10)
    return FORMAT_PERCENT;
  if (id == 46)
    return FORMAT_DURATION;
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
    return FORMAT_DATE;
  return FORMAT_GENERAL;
}

typedef struct {
  guint depth;
  GHashTable *custom;     /* numFmtId -> Format + 1 */
  GArray *ids;            /* numFmtId of each cell style, guint */
  gboolean in_cell_xfs;
} Styles;

static guint
read_uint (const char *text)
{
  guint64 n = text ? g_ascii_strtoull (text, NULL, 10) : 0;
  return (guint) MIN (n, G_MAXUINT);
}

static void
styles_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
              gpointer data, GError **error)
{
  Styles *st = data;
  const char *name = local_name (element);
  const char *code = attribute (names, values, "formatCode");
  guint id = read_uint (attribute (names, values, "numFmtId"));

  if (!enter (&st->depth, error))
    return;
  if (g_str_equal (name, "cellXfs"))
    st->in_cell_xfs = TRUE;
  else if (g_str_equal (name, "xf") && st->in_cell_xfs && st->ids->len < MAX_STYLES)
    g_array_append_val (st->ids, id);
  else if (g_str_equal (name, "numFmt") && code != NULL && g_hash_table_size (st->custom) < MAX_STYLES)
    g_hash_table_insert (st->custom, GUINT_TO_POINTER (id), GUINT_TO_POINTER (classify_format_code (code) + 1));
}

static void
styles_end (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  Styles *st = data;

  st->depth--;
  if (g_str_equal (local_name (element), "cellXfs"))
    st->in_cell_xfs = FALSE;
}

static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };

/* Each cell style's Format; custom formats may reuse a built-in id. */
static void
styles_resolve (const Styles *st, GByteArray *formats)
{
  for (guint i = 0; i < st->ids->len; i++)
    {
      guint id = g_array_index (st->ids, guint, i);
      gpointer custom = g_hash_table_lookup (st->custom, GUINT_TO_POINTER (id));
      guint8 format = (guint8) (custom ? GPOINTER_TO_UINT (custom) - 1 : classify_builtin (id));
      g_byte_array_append (formats, &format, 1);
    }
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

#define OLE_MAGIC ((const guchar *) "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

/* Whether directory entry @entry (128 bytes) of an OLE file is the stream
 * "EncryptedPackage": its name in UTF-16LE, then the name's length in bytes
 * with the terminating zero (34) at byte 64. */
static gboolean
is_encrypted_package (const guchar *entry)
{
  static const char name[] = "EncryptedPackage";

  for (guint i = 0; i < sizeof name; i++)
    if (entry[2 * i] != (guchar) name[i] || entry[2 * i + 1] != 0)
      return FALSE;
  return entry[64] == 2 * sizeof name && entry[65] == 0;
}

/* Whether the OLE file at @path holds an encrypted workbook. Its directory
 * may be anywhere, but its entries always start at a multiple of 128 bytes
 * (sectors are 512 or 4096 bytes), so those are all that is looked at. The
 * file is at most STYRKORT_XLSX_MAX_FILE_MB. */
static gboolean
holds_encrypted_package (const char *path)
{
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  FILE *f = g_fopen (path, "rb");
  gboolean found = FALSE;
  gsize got;

  if (f == NULL)
    return FALSE;
  while (!found && (got = fread (buffer, 1, CHUNK_SIZE, f)) >= 128)
    for (gsize at = 0; !found && at + 128 <= got; at += 128)
      found = is_encrypted_package (buffer + at);
  fclose (f);
  return found;
}

static gboolean
refuse_ole (StyrkortXlsx *xlsx, const char *path, GError **error)
{
  if (holds_encrypted_package (path))
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN,
                   _("“%s” is protected with a password. Open it in Excel, remove the password (File › Info › "
                     "Protect Workbook), save, and import again."), xlsx->display_name);
      return FALSE;
    }
  return fail (xlsx, error, STYRKORT_ERROR_FOREIGN,
               _("the workbook is password-protected or in the old .xls format. Save it as an "
                 "unprotected .xlsx workbook and try again."));
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
  if (starts_with (path, OLE_MAGIC, 8))
    return refuse_ole (xlsx, path, error);
  /* No ZIP_CHECKCONS: it refuses files whose local headers differ from the
   * central directory in ways every other reader ignores (a data descriptor,
   * another extra field). Each part's CRC is still checked as it is read. */
  xlsx->zip = zip_open (path, ZIP_RDONLY, &code);
  if (xlsx->zip != NULL)
    return TRUE;
  /* A zip whose end is missing (a copy cut short) has no directory to find. */
  if (code == ZIP_ER_NOZIP && !starts_with (path, (const guchar *) "PK\003\004", 4))
    return fail (xlsx, error, STYRKORT_ERROR_FOREIGN, _("this is not an Excel workbook (.xlsx)."));
  if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
    return fail (xlsx, error, STYRKORT_ERROR_IO, _("the file cannot be read."));
  return fail (xlsx, error, STYRKORT_ERROR_CORRUPT, _("the workbook is damaged or incomplete."));
}

/* Where the workbook part is: _rels/.rels names it (usually xl/workbook.xml,
 * but any path will do, e.g. "workbook.xml" from some generators). */
static gboolean
find_workbook (StyrkortXlsx *xlsx, GError **error)
{
  Part package = { "_rels/.rels", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_auto(Relations) relations = { 0 };
  const char *target;

  relations_init (&relations);
  if (!parse_part (xlsx, &package, &relations_parser, &relations, FALSE, error))
    return FALSE;
  target = target_of_type (&relations, "officeDocument");
  xlsx->workbook_path = target ? part_path ("", target) : g_strdup ("xl/workbook.xml");
  return TRUE;
}

/* Chart sheets and dialog sheets hold no cells: they are not offered. */
static void
add_sheet (StyrkortXlsx *xlsx, const Relations *relations, const char *folder, const char *name, const char *id)
{
  const char *target = g_hash_table_lookup (relations->targets, id);

  if (target == NULL || has_type (relations, id, "chartsheet") || has_type (relations, id, "dialogsheet") ||
      g_hash_table_contains (xlsx->paths, name))
    return;
  g_hash_table_insert (xlsx->paths, g_strdup (name), part_path (folder, target));
  g_ptr_array_add (xlsx->names, g_strdup (name));
}

/* The sheets' names and where their parts are; where the shared strings and
 * styles are (@strings_path, @styles_path: NULL when the workbook has none). */
static gboolean
read_index (StyrkortXlsx *xlsx, char **strings_path, char **styles_path, GError **error)
{
  g_autofree char *rels_path = relations_path (xlsx->workbook_path);
  g_autofree char *folder = part_folder (xlsx->workbook_path);
  Part workbook = { xlsx->workbook_path, NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  Part rels = { rels_path, NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) prefixes = prefixes_new ();
  g_auto(Relations) relations = { 0 };
  SheetList list = { 0, names, ids, xlsx->hidden, prefixes, FALSE };
  const char *target;

  relations_init (&relations);
  if (!parse_part (xlsx, &workbook, &sheet_list_parser, &list, TRUE, error) ||
      !parse_part (xlsx, &rels, &relations_parser, &relations, TRUE, error))
    return FALSE;
  xlsx->date1904 = list.date1904;
  for (guint i = 0; i < names->len; i++)
    add_sheet (xlsx, &relations, folder, names->pdata[i], ids->pdata[i]);
  target = target_of_type (&relations, "sharedStrings");
  *strings_path = part_path (folder, target ? target : "sharedStrings.xml");
  target = target_of_type (&relations, "styles");
  *styles_path = part_path (folder, target ? target : "styles.xml");
  return TRUE;
}

static gboolean
read_styles (StyrkortXlsx *xlsx, const char *path, GError **error)
{
  Part part = { path, NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  Styles styles = { 0, custom, ids, FALSE };

  if (!parse_part (xlsx, &part, &styles_parser, &styles, FALSE, error))
    return FALSE;
  styles_resolve (&styles, xlsx->formats);
  return TRUE;
}

StyrkortXlsx *
styrkort_xlsx_open (const char *path, GError **error)
{
  g_autoptr(StyrkortXlsx) xlsx = g_new0 (StyrkortXlsx, 1);
  g_autoptr(GString) current = g_string_new (NULL);
  g_autofree char *strings_path = NULL, *styles_path = NULL;
  Part shared = { NULL, NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  Strings strings = { 0, NULL, current, 0, FALSE, FALSE };

  g_return_val_if_fail (path != NULL, NULL);
  xlsx->display_name = g_filename_display_basename (path);
  xlsx->names = g_ptr_array_new_with_free_func (g_free);
  xlsx->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xlsx->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xlsx->strings = strings_new ();
  xlsx->formats = g_byte_array_new ();
  strings.strings = xlsx->strings;
  if (!open_archive (xlsx, path, error) || !find_workbook (xlsx, error) ||
      !read_index (xlsx, &strings_path, &styles_path, error))
    return NULL;
  shared.path = strings_path;
  if (!parse_part (xlsx, &shared, &strings_parser, &strings, FALSE, error) || !read_styles (xlsx, styles_path, error))
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
  g_free (xlsx->workbook_path);
  g_clear_pointer (&xlsx->names, g_ptr_array_unref);
  g_clear_pointer (&xlsx->paths, g_hash_table_unref);
  g_clear_pointer (&xlsx->hidden, g_hash_table_unref);
  g_clear_pointer (&xlsx->strings, g_ptr_array_unref);
  g_clear_pointer (&xlsx->formats, g_byte_array_unref);
  g_free (xlsx);
}

const char * const *
styrkort_xlsx_sheet_names (StyrkortXlsx *xlsx)
{
  return (const char * const *) xlsx->names->pdata;
}

gboolean
styrkort_xlsx_sheet_is_hidden (StyrkortXlsx *xlsx, const char *name)
{
  g_return_val_if_fail (xlsx != NULL && name != NULL, FALSE);
  return g_hash_table_contains (xlsx->hidden, name);
}

/* Sheets -------------------------------------------------------------------- */

typedef enum {
  VALUE_NUMBER,
  VALUE_SHARED,
  VALUE_INLINE, /* inlineStr: the text in <is>, else in <v> */
  VALUE_TEXT,   /* str, a formula's text */
  VALUE_BOOL,
  VALUE_ERROR,
  VALUE_DATE,   /* an ISO 8601 date and time */
} ValueType;

typedef struct {
  guint depth;
  GPtrArray *strings;     /* may be NULL */
  StyrkortSheet *sheet;
  const char *name;
  GByteArray *formats;    /* Format of each cell style; may be NULL */
  gboolean date1904;
  /* 64 bits: counting on from a row or column at the limit cannot wrap. */
  guint64 row, column;
  ValueType type;
  Format format;
  GString *value;         /* <v> */
  GString *inline_text;   /* <is>'s <t>s, phonetic runs left out */
  gboolean in_value, in_inline, in_phonetic, in_text, has_inline;
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
  if (g_str_equal (t, "inlineStr"))
    return VALUE_INLINE;
  if (g_str_equal (t, "str"))
    return VALUE_TEXT;
  if (g_str_equal (t, "d"))
    return VALUE_DATE;
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
  guint style = read_uint (attribute (names, values, "s"));

  r->type = value_type (attribute (names, values, "t"));
  r->format = r->formats != NULL && style < r->formats->len ? r->formats->data[style] : FORMAT_GENERAL;
  g_string_truncate (r->value, 0);
  g_string_truncate (r->inline_text, 0);
  r->has_inline = FALSE;
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
  else if (g_str_equal (name, "v"))
    r->in_value = TRUE;
  else if (g_str_equal (name, "is"))
    r->in_inline = r->has_inline = TRUE;
  else if (g_str_equal (name, "rPh"))
    r->in_phonetic = TRUE;
  else if (g_str_equal (name, "t"))
    r->in_text = r->in_inline && !r->in_phonetic;
}

/* Days since 1899-12-30, as Excel counts them: it takes 1900 for a leap
 * year, so its days before March 1900 are one less. */
static double
serial_from_date (const GDate *date)
{
  g_autoptr(GDate) base = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  gint64 days = (gint64) g_date_get_julian (date) - (gint64) g_date_get_julian (base);

  return (double) (days > 0 && days <= 60 ? days - 1 : days);
}

/* "2026-04-30", "2026-04-30T13:30:00", "2026-04-30T13:30:00.5Z" or a time
 * alone, "13:30:00", as Excel's serial number; FALSE for anything else. */
static gboolean
serial_from_iso (const char *text, double *serial)
{
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, used = 0;
  double second = 0;
  const char *time = text;

  *serial = 0;
  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &used) == 3)
    {
      if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || year > 9999)
        return FALSE;
      g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
      *serial = serial_from_date (date);
      if (text[used] == '\0')
        return TRUE;
      if (text[used] != 'T' && text[used] != ' ')
        return FALSE;
      time = text + used + 1;
    }
  used = 0;
  if (sscanf (time, "%2d:%2d%n", &hour, &minute, &used) != 2 || hour > 24 || minute > 59)
    return FALSE;
  if (time[used] == ':')
    second = g_ascii_strtod (time + used + 1, NULL);
  *serial += (hour * 3600 + minute * 60 + CLAMP (second, 0, 60)) / 86400;
  return TRUE;
}

/* The number as people see it: a percentage as its percent (0.125 shown as
 * 12.5 % is 12.5; rounded to 15 digits, so 0.073 gives 7.3, not
 * 7.300000000000001), a date in the 1904 system as a 1900 serial. */
static double
shown_number (const SheetReader *r, double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (r->format == FORMAT_PERCENT)
    return g_ascii_strtod (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number * 100), NULL);
  /* Day 0 of the 1904 system is 1904-01-01, day 1462 of the 1900 system;
   * a number below 1 is a time of day in either. */
  if (r->format == FORMAT_DATE && r->date1904 && number >= 1)
    return number + 1462;
  return number;
}

static gboolean
text_cell (SheetReader *r, StyrkortCellType type, GString *text, StyrkortCell *cell, GError **error)
{
  decode_escapes (text);
  if (!fits_cell (text->str, text->len))
    return text_too_long (r->name, error);
  *cell = (StyrkortCell) { type, 0, g_ref_string_new_len (text->str, (gssize) text->len) };
  return TRUE;
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
  if (r->type == VALUE_INLINE)
    return text_cell (r, STYRKORT_CELL_TEXT, r->has_inline ? r->inline_text : r->value, cell, error);
  if (r->type == VALUE_TEXT)
    return text_cell (r, STYRKORT_CELL_TEXT, r->value, cell, error);
  if (r->type == VALUE_ERROR)
    return text_cell (r, STYRKORT_CELL_ERROR, r->value, cell, error);
  if (r->type == VALUE_BOOL)
    *cell = (StyrkortCell) { STYRKORT_CELL_BOOL, g_str_equal (value, "1"), NULL };
  else if (r->type == VALUE_DATE)
    {
      double serial;
      /* Dates read as the serial numbers that other writers store. */
      if (serial_from_iso (g_strstrip (r->value->str), &serial))
        *cell = (StyrkortCell) { STYRKORT_CELL_NUMBER, serial, NULL };
      else
        return text_cell (r, STYRKORT_CELL_TEXT, r->value, cell, error);
    }
  else
    {
      double number = g_ascii_strtod (value, &end);
      *cell = (StyrkortCell) { end != value ? STYRKORT_CELL_NUMBER : STYRKORT_CELL_EMPTY, shown_number (r, number),
                               NULL };
    }
  return TRUE;
}

static void
store_cell (SheetReader *r, GError **error)
{
  StyrkortCell cell = { STYRKORT_CELL_EMPTY, 0, NULL };
  StyrkortSheetLimit limit = STYRKORT_SHEET_WITHIN_LIMITS;

  if (r->value->len == 0 && r->type != VALUE_TEXT && !(r->type == VALUE_INLINE && r->has_inline))
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
  else if (g_str_equal (name, "v"))
    r->in_value = FALSE;
  else if (g_str_equal (name, "is"))
    r->in_inline = FALSE;
  else if (g_str_equal (name, "rPh"))
    r->in_phonetic = FALSE;
  else if (g_str_equal (name, "t"))
    r->in_text = FALSE;
}

static void
sheet_text (GMarkupParseContext *c, const char *text, gsize length, gpointer data, GError **error)
{
  SheetReader *r = data;
  GString *target = r->in_value ? r->value : r->in_text ? r->inline_text : NULL;

  if (target == NULL)
    return;
  if (target->len + length > STYRKORT_CELL_MAX_BYTES)
    text_too_long (r->name, error);
  else
    g_string_append_len (target, text, (gssize) length);
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };

static void
sheet_reader_clear (SheetReader *r)
{
  g_clear_pointer (&r->sheet, styrkort_sheet_free);
  if (r->value != NULL)
    g_string_free (r->value, TRUE);
  if (r->inline_text != NULL)
    g_string_free (r->inline_text, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SheetReader, sheet_reader_clear)

static SheetReader
sheet_reader_new (GPtrArray *strings, const char *name)
{
  return (SheetReader) { .strings = strings, .sheet = styrkort_sheet_new (), .name = name, .type = VALUE_NUMBER,
                         .value = g_string_new (NULL), .inline_text = g_string_new (NULL) };
}

StyrkortSheet *
_styrkort_xlsx_parse_sheet (const char *xml, gsize length, GPtrArray *strings, const char *name, GError **error)
{
  Part part = { "worksheet", name, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_auto(SheetReader) reader = sheet_reader_new (strings, name);

  if (!parse_buffer (&part, &sheet_parser, &reader, xml, length, error))
    return NULL;
  return g_steal_pointer (&reader.sheet);
}

StyrkortSheet *
styrkort_xlsx_read_sheet (StyrkortXlsx *xlsx, const char *name, GError **error)
{
  const char *path;
  Part part = { NULL, name, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_auto(SheetReader) reader = { 0 };

  g_return_val_if_fail (xlsx != NULL && name != NULL, NULL);
  path = g_hash_table_lookup (xlsx->paths, name);
  if (path == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("the workbook has no sheet “%s”."), name);
      fail (xlsx, error, STYRKORT_ERROR_FOREIGN, what);
      return NULL;
    }
  part.path = path;
  reader = sheet_reader_new (xlsx->strings, name);
  reader.formats = xlsx->formats;
  reader.date1904 = xlsx->date1904;
  if (!parse_part (xlsx, &part, &sheet_parser, &reader, TRUE, error))
    return NULL;
  return g_steal_pointer (&reader.sheet);
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
