/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city overview: district workbooks (or files) merged, and city values by each indicator's rule. */
#pragma once

#include "styrkort-chart.h"
#include "styrkort-data-sheet.h"
#include "styrkort-sheet.h"
#include "styrkort-types.h"

G_BEGIN_DECLS

/* One figure of one district, as in the Data sheet. */

typedef struct {
  StyrkortPeriod period;
  char *area;             /* area key */
  char *area_title;       /* "9. Medhandläggarskap" */
  char *operation;
  int status;             /* StyrkortStatus */
} StyrkortCityStatus;

/* What one file brought in. */
typedef struct {
  char *path;
  char *district;
  char *exported;         /* when the workbook was made, ISO 8601 */
  GPtrArray *rows;        /* StyrkortDataRow */
  GPtrArray *statuses;    /* StyrkortCityStatus */
  GPtrArray *problems;    /* char*: rows that were skipped, and why (naming the file) */
  char *checksum;         /* SHA-256 of the file's bytes: the same file under another name */
} StyrkortCitySource;

typedef struct _StyrkortCity StyrkortCity;

StyrkortCity       *styrkort_city_new         (GError **error);
/* Drops a reference: the city goes with the last one. */
void                styrkort_city_free        (StyrkortCity *city);
StyrkortCity       *styrkort_city_ref         (StyrkortCity *city);

/* Reads a district workbook (its Data, Bedömningar and Om sheets) or a
 * .styrkort file. A file that cannot be used gives an error naming it and
 * adds nothing: another program's workbook, and the city's own merged
 * workbook (its figures are the districts' figures again), are refused with
 * a message that says which it is. Rows that cannot be used are skipped and
 * listed in the source's problems. */
StyrkortCitySource *styrkort_city_add         (StyrkortCity *city, const char *path, GError **error);
/* The same in two steps: reading, which may run in another thread (it only
 * looks at the catalogue), and adding what was read, in the city's thread. */
StyrkortCitySource *styrkort_city_read        (StyrkortCity *city, const char *path, GError **error);
void                styrkort_city_take_source (StyrkortCity *city, StyrkortCitySource *source);
/* The city's merged workbook read back from its sheet Data (@data, read from
 * @path): one source per district the sheet names, added to @city. Rows that
 * cannot be used are skipped, each said in @problems (char*). */
gboolean            styrkort_city_add_merged  (StyrkortCity *city, const char *path, const StyrkortSheet *data,
                                               GPtrArray *problems, GError **error);
void                styrkort_city_source_free (StyrkortCitySource *source);
GPtrArray          *styrkort_city_get_sources (StyrkortCity *city);
/* Another source for the same district as @source, or NULL. */
StyrkortCitySource *styrkort_city_find_duplicate (StyrkortCity *city, StyrkortCitySource *source);
/* A source read from the same file as @source (the same path, or the same
 * bytes under another name), or NULL: adding it again changes nothing. */
StyrkortCitySource *styrkort_city_find_same_file (StyrkortCity *city, StyrkortCitySource *source);
void                styrkort_city_remove      (StyrkortCity *city, StyrkortCitySource *source);

GPtrArray          *styrkort_city_list_districts (StyrkortCity *city);  /* char*, sorted */
/* The same in Swedish order (Å, Ä, Ö last) whatever the user's locale: the
 * workbooks' order, which is always Swedish. */
GPtrArray          *styrkort_city_list_districts_sv (StyrkortCity *city);
/* Area and theme keys in catalogue order, and their Swedish titles
 * ("1. Brukardelaktighet och återkoppling från brukare"). */
GPtrArray          *styrkort_city_list_areas     (StyrkortCity *city);
const char         *styrkort_city_area_title     (StyrkortCity *city, const char *area);
GArray             *styrkort_city_list_periods   (StyrkortCity *city);  /* StyrkortPeriod */
/* Indicator codes in catalogue order, and their Swedish names. */
GPtrArray          *styrkort_city_list_codes     (StyrkortCity *city);
const char         *styrkort_city_indicator_name (StyrkortCity *city, const char *code);
StyrkortMeasure     styrkort_city_indicator_measure (StyrkortCity *city, const char *code);
/* Which direction is an improvement, from the catalogue. */
StyrkortBetter      styrkort_city_indicator_better  (StyrkortCity *city, const char *code);
/* The districts by @code in @period, best first by its direction (highest
 * first when none is better), or the other way round; without the figure last. */
GPtrArray          *styrkort_city_rank_districts    (StyrkortCity *city, const char *code, StyrkortPeriod period,
                                                     gboolean reversed);
/* @district's place among the districts that have the figure, 1 the best by
 * the indicator's direction (lower turnover is better); equal figures share a
 * place. FALSE (and 0) when no direction is better or the district lacks it. */
gboolean            styrkort_city_district_place    (StyrkortCity *city, const char *district, const char *code,
                                                     StyrkortPeriod period, guint *place, guint *places);

StyrkortTotal       styrkort_city_district_total (StyrkortCity *city, const char *district, const char *code,
                                                  StyrkortPeriod period);
/* The city value: all units of all districts by the indicator's rule (all
 * leavers ÷ all staff for turnover, never the mean of the districts' %). */
StyrkortTotal       styrkort_city_total          (StyrkortCity *city, const char *code, StyrkortPeriod period);
/* One status for a district and area: "needs attention" when any operation
 * needs it, else the least advanced of the assessed operations; -1 when none. */
/* The districts (char*, sorted) without the figure in @period. */
GPtrArray          *styrkort_city_missing_districts (StyrkortCity *city, const char *code, StyrkortPeriod period);
/* What a city value rests on: "13 of 14 districts; missing: Skärholmen",
 * in the user's language and in Swedish (for the workbook). */
char               *styrkort_city_coverage       (StyrkortCity *city, const char *code, StyrkortPeriod period);
char               *styrkort_city_coverage_sv    (StyrkortCity *city, const char *code, StyrkortPeriod period);
/* The median of the districts' values (those that have one); NAN when none. */
double              styrkort_city_median         (StyrkortCity *city, const char *code, StyrkortPeriod period);
/* The operations' statuses behind one district's area, one "Operation: Status" a line. */
char               *styrkort_city_area_detail    (StyrkortCity *city, const char *district, const char *area,
                                                  StyrkortPeriod period);
int                 styrkort_city_area_status    (StyrkortCity *city, const char *district, const char *area,
                                                  StyrkortPeriod period);

/* The districts ranked, best first by the indicator's direction, with rank
 * numbers ("1. Skärholmen"; none where no direction is better); the line is
 * the city value for a rate, the districts' median for a count (the city's
 * sum would not fit the districts' scale). The trend's highlighted line is
 * the same: the city for a rate, the median for a count. */
StyrkortChart      *styrkort_city_chart_ranking  (StyrkortCity *city, const char *code, StyrkortPeriod period);
StyrkortChart      *styrkort_city_chart_trend    (StyrkortCity *city, const char *code, StyrkortPeriod last,
                                                  guint n_periods);
StyrkortChart      *styrkort_city_chart_status   (StyrkortCity *city, StyrkortPeriod period);
/* Status, then per T2 indicator the ranking and the trend. */
GPtrArray          *styrkort_city_slides         (StyrkortCity *city, StyrkortPeriod period);

/* The merged city workbook: Sammanfattning, Nyckeltal, Data (one row per
 * district and unit, the same format), Bedömningar, Om. */
/* The default file name: "Stadsöversikt-2026-T2.xlsx" for @extension "xlsx". */
char               *styrkort_city_file_name      (StyrkortPeriod period, const char *extension);
gboolean            styrkort_city_export         (StyrkortCity *city, StyrkortPeriod period, const char *path,
                                                  GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortCity, styrkort_city_free)

G_END_DECLS
