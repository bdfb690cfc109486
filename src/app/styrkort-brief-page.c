/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inför mötet: the brief for the next meeting (styrkort-meeting-brief.c), one
 * titled list per section; each line takes the user to where it is fixed,
 * through the window's action win.go-to. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-brief-page.h"
#include "styrkort-page.h"
#include "styrkort-page-layout.h"

struct _StyrkortBriefPage {
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkWidget *sections;
  GtkWidget *summary;

  StyrkortProject *project;
  StyrkortBrief *brief;
  /* Filling in: the next line to add, and the list of its section. */
  guint next_section;
  guint next_line;
  GtkWidget *group;
  gboolean marks;
};

static void styrkort_brief_page_page_init (StyrkortPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrkortBriefPage, styrkort_brief_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STYRKORT_TYPE_PAGE, styrkort_brief_page_page_init))

static char *
area_key (StyrkortProject *project, gint64 area_id)
{
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (project);

  for (guint i = 0; i < areas->len; i++)
    if (((StyrkortArea *) areas->pdata[i])->id == area_id)
      return g_strdup (((StyrkortArea *) areas->pdata[i])->key);
  return NULL;
}

GVariant *
styrkort_brief_link_target (StyrkortProject *project, const StyrkortBriefLink *link)
{
  g_autofree char *page = NULL, *period = NULL, *focus = NULL;

  g_return_val_if_fail (link != NULL, NULL);
  if (styrkort_period_is_valid (link->period))
    period = styrkort_period_to_string (link->period);
  switch (link->kind)
    {
    case STYRKORT_BRIEF_LINK_ACTION:
      page = area_key (project, link->area_id);
      focus = g_strdup_printf ("action-%" G_GINT64_FORMAT, link->action_id);
      break;
    case STYRKORT_BRIEF_LINK_SUBGOAL:
      page = area_key (project, link->area_id);
      focus = g_strdup_printf ("subgoal-%" G_GINT64_FORMAT, link->subgoal_id);
      break;
    case STYRKORT_BRIEF_LINK_AREA:
      page = area_key (project, link->area_id);
      if (link->operation_id != 0)
        focus = g_strdup_printf ("assessment-%" G_GINT64_FORMAT, link->operation_id);
      break;
    case STYRKORT_BRIEF_LINK_FIGURE:
      page = g_strdup ("figures");
      if (link->indicator_id != 0 && link->unit_id != 0)
        focus = g_strdup_printf ("cell-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, link->indicator_id, link->unit_id);
      else if (link->unit_id != 0)
        focus = g_strdup_printf ("cell-*-%" G_GINT64_FORMAT, link->unit_id);
      else if (link->indicator_id != 0)
        focus = g_strdup_printf ("cell-%" G_GINT64_FORMAT "-*", link->indicator_id);
      break;
    case STYRKORT_BRIEF_LINK_REPORT:
      page = g_strdup ("overview");
      focus = g_strdup ("changed-after-reporting");
      break;
    case STYRKORT_BRIEF_LINK_MEETING:
      page = g_strdup ("steering");
      focus = g_strdup_printf ("meeting-%" G_GINT64_FORMAT, link->meeting_id);
      break;
    case STYRKORT_BRIEF_LINK_NONE:
    default:
      return NULL;
    }
  if (page == NULL)
    return NULL;
  return g_variant_new ("(sss)", page, period ? period : "", focus ? focus : "");
}

static void
on_row_activated_cb (AdwActionRow *row, StyrkortBriefPage *self)
{
  const StyrkortBriefLink *link = g_object_get_data (G_OBJECT (row), "link");
  g_autoptr(GVariant) target = link ? styrkort_brief_link_target (self->project, link) : NULL;

  /* Activating does not take the floating reference. */
  if (target != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.go-to", g_variant_ref_sink (target));
}

/* @marks: some line of the section is marked; the others keep its place. */
static GtkWidget *
line_row (StyrkortBriefPage *self, const StyrkortBriefLine *line, const char *name, gboolean marks)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (line->detail != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line->detail);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (line->link.kind != STYRKORT_BRIEF_LINK_NONE)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Go there"), -1);
      gtk_widget_set_tooltip_text (row, _("Go to where this is fixed"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "link", (gpointer) &line->link);
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
    }
  if (line->attention)
    {
      /* Overdue, off track, changed after reporting: marked as on the slides. */
      GtkWidget *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (mark, "warning");
      gtk_widget_set_tooltip_text (mark, _("Overdue, off track or changed after reporting"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Overdue, off track or changed after reporting"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
    }
  else if (marks)
    {
      GtkWidget *place = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_size_request (place, 16, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), place);
    }
  return row;
}

static char *
summary_text (const StyrkortBrief *brief)
{
  g_autofree char *period = styrkort_period_to_string (brief->period);
  g_autofree char *next = brief->next_recorded
    ? g_strdup_printf (_("Next meeting %s."), brief->next_meeting)
    /* TRANSLATORS: no next meeting is recorded on Styrgrupp */
    : g_strdup_printf (_("No next meeting is recorded; the brief looks ahead to %s."), brief->next_meeting);
  g_autofree char *since = brief->previous_meeting_id != 0
    ? g_strdup_printf (_("Since the previous meeting on %s"), brief->since)
    : g_strdup_printf (_("Since the start of the tertial on %s"), brief->since);

  /* TRANSLATORS: "Next meeting 2026-12-10. Since the previous meeting on 2026-08-28, figures of 2026 T2." */
  return g_strdup_printf (_("%s %s, with the figures of %s."), next, since, period);
}

/* The list of the next section, with its title. */
static void
add_section (StyrkortBriefPage *self)
{
  StyrkortBriefSection *section = self->brief->sections->pdata[self->next_section];
  g_autofree char *group_name = g_strdup_printf ("brief-section-%u", self->next_section);

  self->group = styrkort_page_add_group (self->sections, section->title,
                                         section->lines->len == 0 ? section->empty : NULL);
  gtk_widget_set_name (self->group, group_name);
  self->marks = FALSE;
  for (guint j = 0; j < section->lines->len; j++)
    self->marks |= ((StyrkortBriefLine *) section->lines->pdata[j])->attention;
  self->next_line = 0;
}

/* A section's list, or one of its lines, a step at a time: a brief of many
 * lines, wrapped, held the window over 100 ms built at once. */
static gboolean
build_step (GtkWidget *page)
{
  StyrkortBriefPage *self = STYRKORT_BRIEF_PAGE (page);
  StyrkortBriefSection *section;
  g_autofree char *name = NULL;

  if (self->next_section >= self->brief->sections->len)
    return FALSE;
  if (self->group == NULL)
    {
      add_section (self);
      return TRUE;
    }
  section = self->brief->sections->pdata[self->next_section];
  if (self->next_line >= section->lines->len)
    {
      self->group = NULL;
      return ++self->next_section < self->brief->sections->len;
    }
  name = g_strdup_printf ("brief-%u-%u", self->next_section, self->next_line);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group),
                             line_row (self, section->lines->pdata[self->next_line], name, self->marks));
  self->next_line++;
  return TRUE;
}

static void
rebuild (StyrkortBriefPage *self, StyrkortPeriod period)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;

  styrkort_page_steps_stop (GTK_WIDGET (self));
  g_clear_pointer (&self->brief, styrkort_brief_free);
  self->brief = styrkort_brief_new (self->project, period, NULL);
  summary = summary_text (self->brief);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  while ((child = gtk_widget_get_first_child (self->sections)) != NULL)
    gtk_box_remove (GTK_BOX (self->sections), child);
  self->next_section = 0;
  self->group = NULL;
  styrkort_page_steps_start (GTK_WIDGET (self), build_step);
}

static void
styrkort_brief_page_show (StyrkortPage *page, StyrkortProject *project, StyrkortPeriod period)
{
  StyrkortBriefPage *self = STYRKORT_BRIEF_PAGE (page);

  g_set_object (&self->project, project);
  rebuild (self, period);
}

static void
styrkort_brief_page_page_init (StyrkortPageInterface *iface)
{
  iface->show = styrkort_brief_page_show;
}

static void
styrkort_brief_page_dispose (GObject *object)
{
  StyrkortBriefPage *self = STYRKORT_BRIEF_PAGE (object);

  styrkort_page_steps_stop (GTK_WIDGET (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_BRIEF_PAGE);
  g_clear_pointer (&self->brief, styrkort_brief_free);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (styrkort_brief_page_parent_class)->dispose (object);
}

static void
styrkort_brief_page_class_init (StyrkortBriefPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_brief_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, STYRKORT_TYPE_PAGE_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-brief-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortBriefPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, StyrkortBriefPage, sections);
  gtk_widget_class_bind_template_child (widget_class, StyrkortBriefPage, summary);
}

static void
styrkort_brief_page_init (StyrkortBriefPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
styrkort_brief_page_new (void)
{
  return g_object_new (STYRKORT_TYPE_BRIEF_PAGE, NULL);
}
