/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV files as Excel, LibreOffice and HR systems write them, read within
 * the limits of styrkort-xlsx-private.h: a file from someone else cannot
 * make us read more than a workbook could hold. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "styrkort-csv.h"
#include "styrkort-types.h"
#include "styrkort-xlsx-private.h"

#define UTF8_BOM "\xef\xbb\xbf"

#define GUESS_LINES 20

/* How many lines of the first GUESS_LINES give the same number of fields
 * when split at the separator (outside quotes), the most common such
 * number (more than one field) in *fields. */
static guint
separator_score (const guint *counts, guint n_lines, guint *fields)
{
  guint best = 0;

  *fields = 0;
  for (guint i = 0; i < n_lines; i++)
    {
      guint same = 0;
      if (counts[i] == 0)
        continue;
      for (guint j = 0; j < n_lines; j++)
        same += counts[j] == counts[i];
      if (same > best || (same == best && counts[i] > *fields))
        {
          best = same;
          *fields = counts[i];
        }
    }
  return best;
}

/* The separator that splits most of the first lines into the same number
 * of fields: a title line ("Personal, HR") or a decimal comma does not
 * decide it alone. */
char
styrkort_csv_guess_separator (const char *text)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[G_N_ELEMENTS (candidates)][GUESS_LINES] = { { 0 } };
  guint n_lines = 0, best = 0, best_score = 0, best_fields = 0;
  gboolean quoted = FALSE, content = FALSE;

  for (const char *p = text; *p != '\0' && n_lines < GUESS_LINES; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          n_lines++;
          content = FALSE;
          continue;
        }
      content = TRUE;
      for (guint i = 0; !quoted && i < G_N_ELEMENTS (candidates); i++)
        counts[i][n_lines] += *p == candidates[i];
    }
  if (content && n_lines < GUESS_LINES)
    n_lines++;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint fields, score = separator_score (counts[i], n_lines, &fields);
      if (score > best_score || (score == best_score && fields > best_fields))
        {
          best = i;
          best_score = score;
          best_fields = fields;
        }
    }
  return candidates[best];
}

/* Encodings -------------------------------------------------------------------- */

typedef enum {
  LINE_ASCII,    /* fits either encoding */
  LINE_UTF8,
  LINE_OTHER,    /* taken as Windows-1252 */
} LineKind;

static LineKind
line_kind (const char *line, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) line[i] >= 0x80)
      return g_utf8_validate (line, (gssize) length, NULL) ? LINE_UTF8 : LINE_OTHER;
  return LINE_ASCII;
}

static gboolean
line_error (GError **error, const char *format, guint line)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, format, line);
#pragma GCC diagnostic pop
  return FALSE;
}

/* Whether the file is UTF-8 (else Windows-1252), line by line: a file
 * whose lines differ (one line pasted in from another program) would give
 * names like "Enheten fÃ¶r vuxna" whichever encoding were chosen, so it is
 * refused with the first line that does not fit. Lines past the length
 * limit are refused here too, before anything is copied. */
static gboolean
choose_encoding (const char *data, gsize length, gboolean bom, gboolean *utf8, GError **error)
{
  LineKind file = bom ? LINE_UTF8 : LINE_ASCII;
  const char *p = data, *end = data + length;

  for (guint line = 1; p < end; line++)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      gsize n = (gsize) ((eol ? eol : end) - p);
      LineKind kind;

      if (n > STYRKORT_MB (STYRKORT_CSV_MAX_LINE_MB))
        return line_error (error, _("Line %u is longer than 1 MB, more than Styrkort reads in a line."), line);
      kind = line_kind (p, n);
      if (kind != LINE_ASCII && file != LINE_ASCII && kind != file)
        return line_error (error, kind == LINE_OTHER
                                  ? _("Line %u is not UTF-8 while the lines before it are: save the file as UTF-8 "
                                      "and import it again.")
                                  : _("Line %u is UTF-8 while the lines before it are not: save the file as UTF-8 "
                                      "and import it again."), line);
      if (kind != LINE_ASCII)
        file = kind;
      p += n + 1;
    }
  *utf8 = file != LINE_OTHER;
  return TRUE;
}

/* The line (1-based) that holds byte @offset of @text. */
static guint
line_at (const char *text, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += text[i] == '\n';
  return line;
}

/* g_convert()'s own message ("Invalid byte sequence in conversion input")
 * says nothing a person can act on: name the line instead. @read is where
 * the conversion stopped; for UTF-16 the lines are counted in the part
 * that converted. */
static void
conversion_error (const char *data, gsize read, const char *from, GError **error)
{
  g_autofree char *before = NULL;
  guint line;

  if (g_str_has_prefix (from, "UTF-16"))
    {
      gsize written = 0;
      before = g_convert (data, (gssize) read, "UTF-8", from, NULL, &written, NULL);
      line = before != NULL ? line_at (before, written) : 1;
      line_error (error, _("Line %u is not readable Unicode text: save the file as “CSV UTF-8” in Excel and import "
                           "it again."), line);
    }
  else
    line_error (error, _("Line %u has characters that are neither UTF-8 nor Windows-1252 text: save the file as "
                         "“CSV UTF-8” in Excel and import it again."), line_at (data, read));
}

static char *
convert (const char *data, gsize length, const char *from, gsize *written, GError **error)
{
  gsize read = 0;
  g_autoptr(GError) local = NULL;
  char *text = g_convert (data, (gssize) length, "UTF-8", from, &read, written, &local);

  if (text == NULL)
    conversion_error (data, read, from, error);
  return text;
}

static gboolean file_too_large (GError **error);

static gboolean
not_text (GError **error)
{
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN,
               _("This is not a text file. Choose a CSV file or an Excel workbook (.xlsx)."));
  return FALSE;
}

/* Excel's "Unicode text": UTF-16 with a byte-order mark (tab-separated).
 * Converted to UTF-8 first, then read within the same limits. */
static char *
utf16_to_utf8 (const char *data, gsize length, GError **error)
{
  const char *from = (guchar) data[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
  gsize n = 0;
  g_autofree char *text = convert (data + 2, length - 2, from, &n, error);
  gboolean utf8 = TRUE;

  if (text == NULL)
    return NULL;
  if (n > STYRKORT_MB (STYRKORT_CSV_MAX_FILE_MB))
    {
      file_too_large (error);
      return NULL;
    }
  if (memchr (text, '\0', n) != NULL)
    {
      not_text (error);
      return NULL;
    }
  if (!choose_encoding (text, n, TRUE, &utf8, error))
    return NULL;
  return g_steal_pointer (&text);
}

/* UTF-8 as it is, without a BOM; UTF-16 with its byte-order mark;
 * otherwise Windows-1252, which Excel uses for "CSV (semikolonavgränsad)"
 * on Swedish Windows. */
static char *
to_utf8 (const char *data, gsize length, GError **error)
{
  gboolean bom = length >= 3 && memcmp (data, UTF8_BOM, 3) == 0;
  gboolean utf8 = TRUE;

  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    return utf16_to_utf8 (data, length, error);
  if (bom)
    {
      data += 3;
      length -= 3;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      not_text (error);
      return NULL;
    }
  if (!choose_encoding (data, length, bom, &utf8, error))
    return NULL;
  if (utf8)
    return g_strndup (data, length);
  /* The five bytes Windows-1252 leaves undefined are refused by glibc's
   * iconv, while Windows (GLib's iconv there is MultiByteToWideChar) turns
   * them into control characters: refused on both, by the same rule. */
  for (gsize i = 0; i < length; i++)
    if (strchr ("\x81\x8d\x8f\x90\x9d", data[i]) != NULL && data[i] != '\0')
      {
        conversion_error (data, i, "WINDOWS-1252", error);
        return NULL;
      }
  return convert (data, length, "WINDOWS-1252", NULL, error);
}

/* Fields and rows ---------------------------------------------------------------- */

typedef struct {
  StyrkortSheet *sheet;
  guint row, column;
  guint line;            /* of the file (counting \n), for messages: fields may span lines */
  GString *field;
  gboolean was_quoted;
} Parser;

static gboolean
end_field (Parser *p, GError **error)
{
  StyrkortCell cell = { STYRKORT_CELL_EMPTY, 0, NULL };
  StyrkortSheetLimit limit;
  char *text = p->field->str;

  if (p->column >= STYRKORT_SHEET_MAX_COLUMNS)
    return line_error (error, _("Line %u has more than 16,384 fields, more than a workbook has columns."), p->line);
  if (p->field->len > STYRKORT_CELL_MAX_CHARS &&
      (p->field->len > STYRKORT_CELL_MAX_BYTES || (gsize) g_utf8_strlen (text, -1) > STYRKORT_CELL_MAX_CHARS))
    return line_error (error, _("Line %u has a field of more than 32,767 characters, more than a cell can hold."),
                       p->line);
  if (!p->was_quoted)
    g_strstrip (text);
  if (*text != '\0')
    cell = (StyrkortCell) { STYRKORT_CELL_TEXT, 0, g_ref_string_new (text) };
  limit = _styrkort_sheet_store (p->sheet, p->row, p->column, &cell);
  if (limit != STYRKORT_SHEET_WITHIN_LIMITS)
    {
      _styrkort_sheet_limit_error (limit, NULL, error);
      return FALSE;
    }
  g_string_truncate (p->field, 0);
  p->was_quoted = FALSE;
  p->column++;
  return TRUE;
}

static gboolean
end_row (Parser *p, GError **error)
{
  if (!end_field (p, error))
    return FALSE;
  p->row++;
  p->column = 0;
  return TRUE;
}

static gboolean
parse_text (Parser *p, const char *text, char separator, GError **error)
{
  gboolean quoted = FALSE, ok = TRUE;

  for (const char *c = text; ok && *c != '\0'; c++)
    {
      if (quoted)
        {
          if (*c == '"' && c[1] == '"')
            g_string_append_c (p->field, *c++);
          else if (*c == '"')
            quoted = FALSE;
          else
            g_string_append_c (p->field, *c);
          p->line += *c == '\n';
        }
      else if (*c == '"')
        quoted = p->was_quoted = TRUE;
      else if (*c == separator)
        ok = end_field (p, error);
      else if (*c == '\r' || *c == '\n')
        {
          if (*c == '\r' && c[1] == '\n')
            c++;
          ok = end_row (p, error);
          p->line += *c == '\n';
        }
      else
        g_string_append_c (p->field, *c);
    }
  if (ok && (p->column > 0 || p->field->len > 0))
    ok = end_row (p, error);
  return ok;
}

static gboolean
file_too_large (GError **error)
{
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
               _("The file is larger than %u MB, more than Styrkort reads in a CSV file."), STYRKORT_CSV_MAX_FILE_MB);
  return FALSE;
}

StyrkortSheet *
styrkort_csv_parse (const char *data, gsize length, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(StyrkortSheet) sheet = NULL;
  g_autoptr(GString) field = NULL;
  Parser parser;

  if (length > STYRKORT_MB (STYRKORT_CSV_MAX_FILE_MB))
    {
      file_too_large (error);
      return NULL;
    }
  text = to_utf8 (data, length, error);
  if (text == NULL)
    return NULL;
  sheet = styrkort_sheet_new ();
  field = g_string_new (NULL);
  parser = (Parser) { sheet, 0, 0, 1, field, FALSE };
  if (!parse_text (&parser, text, styrkort_csv_guess_separator (text), error))
    return NULL;
  return g_steal_pointer (&sheet);
}

StyrkortSheet *
styrkort_csv_read (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  gsize length = 0;
  GError *local = NULL;
  GStatBuf st;
  StyrkortSheet *sheet;

  /* Before reading: the file is held whole in memory. */
  if ((g_stat (path, &st) == 0 && (guint64) st.st_size > STYRKORT_MB (STYRKORT_CSV_MAX_FILE_MB) &&
       !file_too_large (&local)) ||
      !g_file_get_contents (path, &data, &length, &local) ||
      (sheet = styrkort_csv_parse (data, length, &local)) == NULL)
    {
      g_set_error (error, STYRKORT_ERROR, local->domain == STYRKORT_ERROR ? local->code : STYRKORT_ERROR_IO,
                   "“%s”: %s", name, local->message);
      g_error_free (local);
      return NULL;
    }
  return sheet;
}
