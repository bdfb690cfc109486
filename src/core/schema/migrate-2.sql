-- Schema 2 -> 3: reported periods with the workbook as it was sent, the
-- reasons given for changing them afterwards, and remembered import mappings.
CREATE TABLE report (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  tertial INTEGER NOT NULL CHECK (tertial BETWEEN 1 AND 3),
  time TEXT NOT NULL,
  last_edit_id INTEGER NOT NULL,
  workbook BLOB NOT NULL
);
CREATE INDEX report_period ON report (year, tertial);

CREATE TABLE report_change (
  id INTEGER PRIMARY KEY,
  edit_id INTEGER NOT NULL REFERENCES edit (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  tertial INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX report_change_period ON report_change (year, tertial);

CREATE TABLE import_mapping (
  id INTEGER PRIMARY KEY,
  pattern TEXT NOT NULL UNIQUE,
  mapping TEXT NOT NULL,
  used TEXT NOT NULL
);
