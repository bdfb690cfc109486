/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain value types of the Styrkort model: enums, periods and row records. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STYRKORT_ERROR (styrkort_error_quark ())
GQuark styrkort_error_quark (void);

typedef enum {
  STYRKORT_ERROR_NOT_FOUND,     /* the file does not exist */
  STYRKORT_ERROR_EMPTY,         /* the file has no bytes */
  STYRKORT_ERROR_FOREIGN,       /* another kind of file */
  STYRKORT_ERROR_CORRUPT,       /* a damaged or truncated Styrkort file */
  STYRKORT_ERROR_TOO_NEW,       /* written by a newer Styrkort */
  STYRKORT_ERROR_READ_ONLY,     /* an edit on a file opened read-only */
  STYRKORT_ERROR_BUSY,          /* locked by another program */
  STYRKORT_ERROR_IO,            /* disk full, permission, I/O */
  STYRKORT_ERROR_INVALID,       /* a value the model does not accept */
  STYRKORT_ERROR_CATALOGUE,     /* a catalogue that does not validate */
  STYRKORT_ERROR_EXISTS,        /* the target file already exists */
  STYRKORT_ERROR_REPORTED,      /* an edit of a reported period without a reason */
} StyrkortError;

typedef struct {
  int year;
  int tertial; /* 1..3 */
} StyrkortPeriod;

gboolean       styrkort_period_is_valid   (StyrkortPeriod period);
int            styrkort_period_compare    (StyrkortPeriod a, StyrkortPeriod b);
StyrkortPeriod styrkort_period_next       (StyrkortPeriod period);
StyrkortPeriod styrkort_period_previous   (StyrkortPeriod period);
StyrkortPeriod styrkort_period_for_date   (GDate *date);
/* The tertial that today (local time) falls in. */
StyrkortPeriod styrkort_period_current    (void);
char          *styrkort_period_to_string  (StyrkortPeriod period);
gboolean       styrkort_period_parse      (const char *text, StyrkortPeriod *out);

typedef enum {
  STYRKORT_STATUS_NOT_STARTED,
  STYRKORT_STATUS_IN_PROGRESS,
  STYRKORT_STATUS_ESTABLISHED,
  STYRKORT_STATUS_NEEDS_ATTENTION,
  STYRKORT_N_STATUSES
} StyrkortStatus;

typedef enum {
  STYRKORT_ACTION_PLANNED,
  STYRKORT_ACTION_ONGOING,
  STYRKORT_ACTION_DONE,
  STYRKORT_ACTION_CANCELLED,
  STYRKORT_N_ACTION_STATES
} StyrkortActionState;

typedef enum { STYRKORT_MEASURE_PERCENT, STYRKORT_MEASURE_COUNT, STYRKORT_MEASURE_RATIO } StyrkortMeasure;
typedef enum { STYRKORT_BETTER_HIGHER, STYRKORT_BETTER_LOWER, STYRKORT_BETTER_NONE } StyrkortBetter;
typedef enum { STYRKORT_LEVEL_UNIT, STYRKORT_LEVEL_DISTRICT } StyrkortLevel;
typedef enum { STYRKORT_TOTAL_RATE, STYRKORT_TOTAL_SUM, STYRKORT_TOTAL_MEAN } StyrkortTotalRule;
typedef enum { STYRKORT_AREA_KIND_AREA, STYRKORT_AREA_KIND_THEME } StyrkortAreaKind;

/* Where a sub-goal stands, derived from the latest value of its indicator. */
typedef enum {
  STYRKORT_GOAL_NO_DATA,   /* no indicator, target or value yet */
  STYRKORT_GOAL_WORSE,     /* moved away from the target since the baseline */
  STYRKORT_GOAL_IMPROVING, /* moved towards the target, not there yet */
  STYRKORT_GOAL_MET,       /* at or past the target */
} StyrkortGoalState;

/* Stable names, as stored in the file. NULL / -1 when unknown. */
const char *styrkort_status_to_key        (StyrkortStatus status);
int         styrkort_status_from_key      (const char *key);
const char *styrkort_status_label         (StyrkortStatus status);
const char *styrkort_action_state_to_key  (StyrkortActionState state);
int         styrkort_action_state_from_key (const char *key);
const char *styrkort_action_state_label   (StyrkortActionState state);
const char *styrkort_goal_state_label     (StyrkortGoalState state);
const char *styrkort_measure_to_key       (StyrkortMeasure measure);
int         styrkort_measure_from_key     (const char *key);
const char *styrkort_better_to_key        (StyrkortBetter better);
int         styrkort_better_from_key      (const char *key);
const char *styrkort_level_to_key         (StyrkortLevel level);
int         styrkort_level_from_key       (const char *key);
const char *styrkort_total_rule_to_key    (StyrkortTotalRule rule);
int         styrkort_total_rule_from_key  (const char *key);

/* Rows of the model. Missing numbers are NAN; missing ids are 0. */

typedef struct {
  char *name;
  char *city;
  char *plan_version;
  char *created;  /* ISO 8601, UTC */
  char *modified;
} StyrkortDistrict;

typedef struct {
  gint64 id;
  char *key;
  StyrkortAreaKind kind;
  int number;      /* 1..13 for areas, 0 for themes */
  char *title_sv;
  char *title_en;
} StyrkortArea;

typedef struct {
  gint64 id;
  char *key;
  char *name_sv;
  char *name_en;
} StyrkortOperation;

typedef struct {
  gint64 id;
  char *code;
  char *name_sv;
  char *name_en;
  StyrkortMeasure measure;
  StyrkortBetter better;
  StyrkortLevel level;
  gboolean gender_split;
  gboolean in_t2;
  StyrkortTotalRule total_rule;
  char *numerator_sv, *numerator_en;     /* NULL unless a rate */
  char *denominator_sv, *denominator_en;
  GArray *area_ids;                      /* gint64 */
} StyrkortIndicator;

typedef struct {
  gint64 id;
  char *name;
  gint64 operation_id;
} StyrkortUnit;

typedef struct {
  gint64 id;
  gint64 indicator_id;
  gint64 unit_id;          /* 0: the district as a whole */
  StyrkortPeriod period;
  double value;
  double women, men;
  double numerator, denominator;
  char *comment;
} StyrkortValue;

typedef struct {
  gint64 indicator_id;
  StyrkortPeriod period;
  double value;
  double numerator, denominator;
  /* The district's place among @places districts (1 is the best by the
   * indicator's direction), from the city's merged workbook; 0 when not known. */
  guint place, places;
} StyrkortCityValue;

typedef struct {
  gint64 area_id;
  gint64 operation_id;
  StyrkortPeriod period;
  StyrkortStatus status;
  char *text;
} StyrkortAssessment;

typedef struct {
  gint64 id;
  gint64 area_id;
  char *text;
  gint64 indicator_id;     /* 0: none */
  double baseline, target;
  char *deadline;          /* ISO date or NULL */
} StyrkortSubgoal;

typedef struct {
  gint64 id;
  gint64 area_id;
  gint64 subgoal_id;       /* 0: none */
  char *text;
  char *owner;
  char *due;               /* ISO date or NULL */
  StyrkortActionState state;
  char *note;
} StyrkortAction;

typedef struct {
  gint64 id;
  char *name;
  char *role;
  char *organisation;
} StyrkortMember;

typedef struct {
  gint64 id;
  char *date;              /* ISO date */
  char *notes;
} StyrkortMeeting;

/* One slide of the projected view: a kind of chart and what it shows. */
typedef struct {
  char *kind;              /* "area-status", "units", "trend", "gender", "goals" */
  gint64 indicator_id;     /* units, trend, gender */
  gint64 area_id;          /* goals */
} StyrkortSlide;

void           styrkort_slide_free (StyrkortSlide *slide);
StyrkortSlide *styrkort_slide_copy (const StyrkortSlide *slide);

/* A district or city total of one indicator in one period. */
typedef struct {
  double value;            /* NAN when nothing is known */
  double numerator, denominator; /* sums, NAN unless the rule is a rate */
  double women, men;       /* sums of the parts, NAN when none */
  gboolean exact;          /* FALSE when a part lacked its base */
  guint n_parts;           /* parts with a value */
  guint n_missing;         /* parts without a value */
  guint n_unbased;         /* rates: parts with a value but not its base */
} StyrkortTotal;

void styrkort_district_free   (StyrkortDistrict *district);
void styrkort_area_free       (StyrkortArea *area);
void styrkort_operation_free  (StyrkortOperation *operation);
void styrkort_indicator_free  (StyrkortIndicator *indicator);
void styrkort_unit_free       (StyrkortUnit *unit);
void styrkort_value_free      (StyrkortValue *value);
void styrkort_assessment_free (StyrkortAssessment *assessment);
void styrkort_subgoal_free    (StyrkortSubgoal *subgoal);
void styrkort_action_free     (StyrkortAction *action);
void styrkort_member_free     (StyrkortMember *member);
void styrkort_meeting_free    (StyrkortMeeting *meeting);

/* The empty value: every number NAN, no comment. */
void styrkort_value_init (StyrkortValue *value);

/* Is @text an ISO date (YYYY-MM-DD) that exists? */
gboolean styrkort_date_is_valid (const char *text);

/* The value of a rate from its base: numerator / denominator (× 100 for %). */
double styrkort_rate_from_base (StyrkortMeasure measure, double numerator, double denominator);

/* Is @value already known to carry its base (exact), for a rate indicator? */
gboolean styrkort_value_has_base (const StyrkortValue *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortDistrict, styrkort_district_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortArea, styrkort_area_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortOperation, styrkort_operation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortIndicator, styrkort_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortUnit, styrkort_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortValue, styrkort_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortAssessment, styrkort_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortSubgoal, styrkort_subgoal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortAction, styrkort_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortMember, styrkort_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortMeeting, styrkort_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortSlide, styrkort_slide_free)

G_END_DECLS
