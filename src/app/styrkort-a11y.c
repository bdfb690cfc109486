/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a screen reader hears, fixed in one place for every widget, GTK's and
 * libadwaita's own parts included (GTK 4.8 names them badly):
 *  - a button whose label has a mnemonic is named "_Save Save" (its label
 *    property with the underscore, then the label it is labelled by): it is
 *    named by the label's text alone;
 *  - a drop-down's inner toggle, its shown item and its popup list are
 *    "GtkToggleButton", "GtkListItemWidget", "GtkListView": they are
 *    labelled by the drop-down (or the combo row's title), the popup's items
 *    by their label;
 *  - lists without a name are named by the expander row, group, page or
 *    window they sit in; search entries by their placeholder; icon buttons
 *    by their tooltip or their icon; decorative images are hidden;
 *  - the pages of a shortcuts section ("_1") by the section.
 * Called once at startup: an emission hook on GtkWidget::map fixes each
 * widget as it is shown, and each window's whole tree (hidden stack pages,
 * popovers and leaflet pages are read by AT-SPI too) when the window is. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-a11y.h"

static void fix_widget (GtkWidget *widget);

static gboolean
is_type (GtkWidget *widget, const char *name)
{
  GType type = g_type_from_name (name);
  return type != 0 && g_type_is_a (G_OBJECT_TYPE (widget), type);
}

static GtkWidget *
ancestor_of_type (GtkWidget *widget, GType type, guint levels)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && levels > 0;
       w = gtk_widget_get_parent (w), levels--)
    if (g_type_is_a (G_OBJECT_TYPE (w), type))
      return w;
  return NULL;
}

static void
set_label (GtkWidget *widget, const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
labelled_by (GtkWidget *widget, GtkWidget *by)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, by, NULL, -1);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* The first label inside WIDGET, LEVELS deep at most. */
static GtkLabel *
find_label (GtkWidget *widget, guint levels)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = NULL;

      if (GTK_IS_LABEL (c))
        return GTK_LABEL (c);
      if (levels > 1 && (found = find_label (c, levels - 1)) != NULL)
        return found;
    }
  return NULL;
}

/* The first descendant of WIDGET of TYPE (the widget itself included). */
static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The title a list, text view or button sits under: the expander row, the
 * titled group, the page, the leaflet page's header or the window. */
static const char *
title_around (GtkWidget *widget)
{
  GtkWidget *w;

  if ((w = ancestor_of_type (widget, ADW_TYPE_EXPANDER_ROW, 4)) != NULL
      && has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w))))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
  if ((w = ancestor_of_type (widget, ADW_TYPE_PREFERENCES_GROUP, G_MAXUINT)) != NULL
      && has_text (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w))))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w));
  if ((w = ancestor_of_type (widget, ADW_TYPE_PREFERENCES_PAGE, G_MAXUINT)) != NULL
      && has_text (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (w))))
    return adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (w));
  for (w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);
      if (parent != NULL && (ADW_IS_LEAFLET (parent) || GTK_IS_STACK (parent)))
        {
          GtkWidget *title = find_type (w, ADW_TYPE_WINDOW_TITLE);
          if (title != NULL && has_text (adw_window_title_get_title (ADW_WINDOW_TITLE (title))))
            return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
        }
    }
  if (GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    return gtk_window_get_title (GTK_WINDOW (gtk_widget_get_root (widget)));
  return NULL;
}

/* Buttons. */

static void on_label_changed_cb (GObject *object, GParamSpec *pspec, gpointer button);

/* A button named by its mnemonic label: the label's text alone (not the
 * button's label property with its underscore, then the label again). */
static void
name_by_label (GtkWidget *button, GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);

  if (!has_text (text))
    return;
  set_label (button, text);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (g_object_get_data (G_OBJECT (button), "styrkort-a11y-label") != label)
    {
      /* Again when the text changes (the button's label property writes the
       * underscore back). */
      g_object_set_data (G_OBJECT (button), "styrkort-a11y-label", label);
      g_signal_connect_object (label, "notify::label", G_CALLBACK (on_label_changed_cb), button, G_CONNECT_AFTER);
      if (GTK_IS_BUTTON (button))
        g_signal_connect_object (button, "notify::label", G_CALLBACK (on_label_changed_cb), button, G_CONNECT_AFTER);
    }
}

static void
on_label_changed_cb (GObject *object, GParamSpec *pspec, gpointer button)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (button), "styrkort-a11y-label");
  if (label != NULL)
    name_by_label (button, label);
}

void
styrkort_a11y_name_mnemonic_button (GtkWidget *button)
{
  g_autofree char *label = g_strdup (gtk_button_get_label (GTK_BUTTON (button)));
  char *underscore = label != NULL ? strchr (label, '_') : NULL;

  if (underscore != NULL)
    memmove (underscore, underscore + 1, strlen (underscore));
  if (label != NULL)
    set_label (button, label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
styrkort_a11y_name_lists (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      styrkort_a11y_name_lists (child, label);
    }
}

static const char *
icon_name_of (GtkWidget *button)
{
  GtkWidget *child = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;

  if (child != NULL && GTK_IS_IMAGE (child))
    return gtk_image_get_icon_name (GTK_IMAGE (child));
  if (child != NULL && ADW_IS_BUTTON_CONTENT (child))
    return adw_button_content_get_icon_name (ADW_BUTTON_CONTENT (child));
  return NULL;
}

static void
fix_button (GtkWidget *button)
{
  GtkLabel *label = find_label (button, 3);
  const char *icon, *tooltip;

  if (label != NULL)
    {
      GtkWidget *mnemonic = gtk_label_get_mnemonic_widget (label);

      if (gtk_label_get_use_underline (label) && mnemonic != NULL && mnemonic != button
          && gtk_widget_is_ancestor (button, mnemonic))
        name_by_label (mnemonic, label);
      if (gtk_label_get_use_underline (label) || GTK_WIDGET (label) == gtk_button_get_child (GTK_BUTTON (button)))
        name_by_label (button, label);
      return;
    }
  /* An icon button: its tooltip, as the app's own icon buttons; else the
   * meaning of the icon (libadwaita's and GTK's search and back buttons). */
  tooltip = gtk_widget_get_tooltip_text (button);
  icon = icon_name_of (button);
  if (has_text (tooltip) && icon != NULL)
    set_label (button, tooltip);
  else if (g_strcmp0 (icon, "edit-find-symbolic") == 0)
    set_label (button, _("Search"));
  else if (g_strcmp0 (icon, "go-previous-symbolic") == 0 || g_strcmp0 (icon, "go-previous-rtl-symbolic") == 0)
    set_label (button, _("Back"));
  else if (g_strcmp0 (icon, "go-next-symbolic") == 0 || g_strcmp0 (icon, "go-next-rtl-symbolic") == 0)
    set_label (button, _("Forward"));
}

/* Images: a warning says so; an image with a tooltip is the app's own (named
 * where it is made); the rest are decoration (the check mark of a chosen
 * item, the arrow of a row, the icon of an entry row or a status page). */

static void on_image_visible_cb (GObject *object, GParamSpec *pspec, gpointer data);

static void
hide_decoration (GtkWidget *widget)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  if (g_object_get_data (G_OBJECT (widget), "styrkort-a11y-hidden") == NULL)
    {
      /* Shown again, GTK says it is not hidden. */
      g_object_set_data (G_OBJECT (widget), "styrkort-a11y-hidden", GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::visible", G_CALLBACK (on_image_visible_cb), NULL);
    }
}

static void
on_image_visible_cb (GObject *object, GParamSpec *pspec, gpointer data)
{
  if (gtk_widget_get_visible (GTK_WIDGET (object)))
    gtk_accessible_update_state (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

static void
fix_image (GtkWidget *image)
{
  const char *icon = gtk_image_get_icon_name (GTK_IMAGE (image));

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (image)) != GTK_ACCESSIBLE_ROLE_IMG
      || has_text (gtk_widget_get_tooltip_text (image)))
    return;
  if (g_strcmp0 (icon, "dialog-warning-symbolic") == 0)
    set_label (image, _("Warning"));
  else
    hide_decoration (image);
}

/* Drop-downs and combo rows: the toggle and the shown item are labelled by
 * the drop-down, the popup list by it too, each item in it by its label. */
static void
fix_popup (GtkWidget *widget, GtkWidget *owner, const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LIST_VIEW (c) || (GTK_IS_TOGGLE_BUTTON (c) && widget == owner)
          || (is_type (c, "GtkListItemWidget") && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (c))))
        {
          if (title != NULL)
            set_label (c, title);
          else
            labelled_by (c, owner);
        }
      else if (is_type (c, "GtkListItemWidget"))
        {
          GtkLabel *label = find_label (c, 4);
          if (label != NULL)
            labelled_by (c, GTK_WIDGET (label));
        }
      else if (GTK_IS_IMAGE (c))
        hide_decoration (c);
      fix_popup (c, owner, title);
    }
}

/* The pages of a shortcuts section are named "_1", "_2", … */
static void
fix_shortcuts_section (GtkWidget *section)
{
  GtkWidget *stack = find_type (section, GTK_TYPE_STACK);
  g_autofree char *title = NULL;
  g_autoptr(GListModel) pages = NULL;

  if (stack == NULL)
    return;
  g_object_get (section, "title", &title, NULL);
  if (!has_text (title))
    {
      g_free (title);
      title = g_strdup (title_around (section));
    }
  pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (stack)));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (pages, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      const char *name = gtk_stack_page_get_name (page);
      if (name != NULL && name[0] == '_' && has_text (title))
        gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
}

static void
fix_widget (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    fix_popup (widget, widget, NULL);
  else if (ADW_IS_COMBO_ROW (widget))
    fix_popup (widget, widget, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (GTK_IS_BUTTON (widget) && !GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
    fix_button (widget);
  else if (GTK_IS_IMAGE (widget))
    fix_image (widget);
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;
      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      set_label (widget, has_text (placeholder) ? placeholder : _("Search"));
    }
  else if (ADW_IS_EXPANDER_ROW (widget))
    set_label (widget, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (GTK_IS_LIST_BOX (widget))
    {
      /* A titled group names its list itself; so does the app its own. */
      GtkWidget *group = ancestor_of_type (widget, ADW_TYPE_PREFERENCES_GROUP, 3);
      if ((group != NULL && !has_text (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group))))
          || ancestor_of_type (widget, ADW_TYPE_EXPANDER_ROW, 4) != NULL)
        {
          const char *title = title_around (widget);
          if (has_text (title))
            set_label (widget, title);
        }
    }
  else if (GTK_IS_TEXT_VIEW (widget) && ADW_IS_ABOUT_WINDOW (gtk_widget_get_root (widget)))
    set_label (widget, title_around (widget));
  else if (GTK_IS_MENU_BUTTON (widget) && GTK_IS_SHORTCUTS_WINDOW (gtk_widget_get_root (widget)))
    set_label (widget, _("Sections"));
  else if (GTK_IS_SHORTCUTS_SECTION (widget))
    fix_shortcuts_section (widget);
  else if (GTK_IS_LABEL (widget) && is_type (gtk_widget_get_parent (widget), "GtkShortcutLabel"))
    {
      /* A key's name as GTK shows it untranslated, "Page_Up": read as words. */
      g_autofree char *words = g_strdelimit (g_strdup (gtk_label_get_text (GTK_LABEL (widget))), "_", ' ');
      set_label (widget, words);
    }
}

static void
fix_tree (GtkWidget *widget)
{
  fix_widget (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    fix_tree (c);
}

static gboolean
on_map_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  /* A window: all of it, the parts AT-SPI reads though they are not shown
   * (other stack and leaflet pages, popovers). */
  if (GTK_IS_ROOT (widget))
    fix_tree (widget);
  else
    fix_widget (widget);
  return TRUE;
}

void
styrkort_a11y_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map_hook, NULL, NULL);
}
