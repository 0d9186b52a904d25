/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include "sb-budgets-private.h"
#include "sb-contracts.h"

/*
 * SbBudget and SbBudgetLine: value objects holding a budget as the person
 * edits it. Text fields are %NULL or non-empty. A line keeps its plan as
 * SB_BUDGET_MAX_MONTHS amounts, index 0 being the budget's first month;
 * what is beyond the budget's period is checked only when it is saved.
 */

/* SbBudgetLine */

enum
{
  LINE_PROP_0,
  LINE_PROP_ID,
  LINE_PROP_CATEGORY,
  LINE_PROP_SERVICE_ID,
  LINE_PROP_CONTRACT_ID,
  LINE_PROP_DESCRIPTION,
  LINE_PROP_CATEGORY_LABEL,
  LINE_PROP_PLANNED_TOTAL,
  LINE_N_PROPS
};

#define LINE_LAST_TEXT LINE_PROP_DESCRIPTION

struct _SbBudgetLine
{
  GObject parent_instance;

  char   *text[LINE_LAST_TEXT + 1];
  gint64  planned[SB_BUDGET_MAX_MONTHS];
};

static GParamSpec *line_properties[LINE_N_PROPS];

G_DEFINE_FINAL_TYPE (SbBudgetLine, sb_budget_line, G_TYPE_OBJECT)

static void
line_set_text (SbBudgetLine *self,
               guint         prop,
               const char   *value)
{
  g_assert (prop >= LINE_PROP_ID && prop <= LINE_LAST_TEXT);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->text[prop], value) == 0)
    return;

  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), line_properties[prop]);
  if (prop == LINE_PROP_CATEGORY)
    g_object_notify_by_pspec (G_OBJECT (self), line_properties[LINE_PROP_CATEGORY_LABEL]);
}

static void
sb_budget_line_finalize (GObject *object)
{
  SbBudgetLine *self = SB_BUDGET_LINE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (sb_budget_line_parent_class)->finalize (object);
}

static void
sb_budget_line_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SbBudgetLine *self = SB_BUDGET_LINE (object);

  if (prop_id >= LINE_PROP_ID && prop_id <= LINE_LAST_TEXT)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case LINE_PROP_CATEGORY_LABEL:
      g_value_set_string (value, sb_cost_category_get_label (self->text[LINE_PROP_CATEGORY]));
      break;

    case LINE_PROP_PLANNED_TOTAL:
      g_value_set_int64 (value, sb_budget_line_get_planned_total (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_budget_line_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SbBudgetLine *self = SB_BUDGET_LINE (object);

  if (prop_id > LINE_PROP_ID && prop_id <= LINE_LAST_TEXT)
    line_set_text (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_budget_line_class_init (SbBudgetLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_budget_line_finalize;
  object_class->get_property = sb_budget_line_get_property;
  object_class->set_property = sb_budget_line_set_property;

  line_properties[LINE_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  line_properties[LINE_PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, rw);
  line_properties[LINE_PROP_SERVICE_ID] = g_param_spec_string ("service-id", NULL, NULL, NULL, rw);
  line_properties[LINE_PROP_CONTRACT_ID] = g_param_spec_string ("contract-id", NULL, NULL, NULL, rw);
  line_properties[LINE_PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  line_properties[LINE_PROP_CATEGORY_LABEL] =
    g_param_spec_string ("category-label", NULL, NULL, NULL, ro);
  line_properties[LINE_PROP_PLANNED_TOTAL] =
    g_param_spec_int64 ("planned-total", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, LINE_N_PROPS, line_properties);
}

static void
sb_budget_line_init (SbBudgetLine *self)
{
}

/**
 * sb_budget_line_new:
 * @category: a cost category (sb_cost_categories())
 *
 * Creates an unsaved line of @category, for no particular service or
 * contract, with nothing planned.
 *
 * Returns: (transfer full): a new line
 */
SbBudgetLine *
sb_budget_line_new (const char *category)
{
  SbBudgetLine *self = g_object_new (SB_TYPE_BUDGET_LINE, NULL);

  line_set_text (self, LINE_PROP_CATEGORY, category);

  return self;
}

/**
 * sb_budget_line_copy:
 * @self: a line
 *
 * Returns: (transfer full): a copy of every field, the id and the plan
 *   included
 */
SbBudgetLine *
sb_budget_line_copy (SbBudgetLine *self)
{
  SbBudgetLine *copy;

  g_return_val_if_fail (SB_IS_BUDGET_LINE (self), NULL);

  copy = g_object_new (SB_TYPE_BUDGET_LINE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    copy->text[i] = g_strdup (self->text[i]);
  memcpy (copy->planned, self->planned, sizeof self->planned);

  return copy;
}

#define LINE_TEXT_ACCESSORS(field, PROP)                   \
  const char *                                             \
  sb_budget_line_get_##field (SbBudgetLine *self)          \
  {                                                        \
    g_return_val_if_fail (SB_IS_BUDGET_LINE (self), NULL); \
    return self->text[PROP];                               \
  }                                                        \
  void                                                     \
  sb_budget_line_set_##field (SbBudgetLine *self,          \
                              const char   *value)         \
  {                                                        \
    g_return_if_fail (SB_IS_BUDGET_LINE (self));           \
    line_set_text (self, PROP, value);                     \
  }

LINE_TEXT_ACCESSORS (id, LINE_PROP_ID)
LINE_TEXT_ACCESSORS (category, LINE_PROP_CATEGORY)
LINE_TEXT_ACCESSORS (service_id, LINE_PROP_SERVICE_ID)
LINE_TEXT_ACCESSORS (contract_id, LINE_PROP_CONTRACT_ID)
LINE_TEXT_ACCESSORS (description, LINE_PROP_DESCRIPTION)

#undef LINE_TEXT_ACCESSORS

/**
 * sb_budget_line_get_planned:
 * @self: a line
 * @index: the month of the budget's period, 0 for its first
 *
 * Returns: the plan for that month in minor units; 0 past the last month
 *   a budget can have
 */
gint64
sb_budget_line_get_planned (SbBudgetLine *self,
                            guint         index)
{
  g_return_val_if_fail (SB_IS_BUDGET_LINE (self), 0);

  return index < SB_BUDGET_MAX_MONTHS ? self->planned[index] : 0;
}

/**
 * sb_budget_line_set_planned:
 * @self: a line
 * @index: the month of the budget's period, 0 … 23
 * @amount: minor units of the budget's currency
 *
 * Sets the plan for one month; checked only when the budget is saved.
 */
void
sb_budget_line_set_planned (SbBudgetLine *self,
                            guint         index,
                            gint64        amount)
{
  g_return_if_fail (SB_IS_BUDGET_LINE (self));
  g_return_if_fail (index < SB_BUDGET_MAX_MONTHS);

  if (self->planned[index] == amount)
    return;

  self->planned[index] = amount;
  g_object_notify_by_pspec (G_OBJECT (self), line_properties[LINE_PROP_PLANNED_TOTAL]);
}

/**
 * sb_budget_line_get_planned_total:
 * @self: a line
 *
 * Returns: the sum of the plan over every month, saturating instead of
 *   overflowing
 */
gint64
sb_budget_line_get_planned_total (SbBudgetLine *self)
{
  gint64 total = 0;

  g_return_val_if_fail (SB_IS_BUDGET_LINE (self), 0);

  for (guint i = 0; i < SB_BUDGET_MAX_MONTHS; i++)
    {
      gint64 amount = self->planned[i];

      if (amount > 0 && total > G_MAXINT64 - amount)
        total = G_MAXINT64;
      else if (amount < 0 && total < G_MININT64 - amount)
        total = G_MININT64;
      else
        total += amount;
    }

  return total;
}

/**
 * sb_budget_line_spread:
 * @self: a line
 * @yearly: the figure for the whole period, minor units
 * @n_months: the budget's months, 1 … 24
 *
 * Replaces the plan by @yearly spread over the first @n_months months so
 * that the months add up to it exactly (sb_budget_spread()); the months
 * after are cleared.
 */
void
sb_budget_line_spread (SbBudgetLine *self,
                       gint64        yearly,
                       guint         n_months)
{
  gint64 months[SB_BUDGET_MAX_MONTHS] = { 0 };

  g_return_if_fail (SB_IS_BUDGET_LINE (self));
  g_return_if_fail (n_months >= 1 && n_months <= SB_BUDGET_MAX_MONTHS);

  sb_budget_spread (yearly, n_months, months);
  if (memcmp (months, self->planned, sizeof months) == 0)
    return;

  memcpy (self->planned, months, sizeof months);
  g_object_notify_by_pspec (G_OBJECT (self), line_properties[LINE_PROP_PLANNED_TOTAL]);
}

/* SbBudget */

enum
{
  PROP_0,
  /* text, kept in self->text[] */
  PROP_ID,
  PROP_NAME,
  PROP_CURRENCY,
  PROP_STATUS,
  PROP_APPROVED_ON,
  PROP_REVISION_OF,
  PROP_NOTES,
  /* others */
  PROP_START_MONTH,
  PROP_N_MONTHS,
  PROP_REVISION,
  PROP_STATUS_LABEL,
  PROP_PERIOD_LABEL,
  PROP_PLANNED_TOTAL,
  N_PROPS
};

#define LAST_TEXT_PROP PROP_NOTES

struct _SbBudget
{
  GObject parent_instance;

  char      *text[LAST_TEXT_PROP + 1];
  SbMonth    start;
  guint      n_months;
  guint      revision;
  GPtrArray *lines;
  gboolean   has_lines;
  gint64     summary_total;
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbBudget, sb_budget, G_TYPE_OBJECT)

static void
set_text (SbBudget   *self,
          guint       prop,
          const char *value)
{
  g_assert (prop >= PROP_ID && prop <= LAST_TEXT_PROP);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->text[prop], value) == 0)
    return;

  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (prop == PROP_STATUS)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

static void
on_line_total_changed (SbBudget *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_TOTAL]);
}

static void
release_line (gpointer data)
{
  SbBudgetLine *line = data;

  g_signal_handlers_disconnect_matched (line, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_line_total_changed, NULL);
  g_object_unref (line);
}

static void
sb_budget_finalize (GObject *object)
{
  SbBudget *self = SB_BUDGET (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_free (self->text[i]);
  g_ptr_array_unref (self->lines);

  G_OBJECT_CLASS (sb_budget_parent_class)->finalize (object);
}

static void
sb_budget_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbBudget *self = SB_BUDGET (object);

  if (prop_id >= PROP_ID && prop_id <= LAST_TEXT_PROP)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_START_MONTH:
      g_value_take_string (value, sb_month_format (self->start));
      break;

    case PROP_N_MONTHS:
      g_value_set_uint (value, self->n_months);
      break;

    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, sb_budget_status_get_label (self->text[PROP_STATUS]));
      break;

    case PROP_PERIOD_LABEL:
      g_value_take_string (value, sb_fiscal_period_get_label (self->start, self->n_months));
      break;

    case PROP_PLANNED_TOTAL:
      g_value_set_int64 (value, sb_budget_get_planned_total (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_budget_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SbBudget *self = SB_BUDGET (object);

  switch (prop_id)
    {
    case PROP_NAME:
    case PROP_CURRENCY:
    case PROP_NOTES:
      set_text (self, prop_id, g_value_get_string (value));
      break;

    case PROP_START_MONTH:
      {
        SbMonth start;

        if (g_value_get_string (value) != NULL &&
            sb_month_parse (g_value_get_string (value), &start))
          sb_budget_set_start (self, start);
      }
      break;

    case PROP_N_MONTHS:
      sb_budget_set_n_months (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_budget_class_init (SbBudgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_budget_finalize;
  object_class->get_property = sb_budget_get_property;
  object_class->set_property = sb_budget_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, "draft", ro);
  /* YYYY-MM-DD */
  properties[PROP_APPROVED_ON] = g_param_spec_string ("approved-on", NULL, NULL, NULL, ro);
  properties[PROP_REVISION_OF] = g_param_spec_string ("revision-of", NULL, NULL, NULL, ro);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  /* YYYY-MM */
  properties[PROP_START_MONTH] = g_param_spec_string ("start-month", NULL, NULL, NULL, rw);
  properties[PROP_N_MONTHS] =
    g_param_spec_uint ("n-months", NULL, NULL, 0, G_MAXUINT, 12, rw);
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 1, G_MAXUINT, 1, ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, ro);
  /* "Apr 2026 – Mar 2027" */
  properties[PROP_PERIOD_LABEL] = g_param_spec_string ("period-label", NULL, NULL, NULL, ro);
  properties[PROP_PLANNED_TOTAL] =
    g_param_spec_int64 ("planned-total", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_budget_init (SbBudget *self)
{
  self->text[PROP_STATUS] = g_strdup ("draft");
  self->n_months = 12;
  self->revision = 1;
  self->lines = g_ptr_array_new_with_free_func (release_line);
  self->has_lines = TRUE;
}

/**
 * sb_budget_new:
 * @name: (nullable): the budget's name
 * @start: the first month of its period
 * @currency: (nullable): its currency, the book's base currency
 *
 * Creates an unsaved draft of 12 months from @start, without lines.
 *
 * Returns: (transfer full): a new budget
 */
SbBudget *
sb_budget_new (const char *name,
               SbMonth     start,
               const char *currency)
{
  SbBudget *self = g_object_new (SB_TYPE_BUDGET, NULL);

  set_text (self, PROP_NAME, name);
  set_text (self, PROP_CURRENCY, currency);
  self->start = start;

  return self;
}

/**
 * sb_budget_copy:
 * @self: a budget
 *
 * Copies every field, the ids and status included, and every line with
 * its plan, so an editor can work on a copy and throw it away.
 *
 * Returns: (transfer full): a new budget
 */
SbBudget *
sb_budget_copy (SbBudget *self)
{
  SbBudget *copy;

  g_return_val_if_fail (SB_IS_BUDGET (self), NULL);

  copy = g_object_new (SB_TYPE_BUDGET, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
    }
  copy->start = self->start;
  copy->n_months = self->n_months;
  copy->revision = self->revision;
  copy->has_lines = self->has_lines;
  copy->summary_total = self->summary_total;
  for (guint i = 0; i < self->lines->len; i++)
    {
      g_autoptr(SbBudgetLine) line = sb_budget_line_copy (g_ptr_array_index (self->lines, i));

      sb_budget_add_line (copy, line);
    }
  copy->has_lines = self->has_lines;

  return copy;
}

#define TEXT_ACCESSORS(field, PROP)                   \
  const char *                                        \
  sb_budget_get_##field (SbBudget *self)              \
  {                                                   \
    g_return_val_if_fail (SB_IS_BUDGET (self), NULL); \
    return self->text[PROP];                          \
  }

TEXT_ACCESSORS (id, PROP_ID)
TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (currency, PROP_CURRENCY)
TEXT_ACCESSORS (status, PROP_STATUS)
TEXT_ACCESSORS (approved_on, PROP_APPROVED_ON)
TEXT_ACCESSORS (revision_of, PROP_REVISION_OF)
TEXT_ACCESSORS (notes, PROP_NOTES)

#undef TEXT_ACCESSORS

void
sb_budget_set_name (SbBudget   *self,
                    const char *name)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  set_text (self, PROP_NAME, name);
}

void
sb_budget_set_currency (SbBudget   *self,
                        const char *currency)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  set_text (self, PROP_CURRENCY, currency);
}

void
sb_budget_set_notes (SbBudget   *self,
                     const char *notes)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  set_text (self, PROP_NOTES, notes);
}

void
sb_budget_set_id (SbBudget   *self,
                  const char *id)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  set_text (self, PROP_ID, id);
}

void
sb_budget_set_status (SbBudget   *self,
                      const char *status)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  set_text (self, PROP_STATUS, status != NULL ? status : "draft");
}

void
sb_budget_set_approved_on (SbBudget   *self,
                           const char *day)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  set_text (self, PROP_APPROVED_ON, day);
}

void
sb_budget_set_revision (SbBudget   *self,
                        guint       revision,
                        const char *revision_of)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  g_return_if_fail (revision >= 1);

  set_text (self, PROP_REVISION_OF, revision_of);
  if (self->revision != revision)
    {
      self->revision = revision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
    }
}

/**
 * sb_budget_get_start:
 * @self: a budget
 *
 * Returns: the first month of the budget's period
 */
SbMonth
sb_budget_get_start (SbBudget *self)
{
  g_return_val_if_fail (SB_IS_BUDGET (self), 0);

  return self->start;
}

/**
 * sb_budget_set_start:
 * @self: a budget
 * @start: the first month of the period
 *
 * Moves the period; the lines' plans keep their positions in it (the
 * plan of the first month stays the plan of the first month).
 */
void
sb_budget_set_start (SbBudget *self,
                     SbMonth   start)
{
  g_return_if_fail (SB_IS_BUDGET (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_MONTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_LABEL]);
}

/**
 * sb_budget_get_n_months:
 * @self: a budget
 *
 * Returns: the length of the period in months
 */
guint
sb_budget_get_n_months (SbBudget *self)
{
  g_return_val_if_fail (SB_IS_BUDGET (self), 0);

  return self->n_months;
}

/**
 * sb_budget_set_n_months:
 * @self: a budget
 * @n_months: the length of the period, 1 … 24
 *
 * Sets the length of the period; checked only when the budget is saved.
 */
void
sb_budget_set_n_months (SbBudget *self,
                        guint     n_months)
{
  g_return_if_fail (SB_IS_BUDGET (self));

  if (self->n_months == n_months)
    return;

  self->n_months = n_months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MONTHS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_LABEL]);
}

/**
 * sb_budget_get_revision:
 * @self: a budget
 *
 * Returns: 1 for the first version, one more for each revision
 */
guint
sb_budget_get_revision (SbBudget *self)
{
  g_return_val_if_fail (SB_IS_BUDGET (self), 1);

  return self->revision;
}

/**
 * sb_budget_get_lines:
 * @self: a budget
 *
 * Returns: (transfer none) (element-type SbBudgetLine): the lines in
 *   order; empty for a budget from sb_budgets_list()
 */
GPtrArray *
sb_budget_get_lines (SbBudget *self)
{
  g_return_val_if_fail (SB_IS_BUDGET (self), NULL);

  return self->lines;
}

/**
 * sb_budget_add_line:
 * @self: a budget
 * @line: a line, referenced
 *
 * Appends @line to the budget's lines.
 */
void
sb_budget_add_line (SbBudget     *self,
                    SbBudgetLine *line)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  g_return_if_fail (SB_IS_BUDGET_LINE (line));

  g_ptr_array_add (self->lines, g_object_ref (line));
  g_signal_connect_object (line, "notify::planned-total",
                           G_CALLBACK (on_line_total_changed), self, G_CONNECT_SWAPPED);
  self->has_lines = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_TOTAL]);
}

/**
 * sb_budget_remove_line:
 * @self: a budget
 * @index: the line's position
 *
 * Removes a line; saving the budget leaves a tombstone for it and its
 * plan.
 */
void
sb_budget_remove_line (SbBudget *self,
                       guint     index)
{
  g_return_if_fail (SB_IS_BUDGET (self));
  g_return_if_fail (index < self->lines->len);

  g_ptr_array_remove_index (self->lines, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_TOTAL]);
}

void
sb_budget_clear_lines (SbBudget *self)
{
  g_return_if_fail (SB_IS_BUDGET (self));

  g_ptr_array_set_size (self->lines, 0);
  self->has_lines = TRUE;
}

void
sb_budget_set_summary (SbBudget *self,
                       gint64    planned_total)
{
  g_return_if_fail (SB_IS_BUDGET (self));

  g_ptr_array_set_size (self->lines, 0);
  self->has_lines = FALSE;
  self->summary_total = planned_total;
}

gboolean
sb_budget_has_lines (SbBudget *self)
{
  g_return_val_if_fail (SB_IS_BUDGET (self), FALSE);

  return self->has_lines;
}

/**
 * sb_budget_get_planned_total:
 * @self: a budget
 *
 * Returns: the plan of every line over the whole period (for a budget
 *   from sb_budgets_list(), the total the list read)
 */
gint64
sb_budget_get_planned_total (SbBudget *self)
{
  gint64 total = 0;

  g_return_val_if_fail (SB_IS_BUDGET (self), 0);

  if (!self->has_lines)
    return self->summary_total;

  for (guint i = 0; i < self->lines->len; i++)
    {
      gint64 amount = sb_budget_line_get_planned_total (g_ptr_array_index (self->lines, i));

      if (amount > 0 && total > G_MAXINT64 - amount)
        return G_MAXINT64;
      if (amount < 0 && total < G_MININT64 - amount)
        return G_MININT64;
      total += amount;
    }

  return total;
}

/**
 * sb_budget_is_editable:
 * @self: a budget
 *
 * Returns: %TRUE for a draft, the only status whose budget can change
 */
gboolean
sb_budget_is_editable (SbBudget *self)
{
  g_return_val_if_fail (SB_IS_BUDGET (self), FALSE);

  return g_strcmp0 (self->text[PROP_STATUS], "draft") == 0;
}
