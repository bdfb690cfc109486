/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workbooks written with decimal commas: recognised, and a corrected copy made. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "styrkort-types.h"
#include "styrkort-xlsx-repair.h"

/* Our own workbooks only: every part is small. */
#define PART_MAX (64 * 1024 * 1024)

/* Numbers as libxlsxwriter wrote them in a Swedish LC_NUMERIC: a cell or
 * chart value, or an attribute (page margins, widths, heights). */
#define COMMA_NUMBER "(<v>|<c:v>|=\")(-?[0-9]+),([0-9]+(?:[eE][-+]?[0-9]+)?)(</v>|</c:v>|\")"

/* Sheets, charts and drawings hold numbers; sharedStrings.xml holds people's
 * text, where "12,5" must stay as it is. */
static gboolean
has_numbers (const char *name)
{
  return g_str_has_prefix (name, "xl/worksheets/") || g_str_has_prefix (name, "xl/charts/") ||
         g_str_has_prefix (name, "xl/drawings/");
}

static zip_t *
open_bytes (GBytes *xlsx, GError **error)
{
  zip_error_t ze;
  zip_source_t *source;
  zip_t *zip;
  gsize size;
  const void *data = g_bytes_get_data (xlsx, &size);

  zip_error_init (&ze);
  source = zip_source_buffer_create (data, size, 0, &ze);
  zip = source ? zip_open_from_source (source, ZIP_RDONLY, &ze) : NULL;
  if (zip == NULL)
    {
      if (source != NULL)
        zip_source_free (source);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("The kept workbook cannot be read: %s"),
                   zip_error_strerror (&ze));
    }
  zip_error_fini (&ze);
  return zip;
}

/* The whole of part @i, or NULL when it cannot be read or is too large. */
static char *
read_part (zip_t *zip, zip_uint64_t i, gsize *length)
{
  zip_stat_t st;
  zip_file_t *part;
  char *data;

  if (zip_stat_index (zip, i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > PART_MAX)
    return NULL;
  part = zip_fopen_index (zip, i, 0);
  if (part == NULL)
    return NULL;
  data = g_malloc (st.size + 1);
  if (zip_fread (part, data, st.size) != (zip_int64_t) st.size)
    g_clear_pointer (&data, g_free);
  else
    data[st.size] = '\0';
  zip_fclose (part);
  *length = st.size;
  return data;
}

static GRegex *
comma_regex (void)
{
  return g_regex_new (COMMA_NUMBER, G_REGEX_RAW, 0, NULL);
}

guint
styrkort_xlsx_count_decimal_commas (GBytes *xlsx)
{
  g_autoptr(GRegex) regex = comma_regex ();
  zip_t *zip = open_bytes (xlsx, NULL);
  guint found = 0;

  for (zip_int64_t i = 0; zip != NULL && i < zip_get_num_entries (zip, 0); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *xml = NULL;
      gsize length = 0;
      if (!has_numbers (zip_get_name (zip, i, 0)) || (xml = read_part (zip, i, &length)) == NULL)
        continue;
      for (g_regex_match (regex, xml, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        found++;
    }
  if (zip != NULL)
    zip_discard (zip);
  return found;
}

/* Writes @zip, made in memory on @target, and returns its bytes. */
static GBytes *
close_to_bytes (zip_t *zip, zip_source_t *target, GError **error)
{
  zip_stat_t st;
  GByteArray *out;

  if (zip_close (zip) != 0 || zip_source_open (target) != 0)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("The corrected workbook could not be made: %s"),
                   zip_strerror (zip));
      zip_discard (zip);
      return NULL;
    }
  zip_source_stat (target, &st);
  out = g_byte_array_sized_new (st.size);
  g_byte_array_set_size (out, st.size);
  zip_source_read (target, out->data, st.size);
  zip_source_close (target);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
styrkort_xlsx_fix_decimal_commas (GBytes *xlsx, GError **error)
{
  g_autoptr(GRegex) regex = comma_regex ();
  zip_t *in = open_bytes (xlsx, error), *out;
  zip_source_t *target;
  zip_error_t ze;
  GBytes *result;

  if (in == NULL)
    return NULL;
  zip_error_init (&ze);
  target = zip_source_buffer_create (NULL, 0, 0, &ze);
  zip_source_keep (target);
  out = zip_open_from_source (target, ZIP_TRUNCATE, &ze);
  zip_error_fini (&ze);
  for (zip_int64_t i = 0; i < zip_get_num_entries (in, 0); i++)
    {
      const char *name = zip_get_name (in, i, 0);
      gsize length = 0;
      char *data = read_part (in, i, &length);
      zip_source_t *part;
      if (data == NULL)
        {
          g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("The kept workbook cannot be read: %s"), name);
          zip_discard (in);
          zip_discard (out);
          zip_source_free (target);
          return NULL;
        }
      if (has_numbers (name))
        {
          char *fixed = g_regex_replace (regex, data, (gssize) length, 0, "\\1\\2.\\3\\4", 0, NULL);
          g_free (data);
          data = fixed;
          length = strlen (fixed);
        }
      /* libzip frees the data once the archive is written. */
      part = zip_source_buffer (out, data, length, 1);
      zip_file_add (out, name, part, ZIP_FL_ENC_UTF_8);
    }
  zip_discard (in);
  result = close_to_bytes (out, target, error);
  zip_source_free (target);
  return result;
}
