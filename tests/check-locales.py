#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The same scripted session (tests/locale-run.c) under C.UTF-8 and under
sv_SE.UTF-8 must give the same district files, row by row, and the same
workbooks, cell by cell as openpyxl reads them and sheet by sheet as
LibreOffice reads them. Times are the only thing allowed to differ.
    check-locales.py [--wrapper PROGRAM] LOCALE-RUN"""
import glob
import io
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

TIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?")
LOCALES = ("C.UTF-8", "sv_SE.UTF-8")


def fail(message):
    print("DIFFERENCE:", message)
    sys.exit(1)


def plain(value):
    """A value with times made equal; floats compared bit for bit (repr)."""
    if isinstance(value, str):
        return TIME.sub("<time>", value)
    if isinstance(value, float):
        return repr(value)
    if hasattr(value, "isoformat"):
        return "<time>"
    return value


def workbook_cells(data):
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data))
    except Exception as e:  # openpyxl refuses "0,7" where a number belongs
        fail(f"openpyxl cannot read a workbook: {e!r}")
    return {ws.title: [[plain(c) for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb}


def database_rows(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    dump = {}
    for table in tables:
        rows = []
        for row in db.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            # A kept workbook is compared by its cells: its bytes hold times.
            rows.append([workbook_cells(v) if isinstance(v, bytes) and v[:2] == b"PK" else plain(v) for v in row])
        dump[table] = rows
    return dump


def libreoffice_sheets(xlsx, folder):
    out = os.path.join(folder, "lo-" + os.path.basename(xlsx))
    os.makedirs(out, exist_ok=True)
    profile = "file://" + os.path.join(folder, "lo-profile")
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", out, xlsx], check=True, capture_output=True, env=env)
    sheets = {}
    for csv in sorted(glob.glob(os.path.join(out, "*.csv"))):
        with open(csv, encoding="utf-8") as f:
            sheets[os.path.basename(csv)] = TIME.sub("<time>", f.read())
    if not sheets:
        fail(f"LibreOffice wrote no sheets for {xlsx}")
    return sheets


def compare(a, b, where):
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            compare(a.get(key), b.get(key), f"{where} / {key}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            compare(x, y, f"{where} [{i + 1}]")
    fail(f"{where}: {a!r} under {LOCALES[0]}, {b!r} under {LOCALES[1]}")


def main():
    # --wrapper PROGRAM: run LOCALE-RUN through it (Wine, for the Windows build).
    wrapper = []
    if sys.argv[1] == "--wrapper":
        wrapper = [sys.argv[2]]
        del sys.argv[1:3]
    run = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        folders = []
        for locale in LOCALES:
            folder = os.path.join(tmp, locale)
            os.makedirs(folder)
            env = dict(os.environ, LC_ALL=locale, LANG=locale, LANGUAGE="")
            subprocess.run(wrapper + [run, folder], check=True, env=env)
            folders.append(folder)
        checked = 0
        for name in ("Södermalm.styrkort", "Exempel.styrkort"):
            compare(*[database_rows(os.path.join(f, name)) for f in folders], name)
            checked += 1
        for name in ("Södermalm.xlsx", "Södermalm-rapporterad.xlsx", "Exempel.xlsx", "Staden.xlsx"):
            cells = [workbook_cells(open(os.path.join(f, name), "rb").read()) for f in folders]
            compare(*cells, name)
            compare(*[libreoffice_sheets(os.path.join(f, name), tmp) for f in folders], f"LibreOffice {name}")
            checked += 1
        # Not equally wrong: the Swedish run's figures are the typed ones.
        data = cells_of(folders[1], "Södermalm.xlsx")["Data"]
        numbers = {c for row in data for c in row}
        for want in ("24.5", "14.5", "12.75", "1234.5", "14720.25", "101.5"):
            if want not in numbers:
                fail(f"the Swedish run's Data sheet lacks {want} as a number")
        print(f"ok: {checked} files the same under {' and '.join(LOCALES)}")


def cells_of(folder, name):
    return workbook_cells(open(os.path.join(folder, name), "rb").read())


if __name__ == "__main__":
    main()
