/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-ui-format.h"

/* Words the pages share: how far away a date is, a per cent, and the
 * question asked before edits not yet saved would be lost. */

/**
 * sb_format_date_relative:
 * @date: a valid date
 * @today: the day to count from
 *
 * Says how far @date is from @today in words: "today", "tomorrow",
 * "in 5 days", "in 3 weeks", "in 4 months", "in 2 years", "2 days ago"…
 * Days are counted up to two weeks, weeks up to two months, months up to
 * two years.
 *
 * Returns: (transfer full): the words
 */
char *
sb_format_date_relative (const GDate *date,
                         const GDate *today)
{
  int days;
  int n;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  days = g_date_days_between (today, date);
  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days == -1)
    return g_strdup (_("yesterday"));

  n = ABS (days);
  if (n < 14)
    return g_strdup_printf (days > 0 ? g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", n)
                                     : g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", n), n);
  if (n < 61)
    {
      n /= 7;
      return g_strdup_printf (days > 0 ? g_dngettext (GETTEXT_PACKAGE, "in %d week", "in %d weeks", n)
                                       : g_dngettext (GETTEXT_PACKAGE, "%d week ago", "%d weeks ago", n), n);
    }
  if (n < 730)
    {
      n = (n + 15) / 30;
      return g_strdup_printf (days > 0 ? g_dngettext (GETTEXT_PACKAGE, "in %d month", "in %d months", n)
                                       : g_dngettext (GETTEXT_PACKAGE, "%d month ago", "%d months ago", n), n);
    }

  n /= 365;
  return g_strdup_printf (days > 0 ? g_dngettext (GETTEXT_PACKAGE, "in %d year", "in %d years", n)
                                   : g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago", n), n);
}

/**
 * sb_format_percent:
 * @percent: a per cent, 0 to 100
 *
 * Returns: (transfer full): the per cent as a person reads it, "92 %"
 */
char *
sb_format_percent (int percent)
{
  /* Translators: a per cent; use your language's spacing and sign, as in “92 %” */
  return g_strdup_printf (_("%d %%"), percent);
}

/**
 * sb_save_changes_dialog_new:
 * @parent: a widget of the window the question belongs to
 * @name: (nullable): what is being edited, or %NULL for a new record
 * @new_body: the body for a new record, as in "The new supplier is not
 *   saved yet."
 * @can_save: whether the record can be saved as it stands
 *
 * The question asked before showing something else would drop edits not
 * yet saved: Keep Editing (the close response, "cancel"), Discard
 * ("discard") or Save ("save", offered only when @can_save). The caller
 * connects to "response" and presents it.
 *
 * Returns: (transfer none): the dialog, owned by GTK as every window is
 */
AdwMessageDialog *
sb_save_changes_dialog_new (GtkWidget  *parent,
                            const char *name,
                            const char *new_body,
                            gboolean    can_save)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (new_body != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes?"), NULL));
  if (name != NULL)
    /* Translators: %s names what is being edited, a contract or a supplier */
    adw_message_dialog_format_body (dialog, _("“%s” has changes that are not saved yet."), name);
  else
    adw_message_dialog_set_body (dialog, new_body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", can_save);
  adw_message_dialog_set_default_response (dialog, can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}
