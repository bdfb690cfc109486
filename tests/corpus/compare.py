#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares every cell that Styrkort's xlsx reader returns with the value
openpyxl reads, for every .xlsx under the folders given, and prints a table
by producer (docProps/app.xml's Application). Not run in CI: see README.md.

  tests/corpus/compare.py --dumper BUILD/tests/test-xlsx-producers FOLDER...
  tests/corpus/compare.py --dumper ... --expect FILE.xlsx...   # writes FILE.xlsx.cells

Files whose part names use backslashes are read by openpyxl from a copy
with slashes (openpyxl finds no part otherwise).

Our side is `test-xlsx-producers --dump FILE`: one line per cell,
sheet<TAB>row<TAB>column<TAB>type<TAB>value, numbers with %.17g. FILE.cells
is the same from openpyxl, with type d for a date (openpyxl rounds its time
to the millisecond: it is compared within DATE_TOLERANCE). openpyxl's
values are brought to what our reader promises (tests/test-xlsx-producers.c,
src/core/styrkort-xlsx.h): percentages as shown (x 100, 15 digits), dates as
serial days since 1899-12-30, _xHHHH_ escapes decoded, empty texts left out.
"""

import argparse
import datetime
import os
import re
import subprocess
import sys
import tempfile
import warnings
import zipfile

import openpyxl
from openpyxl.utils.datetime import to_excel

DATE_TOLERANCE = 1e-6  # days; openpyxl rounds a date's time to microseconds


# openpyxl's values as our reader gives them -------------------------------

def classify_format(code):
    """A port of classify_format_code() in src/core/styrkort-xlsx.c."""
    percent = False
    i = 0
    while i < len(code) and code[i] != ';':
        ch = code[i]
        if ch == '"':
            end = code.find('"', i + 1)
            i = len(code) if end < 0 else end
        elif ch in '\\_*' and i + 1 < len(code):
            i += 1
        elif ch == '[' and i + 1 < len(code) and code[i + 1] in 'hHmMsS':
            return 'duration'
        elif ch == '[':
            end = code.find(']', i + 1)
            i = len(code) if end < 0 else end
        elif ch in 'dmhysDMHYS':
            return 'date'
        elif ch == '%':
            percent = True
        i += 1
    return 'percent' if percent else 'general'


ESCAPE = re.compile(r'_x([0-9A-Fa-f]{4})_')


def decode_escapes(text):
    """The _xHHHH_ escapes, as decode_escapes() in styrkort-xlsx.c."""
    out, i = [], 0
    while i < len(text):
        m = ESCAPE.match(text, i)
        if m:
            code = int(m.group(1), 16)
            low = ESCAPE.match(text, i + 7)
            if 0xd800 <= code < 0xdc00 and low and 0xdc00 <= int(low.group(1), 16) < 0xe000:
                out.append(chr(0x10000 + ((code - 0xd800) << 10) + (int(low.group(1), 16) - 0xdc00)))
                i += 14
                continue
            if code != 0 and not 0xd800 <= code < 0xe000:
                out.append(chr(code))
                i += 7
                continue
        out.append(text[i])
        i += 1
    return ''.join(out)


def escape(text):
    return text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def shown(cell):
    """(type, value) for an openpyxl cell, or None for no value."""
    v = cell.value
    if v is None:
        return None
    if isinstance(v, bool):
        return ('b', 1.0 if v else 0.0)
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return ('d', float(to_excel(v)))
    if isinstance(v, datetime.timedelta):
        return ('d', v.total_seconds() / 86400)
    if isinstance(v, (int, float)):
        if classify_format(cell.number_format or 'General') == 'percent':
            return ('n', float('%.15g' % (v * 100)))
        return ('n', float(v))
    text = str(v)
    if cell.data_type == 'e':
        return ('e', text)
    if cell.hyperlink is not None and text in (cell.hyperlink.target, cell.hyperlink.location):
        # openpyxl gives an empty cell with a link the link's target as value
        return ('h', text)
    # 'x': a text that had _xHHHH_ escapes, which openpyxl half-decodes
    kind = 'x' if '_x' in text else 's'
    text = decode_escapes(text)
    return None if text == '' else (kind, text)


def with_slashes(path):
    """A copy of @path whose part names use '/' where the file has '\\'
    (some Windows tools), which openpyxl cannot find otherwise."""
    copy = tempfile.NamedTemporaryFile(suffix='.xlsx', delete=False)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, 'w', zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename.replace('\\', '/'), source.read(info))
    copy.close()
    return copy.name


def openpyxl_cells(path):
    with zipfile.ZipFile(path) as z:
        backslashes = any('\\' in n for n in z.namelist())
    if backslashes:
        copy = with_slashes(path)
        try:
            return openpyxl_cells(copy)
        finally:
            os.unlink(copy)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        wb = openpyxl.load_workbook(path, data_only=True)
    cells, covered = {}, set()
    for ws in wb.worksheets:
        # openpyxl empties the cells that a merged range covers; the file
        # may still hold values there, which we read.
        for merged in ws.merged_cells.ranges:
            for row in range(merged.min_row, merged.max_row + 1):
                for col in range(merged.min_col, merged.max_col + 1):
                    if (row, col) != (merged.min_row, merged.min_col):
                        covered.add((ws.title, row, col))
        for (row, col), cell in ws._cells.items():
            value = shown(cell)
            if value is not None:
                cells[(ws.title, row, col)] = value
    return cells, covered


def format_line(key, value):
    kind, v = value
    kind = {'x': 's', 'h': 's'}.get(kind, kind)  # 'd': a date, read within DATE_TOLERANCE
    text = escape(v) if kind in 'se' else '%.17g' % v
    return f'{escape(key[0])}\t{key[1]}\t{key[2]}\t{kind}\t{text}\n'


# Our side ---------------------------------------------------------------------

def unescape(text):
    return re.sub(r'\\(.)', lambda m: {'t': '\t', 'n': '\n', 'r': '\r'}.get(m.group(1), m.group(1)), text)


def our_cells(dumper, path):
    env = dict(os.environ, ASAN_OPTIONS='detect_leaks=0', LC_ALL='C.UTF-8')
    out = subprocess.run([dumper, '--dump', path], capture_output=True, text=True, timeout=120, env=env).stdout
    if out.startswith('ERROR\t'):
        raise RuntimeError(out[6:].strip())
    cells = {}
    for line in out.split('\n')[:-1]:
        sheet, row, col, kind, value = line.split('\t')
        value = unescape(value)
        cells[(unescape(sheet), int(row), int(col))] = (kind, float(value) if kind in 'nb' else value)
    return cells


def openpyxl_escape(theirs):
    """Whether openpyxl's text had _xHHHH_ escapes: it removes "x005F_" from
    shared strings and decodes nothing else, so its text cannot be brought
    to the decoded one. These cells are counted apart, not as disagreements
    (tests/fixtures/xlsx/texts.xlsx checks our decoding)."""
    return theirs is not None and theirs[0] == 'x'


def same(ours, theirs):
    if theirs is not None and theirs[0] == 'h':
        return ours is None or ours == ('s', theirs[1])
    if ours is None or theirs is None:
        return False
    if theirs[0] == 'd':
        return ours[0] == 'n' and abs(ours[1] - theirs[1]) <= DATE_TOLERANCE
    if theirs[0] == 'x':
        return ours == ('s', theirs[1])
    return ours == theirs


def is_strict(path):
    """Strict OOXML (ISO 29500 strict namespaces): openpyxl reads no cells."""
    try:
        with zipfile.ZipFile(path) as z:
            return any(b'purl.oclc.org/ooxml/spreadsheetml/main' in z.read(n)[:2000]
                       for n in z.namelist() if n.endswith('.xml') and 'sheet' in n)
    except Exception:
        return False


def producer(path):
    try:
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.replace('\\', '/') == 'docProps/app.xml')
            app = z.read(name).decode('utf-8', 'replace')
    except Exception:
        return '(no docProps/app.xml)'
    m = re.search(r'<(?:\w+:)?Application>([^<]*)<', app)
    name = m.group(1).strip() if m else '(no Application)'
    v = re.search(r'<(?:\w+:)?AppVersion>(\d+)', app)
    return f'{name} {v.group(1)}' if v and not name.startswith('LibreOffice') else name.split('/')[0]


# Driving ------------------------------------------------------------------------

def files_under(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.lower().endswith('.xlsx'):
                        yield os.path.join(root, n)
        else:
            yield p


def compare(dumper, path):
    """('agree'|'disagree'|'refused'|'openpyxl refused'|'both refuse', details)"""
    try:
        theirs, covered = openpyxl_cells(path)
        if not theirs and is_strict(path):
            theirs, their_error = None, 'strict OOXML, which openpyxl does not read'
    except Exception as e:
        theirs, their_error = None, f'{type(e).__name__}: {e}'
    try:
        ours = our_cells(dumper, path)
    except Exception as e:
        return ('both refuse' if theirs is None else 'refused', [str(e)])
    if theirs is None:
        return 'openpyxl refused', [their_error]
    for key in covered:
        ours.pop(key, None)
    keys = sorted(set(ours) | set(theirs), key=lambda k: (k[0], k[1], k[2]))
    diffs = [f'{k[0]}!R{k[1]}C{k[2]}: ours {ours.get(k)!r} openpyxl {theirs.get(k)!r}'
             for k in keys if not same(ours.get(k), theirs.get(k)) and not openpyxl_escape(theirs.get(k))]
    escapes = [k for k in keys if not same(ours.get(k), theirs.get(k)) and openpyxl_escape(theirs.get(k))]
    if escapes and not diffs:
        return 'openpyxl escapes', [f'{len(escapes)} cells, e.g. {k[0]}!R{k[1]}C{k[2]}' for k in escapes[:1]]
    return ('disagree' if diffs else 'agree'), diffs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--dumper', required=True, help='the test-xlsx-producers executable')
    parser.add_argument('--expect', action='store_true', help="write FILE.cells from openpyxl's values")
    parser.add_argument('--details', type=int, default=3, help='differences shown per file')
    parser.add_argument('paths', nargs='+')
    args = parser.parse_args()

    if args.expect:
        for path in files_under(args.paths):
            cells, _ = openpyxl_cells(path)
            sheets = list(dict.fromkeys(key[0] for key in cells))  # workbook order
            with open(path + '.cells', 'w', encoding='utf-8', newline='') as f:
                for key in sorted(cells, key=lambda k: (sheets.index(k[0]), k[1], k[2])):
                    f.write(format_line(key, cells[key]))
        return 0

    table = {}
    for path in files_under(args.paths):
        result, details = compare(args.dumper, path)
        row = table.setdefault(producer(path), {'files': 0, 'agree': 0, 'disagree': 0, 'cells': 0,
                                                'openpyxl escapes': 0, 'refused': 0, 'openpyxl refused': 0,
                                                'both refuse': 0})
        row['files'] += 1
        row[result] += 1
        if result == 'disagree':
            row['cells'] += len(details)
        if result != 'agree':
            print(f'{result}: {path}', file=sys.stderr)
            for d in details[:args.details]:
                print(f'    {d}', file=sys.stderr)

    total = {k: sum(r[k] for r in table.values()) for k in next(iter(table.values()))} if table else {}
    print('| producer | files | agree | disagree (cells) | openpyxl keeps _xHHHH_ | refused by us | '
          'refused by openpyxl | both refuse |')
    print('|---|---|---|---|---|---|---|---|')
    for name, r in sorted(table.items(), key=lambda kv: -kv[1]['files']) + [('**all**', total)]:
        print(f"| {name} | {r['files']} | {r['agree']} | {r['disagree']} ({r['cells']}) | "
              f"{r['openpyxl escapes']} | {r['refused']} | "
              f"{r['openpyxl refused']} | {r['both refuse']} |")
    return 0


if __name__ == '__main__':
    sys.exit(main())
