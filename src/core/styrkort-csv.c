/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV files as Excel, LibreOffice and HR systems write them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styrkort-csv.h"
#include "styrkort-types.h"

#define UTF8_BOM "\xef\xbb\xbf"

char
styrkort_csv_guess_separator (const char *text)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; *p != '\0' && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint i = 0; !quoted && i < G_N_ELEMENTS (candidates); i++)
        counts[i] += *p == candidates[i];
    }
  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;
  return candidates[best];
}

/* UTF-8 as it is, without a BOM; anything else is taken as Windows-1252,
 * which Excel uses for "CSV (semikolonavgränsad)" on Swedish Windows. */
static char *
to_utf8 (const char *data, gsize length, GError **error)
{
  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN,
                   _("This is not a text file. Choose a CSV file or an Excel workbook (.xlsx)."));
      return NULL;
    }
  if (g_utf8_validate (data, (gssize) length, NULL))
    return g_strndup (data, length);
  return g_convert (data, (gssize) length, "UTF-8", "WINDOWS-1252", NULL, NULL, error);
}

typedef struct {
  StyrkortSheet *sheet;
  guint row, column;
  GString *field;
  gboolean was_quoted;
} Parser;

static void
end_field (Parser *p)
{
  g_autofree char *text = g_strdup (p->field->str);
  StyrkortCell cell = { STYRKORT_CELL_EMPTY, 0, NULL };

  if (!p->was_quoted)
    g_strstrip (text);
  if (*text != '\0')
    cell = (StyrkortCell) { STYRKORT_CELL_TEXT, 0, g_steal_pointer (&text) };
  styrkort_sheet_put (p->sheet, p->row, p->column, cell);
  g_string_truncate (p->field, 0);
  p->was_quoted = FALSE;
  p->column++;
}

static void
end_row (Parser *p)
{
  end_field (p);
  p->row++;
  p->column = 0;
}

static void
parse_text (Parser *p, const char *text, char separator)
{
  gboolean quoted = FALSE;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (quoted)
        {
          if (*c == '"' && c[1] == '"')
            g_string_append_c (p->field, *c++);
          else if (*c == '"')
            quoted = FALSE;
          else
            g_string_append_c (p->field, *c);
        }
      else if (*c == '"')
        quoted = p->was_quoted = TRUE;
      else if (*c == separator)
        end_field (p);
      else if (*c == '\r' || *c == '\n')
        {
          if (*c == '\r' && c[1] == '\n')
            c++;
          end_row (p);
        }
      else
        g_string_append_c (p->field, *c);
    }
  if (p->column > 0 || p->field->len > 0)
    end_row (p);
}

StyrkortSheet *
styrkort_csv_parse (const char *data, gsize length, GError **error)
{
  g_autofree char *text = to_utf8 (data, length, error);
  Parser parser = { NULL, 0, 0, NULL, FALSE };

  if (text == NULL)
    return NULL;
  parser.sheet = styrkort_sheet_new ();
  parser.field = g_string_new (NULL);
  parse_text (&parser, text, styrkort_csv_guess_separator (text));
  g_string_free (parser.field, TRUE);
  return parser.sheet;
}

StyrkortSheet *
styrkort_csv_read (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  gsize length = 0;
  GError *local = NULL;
  StyrkortSheet *sheet;

  if (!g_file_get_contents (path, &data, &length, &local) ||
      (sheet = styrkort_csv_parse (data, length, &local)) == NULL)
    {
      g_set_error (error, STYRKORT_ERROR, local->domain == STYRKORT_ERROR ? local->code : STYRKORT_ERROR_IO,
                   "“%s”: %s", name, local->message);
      g_error_free (local);
      return NULL;
    }
  return sheet;
}
