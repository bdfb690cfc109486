/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A district's project file (*.styrkort, an SQLite database) and every edit of it. */
#pragma once

#include <gio/gio.h>

#include "styrkort-changes.h"
#include "styrkort-history.h"
#include "styrkort-schema-check.h"
#include "styrkort-types.h"

G_BEGIN_DECLS


typedef enum {
  STYRKORT_OPEN_DEFAULT       = 0,
  STYRKORT_OPEN_READ_ONLY     = 1 << 0, /* never write, not even a migration */
  STYRKORT_OPEN_NO_BACKUP     = 1 << 1, /* no automatic daily copy */
  STYRKORT_OPEN_ASSUME_REMOTE = 1 << 2, /* lock as on a network share */
} StyrkortOpenFlags;

#define STYRKORT_TYPE_PROJECT (styrkort_project_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortProject, styrkort_project, STYRKORT, PROJECT, GObject)

/* Lifecycle */
StyrkortProject *styrkort_project_create  (GFile *file, const char *district_name, GError **error);
StyrkortProject *styrkort_project_open    (GFile *file, StyrkortOpenFlags flags, GError **error);
/* Opens in a worker thread (checking, migrating, backing up and locking a
 * file on a share can take seconds); the project comes back to the thread
 * that called this, whose main loop runs @callback, and is used there from
 * then on. Cancelled, the file is closed again and nothing is returned. */
void             styrkort_project_open_async  (GFile *file, StyrkortOpenFlags flags, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
StyrkortProject *styrkort_project_open_finish (GAsyncResult *result, GError **error);
/* Starts opening @file in a worker thread before anything asks for it: the
 * next styrkort_project_open_async() of the same file and flags, on the
 * same thread, takes the opening over instead of opening it again. What is
 * not taken over when styrkort_project_drop_opened_ahead() is called is
 * closed again. styrkort_project_take_opened_ahead() returns the project
 * if it has opened by then (NULL while it opens, or if it failed: then
 * styrkort_project_open_async() gets the error as usual). */
void             styrkort_project_open_ahead        (GFile *file, StyrkortOpenFlags flags);
StyrkortProject *styrkort_project_take_opened_ahead (GFile *file, StyrkortOpenFlags flags);
void             styrkort_project_drop_opened_ahead (void);
/* For a worker thread: makes a project file with @make (given @file and
 * @data) and closes it again. @make runs under a main context of the
 * thread's own: a project's saver works in the thread-default main context
 * of the thread that made it. */
typedef StyrkortProject *(*StyrkortProjectMake) (GFile *file, gconstpointer data, GError **error);
gboolean         styrkort_project_make_closed (GFile *file, StyrkortProjectMake make, gconstpointer data,
                                               GError **error);
/* Saves what is not yet in the file, then closes it. When the file cannot
 * be written, the unsaved state is kept as a copy among the backups. */
void             styrkort_project_close   (StyrkortProject *self);
/* Edits are written to the file by a thread, a moment after they are
 * made: waits until all of them are there, or one more try has failed. */
gboolean         styrkort_project_save    (StyrkortProject *self, GError **error);
/* Why edits could not be written to the file (the thread tries again), or
 * NULL when all are saved. Its changes are told by notify::save-error. */
const char      *styrkort_project_get_save_error (StyrkortProject *self);
/* A copy of the file as edited, edits not yet saved included, among the
 * backups (named "…-unsaved.styrkort"), for when the file cannot be
 * written; closing then makes no second one unless more was edited. */
GFile           *styrkort_project_keep_unsaved  (StyrkortProject *self, GError **error);
gboolean         styrkort_project_check   (GFile *file, GError **error);
/* A read-only copy of the file as it is now, held in memory: another thread
 * may read it (a workbook export) while this one goes on editing. */
StyrkortProject *styrkort_project_snapshot (StyrkortProject *self, GError **error);
/* The same copy as the file was when @period was last reported: the edits
 * made since are undone in the copy (the file keeps them). Fails with
 * STYRKORT_ERROR_INVALID when @period has not been reported. */
StyrkortProject *styrkort_project_snapshot_as_reported (StyrkortProject *self, StyrkortPeriod period,
                                                        GError **error);

GFile      *styrkort_project_get_file             (StyrkortProject *self);
gboolean    styrkort_project_is_read_only         (StyrkortProject *self);
const char *styrkort_project_get_read_only_reason (StyrkortProject *self);
gboolean    styrkort_project_is_exclusive         (StyrkortProject *self);
/* Things the user should be told once the file is open (migrated, network share, …). */
const char * const *styrkort_project_get_notices  (StyrkortProject *self);
int         styrkort_project_get_opened_version   (StyrkortProject *self);

/* Several edits as one transaction and one undo step (an import, say). */
gboolean    styrkort_project_begin_group  (StyrkortProject *self, const char *summary, GError **error);
gboolean    styrkort_project_end_group    (StyrkortProject *self, GError **error);
void        styrkort_project_cancel_group (StyrkortProject *self);

/* Undo / redo, kept in the file */
/* The edit the next undo takes back (0 when none): what an "Undo" offered
 * after an edit refers to, so that it cannot take back another one. */
gint64      styrkort_project_get_undo_edit (StyrkortProject *self);
gboolean    styrkort_project_can_undo     (StyrkortProject *self);
gboolean    styrkort_project_can_redo     (StyrkortProject *self);
char       *styrkort_project_undo_summary (StyrkortProject *self);
char       *styrkort_project_redo_summary (StyrkortProject *self);
gboolean    styrkort_project_undo         (StyrkortProject *self, GError **error);
gboolean    styrkort_project_redo         (StyrkortProject *self, GError **error);
GPtrArray  *styrkort_project_list_history (StyrkortProject *self, guint limit, GError **error);
/* Forgets every edit: nothing can be undone afterwards. */
gboolean    styrkort_project_clear_history (StyrkortProject *self, GError **error);

/* District */
StyrkortDistrict *styrkort_project_get_district (StyrkortProject *self);
gboolean   styrkort_project_set_district (StyrkortProject *self, const char *name, const char *city,
                                          const char *plan_version, GError **error);

/* Catalogue (arrays of the row types, in catalogue order) */
GPtrArray *styrkort_project_list_areas      (StyrkortProject *self);
GPtrArray *styrkort_project_list_operations (StyrkortProject *self);
/* The operations the district has: those with a unit or an assessment; all
 * of the plan's while it has neither (a new district). */
GPtrArray *styrkort_project_list_district_operations (StyrkortProject *self);
GPtrArray *styrkort_project_list_indicators (StyrkortProject *self);
StyrkortIndicator *styrkort_project_find_indicator (StyrkortProject *self, const char *code);
StyrkortIndicator *styrkort_project_get_indicator  (StyrkortProject *self, gint64 id);
StyrkortArea      *styrkort_project_find_area      (StyrkortProject *self, const char *key);

/* Units */
GPtrArray *styrkort_project_list_units  (StyrkortProject *self);
gint64     styrkort_project_add_unit    (StyrkortProject *self, const char *name, gint64 operation_id, GError **error);
gboolean   styrkort_project_update_unit (StyrkortProject *self, gint64 id, const char *name, gint64 operation_id, GError **error);
gboolean   styrkort_project_remove_unit (StyrkortProject *self, gint64 id, GError **error);

/* Indicator values. unit_id 0 is the district as a whole. */
StyrkortValue *styrkort_project_get_value   (StyrkortProject *self, gint64 indicator_id, gint64 unit_id, StyrkortPeriod period);
GPtrArray     *styrkort_project_list_values (StyrkortProject *self, gint64 indicator_id, StyrkortPeriod period);
/* Every indicator's values for @period, in one query (the Nyckeltal grid). */
GPtrArray     *styrkort_project_list_period_values (StyrkortProject *self, StyrkortPeriod period);
GPtrArray     *styrkort_project_list_series (StyrkortProject *self, gint64 indicator_id, gint64 unit_id);
/* Stores @value; for a rate with numerator and denominator the value is derived from them. */
gboolean   styrkort_project_set_value   (StyrkortProject *self, const StyrkortValue *value, GError **error);
/* Stores @n_values values as one edit; all or none. */
gboolean   styrkort_project_set_values  (StyrkortProject *self, const StyrkortValue * const *values, guint n_values,
                                         GError **error);
/* Every stored value, in no particular order. */
GPtrArray *styrkort_project_list_all_values (StyrkortProject *self);
gboolean   styrkort_project_clear_value (StyrkortProject *self, gint64 indicator_id, gint64 unit_id, StyrkortPeriod period, GError **error);
gboolean   styrkort_project_get_city_value (StyrkortProject *self, gint64 indicator_id, StyrkortPeriod period, StyrkortCityValue *out);
gboolean   styrkort_project_set_city_value (StyrkortProject *self, const StyrkortCityValue *value, GError **error);
gboolean   styrkort_project_set_city_values (StyrkortProject *self, const StyrkortCityValue * const *values,
                                             guint n_values, GError **error);
StyrkortTotal styrkort_project_compute_total (StyrkortProject *self, gint64 indicator_id, StyrkortPeriod period);
GArray    *styrkort_project_list_periods (StyrkortProject *self);

/* Assessments and gender-equality notes */
StyrkortAssessment *styrkort_project_get_assessment (StyrkortProject *self, gint64 area_id, gint64 operation_id, StyrkortPeriod period);
gboolean   styrkort_project_set_assessment  (StyrkortProject *self, gint64 area_id, gint64 operation_id, StyrkortPeriod period,
                                             StyrkortStatus status, const char *text, GError **error);
char      *styrkort_project_get_gender_note (StyrkortProject *self, gint64 area_id, StyrkortPeriod period);
gboolean   styrkort_project_set_gender_note (StyrkortProject *self, gint64 area_id, StyrkortPeriod period,
                                             const char *text, GError **error);

/* Sub-goals, actions */
GPtrArray *styrkort_project_list_subgoals  (StyrkortProject *self, gint64 area_id);
gint64     styrkort_project_add_subgoal    (StyrkortProject *self, const StyrkortSubgoal *subgoal, GError **error);
gboolean   styrkort_project_update_subgoal (StyrkortProject *self, const StyrkortSubgoal *subgoal, GError **error);
gboolean   styrkort_project_remove_subgoal (StyrkortProject *self, gint64 id, GError **error);
StyrkortGoalState styrkort_project_subgoal_state (StyrkortProject *self, const StyrkortSubgoal *subgoal,
                                                  StyrkortPeriod period, double *latest);

GPtrArray *styrkort_project_list_actions   (StyrkortProject *self, gint64 area_id);
gint64     styrkort_project_add_action     (StyrkortProject *self, const StyrkortAction *action, GError **error);
gboolean   styrkort_project_update_action  (StyrkortProject *self, const StyrkortAction *action, GError **error);
gboolean   styrkort_project_remove_action  (StyrkortProject *self, gint64 id, GError **error);

/* Steering group */
GPtrArray *styrkort_project_list_members   (StyrkortProject *self);
gint64     styrkort_project_add_member     (StyrkortProject *self, const StyrkortMember *member, GError **error);
gboolean   styrkort_project_update_member  (StyrkortProject *self, const StyrkortMember *member, GError **error);
gboolean   styrkort_project_remove_member  (StyrkortProject *self, gint64 id, GError **error);
GPtrArray *styrkort_project_list_meetings  (StyrkortProject *self);
gint64     styrkort_project_add_meeting    (StyrkortProject *self, const StyrkortMeeting *meeting, GError **error);
gboolean   styrkort_project_update_meeting (StyrkortProject *self, const StyrkortMeeting *meeting, GError **error);
gboolean   styrkort_project_remove_meeting (StyrkortProject *self, gint64 id, GError **error);

/* A meeting's agenda and decisions (styrkort-project-meetings.c). A decision
 * may make an action, which keeps the meeting and decision it came from. */
typedef struct {
  gint64 id;
  gint64 meeting_id;
  char *title;
} StyrkortAgendaItem;

typedef struct {
  gint64 id;
  gint64 agenda_item_id;
  char *text;
} StyrkortDecision;

void       styrkort_agenda_item_free (StyrkortAgendaItem *item);
void       styrkort_decision_free    (StyrkortDecision *decision);

/* The items of @meeting_id in order. */
GPtrArray *styrkort_project_list_agenda       (StyrkortProject *self, gint64 meeting_id);
gint64     styrkort_project_add_agenda_item   (StyrkortProject *self, gint64 meeting_id, const char *title,
                                               GError **error);
/* Appends @titles (NULL-terminated) to the agenda in one edit. */
gboolean   styrkort_project_add_agenda_items  (StyrkortProject *self, gint64 meeting_id,
                                               const char * const *titles, GError **error);
gboolean   styrkort_project_remove_agenda_item (StyrkortProject *self, gint64 id, GError **error);
/* The decisions of @meeting_id, item by item; 0 for every meeting. */
GPtrArray *styrkort_project_list_decisions    (StyrkortProject *self, gint64 meeting_id);
/* Records a decision on @agenda_item_id; with @action (its area, text,
 * owner, due date) the action it makes too, linked to the meeting and the
 * decision, in one edit. Returns the decision's id; the action's in
 * @action_id. */
gint64     styrkort_project_add_decision      (StyrkortProject *self, gint64 agenda_item_id, const char *text,
                                               const StyrkortAction *action, gint64 *action_id, GError **error);
gboolean   styrkort_project_remove_decision   (StyrkortProject *self, gint64 id, GError **error);
/* An action made by decision @decision_id (linked to it and its meeting). */
gint64     styrkort_project_add_decision_action (StyrkortProject *self, gint64 decision_id,
                                                 const StyrkortAction *action, GError **error);
/* The meeting and decision an action came from (0 when none); FALSE when
 * there is no such action. */
gboolean   styrkort_project_get_action_origin (StyrkortProject *self, gint64 action_id, gint64 *meeting_id,
                                               gint64 *decision_id);
/* The actions a decision made. */
GPtrArray *styrkort_project_list_decision_actions (StyrkortProject *self, gint64 decision_id);

/* The date a sub-goal's baseline is from: the day it was added unless set. */
char      *styrkort_project_get_subgoal_baseline_date (StyrkortProject *self, gint64 subgoal_id);
gboolean   styrkort_project_set_subgoal_baseline_date (StyrkortProject *self, gint64 subgoal_id, const char *date,
                                                       GError **error);

/* Reported periods. Marking one keeps the workbook as it was sent
 * (styrkort-report.h makes it). Later edits that change the period fail with
 * STYRKORT_ERROR_REPORTED until it is unlocked with a reason, which is kept
 * with each such edit. Undo does not reach back past a report. */
typedef struct {
  StyrkortPeriod period;
  char *time;              /* ISO 8601, UTC: when it was marked */
  gboolean changed;        /* changed after it was reported */
} StyrkortReport;

typedef struct {
  char *time;              /* of the edit */
  char *summary;           /* what was done */
  char *reason;            /* why, as the user gave it */
} StyrkortReportChange;

void       styrkort_report_free        (StyrkortReport *report);
void       styrkort_report_change_free (StyrkortReportChange *change);

gboolean   styrkort_project_is_reported   (StyrkortProject *self, StyrkortPeriod period);
/* The latest report of @period, or NULL. */
StyrkortReport *styrkort_project_get_report (StyrkortProject *self, StyrkortPeriod period);
GPtrArray *styrkort_project_list_reports  (StyrkortProject *self); /* the latest per period, oldest first */
/* The edits (not undone) that changed @period after its latest report. */
GPtrArray *styrkort_project_list_report_changes (StyrkortProject *self, StyrkortPeriod period);
/* The workbook as it was sent, or NULL. */
GBytes    *styrkort_project_get_report_workbook (StyrkortProject *self, StyrkortPeriod period);
gboolean   styrkort_project_add_report    (StyrkortProject *self, StyrkortPeriod period, GBytes *workbook,
                                           GError **error);
/* Allows edits of reported @period while the file is open; @reason is kept with each. */
void       styrkort_project_unlock_period (StyrkortProject *self, StyrkortPeriod period, const char *reason);
gboolean   styrkort_project_is_unlocked   (StyrkortProject *self, StyrkortPeriod period);
/* Edits of @period need a reason again. */
void       styrkort_project_lock_period   (StyrkortProject *self, StyrkortPeriod period);

/* Import column mappings remembered by file name pattern (not part of undo). */
char      *styrkort_project_get_import_mapping (StyrkortProject *self, const char *pattern);
gboolean   styrkort_project_set_import_mapping (StyrkortProject *self, const char *pattern, const char *mapping,
                                                GError **error);

/* The slides of the projected view, in order; empty until the user chooses. */
GPtrArray *styrkort_project_list_slides (StyrkortProject *self);
/* Replaces the slide list (StyrkortSlide*) in one edit. */
gboolean   styrkort_project_set_slides  (StyrkortProject *self, GPtrArray *slides, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortReport, styrkort_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortAgendaItem, styrkort_agenda_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortDecision, styrkort_decision_free)

G_END_DECLS
