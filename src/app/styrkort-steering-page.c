/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Styrgrupp: the steering group's members and its meetings. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-a11y.h"
#include "styrkort-chart-data.h"
#include "styrkort-form.h"
#include "styrkort-meeting-brief.h"
#include "styrkort-page.h"
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
static GtkWidget *row (const char *title, const char *subtitle);

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
  GtkWidget *row = self->open_meeting ? styrkort_page_find_named (self->content, name) : NULL;

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

static void
on_member_clicked_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  gboolean remove = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "remove"));
  g_autoptr(GPtrArray) members = styrkort_project_list_members (self->project);
  g_autoptr(GError) error = NULL;

  if (id == 0)
    {
      open_member_form (self, NULL);
      return;
    }
  for (guint i = 0; i < members->len; i++)
    {
      StyrkortMember *m = members->pdata[i];
      if (m->id != id)
        continue;
      if (!remove)
        open_member_form (self, m);
      else if (styrkort_project_remove_member (self->project, id, &error))
        {
          styrkort_page_report_deleted (GTK_WIDGET (self), m->name);
          rebuild (self);
        }
      else
        finish (self, FALSE, error);
      return;
    }
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
on_meeting_clicked_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  gboolean remove = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "remove"));
  g_autoptr(GPtrArray) meetings = styrkort_project_list_meetings (self->project);
  g_autoptr(GError) error = NULL;

  if (id == 0)
    {
      open_meeting_form (self, NULL);
      return;
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      StyrkortMeeting *m = meetings->pdata[i];
      if (m->id != id)
        continue;
      if (!remove)
        open_meeting_form (self, m);
      else if (styrkort_project_remove_meeting (self->project, id, &error))
        {
          styrkort_page_report_deleted (GTK_WIDGET (self), _("Meeting"));
          rebuild (self);
        }
      else
        finish (self, FALSE, error);
      return;
    }
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
decision_edit_new (StyrkortSteeringPage *self, GtkWidget *button)
{
  DecisionEdit *edit = g_new0 (DecisionEdit, 1);

  edit->page = self;
  edit->meeting_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "meeting"));
  edit->item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "item"));
  edit->decision_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  edit->areas = styrkort_project_list_areas (self->project);
  return edit;
}

static void
on_add_decision_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  DecisionEdit *edit = decision_edit_new (self, GTK_WIDGET (button));
  StyrkortForm *form = styrkort_form_new (parent_window (self), _("Record Decision"));

  styrkort_form_add_text (form, "decision", _("Decision"), "", TRUE);
  add_action_fields (form, edit, FALSE);
  styrkort_form_run (form, save_decision, edit);
}

static void
on_create_action_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  DecisionEdit *edit = decision_edit_new (self, GTK_WIDGET (button));
  StyrkortForm *form = styrkort_form_new (parent_window (self), _("Create Action"));

  add_action_fields (form, edit, TRUE);
  styrkort_form_run (form, save_decision_action, edit);
}

static void
on_remove_decision_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));

  self->open_meeting = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "meeting"));
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
on_add_agenda_item_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  StyrkortForm *form = styrkort_form_new (parent_window (self), _("New Agenda Item"));
  Edit *edit = g_new0 (Edit, 1);

  edit->page = self;
  edit->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "meeting"));
  styrkort_form_add_text (form, "title", _("Item"), "", TRUE);
  styrkort_form_run (form, save_agenda_item, edit);
}

/* The sections of "Inför mötet" that have lines become the agenda. */
static void
on_agenda_from_brief_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  gint64 meeting = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "meeting"));
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
on_remove_agenda_item_cb (GtkButton *button, StyrkortSteeringPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));

  self->open_meeting = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "meeting"));
  if (styrkort_project_remove_agenda_item (self->project, id, &error))
    {
      styrkort_page_report_deleted (GTK_WIDGET (self), _("Agenda item"));
      rebuild (self);
    }
  else
    finish (self, FALSE, error);
}

static GtkWidget *
agenda_button (StyrkortSteeringPage *self, const char *icon, const char *label, gint64 meeting, gint64 item,
               gint64 id, GCallback callback)
{
  GtkWidget *button = styrkort_page_row_button (icon, label, id, FALSE, editable (self), callback, self);
  g_object_set_data (G_OBJECT (button), "meeting", GSIZE_TO_POINTER (meeting));
  g_object_set_data (G_OBJECT (button), "item", GSIZE_TO_POINTER (item));
  return button;
}

static char *
decision_subtitle (StyrkortSteeringPage *self, gint64 decision_id, gboolean *has_action)
{
  g_autoptr(GPtrArray) actions = styrkort_project_list_decision_actions (self->project, decision_id);
  g_autoptr(GString) text = g_string_new (NULL);

  *has_action = actions->len > 0;
  if (actions->len == 0)
    return g_strdup (_("Decision · no action"));
  for (guint i = 0; i < actions->len; i++)
    {
      StyrkortAction *a = actions->pdata[i];
      g_string_append (text, i == 0 ? _("Decision · action: ") : "; ");
      g_string_append (text, a->text);
      if (*a->owner)
        g_string_append_printf (text, ", %s", a->owner);
      if (a->due != NULL)
        g_string_append_printf (text, _(", due %s"), a->due);
      g_string_append_printf (text, " (%s)", styrkort_action_state_label (a->state));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A meeting: its date and notes, and opened, its agenda with the decisions per item. */
static GtkWidget *
meeting_row (StyrkortSteeringPage *self, StyrkortMeeting *m)
{
  GtkWidget *r = adw_expander_row_new ();
  g_autoptr(GPtrArray) items = styrkort_project_list_agenda (self->project, m->id);
  g_autoptr(GPtrArray) decisions = styrkort_project_list_decisions (self->project, m->id);
  g_autofree char *name = g_strdup_printf ("meeting-%" G_GINT64_FORMAT, m->id);
  g_autofree char *edit = g_strdup_printf (_("Edit meeting %s"), m->date);
  g_autofree char *remove = g_strdup_printf (_("Remove meeting %s"), m->date);
  g_autofree char *n_items = g_strdup_printf (ngettext ("%u agenda item", "%u agenda items",
                                                           items->len), items->len);
  g_autofree char *n_decisions = g_strdup_printf (ngettext ("%u decision", "%u decisions",
                                                               decisions->len), decisions->len);
  g_autofree char *count = g_strdup_printf ("%s, %s", n_items, n_decisions);
  g_autofree char *subtitle = *m->notes ? g_strdup_printf ("%s · %s", count, m->notes) : g_strdup (count);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_item = gtk_button_new_with_mnemonic (_("Add Agenda _Item…"));
  GtkWidget *from_brief = gtk_button_new_with_mnemonic (_("Agenda From _Before the Meeting"));
  GtkWidget *last = adw_preferences_row_new ();

  gtk_widget_set_name (r, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), m->date);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (r), subtitle);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (r), m->id == self->open_meeting);
  /* Each action goes before the ones added already: edit, then remove. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (r),
                               styrkort_page_row_button ("user-trash-symbolic", remove, m->id, TRUE,
                                                         editable (self), G_CALLBACK (on_meeting_clicked_cb), self));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (r),
                               styrkort_page_row_button ("document-edit-symbolic", edit, m->id, FALSE,
                                                         editable (self), G_CALLBACK (on_meeting_clicked_cb), self));
  for (guint i = 0; i < items->len; i++)
    {
      StyrkortAgendaItem *item = items->pdata[i];
      GtkWidget *ir = row (item->title, NULL);
      g_autofree char *item_name = g_strdup_printf ("agenda-%" G_GINT64_FORMAT, item->id);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      g_autofree char *record = g_strdup_printf (_("Record a decision on “%s”"), item->title);
      g_autofree char *drop = g_strdup_printf (_("Remove agenda item “%s”"), item->title);
      GtkWidget *n = gtk_label_new (number);

      gtk_widget_set_name (ir, item_name);
      gtk_widget_add_css_class (n, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (ir), n);
      gtk_widget_add_css_class (ir, "agenda-item");
      adw_action_row_add_suffix (ADW_ACTION_ROW (ir),
                                 agenda_button (self, "list-add-symbolic", record, m->id, item->id, 0,
                                                G_CALLBACK (on_add_decision_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (ir),
                                 agenda_button (self, "user-trash-symbolic", drop, m->id, item->id, item->id,
                                                G_CALLBACK (on_remove_agenda_item_cb)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (r), ir);
      for (guint j = 0; j < decisions->len; j++)
        {
          StyrkortDecision *d = decisions->pdata[j];
          gboolean has_action = FALSE;
          g_autofree char *detail = NULL, *decision_name = NULL, *create = NULL, *forget = NULL;
          GtkWidget *dr;

          if (d->agenda_item_id != item->id)
            continue;
          detail = decision_subtitle (self, d->id, &has_action);
          dr = row (d->text, detail);
          decision_name = g_strdup_printf ("decision-%" G_GINT64_FORMAT, d->id);
          create = g_strdup_printf (_("Create an action from “%s”"), d->text);
          forget = g_strdup_printf (_("Remove decision “%s”"), d->text);
          gtk_widget_set_name (dr, decision_name);
          gtk_widget_add_css_class (dr, "decision");
          {
            /* Indented under its item, with a mark (decoration). */
            GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");
            gtk_widget_set_margin_start (mark, 18);
            gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
            adw_action_row_add_prefix (ADW_ACTION_ROW (dr), mark);
          }
          if (!has_action)
            adw_action_row_add_suffix (ADW_ACTION_ROW (dr),
                                       agenda_button (self, "document-new-symbolic", create, m->id, item->id, d->id,
                                                      G_CALLBACK (on_create_action_cb)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (dr),
                                     agenda_button (self, "user-trash-symbolic", forget, m->id, item->id, d->id,
                                                    G_CALLBACK (on_remove_decision_cb)));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r), dr);
        }
    }
  for (GtkWidget *b = add_item; b != NULL; b = b == add_item ? from_brief : NULL)
    {
      /* A closed meeting's buttons are read unshown. */
      styrkort_a11y_name_mnemonic_button (b);
      gtk_widget_add_css_class (b, "flat");
      gtk_widget_set_sensitive (b, editable (self));
      g_object_set_data (G_OBJECT (b), "meeting", GSIZE_TO_POINTER (m->id));
      gtk_box_append (GTK_BOX (buttons), b);
    }
  g_signal_connect (add_item, "clicked", G_CALLBACK (on_add_agenda_item_cb), self);
  g_signal_connect (from_brief, "clicked", G_CALLBACK (on_agenda_from_brief_cb), self);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_set_margin_start (buttons, 6);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (last), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (last), buttons);
  {
    g_autofree char *label = g_strdup_printf (_("Agenda of the meeting %s"), m->date);
    gtk_accessible_update_property (GTK_ACCESSIBLE (last), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (r), last);
  {
    /* The expander's own lists (read by screen readers while it is closed
     * too): named for the meeting. */
    g_autofree char *label = g_strdup_printf (_("Agenda and decisions of the meeting %s"), m->date);
    styrkort_a11y_name_lists (r, label);
  }
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

static GtkWidget *
row (const char *title, const char *subtitle)
{
  GtkWidget *r = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (r), 0);
  return r;
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
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", m->role, m->organisation);
      GtkWidget *r = row (m->name, subtitle);
      g_autofree char *edit = g_strdup_printf (_("Edit %s"), m->name);
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), m->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r),
                                 styrkort_page_row_button ("document-edit-symbolic", edit, m->id, FALSE,
                                                           editable (self), G_CALLBACK (on_member_clicked_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (r),
                                 styrkort_page_row_button ("user-trash-symbolic", remove, m->id, TRUE,
                                                           editable (self), G_CALLBACK (on_member_clicked_cb), self));
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

/* Over the frames the first time; built before (shown again, or after an
 * edit on the page), at once: the view stays where it was, and the focus
 * can go back. */
static void
rebuild (StyrkortSteeringPage *self)
{
  gboolean built = self->district_rows[0] != NULL;

  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  styrkort_page_steps_start (GTK_WIDGET (self), build_step);
  if (built)
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
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-steering-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, content);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, district_group);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, add_member);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, member_list);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, add_meeting);
  gtk_widget_class_bind_template_child (widget_class, StyrkortSteeringPage, meeting_list);
  gtk_widget_class_bind_template_callback (widget_class, on_member_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_clicked_cb);
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
