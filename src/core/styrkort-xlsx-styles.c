/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The styles part of an xlsx workbook: of the formatting, only what changes
 * the number people see (percentages, dates, durations). */
#include "config.h"

#include <string.h>

#include "styrkort-xlsx-private.h"

/* Excel has at most 64,000 cell styles and a few hundred number formats;
 * past this many, cells read as General rather than cost memory. */
#define MAX_STYLES 65536u

/* A number format's first section ("0.0%;[Red]-0.0%") with quoted text,
 * escaped and padding characters ("\%", "_)", "*-") and brackets ("[Red]",
 * "[$-41D]") left out: what is left decides. Elapsed time ([h], [mm], [ss])
 * is a duration, which no date system shifts. */
static StyrkortXlsxFormat
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
        return STYRKORT_XLSX_FORMAT_DURATION;
      else if (*p == '[')
        while (p[1] != '\0' && *++p != ']')
          ;
      else if (strchr ("dmhysDMHYS", *p) != NULL)
        return STYRKORT_XLSX_FORMAT_DATE;
      else if (*p == '%')
        percent = TRUE;
    }
  return percent ? STYRKORT_XLSX_FORMAT_PERCENT : STYRKORT_XLSX_FORMAT_GENERAL;
}

/* Excel's built-in formats: 9 and 10 are 0% and 0.00%, 14 to 22 and 45 to
 * 47 dates and times, 46 of them [h]:mm:ss. */
static StyrkortXlsxFormat
classify_builtin (guint id)
{
  if (id == 9 || id == 10)
    return STYRKORT_XLSX_FORMAT_PERCENT;
  if (id == 46)
    return STYRKORT_XLSX_FORMAT_DURATION;
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
    return STYRKORT_XLSX_FORMAT_DATE;
  return STYRKORT_XLSX_FORMAT_GENERAL;
}

typedef struct {
  guint depth;
  GHashTable *custom;     /* numFmtId -> Format + 1 */
  GArray *ids;            /* numFmtId of each cell style, guint */
  gboolean in_cell_xfs;
} Styles;

static void
styles_start (GMarkupParseContext *c, const char *element, const char **names, const char **values,
              gpointer data, GError **error)
{
  Styles *st = data;
  const char *name = _styrkort_xlsx_local_name (element);
  const char *code = _styrkort_xlsx_attribute (names, values, "formatCode");
  guint id = _styrkort_xlsx_read_uint (_styrkort_xlsx_attribute (names, values, "numFmtId"));

  if (!_styrkort_xlsx_enter (&st->depth, error))
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
  if (g_str_equal (_styrkort_xlsx_local_name (element), "cellXfs"))
    st->in_cell_xfs = FALSE;
}

static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };

/* Each cell style's StyrkortXlsxFormat; custom formats may reuse a built-in id. */
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

gboolean
_styrkort_xlsx_read_styles (StyrkortXlsx *xlsx, const char *path, GError **error)
{
  StyrkortXlsxPart part = { path, NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_INDEX_MB) };
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  Styles styles = { 0, custom, ids, FALSE };

  if (!_styrkort_xlsx_parse_part (xlsx, &part, &styles_parser, &styles, FALSE, error))
    return FALSE;
  styles_resolve (&styles, xlsx->formats);
  return TRUE;
}
