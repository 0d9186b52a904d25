/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include "sb-import-memory.h"

/*
 * The mappings the CSV imports remember per file header (incidents in
 * "import-mapping:incidents", costs in "import-mapping:costs"). Each
 * import reads and writes its own members of an entry; the setting's
 * shape, its bound and its tolerance of anything unexpected in it are
 * kept here once.
 */

/**
 * sb_json_member_object:
 * @object: an object read from somewhere that may hold anything
 * @name: a member
 *
 * Returns: (transfer none) (nullable): the member when it is an object
 */
JsonObject *
sb_json_member_object (JsonObject *object,
                       const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * sb_json_member_string:
 * @object: an object read from somewhere that may hold anything
 * @name: a member
 *
 * Returns: (transfer none) (nullable): the member when it is a string
 */
const char *
sb_json_member_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* The whole setting as an object, or NULL when it is missing, too big
 * for a setting, or not an object. */
static JsonNode *
load_setting (SbStore    *store,
              const char *setting)
{
  g_autofree char *text = sb_store_get_setting (store, setting);
  g_autoptr(JsonParser) parser = NULL;

  if (text == NULL || strlen (text) > 1024 * 1024)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

/**
 * sb_import_memory_lookup:
 * @store: a store
 * @setting: the book setting of this kind of import
 * @header_key: the file's normalized header
 * @n_columns: how many columns the file has
 *
 * Returns: (transfer full) (nullable): the entry remembered for
 *   @header_key, when its "columns" are as many as @n_columns
 */
JsonObject *
sb_import_memory_lookup (SbStore    *store,
                         const char *setting,
                         const char *header_key,
                         guint       n_columns)
{
  g_autoptr(JsonNode) root = load_setting (store, setting);
  JsonObject *entry;
  JsonNode *columns;

  if (root == NULL)
    return NULL;

  entry = sb_json_member_object (json_node_get_object (root), header_key);
  if (entry == NULL)
    return NULL;
  columns = json_object_get_member (entry, "columns");
  if (columns == NULL || !JSON_NODE_HOLDS_ARRAY (columns) ||
      json_array_get_length (json_node_get_array (columns)) != n_columns)
    return NULL;

  return json_object_ref (entry);
}

/**
 * sb_import_memory_column:
 * @entry: an entry of sb_import_memory_lookup()
 * @column: a column, below the entry's number of columns
 *
 * Returns: (transfer none) (nullable): the field name remembered for
 *   @column, or %NULL when it is not a string
 */
const char *
sb_import_memory_column (JsonObject *entry,
                         guint       column)
{
  JsonNode *node = json_array_get_element (json_object_get_array_member (entry, "columns"),
                                           column);

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

/**
 * sb_import_memory_remember_in:
 * @tx: the import's transaction
 * @setting: the book setting of this kind of import
 * @header_key: the file's normalized header
 * @entry: (transfer full): what to remember for it
 * @error: return location for a #GError
 *
 * Stores @entry for @header_key as part of @tx. Past
 * %SB_IMPORT_MEMORY_MAX headers, the others are forgotten.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_import_memory_remember_in (SbTransaction  *tx,
                              const char     *setting,
                              const char     *header_key,
                              JsonObject     *entry,
                              GError        **error)
{
  g_autoptr(JsonNode) root = load_setting (sb_transaction_get_store (tx), setting);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  JsonObject *all;

  if (root == NULL)
    {
      g_autoptr(JsonObject) empty = json_object_new ();

      /* The node takes its own reference. */
      root = json_node_init_object (json_node_alloc (), empty);
    }
  all = json_node_get_object (root);

  /* Bounded: forget the others when there are too many. */
  if (json_object_get_size (all) >= SB_IMPORT_MEMORY_MAX && !json_object_has_member (all, header_key))
    {
      g_autoptr(GList) members = json_object_get_members (all);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_remove_member (all, l->data);
    }
  json_object_set_object_member (all, header_key, entry);

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  return sb_transaction_set_setting (tx, setting, text, error);
}
