-- SPDX-FileCopyrightText: 2026 The Servicebook authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: the incident log (DOMAIN.md, Incidents). Incidents,
-- their append-only timeline and the full-text index over both.
--
-- The SLA clocks are not stored: they are computed from the timeline with
-- the service's calendar and targets (src/core/sb-sla.c).

CREATE TABLE incident (
  id                TEXT PRIMARY KEY,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  -- unique across devices, never reused, never changed once shown
  reference         TEXT NOT NULL CHECK (reference <> ''),
  title             TEXT NOT NULL CHECK (title <> ''),
  description       TEXT,
  service_id        TEXT REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED,
  customer_id       TEXT REFERENCES customer (id) DEFERRABLE INITIALLY DEFERRED,
  contact           TEXT,
  channel           TEXT NOT NULL DEFAULT 'phone'
                    CHECK (channel IN ('phone', 'email', 'walk-in', 'monitoring',
                                       'self-detected', 'supplier-notice', 'other')),
  category          TEXT,
  impact            INTEGER NOT NULL DEFAULT 2 CHECK (impact BETWEEN 1 AND 3),
  urgency           INTEGER NOT NULL DEFAULT 2 CHECK (urgency BETWEEN 1 AND 3),
  priority          INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  -- set when the priority differs from the matrix: why
  priority_reason   TEXT,
  major             INTEGER NOT NULL DEFAULT 0 CHECK (major IN (0, 1)),
  status            TEXT NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'in-progress', 'on-hold', 'resolved',
                                      'closed', 'cancelled', 'duplicate')),
  hold_reason       TEXT CHECK (hold_reason IS NULL OR
                                hold_reason IN ('awaiting-customer', 'awaiting-supplier',
                                                'awaiting-change', 'other')),
  duplicate_of      TEXT REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
  -- instants, UTC ISO 8601 with milliseconds
  opened_at         TEXT NOT NULL,
  responded_at      TEXT,
  resolved_at       TEXT,
  closed_at         TEXT,
  reopen_count      INTEGER NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
  resolution_code   TEXT,
  resolution_notes  TEXT,
  workaround        TEXT,
  -- the import that brought it in, for undo; NULL when logged here
  import_batch      TEXT
);

CREATE UNIQUE INDEX incident_reference ON incident (reference);
CREATE INDEX incident_opened ON incident (opened_at) WHERE deleted = 0;
CREATE INDEX incident_priority ON incident (priority, opened_at) WHERE deleted = 0;
CREATE INDEX incident_status ON incident (status, opened_at) WHERE deleted = 0;
CREATE INDEX incident_service ON incident (service_id, opened_at) WHERE deleted = 0;
CREATE INDEX incident_customer ON incident (customer_id, opened_at) WHERE deleted = 0;
CREATE INDEX incident_resolved ON incident (resolved_at) WHERE deleted = 0;
CREATE INDEX incident_import ON incident (import_batch) WHERE import_batch IS NOT NULL;

-- The timeline: append-only. Entries are never updated; a correction is
-- a new entry. kind:
--   opened      the incident was logged
--   note        body, visibility internal or customer
--   status      field = 'status', old_value → new_value, body = hold
--               reason, resolution code or duplicate reference
--   field       field, old_value → new_value (title, priority, service…)
--   escalation  to a supplier (the supplier issue fills this in)
--   time        time spent only
-- minutes: time spent, on any kind of entry.
CREATE TABLE incident_event (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  incident_id  TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
  at           TEXT NOT NULL,
  kind         TEXT NOT NULL
               CHECK (kind IN ('opened', 'note', 'status', 'field', 'escalation', 'time')),
  visibility   TEXT NOT NULL DEFAULT 'internal' CHECK (visibility IN ('internal', 'customer')),
  field        TEXT,
  old_value    TEXT,
  new_value    TEXT,
  body         TEXT,
  minutes      INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  author       TEXT
);

CREATE INDEX incident_event_incident ON incident_event (incident_id, at);
CREATE INDEX incident_event_status ON incident_event (incident_id, at) WHERE kind = 'status';

-- Full-text search over title, description, resolution notes and
-- workaround (incident_fts, rowid = incident's rowid) and over the
-- timeline's notes (incident_note_fts, rowid = incident_event's rowid).
--
-- The triggers only note which rows changed in sb_fts_pending; the store
-- brings both indexes up to date from it just before every commit
-- (sb-store-write.c), in one statement per index. Writing FTS5 tables from
-- row triggers would flush their pending index data at every statement
-- savepoint, which made a large import ten times slower.
CREATE VIRTUAL TABLE incident_fts USING fts5 (
  reference, title, description, resolution,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE incident_note_fts USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- tbl: 1 incident, 2 incident_event
CREATE TABLE sb_fts_pending (
  tbl  INTEGER NOT NULL,
  row  INTEGER NOT NULL,
  PRIMARY KEY (tbl, row)
) WITHOUT ROWID;

CREATE TRIGGER incident_fts_insert AFTER INSERT ON incident
BEGIN
  INSERT OR IGNORE INTO sb_fts_pending (tbl, row) VALUES (1, new.rowid);
END;

CREATE TRIGGER incident_fts_update AFTER UPDATE OF reference, title, description,
  resolution_notes, workaround ON incident
BEGIN
  INSERT OR IGNORE INTO sb_fts_pending (tbl, row) VALUES (1, new.rowid);
END;

CREATE TRIGGER incident_fts_delete AFTER DELETE ON incident
BEGIN
  DELETE FROM incident_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER incident_note_fts_insert AFTER INSERT ON incident_event
WHEN new.body IS NOT NULL AND new.kind IN ('note', 'escalation')
BEGIN
  INSERT OR IGNORE INTO sb_fts_pending (tbl, row) VALUES (2, new.rowid);
END;

CREATE TRIGGER incident_note_fts_delete AFTER DELETE ON incident_event
BEGIN
  DELETE FROM incident_note_fts WHERE rowid = old.rowid;
END;

-- One row per import from another tool, so that it can be undone: the
-- incidents carry its id (import_batch); the services and customers it
-- created are listed here.
CREATE TABLE import_batch (
  id                 TEXT PRIMARY KEY,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted            INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  kind               TEXT NOT NULL,            -- 'incidents'
  file_name          TEXT,
  imported_at        TEXT NOT NULL,
  n_records          INTEGER NOT NULL DEFAULT 0,
  -- comma-separated ids
  created_services   TEXT,
  created_customers  TEXT,
  undone_at          TEXT
);
