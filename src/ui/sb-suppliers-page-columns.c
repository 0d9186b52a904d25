/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-money.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers-page-private.h"
#include "sb-suppliers.h"
#include "sb-time.h"
#include "sb-ui-format.h"

/* The supplier list's columns (what each cell says, how each sorts,
 * which fit the width) and its search. */

/* Which columns show at a width: in this order, as long as they fit. */
static const struct
{
  Column column;
  int    width;
} column_priority[] = {
  { COLUMN_NAME, 150 },
  { COLUMN_COST, 120 },
  { COLUMN_ON_TARGET, 100 },
  { COLUMN_DEADLINE, 130 },
  { COLUMN_RISKS, 170 },
  { COLUMN_STATUS, 110 },
  { COLUMN_CONTRACTS, 80 },
  { COLUMN_CRITICALITY, 100 },
  { COLUMN_KIND, 150 },
};

static const SbSupplierSummary *
summary_of (gpointer item)
{
  static const SbSupplierSummary none = { 0, };
  const SbSupplierSummary *summary = item != NULL ? g_object_get_data (G_OBJECT (item), SUMMARY_KEY) : NULL;

  return summary != NULL ? summary : &none;
}

static const SbSupplierPerformance *
performance_of (gpointer item)
{
  return item != NULL ? g_object_get_data (G_OBJECT (item), PERFORMANCE_KEY) : NULL;
}

/* Below this share of targets met, the On Target cell warns. */
#define ON_TARGET_WARNING 80

/**
 * sb_suppliers_page_on_target:
 * @perf: a supplier's performance
 *
 * The share of the supplier's judged targets that it met: each judged
 * escalation counts its response and its resolution, each against the
 * contract's target for the escalation's priority.
 *
 * Returns: a per cent, rounded; -1 when nothing was judged
 */
int
sb_suppliers_page_on_target (const SbSupplierPerformance *perf)
{
  guint met;
  guint judged;

  if (perf == NULL)
    return -1;

  met = perf->n_response_met + perf->n_resolution_met;
  judged = met + perf->n_response_breached + perf->n_resolution_breached;
  if (judged == 0)
    return -1;

  return (int) ((met * 100 + judged / 2) / judged);
}

static char *
on_target_tooltip (const SbSupplierPerformance *perf)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint judged_responses;
  guint judged_resolutions;

  if (perf == NULL || perf->n_escalated == 0)
    return g_strdup (_("No incidents escalated to this supplier in the last 12 months"));

  judged_responses = perf->n_response_met + perf->n_response_breached;
  judged_resolutions = perf->n_resolution_met + perf->n_resolution_breached;

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u incident escalated in the last 12 months",
                                       "%u incidents escalated in the last 12 months",
                                       perf->n_escalated),
                          perf->n_escalated);
  if (judged_responses > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: as in “Response on target: 9 of 10” */
      g_string_append_printf (text, _("Response on target: %u of %u"), perf->n_response_met, judged_responses);
    }
  if (judged_resolutions > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: as in “Resolution on target: 8 of 10” */
      g_string_append_printf (text, _("Resolution on target: %u of %u"), perf->n_resolution_met,
                              judged_resolutions);
    }
  if (perf->n_not_judged > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u not judged: no contract target for its priority",
                                           "%u not judged: no contract target for their priority",
                                           perf->n_not_judged),
                              perf->n_not_judged);
    }
  if (perf->n_open > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u still waiting for the supplier",
                                           "%u still waiting for the supplier",
                                           perf->n_open),
                              perf->n_open);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
n_risks (const SbSupplierSummary *summary)
{
  return summary->n_alignment_gaps + summary->n_open_escalations + summary->n_open_disputes;
}

/* Columns */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* A label with an icon before it, for cells that can warn. */
static void
setup_icon_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
set_warning (GtkWidget  *widget,
             gboolean    warning,
             const char *tooltip)
{
  if (warning)
    gtk_widget_add_css_class (widget, "warning");
  else
    gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_set_tooltip_text (widget, tooltip);
}

static char *
cell_text (SbSuppliersPage   *self,
           Column             column,
           SbSupplier        *supplier,
           char             **tooltip,
           gboolean          *warning)
{
  const SbSupplierSummary *summary = summary_of (supplier);

  *tooltip = NULL;
  *warning = FALSE;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (sb_supplier_get_name (supplier));

    case COLUMN_KIND:
      return g_strdup (sb_supplier_kind_get_label (sb_supplier_get_kind (supplier)));

    case COLUMN_STATUS:
      return g_strdup (sb_supplier_status_get_label (sb_supplier_get_status (supplier)));

    case COLUMN_CRITICALITY:
      *warning = g_strcmp0 (sb_supplier_get_criticality (supplier), "critical") == 0;
      return g_strdup (sb_supplier_criticality_get_label (sb_supplier_get_criticality (supplier)));

    case COLUMN_CONTRACTS:
      /* Translators: contracts of a supplier in force today, of all its contracts */
      *tooltip = g_strdup_printf (_("%u in force today, of %u contracts"), summary->n_in_force,
                                  summary->n_contracts);
      return summary->n_contracts == 0 ? g_strdup (C_("no contracts", "—"))
                                       : g_strdup_printf (_("%u of %u"), summary->n_in_force,
                                                          summary->n_contracts);

    case COLUMN_COST:
      if (summary->currency[0] == '\0' || summary->cost_12_months == 0)
        {
          *tooltip = g_strdup (_("No costs in the next 12 months"));
          return g_strdup (C_("no cost", "—"));
        }
      if (summary->mixed_currencies)
        {
          g_autofree char *amount = sb_money_format (summary->cost_12_months, summary->currency);

          *tooltip = g_strdup_printf (_("In %s; some contracts are in other currencies"), summary->currency);
          /* Translators: an amount that leaves out other currencies, "≈ €12,000.00" */
          return g_strdup_printf (_("≈ %s"), amount);
        }
      *tooltip = g_strdup (_("What the contracts cost over the next 12 months"));
      return sb_money_format (summary->cost_12_months, summary->currency);

    case COLUMN_ON_TARGET:
      {
        int percent = sb_suppliers_page_on_target (performance_of (supplier));

        *tooltip = on_target_tooltip (performance_of (supplier));
        if (percent < 0)
          return g_strdup (C_("nothing judged", "—"));
        *warning = percent < ON_TARGET_WARNING;
        return sb_format_percent (percent);
      }

    case COLUMN_DEADLINE:
      if (!g_date_valid (&summary->next_deadline))
        return g_strdup (C_("no deadline", "—"));
      {
        g_autofree char *date = sb_date_format_local (&summary->next_deadline);
        int days = g_date_days_between (&self->today, &summary->next_deadline);

        *warning = days <= self->warning_days;
        /* Translators: a deadline's date and what it is, "30 Sep 2026: Last day to give notice…" */
        *tooltip = g_strdup_printf (_("%s: %s"), date,
                                    summary->next_deadline_what != NULL ? summary->next_deadline_what : "");
        return sb_format_date_relative (&summary->next_deadline, &self->today);
      }

    case COLUMN_RISKS:
      {
        g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) long_parts = g_ptr_array_new_with_free_func (g_free);

        if (summary->n_alignment_gaps > 0)
          {
            g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u gap", "%u gaps",
                                                                  summary->n_alignment_gaps),
                                                     summary->n_alignment_gaps));
            g_ptr_array_add (long_parts,
                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u supplier target longer than a service promises",
                                                           "%u supplier targets longer than the services promise",
                                                           summary->n_alignment_gaps),
                                              summary->n_alignment_gaps));
          }
        if (summary->n_open_escalations > 0)
          {
            g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u escalated", "%u escalated",
                                                                  summary->n_open_escalations),
                                                     summary->n_open_escalations));
            g_ptr_array_add (long_parts,
                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u incident waiting for the supplier",
                                                           "%u incidents waiting for the supplier",
                                                           summary->n_open_escalations),
                                              summary->n_open_escalations));
          }
        if (summary->n_open_disputes > 0)
          {
            g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dispute", "%u disputes",
                                                                  summary->n_open_disputes),
                                                     summary->n_open_disputes));
            g_ptr_array_add (long_parts,
                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open dispute", "%u open disputes",
                                                           summary->n_open_disputes),
                                              summary->n_open_disputes));
          }
        if (parts->len == 0)
          return g_strdup (C_("no risks", "—"));

        g_ptr_array_add (parts, NULL);
        g_ptr_array_add (long_parts, NULL);
        *warning = TRUE;
        *tooltip = g_strjoinv ("\n", (char **) long_parts->pdata);
        return g_strjoinv (" · ", (char **) parts->pdata);
      }

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  SbSuppliersPage *self = g_object_get_data (G_OBJECT (factory), "page");
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_last_child (child);
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;
  gboolean warning;

  text = cell_text (self, column, gtk_list_item_get_item (item), &tooltip, &warning);
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  set_warning (child, warning, tooltip);
  if (child != label)
    gtk_widget_set_visible (gtk_widget_get_first_child (child), warning);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a != NULL ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b != NULL ? b : "", -1);

  return g_utf8_collate (fa, fb);
}

static int
rank_in (const char * const *values,
         const char         *value)
{
  for (int i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return G_MAXINT;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  SbSupplier *sa = SB_SUPPLIER ((gpointer) a);
  SbSupplier *sb = SB_SUPPLIER ((gpointer) b);
  const SbSupplierSummary *ma = summary_of (sa);
  const SbSupplierSummary *mb = summary_of (sb);
  int result = 0;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      break;
    case COLUMN_KIND:
      result = compare_strings (sb_supplier_kind_get_label (sb_supplier_get_kind (sa)),
                                sb_supplier_kind_get_label (sb_supplier_get_kind (sb)));
      break;
    case COLUMN_STATUS:
      result = rank_in (sb_supplier_statuses (), sb_supplier_get_status (sa)) -
               rank_in (sb_supplier_statuses (), sb_supplier_get_status (sb));
      break;
    case COLUMN_CRITICALITY:
      result = rank_in (sb_supplier_criticalities (), sb_supplier_get_criticality (sa)) -
               rank_in (sb_supplier_criticalities (), sb_supplier_get_criticality (sb));
      break;
    case COLUMN_CONTRACTS:
      result = (int) ma->n_in_force - (int) mb->n_in_force;
      break;
    case COLUMN_COST:
      /* Amounts in different currencies are not comparable: each
       * currency's suppliers sort together, then by amount. */
      result = g_strcmp0 (ma->currency, mb->currency);
      if (result == 0)
        result = (ma->cost_12_months > mb->cost_12_months) - (ma->cost_12_months < mb->cost_12_months);
      break;
    case COLUMN_ON_TARGET:
      {
        int pa = sb_suppliers_page_on_target (performance_of (sa));
        int pb = sb_suppliers_page_on_target (performance_of (sb));

        /* Nothing judged sorts after every per cent. */
        if ((pa < 0) != (pb < 0))
          result = pa < 0 ? 1 : -1;
        else
          result = pa - pb;
      }
      break;
    case COLUMN_DEADLINE:
      /* No deadline sorts after every deadline. */
      if (g_date_valid (&ma->next_deadline) != g_date_valid (&mb->next_deadline))
        result = g_date_valid (&ma->next_deadline) ? -1 : 1;
      else if (g_date_valid (&ma->next_deadline))
        result = g_date_compare (&ma->next_deadline, &mb->next_deadline);
      break;
    case COLUMN_RISKS:
      result = (int) n_risks (ma) - (int) n_risks (mb);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    result = compare_strings (sb_supplier_get_name (sa), sb_supplier_get_name (sb));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

void
sb_suppliers_page_build_columns (SbSuppliersPage *self)
{
  const char *titles[N_COLUMNS] = {
    [COLUMN_NAME] = _("Name"),
    [COLUMN_KIND] = _("Kind"),
    [COLUMN_STATUS] = _("Status"),
    [COLUMN_CRITICALITY] = _("Criticality"),
    [COLUMN_CONTRACTS] = _("In Force"),
    [COLUMN_COST] = _("Next 12 Months"),
    [COLUMN_ON_TARGET] = _("On Target"),
    [COLUMN_DEADLINE] = _("Next Deadline"),
    [COLUMN_RISKS] = _("Risks"),
  };

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (column), NULL));
      gboolean with_icon = column == COLUMN_DEADLINE || column == COLUMN_RISKS || column == COLUMN_ON_TARGET;

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (with_icon ? setup_icon_label_cb : setup_label_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));

      self->columns[column] = gtk_column_view_column_new (titles[column], g_steal_pointer (&factory));
      gtk_column_view_column_set_sorter (self->columns[column], sorter);
      gtk_column_view_column_set_resizable (self->columns[column], TRUE);
      gtk_column_view_column_set_expand (self->columns[column], column == COLUMN_NAME);
      gtk_column_view_append_column (self->column_view, self->columns[column]);
    }

  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);
}

/* The columns that fit @width, in priority order; the Name column takes
 * what is left.  Returns whether any column came or went. */
gboolean
sb_suppliers_page_update_columns (SbSuppliersPage *self,
                                  int              width)
{
  gboolean changed = FALSE;
  gboolean full = FALSE;
  int used = 0;

  if (width <= 0 || width == self->columns_width)
    return FALSE;

  self->columns_width = width;
  for (guint i = 0; i < G_N_ELEMENTS (column_priority); i++)
    {
      GtkColumnViewColumn *column = self->columns[column_priority[i].column];
      gboolean visible = i == 0 || (!full && used + column_priority[i].width <= width);

      /* No column of a lower priority jumps ahead of one left out. */
      if (visible)
        used += column_priority[i].width;
      else
        full = TRUE;
      if (gtk_column_view_column_get_visible (column) != visible)
        {
          gtk_column_view_column_set_visible (column, visible);
          changed = TRUE;
        }
      if (i > 0)
        gtk_column_view_column_set_fixed_width (column, column_priority[i].width);
    }

  /* GTK 4.8 leaves an expanding column at its natural width when the
   * others are fixed: the Name column is given the rest by hand. */
  gtk_column_view_column_set_fixed_width (self->columns[column_priority[0].column],
                                          MAX (column_priority[0].width,
                                               width - (used - column_priority[0].width) - 2));

  return changed;
}

/* Search */

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

gboolean
sb_suppliers_page_filter (gpointer item,
                          gpointer user_data)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (user_data);
  SbSupplier *supplier = SB_SUPPLIER (item);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  GPtrArray *contacts;

  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  if (contains (sb_supplier_get_name (supplier), needle) ||
      contains (sb_supplier_kind_get_label (sb_supplier_get_kind (supplier)), needle) ||
      contains (sb_supplier_status_get_label (sb_supplier_get_status (supplier)), needle) ||
      contains (sb_supplier_get_relationship_owner (supplier), needle) ||
      contains (sb_supplier_get_account_number (supplier), needle) ||
      contains (sb_supplier_get_website (supplier), needle) ||
      contains (sb_supplier_get_notes (supplier), needle))
    return TRUE;

  contacts = sb_supplier_get_contacts (supplier);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      SbSupplierContact *contact = g_ptr_array_index (contacts, i);

      if (contains (contact->name, needle) || contains (contact->email, needle) ||
          contains (contact->phone, needle) || contains (contact->role, needle))
        return TRUE;
    }

  return FALSE;
}
