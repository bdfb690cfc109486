/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The xlsx package: the zip, each part unpacked in pieces against its byte
 * budget and parsed as it comes, the parts' relationships, and the check
 * that the file is a workbook at all (not an encrypted or old .xls one). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <zip.h>

#include "styrkort-types.h"
#include "styrkort-xlsx-private.h"

#define CHUNK_SIZE (64 * 1024)

gboolean
_styrkort_xlsx_fail (StyrkortXlsx *xlsx, GError **error, int code, const char *what)
{
  g_set_error (error, STYRKORT_ERROR, code, _("“%s”: %s"), xlsx->display_name, what);
  return FALSE;
}

gboolean
_styrkort_xlsx_limit_error (GError **error, const char *message)
{
  g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
part_too_large (const StyrkortXlsxPart *part, GError **error)
{
  guint mb = (guint) (part->max_bytes / STYRKORT_MB (1));
  g_autofree char *message = NULL;

  if (part->sheet_name != NULL)
    message = g_strdup_printf (_("The sheet “%s” unpacks to more than %u MB, more than Styrkort reads."),
                               part->sheet_name, mb);
  else
    message = g_strdup_printf (_("The part %s of the workbook unpacks to more than %u MB, more than Styrkort reads."),
                               part->path, mb);
  return _styrkort_xlsx_limit_error (error, message);
}

/* One more level of elements; refused past STYRKORT_XLSX_MAX_DEPTH, before
 * GMarkup's own stack of open elements can grow with the file. */
gboolean
_styrkort_xlsx_enter (guint *depth, GError **error)
{
  g_autofree char *message = NULL;

  if (++*depth <= STYRKORT_XLSX_MAX_DEPTH)
    return TRUE;
  message = g_strdup_printf (_("The workbook’s XML is nested more than %u levels deep, which no spreadsheet "
                               "program writes."), STYRKORT_XLSX_MAX_DEPTH);
  return _styrkort_xlsx_limit_error (error, message);
}

const char *
_styrkort_xlsx_attribute (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], wanted))
      return values[i];
  return NULL;
}

/* GMarkup element names keep their namespace prefix; xlsx writers differ
 * in whether they use one ("x:row"). */
const char *
_styrkort_xlsx_local_name (const char *element)
{
  const char *colon = strchr (element, ':');
  return colon ? colon + 1 : element;
}

void
_styrkort_xlsx_leave (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  guint *depth = data; /* every parser's state starts with its depth */
  --*depth;
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
gboolean
_styrkort_xlsx_parse_buffer (const StyrkortXlsxPart *part, const GMarkupParser *parser, gpointer data,
                             const char *xml, gsize length, GError **error)
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
check_declared_size (const StyrkortXlsxPart *part, const zip_stat_t *stat, GError **error)
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
  return _styrkort_xlsx_limit_error (error, message);
}

/* Unpacks the part in pieces into @context, stopping at its byte budget
 * whatever the zip declared. Errors are unprefixed; see _styrkort_xlsx_parse_part(). */
static gboolean
stream_part (zip_t *zip, const StyrkortXlsxPart *part, const zip_stat_t *stat, GMarkupParseContext *context,
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

/* StyrkortXlsxPart names are case-insensitive (OPC), and writers differ; some Windows
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

gboolean
_styrkort_xlsx_parse_part (StyrkortXlsx *xlsx, const StyrkortXlsxPart *part, const GMarkupParser *parser,
                           gpointer data, gboolean required, GError **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local = NULL;
  gboolean damaged = FALSE;
  zip_stat_t stat;

  if (!stat_part (xlsx->zip, part->path, &stat))
    return !required || _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_FOREIGN,
                                             _("this is a zip archive but not an Excel workbook."));
  context = context_new (parser, data);
  if (stream_part (xlsx->zip, part, &stat, context, &damaged, &local))
    return TRUE;
  if (damaged)
    return _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_CORRUPT, _("the workbook is damaged or incomplete."));
  if (local->domain == STYRKORT_ERROR)
    return _styrkort_xlsx_fail (xlsx, error, local->code, local->message);
  g_autofree char *what = g_strdup_printf (_("the workbook is damaged (%s: %s)."), part->path, local->message);
  return _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_CORRUPT, what);
}

/* Relationships ------------------------------------------------------------- */

static void
relations_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
                 gpointer data, GError **error)
{
  StyrkortXlsxRelations *relations = data;
  const char *id = _styrkort_xlsx_attribute (names, values, "Id");
  const char *target = _styrkort_xlsx_attribute (names, values, "Target");
  const char *type = _styrkort_xlsx_attribute (names, values, "Type");

  if (!_styrkort_xlsx_enter (&relations->depth, error) ||
      !g_str_equal (_styrkort_xlsx_local_name (element), "Relationship") || !id || !target)
    return;
  g_hash_table_insert (relations->targets, g_strdup (id), g_strdup (target));
  g_hash_table_insert (relations->types, g_strdup (id), g_strdup (type ? type : ""));
}

static const GMarkupParser relations_parser = { relations_start, _styrkort_xlsx_leave, NULL, NULL, NULL };

static void
relations_init (StyrkortXlsxRelations *relations)
{
  relations->depth = 0;
  relations->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  relations->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_styrkort_xlsx_relations_clear (StyrkortXlsxRelations *relations)
{
  g_clear_pointer (&relations->targets, g_hash_table_unref);
  g_clear_pointer (&relations->types, g_hash_table_unref);
}

gboolean
_styrkort_xlsx_read_relations (StyrkortXlsx *xlsx, const StyrkortXlsxPart *part, gboolean required,
                               StyrkortXlsxRelations *relations, GError **error)
{
  relations_init (relations);
  return _styrkort_xlsx_parse_part (xlsx, part, &relations_parser, relations, required, error);
}

/* Types differ between transitional and strict files only before the last
 * '/': ".../officeDocument", ".../worksheet", ".../chartsheet". */
gboolean
_styrkort_xlsx_relation_has_type (const StyrkortXlsxRelations *relations, const char *id, const char *kind)
{
  const char *type = g_hash_table_lookup (relations->types, id);
  const char *slash = type ? strrchr (type, '/') : NULL;
  return slash != NULL && g_str_equal (slash + 1, kind);
}

/* The target of the first relationship of that kind, or NULL. */
const char *
_styrkort_xlsx_relation_target (const StyrkortXlsxRelations *relations, const char *kind)
{
  GHashTableIter iter;
  gpointer id, target;

  g_hash_table_iter_init (&iter, relations->targets);
  while (g_hash_table_iter_next (&iter, &id, &target))
    if (_styrkort_xlsx_relation_has_type (relations, id, kind))
      return target;
  return NULL;
}

/* A target is relative to the folder of the part whose relationships name
 * it ("worksheets/sheet1.xml", "../xl/styles.xml"), or absolute
 * ("/xl/worksheets/sheet1.xml"); the zip's names have no leading '/'. */
char *
_styrkort_xlsx_part_path (const char *folder, const char *target)
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
char *
_styrkort_xlsx_part_folder (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? g_strndup (path, (gsize) (slash - path)) : g_strdup ("");
}

/* "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels" */
char *
_styrkort_xlsx_relations_path (const char *path)
{
  g_autofree char *folder = _styrkort_xlsx_part_folder (path);
  const char *slash = strrchr (path, '/');

  return g_strconcat (folder, *folder ? "/" : "", "_rels/", slash ? slash + 1 : path, ".rels", NULL);
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
  return _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_FOREIGN,
                              _("the workbook is password-protected or in the old .xls format. Save it as an "
                                "unprotected .xlsx workbook and try again."));
}

gboolean
_styrkort_xlsx_open_archive (StyrkortXlsx *xlsx, const char *path, GError **error)
{
  GStatBuf st;
  int code = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_NOT_FOUND, _("the file does not exist."));
  if (g_stat (path, &st) == 0 && (guint64) st.st_size > STYRKORT_MB (STYRKORT_XLSX_MAX_FILE_MB))
    {
      g_autofree char *what = g_strdup_printf (_("the file is larger than %u MB, larger than any workbook "
                                                 "Styrkort reads."), STYRKORT_XLSX_MAX_FILE_MB);
      return _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_INVALID, what);
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
    return _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_FOREIGN, _("this is not an Excel workbook (.xlsx)."));
  if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
    return _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_IO, _("the file cannot be read."));
  return _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_CORRUPT, _("the workbook is damaged or incomplete."));
}

guint
_styrkort_xlsx_read_uint (const char *text)
{
  guint64 n = text ? g_ascii_strtoull (text, NULL, 10) : 0;
  return (guint) MIN (n, G_MAXUINT);
}
