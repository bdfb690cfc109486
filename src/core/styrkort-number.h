/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers as Swedish (and English) readers write them: formatting and strict parsing. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  STYRKORT_NUMBER_SWEDISH, /* 1 234,5   −2,5 */
  STYRKORT_NUMBER_ENGLISH, /* 1,234.5   -2.5 */
} StyrkortNumberStyle;

/* Swedish when the user's language is Swedish, English otherwise. */
StyrkortNumberStyle styrkort_number_style_for_locale (void);

/* @decimals digits after the separator; NAN gives "–". Thousands are grouped
 * with a no-break space (Swedish) or a comma (English). */
char    *styrkort_format_number (double value, int decimals, StyrkortNumberStyle style);

/* Accepts what people type: "12,5", "12.5", "1 234,5" (any space as
 * thousands separator), "12,5 %", "−3", "-3". An empty text is a missing
 * number (NAN). Anything else is refused with a message saying why. */
gboolean styrkort_parse_number  (const char *text, double *out, GError **error);

G_END_DECLS
