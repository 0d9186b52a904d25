/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sb-report-output.h"

G_DEFINE_QUARK (sb-report-error-quark, sb_report_error)

typedef struct
{
  int fd;
  int error_number;  /* 0 while all went well */
} PdfStream;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfStream *stream = closure;

  while (length > 0)
    {
      ssize_t n = write (stream->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          stream->error_number = n < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_io_error (GError     **error,
              const char  *path,
              int          error_number)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_IO,
               /* Translators: %s is a file's name, then the reason */
               _("Could not write “%s”: %s"), name, g_strerror (error_number));
  return FALSE;
}

static char *
pdf_date (gint64 utc_ms)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (utc_ms / 1000);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* Opens a temporary file in the target's folder, so that the rename at the
 * end stays within one file system. */
static int
open_temporary (const char  *path,
                char       **out_tmp,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  int fd = g_mkstemp_full (tmpl, O_WRONLY | O_CREAT | O_EXCL, 0666);

  if (fd < 0)
    {
      set_io_error (error, path, errno);
      return -1;
    }
  *out_tmp = g_steal_pointer (&tmpl);
  return fd;
}

static gboolean
finish_temporary (int          fd,
                  char        *tmp,
                  const char  *path,
                  int          error_number,
                  GError     **error)
{
  if (error_number == 0 && fsync (fd) != 0 && errno != EINVAL)
    error_number = errno;
  if (close (fd) != 0 && error_number == 0)
    error_number = errno;
  if (error_number == 0 && g_rename (tmp, path) != 0)
    error_number = errno;

  if (error_number != 0)
    {
      g_unlink (tmp);
      return set_io_error (error, path, error_number);
    }
  return TRUE;
}

/**
 * sb_report_error_quark:
 *
 * Returns: the domain of %SB_REPORT_ERROR
 */

/**
 * sb_report_renderer_write_pdf:
 * @renderer: a renderer, with its paper and orientation
 * @path: the PDF file to write (replaced if it exists)
 * @error: return location for a #SbReportError
 *
 * Writes every page of the renderer's document to a PDF file, with the
 * report's title, "Servicebook" as creator and the generated-at instant
 * as creation date. The file appears only when it was written whole: a
 * full disk or an unwritable folder leave no file behind and give an error
 * that names it.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sb_report_renderer_write_pdf (SbReportRenderer  *renderer,
                              const char        *path,
                              GError           **error)
{
  SbReportDocument *document;
  PdfStream stream = { -1, 0 };
  g_autofree char *tmp = NULL;
  g_autofree char *created = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height, old_resolution;
  guint n_pages;

  g_return_val_if_fail (SB_IS_REPORT_RENDERER (renderer), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = sb_report_renderer_get_document (renderer);
  n_pages = sb_report_renderer_get_n_pages (renderer);
  sb_report_renderer_get_page_size (renderer, &width, &height);

  stream.fd = open_temporary (path, &tmp, error);
  if (stream.fd < 0)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &stream, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  sb_report_document_get_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Servicebook");
  created = pdf_date (sb_report_document_get_generated_at (document));
  if (created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  /* A PDF surface is in points. */
  old_resolution = sb_report_renderer_get_resolution (renderer);
  sb_report_renderer_set_resolution (renderer, 72);
  for (guint page = 0; page < n_pages && stream.error_number == 0; page++)
    {
      cairo_t *cr = cairo_create (surface);

      sb_report_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  sb_report_renderer_set_resolution (renderer, old_resolution);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && stream.error_number == 0)
    {
      g_autofree char *name = g_filename_display_name (path);

      close (stream.fd);
      g_unlink (tmp);
      g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_RENDER,
                   _("Could not draw the report into “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return finish_temporary (stream.fd, tmp, path, stream.error_number, error);
}

/**
 * sb_report_write_pdf:
 * @document: the report
 * @path: the PDF file to write (replaced if it exists)
 * @setup: (nullable): paper, orientation and margins; %NULL for the
 *   locale's defaults
 * @error: return location for a #SbReportError
 *
 * Paginates @document and writes it as PDF; see
 * sb_report_renderer_write_pdf().
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sb_report_write_pdf (SbReportDocument         *document,
                     const char               *path,
                     const SbReportPageSetup  *setup,
                     GError                  **error)
{
  g_autoptr (SbReportRenderer) renderer = NULL;

  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  renderer = sb_report_renderer_new (document, setup);
  return sb_report_renderer_write_pdf (renderer, path, error);
}

/**
 * sb_report_document_to_csv:
 * @document: the report
 * @flags: line ends and byte order mark
 *
 * Writes every table of @document as CSV, one after the other: a table's
 * title on a line of its own (when it has one), its header row, its rows;
 * a blank line between tables. Headings, text and charts are left out.
 *
 * Returns: (transfer full): the CSV text; free with g_free()
 */
char *
sb_report_document_to_csv (SbReportDocument *document,
                           SbCsvWriteFlags   flags)
{
  GString *out;
  guint n_tables;

  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (document), NULL);

  out = g_string_new (NULL);
  sb_csv_write_start (out, flags);
  n_tables = sb_report_document_get_n_tables (document);
  for (guint t = 0; t < n_tables; t++)
    {
      SbReportTable *table = sb_report_document_get_table (document, t);
      guint n_columns = sb_report_table_get_n_columns (table);
      g_autofree const char **fields = g_new0 (const char *, n_columns + 1);

      if (t > 0)
        g_string_append (out, (flags & SB_CSV_WRITE_CRLF) ? "\r\n" : "\n");
      if (sb_report_table_get_title (table) != NULL)
        {
          const char *title[] = { sb_report_table_get_title (table), NULL };

          sb_csv_write_row (out, title, 1, ',', flags);
        }

      for (guint c = 0; c < n_columns; c++)
        fields[c] = sb_report_table_get_column_title (table, c);
      sb_csv_write_row (out, fields, n_columns, ',', flags);

      for (guint r = 0; r < sb_report_table_get_n_rows (table); r++)
        {
          for (guint c = 0; c < n_columns; c++)
            fields[c] = sb_report_table_get_cell (table, r, c);
          sb_csv_write_row (out, fields, n_columns, ',', flags);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * sb_report_write_csv:
 * @document: the report
 * @path: the CSV file to write (replaced if it exists)
 * @flags: line ends and byte order mark
 * @error: return location for a #SbReportError
 *
 * Writes the tables of @document to a CSV file (see
 * sb_report_document_to_csv()), whole or not at all.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sb_report_write_csv (SbReportDocument  *document,
                     const char        *path,
                     SbCsvWriteFlags    flags,
                     GError           **error)
{
  g_autofree char *csv = NULL;
  g_autofree char *tmp = NULL;
  const char *p;
  gsize left;
  int fd, error_number = 0;

  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  csv = sb_report_document_to_csv (document, flags);
  fd = open_temporary (path, &tmp, error);
  if (fd < 0)
    return FALSE;

  p = csv;
  left = strlen (csv);
  while (left > 0)
    {
      ssize_t n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          error_number = n < 0 ? errno : ENOSPC;
          break;
        }
      p += n;
      left -= n;
    }

  return finish_temporary (fd, tmp, path, error_number, error);
}
