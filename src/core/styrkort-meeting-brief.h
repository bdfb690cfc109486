/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Inför mötet": what the steering group should look at in its next meeting,
 * computed from a project for a day, as sections of lines for people. */
#pragma once

#include "styrkort-chart.h"
#include "styrkort-project.h"

G_BEGIN_DECLS

typedef enum {
  STYRKORT_BRIEF_ACTIONS,    /* overdue, and due before the next meeting */
  STYRKORT_BRIEF_SUBGOALS,   /* off track: worse than the baseline, or behind the line */
  STYRKORT_BRIEF_CHANGES,    /* the indicators that changed most since the previous tertial */
  STYRKORT_BRIEF_CITY,       /* unit figures furthest on the wrong side of the city line */
  STYRKORT_BRIEF_GAPS,       /* not assessed, units without figures, changed after reporting */
  STYRKORT_BRIEF_DECISIONS,  /* the previous meeting's decisions and what became of them */
  STYRKORT_BRIEF_N_SECTIONS
} StyrkortBriefSectionKind;

/* Where a line is fixed. */
typedef enum {
  STYRKORT_BRIEF_LINK_NONE,
  STYRKORT_BRIEF_LINK_ACTION,    /* action_id on the page of area_id */
  STYRKORT_BRIEF_LINK_SUBGOAL,   /* subgoal_id on the page of area_id */
  STYRKORT_BRIEF_LINK_AREA,      /* area_id, the assessment of operation_id (0: the page) */
  STYRKORT_BRIEF_LINK_FIGURE,    /* the grid cell indicator_id × unit_id in period (0: the unit's row) */
  STYRKORT_BRIEF_LINK_REPORT,    /* the changes after reporting period (Översikt) */
  STYRKORT_BRIEF_LINK_MEETING,   /* meeting_id on Styrgrupp */
} StyrkortBriefLinkKind;

typedef struct {
  StyrkortBriefLinkKind kind;
  gint64 action_id;
  gint64 subgoal_id;
  gint64 area_id;
  gint64 operation_id;
  gint64 indicator_id;
  gint64 unit_id;
  gint64 meeting_id;
  StyrkortPeriod period;
} StyrkortBriefLink;

typedef struct {
  char *text;               /* the line, in the user's language, figures formatted */
  char *detail;             /* what it rests on (owner and date, the figures), or NULL */
  double urgency;           /* larger first; lines are sorted by it */
  gboolean attention;       /* overdue, off track, changed after reporting: marked */
  StyrkortBriefLink link;
} StyrkortBriefLine;

typedef struct {
  StyrkortBriefSectionKind kind;
  char *title;              /* "Åtgärder" */
  char *empty;              /* what to say when there are no lines */
  GPtrArray *lines;         /* StyrkortBriefLine*, most urgent first */
  guint n_more;             /* lines left out by styrkort_brief_truncate() */
} StyrkortBriefSection;

typedef struct {
  char *today;              /* ISO date the brief is for */
  char *since;              /* the previous meeting, else the start of today's tertial */
  char *next_meeting;       /* the next meeting recorded, else today + 4 weeks */
  gboolean next_recorded;   /* next_meeting is a recorded meeting */
  gint64 next_meeting_id;   /* 0 unless recorded */
  gint64 previous_meeting_id; /* 0 when none */
  StyrkortPeriod period;    /* "this tertial" */
  GPtrArray *sections;      /* StyrkortBriefSection*, in StyrkortBriefSectionKind order */
} StyrkortBrief;

/* Days between "next meeting" and today when no next meeting is recorded. */
#define STYRKORT_BRIEF_DEFAULT_DAYS 28

/* The brief for the meeting after @today (ISO date; NULL: today), with
 * @period as this tertial (its figures, assessments and units). */
StyrkortBrief *styrkort_brief_new      (StyrkortProject *project, StyrkortPeriod period, const char *today);
void           styrkort_brief_free     (StyrkortBrief *brief);
/* This tertial for a brief on @today (NULL: today): the latest with figures
 * up to today's, else today's. */
StyrkortPeriod styrkort_brief_default_period (StyrkortProject *project, const char *today);
/* A copy with at most @max_lines lines per section: the most urgent ones;
 * what was left out is counted in n_more (see styrkort_brief_more_text()). */
StyrkortBrief *styrkort_brief_truncate (const StyrkortBrief *brief, guint max_lines);
/* "och 3 till" / "and 3 more"; NULL when nothing was left out. */
char          *styrkort_brief_more_text (const StyrkortBriefSection *section);
/* The sections that have lines, as agenda item titles: "Åtgärder (3)". */
GStrv          styrkort_brief_agenda   (const StyrkortBrief *brief);
/* The whole brief as plain text, one line per line (for the command line and tests). */
char          *styrkort_brief_to_text  (const StyrkortBrief *brief);
/* One slide per section (STYRKORT_CHART_LIST), for the projected view. */
GPtrArray     *styrkort_brief_new_slides (const StyrkortBrief *brief, const char *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortBrief, styrkort_brief_free)

G_END_DECLS
