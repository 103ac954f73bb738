-- jd-schema-4.sql — migration 4: undoing an import
--
-- SPDX-FileCopyrightText: 2026 The Jiandu developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A row an import inserted carries its import_id; a row it updated carries
-- it too, and its previous values (and previous import_id) are kept in
-- import_journal.  Undoing an import restores the journalled rows, then
-- deletes the rows that still carry its id: exactly what it added.
-- Agencies and fields an import created (--create-agencies) carry its id
-- as well.
-- The import_id indexes make that cheap; an import appends to them at one
-- end, which costs the bulk load next to nothing.

ALTER TABLE imports ADD COLUMN sheet TEXT;
ALTER TABLE imports ADD COLUMN undone_at TEXT;

ALTER TABLE agencies ADD COLUMN import_id INTEGER REFERENCES imports (id);
ALTER TABLE domains ADD COLUMN import_id INTEGER REFERENCES imports (id);

CREATE TABLE import_journal (
  import_id     INTEGER NOT NULL REFERENCES imports (id),
  seq           INTEGER NOT NULL,
  tbl           TEXT NOT NULL,
  row_id        INTEGER NOT NULL,
  old_import_id INTEGER,
  old_values    TEXT NOT NULL,       -- JSON object: column → previous value
  PRIMARY KEY (import_id, seq)
) WITHOUT ROWID;
CREATE INDEX import_journal_old_import ON import_journal (old_import_id);

CREATE INDEX agencies_import ON agencies (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX cases_import ON cases (import_id);
CREATE INDEX complaints_import ON complaints (import_id);
CREATE INDEX lawsuits_import ON lawsuits (import_id);
CREATE INDEX reconsiderations_import ON reconsiderations (import_id);
CREATE INDEX reviews_import ON reviews (import_id);
CREATE INDEX leniency_items_import ON leniency_items (import_id);
