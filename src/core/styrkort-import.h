/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing figures from spreadsheets (xlsx, CSV): reading the file, mapping
 * its columns, a plan that shows what will be stored, and applying it as one
 * edit. Nothing is written before styrkort_import_plan_apply(). */
#pragma once

#include "styrkort-project.h"
#include "styrkort-workbook-kind.h"
#include "styrkort-xlsx.h"

G_BEGIN_DECLS

/* The file ------------------------------------------------------------------ */

typedef struct {
  char *path;
  char **sheet_names;      /* xlsx: every sheet; CSV: NULL */
  char *sheet_name;        /* the sheet read; NULL for CSV */
  StyrkortSheet *sheet;
  StyrkortWorkbookKind kind; /* from its sheets Om and Data; OTHER for CSV */
} StyrkortImportSource;

/* Opens a workbook (.xlsx, read on sheet @sheet_name; by default the first,
 * or Data in Styrkort's own workbooks) or a CSV
 * file; other files get a clear message. */
StyrkortImportSource *styrkort_import_source_open (const char *path, const char *sheet_name, GError **error);
void                  styrkort_import_source_free (StyrkortImportSource *source);
guint                 styrkort_import_source_n_columns (const StyrkortImportSource *source);
/* A cell as the user sees it: text, or a number in plain notation; "" when empty. */
char                 *styrkort_import_source_cell_text (const StyrkortImportSource *source, guint row, guint column);

/* The non-empty cells of @row as a quoted list for messages, "“Enhet”,
 * “Tid”, “Antal”" (at most 20, then "…"); "" when the row has none. */
char                 *styrkort_import_source_headings (const StyrkortImportSource *source, guint row);

/* The mapping --------------------------------------------------------------- */

typedef enum {
  STYRKORT_IMPORT_LONG,    /* one figure per row, the indicator in a column */
  STYRKORT_IMPORT_WIDE,    /* one row per unit and period, a column per indicator */
} StyrkortImportLayout;

typedef enum {
  STYRKORT_FIELD_DISTRICT,    /* checked: rows of another district are refused */
  STYRKORT_FIELD_UNIT,
  STYRKORT_FIELD_OPERATION,   /* helps to place units that are new */
  STYRKORT_FIELD_YEAR,
  STYRKORT_FIELD_TERTIAL,
  STYRKORT_FIELD_PERIOD,      /* "2026 T2", or a date that falls in the tertial */
  STYRKORT_FIELD_INDICATOR,   /* long layout only */
  STYRKORT_FIELD_VALUE,       /* long layout only */
  STYRKORT_FIELD_WOMEN,
  STYRKORT_FIELD_MEN,
  STYRKORT_FIELD_NUMERATOR,
  STYRKORT_FIELD_DENOMINATOR,
  STYRKORT_FIELD_COMMENT,
  STYRKORT_N_FIELDS
} StyrkortImportField;

/* The file's decimal sign, for counts like "1,234" or "1.234" that may be
 * a thousand and more or a number with decimals. */
typedef enum {
  STYRKORT_DECIMAL_UNKNOWN,      /* such a count is ambiguous: the row is not imported */
  STYRKORT_DECIMAL_COMMA,        /* "1,234" is 1.234, "1.234" is 1234 */
  STYRKORT_DECIMAL_POINT,        /* "1.234" is 1.234, "1,234" is 1234 */
} StyrkortDecimalSign;

typedef struct {
  StyrkortImportLayout layout;
  guint header_row;              /* 0-based; data starts on the next row */
  int columns[STYRKORT_N_FIELDS]; /* 0-based column of each field, -1 when absent */
  GPtrArray *wide;               /* wide layout: indicator code (or NULL) per column */
  StyrkortDecimalSign decimal_sign;
} StyrkortImportMapping;

const char *styrkort_import_field_label (StyrkortImportField field);

StyrkortImportMapping *styrkort_import_mapping_new   (void);
StyrkortImportMapping *styrkort_import_mapping_copy  (const StyrkortImportMapping *mapping);
void                   styrkort_import_mapping_free  (StyrkortImportMapping *mapping);
/* The wide layout's indicator for @column (NULL: not an indicator). */
const char            *styrkort_import_mapping_get_wide (const StyrkortImportMapping *mapping, guint column);
void                   styrkort_import_mapping_set_wide (StyrkortImportMapping *mapping, guint column, const char *code);
/* A mapping read from the header row: our own Data sheet maps completely. */
StyrkortImportMapping *styrkort_import_mapping_guess (StyrkortProject *project, const StyrkortImportSource *source);
/* Does @mapping name what an import needs? Else a message saying what to choose. */
gboolean               styrkort_import_mapping_check (const StyrkortImportMapping *mapping, GError **error);
/* A short text that can be stored and read back. */
char                  *styrkort_import_mapping_to_string   (const StyrkortImportMapping *mapping);
StyrkortImportMapping *styrkort_import_mapping_from_string (const char *text);

/* "HR-uttag 2026 T2.xlsx" → "hr-uttag # t#.xlsx": the mapping chosen for one
 * file is offered again for the next file of the same series. */
char *styrkort_import_file_pattern (const char *path);
/* The mapping remembered in the project for @path's pattern, else a guess. */
StyrkortImportMapping *styrkort_import_mapping_for_file (StyrkortProject *project, const StyrkortImportSource *source,
                                                         gboolean *remembered);
gboolean styrkort_import_remember_mapping (StyrkortProject *project, const StyrkortImportSource *source,
                                           const StyrkortImportMapping *mapping, GError **error);

/* The plan ------------------------------------------------------------------ */

typedef enum {
  STYRKORT_IMPORT_ROW_NEW,       /* not stored yet */
  STYRKORT_IMPORT_ROW_CONFLICT,  /* a different figure is stored */
  STYRKORT_IMPORT_ROW_SAME,      /* already stored as it is */
  STYRKORT_IMPORT_ROW_REJECTED,  /* cannot be stored: see reason */
} StyrkortImportRowState;

typedef struct {
  guint line;                 /* the sheet's row number, 1-based as in Excel */
  StyrkortImportRowState state;
  char *reason;               /* REJECTED: why */
  char *unit_name;            /* "" for a district-wide figure */
  char *operation_name;       /* from the file, or NULL */
  StyrkortValue value;        /* unit_id set once the unit is known */
  StyrkortValue *old;         /* CONFLICT: what is stored */
  gboolean removes_base;      /* CONFLICT: a stored rate's base goes if replaced */
  char *other_district;       /* REJECTED because the row names another district: that district, as written */
  gboolean ambiguous_number;  /* REJECTED because a count reads two ways ("1,234"): set the mapping's decimal_sign */
  /* From the city's merged workbook: value is the city value (unit_id 0,
   * line 0), old the stored one; the district's place among the districts
   * (0 when not known), in the file and (CONFLICT) stored. */
  gboolean city;
  guint place, places, old_place, old_places;
} StyrkortImportRow;

typedef struct {
  char *name;                 /* as written in the file */
  gint64 unit_id;             /* an existing unit, or 0: create it */
  gint64 operation_id;        /* the new unit's operation */
  guint n_rows;
} StyrkortImportUnit;

typedef enum {
  STYRKORT_IMPORT_KEEP,       /* leave stored figures as they are */
  STYRKORT_IMPORT_REPLACE,    /* overwrite them with the file's */
} StyrkortImportConflicts;

typedef struct _StyrkortImportPlan StyrkortImportPlan;

/* Reads every data row of @source by @mapping and checks it against @project;
 * NULL with a message when the mapping is not complete. The city's merged
 * workbook (source->kind CITY) gives instead the city value of each
 * indicator and period, and the district's place among the districts,
 * whatever the mapping. */
StyrkortImportPlan *styrkort_import_plan_new   (StyrkortProject *project, const StyrkortImportSource *source,
                                                const StyrkortImportMapping *mapping, GError **error);
void                styrkort_import_plan_free  (StyrkortImportPlan *plan);
GPtrArray          *styrkort_import_plan_rows  (StyrkortImportPlan *plan);   /* StyrkortImportRow* */
GPtrArray          *styrkort_import_plan_new_units (StyrkortImportPlan *plan); /* StyrkortImportUnit* */
guint               styrkort_import_plan_count (StyrkortImportPlan *plan, StyrkortImportRowState state);
/* The districts other than this one that rows name, in the file's order
 * (char*, owned by the rows), each with its count of rows in @counts
 * (guint per name): one message per district, not one per row. */
GPtrArray          *styrkort_import_plan_other_districts (StyrkortImportPlan *plan, GArray **counts);
/* Maps the unknown unit @name to @unit_id, or (0) creates it in @operation_id. */
void                styrkort_import_plan_set_unit (StyrkortImportPlan *plan, const char *name, gint64 unit_id,
                                                   gint64 operation_id);
void                styrkort_import_plan_set_conflicts (StyrkortImportPlan *plan, StyrkortImportConflicts conflicts);
/* Is the plan from the city's merged workbook? Then @n_districts is how
 * many districts it merges and @district_found whether this district is one
 * of them (else no place is known). */
gboolean            styrkort_import_plan_is_city (StyrkortImportPlan *plan, guint *n_districts,
                                                  gboolean *district_found);
/* How many figures apply() would write. */
guint               styrkort_import_plan_n_writes (StyrkortImportPlan *plan);
/* The reported periods that apply() would change (StyrkortPeriod). */
GArray             *styrkort_import_plan_reported_periods (StyrkortImportPlan *plan);
/* Stores the plan in one transaction and one undo step. @reason is needed
 * when a reported period changes (see styrkort_project_set_change_reason). */
gboolean            styrkort_import_plan_apply (StyrkortImportPlan *plan, const char *reason, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortImportSource, styrkort_import_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortImportMapping, styrkort_import_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortImportPlan, styrkort_import_plan_free)

/* A differing row's change for people: "43,48 % (10 / 23) → 12,5 %, base
 * figures removed". */
char               *styrkort_import_row_describe_change (const StyrkortIndicator *indicator,
                                                         const StyrkortImportRow *row);

G_END_DECLS
