-- SPDX-FileCopyrightText: 2026 The Servicebook authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1: the bookkeeping every register relies on.
--
-- Tables whose names start with sb_ belong to the store itself and are
-- never synced. Every other table with the columns id, created_at,
-- updated_at and deleted is a register: it is written only through the
-- store's write path and synced field by field.

-- Device-local facts: device id, welcome shown. Never synced.
CREATE TABLE sb_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The sync journal: one row per applied change. All messages of one
-- change share one hybrid-logical-clock stamp, so they are kept together
-- as a JSON object of column -> value.
CREATE TABLE sb_journal (
  hlc     TEXT PRIMARY KEY,
  tbl     TEXT NOT NULL,
  row_id  TEXT NOT NULL,
  data    TEXT NOT NULL CHECK (json_valid (data)),
  origin  TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'remote')),
  pushed  INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1))
) WITHOUT ROWID;

CREATE INDEX sb_journal_row ON sb_journal (tbl, row_id);
CREATE INDEX sb_journal_unpushed ON sb_journal (hlc) WHERE pushed = 0;

-- The audit trail: who changed what, when, from which value to which.
-- An insert is one row with field '*' and the new record as JSON.
CREATE TABLE sb_audit (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  tbl        TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  hlc        TEXT NOT NULL
);

CREATE INDEX sb_audit_row ON sb_audit (tbl, row_id);

-- Book-wide settings (base currency and the like), synced like a register.
-- The id is the setting's name.
CREATE TABLE book_setting (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  value       TEXT
);
