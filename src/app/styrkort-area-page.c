/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One area (or theme): assessment per operation, gender-equality note, sub-goals, actions, charts. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "styrkort-locale.h"
#include "styrkort-area-charts.h"
#include "styrkort-area-page.h"
#include "styrkort-assessment-row.h"
#include "styrkort-chart-data.h"
#include "styrkort-figure-rules.h"
#include "styrkort-form.h"
#include "styrkort-item-row.h"
#include "styrkort-number.h"
#include "styrkort-page.h"
#include "styrkort-page-layout.h"
#include "styrkort-text-area.h"

/* The page's frame is ui/styrkort-area-page.ui; its rows are filled here,
 * over the next frames, top down, a stage a step (an assessment or an
 * indicator's charts a step): all at once, an area page held the window
 * some 70 ms before its first frame. */
typedef enum {
  STAGE_HEAD,
  STAGE_ASSESSMENTS,
  /* The groups below the assessments, in groups_below ()'s order. */
  STAGE_NOTE,
  STAGE_SUBGOALS,
  STAGE_ACTIONS,
  STAGE_CHARTS,
  STAGE_EACH_CHART,
} BuildStage;

struct _StyrkortAreaPage {
  GtkWidget parent_instance;
  GtkWidget *scrolled;
  GtkWidget *title;
  GtkWidget *assessment_group, *note_group, *charts_group;
  GtkWidget *add_subgoal, *add_action;  /* where the focus goes when a row it was in is deleted */
  GtkWidget *subgoal_list, *action_list;
  GtkWidget *charts;        /* StyrkortAreaCharts */
  GPtrArray *group_rows;    /* what rebuild () added to the assessment and note groups */
  BuildStage stage;         /* while the page is built: what comes next */
  GPtrArray *operations;    /* … and during STAGE_ASSESSMENTS, the operations and the next to show */
  guint next_operation;
  GPtrArray *assessment_rows;
  GtkWidget *note_area;
  gint64 area_id;
  StyrkortProject *project;
  StyrkortPeriod period;
};

static void styrkort_area_page_page_init (StyrkortPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrkortAreaPage, styrkort_area_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STYRKORT_TYPE_PAGE, styrkort_area_page_page_init))

static gboolean
editable (StyrkortAreaPage *self)
{
  return !styrkort_project_is_read_only (self->project);
}

static void rebuild (StyrkortAreaPage *self);

static void
report (StyrkortAreaPage *self, GError *error)
{
  if (error != NULL)
    styrkort_page_report (GTK_WIDGET (self), error);
}

/* Assessment per operation ------------------------------------------------ */

/* @status -1 keeps the stored status, @text NULL the stored text. */
static void
save_assessment (StyrkortAreaPage *self, StyrkortAssessmentRow *row, int status, const char *text)
{
  gint64 operation = styrkort_assessment_row_get_operation (row);
  g_autoptr(StyrkortAssessment) old = styrkort_project_get_assessment (self->project, self->area_id,
                                                                       operation, self->period);
  g_autoptr(GError) error = NULL;

  if (status < 0)
    status = old ? (int) old->status : STYRKORT_STATUS_NOT_STARTED;
  if (text == NULL)
    text = old ? old->text : "";
  if (!styrkort_project_set_assessment (self->project, self->area_id, operation, self->period, status, text, &error))
    report (self, error);
}

static void
on_status_chosen_cb (StyrkortAssessmentRow *row, int status, StyrkortAreaPage *self)
{
  save_assessment (self, row, status, NULL);
}

static void
on_assessment_text_saved_cb (StyrkortAssessmentRow *row, const char *text, StyrkortAreaPage *self)
{
  save_assessment (self, row, -1, text);
}

static GtkWidget *
assessment_row (StyrkortAreaPage *self, StyrkortOperation *op)
{
  g_autoptr(StyrkortAssessment) a = styrkort_project_get_assessment (self->project, self->area_id, op->id, self->period);
  GtkWidget *row = styrkort_assessment_row_new (op, a, editable (self));

  g_signal_connect (row, "status-chosen", G_CALLBACK (on_status_chosen_cb), self);
  g_signal_connect (row, "text-saved", G_CALLBACK (on_assessment_text_saved_cb), self);
  g_ptr_array_add (self->assessment_rows, row);
  return row;
}

static void
on_gender_note_save_cb (GtkWidget *area, const char *text, StyrkortAreaPage *self)
{
  g_autoptr(GError) error = NULL;
  if (!styrkort_project_set_gender_note (self->project, self->area_id, self->period, text, &error))
    report (self, error);
}

/* Sub-goals ---------------------------------------------------------------- */

static const char *
goal_class (StyrkortGoalState state)
{
  switch (state)
    {
    case STYRKORT_GOAL_MET: return "goal-met";
    case STYRKORT_GOAL_IMPROVING: return "goal-improving";
    case STYRKORT_GOAL_WORSE: return "goal-worse";
    case STYRKORT_GOAL_NO_DATA:
    default: return "dim-label";
    }
}

/* A sub-goal's figures with its indicator's decimals, so that baseline,
 * latest and target read alike ("68,0 · 73,0 · 80,0 %"). */
static char *
number_text (StyrkortAreaPage *self, const StyrkortSubgoal *g, double value)
{
  g_autoptr(StyrkortIndicator) ind = g->indicator_id ? styrkort_project_get_indicator (self->project, g->indicator_id) : NULL;

  if (ind == NULL)
    return styrkort_format_count (value, styrkort_number_style_for_locale ());
  return styrkort_format_figure (ind, value, styrkort_number_style_for_locale ());
}

typedef struct {
  StyrkortAreaPage *page;
  gint64 id;
} Edit;

static char **
indicator_choices (StyrkortProject *project, GPtrArray *indicators)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **choices;
  g_strv_builder_add (builder, _("None"));
  for (guint i = 0; i < indicators->len; i++)
    g_strv_builder_add (builder, styrkort_locale_is_swedish () ? ((StyrkortIndicator *) indicators->pdata[i])->name_sv
                                            : ((StyrkortIndicator *) indicators->pdata[i])->name_en);
  choices = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return choices;
}

static void
save_subgoal (StyrkortForm *form, gpointer data)
{
  Edit *edit = data;
  StyrkortAreaPage *self = edit->page;
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (self->project);
  g_autofree char *text = styrkort_form_get_text (form, "text");
  g_autofree char *deadline = styrkort_form_get_text (form, "deadline");
  guint choice = styrkort_form_get_choice (form, "indicator");
  StyrkortSubgoal g = { edit->id, self->area_id, text,
                        choice > 0 ? ((StyrkortIndicator *) indicators->pdata[choice - 1])->id : 0,
                        styrkort_form_get_number (form, "baseline"), styrkort_form_get_number (form, "target"),
                        deadline };
  g_autoptr(GError) error = NULL;
  gboolean ok = edit->id ? styrkort_project_update_subgoal (self->project, &g, &error)
                         : styrkort_project_add_subgoal (self->project, &g, &error) != 0;

  /* The page shows the change when the project tells it (update ()). */
  if (!ok)
    report (self, error);
  g_free (edit);
}

static void
open_subgoal_form (StyrkortAreaPage *self, const StyrkortSubgoal *g)
{
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (self->project);
  g_auto(GStrv) choices = indicator_choices (self->project, indicators);
  StyrkortForm *form = styrkort_form_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          g ? _("Edit Sub-goal") : _("New Sub-goal"));
  Edit *edit = g_new0 (Edit, 1);
  guint selected = 0;

  for (guint i = 0; g && i < indicators->len; i++)
    if (((StyrkortIndicator *) indicators->pdata[i])->id == g->indicator_id)
      selected = i + 1;
  styrkort_form_add_text (form, "text", _("Sub-goal"), g ? g->text : "", TRUE);
  styrkort_form_add_choice (form, "indicator", _("Measured by"), (const char * const *) choices, selected);
  styrkort_form_add_number (form, "baseline", _("Baseline"), g ? g->baseline : NAN);
  styrkort_form_add_number (form, "target", _("Target"), g ? g->target : NAN);
  styrkort_form_add_date (form, "deadline", _("Deadline"), g ? g->deadline : NULL, FALSE);
  edit->page = self;
  edit->id = g ? g->id : 0;
  styrkort_form_run (form, save_subgoal, edit);
}

static StyrkortSubgoal *
find_subgoal (StyrkortAreaPage *self, gint64 id, GPtrArray *goals)
{
  for (guint i = 0; i < goals->len; i++)
    if (((StyrkortSubgoal *) goals->pdata[i])->id == id)
      return goals->pdata[i];
  return NULL;
}

static void
on_edit_subgoal_cb (StyrkortItemRow *row, StyrkortAreaPage *self)
{
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (self->project, self->area_id);
  open_subgoal_form (self, find_subgoal (self, styrkort_item_row_get_id (row), goals));
}

static void
on_add_subgoal_cb (GtkButton *button, StyrkortAreaPage *self)
{
  open_subgoal_form (self, NULL);
}

static void
on_remove_subgoal_cb (StyrkortItemRow *row, StyrkortAreaPage *self)
{
  g_autoptr(GError) error = NULL;
  if (!styrkort_project_remove_subgoal (self->project, styrkort_item_row_get_id (row), &error))
    report (self, error);
  else
    styrkort_page_report_deleted (GTK_WIDGET (self), _("Sub-goal"));
  /* The button that had the focus is gone: without a new focus the window
   * gives it to its first widget and the page jumps to the top. */
  gtk_widget_grab_focus (self->add_subgoal);
}

/* A sub-goal's text, figures and state, on its row. */
static void
show_subgoal (StyrkortAreaPage *self, GtkWidget *row, const StyrkortSubgoal *g)
{
  double latest;
  StyrkortGoalState state = styrkort_project_subgoal_state (self->project, g, self->period, &latest);
  g_autofree char *base = number_text (self, g, g->baseline), *now = number_text (self, g, latest);
  g_autofree char *target = number_text (self, g, g->target);
  g_autofree char *subtitle = g_strdup_printf (_("Baseline %s · latest %s · target %s%s%s"), base, now, target,
                                               g->deadline ? _(" · by ") : "", g->deadline ? g->deadline : "");

  styrkort_item_row_set_text (STYRKORT_ITEM_ROW (row), g->text, subtitle);
  styrkort_item_row_set_state (STYRKORT_ITEM_ROW (row), styrkort_goal_state_label (state), goal_class (state));
}

static GtkWidget *
subgoal_row (StyrkortAreaPage *self, StyrkortSubgoal *g)
{
  /* Linked for the lines of "Inför mötet" (win.go-to). */
  g_autofree char *name = g_strdup_printf ("subgoal-%" G_GINT64_FORMAT, g->id);
  GtkWidget *row = styrkort_item_row_new (name, g->id, _("Edit sub-goal"), _("Delete sub-goal"), editable (self));

  g_signal_connect (row, "edit", G_CALLBACK (on_edit_subgoal_cb), self);
  g_signal_connect (row, "delete", G_CALLBACK (on_remove_subgoal_cb), self);
  show_subgoal (self, row, g);
  return row;
}

/* Actions -------------------------------------------------------------------- */

static char **
subgoal_choices (GPtrArray *goals)
{
  char **choices = g_new0 (char *, goals->len + 2);

  choices[0] = g_strdup (_("None"));
  for (guint i = 0; i < goals->len; i++)
    choices[i + 1] = g_strdup (((StyrkortSubgoal *) goals->pdata[i])->text);
  return choices;
}

static void
save_action (StyrkortForm *form, gpointer data)
{
  Edit *edit = data;
  StyrkortAreaPage *self = edit->page;
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (self->project, self->area_id);
  g_autofree char *text = styrkort_form_get_text (form, "text");
  g_autofree char *owner = styrkort_form_get_text (form, "owner");
  g_autofree char *due = styrkort_form_get_text (form, "due");
  g_autofree char *note = styrkort_form_get_text (form, "note");
  guint goal = styrkort_form_get_choice (form, "subgoal");
  StyrkortAction a = { edit->id, self->area_id, goal > 0 ? ((StyrkortSubgoal *) goals->pdata[goal - 1])->id : 0,
                       text, owner, due, styrkort_form_get_choice (form, "status"), note };
  g_autoptr(GError) error = NULL;
  gint64 added = 0;
  gboolean ok = edit->id ? styrkort_project_update_action (self->project, &a, &error)
                         : (added = styrkort_project_add_action (self->project, &a, &error)) != 0;

  /* The page shows the change when the project tells it (update ()); a new
   * action, perhaps below the fold, takes the focus, which scrolls to it. */
  if (!ok)
    report (self, error);
  else if (added != 0)
    styrkort_page_focus_row (self->action_list, "action", added);
  g_free (edit);
}

static void
open_action_form (StyrkortAreaPage *self, const StyrkortAction *a)
{
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (self->project, self->area_id);
  g_auto(GStrv) goal_names = subgoal_choices (goals);
  const char *states[STYRKORT_N_ACTION_STATES + 1] = { NULL };
  StyrkortForm *form = styrkort_form_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          a ? _("Edit Action") : _("New Action"));
  Edit *edit = g_new0 (Edit, 1);
  guint goal = 0;

  for (int s = 0; s < STYRKORT_N_ACTION_STATES; s++)
    states[s] = styrkort_action_state_label (s);
  for (guint i = 0; a && i < goals->len; i++)
    if (((StyrkortSubgoal *) goals->pdata[i])->id == a->subgoal_id)
      goal = i + 1;
  styrkort_form_add_text (form, "text", _("Action"), a ? a->text : "", TRUE);
  styrkort_form_add_text (form, "owner", _("Owner"), a ? a->owner : "", FALSE);
  styrkort_form_add_date (form, "due", _("Due date"), a ? a->due : NULL, FALSE);
  styrkort_form_add_choice (form, "status", _("Status"), states, a ? a->state : STYRKORT_ACTION_PLANNED);
  styrkort_form_add_choice (form, "subgoal", _("For sub-goal"), (const char * const *) goal_names, goal);
  styrkort_form_add_text (form, "note", _("Note"), a ? a->note : "", FALSE);
  edit->page = self;
  edit->id = a ? a->id : 0;
  styrkort_form_run (form, save_action, edit);
}

static void
on_edit_action_cb (StyrkortItemRow *row, StyrkortAreaPage *self)
{
  g_autoptr(GPtrArray) actions = styrkort_project_list_actions (self->project, self->area_id);
  gint64 id = styrkort_item_row_get_id (row);

  for (guint i = 0; i < actions->len; i++)
    if (((StyrkortAction *) actions->pdata[i])->id == id)
      open_action_form (self, actions->pdata[i]);
}

static void
on_add_action_cb (GtkButton *button, StyrkortAreaPage *self)
{
  open_action_form (self, NULL);
}

static void
on_remove_action_cb (StyrkortItemRow *row, StyrkortAreaPage *self)
{
  g_autoptr(GError) error = NULL;
  if (!styrkort_project_remove_action (self->project, styrkort_item_row_get_id (row), &error))
    report (self, error);
  else
    styrkort_page_report_deleted (GTK_WIDGET (self), _("Action"));
  /* The button that had the focus is gone: without a new focus the window
   * gives it to its first widget and the page jumps to the top. */
  gtk_widget_grab_focus (self->add_action);
}

static gboolean
is_overdue (const StyrkortAction *a)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  return a->due != NULL && g_strcmp0 (a->due, today) < 0 && a->state < STYRKORT_ACTION_DONE;
}

static GtkWidget *
action_row (StyrkortAreaPage *self, StyrkortAction *a)
{
  /* Linked for the lines of "Inför mötet" (win.go-to). */
  g_autofree char *name = g_strdup_printf ("action-%" G_GINT64_FORMAT, a->id);
  GtkWidget *row = styrkort_item_row_new (name, a->id, _("Edit action"), _("Delete action"), editable (self));
  g_autoptr(GString) subtitle = g_string_new (*a->owner ? a->owner : _("No owner"));

  if (a->due)
    g_string_append_printf (subtitle, _(" · due %s"), a->due);
  if (*a->note)
    g_string_append_printf (subtitle, " · %s", a->note);
  styrkort_item_row_set_text (STYRKORT_ITEM_ROW (row), a->text, subtitle->str);
  styrkort_item_row_set_state (STYRKORT_ITEM_ROW (row), styrkort_action_state_label (a->state),
                               a->state >= STYRKORT_ACTION_DONE ? "dim-label" : NULL);
  styrkort_item_row_set_flag (STYRKORT_ITEM_ROW (row), is_overdue (a) ? _("Overdue") : NULL);
  g_signal_connect (row, "edit", G_CALLBACK (on_edit_action_cb), self);
  g_signal_connect (row, "delete", G_CALLBACK (on_remove_action_cb), self);
  return row;
}

/* Page ------------------------------------------------------------------------- */

static void
clear_groups (StyrkortAreaPage *self)
{
  styrkort_page_group_clear_rows (self->group_rows);
  if (self->charts != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->charts_group), self->charts);
  self->charts = NULL;
}

/* Whether the list's rows are @goals' rows, in their order. */
static gboolean
rows_are (GtkWidget *list, GPtrArray *goals)
{
  GtkWidget *row = gtk_widget_get_first_child (list);

  for (guint i = 0; i < goals->len; i++, row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *name = g_strdup_printf ("subgoal-%" G_GINT64_FORMAT, ((StyrkortSubgoal *) goals->pdata[i])->id);
      if (row == NULL || g_strcmp0 (styrkort_page_get_link (row), name) != 0)
        return FALSE;
    }
  return row == NULL;
}

/* The same sub-goals are shown again in their rows (a row that keeps the
 * focus keeps the page where it was); others make the list anew. */
static void
fill_subgoals (StyrkortAreaPage *self, GPtrArray *goals)
{
  if (goals->len > 0 && rows_are (self->subgoal_list, goals))
    {
      GtkWidget *row = gtk_widget_get_first_child (self->subgoal_list);
      for (guint i = 0; i < goals->len; i++, row = gtk_widget_get_next_sibling (row))
        show_subgoal (self, row, goals->pdata[i]);
      return;
    }
  styrkort_page_clear_list (self->subgoal_list);
  for (guint i = 0; i < goals->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->subgoal_list), subgoal_row (self, goals->pdata[i]));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->subgoal_list),
                                goals->len == 0 ? gtk_label_new (_("No sub-goals yet")) : NULL);
}

static void
fill_actions (StyrkortAreaPage *self)
{
  g_autoptr(GPtrArray) actions = styrkort_project_list_actions (self->project, self->area_id);

  styrkort_page_clear_list (self->action_list);
  for (guint i = 0; i < actions->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->action_list), action_row (self, actions->pdata[i]));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->action_list),
                                actions->len == 0 ? gtk_label_new (_("No actions yet")) : NULL);
}

/* The groups under the assessments, in order, hidden until their turn
 * comes: the page grows downwards only, and what is shown stays put. */
static void
groups_below (StyrkortAreaPage *self, GtkWidget *groups[4])
{
  groups[0] = self->note_group;
  groups[1] = gtk_widget_get_ancestor (self->subgoal_list, ADW_TYPE_PREFERENCES_GROUP);
  groups[2] = gtk_widget_get_ancestor (self->action_list, ADW_TYPE_PREFERENCES_GROUP);
  groups[3] = self->charts_group;
}

/* The page's title, and what asks for the assessments: at once, so that the
 * page's first frame says which page it is. */
static void
show_title (StyrkortAreaPage *self)
{
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (self->project);
  g_autofree char *period = styrkort_period_to_string (self->period);
  g_autofree char *assessment_help = g_strdup_printf (_("Where each operation stands in %s, and what must be done, when and how."), period);

  for (guint i = 0; i < areas->len; i++)
    if (((StyrkortArea *) areas->pdata[i])->id == self->area_id)
      {
        g_autofree char *text = styrkort_area_display_title (areas->pdata[i]);
        gtk_label_set_text (GTK_LABEL (self->title), text);
      }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->assessment_group), assessment_help);
}

/* The first step: the page emptied, the groups below hidden. */
static void
build_head (StyrkortAreaPage *self)
{
  GtkWidget *groups[4];

  clear_groups (self);
  g_ptr_array_set_size (self->assessment_rows, 0);
  self->note_area = NULL;
  gtk_widget_set_sensitive (self->add_subgoal, editable (self));
  gtk_widget_set_sensitive (self->add_action, editable (self));
  groups_below (self, groups);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (groups[i], FALSE);
  g_clear_pointer (&self->operations, g_ptr_array_unref);
  self->operations = styrkort_project_list_district_operations (self->project);
  self->next_operation = 0;
  self->stage = self->operations->len > 0 ? STAGE_ASSESSMENTS : STAGE_NOTE;
}

static void
build_note (StyrkortAreaPage *self)
{
  g_autofree char *note = styrkort_project_get_gender_note (self->project, self->area_id, self->period);

  self->note_area = styrkort_text_area_new (note, _("Gender-equality note"), editable (self));
  g_signal_connect (self->note_area, "save", G_CALLBACK (on_gender_note_save_cb), self);
  styrkort_page_group_add_row (self->group_rows, self->note_group, self->note_area);
}

static void
build_assessment (StyrkortAreaPage *self)
{
  StyrkortOperation *op = self->operations->pdata[self->next_operation++];

  styrkort_page_group_add_row (self->group_rows, self->assessment_group, assessment_row (self, op));
  if (self->next_operation == self->operations->len)
    {
      g_clear_pointer (&self->operations, g_ptr_array_unref);
      self->stage = STAGE_NOTE;
    }
}

/* One of the groups below the assessments, shown as it is filled. */
static void
build_group_below (StyrkortAreaPage *self)
{
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (self->project, self->area_id);
  GtkWidget *groups[4];

  if (self->stage == STAGE_NOTE)
    build_note (self);
  else if (self->stage == STAGE_SUBGOALS)
    fill_subgoals (self, goals);
  else if (self->stage == STAGE_ACTIONS)
    fill_actions (self);
  else
    {
      self->charts = styrkort_area_charts_new (self->project, self->area_id, self->period, goals);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->charts_group), self->charts);
    }
  groups_below (self, groups);
  gtk_widget_set_visible (groups[self->stage - STAGE_NOTE], TRUE);
  self->stage++;
}

static gboolean
build_step (GtkWidget *page)
{
  StyrkortAreaPage *self = STYRKORT_AREA_PAGE (page);

  switch (self->stage)
    {
    case STAGE_HEAD:
      build_head (self);
      return TRUE;
    case STAGE_ASSESSMENTS:
      build_assessment (self);
      return TRUE;
    case STAGE_EACH_CHART:
      return styrkort_area_charts_add_next (STYRKORT_AREA_CHARTS (self->charts));
    default:
      build_group_below (self);
      return TRUE;
    }
}

/* Built over the frames the first time; built before and in view, at once,
 * so that the page does not shrink and grow again under the reader's eyes
 * (the view would move). Out of view, over the window's turns of making
 * pages ready. */
static void
rebuild (StyrkortAreaPage *self)
{
  gboolean built = self->charts != NULL;

  self->stage = STAGE_HEAD;
  show_title (self);
  styrkort_page_steps_start (GTK_WIDGET (self), build_step);
  if (built && gtk_widget_get_mapped (GTK_WIDGET (self)))
    styrkort_page_steps_finish (GTK_WIDGET (self));
}

/* Texts changed elsewhere (undo, redo): each view shows the stored text,
 * unless it shows it already (the page's own save). */
static void
update_texts (StyrkortAreaPage *self)
{
  for (guint i = 0; i < self->assessment_rows->len; i++)
    {
      StyrkortAssessmentRow *row = self->assessment_rows->pdata[i];
      g_autoptr(StyrkortAssessment) a = styrkort_project_get_assessment (self->project, self->area_id,
                                                                         styrkort_assessment_row_get_operation (row),
                                                                         self->period);
      styrkort_assessment_row_show_stored (row, a);
    }
  if (self->note_area != NULL)
    {
      g_autofree char *note = styrkort_project_get_gender_note (self->project, self->area_id, self->period);
      styrkort_text_area_show_stored (STYRKORT_TEXT_AREA (self->note_area), note);
    }
}

/* What the page's lists, charts and texts are built from: a change of any
 * of these shows the page again. */
static const char * const page_tables[] = { "area", "operation", "unit", "indicator", "indicator_area", NULL };

static gboolean
styrkort_area_page_update (StyrkortPage *page, StyrkortChanges *changes)
{
  StyrkortAreaPage *self = STYRKORT_AREA_PAGE (page);
  g_autoptr(GPtrArray) goals = NULL;
  gboolean goals_changed = styrkort_changes_touches (changes, "subgoal");

  if (self->project == NULL || styrkort_changes_touches_any (changes, page_tables) ||
      styrkort_page_steps_running (GTK_WIDGET (self)))
    return FALSE;
  goals = styrkort_project_list_subgoals (self->project, self->area_id);
  if (!styrkort_area_charts_update (STYRKORT_AREA_CHARTS (self->charts), changes, goals))
    {
      /* The sub-goals' chart comes or goes. */
      rebuild (self);
      return TRUE;
    }
  /* A sub-goal's row shows its indicator's latest figure. */
  for (guint i = 0; i < goals->len && !goals_changed; i++)
    {
      gint64 indicator_id = ((StyrkortSubgoal *) goals->pdata[i])->indicator_id;
      goals_changed = indicator_id != 0 && styrkort_changes_touches_figures (changes, indicator_id, NULL);
    }
  if (goals_changed)
    fill_subgoals (self, goals);
  if (styrkort_changes_touches (changes, "action") || styrkort_changes_touches (changes, "subgoal"))
    fill_actions (self);
  if (styrkort_changes_touches (changes, "assessment") || styrkort_changes_touches (changes, "gender_note"))
    update_texts (self);
  return TRUE;
}

static void
styrkort_area_page_show (StyrkortPage *page, StyrkortProject *project, StyrkortPeriod period)
{
  StyrkortAreaPage *self = STYRKORT_AREA_PAGE (page);

  g_set_object (&self->project, project);
  self->period = period;
  rebuild (self);
}

static void
styrkort_area_page_page_init (StyrkortPageInterface *iface)
{
  iface->show = styrkort_area_page_show;
  iface->update = styrkort_area_page_update;
}

static void
styrkort_area_page_dispose (GObject *object)
{
  StyrkortAreaPage *self = STYRKORT_AREA_PAGE (object);
  styrkort_page_steps_stop (GTK_WIDGET (self));
  g_clear_pointer (&self->operations, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_AREA_PAGE);
  g_clear_object (&self->project);
  g_clear_pointer (&self->assessment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (styrkort_area_page_parent_class)->dispose (object);
}

static void
styrkort_area_page_class_init (StyrkortAreaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_area_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, STYRKORT_TYPE_PAGE_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-area-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, title);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, assessment_group);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, charts_group);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, add_subgoal);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, add_action);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, subgoal_list);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAreaPage, action_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_subgoal_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_action_cb);
}

static void
styrkort_area_page_init (StyrkortAreaPage *self)
{
  self->assessment_rows = g_ptr_array_new ();
  self->group_rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
styrkort_area_page_new (gint64 area_id)
{
  StyrkortAreaPage *self = g_object_new (STYRKORT_TYPE_AREA_PAGE, NULL);
  self->area_id = area_id;
  return GTK_WIDGET (self);
}
