/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-suppliers.h"

/* The values the supplier register's schema allows
 * (migrations/0004-suppliers.sql) and how they are shown. */

static const char * const kinds[] = { "external", "internal", "customer", NULL };
static const char * const statuses[] = {
  "prospective", "active", "under-review", "exiting", "ended", NULL
};
static const char * const criticalities[] = { "low", "medium", "high", "critical", NULL };
static const char * const dispute_statuses[] = {
  "open", "in-progress", "resolved", "withdrawn", NULL
};

/* Labels */

static const char *
label_of (const char         *value,
          const char * const *values,
          const char * const *labels)
{
  for (guint i = 0; value != NULL && values[i] != NULL; i++)
    {
      if (g_str_equal (values[i], value))
        return g_dpgettext2 (GETTEXT_PACKAGE, "supplier", labels[i]);
    }

  return value;
}

/**
 * sb_supplier_kinds:
 *
 * Returns: (transfer none) (array zero-terminated=1): the kinds of
 *   supplier the schema allows
 */
const char * const *
sb_supplier_kinds (void)
{
  return kinds;
}

/**
 * sb_supplier_kind_get_label:
 * @kind: a kind
 *
 * Returns: (transfer none): the kind as shown, translated; an unknown
 *   value is returned as it is
 */
const char *
sb_supplier_kind_get_label (const char *kind)
{
  static const char * const labels[] = {
    NC_("supplier", "External company"),
    NC_("supplier", "Internal team"),
    NC_("supplier", "Customer as supplier"),
  };

  return label_of (kind, kinds, labels);
}

/**
 * sb_supplier_statuses:
 *
 * Returns: (transfer none) (array zero-terminated=1): the statuses of a
 *   supplier relationship
 */
const char * const *
sb_supplier_statuses (void)
{
  return statuses;
}

/**
 * sb_supplier_status_get_label:
 * @status: a status
 *
 * Returns: (transfer none): the status as shown, translated
 */
const char *
sb_supplier_status_get_label (const char *status)
{
  static const char * const labels[] = {
    NC_("supplier", "Prospective"),
    NC_("supplier", "Active"),
    NC_("supplier", "Under review"),
    NC_("supplier", "Exiting"),
    NC_("supplier", "Ended"),
  };

  return label_of (status, statuses, labels);
}

/**
 * sb_supplier_criticalities:
 *
 * Returns: (transfer none) (array zero-terminated=1): how critical a
 *   supplier can be to the services
 */
const char * const *
sb_supplier_criticalities (void)
{
  return criticalities;
}

/**
 * sb_supplier_criticality_get_label:
 * @criticality: a criticality
 *
 * Returns: (transfer none): the criticality as shown, translated
 */
const char *
sb_supplier_criticality_get_label (const char *criticality)
{
  static const char * const labels[] = {
    NC_("supplier", "Low"),
    NC_("supplier", "Medium"),
    NC_("supplier", "High"),
    NC_("supplier", "Critical"),
  };

  return label_of (criticality, criticalities, labels);
}

/**
 * sb_dispute_statuses:
 *
 * Returns: (transfer none) (array zero-terminated=1): the statuses of a
 *   dispute
 */
const char * const *
sb_dispute_statuses (void)
{
  return dispute_statuses;
}

/**
 * sb_dispute_status_get_label:
 * @status: a dispute status
 *
 * Returns: (transfer none): the status as shown, translated
 */
const char *
sb_dispute_status_get_label (const char *status)
{
  static const char * const labels[] = {
    NC_("supplier", "Open"),
    NC_("supplier", "In progress"),
    NC_("supplier", "Resolved"),
    NC_("supplier", "Withdrawn"),
  };

  return label_of (status, dispute_statuses, labels);
}

/**
 * sb_review_score_get_label:
 * @which: a score of a review
 *
 * Returns: (transfer none): the name of the score, translated
 */
const char *
sb_review_score_get_label (SbReviewScore which)
{
  static const char * const labels[SB_REVIEW_N_SCORES] = {
    [SB_REVIEW_QUALITY] = NC_("supplier", "Quality"),
    [SB_REVIEW_DELIVERY] = NC_("supplier", "Delivery"),
    [SB_REVIEW_RESPONSIVENESS] = NC_("supplier", "Responsiveness"),
    [SB_REVIEW_VALUE] = NC_("supplier", "Value"),
  };

  g_return_val_if_fail (which < SB_REVIEW_N_SCORES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "supplier", labels[which]);
}
