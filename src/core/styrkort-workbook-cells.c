/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing the workbooks' cells safely: text never a formula, each result checked, the file finished. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "styrkort-workbook-private.h"

/* The first cell that could not be written. A workbook is written by one
 * thread from start to finish, so each thread keeps its own. */
static GPrivate first_refusal = G_PRIVATE_INIT ((GDestroyNotify) g_error_free);

void
_styrkort_workbook_begin (void)
{
  g_private_replace (&first_refusal, NULL);
}

/* Keeps why the cell at @row, @col could not be written, unless an earlier
 * cell already failed: libxlsxwriter refuses a cell and goes on, and a
 * workbook with a cell left out must not be sent as if complete. */
void
_styrkort_workbook_note_refusal (lxw_worksheet *ws, int row, int col, lxw_error rc, const char *value)
{
  char cell[32];
  GError *error = NULL;

  if (rc == LXW_NO_ERROR || g_private_get (&first_refusal) != NULL)
    return;
  lxw_rowcol_to_cell (cell, (lxw_row_t) row, (lxw_col_t) col);
  if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    {
      g_autofree char *start = g_utf8_substring (value, 0, 40);
      error = g_error_new (STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
                           _("The text for the sheet “%s”, cell %s (“%s…”) is longer than the 32,767 characters "
                             "a workbook cell can hold. Shorten it and export again."), ws->name, cell, start);
    }
  else if (rc == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
    error = g_error_new (STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
                         _("The sheet “%s” would need more than the 1,048,576 rows and 16,384 columns a workbook "
                           "can hold (cell %s). Export fewer periods or districts."), ws->name, cell);
  else
    error = g_error_new (STYRKORT_ERROR, STYRKORT_ERROR_IO, _("The sheet “%s”, cell %s could not be written: %s"),
                         ws->name, cell, lxw_strerror (rc));
  g_private_set (&first_refusal, error);
}

void
_styrkort_workbook_text (lxw_worksheet *ws, int row, int col, const char *value, lxw_format *format)
{
  StyrkortSheetLayout *layout = _styrkort_sheet_layout_for (ws);

  if (layout != NULL)
    _styrkort_sheet_layout_note (layout, row, col, col, value, format);
  if (value != NULL && *value != '\0')
    _styrkort_workbook_note_refusal (ws, row, col, worksheet_write_string (ws, row, col, value, format), value);
  else
    _styrkort_workbook_note_refusal (ws, row, col, worksheet_write_blank (ws, row, col, format), NULL);
}

gboolean
_styrkort_workbook_date_serial (const char *iso, double *serial)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  unsigned year, month, day;
  char end;
  GDate date, epoch_date, *epoch = &epoch_date;

  g_date_clear (epoch, 1);
  g_date_set_dmy (epoch, 30, G_DATE_DECEMBER, 1899);
  if (iso == NULL)
    return FALSE;
  /* A date alone: exactly "YYYY-MM-DD". */
  if (strlen (iso) == 10 && sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
      g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) && year >= 1900)
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      *serial = (double) g_date_days_between (epoch, &date);
      return TRUE;
    }
  if (strlen (iso) > 32 || (time = g_date_time_new_from_iso8601 (iso, utc)) == NULL ||
      g_date_time_get_year (time) < 1900)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (time), (GDateMonth) g_date_time_get_month (time),
                  (GDateYear) g_date_time_get_year (time));
  *serial = g_date_days_between (epoch, &date) +
            (g_date_time_get_hour (time) * 3600 + g_date_time_get_minute (time) * 60 +
             g_date_time_get_second (time)) / 86400.0;
  return TRUE;
}

void
_styrkort_workbook_date (lxw_worksheet *ws, int row, int col, const char *iso, lxw_format *format)
{
  StyrkortSheetLayout *layout = _styrkort_sheet_layout_for (ws);
  double serial;

  if (!_styrkort_workbook_date_serial (iso, &serial))
    {
      _styrkort_workbook_text (ws, row, col, iso, NULL);
      return;
    }
  /* Measured as people see it: "2026-05-31" or "2026-05-31 14:02". */
  if (layout != NULL)
    _styrkort_sheet_layout_note (layout, row, col, col, strlen (iso) > 10 ? "2026-05-31 14:02" : "2026-05-31", format);
  _styrkort_workbook_note_refusal (ws, row, col, worksheet_write_number (ws, row, col, serial, format), NULL);
}

void
_styrkort_workbook_number (lxw_worksheet *ws, int row, int col, double value, lxw_format *format)
{
  _styrkort_sheet_layout_number (ws, row, col, value, format);
  if (isnan (value))
    _styrkort_workbook_note_refusal (ws, row, col, worksheet_write_blank (ws, row, col, format),
                                     NULL); /* missing, never zero */
  else
    _styrkort_workbook_note_refusal (ws, row, col, worksheet_write_number (ws, row, col, value, format), NULL);
}

void
_styrkort_workbook_part_init (StyrkortWorkbookPart *part, const char *path)
{
#ifdef G_OS_WIN32
  g_autofree char *name = g_strdup_printf ("styrkort-%08x%08x.xlsx", g_random_int (), g_random_int ());

  part->part = g_build_filename (g_get_tmp_dir (), name, NULL);
  /* NULL when the temporary folder's name is outside the code page and has
   * no short name: fopen("") then fails and the export says so. */
  part->native = g_win32_locale_filename_from_utf8 (part->part);
  if (part->native == NULL)
    part->native = g_strdup ("");
  part->tmpdir = g_win32_locale_filename_from_utf8 (g_get_tmp_dir ());
#else
  part->part = g_strconcat (path, ".part", NULL);
  part->native = g_strdup (part->part);
  part->tmpdir = g_path_get_dirname (path);
#endif
}

void
_styrkort_workbook_part_clear (StyrkortWorkbookPart *part)
{
  g_clear_pointer (&part->part, g_free);
  g_clear_pointer (&part->native, g_free);
  g_clear_pointer (&part->tmpdir, g_free);
}

#ifdef G_OS_WIN32
/* Moves the finished workbook from the temporary folder to @beside. */
static gboolean
move_beside (const char *part, const char *beside, GError **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (part);
  g_autoptr(GFile) to = g_file_new_for_path (beside);

  return g_file_move (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}
#endif

gboolean
_styrkort_workbook_finish (lxw_error rc, const StyrkortWorkbookPart *workbook_part, const char *path,
                           GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  const char *part = workbook_part->part;
  g_autofree char *beside = NULL;
  int saved_errno;

  GError *refusal = g_private_get (&first_refusal);

  if (refusal != NULL)
    {
      g_remove (part);
      g_propagate_error (error, g_error_copy (refusal));
      _styrkort_workbook_begin ();
      return FALSE;
    }
  if (rc != LXW_NO_ERROR)
    {
      g_remove (part);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("Could not write “%s”: %s"), name, lxw_strerror (rc));
      return FALSE;
    }
#ifdef G_OS_WIN32
  {
    g_autoptr(GError) local = NULL;

    beside = g_strconcat (path, ".part", NULL);
    if (!move_beside (part, beside, &local))
      {
        g_remove (part);
        g_remove (beside);
        g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("Could not write “%s”: %s"), name, local->message);
        return FALSE;
      }
    part = beside;
  }
#endif
  if (g_rename (part, path) == 0)
    return TRUE;
  saved_errno = errno;
  g_remove (part);
#ifdef G_OS_WIN32
  /* Windows does not replace a file that a program holds open, and Excel
   * holds every workbook it shows. */
  if ((saved_errno == EACCES || saved_errno == EBUSY) && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_BUSY,
                   _("Could not replace “%s”: it is open in another program, such as Excel. "
                     "Close it there and export again."), name);
      return FALSE;
    }
#endif
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("Could not write “%s”: %s"), name,
               g_strerror (saved_errno));
  return FALSE;
}
