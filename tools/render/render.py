#!/usr/bin/python3
"""Renders every document of corpus/ that has gold (corpus/gold/*.json with a
.txt document) into the forms real documents come in, with a copy of its
gold for each form (lines ignored: a rendering's lines are not the text's):

  plain   a PDF with one text line per source line (reportlab): no bullet
          glyphs, page breaks inside lists and sentences, words hyphenated
          at line ends, a running header with the title and a date, and a
          footer "Sida x av y"
  two-column
          the same in two columns a page, as a newsletter or brochure sets
          text: lines wrapped at 40 characters, bullets kept, tables set
          small enough for a column
  lo-pdf, docx, odt
          the document as a word processor writes it: LibreOffice (headless)
          converts a flat OpenDocument text made here, with real bullets,
          numbered lists, headings, tables, a running header and a footer
          "Sida x av y" (needs libreoffice-writer; skipped without it)

Output: corpus/renderings/<form>/<name>.<ext> and corpus/renderings/gold/<form>/<name>.json.
The files are committed, so CI needs neither LibreOffice nor this script.
Usage: /usr/bin/python3 tools/render/render.py [--forms plain,two-column,lo-pdf,docx,odt]
       [--corpus ../shared/corpus --out /tmp/shared-renderings]   (score them: score.py --gold OUT/gold/FORM --docs CORPUS)"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(ROOT, "corpus")
OUT = os.path.join(CORPUS, "renderings")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

BULLET = re.compile(r"^\s*(?:[•◦▪‣●\-–*]|\d{1,2}[.)]|[a-z]\))\s+")
GLYPH = re.compile(r"^\s*[•◦▪‣●\-–*]\s+")  # what a PDF without bullet glyphs loses; numbers and letters stay


def table_cells(line):
    """The cells of a line laid out as a table row (two or more spaces or a tab apart), else []."""
    if "\t" in line:  # typed with tabs: an empty field is an empty cell
        fields = [c.strip() for c in line.strip("\n ").split("\t")]
        return fields if sum(1 for c in fields if c) >= 2 else []
    if not re.search(r"\S {2,}\S", line):
        return []
    return [c for c in re.split(r" {2,}", line.strip()) if c]
NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")


def documents():
    for path in sorted(glob.glob(os.path.join(CORPUS, "gold", "*.json"))):
        gold = json.load(open(path, encoding="utf-8"))
        doc = os.path.join(CORPUS, gold["document"])
        if doc.endswith(".txt") and os.path.exists(doc):
            yield os.path.splitext(os.path.basename(path))[0], doc, gold


def write_gold(form, name, gold, rendered):
    g = dict(gold)
    # Relative to the corpus for our own renderings (committed); absolute for a trial elsewhere, as a
    # path back out of a corpus reached through a symbolic link would not lead where it reads.
    inside = os.path.abspath(rendered).startswith(os.path.abspath(CORPUS) + os.sep)
    g["document"] = os.path.relpath(rendered, CORPUS) if inside else os.path.abspath(rendered)
    g["ignore_lines"] = True
    # Without lines, a must-not at one line of a rule that must fire at
    # another cannot be told apart from it: only whole-document must-nots stay.
    fired = {f["rule"].split(".")[0] for key, found in gold.items() if key.startswith("expected_findings") or key == "findings"
             for f in found}  # "expected_findings", "expected_findings_as_of_2026-11-22"
    g["must_not_flag"] = [m for m in gold.get("must_not_flag", [])
                          if m.get("line") is None or m["rule"].split(".")[0] not in fired]
    g["note"] = ("rendering '%s' of %s; " % (form, gold["document"])) + gold.get("note", "")
    d = os.path.join(OUT, "gold", form)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(g, f, ensure_ascii=False, indent=1)


# ---- plain: one line per source line, as pdftotext-era exports and scans come ----

def hyphenate(line, width):
    """Breaks a line longer than `width` characters into lines that fit,
    inside a long word with a hyphen (the word continues on the next line)
    where the break falls in one."""
    out = []
    while len(line) > width:
        first, line = hyphenate_once(line, width)
        out.append(first)
    return out + [line]


def hyphenate_once(line, width):
    """The line's first part and the rest, broken once before `width`."""
    cut = line.rfind(" ", 0, width)
    word_end = line.find(" ", cut + 1)
    word_end = len(line) if word_end < 0 else word_end
    word = line[cut + 1:word_end]
    if cut < 0:
        return line[:width], line[width:]
    if len(word) >= 10 and word.isalpha() and cut + 1 + len(word) // 2 < width:
        half = cut + 1 + len(word) // 2
        return line[:half] + "-", line[half:]
    return line[:cut], line[cut + 1:]


def source_lines(text, width, keep_glyphs=False):
    """The text's lines as printed `width` characters wide: table rows never wrapped, other lines
    hyphenated to fit; bullet glyphs lost unless kept."""
    lines = []
    for raw in text.split("\n"):
        stripped = raw if keep_glyphs else GLYPH.sub("", raw)
        if table_cells(stripped):
            lines.append(stripped)  # a table row: never wrapped
        else:
            lines.extend(hyphenate(stripped, width))
    return lines


def reflowed_lines(text, width):
    """The text set again `width` characters wide, as a word processor sets a narrow column: each
    paragraph and list item wrapped (long words hyphenated), contents entries' leaders shortened to
    fit, a blank line between blocks; table rows stay rows."""
    def fit_leaders(line):
        m = re.search(r"\.{4,}", line)
        return line if not m or len(line) <= width else line[:m.start()] + "." * max(3, width - (len(line) - len(m.group()))) + line[m.end():]
    out = []
    for kind, value in blocks(text):
        if kind == "h":
            out += [""] + hyphenate(value, width)
        elif kind == "p":
            out += hyphenate(fit_leaders(value), width) + [""]
        elif kind == "table":
            out += ["\t".join(row) for row in value] + [""]
        else:
            first = kind[1] if isinstance(kind, tuple) else None
            for k, item in enumerate(value):
                marker = "%d. " % (first + k) if first is not None else "• "
                out += hyphenate(fit_leaders(marker + item), width)
            out.append("")
    return out


def table_layout(lines, room):
    """For each table row of `lines`: its cells with their x (from the left of the text) and the font
    size. Each block of rows gets columns as wide as their widest cell; a table wider than `room` is
    set smaller, as a writer fits one to the page."""
    from reportlab.pdfbase import pdfmetrics
    x_of = {}
    block = []
    padded = lines + [""]
    for k, line in enumerate(padded):
        if table_cells(line):
            block.append(k)
            continue
        # Rows set apart by blank lines are one table still.
        following = next((l for l in padded[k + 1:] if l.strip()), "")
        if block and not line.strip() and table_cells(following):
            continue
        if block:
            # Each cell in the column whose heading (the block's first row) starts nearest before it:
            # an empty cell stays empty, as in a word processor's table.
            heads = [c for c, _ in cell_starts(lines[block[0]])]
            placed = {r: [(k if "\t" in lines[r] else max([j for j, h in enumerate(heads) if h <= k + 1] or [0]), cell)
                          for k, cell in cell_starts(lines[r])] for r in block}
            widths = {}
            for r in block:
                for j, cell in placed[r]:
                    widths[j] = max(widths.get(j, 0), pdfmetrics.stringWidth(cell, "DejaVu", 10))
            widths = {j: widths.get(j, 0) for j in range(max(widths) + 1)}
            size = min(10.0, 10.0 * (room - 12 * (len(widths) - 1)) / sum(widths.values()))
            gap = 24 if size == 10.0 else 12
            starts, x = [], 0.0
            for j in range(len(widths)):
                starts.append(x)
                x += widths[j] * size / 10.0 + gap
            for r in block:
                x_of[r] = [(starts[j], cell) for j, cell in placed[r]], size
            block = []
    return x_of


def draw_pages(path, title, columns, per_column, lines, x_of):
    """Draws `lines` in `columns` (x of each column's left edge), `per_column` lines each, page after
    page, under a running header (the title and a date) and over a footer "Sida x av y"."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    per_page = per_column * len(columns)
    numbered = list(enumerate(lines))
    pages = [numbered[i:i + per_page] for i in range(0, len(numbered), per_page)] or [[]]
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    _, height = A4
    for n, page in enumerate(pages, 1):
        c.setFont("DejaVu", 8)
        c.drawString(56, height - 36, title)
        c.drawRightString(540, height - 36, "2025-03-01")
        for at, (k, line) in enumerate(page):
            left = columns[at // per_column]
            y = height - 72 - 14 * (at % per_column)
            # A table's row: its cells at its columns, as a word processor sets a table.
            if k in x_of:
                cells, size = x_of[k]
                c.setFont("DejaVu", size)
                for x, cell in cells:
                    c.drawString(left + x, y, cell)
            else:
                c.setFont("DejaVu", 10)
                c.drawString(left, y, line)
        c.setFont("DejaVu", 8)
        c.drawCentredString(298, 30, "Sida %d av %d" % (n, len(pages)))
        c.showPage()
    c.save()


def render_pdf(form, name, text, gold):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    if form == "plain":
        lines = source_lines(text, 84)
        columns, per_column, room = [56], 23, 484.0  # short pages: breaks fall inside lists and sentences
    else:  # two columns of a newsletter or brochure: paragraphs set again to the column, bullets kept
        lines = reflowed_lines(text, 40)
        columns, per_column, room = [56, 308], 40, 232.0
    title = next((l for l in lines if l.strip()), name)[:70]
    d = os.path.join(OUT, form)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, name + ".pdf")
    draw_pages(path, title, columns, per_column, lines, table_layout(lines, room))
    write_gold(form, name, gold, path)


# ---- a word processor's document, through LibreOffice ----

CONNECTIVES = {"och", "eller", "samt", "som", "med", "i", "av", "för", "till", "på", "om", "att", "under", "från", "inom", "vid",
               "mellan", "hos", "enligt", "mot", "över", "kring", "genom", "senast", "efter", "före"}


def ends_mid_phrase(text):
    """Whether a line ends where its phrase must go on: a comma or a connective word."""
    words = text.split()
    return text.endswith(",") or (bool(words) and words[-1].lower() in CONNECTIVES)


def blocks(text):
    """The text as blocks: ("h", text), ("p", text), ("ul", [items]), (("ol", first number), [items]), ("table", [[cells]])."""
    out = []
    paragraph = []
    lines = text.split("\n")

    def flush():
        if paragraph:
            out.append(("p", " ".join(paragraph)))
            paragraph.clear()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            flush()
            i += 1
            continue
        if line.lstrip().startswith("|"):  # a table written with bars, as pandoc writes one
            flush()
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            out.append(("table", rows))
            continue
        if re.search(r"\S( {2,}|\t)\S", line):  # a table laid out in cells
            flush()
            rows, i = laid_out_table(lines, i)
            out.append(("table", rows))
            continue
        m = BULLET.match(line)
        if m:
            flush()
            kind = "ol" if NUMBERED.match(line) else "ul"
            if kind == "ol":  # a list numbered from its first item's number, as the writer typed it
                kind = ("ol", int(re.match(r"\s*(\d+)", line).group(1)))
            items = []
            while i < len(lines) and lines[i].strip():
                l = lines[i].rstrip()
                m = BULLET.match(l)
                if m:
                    items.append(l[m.end():])
                elif items and not re.search(r"[.:]$", items[-1]) and (l[:1].islower() or ends_mid_phrase(items[-1])):
                    items[-1] += " " + l.strip()  # a wrapped item goes on ("... startar ett FACT-team under" | "Q2 2023.")
                else:
                    break
                i += 1
            out.append((kind, items))
            continue
        prev_blank = i == 0 or not lines[i - 1].strip()
        if prev_blank and len(line) < 70 and not re.search(r"[.,;]$", line) and not paragraph:
            out.append(("h", line.strip()))
            i += 1
            continue
        # A line is a paragraph of its own unless the one before wrapped into it
        # (a long line that did not end its sentence) and it is no field ("Vem: X").
        # A contents entry ("Parter ........ 4") is a paragraph of its own, as are the lines around it.
        entry = re.compile(r"\.{4,}\s*\d+\s*$")
        if paragraph and (len(lines[i - 1]) < 60 or re.match(r"^[\wåäöÅÄÖ ]{1,25}: ", line) or entry.search(line)
                          or entry.search(lines[i - 1])):
            flush()
        paragraph.append(line.strip())
        if re.search(r"[.:]$", line):
            flush()
        i += 1
    flush()
    return out


def cell_starts(line):
    """(column, text) of each cell of a line laid out in cells; for a line typed with tabs, the
    column is the field's number."""
    if "\t" in line:
        return [(k, f.strip()) for k, f in enumerate(line.strip("\n").split("\t")) if f.strip()]
    return [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]


def laid_out_table(lines, i):
    """The rows of a table laid out in cells from line i, as a word processor holds them: a line right
    under a row continues its cells (a wrapped cell), a blank line parts rows, and the table ends at a
    line that is not laid out in cells. Each cell goes to the column whose heading starts nearest
    before it."""
    columns = [c for c, _ in cell_starts(lines[i])]
    rows, previous_blank = [], True
    # Rows set apart by blank lines have their wrapped cells on the lines right under them; in a
    # dense table every line is a row, unless its first column is empty.
    spaced = i + 1 < len(lines) and not lines[i + 1].strip()

    def place(line):
        cells = [""] * len(columns)
        for start, text in cell_starts(line):
            k = min(start, len(columns) - 1) if "\t" in line else max([j for j, c in enumerate(columns) if c <= start + 1] or [0])
            cells[k] = (cells[k] + " " + text).strip()
        return cells
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            nxt = i + 1
            if nxt < len(lines) and lines[nxt].startswith(" ") and len(cell_starts(lines[nxt])) >= 1 and rows:
                previous_blank = True
                i += 1
                continue
            break
        # A short line in lower case right under a row is its first cell wrapped ("boenden").
        wrapped_first = rows and not previous_blank and line[:1].islower() and len(cell_starts(line)) == 1
        if not (re.search(r"\S( {2,}|\t)\S", line) or (line.startswith("    ") and rows) or wrapped_first):
            break
        if wrapped_first:
            rows[-1][0] = (rows[-1][0] + " " + line.strip()).strip()
            i += 1
            continue
        cells = place(line)
        if rows and not previous_blank and (spaced or not cells[0]):
            rows[-1] = [(a + " " + b).strip() for a, b in zip(rows[-1], cells)]
        else:
            rows.append(cells)
        previous_blank = False
        i += 1
    return rows, i


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:class="text">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="1cm"/></style:list-level-properties>
 </text:list-level-style-bullet></text:list-style>
 <text:list-style style:name="Numbers"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="1cm"/></style:list-level-properties>
 </text:list-level-style-number></text:list-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Standard">%(title)s<text:tab/>2025-03-01</text:p></style:header>
  <style:footer><text:p text:style-name="Standard">Sida <text:page-number text:select-page="current"/> av <text:page-count/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""


def fodt(text, title):
    body = []
    for kind, value in blocks(text):
        if kind == "h":
            body.append('<text:h text:style-name="Heading_20_2" text:outline-level="2">%s</text:h>' % escape(value))
        elif kind == "p":
            body.append('<text:p text:style-name="Standard">%s</text:p>' % escape(value))
        elif kind == "ul" or isinstance(kind, tuple):
            style = "Bullets" if kind == "ul" else "Numbers"
            start = ' text:start-value="%d"' % kind[1] if isinstance(kind, tuple) and kind[1] != 1 else ""
            items = "".join('<text:list-item%s><text:p text:style-name="Standard">%s</text:p></text:list-item>'
                            % (start if k == 0 else "", escape(v)) for k, v in enumerate(value))
            body.append('<text:list text:style-name="%s">%s</text:list>' % (style, items))
        else:
            width = max(len(r) for r in value)
            rows = "".join("<table:table-row>%s</table:table-row>" % "".join(
                '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(c)
                for c in r + [""] * (width - len(r))) for r in value)
            body.append('<table:table table:name="T%d"><table:table-column table:number-columns-repeated="%d"/>%s</table:table>'
                        % (len(body), width, rows))
    return FODT_HEAD % {"title": escape(title)} + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


def render_office(name, text, gold, forms, soffice):
    title = next((l for l in text.split("\n") if l.strip()), name)[:70]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, name + ".fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fodt(text, title))
        for form, ext, filt in (("lo-pdf", "pdf", "pdf:writer_pdf_Export"), ("docx", "docx", "docx:MS Word 2007 XML"),
                                ("odt", "odt", "odt")):
            if form not in forms:
                continue
            subprocess.run([soffice, "--headless", "--convert-to", filt, "--outdir", tmp, src], check=True,
                           capture_output=True, timeout=180)
            d = os.path.join(OUT, form)
            os.makedirs(d, exist_ok=True)
            path = os.path.join(d, name + "." + ext)
            shutil.move(os.path.join(tmp, name + "." + ext), path)
            write_gold(form, name, gold, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--forms", default="plain,two-column,lo-pdf,docx,odt")
    ap.add_argument("--corpus", help="render another corpus (gold/ and its documents), e.g. ../shared/corpus")
    ap.add_argument("--out", help="where its renderings and their gold go (with --corpus)")
    a = ap.parse_args()
    if a.corpus:  # a trial on other texts: nothing of ours is written
        global CORPUS, OUT
        CORPUS, OUT = os.path.abspath(a.corpus), os.path.abspath(a.out or "renderings")
    forms = set(a.forms.split(","))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if forms & {"lo-pdf", "docx", "odt"} and not soffice:
        print("render: LibreOffice not installed (apt-get install libreoffice-writer-nogui); only plain PDFs made",
              file=sys.stderr)
    for name, doc, gold in documents():
        text = open(doc, encoding="utf-8").read()
        for form in ("plain", "two-column"):
            if form in forms:
                render_pdf(form, name, text, gold)
        if soffice and forms & {"lo-pdf", "docx", "odt"}:
            render_office(name, text, gold, forms, soffice)
        print("rendered", name)


if __name__ == "__main__":
    main()
