/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workbooks written with decimal commas (Styrkort 0.1 on a Swedish PC, where
 * libxlsxwriter followed LC_NUMERIC): recognised, and a corrected copy made. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many numbers in the sheets and charts of @xlsx are written with a
 * decimal comma ("<v>73,03</v>", left="0,7"), which spreadsheet programs
 * misread or refuse. Shared strings (people's text) are not counted. */
guint   styrkort_xlsx_count_decimal_commas (GBytes *xlsx);

/* @xlsx with those numbers written with a decimal point; every other part
 * is copied as it is. */
GBytes *styrkort_xlsx_fix_decimal_commas   (GBytes *xlsx, GError **error);

G_END_DECLS
