/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cells of an xlsx worksheet and the shared strings they refer to,
 * each text and cell checked against the limits as it is parsed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "styrkort-types.h"
#include "styrkort-xlsx-private.h"

static gboolean
text_too_long (const char *sheet_name, GError **error)
{
  g_autofree char *message = NULL;

  if (sheet_name == NULL)
    return _styrkort_xlsx_limit_error (error, _("The workbook holds a text of more than 32,767 characters, more "
                                                "than a cell can hold."));
  message = g_strdup_printf (_("The sheet “%s” holds a text of more than 32,767 characters, more than a cell can "
                               "hold."), sheet_name);
  return _styrkort_xlsx_limit_error (error, message);
}

/* Whether @text (@length bytes of UTF-8) fits in a cell. */
static gboolean
fits_cell (const char *text, gsize length)
{
  return length <= STYRKORT_CELL_MAX_CHARS ||
         (length <= STYRKORT_CELL_MAX_BYTES && (gsize) g_utf8_strlen (text, (gssize) length) <= STYRKORT_CELL_MAX_CHARS);
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
  const char *name = _styrkort_xlsx_local_name (element);

  if (!_styrkort_xlsx_enter (&s->depth, error))
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
    return _styrkort_xlsx_limit_error (error, _("The workbook holds more than 2,000,000 different texts, more "
                                                "than Styrkort reads."));
  if (s->bytes > STYRKORT_MB (STYRKORT_XLSX_MAX_STRINGS_MB))
    {
      message = g_strdup_printf (_("The texts of the workbook take more than %u MB, more than Styrkort reads."),
                                 STYRKORT_XLSX_MAX_STRINGS_MB);
      return _styrkort_xlsx_limit_error (error, message);
    }
  g_ptr_array_add (s->strings, g_ref_string_new_len (s->current->str, (gssize) s->current->len));
  return TRUE;
}

static void
strings_end (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  Strings *s = data;
  const char *name = _styrkort_xlsx_local_name (element);

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
  StyrkortXlsxPart part = { "xl/sharedStrings.xml", NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_autoptr(GString) current = g_string_new (NULL);
  g_autoptr(GPtrArray) strings = strings_new ();
  Strings s = { 0, strings, current, 0, FALSE, FALSE };

  if (!_styrkort_xlsx_parse_buffer (&part, &strings_parser, &s, xml, length, error))
    return NULL;
  return g_steal_pointer (&strings);
}

/* The shared strings of an opened workbook; none when it has no such part. */
GPtrArray *
_styrkort_xlsx_read_strings (StyrkortXlsx *xlsx, const char *path, GError **error)
{
  StyrkortXlsxPart part = { path, NULL, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_autoptr(GString) current = g_string_new (NULL);
  g_autoptr(GPtrArray) strings = strings_new ();
  Strings s = { 0, strings, current, 0, FALSE, FALSE };

  if (!_styrkort_xlsx_parse_part (xlsx, &part, &strings_parser, &s, FALSE, error))
    return NULL;
  return g_steal_pointer (&strings);
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
  StyrkortXlsxFormat format;
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
  const char *number = _styrkort_xlsx_attribute (names, values, "r");
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
  const char *ref = _styrkort_xlsx_attribute (names, values, "r");
  guint style = _styrkort_xlsx_read_uint (_styrkort_xlsx_attribute (names, values, "s"));

  r->type = value_type (_styrkort_xlsx_attribute (names, values, "t"));
  r->format = r->formats != NULL && style < r->formats->len ? r->formats->data[style] : STYRKORT_XLSX_FORMAT_GENERAL;
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
  const char *name = _styrkort_xlsx_local_name (element);

  if (!_styrkort_xlsx_enter (&r->depth, error))
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

  if (r->format == STYRKORT_XLSX_FORMAT_PERCENT)
    return g_ascii_strtod (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number * 100), NULL);
  /* Day 0 of the 1904 system is 1904-01-01, day 1462 of the 1900 system;
   * a number below 1 is a time of day in either. */
  if (r->format == STYRKORT_XLSX_FORMAT_DATE && r->date1904 && number >= 1)
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
  const char *name = _styrkort_xlsx_local_name (element);

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
  StyrkortXlsxPart part = { "worksheet", name, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_auto(SheetReader) reader = sheet_reader_new (strings, name);

  if (!_styrkort_xlsx_parse_buffer (&part, &sheet_parser, &reader, xml, length, error))
    return NULL;
  return g_steal_pointer (&reader.sheet);
}

StyrkortSheet *
styrkort_xlsx_read_sheet (StyrkortXlsx *xlsx, const char *name, GError **error)
{
  const char *path;
  StyrkortXlsxPart part = { NULL, name, STYRKORT_MB (STYRKORT_XLSX_MAX_PART_MB) };
  g_auto(SheetReader) reader = { 0 };

  g_return_val_if_fail (xlsx != NULL && name != NULL, NULL);
  path = g_hash_table_lookup (xlsx->paths, name);
  if (path == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("the workbook has no sheet “%s”."), name);
      _styrkort_xlsx_fail (xlsx, error, STYRKORT_ERROR_FOREIGN, what);
      return NULL;
    }
  part.path = path;
  reader = sheet_reader_new (xlsx->strings, name);
  reader.formats = xlsx->formats;
  reader.date1904 = xlsx->date1904;
  if (!_styrkort_xlsx_parse_part (xlsx, &part, &sheet_parser, &reader, TRUE, error))
    return NULL;
  return g_steal_pointer (&reader.sheet);
}
