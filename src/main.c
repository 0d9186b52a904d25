/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "servicebook"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sb-application.h"
#include "sb-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SbApplication) app = NULL;
  g_autofree char *book_path = NULL;
  int status = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands run before GTK is initialised: no display needed. */
  if (sb_cli_handle (argc, argv, &book_path, &status))
    return status;

  app = sb_application_new (book_path);

  /* The arguments were read above; GApplication gets none of them. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
