/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-contracts.h"
#include "sb-cost-csv.h"
#include "sb-costs-view-private.h"
#include "sb-money.h"
#include "sb-time.h"

/* The costs view's list: what each column shows of a cost entry, where
 * it came from, how the columns sort, and which ones the width allows. */

/* The list's cells */

static const char *
source_icon (const char *source)
{
  if (g_strcmp0 (source, "contract") == 0)
    return "x-office-document-symbolic";
  if (g_strcmp0 (source, "import") == 0)
    return "document-open-symbolic";
  return "document-edit-symbolic";
}

static char *
source_text (SbCostEntry *entry)
{
  const char *source = sb_cost_entry_get_source (entry);

  if (g_strcmp0 (source, "contract") == 0)
    {
      GDate billing;
      g_autofree char *date = NULL;

      if (sb_cost_entry_get_billing_date (entry) != NULL &&
          sb_date_parse (sb_cost_entry_get_billing_date (entry), &billing, NULL))
        date = sb_date_format_local (&billing);
      /* Translators: a cost confirmed from a contract's billing schedule, as in
       * “The charge of 1 Mar 2026 under contract HOST-2024” */
      return g_strdup_printf (_("The charge of %s under contract %s"),
                              date != NULL ? date : "?",
                              sb_cost_entry_get_contract_reference (entry) != NULL ?
                              sb_cost_entry_get_contract_reference (entry) : "?");
    }
  if (g_strcmp0 (source, "import") == 0)
    return g_strdup (_("Imported from a CSV file"));

  return g_strdup (_("Typed in"));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  if (column == COL_SOURCE)
    {
      child = gtk_image_new ();
    }
  else if (column == COL_AMOUNT)
    {
      GtkWidget *amount = gtk_label_new (NULL);
      GtkWidget *base = gtk_label_new (NULL);

      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_label_set_xalign (GTK_LABEL (amount), 1.0);
      gtk_label_set_xalign (GTK_LABEL (base), 1.0);
      gtk_widget_add_css_class (amount, "numeric");
      gtk_widget_add_css_class (base, "numeric");
      gtk_widget_add_css_class (base, "dim-label");
      gtk_widget_add_css_class (base, "caption");
      gtk_box_append (GTK_BOX (child), amount);
      gtk_box_append (GTK_BOX (child), base);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
    }

  gtk_list_item_set_child (item, child);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  SbCostEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  switch (column)
    {
    case COL_DATE:
      {
        GDate day;

        if (sb_date_parse (sb_cost_entry_get_date (entry), &day, NULL))
          text = owned = sb_date_format_local (&day);
      }
      break;
    case COL_DESCRIPTION:
      text = sb_cost_entry_get_description (entry);
      if (text == NULL && sb_cost_entry_get_contract_reference (entry) != NULL)
        /* Translators: a cost without a description, from a contract */
        text = owned = g_strdup_printf (_("Contract %s"), sb_cost_entry_get_contract_reference (entry));
      break;
    case COL_SUPPLIER:
      text = sb_cost_entry_get_supplier_name (entry);
      break;
    case COL_SERVICE:
      text = sb_cost_entry_get_service_code (entry);
      break;
    case COL_CATEGORY:
      text = sb_cost_category_get_label (sb_cost_entry_get_category (entry));
      break;
    case COL_INVOICE:
      text = sb_cost_entry_get_invoice_ref (entry);
      break;
    case COL_AMOUNT:
      {
        GtkWidget *amount = gtk_widget_get_first_child (child);
        GtkWidget *base_label = gtk_widget_get_next_sibling (amount);
        SbCostsView *self = g_object_get_data (G_OBJECT (factory), "sb-costs-view");
        const char *base = self->store != NULL ? sb_store_get_base_currency (self->store) : NULL;
        g_autofree char *money = sb_money_format (sb_cost_entry_get_amount (entry), sb_cost_entry_get_currency (entry));
        gboolean foreign = g_strcmp0 (sb_cost_entry_get_currency (entry), base) != 0;

        gtk_label_set_text (GTK_LABEL (amount), money);
        gtk_widget_set_visible (base_label, foreign && base != NULL);
        if (foreign && base != NULL)
          {
            g_autofree char *in_base = sb_money_format (sb_cost_entry_get_base_amount (entry), base);
            g_autofree char *rate = sb_rate_format (sb_cost_entry_get_rate_micro (entry));
            g_autofree char *tooltip = NULL;

            gtk_label_set_text (GTK_LABEL (base_label), in_base);
            /* Translators: a foreign amount's conversion, as in “€92.31 at 0.9231 EUR per USD” */
            tooltip = g_strdup_printf (_("%s at %s %s per %s"), in_base, rate, base, sb_cost_entry_get_currency (entry));
            gtk_widget_set_tooltip_text (child, tooltip);
          }
        else
          gtk_widget_set_tooltip_text (child, NULL);
      }
      return;
    case COL_SOURCE:
      owned = source_text (entry);
      gtk_image_set_from_icon_name (GTK_IMAGE (child), source_icon (sb_cost_entry_get_source (entry)));
      gtk_widget_set_tooltip_text (child, owned);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, owned, -1);
      return;
    case N_COLUMNS:
    default:
      break;
    }

  gtk_label_set_label (GTK_LABEL (child), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (child, text != NULL && *text != '\0' ? text : NULL);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);
  int cmp = strcmp (ka, kb);

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  SbCostEntry *ea = (SbCostEntry *) a;
  SbCostEntry *eb = (SbCostEntry *) b;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COL_DATE:
      return compare_strings (sb_cost_entry_get_date (ea), sb_cost_entry_get_date (eb));
    case COL_DESCRIPTION:
      return compare_strings (sb_cost_entry_get_description (ea), sb_cost_entry_get_description (eb));
    case COL_SUPPLIER:
      return compare_strings (sb_cost_entry_get_supplier_name (ea), sb_cost_entry_get_supplier_name (eb));
    case COL_SERVICE:
      return compare_strings (sb_cost_entry_get_service_code (ea), sb_cost_entry_get_service_code (eb));
    case COL_CATEGORY:
      return compare_strings (sb_cost_category_get_label (sb_cost_entry_get_category (ea)),
                              sb_cost_category_get_label (sb_cost_entry_get_category (eb)));
    case COL_INVOICE:
      return compare_strings (sb_cost_entry_get_invoice_ref (ea), sb_cost_entry_get_invoice_ref (eb));
    case COL_SOURCE:
      return compare_strings (sb_cost_entry_get_source (ea), sb_cost_entry_get_source (eb));
    case COL_AMOUNT:
      {
        gint64 va = sb_cost_entry_get_base_amount (ea);
        gint64 vb = sb_cost_entry_get_base_amount (eb);

        return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
      }
    case N_COLUMNS:
    default:
      return GTK_ORDERING_EQUAL;
    }
}

/* Columns shown by width: the date, the description and the amount
 * always; then the others in the order of their priority. */
static const struct
{
  const char *title;
  int         priority;   /* 0: always */
  int         width;      /* -1: takes the rest */
} column_info[N_COLUMNS] = {
  [COL_DATE] = { N_("Date"), 0, 100 },
  [COL_DESCRIPTION] = { N_("Description"), 0, -1 },
  [COL_SUPPLIER] = { N_("Supplier"), 1, 140 },
  [COL_SERVICE] = { N_("Service"), 4, 90 },
  [COL_CATEGORY] = { N_("Category"), 2, 140 },
  [COL_AMOUNT] = { N_("Amount"), 0, 115 },
  [COL_INVOICE] = { N_("Invoice"), 5, 110 },
  [COL_SOURCE] = { N_("Source"), 3, 60 },
};

#define DESCRIPTION_MIN_WIDTH 140

void
sb_costs_view_build_columns (SbCostsView *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (i), NULL);
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "sb-costs-view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(column_info[i].title), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (column_info[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, column_info[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      g_object_unref (sorter);
      self->columns[i] = column;
    }
}

void
sb_costs_view_update_columns (SbCostsView *self,
                              int          width)
{
  int budget = width - DESCRIPTION_MIN_WIDTH;
  gboolean wanted[N_COLUMNS] = { FALSE, };
  guint position = 0;

  if (width == self->list_width)
    return;
  self->list_width = width;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (column_info[i].priority == 0 && column_info[i].width > 0)
      budget -= column_info[i].width;

  for (int priority = 0; priority < N_COLUMNS; priority++)
    for (guint i = 0; i < N_COLUMNS; i++)
      {
        if (column_info[i].priority != priority)
          continue;
        if (priority == 0)
          wanted[i] = TRUE;
        else if (column_info[i].width <= budget)
          {
            wanted[i] = TRUE;
            budget -= column_info[i].width;
          }
        else
          budget = -1;
      }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gboolean shown = gtk_column_view_column_get_column_view (self->columns[i]) != NULL;

      if (wanted[i] && !shown)
        gtk_column_view_insert_column (self->column_view, position, self->columns[i]);
      else if (!wanted[i] && shown)
        gtk_column_view_remove_column (self->column_view, self->columns[i]);
      if (wanted[i])
        position++;
    }
}

