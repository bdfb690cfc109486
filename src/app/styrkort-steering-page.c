/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Styrgrupp: the steering group's members and its meetings. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-form.h"
#include "styrkort-page.h"
#include "styrkort-steering-page.h"

struct _StyrkortSteeringPage {
  GtkWidget parent_instance;
  GtkWidget *scrolled;
  GtkWidget *clamp;
  StyrkortProject *project;
  StyrkortPeriod period;
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

static void
finish (StyrkortSteeringPage *self, gboolean ok, GError *error)
{
  if (!ok && error != NULL)
    styrkort_page_report (GTK_WIDGET (self), error);
  rebuild (self);
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
  gboolean ok = edit->id ? styrkort_project_update_meeting (edit->page->project, &m, &error)
                         : styrkort_project_add_meeting (edit->page->project, &m, &error) != 0;
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

/* Page ------------------------------------------------------------------------ */

static GtkWidget *
add_button (StyrkortSteeringPage *self, const char *label, GCallback cb)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);
  gtk_widget_add_css_class (b, "flat");
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (b, editable (self));
  g_signal_connect (b, "clicked", cb, self);
  return b;
}

static GtkWidget *
group (GtkWidget *box, const char *title, const char *description, GtkWidget *suffix, GtkWidget **list)
{
  GtkWidget *g = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), suffix);
  *list = gtk_list_box_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (*list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), *list);
  gtk_box_append (GTK_BOX (box), g);
  return g;
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
  adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (r), 0);
  return r;
}

static void
rebuild (StyrkortSteeringPage *self)
{
  g_autoptr(GPtrArray) members = styrkort_project_list_members (self->project);
  g_autoptr(GPtrArray) meetings = styrkort_project_list_meetings (self->project);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24), *title = gtk_label_new (_("Steering Group")), *list;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-1");
  gtk_box_append (GTK_BOX (box), title);
  {
    g_autoptr(StyrkortDistrict) d = styrkort_project_get_district (self->project);
    GtkWidget *details = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (details), _("District"));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), district_row (self, _("Name"), "name", d->name));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), district_row (self, _("City"), "city", d->city));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                               district_row (self, _("Action plan version"), "plan", d->plan_version));
    gtk_box_append (GTK_BOX (box), details);
  }
  group (box, _("Members"), _("Chair, heads of department, HR, union representatives (Vision, SACO) and safety representatives."),
         add_button (self, _("_Add Member"), G_CALLBACK (on_member_clicked_cb)), &list);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), gtk_label_new (_("No members yet")));
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
      gtk_list_box_append (GTK_LIST_BOX (list), r);
    }
  group (box, _("Meetings"), _("The steering group meets at least once a tertial."),
         add_button (self, _("Add _Meeting"), G_CALLBACK (on_meeting_clicked_cb)), &list);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), gtk_label_new (_("No meetings yet")));
  for (guint i = meetings->len; i > 0; i--)
    {
      StyrkortMeeting *m = meetings->pdata[i - 1];
      GtkWidget *r = row (m->date, m->notes);
      g_autofree char *edit = g_strdup_printf (_("Edit meeting %s"), m->date);
      g_autofree char *remove = g_strdup_printf (_("Remove meeting %s"), m->date);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r),
                                 styrkort_page_row_button ("document-edit-symbolic", edit, m->id, FALSE,
                                                           editable (self), G_CALLBACK (on_meeting_clicked_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (r),
                                 styrkort_page_row_button ("user-trash-symbolic", remove, m->id, TRUE,
                                                           editable (self), G_CALLBACK (on_meeting_clicked_cb), self));
      gtk_list_box_append (GTK_LIST_BOX (list), r);
    }
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_child (ADW_CLAMP (self->clamp), box);
}

static void
styrkort_steering_page_show (StyrkortPage *page, StyrkortProject *project, StyrkortPeriod period)
{
  StyrkortSteeringPage *self = STYRKORT_STEERING_PAGE (page);
  g_set_object (&self->project, project);
  self->period = period;
  rebuild (self);
}

static void
styrkort_steering_page_page_init (StyrkortPageInterface *iface)
{
  iface->show = styrkort_steering_page_show;
}

static void
styrkort_steering_page_dispose (GObject *object)
{
  StyrkortSteeringPage *self = STYRKORT_STEERING_PAGE (object);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (styrkort_steering_page_parent_class)->dispose (object);
}

static void
styrkort_steering_page_class_init (StyrkortSteeringPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = styrkort_steering_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
styrkort_steering_page_init (StyrkortSteeringPage *self)
{
  self->clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (self->clamp), 900);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
styrkort_steering_page_new (void)
{
  return g_object_new (STYRKORT_TYPE_STEERING_PAGE, NULL);
}
