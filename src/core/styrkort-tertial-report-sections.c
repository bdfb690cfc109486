/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tertial report's sections: one per area and theme, the indicator
 * tables, and the steering group. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "styrkort-chart-data.h"
#include "styrkort-figure-rules.h"
#include "styrkort-number.h"
#include "styrkort-tertial-report-private.h"

static const StyrkortIndicator *
find_indicator (StyrkortTertialReport *r, gint64 id)
{
  for (guint i = 0; i < r->indicators->len; i++)
    if (((StyrkortIndicator *) r->indicators->pdata[i])->id == id)
      return r->indicators->pdata[i];
  return NULL;
}

static const StyrkortOperation *
find_operation (StyrkortTertialReport *r, gint64 id)
{
  for (guint i = 0; i < r->operations->len; i++)
    if (((StyrkortOperation *) r->operations->pdata[i])->id == id)
      return r->operations->pdata[i];
  return NULL;
}

static const char *
operation_name (StyrkortTertialReport *r, gint64 id)
{
  const StyrkortOperation *op = find_operation (r, id);
  return op ? _styrkort_tertial_report_name (r, op->name_sv, op->name_en) : "";
}

static const char *
indicator_name (StyrkortTertialReport *r, const StyrkortIndicator *ind)
{
  return ind ? _styrkort_tertial_report_name (r, ind->name_sv, ind->name_en) : "";
}

/* A number of a sub-goal: the indicator's figure, or as typed. */
static char *
goal_number (const StyrkortIndicator *ind, double value)
{
  return ind ? _styrkort_tertial_report_figure (ind, value) : styrkort_format_count (value, STYRKORT_NUMBER_SWEDISH);
}

/* Area sections ------------------------------------------------------------------ */

static void
write_assessments (StyrkortTertialReport *r, guint area)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  styrkort_pdf_document_heading (r->doc, 2, _("Assessment per operation"));
  for (guint o = 0; o < r->operations->len; o++)
    {
      StyrkortOperation *op = r->operations->pdata[o];
      StyrkortAssessment *as = _styrkort_tertial_report_assessment (r, area, o);
      g_autofree char *label = NULL;
      const char *name = _styrkort_tertial_report_name (r, op->name_sv, op->name_en);

      if (as == NULL)
        {
          g_ptr_array_add (missing, (char *) name);
          continue;
        }
      /* TRANSLATORS: an operation and the status of its assessment */
      label = g_strdup_printf (_("%s: %s"), name, styrkort_status_label (as->status));
      styrkort_pdf_document_paragraph (r->doc, label, STYRKORT_PDF_TEXT_LABEL);
      if (as->text != NULL && *as->text != '\0')
        styrkort_pdf_document_paragraph_indented (r->doc, as->text, STYRKORT_PDF_TEXT_BODY, 10);
      else
        styrkort_pdf_document_paragraph_indented (r->doc, _("No assessment written."), STYRKORT_PDF_TEXT_SMALL, 10);
    }
  if (missing->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;
      g_ptr_array_add (missing, NULL);
      names = g_strjoinv (", ", (char **) missing->pdata);
      text = g_strdup_printf (_("Not assessed in %s: %s."), r->period_name, names);
      styrkort_pdf_document_paragraph (r->doc, text, STYRKORT_PDF_TEXT_SMALL);
    }
}

static void
write_gender_note (StyrkortTertialReport *r, guint area)
{
  const char *note = r->gender_notes->pdata[area];

  styrkort_pdf_document_heading (r->doc, 2, _("Gender equality"));
  if (note != NULL && *note != '\0')
    styrkort_pdf_document_paragraph (r->doc, note, STYRKORT_PDF_TEXT_BODY);
  else
    styrkort_pdf_document_paragraph (r->doc, _("No gender-equality note for this period."), STYRKORT_PDF_TEXT_SMALL);
}

static void
write_subgoals (StyrkortTertialReport *r, guint area)
{
  GPtrArray *goals = r->goals->pdata[area];
  GArray *states = r->goal_states->pdata[area];
  static const double widths[] = { 2.8, 1.5, 2.2, 1.25, 1.25 };
  const char *header[] = { _("Sub-goal"), _("Indicator"), _("Baseline → latest → target"), _("Deadline"),
                           _("State"), NULL };

  styrkort_pdf_document_heading (r->doc, 2, _("Sub-goals"));
  if (goals->len == 0)
    {
      styrkort_pdf_document_paragraph (r->doc, _("No sub-goals."), STYRKORT_PDF_TEXT_SMALL);
      return;
    }
  styrkort_pdf_document_table_begin (r->doc, 5, widths, NULL, header);
  for (guint i = 0; i < goals->len; i++)
    {
      StyrkortSubgoal *g = goals->pdata[i];
      const StyrkortIndicator *ind = g->indicator_id ? find_indicator (r, g->indicator_id) : NULL;
      double latest = g_array_index (states, StyrkortTertialGoal, i).latest;
      StyrkortGoalState state = g_array_index (states, StyrkortTertialGoal, i).state;
      g_autofree char *baseline = goal_number (ind, g->baseline);
      g_autofree char *now = goal_number (ind, latest);
      g_autofree char *target = goal_number (ind, g->target);
      g_autofree char *path = g_strdup_printf ("%s → %s → %s", baseline, now, target);
      const char *cells[] = { g->text, indicator_name (r, ind), path, g->deadline ? g->deadline : "",
                              styrkort_goal_state_label (state), NULL };
      styrkort_pdf_document_table_row (r->doc, cells, NULL, FALSE);
    }
  styrkort_pdf_document_table_end (r->doc);
}

/* Notes longer than this (characters) go under the actions' table. */
#define LONG_NOTE 280

static void
write_actions (StyrkortTertialReport *r, guint area)
{
  GPtrArray *actions = r->actions->pdata[area];
  static const double widths[] = { 2.4, 2.0, 1.25, 1.0, 2.0 };
  const char *header[] = { _("Action"), _("Owner"), _("Due"), _("Status"), _("Note"), NULL };

  styrkort_pdf_document_heading (r->doc, 2, _("Actions"));
  if (actions->len == 0)
    {
      styrkort_pdf_document_paragraph (r->doc, _("No actions."), STYRKORT_PDF_TEXT_SMALL);
      return;
    }
  styrkort_pdf_document_table_begin (r->doc, 5, widths, NULL, header);
  for (guint i = 0; i < actions->len; i++)
    {
      StyrkortAction *a = actions->pdata[i];
      gboolean below = a->note != NULL && g_utf8_strlen (a->note, -1) > LONG_NOTE;
      const char *cells[] = { a->text, a->owner ? a->owner : "", a->due ? a->due : "",
                              styrkort_action_state_label (a->state),
                              below ? _("Note below the table.") : a->note ? a->note : "", NULL };
      styrkort_pdf_document_table_row (r->doc, cells, NULL, FALSE);
    }
  styrkort_pdf_document_table_end (r->doc);
  /* A long note would make a narrow column pages long: it follows in full width. */
  for (guint i = 0; i < actions->len; i++)
    {
      StyrkortAction *a = actions->pdata[i];
      if (a->note == NULL || g_utf8_strlen (a->note, -1) <= LONG_NOTE)
        continue;
      styrkort_pdf_document_paragraph (r->doc, a->text, STYRKORT_PDF_TEXT_LABEL);
      styrkort_pdf_document_paragraph_indented (r->doc, a->note, STYRKORT_PDF_TEXT_BODY, 10);
    }
}

static void
write_charts (StyrkortTertialReport *r, guint area)
{
  GPtrArray *charts = r->charts->pdata[area];

  if (charts->len == 0)
    return;
  /* The heading goes with the first chart. */
  styrkort_pdf_document_keep (r->doc, _styrkort_tertial_report_chart_height (charts->pdata[0]) + 50);
  styrkort_pdf_document_heading (r->doc, 2, _("Charts"));
  for (guint i = 0; i < charts->len; i++)
    styrkort_pdf_document_drawing (r->doc, _styrkort_tertial_report_drawing (r, charts->pdata[i]),
                                   _styrkort_tertial_report_chart_height (charts->pdata[i]));
}

void
_styrkort_tertial_report_area (StyrkortTertialReport *r, guint area)
{
  g_autofree char *title = styrkort_area_display_title (r->areas->pdata[area]);

  styrkort_pdf_document_heading (r->doc, 1, title);
  write_assessments (r, area);
  write_gender_note (r, area);
  write_subgoals (r, area);
  write_actions (r, area);
  write_charts (r, area);
}

/* Indicators ----------------------------------------------------------------------- */

/* How the district total of @ind is computed, in a sentence. */
static char *
total_rule (StyrkortTertialReport *r, const StyrkortIndicator *ind)
{
  if (ind->level == STYRKORT_LEVEL_DISTRICT)
    return g_strdup (_("A figure for the district as a whole."));
  switch (ind->total_rule)
    {
    case STYRKORT_TOTAL_RATE:
      return g_strdup_printf (ind->measure == STYRKORT_MEASURE_PERCENT
                                ? _("The district total is the units' “%s” added up, divided by their “%s” added "
                                    "up, × 100; never the mean of the units' rates.")
                                : _("The district total is the units' “%s” added up, divided by their “%s” added "
                                    "up; never the mean of the units' rates."),
                              _styrkort_tertial_report_name (r, ind->numerator_sv, ind->numerator_en),
                              _styrkort_tertial_report_name (r, ind->denominator_sv, ind->denominator_en));
    case STYRKORT_TOTAL_SUM:
      return g_strdup (_("The district total is the units' figures added up."));
    case STYRKORT_TOTAL_MEAN:
    default:
      return g_strdup (_("The district total is the mean of the units' figures."));
    }
}

typedef struct {
  guint n;
  const char *cells[9];
} Line;

static void
line_add (Line *line, const char *text)
{
  line->cells[line->n++] = text ? text : "";
  line->cells[line->n] = NULL;
}

static void
write_indicator (StyrkortTertialReport *r, guint index)
{
  const StyrkortIndicator *ind = r->indicators->pdata[index];
  gboolean rate = ind->total_rule == STYRKORT_TOTAL_RATE && ind->numerator_sv != NULL;
  gboolean split = ind->gender_split;
  g_autofree char *rule = total_rule (r, ind);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  StyrkortTotal total = g_array_index (r->totals, StyrkortTotal, 2 * index);
  g_autofree char *why = styrkort_total_explain (&total, FALSE);
  double city = g_array_index (r->city, double, index);
  double widths[8];
  gboolean numeric[8];
  Line header = { 0 };
  guint n = 0;

#define COLUMN(title, width, right) (widths[n] = (width), numeric[n++] = (right), line_add (&header, (title)))
  COLUMN (_("Unit"), 2.6, FALSE);
  COLUMN (_("Operation"), 1.8, FALSE);
  COLUMN (_("Value"), 1.0, TRUE);
  if (split)
    {
      COLUMN (_("Women"), 0.9, TRUE);
      COLUMN (_("Men"), 0.9, TRUE);
    }
  if (rate)
    {
      COLUMN (_styrkort_tertial_report_name (r, ind->numerator_sv, ind->numerator_en), 1.1, TRUE);
      COLUMN (_styrkort_tertial_report_name (r, ind->denominator_sv, ind->denominator_en), 1.1, TRUE);
    }
  COLUMN (_("Comment"), 1.6, FALSE);
#undef COLUMN

  styrkort_pdf_document_heading (r->doc, 2, indicator_name (r, ind));
  styrkort_pdf_document_paragraph (r->doc, rule, STYRKORT_PDF_TEXT_SMALL);
  styrkort_pdf_document_table_begin (r->doc, n, widths, numeric, header.cells);

#define FIGURE(v) (g_ptr_array_add (texts, _styrkort_tertial_report_figure (ind, (v))), \
                   (const char *) texts->pdata[texts->len - 1])
#define COUNT(v) (g_ptr_array_add (texts, styrkort_format_count ((v), STYRKORT_NUMBER_SWEDISH)), \
                  (const char *) texts->pdata[texts->len - 1])
  for (guint u = 0; u <= r->units->len; u++)
    {
      StyrkortUnit *unit = u < r->units->len ? r->units->pdata[u] : NULL;
      StyrkortValue *v;
      Line line = { 0 };

      /* The units for a unit-level figure; the district's own row for the others. */
      if ((unit == NULL) != (ind->level == STYRKORT_LEVEL_DISTRICT))
        continue;
      v = _styrkort_tertial_report_value (r, index, unit ? (gint) u : -1);
      line_add (&line, unit ? unit->name : _("The district as a whole"));
      line_add (&line, unit ? operation_name (r, unit->operation_id) : "");
      line_add (&line, FIGURE (v ? v->value : NAN));
      if (split)
        {
          line_add (&line, FIGURE (v ? v->women : NAN));
          line_add (&line, FIGURE (v ? v->men : NAN));
        }
      if (rate)
        {
          line_add (&line, COUNT (v ? v->numerator : NAN));
          line_add (&line, COUNT (v ? v->denominator : NAN));
        }
      line_add (&line, v ? v->comment : "");
      styrkort_pdf_document_table_row (r->doc, line.cells, NULL, FALSE);
    }
  if (ind->level == STYRKORT_LEVEL_UNIT)
    {
      Line line = { 0 };
      g_ptr_array_add (texts, styrkort_format_total (ind, &total, STYRKORT_NUMBER_SWEDISH));
      line_add (&line, _("District total"));
      line_add (&line, "");
      line_add (&line, texts->pdata[texts->len - 1]);
      if (split)
        {
          line_add (&line, rate ? "" : FIGURE (total.women));
          line_add (&line, rate ? "" : FIGURE (total.men));
        }
      if (rate)
        {
          line_add (&line, COUNT (total.numerator));
          line_add (&line, COUNT (total.denominator));
        }
      line_add (&line, "");
      styrkort_pdf_document_table_row (r->doc, line.cells, NULL, TRUE);
    }
  if (!isnan (city))
    {
      Line line = { 0 };
      line_add (&line, _("City"));
      line_add (&line, "");
      line_add (&line, FIGURE (city));
      for (guint c = 3; c < n; c++)
        line_add (&line, "");
      styrkort_pdf_document_table_row (r->doc, line.cells, NULL, FALSE);
    }
#undef FIGURE
#undef COUNT
  styrkort_pdf_document_table_end (r->doc);
  if (why != NULL)
    styrkort_pdf_document_paragraph (r->doc, why, STYRKORT_PDF_TEXT_SMALL);
}

void
_styrkort_tertial_report_indicators (StyrkortTertialReport *r)
{
  g_autofree char *intro = g_strdup_printf (_("The figures of %s per unit, with women and men where they are "
                                              "counted apart, the city's value, and how each total is computed. "
                                              "– means no figure."), r->period_name);

  styrkort_pdf_document_heading (r->doc, 1, _("Indicators"));
  styrkort_pdf_document_paragraph (r->doc, intro, STYRKORT_PDF_TEXT_BODY);
  for (guint i = 0; i < r->indicators->len; i++)
    write_indicator (r, i);
}

/* Steering group -------------------------------------------------------------------- */

static gboolean
meeting_in_period (const StyrkortMeeting *m, StyrkortPeriod period)
{
  int year, month, day;

  if (m->date == NULL || sscanf (m->date, "%d-%d-%d", &year, &month, &day) != 3)
    return FALSE;
  return year == period.year && (month - 1) / 4 + 1 == period.tertial;
}

static const char *
agenda_title (GPtrArray *agenda, gint64 id)
{
  for (guint i = 0; i < agenda->len; i++)
    if (((StyrkortAgendaItem *) agenda->pdata[i])->id == id)
      return ((StyrkortAgendaItem *) agenda->pdata[i])->title;
  return "";
}

/* The decisions of the period's meetings, item by item, under their date. */
static void
write_meeting_decisions (StyrkortTertialReport *r, GPtrArray *meetings)
{
  static const double widths[] = { 1.25, 2, 3 };
  const char *header[] = { _("Date"), _("Item"), _("Decision"), NULL };
  gboolean begun = FALSE;

  for (guint i = 0; i < meetings->len; i++)
    {
      StyrkortMeeting *m = meetings->pdata[i];
      g_autoptr(GPtrArray) agenda = styrkort_project_list_agenda (r->project, m->id);
      g_autoptr(GPtrArray) decisions = styrkort_project_list_decisions (r->project, m->id);
      for (guint d = 0; d < decisions->len; d++)
        {
          StyrkortDecision *decision = decisions->pdata[d];
          const char *cells[] = { m->date, agenda_title (agenda, decision->agenda_item_id), decision->text, NULL };
          if (!begun)
            {
              styrkort_pdf_document_heading (r->doc, 2, _("Decisions"));
              styrkort_pdf_document_table_begin (r->doc, 3, widths, NULL, header);
              begun = TRUE;
            }
          styrkort_pdf_document_table_row (r->doc, cells, NULL, FALSE);
        }
    }
  if (begun)
    styrkort_pdf_document_table_end (r->doc);
}

void
_styrkort_tertial_report_steering (StyrkortTertialReport *r)
{
  g_autoptr(GPtrArray) members = styrkort_project_list_members (r->project);
  g_autoptr(GPtrArray) all = styrkort_project_list_meetings (r->project);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new ();
  static const double member_widths[] = { 1.5, 1.5, 1.5 };
  static const double meeting_widths[] = { 1.25, 5 };
  const char *member_header[] = { _("Name"), _("Role"), _("Organisation"), NULL };
  const char *meeting_header[] = { _("Date"), _("Notes"), NULL };

  styrkort_pdf_document_heading (r->doc, 1, _("Steering group"));
  styrkort_pdf_document_heading (r->doc, 2, _("Members"));
  if (members->len == 0)
    styrkort_pdf_document_paragraph (r->doc, _("No members entered."), STYRKORT_PDF_TEXT_SMALL);
  else
    {
      styrkort_pdf_document_table_begin (r->doc, 3, member_widths, NULL, member_header);
      for (guint i = 0; i < members->len; i++)
        {
          StyrkortMember *m = members->pdata[i];
          const char *cells[] = { m->name, m->role ? m->role : "", m->organisation ? m->organisation : "", NULL };
          styrkort_pdf_document_table_row (r->doc, cells, NULL, FALSE);
        }
      styrkort_pdf_document_table_end (r->doc);
    }

  styrkort_pdf_document_heading (r->doc, 2, _("Meetings"));
  for (guint i = 0; i < all->len; i++)
    if (meeting_in_period (all->pdata[i], r->period))
      g_ptr_array_add (meetings, all->pdata[i]);
  if (meetings->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No meetings in %s."), r->period_name);
      styrkort_pdf_document_paragraph (r->doc, none, STYRKORT_PDF_TEXT_SMALL);
      return;
    }
  styrkort_pdf_document_table_begin (r->doc, 2, meeting_widths, NULL, meeting_header);
  for (guint i = 0; i < meetings->len; i++)
    {
      StyrkortMeeting *m = meetings->pdata[i];
      const char *cells[] = { m->date, m->notes ? m->notes : "", NULL };
      styrkort_pdf_document_table_row (r->doc, cells, NULL, FALSE);
    }
  styrkort_pdf_document_table_end (r->doc);
  write_meeting_decisions (r, meetings);
}

/* The areas' long texts, as the sections above write them: shaped in a
 * thread while the document is laid out. */
void
_styrkort_tertial_report_prepare_texts (StyrkortTertialReport *r)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (StyrkortPdfParagraph));

  for (guint a = 0; a < r->areas->len; a++)
    {
      GPtrArray *actions = r->actions->pdata[a];
      const char *note = r->gender_notes->pdata[a];
      for (guint o = 0; o < r->operations->len; o++)
        {
          StyrkortAssessment *as = _styrkort_tertial_report_assessment (r, a, o);
          StyrkortPdfParagraph p = { as ? as->text : NULL, STYRKORT_PDF_TEXT_BODY, 10 };
          if (p.text != NULL && *p.text != '\0')
            g_array_append_val (paragraphs, p);
        }
      if (note != NULL && *note != '\0')
        {
          StyrkortPdfParagraph p = { note, STYRKORT_PDF_TEXT_BODY, 0 };
          g_array_append_val (paragraphs, p);
        }
      for (guint i = 0; i < actions->len; i++)
        {
          StyrkortAction *action = actions->pdata[i];
          StyrkortPdfParagraph p = { action->note, STYRKORT_PDF_TEXT_BODY, 10 };
          if (p.text != NULL && g_utf8_strlen (p.text, -1) > LONG_NOTE)
            g_array_append_val (paragraphs, p);
        }
    }
  styrkort_pdf_document_prepare_paragraphs (r->doc, (StyrkortPdfParagraph *) (void *) paragraphs->data, paragraphs->len);
}
