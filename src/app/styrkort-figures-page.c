/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nyckeltal: a spreadsheet-like grid of every indicator field × unit for one period.
 *
 * Rows are the fields people fill in (leavers, average headcount, %, women,
 * men, …), columns the units, then the city comparison and the district
 * total. A cell saves when Enter is pressed or focus leaves it; Enter moves
 * down, Tab moves right. Text that is not a number is refused at the cell
 * and never stored. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "styrkort-locale.h"
#include "styrkort-figure-rules.h"
#include "styrkort-figures-page.h"
#include "styrkort-number.h"
#include "styrkort-number-entry.h"
#include "styrkort-cell-grid.h"
#include "styrkort-page.h"
#include "styrkort-page-layout.h"
#include "styrkort-units-dialog.h"

/* The value's own fields (StyrkortValueField), then the city comparison. */
typedef enum {
  FIELD_VALUE = STYRKORT_VALUE_FIELD_VALUE,
  FIELD_WOMEN = STYRKORT_VALUE_FIELD_WOMEN,
  FIELD_MEN = STYRKORT_VALUE_FIELD_MEN,
  FIELD_NUMERATOR = STYRKORT_VALUE_FIELD_NUMERATOR,
  FIELD_DENOMINATOR = STYRKORT_VALUE_FIELD_DENOMINATOR,
  FIELD_CITY,
  FIELD_CITY_PLACE,      /* a label above the city cell: the district's place among the districts */
} Field;

/* A row of the grid: one field of an indicator for every unit. */
typedef struct {
  Field field;
  const char *label;
  gboolean with_city;
} FieldRow;

static const char *field_keys[] = { "value", "women", "men", "numerator", "denominator", "city", "city-place" };

typedef struct {
  GtkWidget *entry;      /* StyrkortNumberEntry, or a label for totals */
  gint64 indicator_id;
  gint64 unit_id;
  Field field;
  int row, column;
} Cell;

struct _StyrkortFiguresPage {
  GtkWidget parent_instance;
  GtkWidget *box;        /* from ui/styrkort-figures-page.ui, with the heading */
  GtkWidget *grid;       /* the cells; scrolls both ways */
  GtkWidget *header;     /* the units' names: scroll sideways with the cells, stay on top */
  GtkWidget *labels;     /* the rows' names: scroll up and down with the cells, stay left */
  GtkWidget *scroller;   /* all of the above */
  GtkWidget *heading;
  StyrkortProject *project;
  StyrkortPeriod period;
  GArray *cells;         /* Cell */
  GPtrArray *indicators;
  GPtrArray *units;
  gboolean grid_stale;   /* units or indicators changed since the grid was built */
  /* While the grid is built, an indicator a step (styrkort_page_steps_start): */
  guint next_indicator;
  int next_row;
  int indicator_row;         /* where the indicator being built begins */
  FieldRow field_rows[5];    /* its rows */
  guint n_field_rows, next_field_row;
  GPtrArray *build_values;   /* the period's values */
  GPtrArray *column_groups;  /* GtkSizeGroup: each unit's name and its column */
  GArray *column_kinds;      /* guint8 per column: which kinds of cell (1 entry, 2 label) are in its group */
};

static void styrkort_figures_page_page_init (StyrkortPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrkortFiguresPage, styrkort_figures_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (STYRKORT_TYPE_PAGE, styrkort_figures_page_page_init))

static StyrkortIndicator *
indicator_by_id (StyrkortFiguresPage *self, gint64 id)
{
  for (guint i = 0; i < self->indicators->len; i++)
    if (((StyrkortIndicator *) self->indicators->pdata[i])->id == id)
      return self->indicators->pdata[i];
  return NULL;
}

static Cell *
cell_of (StyrkortFiguresPage *self, GtkWidget *entry)
{
  /* None once the page is disposed: a cell can lose the focus after, when
   * its window is destroyed without being closed first (bench-typing's
   * end crashed here, in three runs of four). */
  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    if (g_array_index (self->cells, Cell, i).entry == entry)
      return &g_array_index (self->cells, Cell, i);
  return NULL;
}

/* A cell's text for people: rates and percentages as everywhere else,
 * base figures and counts as typed. */
static char *
cell_text (const StyrkortIndicator *ind, Field field, double value)
{
  StyrkortNumberStyle style = styrkort_number_style_for_locale ();
  gboolean figure = field == FIELD_VALUE || field == FIELD_CITY ||
                    ((field == FIELD_WOMEN || field == FIELD_MEN) && ind->measure != STYRKORT_MEASURE_COUNT);

  return figure ? styrkort_format_figure (ind, value, style) : styrkort_format_count (value, style);
}

static char *
total_text (const StyrkortIndicator *ind, const StyrkortTotal *t, Field field)
{
  double v = field == FIELD_NUMERATOR ? t->numerator : field == FIELD_DENOMINATOR ? t->denominator
           : field == FIELD_WOMEN ? t->women : field == FIELD_MEN ? t->men : t->value;

  if (field == FIELD_VALUE)
    return styrkort_format_total (ind, t, styrkort_number_style_for_locale ());
  return cell_text (ind, field, v);
}

static const char *
total_tooltip (const StyrkortIndicator *ind, const StyrkortTotal *t, Field field, char **owned)
{
  if (field == FIELD_VALUE)
    return *owned = styrkort_total_explain (t, FALSE);
  if ((field == FIELD_WOMEN || field == FIELD_MEN) && ind->total_rule == STYRKORT_TOTAL_RATE)
    return _("Women and men have no total: their rates are kept without the figures they are computed from.");
  return NULL;
}

/* Setting a tooltip, even the same one, has GTK look for the widget under
 * the pointer again: with a grid of cells shown anew after each figure, that
 * was most of the time the page took. */
static void
set_tooltip (GtkWidget *widget, const char *text)
{
  const char *now = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (now, text && *text ? text : NULL) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* A rate computed from its base cannot be typed over by accident: the cell
 * is read-only and says where the figure comes from. */
static void
show_cell (StyrkortFiguresPage *self, const StyrkortIndicator *ind, Cell *c, const StyrkortValue *v)
{
  gboolean computed = c->field == FIELD_VALUE && styrkort_value_is_computed (ind, v);
  double value = v ? styrkort_value_get_field (v, (StyrkortValueField) c->field) : NAN;
  g_autofree char *text = cell_text (ind, c->field, value);
  g_autofree char *computed_from = NULL;

  styrkort_number_entry_set_value (STYRKORT_NUMBER_ENTRY (c->entry), value, text);
  gtk_editable_set_editable (GTK_EDITABLE (c->entry), !computed && !styrkort_project_is_read_only (self->project));
  if (computed)
    {
      gtk_widget_add_css_class (c->entry, "derived");
      computed_from = g_strdup_printf (_("Computed from %s and %s. Change those figures, or clear them to type the "
                                         "rate itself."),
                                       STYRKORT_LOCALIZED (ind, numerator),
                                       STYRKORT_LOCALIZED (ind, denominator));
    }
  else
    gtk_widget_remove_css_class (c->entry, "derived");
  set_tooltip (c->entry, computed ? computed_from : v && v->comment && *v->comment ? v->comment : NULL);
}

static const StyrkortValue *
value_of_unit (GPtrArray *values, gint64 indicator_id, gint64 unit_id)
{
  for (guint i = 0; i < values->len; i++)
    {
      const StyrkortValue *v = values->pdata[i];
      if (v->indicator_id == indicator_id && v->unit_id == unit_id)
        return v;
    }
  return NULL;
}

/* Shows the stored state of one indicator's cells: values, derived
 * percentages and the district totals, from @values (the period's values,
 * read once for the whole grid), or read for this indicator alone. */
static void
show_indicator (StyrkortFiguresPage *self, gint64 indicator_id, GPtrArray *values)
{
  StyrkortIndicator *ind = indicator_by_id (self, indicator_id);
  g_autoptr(GPtrArray) own = values ? NULL : styrkort_project_list_values (self->project, indicator_id, self->period);
  StyrkortTotal total;
  StyrkortCityValue city;

  if (values == NULL)
    values = own;
  total = styrkort_district_total (ind, (const StyrkortValue * const *) values->pdata, values->len, self->units->len);
  styrkort_project_get_city_value (self->project, indicator_id, self->period, &city);
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *c = &g_array_index (self->cells, Cell, i);
      if (c->indicator_id != indicator_id)
        continue;
      if (c->field == FIELD_CITY_PLACE)
        {
          g_autofree char *place = styrkort_format_place (city.place, city.places);
          g_autofree char *text = place ? g_strdup_printf (_("place %s"), place) : NULL;
          gtk_label_set_text (GTK_LABEL (c->entry), text ? text : "");
        }
      else if (GTK_IS_LABEL (c->entry))
        {
          g_autofree char *text = total_text (ind, &total, c->field);
          g_autofree char *owned = NULL;
          gtk_label_set_text (GTK_LABEL (c->entry), text);
          set_tooltip (c->entry, total_tooltip (ind, &total, c->field, &owned));
        }
      else if (c->field == FIELD_CITY)
        {
          g_autofree char *text = cell_text (ind, FIELD_CITY, city.value);
          g_autofree char *place = styrkort_format_place (city.place, city.places);
          g_autofree char *tip = place ? g_strdup_printf (_("The district’s place among the districts: %s (1 is the "
                                                            "best), from the city’s workbook"), place) : NULL;
          styrkort_number_entry_set_value (STYRKORT_NUMBER_ENTRY (c->entry), city.value, text);
          set_tooltip (c->entry, tip);
        }
      else
        show_cell (self, ind, c, value_of_unit (values, indicator_id, c->unit_id));
    }
}

static gboolean
store (StyrkortFiguresPage *self, Cell *c, double number, GError **error)
{
  StyrkortIndicator *ind = indicator_by_id (self, c->indicator_id);
  g_autoptr(StyrkortValue) old = NULL;
  StyrkortValue v;

  if (c->field == FIELD_CITY)
    {
      StyrkortCityValue city;
      /* The district's place, from the city workbook, stays with the value typed. */
      styrkort_project_get_city_value (self->project, c->indicator_id, self->period, &city);
      city.value = number;
      city.numerator = city.denominator = NAN;
      return styrkort_project_set_city_value (self->project, &city, error);
    }
  old = styrkort_project_get_value (self->project, c->indicator_id, c->unit_id, self->period);
  if (old != NULL)
    v = *old;
  else
    {
      styrkort_value_init (&v);
      v.indicator_id = c->indicator_id;
      v.unit_id = c->unit_id;
      v.period = self->period;
    }
  if (!styrkort_value_set_field (ind, &v, (StyrkortValueField) c->field, number, FALSE, error))
    return FALSE;
  if (isnan (v.value) && isnan (v.women) && isnan (v.men) && isnan (v.numerator) && isnan (v.denominator))
    return old == NULL || styrkort_project_clear_value (self->project, c->indicator_id, c->unit_id, self->period, error);
  return styrkort_project_set_value (self->project, &v, error);
}

/* Saves @entry if its text changed. FALSE when the text is refused. */
static gboolean
commit (StyrkortFiguresPage *self, GtkWidget *entry)
{
  Cell *c = cell_of (self, entry);
  g_autoptr(GError) error = NULL;
  double number;

  if (c == NULL || self->project == NULL || !styrkort_number_entry_is_changed (STYRKORT_NUMBER_ENTRY (entry)))
    return TRUE;
  if (!styrkort_number_entry_get_value (STYRKORT_NUMBER_ENTRY (entry), &number, &error) ||
      !store (self, c, number, &error))
    {
      styrkort_page_report (GTK_WIDGET (self), error);
      return FALSE;
    }
  /* A stored change came back through update (); a figure typed as it was
   * ("12" for 12,0) changed nothing and is shown as stored here. */
  if (styrkort_number_entry_is_changed (STYRKORT_NUMBER_ENTRY (entry)))
    show_indicator (self, c->indicator_id, NULL);
  return TRUE;
}

static void
on_entry_activate_cb (GtkEntry *entry, StyrkortFiguresPage *self)
{
  Cell *c = cell_of (self, GTK_WIDGET (entry));
  int row = c ? c->row : 0, column = c ? c->column : 0;
  Cell *below = NULL;

  if (!commit (self, GTK_WIDGET (entry)))
    return;
  /* Enter moves down, like in a spreadsheet, past cells computed from
   * others (a rate from its base), which cannot be typed in. */
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *d = &g_array_index (self->cells, Cell, i);
      if (d->column == column && d->row > row && GTK_IS_ENTRY (d->entry) &&
          gtk_editable_get_editable (GTK_EDITABLE (d->entry)) && (below == NULL || d->row < below->row))
        below = d;
    }
  if (below != NULL)
    gtk_widget_grab_focus (below->entry);
}

static void
on_entry_leave_cb (GtkEventControllerFocus *focus, StyrkortFiguresPage *self)
{
  commit (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
}

/* Column headers wrap between words, never inside one: the column is at
 * least as wide as the header's longest word. */
static GtkWidget *
header_label (const char *text, gboolean bold)
{
  GtkWidget *label = gtk_label_new (text);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  int longest = 6;

  for (guint i = 0; words[i] != NULL; i++)
    longest = MAX (longest, (int) g_utf8_strlen (words[i], -1));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label), longest);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX (longest, 14));
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
add_cell (StyrkortFiguresPage *self, const StyrkortIndicator *ind, gint64 unit_id, const char *unit_name,
          Field field, const char *row_label, int row, int column)
{
  g_autofree char *accessible = g_strdup_printf ("%s, %s, %s", STYRKORT_LOCALIZED (ind, name),
                                                 row_label, unit_name);
  Cell c = { NULL, ind->id, unit_id, field, row, column };

  c.entry = styrkort_number_entry_new (accessible);
  /* Linked for the lines of "Inför mötet" (win.go-to). */
  if (field == FIELD_VALUE && unit_id != 0)
    {
      g_autofree char *name = g_strdup_printf ("cell-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, ind->id, unit_id);
      styrkort_page_set_link (c.entry, name);
    }
  gtk_editable_set_editable (GTK_EDITABLE (c.entry), !styrkort_project_is_read_only (self->project));
  g_signal_connect (c.entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();
    g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave_cb), self);
    gtk_widget_add_controller (c.entry, focus);
  }
  gtk_grid_attach (GTK_GRID (self->grid), c.entry, column, row, 1, 1);
  g_array_append_val (self->cells, c);
}

static void
add_total (StyrkortFiguresPage *self, const StyrkortIndicator *ind, Field field, int row, int column)
{
  Cell c = { gtk_label_new (""), ind->id, 0, field, row, column };
  gtk_label_set_xalign (GTK_LABEL (c.entry), 1);
  gtk_widget_add_css_class (c.entry, "numeric");
  gtk_grid_attach (GTK_GRID (self->grid), c.entry, column, row, 1, 1);
  g_array_append_val (self->cells, c);
}

/* A row's name on lines of at most 24 characters, broken between words.
 * Broken here rather than wrapped by the label: a wrapping label's height
 * depends on the width it gets, and the row of cells beside it (another
 * grid, so that the names stay in view) is sized before that is known. */
static void
set_name_lines (GtkWidget *label, const char *text)
{
  g_autofree char *lines = styrkort_page_break_lines (text, 24);
  gtk_label_set_text (GTK_LABEL (label), lines);
}

/* The names' column about as wide as a line of a name from the first row
 * on: the grid is built a row at a time, and the cells moved right as
 * longer names came. Measured once (a label's width in characters is
 * measured again for every label, every frame). */
static void
keep_names_width (GtkWidget *labels)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (labels, "nnnnnnnnnnnnnnnnnnnnnnnn");
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_widget_set_size_request (labels, width + 12, -1);
}

static int
add_field_row (StyrkortFiguresPage *self, const StyrkortIndicator *ind, Field field, const char *label,
               gboolean with_city, int row)
{
  GtkWidget *caption = gtk_label_new (NULL);
  guint n = self->units->len;

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  set_name_lines (caption, label);
  gtk_widget_add_css_class (caption, "row-label");
  gtk_grid_attach (GTK_GRID (self->labels), caption, 0, row, 1, 1);
  if (ind->level == STYRKORT_LEVEL_DISTRICT)
    add_cell (self, ind, 0, _("District"), field, label, row, n + 2);
  else
    {
      for (guint u = 0; u < n; u++)
        {
          StyrkortUnit *unit = self->units->pdata[u];
          add_cell (self, ind, unit->id, unit->name, field, label, row, u + 1);
        }
      add_total (self, ind, field, row, n + 2);
    }
  if (with_city)
    add_cell (self, ind, 0, _("City"), FIELD_CITY, label, row, n + 1);
  return row + 1;
}

/* An indicator's heading row; above the city's cell, the district's place
 * among the districts (from the city workbook). */
static int
add_indicator_heading (StyrkortFiguresPage *self, const StyrkortIndicator *ind, int row)
{
  const char *unit = ind->measure == STYRKORT_MEASURE_PERCENT ? "%" : ind->measure == STYRKORT_MEASURE_RATIO ? _("ratio") : _("count");
  g_autofree char *title = g_strdup_printf ("%s (%s)", STYRKORT_LOCALIZED (ind, name), unit);
  GtkWidget *heading = gtk_label_new (NULL);
  Cell c = { gtk_label_new (""), ind->id, 0, FIELD_CITY_PLACE, row, self->units->len + 1 };

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  set_name_lines (heading, title);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "group-heading");
  gtk_grid_attach (GTK_GRID (self->labels), heading, 0, row, 1, 1);
  /* Its row among the cells, kept as high as the heading. */
  if (self->units->len > 0)
    gtk_grid_attach (GTK_GRID (self->grid), gtk_label_new (NULL), 1, row, (int) self->units->len, 1);
  gtk_label_set_xalign (GTK_LABEL (c.entry), 1);
  gtk_widget_set_valign (c.entry, GTK_ALIGN_END);
  gtk_widget_add_css_class (c.entry, "caption");
  gtk_widget_add_css_class (c.entry, "dim-label");
  gtk_grid_attach (GTK_GRID (self->grid), c.entry, c.column, row, 1, 1);
  g_array_append_val (self->cells, c);
  return row + 1;
}

/* The rows of an indicator's fields, in order: a rate's base figures come
 * first, women and men after the total of a rate, before a count's. */
static guint
indicator_rows (const StyrkortIndicator *ind, FieldRow rows[5])
{
  gboolean rate = ind->total_rule == STYRKORT_TOTAL_RATE;
  guint n = 0;

  if (rate)
    {
      rows[n++] = (FieldRow) { FIELD_NUMERATOR, STYRKORT_LOCALIZED (ind, numerator), FALSE };
      rows[n++] = (FieldRow) { FIELD_DENOMINATOR, STYRKORT_LOCALIZED (ind, denominator), FALSE };
    }
  if (ind->gender_split && !rate)
    {
      rows[n++] = (FieldRow) { FIELD_WOMEN, _("Women"), FALSE };
      rows[n++] = (FieldRow) { FIELD_MEN, _("Men"), FALSE };
    }
  rows[n++] = (FieldRow) { FIELD_VALUE, rate ? STYRKORT_LOCALIZED (ind, name) : _("Total"), TRUE };
  if (ind->gender_split && rate)
    {
      rows[n++] = (FieldRow) { FIELD_WOMEN, _("Women"), FALSE };
      rows[n++] = (FieldRow) { FIELD_MEN, _("Men"), FALSE };
    }
  return n;
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = styrkort_cell_grid_new ();
  gtk_widget_add_css_class (grid, "figures-grid");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  return grid;
}

/* The names and the cells are in three grids (so that the names stay in
 * view): each row of names is as high as its row of cells, each unit's name
 * as wide as its column. Done for rows @from to @to as they are added. */
static void
align_rows (StyrkortFiguresPage *self, int from, int to)
{
  guint columns = self->column_groups->len;

  for (int r = from; r < to; r++)
    {
      g_autoptr(GtkSizeGroup) group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
      GtkWidget *name = gtk_grid_get_child_at (GTK_GRID (self->labels), 0, r);
      if (name != NULL)
        gtk_size_group_add_widget (group, name);
      for (guint c = 1; c < columns; c++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self->grid), c, r);
          if (cell != NULL)
            {
              gtk_size_group_add_widget (group, cell);
              break;
            }
        }
    }
  for (guint c = 1; c < columns; c++)
    {
      guint8 *in = &g_array_index (self->column_kinds, guint8, c);
      /* One cell of each kind (field, total) stands for its column: the grid
       * makes the others as wide. With every cell in the group, one changed
       * figure had the whole column, and so the whole grid, measured again. */
      for (int r = from; r < to && *in != 3; r++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self->grid), c, r);
          guint8 kind = cell && GTK_IS_LABEL (cell) ? 2 : 1;
          int span = 1;
          if (cell != NULL)
            gtk_grid_query_child (GTK_GRID (self->grid), cell, NULL, NULL, &span, NULL);
          /* A heading's row spans all columns: not one column's width. */
          if (cell != NULL && span == 1 && !(*in & kind))
            {
              gtk_size_group_add_widget (self->column_groups->pdata[c], cell);
              *in |= kind;
            }
        }
    }
}

static void
start_columns (StyrkortFiguresPage *self, guint columns)
{
  g_clear_pointer (&self->column_groups, g_ptr_array_unref);
  g_clear_pointer (&self->column_kinds, g_array_unref);
  self->column_groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->column_kinds = g_array_sized_new (FALSE, TRUE, sizeof (guint8), columns);
  g_array_set_size (self->column_kinds, columns);
  for (guint c = 0; c < columns; c++)
    {
      GtkSizeGroup *group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
      GtkWidget *name = gtk_grid_get_child_at (GTK_GRID (self->header), c, 0);
      if (name != NULL && c > 0)
        gtk_size_group_add_widget (group, name);
      g_ptr_array_add (self->column_groups, group);
    }
}

static void
build_done (StyrkortFiguresPage *self)
{
  g_clear_pointer (&self->build_values, g_ptr_array_unref);
  g_clear_pointer (&self->column_groups, g_ptr_array_unref);
  g_clear_pointer (&self->column_kinds, g_array_unref);
}

/* A row at a time: an indicator's heading, then each of its fields; its
 * figures once its rows are all there. */
static gboolean
build_step (GtkWidget *page)
{
  StyrkortFiguresPage *self = STYRKORT_FIGURES_PAGE (page);
  StyrkortIndicator *ind;
  FieldRow *row;

  if (self->next_indicator >= self->indicators->len)
    {
      build_done (self);
      return FALSE;
    }
  ind = self->indicators->pdata[self->next_indicator];
  if (self->n_field_rows == 0)
    {
      self->indicator_row = self->next_row;
      self->next_row = add_indicator_heading (self, ind, self->next_row);
      self->n_field_rows = indicator_rows (ind, self->field_rows);
      self->next_field_row = 0;
      return TRUE;
    }
  row = &self->field_rows[self->next_field_row++];
  self->next_row = add_field_row (self, ind, row->field, row->label, row->with_city, self->next_row);
  if (self->next_field_row < self->n_field_rows)
    return TRUE;
  show_indicator (self, ind->id, self->build_values);
  align_rows (self, self->indicator_row, self->next_row);
  self->n_field_rows = 0;
  if (++self->next_indicator < self->indicators->len)
    return TRUE;
  build_done (self);
  return FALSE;
}

/* The frame of the grid: the units' names, the panes, no rows yet. */
static void
start_grid (StyrkortFiguresPage *self)
{
  guint n = self->units->len;

  g_array_set_size (self->cells, 0);
  if (self->scroller != NULL)
    gtk_box_remove (GTK_BOX (self->box), self->scroller);
  self->grid = new_grid ();
  self->header = new_grid ();
  self->labels = new_grid ();
  keep_names_width (self->labels);
  for (guint u = 0; u < n; u++)
    gtk_grid_attach (GTK_GRID (self->header), header_label (((StyrkortUnit *) self->units->pdata[u])->name, TRUE),
                     u + 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->header), header_label (_("City"), TRUE), n + 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->header), header_label (_("District total"), TRUE), n + 2, 0, 1, 1);
  self->next_row = 1;
  self->next_indicator = 0;
  self->n_field_rows = 0;
  if (n == 0)
    {
      GtkWidget *hint = gtk_label_new (_("This district has no units yet. Add them with “Units…” to enter their figures."));
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "heading");
      gtk_grid_attach (GTK_GRID (self->labels), hint, 0, self->next_row++, 1, 1);
    }
  start_columns (self, n + 3);
  self->scroller = styrkort_cell_grid_frozen_panes (self->header, self->labels, self->grid);
  gtk_box_append (GTK_BOX (self->box), self->scroller);
}

/* The grid is built an indicator at a time over the next frames (30 units
 * make some 900 cells: built at once they held the window 0.3 s). Another
 * period in a grid already built only shows the other figures. */
static void
styrkort_figures_page_show (StyrkortPage *page, StyrkortProject *project, StyrkortPeriod period)
{
  StyrkortFiguresPage *self = STYRKORT_FIGURES_PAGE (page);
  g_autofree char *name = styrkort_period_to_string (period);
  g_autofree char *heading = g_strdup_printf (_("Indicators, %s"), name);
  gboolean same_grid = self->project == project && !self->grid_stale && self->scroller != NULL &&
                       !styrkort_page_steps_running (GTK_WIDGET (self));

  gtk_label_set_text (GTK_LABEL (self->heading), heading);
  self->period = period;
  if (same_grid)
    {
      g_autoptr(GPtrArray) values = styrkort_project_list_period_values (project, period);
      for (guint i = 0; i < self->indicators->len; i++)
        show_indicator (self, ((StyrkortIndicator *) self->indicators->pdata[i])->id, values);
      return;
    }
  g_set_object (&self->project, project);
  self->grid_stale = FALSE;
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->build_values, g_ptr_array_unref);
  self->indicators = styrkort_project_list_indicators (project);
  self->units = styrkort_project_list_units (project);
  self->build_values = styrkort_project_list_period_values (project, period);
  start_grid (self);
  styrkort_page_steps_start (GTK_WIDGET (self), build_step);
}

/* The grid's rows and columns: a change of these builds it again. */
static const char * const grid_tables[] = { "unit", "indicator", "indicator_area", "operation", NULL };

/* Figures changed (typed here, undone, imported): only the changed
 * indicators' cells are shown again, from one read of the period when
 * several changed. */
static gboolean
styrkort_figures_page_update (StyrkortPage *page, StyrkortChanges *changes)
{
  StyrkortFiguresPage *self = STYRKORT_FIGURES_PAGE (page);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) values = NULL;

  if (self->project == NULL || styrkort_changes_touches_any (changes, grid_tables))
    {
      self->grid_stale = TRUE;
      return FALSE;
    }
  /* Cells still to be made are made with the figures as they are now. */
  if (styrkort_page_steps_running (GTK_WIDGET (self)))
    {
      g_clear_pointer (&self->build_values, g_ptr_array_unref);
      self->build_values = styrkort_project_list_period_values (self->project, self->period);
    }
  for (guint i = 0; i < self->indicators->len; i++)
    {
      gint64 id = ((StyrkortIndicator *) self->indicators->pdata[i])->id;
      if (styrkort_changes_touches_figures (changes, id, &self->period))
        g_array_append_val (touched, id);
    }
  if (touched->len > 1)
    values = styrkort_project_list_period_values (self->project, self->period);
  for (guint i = 0; i < touched->len; i++)
    show_indicator (self, g_array_index (touched, gint64, i), values);
  return TRUE;
}

GtkWidget *
styrkort_figures_page_get_entry (StyrkortFiguresPage *self, const char *code, const char *field, gint64 unit_id)
{
  styrkort_page_steps_finish (GTK_WIDGET (self));
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *c = &g_array_index (self->cells, Cell, i);
      StyrkortIndicator *ind = indicator_by_id (self, c->indicator_id);
      if (g_str_equal (ind->code, code) && g_str_equal (field_keys[c->field], field) && c->unit_id == unit_id &&
          GTK_IS_ENTRY (c->entry))
        return c->entry;
    }
  return NULL;
}

static void
on_units_closed_cb (StyrkortFiguresPage *self)
{
  /* New or removed units are new or removed columns. */
  if (self->project != NULL)
    {
      self->grid_stale = TRUE;
      styrkort_figures_page_show (STYRKORT_PAGE (self), self->project, self->period);
    }
}

static void
on_units_clicked_cb (GtkButton *button, StyrkortFiguresPage *self)
{
  if (self->project != NULL)
    styrkort_units_dialog_show (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->project,
                                G_CALLBACK (on_units_closed_cb), self);
}

static void
styrkort_figures_page_page_init (StyrkortPageInterface *iface)
{
  iface->update = styrkort_figures_page_update;
  iface->show = styrkort_figures_page_show;
}

static void
styrkort_figures_page_dispose (GObject *object)
{
  StyrkortFiguresPage *self = STYRKORT_FIGURES_PAGE (object);
  styrkort_page_steps_stop (GTK_WIDGET (self));
  build_done (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_FIGURES_PAGE);
  g_clear_object (&self->project);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  G_OBJECT_CLASS (styrkort_figures_page_parent_class)->dispose (object);
}

static void
styrkort_figures_page_class_init (StyrkortFiguresPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_figures_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, STYRKORT_TYPE_PAGE_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-figures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortFiguresPage, box);
  gtk_widget_class_bind_template_child (widget_class, StyrkortFiguresPage, heading);
  gtk_widget_class_bind_template_callback (widget_class, on_units_clicked_cb);
}

static void
styrkort_figures_page_init (StyrkortFiguresPage *self)
{
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
styrkort_figures_page_new (void)
{
  return g_object_new (STYRKORT_TYPE_FIGURES_PAGE, NULL);
}
