#!/usr/bin/python3
"""Generates corpus/demo/lo-sydvast-2025.pdf: a synthetic local agreement laid
out like a real exported PDF (running header and footer with page numbers,
bullets, a word hyphenated across a line break), so that `overens text` has
PDF artifacts to repair. Run: /usr/bin/python3 tools/make_demo_pdf.py"""
import os
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "corpus", "demo", "lo-sydvast-2025.pdf")

# Each entry is one printed line; "•" lines are bullets; "" is a blank line;
# "<page>" starts a new page.
LINES = [
    "Lokal överenskommelse Skåne sydväst",
    "Svedala, Trelleborg och Vellinge kommuner samt Region Skåne",
    "",
    "Bakgrund",
    "Överenskommelsen utgår från Ramöverenskommelsen 2021-02-11 och beskriver hur",
    "kommunerna Svedala, Trelleborg och Vellinge tillsammans med Region Skåne organiserar",
    "sitt gemensamma arbete. Den ersätter den lokala överenskommelsen från 2023.",
    "",
    "Målgrupper",
    "• Barn upp till 18 år som har eller riskerar att utveckla psykisk ohälsa eller psykisk",
    "funktionsnedsättning",
    "• Barn upp till 18 år och unga till och med 20 år som vårdas utanför det egna hemmet",
    "• Personer i alla åldrar med psykisk funktionsnedsättning",
    "• Personer i alla åldrar som missbrukar alkohol, narkotika, andra beroendeframkallande",
    "medel, läkemedel, dopningsmedel eller spel om pengar",
    "",
    "Parter",
    "För kommunerna:",
    "• Socialförvaltningarna inklusive LSS",
    "• Utbildningsförvaltningarna med elevhälsa",
    "För Region Skåne:",
    "• Barn- och ungdomspsykiatrin",
    "• Vuxenpsykiatrin Trelleborg",
    "• Vårdcentralerna i sydväst",
    "<page>",
    "Tvister",
    "1. Närmaste chef med mandat att besluta i frågan.",
    "2. Verksamhetschef respektive förvaltningschef.",
    "3. Skånegemensam samverkansgrupp psykiatri (SSP).",
    "4. Centralt Samverkansorgan.",
    "",
    "Uppföljning av överenskommelsen",
    "Den delregionala styrgruppen följer upp överenskommelsen årligen och rapporterar",
    "till tjänstemannaberedningen. Styrgruppen ansvarar för att sammanställa samverk-",
    "ansparternas redovisningar inför uppföljningen.",
    "",
    "Giltighetstid",
    "Överenskommelsen gäller från och med 2025-02-01 och tills vidare med arton",
    "månaders uppsägningstid.",
    "",
    "Handlingsplan 2025–2027",
    "",
    "Samordnad individuell plan (SIP)",
    "Målsättning",
    "Fler SIP ska upprättas tillsammans med den enskilde.",
    "Aktiviteter",
    "• Vuxenpsykiatrin samordnar SIP-utbildning för socialtjänsten under våren 2026.",
    "<page>",
    "Uppföljning",
    "Antal SIP per kommun redovisas till styrgruppen kvartalsvis.",
    "",
    "Trelleborg den 20 januari 2025",
    "",
    "Lena Persson",
    "Socialchef Trelleborgs kommun",
]


def main():
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not os.path.exists(font):
        sys.exit("make_demo_pdf: needs fonts-dejavu-core (%s)" % font)
    pdfmetrics.registerFont(TTFont("DejaVu", font))
    c = canvas.Canvas(OUT, pagesize=A4, invariant=1)
    c.setTitle("Lokal överenskommelse Skåne sydväst")
    width, height = A4
    pages = [[]]
    for line in LINES:
        if line == "<page>":
            pages.append([])
        else:
            pages[-1].append(line)
    for number, page in enumerate(pages, start=1):
        c.setFont("DejaVu", 9)
        c.drawString(56, height - 40, "Vårdsamverkan Skåne – Lokal överenskommelse Sydväst")
        c.drawString(width - 100, 30, "Sida %d av %d" % (number, len(pages)))
        c.setFont("DejaVu", 11)
        y = height - 80
        for line in page:
            if line:
                c.drawString(56, y, line)
            y -= 16
        c.showPage()
    c.save()
    print(OUT)


if __name__ == "__main__":
    main()
