/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the import's file/mapping part and its plan share. */
#pragma once

#include "styrkort-import.h"

G_BEGIN_DECLS

/* A cell as text: numbers in plain notation, text stripped, "" when empty. */
char       *_styrkort_import_cell_text (const StyrkortCell *cell);
/* Names compared as people mean them: case, composition and runs of spaces do not matter. */
char       *_styrkort_import_name_key (const char *text);
/* Indicators by folded code, Swedish and English name (values borrowed from @indicators). */
GHashTable *_styrkort_import_indicator_names (GPtrArray *indicators);

/* "“Blad1”, “Uttag”": items quoted, for messages. */
char       *_styrkort_import_quoted_list (const char * const *items);

G_END_DECLS
