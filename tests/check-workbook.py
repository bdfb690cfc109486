#!/usr/bin/python3
"""Compares an exported workbook with the district file it came from.

check-workbook.py WORKBOOK.xlsx DISTRICT.styrkort YEAR TERTIAL [LIBREOFFICE_CSV_DIR]

Reads the workbook with openpyxl (and, when a folder of LibreOffice's CSV
export is given, its Data sheet as LibreOffice read it) and checks every
value and text against the SQLite file. Prints what it checked; exits 1 with
the first difference."""
import csv
import datetime
import math
import os
import sqlite3
import sys

import openpyxl

STATUS = {"not_started": "Ej påbörjat", "in_progress": "Pågående", "established": "Etablerat",
          "needs_attention": "Behöver åtgärdas"}
ACTION = {"planned": "Planerad", "ongoing": "Pågår", "done": "Klar", "cancelled": "Avbruten"}
DATA_HEADER = ["Stadsdel", "År", "Tertial", "Enhet", "Verksamhetsområde", "Nyckeltal", "Värde", "Kvinnor",
               "Män", "Täljare", "Nämnare", "Kommentar"]
checked = 0


def fail(message):
    print("DIFFERENCE:", message)
    sys.exit(1)


def same(a, b, where):
    global checked
    checked += 1
    if a in ("", None) and b in ("", None):
        return
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
            return
    elif a == b:
        return
    fail(f"{where}: workbook has {a!r}, the file has {b!r}")


def area_title(number, title):
    return f"{number}. {title}" if number else title


def main():
    xlsx, db_path, year, tertial = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    db = sqlite3.connect(db_path)
    wb = openpyxl.load_workbook(xlsx)
    names = wb.sheetnames
    for name in names:
        if len(name) > 31 or any(c in name for c in "[]:*?/\\"):
            fail(f"sheet name {name!r} is not valid in Excel")
    if len({n.casefold() for n in names}) != len(names):
        fail("sheet names are not unique")
    for required in ("Sammanfattning", "Nyckeltal", "Data", "Om"):
        if required not in names:
            fail(f"no sheet {required}")

    # Data: every stored figure, in order, nothing more.
    data = wb["Data"]
    rows = list(data.iter_rows(values_only=True))
    same(list(rows[0]), DATA_HEADER, "Data header")
    expected = db.execute(
        "SELECT d.name, v.year, v.tertial, ifnull(u.name, ''), ifnull(o.name_sv, ''), i.code, v.value, v.women,"
        " v.men, v.numerator, v.denominator, v.comment FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id"
        " LEFT JOIN unit u ON u.id = v.unit_id LEFT JOIN operation o ON o.id = u.operation_id, district d"
        " ORDER BY v.year, v.tertial, i.position, ifnull(v.unit_id, 0)").fetchall()
    body = [r for r in rows[1:] if any(c not in (None, "") for c in r)]
    if len(body) != len(expected):
        fail(f"Data has {len(body)} rows, the file {len(expected)}")
    for n, (got, want) in enumerate(zip(body, expected)):
        for c, (a, b) in enumerate(zip(got, want)):
            same(a, b, f"Data row {n + 2} column {DATA_HEADER[c]}")
    # One pass over the cells: data[row] scans the whole sheet each time.
    for row in data.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":
                fail(f"Data cell {cell.coordinate} is a formula")
    if data.freeze_panes != "A2":
        fail(f"Data header is not frozen ({data.freeze_panes})")
    if "StyrkortData" not in data.tables:
        fail("Data is not an Excel table")

    # Bedömningar: every assessment, as keys.
    got = [r for r in wb["Bedömningar"].iter_rows(min_row=2, values_only=True) if r[0]]
    want = db.execute("SELECT d.name, s.year, s.tertial, a.key, o.name_sv, s.status FROM assessment s"
                      " JOIN area a ON a.id = s.area_id JOIN operation o ON o.id = s.operation_id, district d"
                      " ORDER BY s.year, s.tertial, a.kind = 'theme', a.number, a.position, o.position").fetchall()
    same(len(got), len(want), "Bedömningar rows")
    for n, (g, e) in enumerate(zip(got, want)):
        same([g[0], g[1], g[2], g[3], g[5], g[6]], list(e), f"Bedömningar row {n + 2}")

    # Om.
    about = {r[0]: r[1] for r in wb["Om"].iter_rows(values_only=True)}
    same(about["Program"], "Styrkort", "Om Program")
    same(about["Dataformat (bladet Data)"], 2, "Om data format")
    # Data format 2: the export time is a real date-time (UTC), not text.
    exported_cell = next(r[1] for r in wb["Om"].iter_rows() if r[0].value == "Exporterad")
    if not isinstance(exported_cell.value, datetime.datetime) or not exported_cell.is_date:
        fail(f"Om Exporterad is {exported_cell.value!r}, not a date")
    same(exported_cell.number_format, "yyyy-mm-dd hh:mm", "Om Exporterad format")
    age = abs((datetime.datetime.utcnow() - exported_cell.value).total_seconds())
    if age > 3600:
        fail(f"Om Exporterad {exported_cell.value} is not the time of export")
    same(about["Filformat (schemaversion)"], db.execute("PRAGMA user_version").fetchone()[0], "Om schema")
    same(about["Källfil"], os.path.basename(db_path), "Om source")
    same(about["Period"], f"{year} T{tertial}", "Om period")

    # Sammanfattning: members and the status matrix.
    summary = [list(r) for r in wb["Sammanfattning"].iter_rows(values_only=True)]
    flat = [c for r in summary for c in r if c is not None]
    for name, role, org in db.execute("SELECT name, role, organisation FROM member ORDER BY id"):
        for value in (name, role, org):
            if value and value not in flat:
                fail(f"Sammanfattning lacks member text {value!r}")
            checked_one()
    ops = [r[0] for r in db.execute("SELECT name_sv FROM operation ORDER BY position")]
    header = next(r for r in summary if r[0] == "Område")
    same(header[1:1 + len(ops)], ops, "Sammanfattning operations")
    start = summary.index(header) + 1
    areas = db.execute("SELECT id, number, title_sv FROM area ORDER BY kind = 'theme', number, position").fetchall()
    op_ids = [r[0] for r in db.execute("SELECT id FROM operation ORDER BY position")]
    for k, (area_id, number, title) in enumerate(areas):
        row = summary[start + k]
        same(row[0], area_title(number, title), f"Sammanfattning area {k + 1}")
        for j, op in enumerate(op_ids):
            status = db.execute("SELECT status FROM assessment WHERE area_id = ? AND operation_id = ? AND year = ?"
                                " AND tertial = ?", (area_id, op, year, tertial)).fetchone()
            same(row[1 + j], STATUS[status[0]] if status else "Ej bedömt", f"status {title} / {ops[j]}")

    # One sheet per area: its texts.
    area_sheets = [n for n in names if n not in ("Sammanfattning", "Nyckeltal", "Diagram", "Data", "Bedömningar", "Om")]
    if len(area_sheets) != len(areas):
        fail(f"{len(area_sheets)} area sheets for {len(areas)} areas")
    for sheet, (area_id, number, title) in zip(area_sheets, areas):
        cells = [c for r in wb[sheet].iter_rows(values_only=True) for c in r if c is not None]
        same(cells[0], area_title(number, title), f"title of sheet {sheet}")
        # Due dates and deadlines are real dates (data format 2), in ISO order.
        dates = {c.value.strftime("%Y-%m-%d") for r in wb[sheet].iter_rows() for c in r
                 if isinstance(c.value, datetime.datetime) and c.is_date and c.number_format == "yyyy-mm-dd"}
        texts = [r[0] for r in db.execute("SELECT text FROM assessment WHERE area_id = ? AND year = ? AND tertial = ?",
                                          (area_id, year, tertial))]
        texts += [r[0] for r in db.execute("SELECT text FROM gender_note WHERE area_id = ? AND year = ? AND tertial = ?",
                                           (area_id, year, tertial))]
        for text, baseline, target, deadline in db.execute(
                "SELECT text, baseline, target, deadline FROM subgoal WHERE area_id = ?", (area_id,)):
            texts.append(text)
            for value in (baseline, target):
                if value is not None and value not in cells:
                    fail(f"sheet {sheet} lacks {value!r} of sub-goal {text!r}")
            if deadline is not None and deadline not in dates:
                fail(f"sheet {sheet} lacks the date {deadline!r} of sub-goal {text!r}")
        for text, owner, due, status, note in db.execute(
                "SELECT text, owner, due, status, note FROM action WHERE area_id = ?", (area_id,)):
            texts += [text, owner, note, ACTION[status]]
            if due and due not in dates:
                fail(f"sheet {sheet} lacks the date {due!r} of action {text!r}")
        for t in texts:
            if t and t not in cells:
                fail(f"sheet {sheet} lacks {t!r}")
            checked_one()

    # Nyckeltal: every figure of the period as stored, and under each unit-level
    # indicator the district total, computed here on its own from the file.
    figures = wb["Nyckeltal"]
    formats = {"percent": '0.0" %"', "count": "#,##0", "ratio": "0.0"}
    inexact = {"percent": '0.0" % *"', "count": '#,##0" *"', "ratio": '0.0" *"'}
    stored = db.execute(
        "SELECT i.name_sv, ifnull(u.name, 'Hela stadsdelen'), v.value, v.women, v.men, v.numerator, v.denominator"
        " FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id LEFT JOIN unit u ON u.id = v.unit_id"
        " WHERE v.year = ? AND v.tertial = ?", (year, tertial)).fetchall()
    stored = {(r[0], r[1]): r[2:] for r in stored}
    seen = 0
    for row in figures.iter_rows(min_row=4):
        if row[0].value is None:
            continue
        name, unit = row[0].value, row[1].value
        measure, rule, code, level = db.execute(
            "SELECT measure, total_rule, code, level FROM indicator WHERE name_sv = ?", (name,)).fetchone()
        cells = [c.value for c in row[3:8]]
        if unit == "Stadsdelen totalt":
            want, exact, note = expected_total(db, code, rule, measure, year, tertial)
            close(cells[0], want, f"Nyckeltal total of {name}")
            if cells[0] is not None:
                same(row[3].number_format, (formats if exact else inexact)[measure],
                     f"number format of the total of {name}")
            same(bool(row[9].value and row[9].value.startswith("Inte exakt")), not exact, f"note of total of {name}")
            continue
        seen += 1
        for got, want, what in zip(cells, stored[(name, unit)], ("value", "women", "men", "numerator", "denominator")):
            close(got, want, f"Nyckeltal {name} / {unit} {what}")
        if row[3].value is not None:
            same(row[3].number_format, formats[measure], f"number format of {name}")
    same(seen, len(stored), "Nyckeltal rows")
    # A district total under every unit-level indicator that has figures in
    # the period: all nine, counts (headcount, consultants, VFU places,
    # incidents) as well as rates (staff per manager).
    totals = {r[0].value for r in figures.iter_rows(min_row=4) if r[1].value == "Stadsdelen totalt"}
    for (name,) in db.execute(
            "SELECT DISTINCT i.name_sv FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id"
            " WHERE i.level = 'unit' AND v.year = ? AND v.tertial = ?", (year, tertial)):
        if name not in totals:
            fail(f"Nyckeltal has no district total of {name}")
        checked_one()

    # LibreOffice's reading of the Data sheet.
    if len(sys.argv) > 5:
        folder = sys.argv[5]
        stem = os.path.splitext(os.path.basename(xlsx))[0]
        with open(os.path.join(folder, f"{stem}-Data.csv"), encoding="utf-8") as f:
            lo_rows = [r for r in csv.reader(f) if any(r)]
        same(lo_rows[0], DATA_HEADER, "LibreOffice Data header")
        if len(lo_rows) - 1 != len(expected):
            fail(f"LibreOffice reads {len(lo_rows) - 1} Data rows, the file has {len(expected)}")
        for n, (got, want) in enumerate(zip(lo_rows[1:], expected)):
            for c, (a, b) in enumerate(zip(got, want)):
                if isinstance(b, (int, float)):
                    a = float(a) if a != "" else None
                    b = float(b)
                same(a, b, f"LibreOffice Data row {n + 2} column {DATA_HEADER[c]}")
    print(f"ok: {checked} values and texts match")


def close(got, want, where):
    if want is None or got is None:
        same(got, want, where)
    elif abs(got - want) > 1e-9 * max(1, abs(want)):
        fail(f"{where}: workbook has {got!r}, expected {want!r}")
    else:
        checked_one()


def expected_total(db, code, rule, measure, year, tertial):
    """The district total by the README's rule: a rate is the sum of the
    numerators over the sum of the denominators of the units that have both;
    not exact when a unit lacks its base or its figure."""
    units = db.execute("SELECT count(*) FROM unit").fetchone()[0]
    parts = db.execute(
        "SELECT v.value, v.numerator, v.denominator FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id"
        " WHERE i.code = ? AND v.year = ? AND v.tertial = ? AND v.unit_id IS NOT NULL AND v.value IS NOT NULL",
        (code, year, tertial)).fetchall()
    exact = len(parts) == units and len(parts) > 0
    if rule == "sum":
        return sum(p[0] for p in parts), exact, None
    if rule == "mean":
        return sum(p[0] for p in parts) / len(parts), exact, None
    based = [p for p in parts if p[1] is not None and p[2] is not None and p[2] > 0]
    exact = exact and len(based) == len(parts)
    if not based:
        return None, exact, None
    ratio = sum(p[1] for p in based) / sum(p[2] for p in based)
    return ratio * (100 if measure == "percent" else 1), exact, None


def checked_one():
    global checked
    checked += 1


if __name__ == "__main__":
    main()
