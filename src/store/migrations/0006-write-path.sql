-- SPDX-FileCopyrightText: 2026 The Servicebook authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 6: a leaner write path. Nothing a register holds
-- changes; what the store writes beside each record gets smaller, so that
-- a large import writes about half as many pages.
--
-- 1. The sync journal becomes an ordinary rowid table. As a WITHOUT ROWID
--    table keyed on its stamp, every page split left both halves half
--    full, even though stamps only ever grow: the journal took twice the
--    pages its rows need. seq is the order rows were written in; hlc stays
--    unique. The JSON of a change is built by the store itself, so the
--    json_valid() check, which parsed every row again, goes.
--    "pushed" goes with its index: what this device has pushed is a
--    cursor (the last seq pushed), not a flag written on every row.
--
-- 2. The audit trail no longer copies an insert. An inserted record is
--    its journal row (origin local, the same stamp): the full record as
--    JSON. sb_audit keeps what the journal cannot tell: the old value of
--    every field an update or delete changed. The old copies are dropped
--    where the journal holds the same change.
--
-- 3. The full-text index no longer hears of new rows from a trigger per
--    row: the store knows which rows a transaction inserted (a rowid
--    range per table) and indexes them before the commit, in one
--    statement (sb-store-write.c). Updates still go through sb_fts_pending.
--
-- 4. The incident log's enumerations are checked with comparisons joined
--    by OR instead of IN lists: SQLite 3.40 builds a temporary B-tree for
--    an IN list of more than two constants each time a CHECK runs, that
--    is for every row written, a sixth of the cost of writing an incident.
--    SQLite cannot change a CHECK in place, so incident and
--    incident_event are rebuilt (its twelve-step procedure; the store
--    runs migrations with foreign keys off and checks them before the
--    commit). Rows keep their rowids, which the full-text index uses.

CREATE TABLE sb_journal_new (
  seq     INTEGER PRIMARY KEY,
  hlc     TEXT NOT NULL UNIQUE,
  tbl     TEXT NOT NULL,
  row_id  TEXT NOT NULL,
  data    TEXT NOT NULL,
  origin  TEXT NOT NULL DEFAULT 'local' CHECK (origin = 'local' OR origin = 'remote')
);

INSERT INTO sb_journal_new (hlc, tbl, row_id, data, origin)
  SELECT hlc, tbl, row_id, data, origin FROM sb_journal ORDER BY hlc;

DROP TABLE sb_journal;
ALTER TABLE sb_journal_new RENAME TO sb_journal;

CREATE INDEX sb_journal_row ON sb_journal (tbl, row_id);

DELETE FROM sb_audit
  WHERE field = '*' AND old_value IS NULL
    AND hlc IN (SELECT hlc FROM sb_journal);

DROP TRIGGER incident_fts_insert;
DROP TRIGGER incident_note_fts_insert;

-- The whole audit trail, as it reads: the inserts from the journal as
-- field '*' with the record as the new value, and every field an update
-- or delete changed from sb_audit. The store writes an insert's JSON, and
-- only an insert's, starting with {"created_at":"<instant>" (no change
-- can set created_at), so plain text functions find them: JSON functions
-- here would meet the constants SQLite propagates from a caller's WHERE
-- (new_value = 'x' becomes json_type ('x', …): malformed JSON).
CREATE VIEW sb_audit_trail (at, tbl, row_id, field, old_value, new_value, hlc) AS
  SELECT substr (data, 16, 24), tbl, row_id, '*', NULL, data, hlc
    FROM sb_journal
   WHERE origin = 'local' AND substr (data, 1, 15) = '{"created_at":"'
  UNION ALL
  SELECT at, tbl, row_id, field, old_value, new_value, hlc
    FROM sb_audit;

-- 4. incident and incident_event with OR-joined checks.

CREATE TABLE incident_new (
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
                    CHECK (channel = 'phone' OR channel = 'email' OR channel = 'walk-in' OR
                           channel = 'monitoring' OR channel = 'self-detected' OR
                           channel = 'supplier-notice' OR channel = 'other'),
  category          TEXT,
  impact            INTEGER NOT NULL DEFAULT 2 CHECK (impact BETWEEN 1 AND 3),
  urgency           INTEGER NOT NULL DEFAULT 2 CHECK (urgency BETWEEN 1 AND 3),
  priority          INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  -- set when the priority differs from the matrix: why
  priority_reason   TEXT,
  major             INTEGER NOT NULL DEFAULT 0 CHECK (major IN (0, 1)),
  status            TEXT NOT NULL DEFAULT 'new'
                    CHECK (status = 'new' OR status = 'in-progress' OR status = 'on-hold' OR
                           status = 'resolved' OR status = 'closed' OR status = 'cancelled' OR
                           status = 'duplicate'),
  hold_reason       TEXT CHECK (hold_reason IS NULL OR hold_reason = 'awaiting-customer' OR
                                hold_reason = 'awaiting-supplier' OR
                                hold_reason = 'awaiting-change' OR hold_reason = 'other'),
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

INSERT INTO incident_new
  (rowid, id, created_at, updated_at, deleted, reference, title, description, service_id,
   customer_id, contact, channel, category, impact, urgency, priority, priority_reason, major,
   status, hold_reason, duplicate_of, opened_at, responded_at, resolved_at, closed_at,
   reopen_count, resolution_code, resolution_notes, workaround, import_batch)
  SELECT rowid, id, created_at, updated_at, deleted, reference, title, description, service_id,
         customer_id, contact, channel, category, impact, urgency, priority, priority_reason, major,
         status, hold_reason, duplicate_of, opened_at, responded_at, resolved_at, closed_at,
         reopen_count, resolution_code, resolution_notes, workaround, import_batch
    FROM incident;

DROP TABLE incident;
ALTER TABLE incident_new RENAME TO incident;

CREATE UNIQUE INDEX incident_reference ON incident (reference);
CREATE INDEX incident_opened ON incident (opened_at) WHERE deleted = 0;
CREATE INDEX incident_priority ON incident (priority, opened_at) WHERE deleted = 0;
CREATE INDEX incident_status ON incident (status, opened_at) WHERE deleted = 0;
CREATE INDEX incident_service ON incident (service_id, opened_at) WHERE deleted = 0;
CREATE INDEX incident_customer ON incident (customer_id, opened_at) WHERE deleted = 0;
CREATE INDEX incident_resolved ON incident (resolved_at) WHERE deleted = 0;
CREATE INDEX incident_import ON incident (import_batch) WHERE import_batch IS NOT NULL;

CREATE TRIGGER incident_fts_update AFTER UPDATE OF reference, title, description,
  resolution_notes, workaround ON incident
BEGIN
  INSERT OR IGNORE INTO sb_fts_pending (tbl, row) VALUES (1, new.rowid);
END;

CREATE TRIGGER incident_fts_delete AFTER DELETE ON incident
BEGIN
  DELETE FROM incident_fts WHERE rowid = old.rowid;
END;

CREATE TABLE incident_event_new (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  incident_id  TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
  at           TEXT NOT NULL,
  kind         TEXT NOT NULL
               CHECK (kind = 'opened' OR kind = 'note' OR kind = 'status' OR kind = 'field' OR
                      kind = 'escalation' OR kind = 'time'),
  visibility   TEXT NOT NULL DEFAULT 'internal' CHECK (visibility IN ('internal', 'customer')),
  field        TEXT,
  old_value    TEXT,
  new_value    TEXT,
  body         TEXT,
  minutes      INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  author       TEXT
);

INSERT INTO incident_event_new
  (rowid, id, created_at, updated_at, deleted, incident_id, at, kind, visibility, field,
   old_value, new_value, body, minutes, author)
  SELECT rowid, id, created_at, updated_at, deleted, incident_id, at, kind, visibility, field,
         old_value, new_value, body, minutes, author
    FROM incident_event;

DROP TABLE incident_event;
ALTER TABLE incident_event_new RENAME TO incident_event;

CREATE INDEX incident_event_incident ON incident_event (incident_id, at);
CREATE INDEX incident_event_status ON incident_event (incident_id, at) WHERE kind = 'status';

CREATE TRIGGER incident_note_fts_delete AFTER DELETE ON incident_event
BEGIN
  DELETE FROM incident_note_fts WHERE rowid = old.rowid;
END;
