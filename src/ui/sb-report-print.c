/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-report-output.h"
#include "sb-report-print.h"
#include "sb-store-private.h"   /* the book's clock */

/* The print operation only forwards to the report's renderer: when the
 * dialog knows the paper, the renderer paginates the report for it; each
 * page is then drawn on the print context's cairo context, in points from
 * the paper's corner (the renderer keeps its own margins). The settings
 * chosen in the dialog are kept for the next print while the app runs. */

typedef struct
{
  SbReportDocument  *document;
  SbReportPageSetup  setup;
  SbReportRenderer  *renderer;
  double             scale;     /* to fit a paper that is neither A4 nor Letter */
  double             offset_x;
  double             offset_y;
} PrintJob;

static GtkPrintSettings *last_settings;
static char *export_filename_for_test;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->document);
  g_clear_object (&job->renderer);
  g_free (job);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (GtkWidget  *widget,
            const char *title)
{
  GtkWidget *overlay = widget != NULL ? gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* The paper nearest to what the printer has, in the orientation its
 * width and height say. */
static void
setup_for_context (const SbReportPageSetup *wanted,
                   double                   width,
                   double                   height,
                   SbReportPageSetup       *out)
{
  double a4_w, a4_h, letter_w, letter_h;
  double short_side = MIN (width, height);
  double long_side = MAX (width, height);

  *out = *wanted;
  sb_report_paper_get_size (SB_REPORT_PAPER_A4, &a4_w, &a4_h);
  sb_report_paper_get_size (SB_REPORT_PAPER_LETTER, &letter_w, &letter_h);

  if (fabs (short_side - a4_w) + fabs (long_side - a4_h)
      <= fabs (short_side - letter_w) + fabs (long_side - letter_h))
    out->paper = SB_REPORT_PAPER_A4;
  else
    out->paper = SB_REPORT_PAPER_LETTER;

  out->orientation = width > height ? SB_REPORT_LANDSCAPE : SB_REPORT_PORTRAIT;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  PrintJob *job = user_data;
  SbReportPageSetup setup;
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height;

  setup_for_context (&job->setup, width, height, &setup);

  g_clear_object (&job->renderer);
  job->renderer = sb_report_renderer_new (job->document, &setup);
  sb_report_renderer_set_resolution (job->renderer, 72);

  /* Letter on A4 or A4 on Letter is drawn as is; anything else (A5,
   * Legal) gets the nearest one scaled to fit, centred. */
  sb_report_renderer_get_page_size (job->renderer, &page_width, &page_height);
  job->scale = MIN (width / page_width, height / page_height);
  if (job->scale > 0.97 && job->scale < 1.03)
    job->scale = 1;
  job->offset_x = MAX (0, (width - page_width * job->scale) / 2);
  job->offset_y = MAX (0, (height - page_height * job->scale) / 2);

  gtk_print_operation_set_n_pages (operation, (int) sb_report_renderer_get_n_pages (job->renderer));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 gpointer           user_data)
{
  PrintJob *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_return_if_fail (job->renderer != NULL);

  cairo_save (cr);
  if (job->scale != 1)
    {
      cairo_translate (cr, job->offset_x, job->offset_y);
      cairo_scale (cr, job->scale, job->scale);
    }
  sb_report_renderer_draw_page (job->renderer, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
on_end_print_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 gpointer           user_data)
{
  PrintJob *job = user_data;

  g_clear_object (&job->renderer);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  GtkWidget *widget = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      sb_report_show_problem (widget, _("The Report Was Not Printed"),
                              error != NULL ? error->message : _("The printer gave no reason."));
    }

  g_object_unref (widget);
}

static GtkPageSetup *
page_setup_new (const SbReportPageSetup *setup)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (setup->paper == SB_REPORT_PAPER_LETTER
                                                      ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup, setup->orientation == SB_REPORT_LANDSCAPE
                                              ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                              : GTK_PAGE_ORIENTATION_PORTRAIT);
  return page_setup;
}

static char *
job_name (SbReportDocument *document)
{
  const char *period = sb_report_document_get_period (document);

  if (period != NULL && *period != '\0')
    /* Translators: a print job's name: a report's title and its period */
    return g_strdup_printf (_("%s, %s"), sb_report_document_get_title (document), period);

  return g_strdup (sb_report_document_get_title (document));
}

/* Public API */

/**
 * sb_report_print_operation_new:
 * @document: the report
 * @setup: (nullable): the paper and orientation the dialog starts with;
 *   %NULL for the locale's paper, portrait
 *
 * A print operation drawing @document with its renderer, paginated in
 * #GtkPrintOperation::begin-print for the paper the print context has.
 * The unit is points and the page is the whole paper.
 *
 * Returns: (transfer full): a new print operation
 */
GtkPrintOperation *
sb_report_print_operation_new (SbReportDocument        *document,
                               const SbReportPageSetup *setup)
{
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *name = NULL;
  GtkPrintOperation *operation;
  PrintJob *job;

  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (document), NULL);

  job = g_new0 (PrintJob, 1);
  job->document = g_object_ref (document);
  job->scale = 1;
  if (setup != NULL)
    job->setup = *setup;
  else
    sb_report_page_setup_init (&job->setup);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "sb-print-job", job, print_job_free);

  name = job_name (document);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  page_setup = page_setup_new (&job->setup);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  /* Print to File suggests the report's name rather than "output" */
  {
    g_autoptr(GtkPrintSettings) settings = last_settings != NULL ? gtk_print_settings_copy (last_settings)
                                                                 : gtk_print_settings_new ();
    g_autofree char *basename = sb_report_suggest_file_name (document, SB_REPORT_FORMAT_PDF);

    basename[strlen (basename) - strlen (".pdf")] = '\0';
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
    gtk_print_operation_set_print_settings (operation, settings);
  }

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "end-print", G_CALLBACK (on_end_print_cb), job);

  return operation;
}

/**
 * sb_report_print:
 * @widget: the widget printing, for the dialog's parent and a problem
 * @document: the report
 * @setup: (nullable): the paper and orientation to start with
 *
 * Opens the system print dialog for @document. A failure is shown in a
 * dialog in words.
 */
void
sb_report_print (GtkWidget               *widget,
                 SbReportDocument        *document,
                 const SbReportPageSetup *setup)
{
  sb_report_print_from_page (widget, document, setup, -1);
}

/**
 * sb_report_print_from_page:
 * @widget: the widget printing, for the dialog's parent and a problem
 * @document: the report
 * @setup: (nullable): the paper and orientation to start with
 * @current_page: the page a preview shows, from 0, for the dialog's
 *   "Current Page"; -1 for none
 *
 * Opens the system print dialog for @document, as sb_report_print().
 */
void
sb_report_print_from_page (GtkWidget               *widget,
                           SbReportDocument        *document,
                           const SbReportPageSetup *setup,
                           int                      current_page)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SB_IS_REPORT_DOCUMENT (document));

  operation = sb_report_print_operation_new (document, setup);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), g_object_ref (widget));
  if (current_page >= 0)
    gtk_print_operation_set_current_page (operation, current_page);

  if (export_filename_for_test != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_filename_for_test);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
    }

  if (gtk_print_operation_run (operation, action, window_of (widget), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    g_debug ("Printing failed: %s", error->message);   /* "done" shows it */
}

/**
 * sb_report_print_from_store:
 * @widget: the widget printing
 * @store: the book
 * @report_name: a report's name, as in "incident"
 * @period: (nullable): the period, for a report that needs one
 * @filters: (nullable): the record printed: an incident, a supplier…
 *
 * Builds a report for one record (an incident, a contract, a supplier's
 * review) and opens the print dialog for it. A report that cannot be
 * built is explained in a dialog.
 *
 * Returns: %TRUE if the print dialog was opened
 */
gboolean
sb_report_print_from_store (GtkWidget             *widget,
                            SbStore               *store,
                            const char            *report_name,
                            const SbReportPeriod  *period,
                            const SbReportFilters *filters)
{
  g_autoptr(SbReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const SbReportInfo *info;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (report_name != NULL, FALSE);

  info = sb_reports_lookup (report_name);
  g_return_val_if_fail (info != NULL, FALSE);

  document = sb_reports_build (info, store, period, filters, &error);
  if (document == NULL)
    {
      sb_report_show_problem (widget, _("The Report Could Not Be Made"), error->message);
      return FALSE;
    }

  sb_report_print (widget, document, NULL);
  return TRUE;
}

/**
 * sb_report_export_to_file:
 * @document: the report
 * @setup: (nullable): the paper for a PDF; %NULL for the locale's, portrait
 * @format: PDF or CSV
 * @file: the file to write, whole or not at all
 * @error: return location for a #GError
 *
 * What the file chooser of sb_report_export() does with the file chosen:
 * writes the pages as a PDF, or the report's tables as a CSV for
 * spreadsheets (UTF-8 with a byte order mark, CRLF lines).
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sb_report_export_to_file (SbReportDocument        *document,
                          const SbReportPageSetup *setup,
                          SbReportFormat           format,
                          GFile                   *file,
                          GError                 **error)
{
  g_autofree char *path = NULL;
  SbReportPageSetup default_setup;

  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_IO,
                   _("“%s” is not a local file; choose a folder on this computer."), uri);
      return FALSE;
    }

  if (format == SB_REPORT_FORMAT_CSV)
    return sb_report_write_csv (document, path, SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM, error);

  if (setup == NULL)
    {
      sb_report_page_setup_init (&default_setup);
      setup = &default_setup;
    }
  return sb_report_write_pdf (document, path, setup, error);
}

/**
 * sb_report_suggest_file_name:
 * @document: the report
 * @format: PDF or CSV
 *
 * Returns: (transfer full): a file name from the report's title and
 *   period, as in "Incident log, October 2026.pdf"
 */
char *
sb_report_suggest_file_name (SbReportDocument *document,
                             SbReportFormat    format)
{
  g_autofree char *name = NULL;
  GString *file_name;

  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (document), NULL);

  /* "Supplier review: Northline" becomes "Supplier review - Northline":
   * characters no file system takes become dashes. */
  name = job_name (document);
  file_name = g_string_sized_new (strlen (name) + 8);
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == ':')
        g_string_append (file_name, " -");
      else if (strchr ("/\\*?\"<>|", *p) != NULL)
        g_string_append_c (file_name, '-');
      else
        g_string_append_c (file_name, *p);
    }
  g_string_append (file_name, format == SB_REPORT_FORMAT_CSV ? ".csv" : ".pdf");

  return g_string_free (file_name, FALSE);
}

typedef struct
{
  GtkWidget         *widget;
  SbReportDocument  *document;
  SbReportPageSetup  setup;
  SbReportFormat     format;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->widget);
  g_clear_object (&data->document);
  g_free (data);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         user_data)
{
  ExportData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (sb_report_export_to_file (data->document, &data->setup, data->format, file, &error))
        {
          g_autofree char *basename = g_file_get_basename (file);
          /* Translators: %s is a file's name */
          g_autofree char *title = g_strdup_printf (_("Saved “%s”"), basename);

          show_toast (data->widget, title);
        }
      else
        {
          sb_report_show_problem (data->widget, _("The Report Was Not Saved"), error->message);
        }
    }

  export_data_free (data);
  g_object_unref (chooser);
}

/**
 * sb_report_export:
 * @widget: the widget exporting
 * @document: the report
 * @setup: (nullable): the paper for a PDF
 * @format: PDF or CSV
 *
 * Asks where to save the report with the system's file chooser, then
 * writes it with sb_report_export_to_file(); a toast says it is saved, a
 * dialog why not.
 */
void
sb_report_export (GtkWidget               *widget,
                  SbReportDocument        *document,
                  const SbReportPageSetup *setup,
                  SbReportFormat           format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  ExportData *data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SB_IS_REPORT_DOCUMENT (document));

  data = g_new0 (ExportData, 1);
  data->widget = g_object_ref (widget);
  data->document = g_object_ref (document);
  data->format = format;
  if (setup != NULL)
    data->setup = *setup;
  else
    sb_report_page_setup_init (&data->setup);

  chooser = gtk_file_chooser_native_new (format == SB_REPORT_FORMAT_CSV ? _("Export CSV") : _("Export PDF"),
                                         window_of (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (format == SB_REPORT_FORMAT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = sb_report_suggest_file_name (document, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * sb_report_period_current:
 * @store: the book, whose clock says what today is
 * @kind: a month, a quarter or a year
 * @out: (out caller-allocates): the period
 *
 * The period of @kind that today is in, in the local time zone.
 */
void
sb_report_period_current (SbStore            *store,
                          SbReportPeriodKind  kind,
                          SbReportPeriod     *out)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate day;

  g_return_if_fail (SB_IS_STORE (store));
  g_return_if_fail (out != NULL);

  utc = g_date_time_new_from_unix_utc (sb_store_now_ms (store) / 1000);
  local = g_date_time_to_local (utc);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  sb_report_period_for_day (kind, &day, out);
}

/**
 * sb_report_show_problem:
 * @widget: the widget whose window the dialog belongs to
 * @heading: what did not happen, as in "The Report Was Not Saved"
 * @message: why, in words
 *
 * Tells of a report that could not be made, printed or saved.
 */
void
sb_report_show_problem (GtkWidget  *widget,
                        const char *heading,
                        const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (window_of (widget), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sb_report_print_set_export_filename_for_test:
 * @filename: (nullable): a PDF file to print to, or %NULL
 *
 * For tests: sb_report_print() then runs the print operation with
 * %GTK_PRINT_OPERATION_ACTION_EXPORT into @filename, without a dialog.
 */
void
sb_report_print_set_export_filename_for_test (const char *filename)
{
  g_free (export_filename_for_test);
  export_filename_for_test = g_strdup (filename);
}
