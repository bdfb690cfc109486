#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The T2 workbook as LibreOffice lays it out and prints it.

check-workbook-print.py --cli STYRKORT_CLI      the demo district's workbook
check-workbook-print.py WORKBOOK.xlsx           a workbook at hand
  --keep DIR   keeps the sheets' PDFs in DIR (render them with pdftoppm)

LibreOffice converts each sheet to PDF on its own (a copy of the workbook
with the other sheets hidden, every byte else as written), with a profile of
its own so that parallel runs cannot collide. Then, per sheet:
- every non-empty text cell, as openpyxl reads it, appears whole in the
  sheet's PDF: its words in order, on one line or wrapped onto the next lines
  of the same column, never cut inside a word (pdftotext -bbox);
- no two words of a page overlap (text printed over the next row or column);
- no number shows as ### (a column too narrow for it);
- the sheet has a print area, and its row heights fit its wrapped text
  (checked by the words above: cut or overprinted text fails).
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r"<page ")


def run(argv, **kw):
    return subprocess.run(argv, check=True, capture_output=True, **kw)


def split_sheets(xlsx, folder):
    """One copy of the workbook per sheet, the others hidden and without their
    print areas: LibreOffice prints the visible sheets and every print area."""
    with zipfile.ZipFile(xlsx) as z:
        parts = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    book = dict(parts)["xl/workbook.xml"].decode()
    sheets = re.findall(r"<sheet [^>]*/>", book)
    names = [html.unescape(re.search(r'name="([^"]*)"', s).group(1)) for s in sheets]
    files = []
    for i in range(len(sheets)):
        text = book
        for j, tag in enumerate(sheets):
            if j != i:
                text = text.replace(tag, tag[:-2] + ' state="hidden"/>', 1)
        text = re.sub(r'<definedName [^>]*localSheetId="(\d+)"[^>]*>[^<]*</definedName>',
                      lambda m: m.group(0) if int(m.group(1)) == i else "", text)
        text = text.replace("<definedNames></definedNames>", "")
        text = re.sub(r"<workbookView ", f'<workbookView activeTab="{i}" firstSheet="{i}" ', text, count=1)
        path = os.path.join(folder, f"sheet{i + 1:02d}.xlsx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts:
                out.writestr(name, text.encode() if name == "xl/workbook.xml" else data)
        files.append(path)
    return names, files


def to_pdf(files, folder):
    out = os.path.join(folder, "pdf")
    profile = "file://" + os.path.join(folder, "lo-profile")
    run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", out]
        + files, timeout=600)
    return [os.path.join(out, os.path.basename(f)[:-5] + ".pdf") for f in files]


def pdf_words(pdf):
    """The pages of @pdf, each a list of words (text, x0, y0, x1, y1) in reading order."""
    text = run(["pdftotext", "-bbox", pdf, "-"]).stdout.decode()
    pages = []
    for chunk in PAGE.split(text)[1:]:
        pages.append([(html.unescape(m.group(5)), *map(float, m.group(1, 2, 3, 4))) for m in WORD.finditer(chunk)])
    return pages


def follows(prev, word, region):
    """Whether @word continues the text after @prev: on the same line just after
    it, or on the next line within the columns the text took so far."""
    h = prev[4] - prev[2]
    if abs(word[2] - prev[2]) < 0.3 * h:
        return -0.5 <= word[1] - prev[3] <= 0.8 * h
    return 0.6 * h < word[2] - prev[2] < 1.8 * h and word[1] < region[1] + h and word[3] > region[0] - h


def find_text(words, index, page_words):
    """Whether @words appear in order on one page, wrapped only between words
    (after a hyphen too: "VFU-platser" may print as "VFU-" and "platser")."""
    if find_words(words, index, page_words):
        return True
    split = [part for w in words for part in re.findall(r".+?-(?=.)|.+", w)]
    return split != words and find_words(split, index, page_words)


def find_words(words, index, page_words):
    def extend(k, prev, region, page):
        if k == len(words):
            return True
        for i in index.get(words[k], ()):
            if i[0] != page:
                continue
            w = page_words[page][i[1]]
            if follows(prev, w, region) and extend(k + 1, w, (min(region[0], w[1]), max(region[1], w[3])), page):
                return True
        return False

    for page, i in index.get(words[0], ()):
        w = page_words[page][i]
        if extend(1, w, (w[1], w[3]), page):
            return True
    return False


def overlaps(page):
    """Pairs of words printed over each other. Line boxes of adjacent lines
    touch, so each box loses a fifth of its height at top and bottom."""
    boxes = []
    for w in page:
        h = w[4] - w[2]
        boxes.append((w[1] + 0.05 * h, w[2] + 0.2 * h, w[3] - 0.05 * h, w[4] - 0.2 * h, w[0]))
    boxes.sort()
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b[0] >= a[2]:
                break
            if b[1] < a[3] and a[1] < b[3]:
                found.append((a[4], b[4]))
    return found


def check_sheet(name, ws, pdf, problems):
    pages = pdf_words(pdf)
    if not pages or not any(pages):
        problems.append(f"{name}: LibreOffice printed nothing")
        return 0
    if not ws.print_area:
        problems.append(f"{name}: no print area")
    index = {}
    for p, page in enumerate(pages):
        for i, w in enumerate(page):
            index.setdefault(w[0], []).append((p, i))
    cells = 0
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value.split():
                continue
            cells += 1
            if not find_text(cell.value.split(), index, pages):
                problems.append(f"{name}!{cell.coordinate}: {cell.value!r} is not printed whole")
    for p, page in enumerate(pages):
        for a, b in overlaps(page):
            problems.append(f"{name}, page {p + 1}: {a!r} and {b!r} are printed over each other")
        for w in page:
            if "###" in w[0]:
                problems.append(f"{name}, page {p + 1}: a number shows as {w[0]!r}")
    return cells


def demo_workbook(cli, folder):
    db = os.path.join(folder, "Stadsdel Exempel.styrkort")
    xlsx = os.path.join(folder, "demo.xlsx")
    run([cli, "demo", db])
    run([cli, "export", db, xlsx])
    return xlsx


def main():
    args = sys.argv[1:]
    keep = None
    if "--keep" in args:
        keep = args[args.index("--keep") + 1]
        del args[args.index("--keep"):args.index("--keep") + 2]
    folder = tempfile.mkdtemp(prefix="workbook-print-")
    try:
        if args[:1] == ["--cli"]:
            xlsx = demo_workbook(args[1], folder)
        elif len(args) == 1:
            xlsx = args[0]
        else:
            print(__doc__, file=sys.stderr)
            return 2
        names, files = split_sheets(xlsx, folder)
        pdfs = to_pdf(files, folder)
        wb = openpyxl.load_workbook(xlsx)
        problems = []
        cells = 0
        for name, pdf in zip(names, pdfs):
            cells += check_sheet(name, wb[name], pdf, problems)
        if keep:
            os.makedirs(keep, exist_ok=True)
            for name, pdf in zip(names, pdfs):
                shutil.copy(pdf, os.path.join(keep, os.path.basename(pdf)))
        for p in problems:
            print("FAIL:", p)
        if problems:
            print(f"{len(problems)} problems in the printed workbook {xlsx}")
            return 1
        print(f"ok: {len(names)} sheets, {cells} text cells printed whole, no text over other text")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
