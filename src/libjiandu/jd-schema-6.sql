-- jd-schema-6.sql — migration 6: lighter raw tables for bulk imports
--
-- SPDX-FileCopyrightText: 2026 The Jiandu developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The rollups are now kept by adding and taking away the rows that change
-- (jd-rollup.c), so nothing reads the raw tables by month any more; and an
-- import's new rows are one range of ids, which the import records, so
-- undoing it finds them by that range instead of an import_id index.
-- Every index a bulk import must keep up costs it about a tenth of its
-- speed; these are the ones nothing needs.

ALTER TABLE imports ADD COLUMN first_row_id INTEGER;
ALTER TABLE imports ADD COLUMN last_row_id INTEGER;

-- The rows each earlier import added lie in the range of the ids that
-- carry its import_id (rows it updated may widen it; undo only takes rows
-- in the range that still carry the id, so that is harmless).
UPDATE imports SET first_row_id = r.lo, last_row_id = r.hi
  FROM (SELECT import_id, min (id) AS lo, max (id) AS hi FROM cases GROUP BY import_id) AS r
  WHERE imports.entity = 'cases' AND r.import_id = imports.id;
UPDATE imports SET first_row_id = r.lo, last_row_id = r.hi
  FROM (SELECT import_id, min (id) AS lo, max (id) AS hi FROM complaints GROUP BY import_id) AS r
  WHERE imports.entity = 'complaints' AND r.import_id = imports.id;
UPDATE imports SET first_row_id = r.lo, last_row_id = r.hi
  FROM (SELECT import_id, min (id) AS lo, max (id) AS hi FROM lawsuits GROUP BY import_id) AS r
  WHERE imports.entity = 'lawsuits' AND r.import_id = imports.id;
UPDATE imports SET first_row_id = r.lo, last_row_id = r.hi
  FROM (SELECT import_id, min (id) AS lo, max (id) AS hi FROM reconsiderations GROUP BY import_id) AS r
  WHERE imports.entity = 'reconsiderations' AND r.import_id = imports.id;
UPDATE imports SET first_row_id = r.lo, last_row_id = r.hi
  FROM (SELECT import_id, min (id) AS lo, max (id) AS hi FROM reviews GROUP BY import_id) AS r
  WHERE imports.entity = 'reviews' AND r.import_id = imports.id;
UPDATE imports SET first_row_id = r.lo, last_row_id = r.hi
  FROM (SELECT import_id, min (id) AS lo, max (id) AS hi FROM leniency_items GROUP BY import_id) AS r
  WHERE imports.entity = 'leniency_items' AND r.import_id = imports.id;
UPDATE imports SET first_row_id = r.lo, last_row_id = r.hi
  FROM (SELECT import_id, min (id) AS lo, max (id) AS hi FROM agencies GROUP BY import_id) AS r
  WHERE imports.entity = 'agencies' AND r.import_id = imports.id;

DROP INDEX cases_decided_month;
DROP INDEX cases_opened_month;
DROP INDEX complaints_received_month;
DROP INDEX lawsuits_concluded_month;
DROP INDEX reconsiderations_decided_month;
DROP INDEX reviews_reviewed_month;

DROP INDEX cases_import;
DROP INDEX complaints_import;
DROP INDEX lawsuits_import;
DROP INDEX reconsiderations_import;
DROP INDEX reviews_import;
DROP INDEX leniency_items_import;
