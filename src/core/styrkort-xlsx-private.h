/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The limits of the xlsx and CSV readers (a sheet's own are in
 * styrkort-sheet-private.h), and the xlsx parsers fed XML directly (for
 * the fuzz targets and tests; the app goes through the zip). */
#pragma once

#include "styrkort-sheet-private.h"
#include "styrkort-xlsx.h"

G_BEGIN_DECLS

#define STYRKORT_XLSX_MAX_FILE_MB     100u
/* Unpacked size of a sheet or of the shared strings; workbook.xml and its
 * relationships are much smaller in any real workbook. */
#define STYRKORT_XLSX_MAX_PART_MB     100u
#define STYRKORT_XLSX_MAX_INDEX_MB    10u
/* Deflate reaches ~1000:1 on repeated bytes; spreadsheet XML ~10-50:1.
 * Parts under STYRKORT_XLSX_RATIO_FROM_MB unpacked may pack as they like. */
#define STYRKORT_XLSX_MAX_RATIO       200u
#define STYRKORT_XLSX_RATIO_FROM_MB   4u
/* Sheet XML nests 7 deep (worksheet/sheetData/row/c/is/r/t). */
#define STYRKORT_XLSX_MAX_DEPTH       32u
#define STYRKORT_XLSX_MAX_SHEETS      4096u
#define STYRKORT_XLSX_MAX_STRINGS     2000000u
#define STYRKORT_XLSX_MAX_STRINGS_MB  64u

/* CSV files are read whole into memory, and then once more as UTF-8. */
#define STYRKORT_CSV_MAX_FILE_MB      64u
#define STYRKORT_CSV_MAX_LINE_MB      1u

/* xl/workbook.xml: appends each sheet's name and relationship id (char *). */
gboolean       _styrkort_xlsx_parse_workbook (const char *xml, gsize length, GPtrArray *names, GPtrArray *ids,
                                              GError **error);
/* xl/sharedStrings.xml: the strings as GRefStrings, or NULL and @error. */
GPtrArray     *_styrkort_xlsx_parse_strings  (const char *xml, gsize length, GError **error);
/* A worksheet part; @strings (GRefStrings) may be NULL; @name is for messages. */
StyrkortSheet *_styrkort_xlsx_parse_sheet    (const char *xml, gsize length, GPtrArray *strings, const char *name,
                                              GError **error);

/* Shared by the reader's files (styrkort-xlsx*.c) ---------------------------- */

/* What a cell's number format does to its number. */
typedef enum {
  STYRKORT_XLSX_FORMAT_GENERAL,
  STYRKORT_XLSX_FORMAT_PERCENT,
  STYRKORT_XLSX_FORMAT_DATE,
  STYRKORT_XLSX_FORMAT_DURATION,   /* [h]:mm and the like: a length of time */
} StyrkortXlsxFormat;

struct _StyrkortXlsx {
  struct zip *zip;
  char *display_name;
  char *workbook_path;    /* usually xl/workbook.xml */
  GPtrArray *names;       /* char*, NULL-terminated; worksheets only */
  GHashTable *paths;      /* sheet name -> part path */
  GHashTable *hidden;     /* names of hidden sheets */
  GPtrArray *strings;     /* shared strings, GRefString */
  GByteArray *formats;    /* StyrkortXlsxFormat of each cell style (cellXfs) */
  gboolean date1904;
};

/* A part of the archive, what to call it and how large it may unpack. */
typedef struct {
  const char *path;
  const char *sheet_name; /* NULL unless a worksheet */
  guint64 max_bytes;
} StyrkortXlsxPart;

/* A part's relationships: id -> target, id -> relationship type. */
typedef struct {
  guint depth;
  GHashTable *targets;
  GHashTable *types;
} StyrkortXlsxRelations;

/* styrkort-xlsx-package.c: the zip, its parts and their relationships. */
gboolean     _styrkort_xlsx_fail          (StyrkortXlsx *xlsx, GError **error, int code, const char *what);
gboolean     _styrkort_xlsx_limit_error   (GError **error, const char *message);
gboolean     _styrkort_xlsx_open_archive  (StyrkortXlsx *xlsx, const char *path, GError **error);
/* Unpacks and parses a part within its budget; a missing part is an error
 * only when @required. Parsers' states start with their depth (a guint). */
gboolean     _styrkort_xlsx_parse_part    (StyrkortXlsx *xlsx, const StyrkortXlsxPart *part,
                                           const GMarkupParser *parser, gpointer data, gboolean required,
                                           GError **error);
/* The same for XML given whole (the fuzz targets and tests). */
gboolean     _styrkort_xlsx_parse_buffer  (const StyrkortXlsxPart *part, const GMarkupParser *parser, gpointer data,
                                           const char *xml, gsize length, GError **error);
gboolean     _styrkort_xlsx_enter         (guint *depth, GError **error);
void         _styrkort_xlsx_leave         (GMarkupParseContext *c, const char *element, gpointer data,
                                           GError **error);
const char  *_styrkort_xlsx_attribute     (const char **names, const char **values, const char *wanted);
const char  *_styrkort_xlsx_local_name    (const char *element);
guint        _styrkort_xlsx_read_uint     (const char *text);
gboolean     _styrkort_xlsx_read_relations (StyrkortXlsx *xlsx, const StyrkortXlsxPart *part, gboolean required,
                                            StyrkortXlsxRelations *relations, GError **error);
void         _styrkort_xlsx_relations_clear (StyrkortXlsxRelations *relations);
gboolean     _styrkort_xlsx_relation_has_type (const StyrkortXlsxRelations *relations, const char *id,
                                               const char *kind);
const char  *_styrkort_xlsx_relation_target (const StyrkortXlsxRelations *relations, const char *kind);
char        *_styrkort_xlsx_part_path     (const char *folder, const char *target);
char        *_styrkort_xlsx_part_folder   (const char *path);
char        *_styrkort_xlsx_relations_path (const char *path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StyrkortXlsxRelations, _styrkort_xlsx_relations_clear)

/* styrkort-xlsx-styles.c: each cell style's StyrkortXlsxFormat into
 * @xlsx->formats (none when the workbook has no styles part). */
gboolean     _styrkort_xlsx_read_styles   (StyrkortXlsx *xlsx, const char *path, GError **error);

/* styrkort-xlsx-sheet.c: the shared strings (GRefStrings), or NULL and @error. */
GPtrArray   *_styrkort_xlsx_read_strings  (StyrkortXlsx *xlsx, const char *path, GError **error);

G_END_DECLS
