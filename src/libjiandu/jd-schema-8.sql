-- jd-schema-8.sql — migration 8: the joint meeting's deck, as the analyst shaped it
--
-- SPDX-FileCopyrightText: 2026 The Jiandu developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- One deck a period ("2026-10"), one row a slide in its order
-- (jd-deck.c).  Only the shape is kept: which slides, hidden or not, and
-- the analyst's own text slides; the figures are drawn afresh each time.
-- A period with no rows has the default deck.

CREATE TABLE deck_slides (
  period    TEXT NOT NULL,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  hidden    INTEGER NOT NULL DEFAULT 0,
  agency    TEXT,
  title     TEXT,
  body      TEXT,
  PRIMARY KEY (period, position)
);
