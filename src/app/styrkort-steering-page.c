/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Styrgrupp: the steering group's members and its meetings. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-chart-data.h"
#include "styrkort-form.h"
#include "styrkort-item-row.h"
#include "styrkort-meeting-brief.h"
#include "styrkort-meeting-row.h"
#include "styrkort-page.h"
#include "styrkort-page-layout.h"
#include "styrkort-steering-page.h"

struct _StyrkortSteeringPage {
  GtkWidget parent_instance;
  /* From ui/styrkort-steering-page.ui; rebuild () fills them. */
  GtkWidget *scrolled, *content;
  GtkWidget *district_group, *add_member, *member_list, *add_meeting, *meeting_list;
  GtkWidget *district_rows[3];
  StyrkortProject *project;
  StyrkortPeriod period;
  gint64 open_meeting;     /* the meeting whose agenda is shown open */
  GPtrArray *meetings;     /* while the page is built: the meetings, and how many are still to show */
  guint meetings_left;
};

static void styrkort_steering_page_page_init (StyrkortPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrkortSteeringPage, styrkort_steering_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STYRKORT_TYPE_PAGE, styrkort_steering_page_page_init))

static void rebuild (StyrkortSteeringPage *self);

typedef struct {
  StyrkortSteeringPage *page;
  gint64 id;
} Edit;

static gboolean
editable (StyrkortSteeringPage *self)
{
  return !styrkort_project_is_read_only (self->project);
}

/* After an edit of a meeting's agenda, the page is built again: the
 * meeting stays in view, with the focus on it. */
static void
focus_open_meeting (StyrkortSteeringPage *self)
{
  g_autofree char *name = g_strdup_printf ("meeting-%" G_GINT64_FORMAT, self->open_meeting);
  GtkWidget *row = self->open_meeting ? styrkort_page_find_link (self->content, name) : NULL;

  if (row != NULL)
    styrkort_page_focus_in (row);
}

static void
finish (StyrkortSteeringPage *self, gboolean ok, GError *error)
{
  if (!ok && error != NULL)
    styrkort_page_report (GTK_WIDGET (self), error);
  rebuild (self);
  focus_open_meeting (self);
}

static GtkWindow *
parent_window (StyrkortSteeringPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* Members --------------------------------------------------------------------- */

static void
save_member (StyrkortForm *form, gpointer data)
{
  Edit *edit = data;
  g_autofree char *name = styrkort_form_get_text (form, "name");
  g_autofree char *role = styrkort_form_get_text (form, "role");
  g_autofree char *organisation = styrkort_form_get_text (form, "organisation");
  StyrkortMember m = { edit->id, name, role, organisation };
  g_autoptr(GError) error = NULL;
  gboolean ok = edit->id ? styrkort_project_update_member (edit->page->project, &m, &error)
                         : styrkort_project_add_member (edit->page->project, &m, &error) != 0;
  finish (edit->page, ok, error);
  g_free (edit);
}

static void
open_member_form (StyrkortSteeringPage *self, const StyrkortMember *m)
{
  StyrkortForm *form = styrkort_form_new (parent_window (self), m ? _("Edit Member") : _("New Member"));
  Edit *edit = g_new0 (Edit, 1);

  styrkort_form_add_text (form, "name", _("Name"), m ? m->name : "", TRUE);
  styrkort_form_add_text (form, "role", _("Role"), m ? m->role : "", FALSE);
  styrkort_form_add_text (form, "organisation", _("Organisation"), m ? m->organisation : "", FALSE);
  edit->page = self;
  edit->id = m ? m->id : 0;
  styrkort_form_run (form, save_member, edit);
}

/* The member of @row, or NULL when gone. */
static StyrkortMember *
find_member (GPtrArray *members, StyrkortItemRow *row)
{
  for (guint i = 0; i < members->len; i++)
    if (((StyrkortMember *) members->pdata[i])->id == styrkort_item_row_get_id (row))
      return members->pdata[i];
  return NULL;
}

static void
on_edit_member_cb (StyrkortItemRow *row, StyrkortSteeringPage *self)
{
  g_autoptr(GPtrArray) members = styrkort_project_list_members (self->project);
  StyrkortMember *m = find_member (members, row);

  if (m != NULL)
    open_member_form (self, m);
}

static void
on_remove_member_cb (StyrkortItemRow *row, StyrkortSteeringPage *self)
{
  g_autoptr(GPtrArray) members = styrkort_project_list_members (self->project);
  StyrkortMember *m = find_member (members, row);
  g_autoptr(GError) error = NULL;

  if (m == NULL)
    return;
  if (styrkort_project_remove_member (self->project, m->id, &error))
    {
      styrkort_page_report_deleted (GTK_WIDGET (self), m->name);
      rebuild (self);
    }
  else
    finish (self, FALSE, error);
}

static void
on_add_member_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  open_member_form (self, NULL);
}

/* Meetings ------------------------------------------------------------------- */

static void
save_meeting (StyrkortForm *form, gpointer data)
{
  Edit *edit = data;
  g_autofree char *date = styrkort_form_get_text (form, "date");
  g_autofree char *notes = styrkort_form_get_text (form, "notes");
  StyrkortMeeting m = { edit->id, date, notes };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  StyrkortProject *project = edit->page->project;
  gboolean ok;

  if (edit->id != 0)
    ok = styrkort_project_update_meeting (project, &m, &error);
  else if (g_strcmp0 (date, today) < 0)
    ok = styrkort_project_add_meeting (project, &m, &error) != 0;
  else
    {
      /* A meeting to come gets its agenda from "Inför mötet": one edit,
       * one undo step. */
      g_autoptr(StyrkortBrief) brief = styrkort_brief_new (project, edit->page->period, NULL);
      g_auto(GStrv) agenda = styrkort_brief_agenda (brief);
      gint64 id = 0;

      ok = styrkort_project_begin_group (project, _("Add meeting"), &error) &&
           (id = styrkort_project_add_meeting (project, &m, &error)) != 0 &&
           (agenda[0] == NULL || styrkort_project_add_agenda_items (project, id, (const char * const *) agenda, &error));
      if (ok)
        ok = styrkort_project_end_group (project, &error);
      else
        styrkort_project_cancel_group (project);
      if (ok)
        edit->page->open_meeting = id;
    }
  finish (edit->page, ok, error);
  g_free (edit);
}

static void
open_meeting_form (StyrkortSteeringPage *self, const StyrkortMeeting *m)
{
  StyrkortForm *form = styrkort_form_new (parent_window (self), m ? _("Edit Meeting") : _("New Meeting"));
  Edit *edit = g_new0 (Edit, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  styrkort_form_add_date (form, "date", _("Date"), m ? m->date : today, TRUE);
  styrkort_form_add_text (form, "notes", _("Notes"), m ? m->notes : "", FALSE);
  edit->page = self;
  edit->id = m ? m->id : 0;
  styrkort_form_run (form, save_meeting, edit);
}

static void
on_add_meeting_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  open_meeting_form (self, NULL);
}

/* The meeting of @row, or NULL when gone. */
static StyrkortMeeting *
find_meeting (GPtrArray *meetings, StyrkortMeetingRow *row)
{
  for (guint i = 0; i < meetings->len; i++)
    if (((StyrkortMeeting *) meetings->pdata[i])->id == styrkort_meeting_row_get_id (row))
      return meetings->pdata[i];
  return NULL;
}

static void
on_edit_meeting_cb (StyrkortMeetingRow *row, StyrkortSteeringPage *self)
{
  g_autoptr(GPtrArray) meetings = styrkort_project_list_meetings (self->project);
  StyrkortMeeting *m = find_meeting (meetings, row);

  if (m != NULL)
    open_meeting_form (self, m);
}

static void
on_remove_meeting_cb (StyrkortMeetingRow *row, StyrkortSteeringPage *self)
{
  g_autoptr(GError) error = NULL;

  if (styrkort_project_remove_meeting (self->project, styrkort_meeting_row_get_id (row), &error))
    {
      styrkort_page_report_deleted (GTK_WIDGET (self), _("Meeting"));
      rebuild (self);
    }
  else
    finish (self, FALSE, error);
}

/* Agenda and decisions ------------------------------------------------------------ */

typedef struct {
  StyrkortSteeringPage *page;
  gint64 meeting_id;
  gint64 item_id;
  gint64 decision_id;
  GPtrArray *areas;        /* StyrkortArea*, the choices of the form */
} DecisionEdit;

static void
decision_edit_free (DecisionEdit *edit)
{
  g_clear_pointer (&edit->areas, g_ptr_array_unref);
  g_free (edit);
}

static char **
area_choices (GPtrArray *areas)
{
  char **choices = g_new0 (char *, areas->len + 1);
  for (guint i = 0; i < areas->len; i++)
    choices[i] = styrkort_area_display_title (areas->pdata[i]);
  return choices;
}

/* The action's fields of a form: text, owner, due date, area. */
static void
add_action_fields (StyrkortForm *form, DecisionEdit *edit, gboolean required)
{
  g_auto(GStrv) choices = area_choices (edit->areas);

  styrkort_form_add_text (form, "action", required ? _("Action") : _("Action (optional)"), "", required);
  styrkort_form_add_text (form, "owner", _("Owner"), "", FALSE);
  styrkort_form_add_date (form, "due", _("Due date"), NULL, FALSE);
  styrkort_form_add_choice (form, "area", _("Area"), (const char * const *) choices, 0);
}

/* The action the form describes, or FALSE when it names none. */
static gboolean
action_of_form (StyrkortForm *form, DecisionEdit *edit, StyrkortAction *a)
{
  guint area = styrkort_form_get_choice (form, "area");

  a->text = styrkort_form_get_text (form, "action");
  if (a->text == NULL)
    return FALSE;
  a->owner = styrkort_form_get_text (form, "owner");
  a->due = styrkort_form_get_text (form, "due");
  a->area_id = area < edit->areas->len ? ((StyrkortArea *) edit->areas->pdata[area])->id : 0;
  a->state = STYRKORT_ACTION_PLANNED;
  return TRUE;
}

static void
clear_action (StyrkortAction *a)
{
  g_free (a->text);
  g_free (a->owner);
  g_free (a->due);
}

static void
save_decision (StyrkortForm *form, gpointer data)
{
  DecisionEdit *edit = data;
  g_autofree char *text = styrkort_form_get_text (form, "decision");
  StyrkortAction a = { 0 };
  gboolean with_action = action_of_form (form, edit, &a);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  edit->page->open_meeting = edit->meeting_id;
  ok = styrkort_project_add_decision (edit->page->project, edit->item_id, text, with_action ? &a : NULL, NULL,
                                      &error) != 0;
  clear_action (&a);
  finish (edit->page, ok, error);
  decision_edit_free (edit);
}

static void
save_decision_action (StyrkortForm *form, gpointer data)
{
  DecisionEdit *edit = data;
  StyrkortAction a = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  edit->page->open_meeting = edit->meeting_id;
  if (action_of_form (form, edit, &a))
    ok = styrkort_project_add_decision_action (edit->page->project, edit->decision_id, &a, &error) != 0;
  clear_action (&a);
  finish (edit->page, ok, error);
  decision_edit_free (edit);
}

static DecisionEdit *
decision_edit_new (StyrkortSteeringPage *self, StyrkortMeetingRow *row, gint64 item_id, gint64 decision_id)
{
  DecisionEdit *edit = g_new0 (DecisionEdit, 1);

  edit->page = self;
  edit->meeting_id = styrkort_meeting_row_get_id (row);
  edit->item_id = item_id;
  edit->decision_id = decision_id;
  edit->areas = styrkort_project_list_areas (self->project);
  return edit;
}

static void
on_record_decision_cb (StyrkortMeetingRow *row, gint64 item_id, StyrkortSteeringPage *self)
{
  DecisionEdit *edit = decision_edit_new (self, row, item_id, 0);
  StyrkortForm *form = styrkort_form_new (parent_window (self), _("Record Decision"));

  styrkort_form_add_text (form, "decision", _("Decision"), "", TRUE);
  add_action_fields (form, edit, FALSE);
  styrkort_form_run (form, save_decision, edit);
}

static void
on_create_action_cb (StyrkortMeetingRow *row, gint64 decision_id, StyrkortSteeringPage *self)
{
  DecisionEdit *edit = decision_edit_new (self, row, 0, decision_id);
  StyrkortForm *form = styrkort_form_new (parent_window (self), _("Create Action"));

  add_action_fields (form, edit, TRUE);
  styrkort_form_run (form, save_decision_action, edit);
}

static void
on_remove_decision_cb (StyrkortMeetingRow *row, gint64 id, StyrkortSteeringPage *self)
{
  g_autoptr(GError) error = NULL;

  self->open_meeting = styrkort_meeting_row_get_id (row);
  if (styrkort_project_remove_decision (self->project, id, &error))
    {
      styrkort_page_report_deleted (GTK_WIDGET (self), _("Decision"));
      rebuild (self);
    }
  else
    finish (self, FALSE, error);
}

static void
save_agenda_item (StyrkortForm *form, gpointer data)
{
  Edit *edit = data;
  g_autofree char *title = styrkort_form_get_text (form, "title");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  edit->page->open_meeting = edit->id;
  ok = styrkort_project_add_agenda_item (edit->page->project, edit->id, title, &error) != 0;
  finish (edit->page, ok, error);
  g_free (edit);
}

static void
on_add_agenda_item_cb (StyrkortMeetingRow *row, StyrkortSteeringPage *self)
{
  StyrkortForm *form = styrkort_form_new (parent_window (self), _("New Agenda Item"));
  Edit *edit = g_new0 (Edit, 1);

  edit->page = self;
  edit->id = styrkort_meeting_row_get_id (row);
  styrkort_form_add_text (form, "title", _("Item"), "", TRUE);
  styrkort_form_run (form, save_agenda_item, edit);
}

/* The sections of "Inför mötet" that have lines become the agenda. */
static void
on_agenda_from_brief_cb (StyrkortMeetingRow *row, StyrkortSteeringPage *self)
{
  gint64 meeting = styrkort_meeting_row_get_id (row);
  g_autoptr(StyrkortBrief) brief = styrkort_brief_new (self->project, self->period, NULL);
  g_auto(GStrv) agenda = styrkort_brief_agenda (brief);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  self->open_meeting = meeting;
  if (agenda[0] != NULL)
    ok = styrkort_project_add_agenda_items (self->project, meeting, (const char * const *) agenda, &error);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "(sb)", _("The brief has nothing to put on the agenda."),
                                FALSE);
  finish (self, ok, error);
}

static void
on_remove_agenda_item_cb (StyrkortMeetingRow *row, gint64 id, StyrkortSteeringPage *self)
{
  g_autoptr(GError) error = NULL;

  self->open_meeting = styrkort_meeting_row_get_id (row);
  if (styrkort_project_remove_agenda_item (self->project, id, &error))
    {
      styrkort_page_report_deleted (GTK_WIDGET (self), _("Agenda item"));
      rebuild (self);
    }
  else
    finish (self, FALSE, error);
}

/* A meeting, with the page's hands on its buttons. */
static GtkWidget *
meeting_row (StyrkortSteeringPage *self, StyrkortMeeting *m)
{
  GtkWidget *r = styrkort_meeting_row_new (self->project, m, editable (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (r), m->id == self->open_meeting);
  g_signal_connect (r, "edit", G_CALLBACK (on_edit_meeting_cb), self);
  g_signal_connect (r, "remove", G_CALLBACK (on_remove_meeting_cb), self);
  g_signal_connect (r, "add-item", G_CALLBACK (on_add_agenda_item_cb), self);
  g_signal_connect (r, "agenda-from-brief", G_CALLBACK (on_agenda_from_brief_cb), self);
  g_signal_connect (r, "record-decision", G_CALLBACK (on_record_decision_cb), self);
  g_signal_connect (r, "remove-item", G_CALLBACK (on_remove_agenda_item_cb), self);
  g_signal_connect (r, "create-action", G_CALLBACK (on_create_action_cb), self);
  g_signal_connect (r, "remove-decision", G_CALLBACK (on_remove_decision_cb), self);
  return r;
}

/* District details ----------------------------------------------------------- */

static void
on_district_apply_cb (AdwEntryRow *entry, StyrkortSteeringPage *self)
{
  g_autoptr(StyrkortDistrict) d = styrkort_project_get_district (self->project);
  const char *field = g_object_get_data (G_OBJECT (entry), "field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  if (!styrkort_project_set_district (self->project, g_str_equal (field, "name") ? text : d->name,
                                      g_str_equal (field, "city") ? text : d->city,
                                      g_str_equal (field, "plan") ? text : d->plan_version, &error))
    {
      styrkort_page_report (GTK_WIDGET (self), error);
      gtk_editable_set_text (GTK_EDITABLE (entry), g_str_equal (field, "name") ? d->name
                                                   : g_str_equal (field, "city") ? d->city : d->plan_version);
    }
}

static GtkWidget *
district_row (StyrkortSteeringPage *self, const char *title, const char *field, const char *value)
{
  GtkWidget *entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), value);
  gtk_editable_set_editable (GTK_EDITABLE (entry), editable (self));
  g_object_set_data (G_OBJECT (entry), "field", (gpointer) field);
  g_signal_connect (entry, "apply", G_CALLBACK (on_district_apply_cb), self);
  return entry;
}

static void
fill_district (StyrkortSteeringPage *self)
{
  g_autoptr(StyrkortDistrict) d = styrkort_project_get_district (self->project);
  const char *titles[] = { _("Name"), _("City"), _("Action plan version") };
  const char *fields[] = { "name", "city", "plan" };
  const char *values[] = { d->name, d->city, d->plan_version };

  for (guint i = 0; i < G_N_ELEMENTS (self->district_rows); i++)
    {
      if (self->district_rows[i] != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->district_group), self->district_rows[i]);
      self->district_rows[i] = district_row (self, titles[i], fields[i], values[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->district_group), self->district_rows[i]);
    }
}

static void
fill_members (StyrkortSteeringPage *self)
{
  g_autoptr(GPtrArray) members = styrkort_project_list_members (self->project);

  styrkort_page_clear_list (self->member_list);
  for (guint i = 0; i < members->len; i++)
    {
      StyrkortMember *m = members->pdata[i];
      g_autofree char *name = g_strdup_printf ("member-%" G_GINT64_FORMAT, m->id);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", m->role, m->organisation);
      g_autofree char *edit = g_strdup_printf (_("Edit %s"), m->name);
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), m->name);
      GtkWidget *r = styrkort_item_row_new (name, m->id, edit, remove, editable (self));

      styrkort_item_row_set_text (STYRKORT_ITEM_ROW (r), m->name, subtitle);
      g_signal_connect (r, "edit", G_CALLBACK (on_edit_member_cb), self);
      g_signal_connect (r, "delete", G_CALLBACK (on_remove_member_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (self->member_list), r);
    }
}

/* The meetings, latest first; the one shown open at first is the next
 * meeting (today's or the first after), else the latest. */
static void
start_meetings (StyrkortSteeringPage *self)
{
  GPtrArray *meetings = styrkort_project_list_meetings (self->project);

  styrkort_page_clear_list (self->meeting_list);
  if (self->open_meeting == 0 && meetings->len > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      self->open_meeting = ((StyrkortMeeting *) meetings->pdata[meetings->len - 1])->id;
      for (guint i = meetings->len; i > 0; i--)
        if (g_strcmp0 (((StyrkortMeeting *) meetings->pdata[i - 1])->date, today) >= 0)
          self->open_meeting = ((StyrkortMeeting *) meetings->pdata[i - 1])->id;
    }
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  self->meetings = meetings;
  self->meetings_left = meetings->len;
}

/* The district and the members, then a meeting a step: a meeting's row
 * holds its agenda and decisions, and all at once the page held the window
 * some 160 ms before its first frame. */
static gboolean
build_step (GtkWidget *page)
{
  StyrkortSteeringPage *self = STYRKORT_STEERING_PAGE (page);

  if (self->meetings == NULL)
    {
      gtk_widget_set_sensitive (self->add_member, editable (self));
      gtk_widget_set_sensitive (self->add_meeting, editable (self));
      fill_district (self);
      fill_members (self);
      start_meetings (self);
    }
  else if (self->meetings_left > 0)
    {
      StyrkortMeeting *m = self->meetings->pdata[--self->meetings_left];
      gtk_list_box_append (GTK_LIST_BOX (self->meeting_list), meeting_row (self, m));
    }
  if (self->meetings_left > 0)
    return TRUE;
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  return FALSE;
}

/* Over the frames the first time; built before and in view (shown again,
 * or after an edit on the page), at once: the view stays where it was, and
 * the focus can go back. Out of view, over the window's turns of making
 * pages ready. */
static void
rebuild (StyrkortSteeringPage *self)
{
  gboolean built = self->district_rows[0] != NULL;

  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  styrkort_page_steps_start (GTK_WIDGET (self), build_step);
  if (built && gtk_widget_get_mapped (GTK_WIDGET (self)))
    styrkort_page_steps_finish (GTK_WIDGET (self));
}

static void
styrkort_steering_page_show (StyrkortPage *page, StyrkortProject *project, StyrkortPeriod period)
{
  StyrkortSteeringPage *self = STYRKORT_STEERING_PAGE (page);
  g_set_object (&self->project, project);
  self->period = period;
  rebuild (self);
}

/* Shown again only when what it shows changed: figures do not concern it. */
static gboolean
styrkort_steering_page_update (StyrkortPage *page, StyrkortChanges *changes)
{
  static const char * const shown[] = { "district", "area", "member", "meeting", "agenda_item", "decision", "action", NULL };
  return !styrkort_changes_touches_any (changes, shown);
}

static void
styrkort_steering_page_page_init (StyrkortPageInterface *iface)
{
  iface->show = styrkort_steering_page_show;
  iface->update = styrkort_steering_page_update;
}

static void
styrkort_steering_page_dispose (GObject *object)
{
  StyrkortSteeringPage *self = STYRKORT_STEERING_PAGE (object);
  styrkort_page_steps_stop (GTK_WIDGET (self));
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_STEERING_PAGE);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (styrkort_steering_page_parent_class)->dispose (object);
}

static void
styrkort_steering_page_class_init (StyrkortSteeringPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_steering_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, STYRKORT_TYPE_PAGE_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-steering-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, content);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, district_group);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, add_member);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, member_list);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, add_meeting);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, meeting_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_member_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_meeting_cb);
}

static void
styrkort_steering_page_init (StyrkortSteeringPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->member_list), gtk_label_new (_("No members yet")));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->meeting_list), gtk_label_new (_("No meetings yet")));
}

GtkWidget *
styrkort_steering_page_new (void)
{
  return g_object_new (STYRKORT_TYPE_STEERING_PAGE, NULL);
}
