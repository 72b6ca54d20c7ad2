#!/usr/bin/python3
"""Table-driven CLI tests: run the real binary and compare exit code, stderr
and stdout (or an expected file) for good and bad inputs.
Usage: run_cli_tests.py --tool build/overens [--update]"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEMO = os.path.join(ROOT, "corpus", "demo")
EXPECTED = os.path.join(HERE, "expected")


def make_fixtures(d):
    """Writes the bad and odd inputs into d; returns their paths by name."""
    f = {}

    def write(name, data):
        path = os.path.join(d, name)
        with open(path, "wb") as fh:
            fh.write(data)
        f[name] = path
        return path

    write("empty.txt", b"")
    write("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00binary")
    write("latin1.txt", "Lokal överenskommelse\n\nMålgrupper\n• Personer i alla åldrar med psykisk funktionsnedsättning\n".encode("cp1252"))
    write("utf16.txt", "\ufeffLokal överenskommelse\nHösten 2024 börjar arbetet.\n".encode("utf-16-le"))
    write("utf16-nobom.txt", "Lokal överenskommelse\nHösten 2024 börjar arbetet.\n".encode("utf-16-be"))
    write("english.txt", b"This is an English memo about nothing in particular.\nIt has no agreement structure.\n")
    write("one-line.txt", ("samverkan " * 500000).encode())
    demo_text = " ".join(open(os.path.join(DEMO, n), encoding="utf-8").read().replace("\n", " ")
                         for n in sorted(os.listdir(DEMO)) if n.endswith(".txt"))
    write("agreement-one-line.txt", ((demo_text + " ") * (2 * 1024 * 1024 // len(demo_text.encode()) + 1)).encode()[:2 * 1024 * 1024].decode("utf-8", "ignore").encode())
    huge = os.path.join(d, "huge.txt")
    with open(huge, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: the size check comes before any read
    f["huge.txt"] = huge
    demo_pdf = os.path.join(DEMO, "lo-sydvast-2025.pdf")
    with open(demo_pdf, "rb") as fh:
        pdf = fh.read()
    write("truncated.pdf", pdf[:1200])
    # A Word document of the Malmö demo agreement: one paragraph per line,
    # list lines as Word list paragraphs, each line in two runs.
    import zipfile
    from xml.sax.saxutils import escape
    def paragraph(line):
        if line.startswith("• "):
            return ('<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">%s'
                    '</w:t></w:r></w:p>' % escape(line[2:]))
        half = len(line) // 2
        return ('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>'
                % (escape(line[:half]), escape(line[half:])) if line else "<w:p/>")
    with open(os.path.join(DEMO, "lo-malmo-2024.txt"), encoding="utf-8") as fh:
        lines = fh.read().rstrip("\n").split("\n")
    body = "".join(paragraph(l) for l in lines)
    f["malmo.docx"] = os.path.join(d, "malmo.docx")
    with zipfile.ZipFile(f["malmo.docx"], "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", '<w:document xmlns:w="urn:w"><w:body>%s</w:body></w:document>' % body)
    with open(f["malmo.docx"], "rb") as fh:
        write("truncated.docx", fh.read()[:300])
    # The same agreement as OpenDocument text: list lines as list items.
    def odf_block(line):
        if line.startswith("• "):
            return "<text:list><text:list-item><text:p>%s</text:p></text:list-item></text:list>" % escape(line[2:])
        return "<text:p>%s</text:p>" % escape(line)
    f["malmo.odt"] = os.path.join(d, "malmo.odt")
    with zipfile.ZipFile(f["malmo.odt"], "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", '<office:document-content xmlns:office="urn:o" xmlns:text="urn:t"><office:body>'
                   '<office:text>%s</office:text></office:body></office:document-content>' % "".join(odf_block(l) for l in lines))
    write("old-word.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    with zipfile.ZipFile(os.path.join(d, "data.zip"), "w") as z:
        z.writestr("data.csv", "a,b\n")
    f["data.zip"] = os.path.join(d, "data.zip")
    # Nested thousands deep: each reader recursed once per level and overflowed the stack.
    def nested(open_tag, close_tag, levels, inner):
        return open_tag * levels + inner + close_tag * levels
    with zipfile.ZipFile(os.path.join(d, "deep.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="urn:w"><w:body>%s</w:body></w:document>'
                   % nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 8000, "<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
    f["deep.docx"] = os.path.join(d, "deep.docx")
    with zipfile.ZipFile(os.path.join(d, "deep.odt"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("content.xml", '<office:document-content xmlns:office="urn:o" xmlns:text="urn:t"><office:body>'
                   '<office:text><text:p>%s</text:p></office:text></office:body></office:document-content>'
                   % nested("<text:span>", "</text:span>", 60000, "x"))
    f["deep.odt"] = os.path.join(d, "deep.odt")
    deep_batch = os.path.join(d, "deep-batch")
    os.makedirs(deep_batch)
    shutil.copy(f["deep.odt"], deep_batch)
    shutil.copy(os.path.join(DEMO, "lo-malmo-2024.txt"), deep_batch)
    f["deep-batch"] = deep_batch
    write("not-really.pdf", b"%PDF-1.4\nthis is not a pdf at all\n")
    try:
        from reportlab.pdfgen import canvas
        c = canvas.Canvas(os.path.join(d, "scanned.pdf"))
        c.rect(50, 50, 400, 600, fill=1)  # a page with no text layer
        c.showPage()
        c.save()
        f["scanned.pdf"] = os.path.join(d, "scanned.pdf")
        c = canvas.Canvas(os.path.join(d, "encrypted.pdf"), encrypt="hemligt")
        c.drawString(100, 700, "Lokal överenskommelse")
        c.showPage()
        c.save()
        f["encrypted.pdf"] = os.path.join(d, "encrypted.pdf")
        make_odd_pdfs(d, f)
    except ImportError:
        pass
    batch = os.path.join(d, "batch")
    os.makedirs(batch)
    shutil.copy(os.path.join(DEMO, "lo-malmo-2024.txt"), batch)
    with open(os.path.join(batch, "broken.txt"), "wb") as fh:
        fh.write(b"")
    os.symlink("/nonexistent/target.txt", os.path.join(batch, "dangling.txt"))
    f["batch"] = batch
    f["readonly"] = os.path.join(d, "readonly")
    os.makedirs(f["readonly"])
    os.chmod(f["readonly"], 0o555)
    return f


def make_odd_pdfs(d, f):
    """PDFs shaped as real ones can be: every word a text object of its own, text in reverse order in the
    content stream, a page holding only an image, 500 pages, and pages turned a quarter."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    lines = ["Lokal överenskommelse", "", "Målgrupper", "Barn och unga med psykisk ohälsa",
             "Personer i alla åldrar med psykisk funktionsnedsättning", "", "Parter", "Ystads kommun och Region Skåne."]
    c = canvas.Canvas(os.path.join(d, "words.pdf"), pagesize=A4)
    for i, line in enumerate(lines):
        x = 56
        for w in line.split():
            t = c.beginText(x, 800 - 14 * i)
            t.setFont("DejaVu", 10)
            t.textOut(w)
            c.drawText(t)
            x += pdfmetrics.stringWidth(w + " ", "DejaVu", 10)
    c.save()
    c = canvas.Canvas(os.path.join(d, "reverse.pdf"), pagesize=A4)
    c.setFont("DejaVu", 10)
    for i, line in reversed(list(enumerate(lines))):
        c.drawString(56, 800 - 14 * i, line)
    c.save()
    c = canvas.Canvas(os.path.join(d, "image-page.pdf"), pagesize=A4)
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.setFont("DejaVu", 10)
    for i, line in enumerate(lines):
        c.drawString(56, 800 - 14 * i, line)
    c.save()
    c = canvas.Canvas(os.path.join(d, "pages500.pdf"), pagesize=A4)
    for p in range(500):
        c.setFont("DejaVu", 10)
        for i, line in enumerate(lines):
            c.drawString(56, 800 - 14 * i, line + (" %d" % p if line else ""))
        c.drawString(280, 30, "Sida %d av 500" % (p + 1))
        c.showPage()
    c.save()
    # A landscape page turned a quarter each way (/Rotate 90 and 270), with a note up the margin.
    from reportlab.lib.pagesizes import landscape
    for turn in (90, 270):
        c = canvas.Canvas(os.path.join(d, "turned%d.pdf" % turn), pagesize=landscape(A4))
        c.setPageRotation(turn)
        c.setFont("DejaVu", 10)
        for i, line in enumerate(lines):
            c.drawString(56, 520 - 14 * i, line)
        c.saveState()
        c.translate(20, 300)
        c.rotate(90)
        c.drawString(0, 0, "UTKAST")
        c.restoreState()
        c.save()
    # A table whose first cell is filled to its edge: its last word touches the next cell's first, and
    # poppler reads the two as one word ("screeningBeroendevården").
    c = canvas.Canvas(os.path.join(d, "touching-cells.pdf"), pagesize=A4)
    c.setFont("DejaVu", 10)
    rows = [("Handlingsplan 2025", "", ""), ("", "", ""), ("Spel om pengar", "", ""), ("Insats", "Ansvar", "Tidsplan"),
            ("Kartläggning av stödet", "Socialtjänsten", "2025-12-31"), ("Gemensam screening", "Beroendevården", "2026-12-31")]
    column = 56 + pdfmetrics.stringWidth("Gemensam screening", "DejaVu", 10)  # the second column starts where that cell ends
    for i, (first, second, third) in enumerate(rows):
        c.drawString(56, 800 - 14 * i, first)
        c.drawString(column, 800 - 14 * i, second)
        c.drawString(column + 110, 800 - 14 * i, third)
    c.save()
    for name in ("words.pdf", "reverse.pdf", "image-page.pdf", "pages500.pdf", "turned90.pdf", "turned270.pdf",
                 "touching-cells.pdf"):
        f[name] = os.path.join(d, name)


def check_workbook(wb, path):
    """The auditor's points of the workbook, read back from the file."""
    import zipfile
    problems = []
    want = ["Översikt", "Sammanfattning", "Målgrupper", "Utvecklingsområden", "Avsnitt", "Avvikelser", "Aktiviteter",
            "Källor", "Förklaringar", "Om granskningen"]
    if wb.sheetnames != want:
        problems.append("sheets %r" % wb.sheetnames)
        return problems
    # Each status cell has the colour of its own value, in the file itself (no conditional formats Excel misreads).
    colour = {"finns": "FFC6EFCE", "avviker": "FFFFEB9C", "tillagt": "FFFFEB9C", "saknas (valfritt)": "FFE7E6E6",
              "saknas": "FFFFC7CE", "ej tolkad": "FFDDEBF7"}
    for name in ("Målgrupper", "Utvecklingsområden", "Avsnitt"):
        for row in wb[name].iter_rows(min_row=2, min_col=3):
            for c in row:
                if c.value is None:
                    continue
                want_colour = next(v for k, v in colour.items() if str(c.value).startswith(k))
                if c.fill.fgColor.rgb != want_colour:
                    problems.append("%s!%s %r has fill %s" % (name, c.coordinate, c.value, c.fill.fgColor.rgb))
    with zipfile.ZipFile(path) as z:
        if any(b"conditionalFormatting" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")):
            problems.append("conditional formatting left in a sheet")
        app = z.read("docProps/custom.xml").decode() if "docProps/custom.xml" in z.namelist() else ""
        if "overens" not in app:
            problems.append("no record of the tool in the document properties")
    if wb.properties.creator != "Revisor Test" or not wb.properties.title or not wb.properties.keywords:
        problems.append("document properties %r %r" % (wb.properties.creator, wb.properties.title))
    ov = wb["Översikt"]
    import datetime
    if ov.max_row != 7 or ov.freeze_panes != "B2" or not ov.tables:
        problems.append("overview rows/freeze/table: %d %s" % (ov.max_row, ov.freeze_panes))
    if not isinstance(ov.cell(row=2, column=5).value, datetime.datetime):
        problems.append("date column is not a date")
    if ov.cell(row=2, column=1).hyperlink is None:
        problems.append("file not linked")
    for name in ("Översikt", "Målgrupper", "Avvikelser", "Aktiviteter", "Källor"):
        ws = wb[name]
        if ws.page_setup.orientation != "landscape" or not ws.sheet_properties.pageSetUpPr.fitToPage or ws.print_title_rows not in ("1:1", "$1:$1"):
            problems.append("%s does not print landscape, fit to width, with its header" % name)
    if wb["Målgrupper"].freeze_panes != "C2":
        problems.append("matrix does not freeze Delregion and Fil")
    findings = wb["Avvikelser"]
    headings = [c.value for c in findings[1]]
    if headings[:5] != ["Id", "Regel", "Allvar", "Delregion", "Fil"] or "Bedömning" not in headings or "Kommentar" not in headings:
        problems.append("Avvikelser headings %r" % headings)
    ids = [r[0] for r in findings.iter_rows(min_row=2, values_only=True)]
    if len(ids) != len(set(ids)):
        problems.append("finding ids repeat")
    if not findings.data_validations.dataValidation:
        problems.append("no assessment list")
    if any(r[2] not in ("fel", "varning", "info") for r in findings.iter_rows(min_row=2, values_only=True)):
        problems.append("severities not in Swedish")
    if not any(isinstance(r[8], datetime.datetime) for r in wb["Aktiviteter"].iter_rows(min_row=2, values_only=True)):
        problems.append("no real due dates in Aktiviteter")
    if wb["Källor"].max_row < 50:
        problems.append("too little evidence")
    about = [r for r in wb["Om granskningen"].iter_rows(values_only=True)]
    if not any(r[0] == "broken.txt" and r[5] == "nej" and "empty" in (r[6] or "") for r in about):
        problems.append("the unread file is not recorded: %r" % about[:9])
    if sum(1 for r in about if r[1] and len(str(r[1])) == 64) != 6:
        problems.append("not every input has its sha256")
    summary = [r for r in wb["Sammanfattning"].iter_rows(values_only=True)]
    if not any(r[0] == "Totalt" and r[1] == 6 for r in summary):
        problems.append("no totals row")
    legend = [r[0] for r in wb["Förklaringar"].iter_rows(values_only=True)]
    if "TG1" not in legend or "deadline.passed" not in legend or "ej tolkad" not in legend:
        problems.append("legend incomplete")
    return problems


def stat_is_char_device(path):
    import stat
    return stat.S_ISCHR(os.stat(path).st_mode)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--update", action="store_true", help="rewrite the expected files")
    a = ap.parse_args()
    tool = os.path.abspath(a.tool)
    d = tempfile.mkdtemp(prefix="overens-cli-")
    fx = make_fixtures(d)
    malmo = os.path.join(DEMO, "lo-malmo-2024.txt")
    nordost = os.path.join(DEMO, "lo-nordost-2024.txt")
    as_of = ["--as-of", "2026-11-22"]
    failures = []
    passed = 0

    def run(args, cwd=ROOT, stdin=b""):
        p = subprocess.run([tool] + args, capture_output=True, input=stdin, cwd=cwd, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def case(name, args, code, stderr=None, stdout=None, expected_file=None, check=None, cwd=ROOT, stdin=b""):
        nonlocal passed
        rc, out, err = run(args, cwd, stdin)
        problems = []
        if rc != code:
            problems.append("exit %d, want %d" % (rc, code))
        if stderr and not re.search(stderr, err):
            problems.append("stderr %r does not match %r" % (err[:300], stderr))
        if stdout and not re.search(stdout, out):
            problems.append("stdout %r does not match %r" % (out[:300], stdout))
        if expected_file:
            path = os.path.join(EXPECTED, expected_file)
            if a.update:
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(out)
            with open(path, encoding="utf-8") as fh:
                if fh.read() != out:
                    problems.append("stdout differs from %s" % path)
        if check:
            try:
                check(out, err)
            except Exception as e:  # noqa: BLE001 - report any failed check
                problems.append("check failed: %s" % e)
        if problems:
            failures.append("%s: %s" % (name, "; ".join(problems)))
        else:
            passed += 1

    # usage
    case("help", ["--help"], 0, stdout=r"Usage:.*\n(.|\n)*Examples:")
    case("no command", [], 2, stderr=r"no command given")
    case("unknown option", ["check", "--frobnicate", malmo], 2, stderr=r"unknown option '--frobnicate'")
    case("bad as-of", ["check", "--as-of", "22/11/2026", malmo], 2, stderr=r"--as-of needs a date")
    case("unknown command", ["frob"], 2, stderr=r"unknown command 'frob'")
    case("wrong arity", ["compare", malmo], 2, stderr=r"wrong number of arguments")
    # bad input, one line on stderr naming the file
    case("missing file", ["check", "/nonexistent/lo.txt"], 66, stderr=r"^overens: /nonexistent/lo.txt: no such file")
    case("directory for text", ["text", DEMO], 66, stderr=r"is a directory")
    case("empty file", ["extract", fx["empty.txt"]], 65, stderr=r"empty.txt: file is empty")
    case("binary file", ["extract", fx["binary.txt"]], 65, stderr=r"binary.txt: looks binary")
    case("too large", ["extract", fx["huge.txt"]], 65, stderr=r"huge.txt: file is 104857600 bytes, over the limit")
    case("max-bytes", ["extract", "--max-bytes", "100", malmo], 65, stderr=r"raise --max-bytes")
    case("truncated pdf", ["extract", fx["truncated.pdf"]], 65, stderr=r"truncated.pdf: PDF")
    case("fake pdf", ["extract", fx["not-really.pdf"]], 65, stderr=r"not-really.pdf: PDF is damaged")
    if "scanned.pdf" in fx:
        case("scanned pdf", ["extract", fx["scanned.pdf"]], 65, stderr=r"scanned.pdf: PDF has no text layer")
        case("encrypted pdf", ["extract", fx["encrypted.pdf"]], 65, stderr=r"encrypted.pdf: PDF .*encrypted")
    case("windows-1252", ["extract", fx["latin1.txt"]], 0, stderr=r"latin1.txt: not valid UTF-8; read as Windows-1252",
         check=lambda out, err: json.loads(out)["target_groups"][0]["framework_id"] == "TG3" or (_ for _ in ()).throw(AssertionError("TG3")))
    case("utf-16", ["extract", fx["utf16.txt"]], 0, stdout=r"hösten 2024|Hösten 2024")
    case("utf-16 without BOM", ["extract", fx["utf16-nobom.txt"]], 0, stdout=r"hösten 2024|Hösten 2024",
         stderr=r"utf16-nobom.txt: UTF-16 without a byte order mark; read as utf-16be")
    case("english", ["check", fx["english.txt"]], 0, stderr=r"0 avvikelser")
    case("english, in English", ["check", "--lang", "en", fx["english.txt"]], 0, stderr=r"0 findings",
         stdout=r"note: read as Other \(no agreement or plan title")
    case("a document not understood gets a note", ["check", fx["english.txt"]], 0,
         stdout=r"english.txt: anmärkning: läst som Annat \(ingen rubrik som överenskommelse eller plan")
    case("bad --lang", ["check", "--lang", "fi", fx["english.txt"]], 2, stderr=r"--lang needs sv or en")
    case("deep docx", ["check", fx["deep.docx"]], 65, stderr=r"deep.docx: the document's XML nests over 200 levels deep")
    case("deep odt", ["extract", fx["deep.odt"]], 65, stderr=r"deep.odt: the document's XML nests over 200 levels deep")
    case("deep odt in a batch", ["check", "--format", "json"] + as_of + [fx["deep-batch"]], 65,
         stderr=r"deep.odt: the document's XML nests", stdout=r'"file": ".*lo-malmo-2024.txt"')
    # An agreement written as one 2 MB line: quadratic time took minutes here, linear takes well under a second.
    import time
    started = time.monotonic()
    case("agreement as one 2 MB line", ["check", "-q"] + as_of + [fx["agreement-one-line.txt"]], 1)
    if time.monotonic() - started > 60:
        failures.append("agreement as one 2 MB line: %.0f s, over the generous bound of 60 s" % (time.monotonic() - started))
    # PDFs of odd shapes are read once, in reading order, without crashing or hanging.
    if "words.pdf" in fx:
        reading = r"1\tLokal överenskommelse\n2\t\n3\tMålgrupper\n4\tBarn och unga med psykisk ohälsa\n"
        case("pdf: every word its own text object", ["text", fx["words.pdf"]], 0, stdout=reading)
        case("pdf: text in reverse order", ["text", fx["reverse.pdf"]], 0, stdout=reading)
        case("pdf: a page holding only an image", ["text", fx["image-page.pdf"]], 0, stdout=r"Målgrupper\n")
        for turn in (90, 270):
            case("pdf: a page turned %d degrees" % turn, ["text", fx["turned%d.pdf" % turn]], 0, stdout=reading,
                 check=lambda out, err: "UTKAST" not in out or (_ for _ in ()).throw(AssertionError("margin note read")))
        case("pdf: a cell filled to its edge touching the next is two cells", ["extract", fx["touching-cells.pdf"]], 0,
             stdout=r'"actor": "Beroendevården",\s*"action": "Gemensam screening"')
        case("pdf: 500 pages", ["text", fx["pages500.pdf"]], 0,
             check=lambda out, err: (out.count("Barn och unga med psykisk ohälsa 499") == 1 and "Sida 3 av 500" not in out)
             or (_ for _ in ()).throw(AssertionError("500 pages read wrong")))
    case("one enormous line", ["extract", fx["one-line.txt"]], 0, stdout=r'"kind": "annat"')
    case("unwritable output", ["check", "--format", "json", "-o", os.path.join(fx["readonly"], "out.json"), malmo]
         if os.geteuid() != 0 else ["check", "--format", "json", "-o", "/proc/overens-out.json", malmo], 74,
         stderr=r"out.json: cannot write here",
         check=lambda out, err: not [n for n in os.listdir(fx["readonly"])] or (_ for _ in ()).throw(AssertionError("partial file left")))
    case("audit unwritable", ["audit", malmo, "-o", "/proc/overens/audit.xlsx"], 74, stderr=r"audit.xlsx: cannot write here")
    case("batch with bad files", ["check", "--format", "json"] + as_of + [fx["batch"]], 65,
         stderr=r"broken.txt: file is empty(.|\n)*dangling.txt: no such file",
         check=lambda out, err: len(json.loads(out)["findings"]) >= 3 or (_ for _ in ()).throw(AssertionError("malmo not processed")))
    case("batch with bad files says how many were not read", ["check", "--no-color"] + as_of + [fx["batch"]], 65,
         stderr=r"avvikelser i 1 fil, per 2026-11-22; 2 filer kunde inte läsas\n$")
    # files read on several threads: the same output, messages in file order
    case("jobs needs a number", ["check", "-j", "0", malmo], 2, stderr=r"-j needs a positive number")
    one = run(["check", "--format", "json", "--jobs", "1"] + as_of + [DEMO, fx["batch"]])
    for jobs in ("2", "8"):
        case("--jobs %s as --jobs 1" % jobs, ["check", "--format", "json", "--jobs", jobs] + as_of + [DEMO, fx["batch"]], one[0],
             check=lambda out, err: (out, err) == one[1:] or (_ for _ in ()).throw(AssertionError("output differs")))
    # choosing rules
    def rules_of(out):
        return {f["rule"] for f in json.loads(out)["findings"]}
    case("only a group", ["check", "--format", "json", "--only", "deadline"] + as_of + [nordost], 1,
         check=lambda out, err: rules_of(out) == {"deadline.passed"} or (_ for _ in ()).throw(AssertionError(rules_of(out))))
    case("ignore and min-severity", ["check", "--format", "json", "--ignore", "deadline,text.placeholder", "--min-severity", "warning"] + as_of + [nordost], 1,
         check=lambda out, err: rules_of(out) == {"target-group.changed"} or (_ for _ in ()).throw(AssertionError(rules_of(out))))
    case("misspelt rule", ["check", "--ignore", "dedline", nordost], 2, stderr=r"^overens: no rule is named 'dedline'; .*group: target-group, party")
    case("empty --only", ["check", "--only", ",", nordost], 2, stderr=r"--only needs rule ids or groups")
    case("bad severity", ["audit", "--min-severity", "high", DEMO], 2, stderr=r"--min-severity needs error, warning or info")
    case("rules listed by severity", ["rules", "--min-severity", "error"], 0,
         check=lambda out, err: len(out.splitlines()) == 3 and all(" fel " in l for l in out.splitlines()) or (_ for _ in ()).throw(AssertionError(out)))
    # Word documents
    def findings_of(out):
        return [(x["rule"], x["line"], x["evidence"]) for x in json.loads(out)["findings"]]
    malmo_findings = findings_of(run(["check", "--format", "json"] + as_of + [malmo])[1])
    case("docx as its text", ["check", "--format", "json"] + as_of + [fx["malmo.docx"]], 1,
         check=lambda out, err: findings_of(out) == malmo_findings or (_ for _ in ()).throw(AssertionError(findings_of(out))))
    case("odt as its text", ["check", "--format", "json"] + as_of + [fx["malmo.odt"]], 1,
         check=lambda out, err: findings_of(out) == malmo_findings or (_ for _ in ()).throw(AssertionError(findings_of(out))))
    case("old binary Word", ["check", fx["old-word.doc"]], 65, stderr=r"old-word.doc: an old Word \(.doc\) or other Office file; save it as .docx")
    case("damaged docx", ["check", fx["truncated.docx"]], 65, stderr=r"truncated.docx: a zip archive without word/document.xml")
    case("zip that is no docx", ["extract", fx["data.zip"]], 65, stderr=r"data.zip: a zip archive without word/document.xml")
    docx_dir = os.path.join(d, "word")
    os.makedirs(docx_dir)
    shutil.copy(fx["malmo.docx"], os.path.join(docx_dir, "lo.docx"))
    shutil.copy(fx["truncated.docx"], os.path.join(docx_dir, "~$lo.docx"))  # Word's lock file
    case("docx in a directory, lock file skipped", ["check", "--format", "json"] + as_of + [docx_dir], 1,
         check=lambda out, err: findings_of(out) == malmo_findings and "~$" not in err or (_ for _ in ()).throw(AssertionError(err)))
    # standard input as the file "-"
    with open(nordost, "rb") as fh:
        nordost_bytes = fh.read()
    with open(os.path.join(EXPECTED, "check-nordost.txt"), encoding="utf-8") as fh:
        nordost_expected = fh.read().replace("corpus/demo/lo-nordost-2024.txt", "<stdin>")
    case("check of stdin", ["check", "--no-color"] + as_of + ["-"], 1, stdin=nordost_bytes, stderr=r"avvikelser i 1 fil",
         check=lambda out, err: out == nordost_expected or (_ for _ in ()).throw(AssertionError("differs from the file's check")))
    with open(os.path.join(DEMO, "lo-sydvast-2025.pdf"), "rb") as fh:
        case("text of a pdf on stdin", ["text", "-"], 0, stdin=fh.read(), stdout=r"samverkansparternas")
    case("stdin with files", ["check", "--format", "json"] + as_of + [malmo, "-"], 1, stdin=nordost_bytes,
         check=lambda out, err: {f["file"] for f in json.loads(out)["findings"]} == {malmo, "<stdin>"} or (_ for _ in ()).throw(AssertionError("files")))
    case("empty stdin", ["extract", "-"], 65, stderr=r"^overens: <stdin>: file is empty")
    case("stdin twice", ["check", "-", "-"], 2, stderr=r"standard input \('-'\) can be read only once")
    # broken reference data: the file, the pattern and what to do, on one line, without RE2's own log
    refdir = os.path.join(d, "reference")
    shutil.copytree(os.path.join(ROOT, "corpus", "reference"), refdir)
    vocab = os.path.join(refdir, "vocabulary.xml")
    with open(vocab, encoding="utf-8") as fh:
        text = fh.read().replace("<placeholder>ÅÅÅÅ-MM-DD</placeholder>", "<placeholder>ÅÅÅÅ-(MM-DD</placeholder>")
    with open(vocab, "w", encoding="utf-8") as fh:
        fh.write(text)
    case("bad reference pattern", ["check", "--reference-dir", refdir, malmo], 65,
         stderr=r"^overens: vocabulary.xml: placeholder pattern 'ÅÅÅÅ-\(MM-DD' is not valid RE2 .*; correct it \(RE2 syntax\) or remove it\n$")
    # normal output
    case("check text", ["check", "--no-color"] + as_of + ["corpus/demo/lo-nordost-2024.txt"], 1,
         expected_file="check-nordost.txt", stderr=r"avvikelser i 1 fil, per 2026-11-22")
    case("check text in English", ["check", "--no-color", "--lang", "en"] + as_of + ["corpus/demo/lo-nordost-2024.txt"], 1,
         expected_file="check-nordost-en.txt", stderr=r"findings in 1 file, as of 2026-11-22")
    case("check of a PDF names pages", ["check", "--no-color"] + as_of + ["corpus/demo/lo-sydvast-2025.pdf"], 1,
         stdout=r"lo-sydvast-2025.pdf:55 \(sida 2, rad 25\):")
    case("check json of a PDF gives the page and the line on it", ["check", "--format", "json"] + as_of + ["corpus/demo/lo-sydvast-2025.pdf"], 1,
         check=lambda out, err: (json.loads(out)["findings"][0]["page"], json.loads(out)["findings"][0]["page_line"]) == (2, 25)
         or (_ for _ in ()).throw(AssertionError(out[:300])))
    case("check json", ["check", "--format", "json"] + as_of + [nordost], 1,
         check=lambda out, err: all(k in json.loads(out)["findings"][0] for k in ("rule", "severity", "file", "line", "message", "evidence")) or (_ for _ in ()).throw(AssertionError("keys")))
    case("extract json", ["extract", malmo], 0, check=lambda out, err: json.loads(out)["delregion"] == "Malmö" or (_ for _ in ()).throw(AssertionError("delregion")))
    case("extract xml", ["extract", "--format", "xml", malmo], 0,
         check=lambda out, err: xml.dom.minidom.parseString(out.encode()).documentElement.getAttribute("version") == "1" or (_ for _ in ()).throw(AssertionError("version")))
    case("text of pdf", ["text", "corpus/demo/lo-sydvast-2025.pdf"], 0, expected_file="text-sydvast-pdf.txt",
         check=lambda out, err: ("Sida 1" not in out and out.count("Vårdsamverkan Skåne") == 0 and "samverkansparternas" in out) or (_ for _ in ()).throw(AssertionError("artifacts left")))
    case("rules list", ["rules"], 0, expected_file="rules.txt")
    case("date", ["date", "under", "andra", "kvartalet", "2024"], 0, stdout=r'"start": "2024-04-01",\s+"end": "2024-06-30"')
    case("compare", ["compare", "corpus/demo/lo-sydost-2023.txt", "corpus/demo/lo-malmo-2024.txt"], 1, stdout=r"\[compare\.delregion\]")
    # sections by name, and a ladder on the line where it starts, with both ladders quoted
    case("compare sections", ["compare", "--no-color", "corpus/demo/lo-sydost-2023.txt", "corpus/demo/lo-mellersta-2019.txt"], 1,
         stdout=r"section 'Utvecklingsområden' only in the first \[compare\.section\]")
    # a renewal once shows with the end it moves to
    case("compare renewal", ["compare", "--no-color", "corpus/demo/lo-malmo-2024.txt", "corpus/synthetic/lo-malmo-2024-rubrikparter.txt"], 1,
         stdout=r"second: \"2026-03-31 \(förlängs till 2027-03-31\)\"")
    case("compare ladders", ["compare", "--no-color", "corpus/demo/lo-sydost-2023.txt", "corpus/demo/lo-malmo-2024.txt"], 1,
         stdout=r":[1-9][0-9]*: dispute ladder has 4 vs 3 steps \[compare\.dispute\]\n    first:  \"1\. Enhetschefer")
    baseline = os.path.join(d, "baseline.json")
    case("write baseline", ["check", "--write-baseline", baseline] + as_of + [nordost], 0, stderr=r"sparade \d+ avvikelser")
    case("check with baseline", ["check", "--baseline", baseline] + as_of + [nordost], 0, stderr=r"0 avvikelser.*godtagna i baslinjen")
    case("bad baseline", ["check", "--baseline", malmo, nordost], 65, stderr=r"not a baseline file")
    out_json = os.path.join(d, "audit.json")
    def audit_json_ok(out, err):
        audit = json.load(open(out_json))
        if len(audit["documents"]) != 6 or not any(a["passed"] == "ja" for a in audit["activities"]):
            raise AssertionError("documents or activities")
        return True
    case("audit json", ["audit", "--format", "json", "-o", out_json] + as_of + [DEMO], 0, check=audit_json_ok)
    # A Målgrupper section whose groups were not read: the matrix says so, not "saknas".
    unread = os.path.join(d, "unread.txt")
    with open(unread, "w", encoding="utf-8") as f:
        f.write("Lokal överenskommelse\n\nMålgrupper\nMålgrupperna framgår av bilaga 2.\n\nGiltighetstid\nGäller tills vidare.\n")
    unread_json = os.path.join(d, "unread.json")
    def unread_ok(out, err):
        cells = [c for c in json.load(open(unread_json))["matrix"] if c["dimension"] == "target-groups"]
        if len(cells) != 4 or any(c["status"] != "unread" or c["line"] != 3 for c in cells):
            raise AssertionError("target-group cells of an unread section: %r" % cells)
        return True
    case("audit unread target groups", ["audit", "--format", "json", "-o", unread_json] + as_of + [unread], 0,
         stderr=r"granskning av 1 dokument \(", check=unread_ok)
    xlsx = os.path.join(d, "audit.xlsx")
    audited = os.path.join(d, "audited")
    shutil.copytree(DEMO, audited)
    with open(os.path.join(audited, "broken.txt"), "wb") as fh:
        fh.write(b"")
    case("audit xlsx", ["audit", "--author", "Revisor Test", "-o", xlsx] + as_of + [audited], 65,
         stderr=r"granskning av 6 dokument")
    try:
        import openpyxl
        problems = check_workbook(openpyxl.load_workbook(xlsx), xlsx)
        if problems:
            failures.append("audit xlsx content: " + "; ".join(problems))
        else:
            passed += 1
        # Printed, it stays within a bound proportional to its rows (landscape, fit to width).
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            rows = sum(ws.max_row for ws in openpyxl.load_workbook(xlsx).worksheets)
            out_dir = os.path.join(d, "printed")
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", out_dir, xlsx], capture_output=True,
                           timeout=180)
            pdf = os.path.join(out_dir, "audit.pdf")
            pages = len(re.findall(rb"/Type\s*/Page[^s]", open(pdf, "rb").read())) if os.path.exists(pdf) else -1
            if pages < 1 or pages > rows // 12 + 10:
                failures.append("audit xlsx printed: %d pages for %d rows" % (pages, rows))
            else:
                passed += 1
        csv_out = os.path.join(d, "audit.csv")
        for table, heading in (("matrix", "Flik;Delregion;Fil;Punkt;Status;Rad;Citat"),
                               ("findings", "Id;Regel;Allvar;Delregion;Fil;Rad;Sida;Meddelande;Lokal lydelse;Ramöverenskommelsen"),
                               ("activities", "Delregion;Fil;Rad;Område;Ansvarig;Aktivitet;Senast;Tidsangivelse;Status")):
            case("audit csv " + table, ["audit", "--format", "csv", "--table", table, "-o", csv_out] + as_of + [DEMO], 0,
                 check=lambda out, err, heading=heading: open(csv_out, "rb").read().startswith(
                     b"\xef\xbb\xbf" + heading.encode() + b"\r\n") or (_ for _ in ()).throw(AssertionError(
                         open(csv_out, "rb").read()[:120])))
        # A large audit is written row by row: filters instead of tables, links as HYPERLINK formulas
        # (every row linked, past Excel's 65,530 links a sheet), the same sheets and rows.
        many = os.path.join(d, "many")
        os.makedirs(many)
        demo_text = open(os.path.join(DEMO, "lo-malmo-2024.txt"), "rb").read()
        for i in range(2001):
            with open(os.path.join(many, "lo-%04d.txt" % i), "wb") as fh:
                fh.write(demo_text)
        big = os.path.join(d, "many.xlsx")
        case("audit xlsx of 2,001 documents", ["audit", "-o", big] + as_of + [many], 0, stderr=r"granskning av 2001 dokument")
        book = openpyxl.load_workbook(big)
        overview = book.worksheets[0]
        first_link = overview.cell(row=2, column=1).value or ""
        problems = []
        if overview.max_row != 2002 or overview.auto_filter.ref != "A1:N2002" or overview.tables:
            problems.append("overview rows %d, filter %s, tables %d" % (overview.max_row, overview.auto_filter.ref, len(overview.tables)))
        if not first_link.startswith('=HYPERLINK("many/lo-'):
            problems.append("link %r" % first_link)
        if [ws.title for ws in book.worksheets] != [ws.title for ws in openpyxl.load_workbook(xlsx).worksheets]:
            problems.append("sheets differ from a small audit's")
        if problems:
            failures.append("audit xlsx of 2,001 documents: " + "; ".join(problems))
        else:
            passed += 1
        # Without --format, the name of -o says what to write.
        named_csv = os.path.join(d, "named.csv")
        case("audit -o x.csv writes CSV", ["audit", "-o", named_csv] + as_of + [DEMO], 0,
             check=lambda out, err: open(named_csv, "rb").read().startswith(b"\xef\xbb\xbfFlik;") or
             (_ for _ in ()).throw(AssertionError(open(named_csv, "rb").read()[:40])))
    except ImportError:
        print("note: python3-openpyxl missing, workbook content not checked")

    # Outputs that must not replace what they name; the inputs stay byte for byte.
    import hashlib
    def digest(path):
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    guarded = os.path.join(d, "guarded")
    os.makedirs(guarded)
    for name in ("lo-malmo-2024.txt", "lo-sydvast-2025.pdf"):
        shutil.copy(os.path.join(DEMO, name), guarded)
    shutil.copy(fx["malmo.docx"], guarded)
    g_txt, g_pdf, g_docx = (os.path.join(guarded, n) for n in ("lo-malmo-2024.txt", "lo-sydvast-2025.pdf", "malmo.docx"))
    os.symlink(g_txt, os.path.join(guarded, "link-to-lo.txt"))
    before = {p: digest(p) for p in (g_txt, g_pdf, g_docx)}
    over_input = r"is the input .*which would be overwritten; inputs are never modified"
    case("audit -o its input", ["audit", g_txt, "-o", g_txt], 2, stderr=over_input)
    case("extract -o its input", ["extract", g_txt, "-o", g_txt], 2, stderr=over_input)
    case("check -o a pdf input", ["check", g_pdf, "-o", g_pdf], 2, stderr=over_input)
    case("csv audit -o a docx input", ["audit", "--format", "csv", g_docx, "-o", g_docx], 2, stderr=over_input)
    case("-o an input in the directory given", ["audit", guarded, "-o", g_txt], 2, stderr=over_input)
    case("-o an input through a link", ["extract", g_txt, "-o", os.path.join(guarded, "link-to-lo.txt")], 2, stderr=over_input)
    case("-o an input by another path", ["extract", g_txt, "-o", os.path.join(guarded, "..", "guarded", "lo-malmo-2024.txt")], 2,
         stderr=over_input)
    case("write-baseline over its input", ["check", "--write-baseline", g_txt, g_txt], 2, stderr=over_input)
    for p, h in before.items():
        if digest(p) != h:
            failures.append("input changed: " + p)
    case("-o /dev/null", ["check", "--format", "json", "-o", "/dev/null"] + as_of + [malmo], 1)
    case("audit -o /dev/null", ["audit", "-o", "/dev/null"] + as_of + [malmo], 0)
    if not stat_is_char_device("/dev/null"):
        failures.append("/dev/null is no longer a device")
    case("-o /dev/stdout", ["extract", "-o", "/dev/stdout", malmo], 0, stdout=r'"delregion": "Malmö"')
    target = os.path.join(d, "private.json")
    with open(target, "w") as fh:
        fh.write("{}")
    os.chmod(target, 0o600)
    link = os.path.join(d, "link.json")
    os.symlink(target, link)
    case("-o through a symlink keeps link and mode", ["extract", "-o", link, malmo], 0,
         check=lambda out, err: (os.path.islink(link) and oct(os.stat(target).st_mode & 0o777) == "0o600"
                                 and os.path.getsize(target) > 100) or (_ for _ in ()).throw(AssertionError("link or mode")))
    stale = os.path.join(d, ".old.json.tmp-AbC123")
    fresh = os.path.join(d, ".new.json.tmp-XyZ789")
    for p in (stale, fresh):
        with open(p, "w") as fh:
            fh.write("partial")
    os.utime(stale, (0, 0))
    case("stale temporaries removed", ["extract", "-o", os.path.join(d, "out.json"), malmo], 0,
         check=lambda out, err: (not os.path.exists(stale) and os.path.exists(fresh))
         or (_ for _ in ()).throw(AssertionError("stale temporary kept or fresh one removed")))
    case("framework that does not parse", ["check", "--framework", fx["binary.txt"], malmo], 65,
         stderr=r"^overens: .*binary.txt: framework reference data, at byte \d+: .*; fix the file")
    case("framework that is a directory", ["check", "--framework", d, malmo], 66, stderr=r"is a directory, not a file")
    case("framework that is a device", ["check", "--framework", "/dev/null", malmo], 66, stderr=r"not a regular file")
    case("as-of before year 1000", ["check", "--as-of", "0001-01-01", malmo], 2, stderr=r"years 1000-9999")

    shutil.rmtree(d, ignore_errors=True)
    for f in failures:
        print("FAIL " + f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
