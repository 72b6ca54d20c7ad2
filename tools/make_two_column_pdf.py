#!/usr/bin/python3
"""Generates corpus/synthetic/lo-sydost-2026-tvaspalt.pdf: a synthetic local
agreement set in two columns under a full-width title, with running footers.
pdftotext -layout and poppler print such pages with the columns side by side
on each row, so `overens` has to put them back into reading order.
Run: /usr/bin/python3 tools/make_two_column_pdf.py"""
import os
import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate, Paragraph

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "corpus", "synthetic", "lo-sydost-2026-tvaspalt.pdf")

# (style, text): "h" heading, "p" paragraph, "b" bullet.
CONTENT = [
    ("h", "Bakgrund"),
    ("p", "Denna lokala överenskommelse mellan kommunerna Simrishamn, Sjöbo, Skurup, Tomelilla och Ystad "
          "och Region Skåne konkretiserar ramöverenskommelsen från 2021-02-11 för delregion Sydost."),
    ("h", "Syfte och mål"),
    ("p", "Syftet är att personer med psykisk ohälsa eller beroende ska få samordnade insatser av god "
          "kvalitet, oavsett vilken huvudman som ansvarar för insatsen."),
    ("h", "Målgrupper"),
    ("b", "Barn upp till 18 år som har eller riskerar att utveckla psykisk ohälsa eller psykisk funktionsnedsättning"),
    ("b", "Barn upp till 18 år och unga till och med 20 år som vårdas utanför det egna hemmet"),
    ("b", "Personer i alla åldrar med psykisk funktionsnedsättning"),
    ("b", "Personer i alla åldrar som missbrukar alkohol, narkotika, andra beroendeframkallande medel, "
          "läkemedel, dopningsmedel eller spel om pengar"),
    ("h", "Parter"),
    ("p", "För kommunerna:"),
    ("b", "Socialförvaltningarna inklusive LSS"),
    ("b", "Barn- och utbildningsförvaltningarna med elevhälsan"),
    ("p", "För Region Skåne:"),
    ("b", "Barn- och ungdomspsykiatrin"),
    ("b", "Vuxenpsykiatrin Ystad"),
    ("h", "Giltighetstid"),
    ("p", "Överenskommelsen gäller från och med 2026-03-01 till och med 2028-12-31."),
    ("h", "Tvister"),
    ("p", "1. Tvister löses i första hand av berörda verksamhetschefer."),
    ("p", "2. Därefter av den delregionala samverkansgruppen."),
    ("p", "3. Därefter av Skånegemensam samverkansgrupp psykiatri (SSP)."),
    ("p", "4. Slutligen av Centralt samverkansorgan."),
    ("h", "Samverkansstruktur"),
    ("p", "Den delregionala samverkansgruppen leder arbetet och består av verksamhetschefer från kommunerna "
          "och Region Skåne. Gruppen möts fyra gånger per år."),
    ("h", "Utvecklingsområden"),
    ("h", "Suicidprevention"),
    ("p", "Målsättning"),
    ("p", "Färre suicid och suicidförsök i delregionen genom gemensamma utbildningsinsatser."),
    ("p", "Aktiviteter"),
    ("p", "Samverkansgruppen ska ta fram en gemensam handlingsplan för suicidprevention senast 2026-10-31."),
    ("p", "Uppföljning"),
    ("p", "Antal genomförda utbildningar redovisas i årsrapporten."),
    ("h", "Samordnad individuell plan (SIP)"),
    ("p", "Målsättning"),
    ("p", "Fler personer ska få en samordnad individuell plan när de har insatser från båda huvudmännen."),
    ("p", "Aktiviteter"),
    ("p", "Verksamhetscheferna ska genomföra en gemensam SIP-utbildning under hösten 2026."),
    ("p", "Uppföljning"),
    ("p", "Antal upprättade planer följs upp per kvartal."),
    ("h", "Uppföljning av överenskommelsen"),
    ("p", "Överenskommelsen följs upp årligen av den delregionala samverkansgruppen som rapporterar till "
          "Centralt samverkansorgan."),
    ("p", "Ystad den 15 februari 2026"),
]


def main():
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    if not (os.path.exists(font) and os.path.exists(bold)):
        sys.exit("make_two_column_pdf: needs fonts-dejavu-core (%s)" % font)
    pdfmetrics.registerFont(TTFont("DejaVu", font))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", bold))
    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("body", fontName="DejaVu", fontSize=10, leading=13)
    heading = styles["Heading2"].clone("heading", fontName="DejaVu-Bold", fontSize=12, leading=16)
    title = styles["Title"].clone("title", fontName="DejaVu-Bold", fontSize=16)
    width, height = A4
    margin, gutter = 50, 24
    column = (width - 2 * margin - gutter) / 2

    def footer(c, doc):
        c.setFont("DejaVu", 8)
        c.drawString(width / 2 - 20, 25, "Sida %d" % doc.page)

    def columns(top):
        return [Frame(margin, margin, column, top - margin, id="left"),
                Frame(margin + column + gutter, margin, column, top - margin, id="right")]

    first = PageTemplate(id="first", onPage=footer,
                         frames=[Frame(margin, height - margin - 50, width - 2 * margin, 50, id="title")] + columns(height - margin - 60))
    later = PageTemplate(id="later", onPage=footer, frames=columns(height - margin))
    doc = BaseDocTemplate(OUT, pagesize=A4, pageTemplates=[first, later], invariant=1,
                          title="Lokal överenskommelse Sydost 2026")
    story = [Paragraph("Lokal överenskommelse Sydost 2026", title), NextPageTemplate("later"), FrameBreak()]
    for kind, text in CONTENT:
        if kind == "h":
            story.append(Paragraph(text, heading))
        elif kind == "b":
            story.append(Paragraph(text, body, bulletText="•"))
        else:
            story.append(Paragraph(text, body))
    doc.build(story)
    print(OUT)


if __name__ == "__main__":
    main()
