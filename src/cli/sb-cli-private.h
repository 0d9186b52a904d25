/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "sb-cli.h"
#include "sb-csv.h"
#include "sb-store.h"

G_BEGIN_DECLS

/* What the files of the command line share: the parsed command line, the
 * usage and failure exits, and the commands that live in their own file. */

#define EXIT_FAILED 1
#define EXIT_USAGE  2

/* An option a command accepts after its name: a flag, or one that takes
 * a value (the next argument, or after "=" for the long name). */
typedef struct
{
  const char *name;        /* "-o", "--dry-run" */
  const char *long_name;   /* "--output", or NULL */
  gboolean    has_value;
  gboolean    repeatable;  /* may be given several times: a list */
} SbCliOption;

typedef struct
{
  const char  *book_path;
  char       **args;
  int          n_args;
  GHashTable  *options;    /* name -> value ("" for a flag) */
  GHashTable  *lists;      /* name -> GPtrArray of values, for repeatable options */
} SbCliContext;

typedef int (*SbCliFunc) (SbCliContext *ctx);

typedef struct
{
  const char        *name;
  const char        *args;       /* as shown in the usage */
  const char        *summary;    /* marked for translation in the table */
  int                min_args;
  int                max_args;
  SbCliFunc          func;
  const SbCliOption *options;    /* NULL-terminated, or NULL for none */
} SbCliCommand;

int sb_cli_usage_error      (const char   *format,
                             ...) G_GNUC_PRINTF (1, 2);
int sb_cli_fail             (const GError *error);

typedef gboolean (*SbCliExportFunc) (SbStore          *store,
                                     gpointer          data,
                                     GFile            *file,
                                     SbCsvWriteFlags   flags,
                                     GError          **error);

int sb_cli_export_csv       (SbStore         *store,
                             const char      *output,
                             SbCliExportFunc  func,
                             gpointer         data);

/* sb-cli-incidents.c */
int sb_cli_import_incidents (SbCliContext *ctx);
int sb_cli_import_undo      (SbCliContext *ctx);
int sb_cli_export_incidents (SbCliContext *ctx);

/* sb-cli-costs.c */
int sb_cli_import_costs     (SbCliContext *ctx);
int sb_cli_export_costs     (SbCliContext *ctx);
int sb_cli_export_budget    (SbCliContext *ctx);

/* sb-cli-report.c */
extern const SbCliOption sb_cli_report_options[];
int  sb_cli_report               (SbCliContext *ctx);
void sb_cli_report_print_options (FILE         *out);

G_END_DECLS
