/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include "sb-suppliers-private.h"

/* A periodic review of a supplier (sb-supplier.h). */


enum
{
  REVIEW_PROP_0,
  REVIEW_PROP_ID,
  REVIEW_PROP_SUPPLIER_ID,
  REVIEW_PROP_CONTRACT_ID,
  REVIEW_PROP_REVIEW_DATE,
  REVIEW_PROP_PERIOD_FROM,
  REVIEW_PROP_PERIOD_TO,
  REVIEW_PROP_NOTES,
  REVIEW_PROP_ACTIONS,
  REVIEW_PROP_NEXT_REVIEW,
  REVIEW_PROP_REVIEWER,
  REVIEW_N_TEXT,
  /* the scores, in the order of SbReviewScore */
  REVIEW_PROP_QUALITY = REVIEW_N_TEXT,
  REVIEW_PROP_DELIVERY,
  REVIEW_PROP_RESPONSIVENESS,
  REVIEW_PROP_VALUE,
  REVIEW_PROP_MEAN_SCORE,
  REVIEW_N_PROPS
};

G_STATIC_ASSERT (REVIEW_PROP_MEAN_SCORE - REVIEW_PROP_QUALITY == SB_REVIEW_N_SCORES);

struct _SbSupplierReview
{
  GObject  parent_instance;

  char    *text[REVIEW_N_TEXT];
  int      scores[SB_REVIEW_N_SCORES];
};

static const char * const review_text_props[REVIEW_N_TEXT] = {
  [REVIEW_PROP_ID] = "id",
  [REVIEW_PROP_SUPPLIER_ID] = "supplier-id",
  [REVIEW_PROP_CONTRACT_ID] = "contract-id",
  [REVIEW_PROP_REVIEW_DATE] = "review-date",
  [REVIEW_PROP_PERIOD_FROM] = "period-from",
  [REVIEW_PROP_PERIOD_TO] = "period-to",
  [REVIEW_PROP_NOTES] = "notes",
  [REVIEW_PROP_ACTIONS] = "actions",
  [REVIEW_PROP_NEXT_REVIEW] = "next-review",
  [REVIEW_PROP_REVIEWER] = "reviewer",
};

static const char * const review_score_props[SB_REVIEW_N_SCORES] = {
  [SB_REVIEW_QUALITY] = "quality",
  [SB_REVIEW_DELIVERY] = "delivery",
  [SB_REVIEW_RESPONSIVENESS] = "responsiveness",
  [SB_REVIEW_VALUE] = "value",
};

static GParamSpec *review_props[REVIEW_N_PROPS];

G_DEFINE_FINAL_TYPE (SbSupplierReview, sb_supplier_review, G_TYPE_OBJECT)

static void
review_set_text (SbSupplierReview *self,
                 guint             prop,
                 const char       *value)
{
  g_assert (prop > REVIEW_PROP_0 && prop < REVIEW_N_TEXT);

  if (sb_supplier_replace_text (&self->text[prop], value))
    g_object_notify_by_pspec (G_OBJECT (self), review_props[prop]);
}

static void
sb_supplier_review_finalize (GObject *object)
{
  SbSupplierReview *self = SB_SUPPLIER_REVIEW (object);

  for (guint i = 0; i < REVIEW_N_TEXT; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (sb_supplier_review_parent_class)->finalize (object);
}

static void
sb_supplier_review_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SbSupplierReview *self = SB_SUPPLIER_REVIEW (object);

  if (prop_id > REVIEW_PROP_0 && prop_id < REVIEW_N_TEXT)
    g_value_set_string (value, self->text[prop_id]);
  else if (prop_id >= REVIEW_PROP_QUALITY && prop_id < REVIEW_PROP_MEAN_SCORE)
    g_value_set_int (value, self->scores[prop_id - REVIEW_PROP_QUALITY]);
  else if (prop_id == REVIEW_PROP_MEAN_SCORE)
    g_value_set_double (value, sb_supplier_review_get_mean_score (self));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_supplier_review_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SbSupplierReview *self = SB_SUPPLIER_REVIEW (object);

  if (prop_id == REVIEW_PROP_SUPPLIER_ID)
    sb_supplier_replace_text (&self->text[prop_id], g_value_get_string (value));
  else if (prop_id > REVIEW_PROP_SUPPLIER_ID && prop_id < REVIEW_N_TEXT)
    review_set_text (self, prop_id, g_value_get_string (value));
  else if (prop_id >= REVIEW_PROP_QUALITY && prop_id < REVIEW_PROP_MEAN_SCORE)
    sb_supplier_review_set_score (self, prop_id - REVIEW_PROP_QUALITY, g_value_get_int (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_supplier_review_class_init (SbSupplierReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_supplier_review_finalize;
  object_class->get_property = sb_supplier_review_get_property;
  object_class->set_property = sb_supplier_review_set_property;

  for (guint i = REVIEW_PROP_ID; i < REVIEW_N_TEXT; i++)
    {
      if (i != REVIEW_PROP_SUPPLIER_ID)
        review_props[i] = sb_supplier_text_pspec (review_text_props[i], NULL, i == REVIEW_PROP_ID);
    }

  review_props[REVIEW_PROP_SUPPLIER_ID] =
    g_param_spec_string ("supplier-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* 1 (poor) … 5 (excellent); 0: not scored */
  for (guint i = 0; i < SB_REVIEW_N_SCORES; i++)
    review_props[REVIEW_PROP_QUALITY + i] =
      g_param_spec_int (review_score_props[i], NULL, NULL, 0, 5, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  review_props[REVIEW_PROP_MEAN_SCORE] =
    g_param_spec_double ("mean-score", NULL, NULL, 0.0, 5.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, REVIEW_N_PROPS, review_props);
}

static void
sb_supplier_review_init (SbSupplierReview *self)
{
}

/**
 * sb_supplier_review_new:
 * @supplier_id: the id of the supplier reviewed
 *
 * Creates an unsaved review with no scores; add it with
 * sb_suppliers_add_review().
 *
 * Returns: (transfer full): a new review
 */
SbSupplierReview *
sb_supplier_review_new (const char *supplier_id)
{
  return g_object_new (SB_TYPE_SUPPLIER_REVIEW, "supplier-id", supplier_id, NULL);
}

/**
 * sb_supplier_review_copy:
 * @self: a review
 *
 * Copies every field, the id included.
 *
 * Returns: (transfer full): a new review
 */
SbSupplierReview *
sb_supplier_review_copy (SbSupplierReview *self)
{
  SbSupplierReview *copy;

  g_return_val_if_fail (SB_IS_SUPPLIER_REVIEW (self), NULL);

  copy = sb_supplier_review_new (self->text[REVIEW_PROP_SUPPLIER_ID]);
  for (guint i = REVIEW_PROP_ID; i < REVIEW_N_TEXT; i++)
    sb_supplier_replace_text (&copy->text[i], self->text[i]);
  memcpy (copy->scores, self->scores, sizeof self->scores);

  return copy;
}

void
sb_supplier_review_set_id (SbSupplierReview *self,
                           const char       *id)
{
  g_return_if_fail (SB_IS_SUPPLIER_REVIEW (self));

  review_set_text (self, REVIEW_PROP_ID, id);
}

const char *
sb_supplier_review_get_id (SbSupplierReview *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_REVIEW (self), NULL);

  return self->text[REVIEW_PROP_ID];
}

const char *
sb_supplier_review_get_supplier_id (SbSupplierReview *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_REVIEW (self), NULL);

  return self->text[REVIEW_PROP_SUPPLIER_ID];
}

#define REVIEW_TEXT(field, PROP)                                     \
  const char *                                                       \
  sb_supplier_review_get_##field (SbSupplierReview *self)            \
  {                                                                  \
    g_return_val_if_fail (SB_IS_SUPPLIER_REVIEW (self), NULL);       \
    return self->text[PROP];                                         \
  }                                                                  \
                                                                     \
  void                                                               \
  sb_supplier_review_set_##field (SbSupplierReview *self,            \
                                  const char       *value)           \
  {                                                                  \
    g_return_if_fail (SB_IS_SUPPLIER_REVIEW (self));                 \
    review_set_text (self, PROP, value);                             \
  }

REVIEW_TEXT (contract_id, REVIEW_PROP_CONTRACT_ID)
REVIEW_TEXT (review_date, REVIEW_PROP_REVIEW_DATE)
REVIEW_TEXT (period_from, REVIEW_PROP_PERIOD_FROM)
REVIEW_TEXT (period_to, REVIEW_PROP_PERIOD_TO)
REVIEW_TEXT (notes, REVIEW_PROP_NOTES)
REVIEW_TEXT (actions, REVIEW_PROP_ACTIONS)
REVIEW_TEXT (next_review, REVIEW_PROP_NEXT_REVIEW)
REVIEW_TEXT (reviewer, REVIEW_PROP_REVIEWER)

#undef REVIEW_TEXT

/**
 * sb_supplier_review_get_score:
 * @self: a review
 * @which: the score
 *
 * Returns: 1 (poor) … 5 (excellent), or 0 when not scored
 */
int
sb_supplier_review_get_score (SbSupplierReview *self,
                              SbReviewScore     which)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_REVIEW (self), 0);
  g_return_val_if_fail (which < SB_REVIEW_N_SCORES, 0);

  return self->scores[which];
}

/**
 * sb_supplier_review_set_score:
 * @self: a review
 * @which: the score
 * @score: 1 (poor) … 5 (excellent), 0 for not scored
 *
 * Sets one score. A value out of range is kept as given and refused by
 * sb_suppliers_add_review().
 */
void
sb_supplier_review_set_score (SbSupplierReview *self,
                              SbReviewScore     which,
                              int               score)
{
  double old_mean;

  g_return_if_fail (SB_IS_SUPPLIER_REVIEW (self));
  g_return_if_fail (which < SB_REVIEW_N_SCORES);

  if (self->scores[which] == score)
    return;

  old_mean = sb_supplier_review_get_mean_score (self);
  self->scores[which] = score;

  g_object_notify_by_pspec (G_OBJECT (self), review_props[REVIEW_PROP_QUALITY + which]);
  if (old_mean != sb_supplier_review_get_mean_score (self))
    g_object_notify_by_pspec (G_OBJECT (self), review_props[REVIEW_PROP_MEAN_SCORE]);
}

/**
 * sb_supplier_review_get_mean_score:
 * @self: a review
 *
 * The mean of the scores given, leaving out those not scored.
 *
 * Returns: the mean from 1 to 5, or 0 when nothing was scored
 */
double
sb_supplier_review_get_mean_score (SbSupplierReview *self)
{
  int sum = 0;
  int n = 0;

  g_return_val_if_fail (SB_IS_SUPPLIER_REVIEW (self), 0.0);

  for (guint i = 0; i < SB_REVIEW_N_SCORES; i++)
    {
      if (self->scores[i] >= 1 && self->scores[i] <= 5)
        {
          sum += self->scores[i];
          n++;
        }
    }

  return n > 0 ? (double)sum / n : 0.0;
}
