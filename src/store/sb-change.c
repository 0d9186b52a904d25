/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include "sb-uuid.h"
#include "sb-store-private.h"

struct _SbChange
{
  SbChangeKind  kind;
  char         *table;
  char         *id;
  GArray       *values;   /* of SbChangeValue */
};

static void
clear_value (gpointer data)
{
  SbChangeValue *value = data;

  g_clear_pointer (&value->column, g_free);
  g_clear_pointer (&value->value, g_variant_unref);
}

static SbChange *
change_new (SbChangeKind  kind,
            const char   *table,
            char         *id)
{
  SbChange *change = g_new0 (SbChange, 1);

  change->kind = kind;
  change->table = g_strdup (table);
  change->id = id;
  change->values = g_array_new (FALSE, TRUE, sizeof (SbChangeValue));
  g_array_set_clear_func (change->values, clear_value);

  return change;
}

/**
 * sb_change_insert:
 * @table: the register's table
 *
 * Describes a new record with a fresh random id.
 *
 * Returns: (transfer full): a new change
 */
SbChange *
sb_change_insert (const char *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return change_new (SB_CHANGE_INSERT, table, sb_uuid_new ());
}

/**
 * sb_change_insert_with_id:
 * @table: the register's table
 * @id: the id the record gets
 *
 * Describes a new record whose id is known already (imports, fixed keys
 * such as book settings).
 *
 * Returns: (transfer full): a new change
 */
SbChange *
sb_change_insert_with_id (const char *table,
                          const char *id)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return change_new (SB_CHANGE_INSERT, table, g_strdup (id));
}

/**
 * sb_change_update:
 * @table: the register's table
 * @id: the record
 *
 * Describes new values for some fields of a record. Fields whose value
 * does not really change are left out when the change is applied.
 *
 * Returns: (transfer full): a new change
 */
SbChange *
sb_change_update (const char *table,
                  const char *id)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return change_new (SB_CHANGE_UPDATE, table, g_strdup (id));
}

/**
 * sb_change_delete:
 * @table: the register's table
 * @id: the record
 *
 * Describes the deletion of a record. Deletes are tombstones: the record
 * stays, hidden, for sync and undo.
 *
 * Returns: (transfer full): a new change
 */
SbChange *
sb_change_delete (const char *table,
                  const char *id)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return change_new (SB_CHANGE_DELETE, table, g_strdup (id));
}

/**
 * sb_change_undelete:
 * @table: the register's table
 * @id: the record
 *
 * Describes bringing a deleted record back (undo of a delete).
 *
 * Returns: (transfer full): a new change
 */
SbChange *
sb_change_undelete (const char *table,
                    const char *id)
{
  SbChange *change;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  change = change_new (SB_CHANGE_UPDATE, table, g_strdup (id));
  sb_change_set_int (change, "deleted", 0);

  return change;
}

void
sb_change_free (SbChange *change)
{
  if (change == NULL)
    return;

  g_free (change->table);
  g_free (change->id);
  g_array_unref (change->values);
  g_free (change);
}

SbChangeKind
sb_change_get_kind (SbChange *change)
{
  g_return_val_if_fail (change != NULL, SB_CHANGE_UPDATE);

  return change->kind;
}

const char *
sb_change_get_table (SbChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  return change->table;
}

const char *
sb_change_get_id (SbChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  return change->id;
}

guint
sb_change_get_n_values (SbChange *change)
{
  g_return_val_if_fail (change != NULL, 0);

  return change->values->len;
}

const SbChangeValue *
sb_change_get_value (SbChange *change,
                     guint     index)
{
  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (index < change->values->len, NULL);

  return &g_array_index (change->values, SbChangeValue, index);
}

/* Setting a column twice keeps the last value, as a person editing a
 * form would expect. */
static void
set_value (SbChange   *change,
           const char *column,
           GVariant   *value)
{
  SbChangeValue item = { 0 };

  if (value != NULL)
    g_variant_ref_sink (value);

  for (guint i = 0; i < change->values->len; i++)
    {
      SbChangeValue *existing = &g_array_index (change->values, SbChangeValue, i);

      if (g_str_equal (existing->column, column))
        {
          g_clear_pointer (&existing->value, g_variant_unref);
          existing->value = value;
          return;
        }
    }

  item.column = g_strdup (column);
  item.value = value;
  g_array_append_val (change->values, item);
}

/**
 * sb_change_set_string:
 * @change: a change
 * @column: the field
 * @value: (nullable): the text, or %NULL for no value
 *
 * Sets a text field.
 */
void
sb_change_set_string (SbChange   *change,
                      const char *column,
                      const char *value)
{
  g_return_if_fail (change != NULL);
  g_return_if_fail (column != NULL);

  set_value (change, column, value ? g_variant_new_string (value) : NULL);
}

/**
 * sb_change_set_int:
 * @change: a change
 * @column: the field
 * @value: the number (money in minor units, minutes, flags)
 *
 * Sets an integer field.
 */
void
sb_change_set_int (SbChange   *change,
                   const char *column,
                   gint64      value)
{
  g_return_if_fail (change != NULL);
  g_return_if_fail (column != NULL);

  set_value (change, column, g_variant_new_int64 (value));
}

/**
 * sb_change_set_bool:
 * @change: a change
 * @column: the field
 * @value: the flag, stored as 0 or 1
 *
 * Sets a yes/no field.
 */
void
sb_change_set_bool (SbChange   *change,
                    const char *column,
                    gboolean    value)
{
  sb_change_set_int (change, column, value ? 1 : 0);
}

/**
 * sb_change_set_null:
 * @change: a change
 * @column: the field
 *
 * Clears a field.
 */
void
sb_change_set_null (SbChange   *change,
                    const char *column)
{
  g_return_if_fail (change != NULL);
  g_return_if_fail (column != NULL);

  set_value (change, column, NULL);
}
