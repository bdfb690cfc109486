/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers as Swedish (and English) readers write them: formatting and strict parsing. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "styrkort-locale.h"
#include "styrkort-number.h"
#include "styrkort-types.h"

#define NBSP "\u00a0"
#define MINUS "\u2212"

StyrkortNumberStyle
styrkort_number_style_for_locale (void)
{
  return styrkort_locale_is_swedish () ? STYRKORT_NUMBER_SWEDISH : STYRKORT_NUMBER_ENGLISH;
}

/* The digits of @magnitude (≥ 0) rounded to @decimals places, half away
 * from zero, with '.' as the point. Rounds the decimal digits a person
 * typed (42.5 → 43, 2.675 → 2.68), not the binary double: printf's own
 * rounding is half to even on the binary value (42.5 → 42, 2.675 → 2.67). */
static char *
round_half_away (double magnitude, int decimals)
{
  char scientific[32], significant[16];
  GString *out = g_string_new ("0"); /* room for a carry */
  int exponent, top;

  /* 15 significant digits: all a double holds reliably, and what was typed. */
  g_ascii_formatd (scientific, sizeof scientific, "%.14e", magnitude);
  significant[0] = scientific[0];
  memcpy (significant + 1, scientific + 2, 14);
  significant[15] = '\0';
  exponent = atoi (strchr (scientific, 'e') + 1);
  /* The digit for 10^place is significant[exponent - place], if there is one. */
#define DIGIT(place) (exponent - (place) >= 0 && exponent - (place) < 15 ? significant[exponent - (place)] : '0')
  top = MAX (exponent, 0);
  for (int place = top; place >= -decimals; place--)
    g_string_append_c (out, DIGIT (place));
  if (DIGIT (-decimals - 1) >= '5')
    for (gssize i = (gssize) out->len - 1; i >= 0; i--)
      {
        gboolean carry = out->str[i] == '9';
        out->str[i] = carry ? '0' : out->str[i] + 1;
        if (!carry)
          break;
      }
#undef DIGIT
  if (decimals > 0)
    g_string_insert_c (out, (gssize) out->len - decimals, '.');
  while (out->len > 1 && out->str[0] == '0' && out->str[1] != '.')
    g_string_erase (out, 0, 1);
  return g_string_free (out, FALSE);
}

char *
styrkort_format_number (double value, int decimals, StyrkortNumberStyle style)
{
  gboolean swedish = style == STYRKORT_NUMBER_SWEDISH;
  g_autofree char *digits = NULL;
  const char *point;
  GString *out;
  gsize int_len;

  if (isnan (value) || isinf (value))
    return g_strdup ("–");
  digits = round_half_away (fabs (value), CLAMP (decimals, 0, 6));
  point = strchr (digits, '.');
  int_len = point ? (gsize) (point - digits) : strlen (digits);
  out = g_string_new (NULL);
  if (value < 0 && strspn (digits, "0.") != strlen (digits))
    g_string_append (out, swedish ? MINUS : "-");
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, swedish ? NBSP : ",");
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append_c (out, swedish ? ',' : '.');
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

static gboolean
refuse (GError **error, const char *text, const char *why)
{
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("“%s” is not a number: %s"), text, why);
  return FALSE;
}

/* Reads one UTF-8 character of @p and says whether it is a space of any kind. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f || c == 0x2009;
}

gboolean
styrkort_parse_number (const char *text, double *out, GError **error)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  gboolean seen_point = FALSE, seen_digit = FALSE, seen_percent = FALSE;
  char *end = NULL;
  double value;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return refuse (error, "", _("the text cannot be read"));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_space (c))
        continue;
      if (seen_percent)
        return refuse (error, text, _("nothing may follow the percent sign"));
      if (c == '%')
        seen_percent = TRUE;
      else if (c == '-' || c == 0x2212)
        {
          if (plain->len > 0)
            return refuse (error, text, _("the minus sign must come first"));
          g_string_append_c (plain, '-');
        }
      else if (c == ',' || c == '.')
        {
          if (seen_point)
            return refuse (error, text, _("it has more than one decimal separator"));
          seen_point = TRUE;
          g_string_append_c (plain, '.');
        }
      else if (c >= '0' && c <= '9')
        {
          seen_digit = TRUE;
          g_string_append_c (plain, (char) c);
        }
      else
        /* xgettext:no-c-format */
        return refuse (error, text, _("use only digits, a decimal comma and an optional % sign"));
    }
  if (plain->len == 0 && !seen_percent)
    {
      *out = NAN;
      return TRUE;
    }
  if (!seen_digit)
    return refuse (error, text, _("it has no digits"));
  value = g_ascii_strtod (plain->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return refuse (error, text, _("it is too large"));
  *out = value;
  return TRUE;
}
