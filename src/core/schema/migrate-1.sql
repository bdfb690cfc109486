-- Schema 1 -> 2: rates keep their base (numerator/denominator), and the
-- projected view's slide choice is stored in the file.
ALTER TABLE indicator_value ADD COLUMN numerator REAL;
ALTER TABLE indicator_value ADD COLUMN denominator REAL;
ALTER TABLE city_value ADD COLUMN numerator REAL;
ALTER TABLE city_value ADD COLUMN denominator REAL;
ALTER TABLE indicator ADD COLUMN numerator_sv TEXT;
ALTER TABLE indicator ADD COLUMN numerator_en TEXT;
ALTER TABLE indicator ADD COLUMN denominator_sv TEXT;
ALTER TABLE indicator ADD COLUMN denominator_en TEXT;
CREATE TABLE slide (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  indicator_id INTEGER REFERENCES indicator (id) ON DELETE CASCADE,
  area_id INTEGER REFERENCES area (id) ON DELETE CASCADE
);
