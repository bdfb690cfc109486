-- Styrkort project file, schema version 5 (the current one).
-- Every table has an INTEGER PRIMARY KEY "id": the edit history names rows by it.
-- Periods are (year, tertial) with tertial 1..3. Dates are ISO 8601 text.

CREATE TABLE district (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  city TEXT NOT NULL DEFAULT '',
  plan_version TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);

CREATE TABLE area (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('area', 'theme')),
  number INTEGER,
  position INTEGER NOT NULL,
  title_sv TEXT NOT NULL,
  title_en TEXT NOT NULL
);

CREATE TABLE operation (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL
);

CREATE TABLE indicator (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  measure TEXT NOT NULL CHECK (measure IN ('percent', 'count', 'ratio')),
  better TEXT NOT NULL CHECK (better IN ('higher', 'lower', 'none')),
  level TEXT NOT NULL CHECK (level IN ('unit', 'district')),
  gender_split INTEGER NOT NULL CHECK (gender_split IN (0, 1)),
  in_t2 INTEGER NOT NULL CHECK (in_t2 IN (0, 1)),
  total_rule TEXT NOT NULL CHECK (total_rule IN ('rate', 'sum', 'mean')),
  numerator_sv TEXT, numerator_en TEXT,
  denominator_sv TEXT, denominator_en TEXT
);

CREATE TABLE indicator_area (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  UNIQUE (indicator_id, area_id)
);

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  operation_id INTEGER NOT NULL REFERENCES operation (id),
  position INTEGER NOT NULL DEFAULT 0
);

-- unit_id NULL: a district-level value. value is the figure shown; for rates
-- with a known base it is derived from numerator/denominator when stored.
CREATE TABLE indicator_value (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  unit_id INTEGER REFERENCES unit (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  tertial INTEGER NOT NULL CHECK (tertial BETWEEN 1 AND 3),
  value REAL,
  women REAL,
  men REAL,
  numerator REAL,
  denominator REAL,
  comment TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX indicator_value_key
  ON indicator_value (indicator_id, ifnull (unit_id, 0), year, tertial);

CREATE TABLE city_value (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  tertial INTEGER NOT NULL CHECK (tertial BETWEEN 1 AND 3),
  value REAL,
  numerator REAL,
  denominator REAL,
  -- The district's place among the districts (place of places; 1 is the
  -- best), from the city's merged workbook (v5).
  place INTEGER CHECK (place IS NULL OR place >= 1),
  places INTEGER CHECK (places IS NULL OR places >= 1),
  UNIQUE (indicator_id, year, tertial)
);

CREATE TABLE assessment (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  operation_id INTEGER NOT NULL REFERENCES operation (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  tertial INTEGER NOT NULL CHECK (tertial BETWEEN 1 AND 3),
  status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'established', 'needs_attention')),
  text TEXT NOT NULL DEFAULT '',
  UNIQUE (area_id, operation_id, year, tertial)
);

CREATE TABLE gender_note (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  tertial INTEGER NOT NULL CHECK (tertial BETWEEN 1 AND 3),
  text TEXT NOT NULL DEFAULT '',
  UNIQUE (area_id, year, tertial)
);

CREATE TABLE subgoal (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  indicator_id INTEGER REFERENCES indicator (id) ON DELETE SET NULL,
  baseline REAL,
  target REAL,
  deadline TEXT,
  baseline_date TEXT -- when the baseline was measured (v4)
);

CREATE TABLE action (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  subgoal_id INTEGER REFERENCES subgoal (id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  due TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled')),
  note TEXT NOT NULL DEFAULT '',
  -- The meeting and decision that made the action (v4).
  meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
  decision_id INTEGER REFERENCES decision (id) ON DELETE SET NULL
);

CREATE TABLE member (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT ''
);

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT ''
);

-- A meeting's agenda, and the decisions taken per item (v4).
CREATE TABLE agenda_item (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id);

CREATE TABLE decision (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
CREATE INDEX decision_item ON decision (agenda_item_id);

-- Slides of the projected view, in the order the user chose (schema v2).
CREATE TABLE slide (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  indicator_id INTEGER REFERENCES indicator (id) ON DELETE CASCADE,
  area_id INTEGER REFERENCES area (id) ON DELETE CASCADE
);

-- The edit history: one row per user edit, and the row changes it made.
-- old_row/new_row are JSON objects of the whole row (NULL for insert/delete).
CREATE TABLE edit (
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  summary TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE edit_change (
  id INTEGER PRIMARY KEY,
  edit_id INTEGER NOT NULL REFERENCES edit (id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  old_row TEXT,
  new_row TEXT
);
CREATE INDEX edit_change_edit ON edit_change (edit_id);

-- Reported periods (schema v3): the workbook exactly as it was sent, and the
-- last edit before it. Edits after it that change the period need a reason.
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

-- Column mappings chosen for imported files, by file name pattern (v3).
CREATE TABLE import_mapping (
  id INTEGER PRIMARY KEY,
  pattern TEXT NOT NULL UNIQUE,
  mapping TEXT NOT NULL,
  used TEXT NOT NULL
);
