/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A meeting on Styrgrupp, built from ui/styrkort-meeting-row.ui: the row
 * shows; the page edits, through the row's signals. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-a11y.h"
#include "styrkort-meeting-row.h"
#include "styrkort-page.h"

struct _StyrkortMeetingRow {
  AdwExpanderRow parent_instance;
  GtkWidget *edit_button;
  GtkWidget *remove_button;
  gint64 id;
  gboolean editable;
};

G_DEFINE_FINAL_TYPE (StyrkortMeetingRow, styrkort_meeting_row, ADW_TYPE_EXPANDER_ROW)

enum { EDIT, REMOVE, ADD_ITEM, AGENDA_FROM_BRIEF, RECORD_DECISION, REMOVE_ITEM, CREATE_ACTION, REMOVE_DECISION,
       N_SIGNALS };
static guint signals[N_SIGNALS];

gint64
styrkort_meeting_row_get_id (StyrkortMeetingRow *self)
{
  return self->id;
}

static void
on_edit_clicked_cb (StyrkortMeetingRow *self)
{
  g_signal_emit (self, signals[EDIT], 0);
}

static void
on_remove_clicked_cb (StyrkortMeetingRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* An agenda item's or a decision's button: emits @signal with the id it
 * holds, or the meeting's own signal. */
static void
on_row_button_clicked_cb (GtkButton *button, StyrkortMeetingRow *self)
{
  guint signal = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "signal"));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));

  if (signal == ADD_ITEM || signal == AGENDA_FROM_BRIEF)
    g_signal_emit (self, signals[signal], 0);
  else
    g_signal_emit (self, signals[signal], 0, id);
}

static GtkWidget *
row_button (StyrkortMeetingRow *self, const char *icon, const char *label, guint signal, gint64 id)
{
  GtkWidget *button = styrkort_page_row_button (icon, label, id, FALSE, self->editable,
                                                G_CALLBACK (on_row_button_clicked_cb), self);
  g_object_set_data (G_OBJECT (button), "signal", GUINT_TO_POINTER (signal));
  return button;
}

static GtkWidget *
line_row (const char *name, const char *title, const char *subtitle, const char *style_class)
{
  GtkWidget *r = adw_action_row_new ();

  styrkort_page_set_link (r, name);
  gtk_widget_add_css_class (r, style_class);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (r), 0);
  return r;
}

static char *
decision_subtitle (StyrkortProject *project, gint64 decision_id, gboolean *has_action)
{
  g_autoptr(GPtrArray) actions = styrkort_project_list_decision_actions (project, decision_id);
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

static void
add_item (StyrkortMeetingRow *self, const StyrkortAgendaItem *item, guint number)
{
  g_autofree char *name = g_strdup_printf ("agenda-%" G_GINT64_FORMAT, item->id);
  g_autofree char *numbered = g_strdup_printf ("%u.", number);
  g_autofree char *record = g_strdup_printf (_("Record a decision on “%s”"), item->title);
  g_autofree char *drop = g_strdup_printf (_("Remove agenda item “%s”"), item->title);
  GtkWidget *r = line_row (name, item->title, NULL, "agenda-item");
  GtkWidget *n = gtk_label_new (numbered);

  gtk_widget_add_css_class (n, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (r), n);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), row_button (self, "list-add-symbolic", record, RECORD_DECISION, item->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), row_button (self, "user-trash-symbolic", drop, REMOVE_ITEM, item->id));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), r);
}

static void
add_decision (StyrkortMeetingRow *self, StyrkortProject *project, const StyrkortDecision *d)
{
  gboolean has_action = FALSE;
  g_autofree char *detail = decision_subtitle (project, d->id, &has_action);
  g_autofree char *name = g_strdup_printf ("decision-%" G_GINT64_FORMAT, d->id);
  g_autofree char *create = g_strdup_printf (_("Create an action from “%s”"), d->text);
  g_autofree char *forget = g_strdup_printf (_("Remove decision “%s”"), d->text);
  GtkWidget *r = line_row (name, d->text, detail, "decision");
  /* Indented under its item, with a mark (decoration). */
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_margin_start (mark, 18);
  gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (r), mark);
  if (!has_action)
    adw_action_row_add_suffix (ADW_ACTION_ROW (r),
                               row_button (self, "document-new-symbolic", create, CREATE_ACTION, d->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), row_button (self, "user-trash-symbolic", forget, REMOVE_DECISION, d->id));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), r);
}

/* The row that ends the agenda: a new item, or the agenda from the brief. */
static void
add_agenda_buttons (StyrkortMeetingRow *self, const StyrkortMeeting *m)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add Agenda _Item…"));
  GtkWidget *from_brief = gtk_button_new_with_mnemonic (_("Agenda From _Before the Meeting"));
  GtkWidget *last = adw_preferences_row_new ();
  g_autofree char *label = g_strdup_printf (_("Agenda of the meeting %s"), m->date);

  g_object_set_data (G_OBJECT (add), "signal", GUINT_TO_POINTER (ADD_ITEM));
  g_object_set_data (G_OBJECT (from_brief), "signal", GUINT_TO_POINTER (AGENDA_FROM_BRIEF));
  for (GtkWidget *b = add; b != NULL; b = b == add ? from_brief : NULL)
    {
      /* A closed meeting's buttons are read unshown. */
      styrkort_a11y_name_mnemonic_button (b);
      gtk_widget_add_css_class (b, "flat");
      gtk_widget_set_sensitive (b, self->editable);
      g_signal_connect (b, "clicked", G_CALLBACK (on_row_button_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), b);
    }
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_set_margin_start (buttons, 6);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (last), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (last), buttons);
  gtk_accessible_update_property (GTK_ACCESSIBLE (last), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), last);
}

static char *
meeting_subtitle (const StyrkortMeeting *m, guint n_items, guint n_decisions)
{
  g_autofree char *items = g_strdup_printf (ngettext ("%u agenda item", "%u agenda items", n_items), n_items);
  g_autofree char *decisions = g_strdup_printf (ngettext ("%u decision", "%u decisions", n_decisions), n_decisions);
  g_autofree char *count = g_strdup_printf ("%s, %s", items, decisions);

  return *m->notes ? g_strdup_printf ("%s · %s", count, m->notes) : g_steal_pointer (&count);
}

GtkWidget *
styrkort_meeting_row_new (StyrkortProject *project, const StyrkortMeeting *m, gboolean editable)
{
  g_autofree char *name = g_strdup_printf ("meeting-%" G_GINT64_FORMAT, m->id);
  StyrkortMeetingRow *self = g_object_new (STYRKORT_TYPE_MEETING_ROW, "title", m->date, NULL);
  g_autoptr(GPtrArray) items = styrkort_project_list_agenda (project, m->id);
  g_autoptr(GPtrArray) decisions = styrkort_project_list_decisions (project, m->id);
  g_autofree char *subtitle = meeting_subtitle (m, items->len, decisions->len);
  g_autofree char *lists = g_strdup_printf (_("Agenda and decisions of the meeting %s"), m->date);
  g_autofree char *edit = g_strdup_printf (_("Edit meeting %s"), m->date);
  g_autofree char *remove = g_strdup_printf (_("Remove meeting %s"), m->date);

  self->id = m->id;
  self->editable = editable;
  styrkort_page_set_link (GTK_WIDGET (self), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  styrkort_page_name_button (self->edit_button, edit, editable);
  styrkort_page_name_button (self->remove_button, remove, editable);
  for (guint i = 0; i < items->len; i++)
    {
      StyrkortAgendaItem *item = items->pdata[i];
      add_item (self, item, i + 1);
      for (guint j = 0; j < decisions->len; j++)
        if (((StyrkortDecision *) decisions->pdata[j])->agenda_item_id == item->id)
          add_decision (self, project, decisions->pdata[j]);
    }
  add_agenda_buttons (self, m);
  /* The expander's own lists (read by screen readers while it is closed
   * too): named for the meeting. */
  styrkort_a11y_name_lists (GTK_WIDGET (self), lists);
  return GTK_WIDGET (self);
}

static guint
new_signal (StyrkortMeetingRowClass *klass, const char *name, gboolean with_id)
{
  return g_signal_new (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                       with_id ? 1 : 0, G_TYPE_INT64);
}

static void
styrkort_meeting_row_class_init (StyrkortMeetingRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[EDIT] = new_signal (klass, "edit", FALSE);
  signals[REMOVE] = new_signal (klass, "remove", FALSE);
  signals[ADD_ITEM] = new_signal (klass, "add-item", FALSE);
  signals[AGENDA_FROM_BRIEF] = new_signal (klass, "agenda-from-brief", FALSE);
  signals[RECORD_DECISION] = new_signal (klass, "record-decision", TRUE);
  signals[REMOVE_ITEM] = new_signal (klass, "remove-item", TRUE);
  signals[CREATE_ACTION] = new_signal (klass, "create-action", TRUE);
  signals[REMOVE_DECISION] = new_signal (klass, "remove-decision", TRUE);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortMeetingRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortMeetingRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
styrkort_meeting_row_init (StyrkortMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
