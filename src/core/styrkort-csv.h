/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading CSV files as office programs write them: comma or semicolon
 * separated, UTF-8 (with or without BOM) or Windows-1252. */
#pragma once

#include "styrkort-xlsx.h"

G_BEGIN_DECLS

/* The separator the file's first line uses most outside quotes: ';', ',' or tab. */
char           styrkort_csv_guess_separator (const char *text);

/* Parses @data (@length bytes) into a sheet of TEXT and EMPTY cells. Text
 * that is not UTF-8 is read as Windows-1252 (what Excel writes in Sweden).
 * Quoted fields may hold separators, quotes ("") and line breaks. */
StyrkortSheet *styrkort_csv_parse (const char *data, gsize length, GError **error);

/* Reads and parses the file at @path; errors name the file. */
StyrkortSheet *styrkort_csv_read  (const char *path, GError **error);

G_END_DECLS
