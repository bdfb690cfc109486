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
 * styrkort-xlsx-private.h, and a refusal names the limit.
 *
 * This file opens a workbook and reads its index (the sheets and where
 * they are); the zip and its parts are in styrkort-xlsx-package.c, the
 * number formats in styrkort-xlsx-styles.c, the texts and sheets in
 * styrkort-xlsx-sheet.c, the cells kept in styrkort-sheet.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zip.h>

#include "styrkort-types.h"
#include "styrkort-xlsx-private.h"

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
  return _styrkort_xlsx_attribute (names, values, "r:id");
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
  const char *name = _styrkort_xlsx_attribute (names, values, "name");
  const char *id = relationship_id (list->prefixes, names, values);
  const char *state = _styrkort_xlsx_attribute (names, values, "state");
  g_autofree char *message = NULL;

  if (name == NULL)
    return;
  if (list->names->len >= STYRKORT_XLSX_MAX_SHEETS)
    {
      message = g_strdup_printf (_("The workbook has more than %u sheets, more than Styrkort reads."),
                                 STYRKORT_XLSX_MAX_SHEETS);
      _styrkort_xlsx_limit_error (error, message);
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
  const char *local = _styrkort_xlsx_local_name (element);

  if (!_styrkort_xlsx_enter (&list->depth, error))
    return;
  declare_prefixes (list->prefixes, names, values);
  if (g_str_equal (local, "sheet"))
    sheet_entry (list, names, values, error);
  /* Only the workbook's own: Excel 2013 and later add an x15:workbookPr in
   * extLst, without date1904. */
  else if (g_str_equal (local, "workbookPr") && list->depth == 2)
    list->date1904 = attribute_true (_styrkort_xlsx_attribute (names, values, "date1904"));
}

static const GMarkupParser sheet_list_parser = { sheet_list_start, _styrkort_xlsx_leave, NULL, NULL, NULL };

static GHashTable *
prefixes_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gboolean
_styrkort_xlsx_parse_workbook (const char *xml, gsize length, GPtrArray *names, GPtrArray *ids, GError **error)
{
  StyrkortXlsxPart part = { "xl/workbook.xml", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_autoptr(GHashTable) prefixes = prefixes_new ();
  SheetList list = { 0, names, ids, NULL, prefixes, FALSE };

  return _styrkort_xlsx_parse_buffer (&part, &sheet_list_parser, &list, xml, length, error);
}

/* Where the workbook part is: _rels/.rels names it (usually xl/workbook.xml,
 * but any path will do, e.g. "workbook.xml" from some generators). */
static gboolean
find_workbook (StyrkortXlsx *xlsx, GError **error)
{
  StyrkortXlsxPart package = { "_rels/.rels", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_auto(StyrkortXlsxRelations) relations = { 0 };
  const char *target;

  if (!_styrkort_xlsx_read_relations (xlsx, &package, FALSE, &relations, error))
    return FALSE;
  target = _styrkort_xlsx_relation_target (&relations, "officeDocument");
  xlsx->workbook_path = target ? _styrkort_xlsx_part_path ("", target) : g_strdup ("xl/workbook.xml");
  return TRUE;
}

/* Chart sheets and dialog sheets hold no cells: they are not offered. */
static void
add_sheet (StyrkortXlsx *xlsx, const StyrkortXlsxRelations *relations, const char *folder, const char *name,
           const char *id)
{
  const char *target = g_hash_table_lookup (relations->targets, id);

  if (target == NULL || _styrkort_xlsx_relation_has_type (relations, id, "chartsheet") ||
      _styrkort_xlsx_relation_has_type (relations, id, "dialogsheet") ||
      g_hash_table_contains (xlsx->paths, name))
    return;
  g_hash_table_insert (xlsx->paths, g_strdup (name), _styrkort_xlsx_part_path (folder, target));
  g_ptr_array_add (xlsx->names, g_strdup (name));
}

/* The sheets' names and where their parts are; where the shared strings and
 * styles are (@strings_path, @styles_path: NULL when the workbook has none). */
static gboolean
read_index (StyrkortXlsx *xlsx, char **strings_path, char **styles_path, GError **error)
{
  g_autofree char *rels_path = _styrkort_xlsx_relations_path (xlsx->workbook_path);
  g_autofree char *folder = _styrkort_xlsx_part_folder (xlsx->workbook_path);
  StyrkortXlsxPart workbook = { xlsx->workbook_path, NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  StyrkortXlsxPart rels = { rels_path, NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) prefixes = prefixes_new ();
  g_auto(StyrkortXlsxRelations) relations = { 0 };
  SheetList list = { 0, names, ids, xlsx->hidden, prefixes, FALSE };
  const char *target;

  if (!_styrkort_xlsx_parse_part (xlsx, &workbook, &sheet_list_parser, &list, TRUE, error) ||
      !_styrkort_xlsx_read_relations (xlsx, &rels, TRUE, &relations, error))
    return FALSE;
  xlsx->date1904 = list.date1904;
  for (guint i = 0; i < names->len; i++)
    add_sheet (xlsx, &relations, folder, names->pdata[i], ids->pdata[i]);
  target = _styrkort_xlsx_relation_target (&relations, "sharedStrings");
  *strings_path = _styrkort_xlsx_part_path (folder, target ? target : "sharedStrings.xml");
  target = _styrkort_xlsx_relation_target (&relations, "styles");
  *styles_path = _styrkort_xlsx_part_path (folder, target ? target : "styles.xml");
  return TRUE;
}

StyrkortXlsx *
styrkort_xlsx_open (const char *path, GError **error)
{
  g_autoptr(StyrkortXlsx) xlsx = g_new0 (StyrkortXlsx, 1);
  g_autofree char *strings_path = NULL, *styles_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  xlsx->display_name = g_filename_display_basename (path);
  xlsx->names = g_ptr_array_new_with_free_func (g_free);
  xlsx->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xlsx->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xlsx->formats = g_byte_array_new ();
  if (!_styrkort_xlsx_open_archive (xlsx, path, error) || !find_workbook (xlsx, error) ||
      !read_index (xlsx, &strings_path, &styles_path, error))
    return NULL;
  xlsx->strings = _styrkort_xlsx_read_strings (xlsx, strings_path, error);
  if (xlsx->strings == NULL || !_styrkort_xlsx_read_styles (xlsx, styles_path, error))
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
