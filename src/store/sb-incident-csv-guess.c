/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-core-error.h"
#include "sb-incident-csv-private.h"

/*
 * Guessing what another tool's export means: which column is which field
 * (from the header, in English, Spanish and German, as the common service
 * desks and spreadsheets name them), what an enumerated value stands for
 * ("2 - High", "P1", "Pending customer"), and how dates are written.
 */

/* Header words, normalized (lower case, no accents, words of letters and
 * digits separated by one space), separated by |. The first column that
 * matches a field gets it. */
static const struct
{
  SbIncidentField field;
  const char     *names;
} header_names[] = {
  { SB_INCIDENT_FIELD_REFERENCE,
    "reference|ref|number|incident|incident id|incident number|incident no|ticket|ticket id|"
    "ticket number|ticket no|ticket nr|id|key|issue key|issue id|case|case number|case id|no|nr|"
    "request id|referenz|nummer|ticketnummer|ticket nummer|vorgang|vorgangsnummer|numero|"
    "referencia|id del ticket|numero de ticket|incidencia|numero de incidencia" },
  { SB_INCIDENT_FIELD_TITLE,
    "title|short description|subject|summary|incident title|headline|betreff|titel|"
    "zusammenfassung|kurzbeschreibung|asunto|titulo|resumen|descripcion corta" },
  { SB_INCIDENT_FIELD_DESCRIPTION,
    "description|details|detail|long description|full description|problem description|body|"
    "beschreibung|problembeschreibung|descripcion|descripcion larga|detalles" },
  { SB_INCIDENT_FIELD_SERVICE,
    "service|business service|configuration item|ci|cmdb ci|affected service|service code|"
    "service name|application|affected ci|dienst|dienstleistung|servicio|aplicacion" },
  { SB_INCIDENT_FIELD_CUSTOMER,
    "customer|company|account|organization|organisation|client|customer name|company name|"
    "account name|kunde|kundenname|firma|unternehmen|organisation name|cliente|empresa|"
    "organizacion|nombre del cliente" },
  { SB_INCIDENT_FIELD_CONTACT,
    "contact|caller|requester|requestor|reported by|requested by|contact name|contact person|"
    "affected user|end user|user|customer contact|anrufer|melder|kontakt|ansprechpartner|"
    "benutzer|solicitante|contacto|usuario|informado por" },
  { SB_INCIDENT_FIELD_CHANNEL,
    "channel|contact type|source|origin|reported via|via|kanal|quelle|eingangskanal|canal|origen" },
  { SB_INCIDENT_FIELD_CATEGORY,
    "category|type|incident type|ticket type|kategorie|typ|categoria|tipo" },
  { SB_INCIDENT_FIELD_IMPACT, "impact|auswirkung|impacto" },
  { SB_INCIDENT_FIELD_URGENCY, "urgency|dringlichkeit|urgencia" },
  { SB_INCIDENT_FIELD_PRIORITY, "priority|prio|prioritat|prioridad" },
  { SB_INCIDENT_FIELD_MAJOR,
    "major|major incident|is major|major incident flag|majorincident|schwerwiegend|"
    "major vorfall|grave|incidente mayor|incidente grave" },
  { SB_INCIDENT_FIELD_STATUS,
    "status|state|incident state|ticket status|incident status|zustand|estado" },
  { SB_INCIDENT_FIELD_HOLD_REASON,
    "hold reason|on hold reason|pending reason|waiting reason|wartegrund|motivo de espera" },
  { SB_INCIDENT_FIELD_OPENED,
    "opened|opened at|opened on|created|created at|created on|created date|date opened|"
    "open date|opening date|submit date|submitted|submitted at|reported|reported at|"
    "reported date|reported on|creation date|date created|logged|logged at|date logged|"
    "erstellt|erstellt am|erfasst|erfasst am|eroffnet|eroffnet am|datum|fecha|"
    "fecha de apertura|fecha de creacion|creado|creado el|abierto|fecha apertura" },
  { SB_INCIDENT_FIELD_RESPONDED,
    "responded|responded at|first response|first response at|first response date|"
    "first responded|first responded at|response date|erste antwort|erste reaktion|"
    "primera respuesta|respondido|fecha de respuesta" },
  { SB_INCIDENT_FIELD_RESOLVED,
    "resolved|resolved at|resolved on|resolved date|resolution date|date resolved|"
    "solved|solved at|gelost|gelost am|behoben|behoben am|resuelto|resuelto el|"
    "fecha de resolucion" },
  { SB_INCIDENT_FIELD_CLOSED,
    "closed|closed at|closed on|closed date|close date|date closed|geschlossen|"
    "geschlossen am|cerrado|cerrado el|fecha de cierre" },
  { SB_INCIDENT_FIELD_RESOLUTION_CODE,
    "resolution code|close code|closure code|resolution type|closure type|losungscode|"
    "abschlusscode|codigo de resolucion|codigo de cierre" },
  { SB_INCIDENT_FIELD_RESOLUTION_NOTES,
    "resolution notes|close notes|closure notes|resolution|solution|resolution description|"
    "resolution details|losung|losungsbeschreibung|abschlussnotiz|solucion|"
    "notas de resolucion|notas de cierre" },
  { SB_INCIDENT_FIELD_WORKAROUND,
    "workaround|work around|workaround notes|umgehung|umgehungslosung|solucion temporal|"
    "solucion provisional" },
  { SB_INCIDENT_FIELD_NOTE,
    "comments|comment|work notes|work note|note|notes|additional comments|activity|"
    "kommentar|kommentare|notiz|notizen|arbeitsnotiz|comentario|comentarios|nota|notas" },
  { SB_INCIDENT_FIELD_EVENT_TIME,
    "updated|updated at|updated on|event time|timestamp|modified|modified at|changed|"
    "changed at|last updated|last modified|sys updated on|aktualisiert|aktualisiert am|"
    "geandert|geandert am|zeitstempel|actualizado|actualizado el|modificado|"
    "fecha de actualizacion" },
  { SB_INCIDENT_FIELD_TIME_SPENT,
    "time worked|time spent|worked time|work time|duration|effort|minutes spent|"
    "aufwand|arbeitszeit|zeitaufwand|tiempo|tiempo dedicado|tiempo invertido|duracion" },
  { SB_INCIDENT_FIELD_REOPEN_COUNT,
    /* only names that say a count: "Reopened" alone is often yes or no */
    "reopen count|reopens|times reopened|reopened count|reopen counter|number of reopens|"
    "anzahl wiedereroffnungen|wiedereroffnungen|veces reabierto|reaperturas|"
    "numero de reaperturas" },
};

/**
 * sb_import_normalize_header:
 * @text: a column name
 *
 * Lower case, accents removed, words of letters and digits separated by
 * one space: "Short_Description" and "short description" are equal.
 *
 * Returns: (transfer full): the normalized name
 */
char *
sb_import_normalize_header (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }

  return g_string_free (out, FALSE);
}

static gboolean
name_in_list (const char *normalized,
              const char *list)
{
  gsize len = strlen (normalized);
  const char *p = list;

  if (len == 0)
    return FALSE;

  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, '|');
      gsize n = end != NULL ? (gsize)(end - p) : strlen (p);

      if (n == len && strncmp (p, normalized, n) == 0)
        return TRUE;

      p = end != NULL ? end + 1 : NULL;
    }

  return FALSE;
}

/**
 * sb_import_guess_field:
 * @normalized: a header from sb_import_normalize_header()
 *
 * Returns: the field a column of that name most likely holds, or
 *   %SB_INCIDENT_FIELD_IGNORE
 */
SbIncidentField
sb_import_guess_field (const char *normalized)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (name_in_list (normalized, header_names[i].names))
      return header_names[i].field;

  /* The database names of our own export ("resolution_notes"). */
  for (guint f = 1; f < SB_INCIDENT_N_FIELDS; f++)
    {
      g_autofree char *own = sb_import_normalize_header (sb_incident_field_to_string (f));

      if (g_str_equal (own, normalized))
        return f;
    }

  return SB_INCIDENT_FIELD_IGNORE;
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

static gboolean
has_word (const char *normalized,
          const char *words)
{
  g_auto(GStrv) mine = g_strsplit (normalized, " ", -1);

  for (guint i = 0; mine[i] != NULL; i++)
    if (name_in_list (mine[i], words))
      return TRUE;

  return FALSE;
}

/* The first number in @text, or -1. */
static int
first_number (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          char *end = NULL;
          long n = strtol (p, &end, 10);

          if (n > 1000)
            return -1;
          return (int)n;
        }
    }

  return -1;
}

static char *
guess_level (const char *normalized,
             guint       max)
{
  int n = first_number (normalized);

  if (n >= 1 && (guint)n <= max)
    return g_strdup_printf ("%d", n);
  if (n >= 0)
    return NULL;

  if (max == 5)
    {
      if (has_word (normalized, "critical|kritisch|critica|critico|urgent|dringend|urgente|"
                                "highest|emergency|sehr hoch|muy alta"))
        return g_strdup ("1");
      if (has_word (normalized, "high|hoch|alta|alto|major"))
        return g_strdup ("2");
      if (has_word (normalized, "moderate|medium|mittel|media|medio|normal|moderada"))
        return g_strdup ("3");
      if (has_word (normalized, "planning|planung|planificacion|lowest|trivial|minimal"))
        return g_strdup ("5");
      if (has_word (normalized, "low|niedrig|gering|baja|bajo|minor"))
        return g_strdup ("4");
      return NULL;
    }

  if (has_word (normalized, "critical|kritisch|critica|critico|high|hoch|alta|alto|"
                            "extensive|widespread|enterprise"))
    return g_strdup ("1");
  if (has_word (normalized, "medium|mittel|media|medio|moderate|significant|normal|"
                            "department|moderada"))
    return g_strdup ("2");
  if (has_word (normalized, "low|niedrig|gering|baja|bajo|minor|individual|single"))
    return g_strdup ("3");

  return NULL;
}

static const char *
guess_hold_reason (const char *normalized)
{
  if (has_word (normalized, "customer|user|caller|requester|requestor|client|info|information|"
                            "kunde|kunden|benutzer|anwender|cliente|usuario|informacion|reply|"
                            "response|feedback|antwort|respuesta"))
    return "awaiting-customer";
  if (has_word (normalized, "supplier|vendor|third|provider|lieferant|dienstleister|hersteller|"
                            "proveedor|fabricante|external|extern|externo"))
    return "awaiting-supplier";
  if (has_word (normalized, "change|release|deployment|anderung|change request|cambio"))
    return "awaiting-change";

  return NULL;
}

static char *
guess_status (const char *normalized)
{
  const char *reason;

  /* Database forms first, so our own export reads back. */
  if (g_str_equal (normalized, "in progress"))
    return g_strdup ("in-progress");
  if (g_str_equal (normalized, "on hold"))
    return g_strdup ("on-hold");

  if (has_word (normalized, "cancelled|canceled|cancel|storniert|abgebrochen|cancelado|"
                            "cancelada|anulado|withdrawn|rejected|zuruckgezogen"))
    return g_strdup ("cancelled");
  if (has_word (normalized, "duplicate|dupe|duplikat|duplicado|duplicada|dup"))
    return g_strdup ("duplicate");
  if (has_word (normalized, "closed|close|geschlossen|abgeschlossen|cerrado|cerrada|"
                            "complete|completed|done|finished|erledigt|completado"))
    return g_strdup ("closed");
  if (has_word (normalized, "resolved|solved|fixed|gelost|behoben|resuelto|resuelta|"
                            "solucionado"))
    return g_strdup ("resolved");

  reason = guess_hold_reason (normalized);
  if (has_word (normalized, "pending|hold|awaiting|waiting|wait|paused|suspended|deferred|"
                            "wartend|warten|wartet|zuruckgestellt|pausiert|pendiente|espera|"
                            "suspendido|pausado"))
    return g_strdup_printf ("on-hold:%s", reason != NULL ? reason : "other");

  if (has_word (normalized, "progress|active|assigned|working|wip|started|investigating|"
                            "bearbeitung|zugewiesen|aktiv|curso|progreso|proceso|asignado|"
                            "activo|trabajando"))
    return g_strdup ("in-progress");
  if (has_word (normalized, "new|open|opened|logged|registered|submitted|unassigned|triage|"
                            "neu|offen|erfasst|nuevo|nueva|abierto|abierta|registrado"))
    return g_strdup ("new");

  return NULL;
}

static char *
guess_channel (const char *normalized)
{
  if (has_word (normalized, "phone|telephone|telefon|telefono|call|hotline|llamada|anruf|tel"))
    return g_strdup ("phone");
  if (has_word (normalized, "email|mail|correo"))
    return g_strdup ("email");
  if (g_str_equal (normalized, "walk in") || has_word (normalized, "walkin|walkup|person|"
                                                                   "personlich|presencial|desk"))
    return g_strdup ("walk-in");
  if (has_word (normalized, "monitoring|monitor|event|alert|alarm|uberwachung|monitorizacion|"
                            "evento|alerta|nagios|zabbix"))
    return g_strdup ("monitoring");
  if (g_str_equal (normalized, "self detected") ||
      has_word (normalized, "proactive|internal|intern|interno|proactivo"))
    return g_strdup ("self-detected");
  if (has_word (normalized, "supplier|vendor|lieferant|proveedor"))
    return g_strdup ("supplier-notice");
  if (has_word (normalized, "self|web|portal|chat|other|sonstige|andere|otro|otros|sms|"
                            "social|teams|slack|form|formular|formulario"))
    return g_strdup ("other");

  return NULL;
}

static char *
guess_resolution_code (const char *normalized)
{
  if (g_str_equal (normalized, "no fault found") ||
      has_word (normalized, "reproducible|reproduce|reproduzierbar|reproducible|nff"))
    return g_strdup ("no-fault-found");
  if (has_word (normalized, "workaround|umgehung|provisional|temporal") ||
      strstr (normalized, "work around") != NULL)
    return g_strdup ("workaround");
  if (has_word (normalized, "supplier|vendor|lieferant|proveedor"))
    return g_strdup ("supplier-fixed");
  if (has_word (normalized, "change|anderung|cambio"))
    return g_strdup ("change");
  if (has_word (normalized, "advice|advised|question|how|training|beratung|auskunft|consejo|"
                            "asesoramiento|information|informacion"))
    return g_strdup ("advice");
  if (strstr (normalized, "not solved") != NULL || has_word (normalized, "other|sonstige|otro"))
    return g_strdup ("other");
  if (has_word (normalized, "fixed|solved|resolved|repaired|permanently|gelost|behoben|"
                            "resuelto|solucionado|reparado"))
    return g_strdup ("fixed");

  return NULL;
}

static char *
guess_major (const char *normalized)
{
  if (name_in_list (normalized, "yes|y|true|1|x|ja|j|si|s|major|wahr|verdadero|on"))
    return g_strdup ("yes");
  if (name_in_list (normalized, "no|n|false|0|nein|falsch|falso|off|minor"))
    return g_strdup ("no");

  return NULL;
}

/**
 * sb_import_guess_value:
 * @field: an enumerated field
 * @source: a value as the file writes it
 *
 * Returns: (transfer full) (nullable): the value in database form, or
 *   %NULL when there is no good guess
 */
char *
sb_import_guess_value (SbIncidentField  field,
                       const char      *source)
{
  g_autofree char *normalized = sb_import_normalize_header (source);
  const char * const *values = sb_incident_field_get_values (field);

  /* The database form itself. */
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_ascii_strcasecmp (values[i], source) == 0)
      return g_strdup (values[i]);

  if (*normalized == '\0')
    return NULL;

  switch (field)
    {
    case SB_INCIDENT_FIELD_IMPACT:
    case SB_INCIDENT_FIELD_URGENCY:
      return guess_level (normalized, 3);
    case SB_INCIDENT_FIELD_PRIORITY:
      return guess_level (normalized, 5);
    case SB_INCIDENT_FIELD_MAJOR:
      return guess_major (normalized);
    case SB_INCIDENT_FIELD_STATUS:
      return guess_status (normalized);
    case SB_INCIDENT_FIELD_HOLD_REASON:
      {
        const char *reason = guess_hold_reason (normalized);

        if (reason == NULL && has_word (normalized, "other|sonstige|andere|otro|otros"))
          reason = "other";
        return g_strdup (reason);
      }
    case SB_INCIDENT_FIELD_CHANNEL:
      return guess_channel (normalized);
    case SB_INCIDENT_FIELD_RESOLUTION_CODE:
      return guess_resolution_code (normalized);
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Time spent                                                          */

/**
 * sb_import_parse_minutes:
 * @text: "90", "1:30", "1h 30m", "2 h", "45 min", "1.5 h"
 * @out_minutes: (out): minutes
 *
 * Returns: %TRUE if @text is a duration
 */
gboolean
sb_import_parse_minutes (const char *text,
                         guint      *out_minutes)
{
  const char *p = text;
  double total = 0;
  gboolean any = FALSE;

  /* h:mm[:ss] */
  {
    guint h, m, s = 0;
    int n = 0;

    if ((sscanf (text, "%u:%u:%u%n", &h, &m, &s, &n) == 3 && text[n] == '\0') ||
        (n = 0, sscanf (text, "%u:%u%n", &h, &m, &n) == 2 && text[n] == '\0'))
      {
        if (m >= 60 || s >= 60)
          return FALSE;
        *out_minutes = h * 60 + m + (s >= 30 ? 1 : 0);
        return TRUE;
      }
  }

  while (*p != '\0')
    {
      char *end = NULL;
      double value;
      double unit = 1;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;

      value = g_ascii_strtod (p, &end);
      if (end == p || value < 0)
        {
          /* a decimal comma: "1,5 h" */
          return FALSE;
        }
      p = end;
      if (*p == ',' && g_ascii_isdigit (p[1]))
        {
          g_autofree char *dotted = g_strdup (text);
          char *comma = dotted + (p - text);

          *comma = '.';
          return sb_import_parse_minutes (dotted, out_minutes);
        }
      while (*p == ' ')
        p++;

      /* h, hr, hours, Std., Stunden; d, days, Tage; m, min, minutes */
      if (g_ascii_tolower (*p) == 'h' || g_ascii_strncasecmp (p, "st", 2) == 0)
        unit = 60;
      else if (g_ascii_tolower (*p) == 'd' || g_ascii_tolower (*p) == 't')
        unit = 8 * 60;
      else if (g_ascii_tolower (*p) == 'm')
        unit = 1;
      else if (*p != '\0')
        return FALSE;

      while (g_ascii_isalpha (*p) || *p == '.')
        p++;

      total += value * unit;
      any = TRUE;
    }

  if (!any || total > G_MAXUINT / 2)
    return FALSE;

  *out_minutes = (guint)(total + 0.5);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Service codes                                                       */

/**
 * sb_import_service_code_for:
 * @name: a service's name
 * @taken: (element-type utf8 utf8): upper-case codes in use
 *
 * A code for a new service: the name in upper case, A–Z 0–9 _ -, spaces
 * as "-", at most 16 characters, unique (a number appended if needed).
 *
 * Returns: (transfer full): the code
 */
char *
sb_import_service_code_for (const char *name,
                            GHashTable *taken)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *code = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = ascii; *p != '\0' && code->len < 16; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_')
        {
          if (gap && code->len > 0)
            g_string_append_c (code, '-');
          g_string_append_c (code, g_ascii_toupper (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }

  if (code->len == 0)
    g_string_append (code, "SERVICE");

  if (g_hash_table_contains (taken, code->str))
    {
      g_autofree char *base = g_strdup (code->str);

      for (guint n = 2; ; n++)
        {
          g_string_printf (code, "%s-%u", base, n);
          if (!g_hash_table_contains (taken, code->str))
            break;
        }
    }

  return g_string_free (code, FALSE);
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *out)
{
  guint n = 0;
  guint value = 0;

  while (g_ascii_isdigit ((*p)[n]) && n < max_digits)
    {
      value = value * 10 + (guint)((*p)[n] - '0');
      n++;
    }
  if (n < min_digits || g_ascii_isdigit ((*p)[n]))
    return FALSE;

  *p += n;
  *out = value;

  return TRUE;
}

static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  gint64 yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static gboolean
bad_time (GError    **error,
          const char *text)
{
  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
               _("“%s” is not a date and time that exists"), text);
  return FALSE;
}

static gboolean
unreadable_time (GError      **error,
                 const char   *text,
                 SbDateFormat  format)
{
  const char *example = NULL;

  switch (format)
    {
    case SB_DATE_FORMAT_DAY_FIRST:
      example = "31/10/2026 14:05";
      break;
    case SB_DATE_FORMAT_MONTH_FIRST:
      example = "10/31/2026 2:05 PM";
      break;
    default:
      example = "2026-10-31 14:05";
      break;
    }

  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
               _("“%s” is not a date in the form %s"), text, example);
  return FALSE;
}

/* The time part after a date: [T or space or ", "]HH:MM[:SS[.fff]][ AM|PM][Z|±HH[:MM]] */
static gboolean
read_clock (const char **pp,
            guint       *h,
            guint       *mi,
            guint       *s,
            guint       *ms,
            gboolean    *has_offset,
            int         *offset_minutes)
{
  const char *p = *pp;

  *h = *mi = *s = *ms = 0;
  *has_offset = FALSE;
  *offset_minutes = 0;

  if (*p == ',')
    p++;
  while (*p == ' ' || *p == 'T' || *p == 't')
    p++;
  if (*p == '\0')
    {
      *pp = p;
      return TRUE;
    }

  if (!read_number (&p, 1, 2, h) || *p != ':')
    return FALSE;
  p++;
  if (!read_number (&p, 2, 2, mi))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, 2, s))
        return FALSE;
      if (*p == '.' || *p == ',')
        {
          guint digits = 0;
          guint frac = 0;

          p++;
          while (g_ascii_isdigit (*p))
            {
              if (digits < 3)
                frac = frac * 10 + (guint)(*p - '0');
              digits++;
              p++;
            }
          if (digits == 0)
            return FALSE;
          for (; digits < 3; digits++)
            frac *= 10;
          *ms = frac;
        }
    }

  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "am", 2) == 0 || g_ascii_strncasecmp (p, "pm", 2) == 0 ||
      g_ascii_strncasecmp (p, "a.m.", 4) == 0 || g_ascii_strncasecmp (p, "p.m.", 4) == 0)
    {
      gboolean pm = g_ascii_tolower (*p) == 'p';

      if (*h < 1 || *h > 12)
        return FALSE;
      if (*h == 12)
        *h = 0;
      if (pm)
        *h += 12;
      p += p[1] == '.' ? 4 : 2;
      while (*p == ' ')
        p++;
    }

  if (*p == 'Z' || *p == 'z')
    {
      *has_offset = TRUE;
      p++;
    }
  else if (*p == '+' || *p == '-')
    {
      int sign = *p == '-' ? -1 : 1;
      guint oh, om = 0;

      p++;
      if (!read_number (&p, 2, 2, &oh))
        return FALSE;
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (*p) && !read_number (&p, 2, 2, &om))
        return FALSE;
      if (oh > 14 || om > 59)
        return FALSE;
      *has_offset = TRUE;
      *offset_minutes = sign * (int)(oh * 60 + om);
    }
  else if (g_ascii_strncasecmp (p, "UTC", 3) == 0 || g_ascii_strncasecmp (p, "GMT", 3) == 0)
    {
      *has_offset = TRUE;
      p += 3;
    }

  while (*p == ' ')
    p++;
  *pp = p;

  return TRUE;
}

/**
 * sb_incident_csv_parse_time:
 * @text: a date and time as a spreadsheet or another tool writes it
 * @format: how the date part is written (never %SB_DATE_FORMAT_AUTO); an
 *   ISO date is read whatever @format says, it cannot be mistaken
 * @tz: (nullable): the zone of times without an offset (NULL: local)
 * @out_ms: (out): UTC milliseconds
 * @error: return location for a #GError naming the value
 *
 * Returns: %TRUE if @text is a real date and time
 */
gboolean
sb_incident_csv_parse_time (const char   *text,
                            SbDateFormat  format,
                            GTimeZone    *tz,
                            gint64       *out_ms,
                            GError      **error)
{
  const char *p = text;
  guint a, b, c;
  guint year, month, day;
  guint h, mi, s, ms;
  gboolean has_offset;
  int offset;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_ms != NULL, FALSE);

  while (*p == ' ')
    p++;

  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      g_ascii_isdigit (p[3]))
    {
      /* ISO: YYYY-MM-DD, or YYYY/MM/DD */
      char sep;

      if (!read_number (&p, 4, 4, &year) || (*p != '-' && *p != '/' && *p != '.'))
        return unreadable_time (error, text, SB_DATE_FORMAT_ISO);
      sep = *p++;
      if (!read_number (&p, 1, 2, &month) || *p != sep)
        return unreadable_time (error, text, SB_DATE_FORMAT_ISO);
      p++;
      if (!read_number (&p, 1, 2, &day))
        return unreadable_time (error, text, SB_DATE_FORMAT_ISO);
    }
  else if (format == SB_DATE_FORMAT_ISO)
    return unreadable_time (error, text, format);
  else
    {
      char sep;

      if (!read_number (&p, 1, 2, &a) || (*p != '/' && *p != '.' && *p != '-'))
        return unreadable_time (error, text, format);
      sep = *p++;
      if (!read_number (&p, 1, 2, &b) || *p != sep)
        return unreadable_time (error, text, format);
      p++;
      if (!read_number (&p, 2, 4, &c) || (c >= 100 && c < 1000))
        return unreadable_time (error, text, format);
      year = c < 100 ? 2000 + c : c;
      if (format == SB_DATE_FORMAT_MONTH_FIRST)
        {
          month = a;
          day = b;
        }
      else
        {
          day = a;
          month = b;
        }
    }

  if (!read_clock (&p, &h, &mi, &s, &ms, &has_offset, &offset) || *p != '\0')
    return unreadable_time (error, text, format);

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year) ||
      h > 23 || mi > 59 || s > 59)
    return bad_time (error, text);

  if (has_offset || tz == NULL)
    {
      gint64 days = days_from_civil (year, month, day);
      gint64 secs = days * 86400 + h * 3600 + mi * 60 + s - (gint64)offset * 60;

      if (!has_offset && tz == NULL)
        {
          g_autoptr(GTimeZone) local = g_time_zone_new_local ();
          g_autoptr(GDateTime) dt = g_date_time_new (local, year, month, day, h, mi, s);

          if (dt == NULL)
            return bad_time (error, text);
          secs = g_date_time_to_unix (dt);
        }

      *out_ms = secs * 1000 + ms;
      return TRUE;
    }
  else
    {
      g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, h, mi, s);

      if (dt == NULL)
        return bad_time (error, text);

      *out_ms = g_date_time_to_unix (dt) * 1000 + ms;
      return TRUE;
    }
}

static gboolean
locale_prefers_month_first (void)
{
  const char *names[] = { "en_US", "es_US", "en_PH", "en_BZ", "en_FM", "en_MH", "en_PW",
                          "en_AS", "en_GU", "en_MP", "en_PR", "en_UM", "en_VI", NULL };
  const char *locale = setlocale (LC_TIME, NULL);

  if (locale == NULL || g_str_equal (locale, "C") || g_str_has_prefix (locale, "C."))
    locale = g_getenv ("LC_TIME");

  if (locale == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (locale, names[i]))
      return TRUE;

  return FALSE;
}

/**
 * sb_import_guess_date_format:
 * @self: an import
 *
 * Scans every value of the columns mapped to dates: a first number above
 * 12 means day-first, a second one month-first; only ISO values mean
 * ISO; ambiguous values only: day-first, unless the locale writes dates
 * month first (en_US).
 *
 * Returns: the format, never %SB_DATE_FORMAT_AUTO
 */
SbDateFormat
sb_import_guess_date_format (SbIncidentImport *self)
{
  guint day_first = 0;
  guint month_first = 0;
  guint ambiguous = 0;
  guint iso = 0;

  for (guint col = 0; col < self->n_columns; col++)
    {
      switch (self->mapping[col])
        {
        case SB_INCIDENT_FIELD_OPENED:
        case SB_INCIDENT_FIELD_RESPONDED:
        case SB_INCIDENT_FIELD_RESOLVED:
        case SB_INCIDENT_FIELD_CLOSED:
        case SB_INCIDENT_FIELD_EVENT_TIME:
          break;
        default:
          continue;
        }

      for (guint r = 0; r < self->rows->len; r++)
        {
          SbImportRow *row = g_ptr_array_index (self->rows, r);
          const char *p;
          guint a, b;

          if (col >= row->n_cells)
            continue;
          p = row->cells[col];

          if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
              g_ascii_isdigit (p[3]))
            {
              iso++;
              continue;
            }
          if (!read_number (&p, 1, 2, &a) || (*p != '/' && *p != '.' && *p != '-'))
            continue;
          p++;
          if (!read_number (&p, 1, 2, &b))
            continue;

          if (a > 12 && b <= 12)
            day_first++;
          else if (b > 12 && a <= 12)
            month_first++;
          else
            ambiguous++;
        }
    }

  if (day_first > 0 && day_first >= month_first)
    return SB_DATE_FORMAT_DAY_FIRST;
  if (month_first > 0)
    return SB_DATE_FORMAT_MONTH_FIRST;
  if (ambiguous > 0)
    return locale_prefers_month_first () ? SB_DATE_FORMAT_MONTH_FIRST : SB_DATE_FORMAT_DAY_FIRST;
  (void)iso;

  return SB_DATE_FORMAT_ISO;
}
