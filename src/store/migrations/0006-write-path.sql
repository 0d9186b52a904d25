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
