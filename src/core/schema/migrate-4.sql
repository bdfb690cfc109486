-- Schema 4 -> 5: a city value keeps the district's place among the districts
-- (place of places; 1 is the best by the indicator's direction), as the
-- city's merged workbook gives it when imported into a district file.
ALTER TABLE city_value ADD COLUMN place INTEGER CHECK (place IS NULL OR place >= 1);
ALTER TABLE city_value ADD COLUMN places INTEGER CHECK (places IS NULL OR places >= 1);
