/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading CSV files as office programs write them: comma, semicolon or tab
 * separated, UTF-8 (with or without BOM), Windows-1252, or UTF-16 with a BOM
 * (Excel's "Unicode text"). */
#pragma once

#include "styrkort-xlsx.h"

G_BEGIN_DECLS

/* The separator (';', ',' or tab) that splits most of the first 20 lines
 * into the same number of fields outside quotes; on a tie, the one giving
 * more fields. */
char           styrkort_csv_guess_separator (const char *text);

/* Parses @data (@length bytes) into a sheet of TEXT and EMPTY cells. Text
 * that is not UTF-8 is read as Windows-1252 (what Excel writes in Sweden);
 * text with a UTF-16 byte-order mark is converted from UTF-16.
 * Quoted fields may hold separators, quotes ("") and line breaks. */
StyrkortSheet *styrkort_csv_parse (const char *data, gsize length, GError **error);

/* Reads and parses the file at @path; errors name the file. */
StyrkortSheet *styrkort_csv_read  (const char *path, GError **error);

G_END_DECLS
