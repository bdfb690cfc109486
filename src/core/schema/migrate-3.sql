-- Schema 3 -> 4: a meeting's agenda and the decisions per item; an action
-- keeps the meeting and decision that made it; a sub-goal the date its
-- baseline is from (the brief draws the line from it to the target).
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

ALTER TABLE action ADD COLUMN meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL;
ALTER TABLE action ADD COLUMN decision_id INTEGER REFERENCES decision (id) ON DELETE SET NULL;
ALTER TABLE subgoal ADD COLUMN baseline_date TEXT;
