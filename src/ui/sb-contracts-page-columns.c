/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include "sb-contract-editor.h"
#include "sb-contracts.h"
#include "sb-contracts-page-private.h"
#include "sb-money.h"
#include "sb-time.h"

/* The Contracts page's list: what each row shows of a contract, its
 * cells, how its columns sort, the search and status filter, and which
 * columns the width allows. */

void
sb_contracts_page_row_info_free (gpointer data)
{
  RowInfo *info = data;

  g_free (info->deadline_text);
  g_free (info->term_end_text);
  g_free (info->cost_text);
  g_free (info->haystack);
  g_free (info);
}

RowInfo *
sb_contracts_page_info_of (gpointer item)
{
  return g_object_get_data (G_OBJECT (item), "sb-contracts-page-info");
}

RowInfo *
sb_contracts_page_compute_info (SbContractsPage *self,
              SbContract      *contract,
              const GDate     *today,
              int              warning_days)
{
  RowInfo *info = g_new0 (RowInfo, 1);
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  gint64 amount = sb_contract_get_cost_amount (contract);
  g_autofree char *haystack = NULL;

  info->valid = sb_contract_terms_validate (terms, NULL);
  g_date_clear (&info->deadline, 1);
  g_date_clear (&info->ends, 1);
  if (info->valid)
    {
      sb_contract_get_state (contract, today, warning_days, &info->state);
      info->deadline_text = sb_contract_editor_format_deadline (terms, &info->state, today, &info->deadline);
      info->ends = info->state.term_end;
      if (g_date_valid (&info->state.final_end) &&
          (!g_date_valid (&info->ends) || g_date_compare (&info->state.final_end, &info->ends) < 0))
        info->ends = info->state.final_end;
      if (g_date_valid (&info->ends))
        info->term_end_text = sb_date_format_local (&info->ends);
    }
  else
    {
      info->deadline_text = g_strdup (_("The terms need checking"));
    }

  info->yearly = -1;
  if (amount >= 0 && sb_contract_get_cost_currency (contract) != NULL)
    {
      g_autofree char *money = sb_money_format (amount, sb_contract_get_cost_currency (contract));

      /* Translators: a cost per billing period, as in “€1,200.00 · Monthly” */
      info->cost_text = g_strdup_printf (_("%s · %s"), money,
                                         sb_billing_period_get_label (sb_contract_get_billing_period (contract)));
      info->yearly = sb_billing_yearly_amount (sb_contract_get_billing_period (contract), amount);
    }

  haystack = g_strjoin ("\n",
                        sb_contract_get_supplier_name (contract) ? sb_contract_get_supplier_name (contract) : "",
                        sb_contract_get_reference (contract) ? sb_contract_get_reference (contract) : "",
                        sb_contract_get_title (contract) ? sb_contract_get_title (contract) : "",
                        sb_contract_type_get_label (sb_contract_get_contract_type (contract)),
                        NULL);
  info->haystack = g_utf8_casefold (haystack, -1);

  return info;
}

/* Cells */

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

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  SbContract *contract = gtk_list_item_get_item (item);
  RowInfo *info = sb_contracts_page_info_of (contract);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = NULL;
  const char *style = NULL;

  for (guint i = 0; i < 3; i++)
    gtk_widget_remove_css_class (label, (const char *[]) { "warning", "dim-label", "success" }[i]);

  switch (column)
    {
    case COL_SUPPLIER:
      text = sb_contract_get_supplier_name (contract);
      break;
    case COL_REFERENCE:
      text = sb_contract_get_reference (contract);
      break;
    case COL_TITLE:
      text = sb_contract_get_title (contract);
      break;
    case COL_TYPE:
      text = sb_contract_type_get_label (sb_contract_get_contract_type (contract));
      break;
    case COL_STATUS:
      if (info != NULL && info->valid)
        {
          text = sb_contract_status_get_label (info->state.status);
          style = sb_contract_editor_status_style (info->state.status);
        }
      break;
    case COL_TERM_END:
      text = info != NULL ? info->term_end_text : NULL;
      break;
    case COL_DEADLINE:
      text = info != NULL ? info->deadline_text : NULL;
      if (info != NULL && info->valid &&
          (info->state.status == SB_CONTRACT_IN_NOTICE_WINDOW || info->state.status == SB_CONTRACT_EXPIRING))
        style = "warning";
      else if (info != NULL && info->valid &&
               (info->state.status == SB_CONTRACT_EXPIRED || info->state.status == SB_CONTRACT_TERMINATED))
        style = "dim-label";
      break;
    case COL_COST:
      text = info != NULL ? info->cost_text : NULL;
      break;
    case N_COLUMNS:
    default:
      break;
    }

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
  if (style != NULL && g_strcmp0 (style, "success") != 0)
    gtk_widget_add_css_class (label, style);
}

/* Sorting */

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
compare_dates (const GDate *a,
               const GDate *b)
{
  gboolean va = a != NULL && g_date_valid (a);
  gboolean vb = b != NULL && g_date_valid (b);

  /* No date sorts last. */
  if (!va || !vb)
    return va ? GTK_ORDERING_SMALLER : vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;

  return CLAMP (g_date_compare (a, b), -1, 1);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  SbContract *ca = (SbContract *) a;
  SbContract *cb = (SbContract *) b;
  RowInfo *ia = sb_contracts_page_info_of (ca);
  RowInfo *ib = sb_contracts_page_info_of (cb);

  switch (column)
    {
    case COL_SUPPLIER:
      return compare_strings (sb_contract_get_supplier_name (ca), sb_contract_get_supplier_name (cb));
    case COL_REFERENCE:
      return compare_strings (sb_contract_get_reference (ca), sb_contract_get_reference (cb));
    case COL_TITLE:
      return compare_strings (sb_contract_get_title (ca), sb_contract_get_title (cb));
    case COL_TYPE:
      return compare_strings (sb_contract_type_get_label (sb_contract_get_contract_type (ca)),
                              sb_contract_type_get_label (sb_contract_get_contract_type (cb)));
    case COL_STATUS:
      {
        int sa = ia != NULL && ia->valid ? (int) ia->state.status : -1;
        int sb = ib != NULL && ib->valid ? (int) ib->state.status : -1;

        return sa < sb ? GTK_ORDERING_SMALLER : sa > sb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
      }
    case COL_TERM_END:
      return compare_dates (ia != NULL && ia->valid ? &ia->ends : NULL,
                            ib != NULL && ib->valid ? &ib->ends : NULL);
    case COL_DEADLINE:
      return compare_dates (ia != NULL ? &ia->deadline : NULL, ib != NULL ? &ib->deadline : NULL);
    case COL_COST:
      {
        gint64 ya = ia != NULL ? ia->yearly : -1;
        gint64 yb = ib != NULL ? ib->yearly : -1;

        return ya < yb ? GTK_ORDERING_SMALLER : ya > yb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
      }
    case N_COLUMNS:
    default:
      return GTK_ORDERING_EQUAL;
    }
}

/* Filtering */

gboolean
sb_contracts_page_filter_cb (gpointer item,
           gpointer user_data)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (user_data);
  RowInfo *info = sb_contracts_page_info_of (item);
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (info == NULL)
    return TRUE;

  if (self->casefolded_search != NULL && strstr (info->haystack, self->casefolded_search) == NULL)
    return FALSE;

  if (selected == 1)
    return info->valid && (info->state.status == SB_CONTRACT_IN_NOTICE_WINDOW ||
                           info->state.status == SB_CONTRACT_EXPIRING);
  if (selected >= 2 && selected - 2 < G_N_ELEMENTS (filter_statuses))
    return info->valid && info->state.status == filter_statuses[selected - 2];

  return TRUE;
}

/* Columns: the supplier (what a person scans first), the title and the
 * next deadline always; the others, in the order of this table's
 * priority, as long as the title keeps its width. A narrow list shows
 * the supplier and the deadline only (the title is in the editor a click
 * away); cells ellipsize, with the whole text in the tooltip. */
#define TITLE_MIN_WIDTH        150
#define NARROW_WIDTH           560

static const struct
{
  const char *title;
  int         priority;   /* 0: always shown */
  int         fixed_width;
  int         narrow_width;   /* of a column always shown, on a narrow list; -1: hidden */
} column_info[N_COLUMNS] = {
  [COL_SUPPLIER] = { N_("Supplier"), 0, 155, 130 },
  [COL_REFERENCE] = { N_("Reference"), 1, 140, 0 },
  [COL_TITLE] = { N_("Title"), 0, -1, -1 },   /* narrow: hidden */
  [COL_TYPE] = { N_("Type"), 5, 150, 0 },
  [COL_STATUS] = { N_("Status"), 2, 130, 0 },
  [COL_TERM_END] = { N_("Term Ends"), 4, 110, 0 },
  [COL_DEADLINE] = { N_("Next Deadline"), 0, 305, 0 },   /* narrow: the rest */
  [COL_COST] = { N_("Cost"), 3, 160, 0 },
};

void
sb_contracts_page_build_columns (SbContractsPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (i), NULL);
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(column_info[i].title), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (column_info[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, column_info[i].fixed_width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      g_object_unref (sorter);

      self->columns[i] = column;
    }
}

gboolean
sb_contracts_page_update_columns (SbContractsPage *self,
                int              width)
{
  gboolean wanted[N_COLUMNS] = { FALSE, };
  gboolean narrow = width < NARROW_WIDTH;
  int budget = narrow ? 0 : width - TITLE_MIN_WIDTH;
  guint position = 0;
  gboolean changed = FALSE;

  if (width == self->list_width)
    return FALSE;
  self->list_width = width;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (column_info[i].priority != 0 || column_info[i].fixed_width <= 0)
        continue;
      gtk_column_view_column_set_fixed_width (self->columns[i], column_info[i].fixed_width);
      budget -= column_info[i].fixed_width;
    }
  if (narrow)
    {
      /* The supplier, then the deadline across the rest. */
      gtk_column_view_column_set_fixed_width (self->columns[COL_SUPPLIER], column_info[COL_SUPPLIER].narrow_width);
      gtk_column_view_column_set_fixed_width (self->columns[COL_DEADLINE],
                                              MAX (120, width - column_info[COL_SUPPLIER].narrow_width - 4));
    }

  for (int priority = 0; priority <= N_COLUMNS; priority++)
    {
      for (guint i = 0; i < N_COLUMNS; i++)
        {
          if (column_info[i].priority != priority)
            continue;
          if (priority == 0)
            wanted[i] = !narrow || column_info[i].narrow_width != -1;
          else if (column_info[i].fixed_width <= budget)
            {
              wanted[i] = TRUE;
              budget -= column_info[i].fixed_width;
            }
          else
            budget = -1;   /* no lower priority jumps ahead */
        }
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gboolean shown = gtk_column_view_column_get_column_view (self->columns[i]) != NULL;

      if (wanted[i] && !shown)
        gtk_column_view_insert_column (self->column_view, position, self->columns[i]);
      else if (!wanted[i] && shown)
        gtk_column_view_remove_column (self->column_view, self->columns[i]);

      changed |= wanted[i] != shown;
      if (wanted[i])
        position++;
    }

  return changed;
}

