#include "extractor/columns.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

namespace overens {
namespace {

// The rows of `lines`, numbered from 1; the strings must outlive the rows.
std::vector<PageRow> Rows(const std::vector<std::string>& lines) {
  std::vector<PageRow> rows;
  for (size_t i = 0; i < lines.size(); ++i) rows.push_back({lines[i], static_cast<int>(i + 1)});
  return rows;
}

std::vector<std::string> Texts(const std::vector<PageRow>& rows) {
  std::vector<std::string> out;
  for (const PageRow& r : rows) out.emplace_back(r.text);
  return out;
}

std::vector<int> Lines(const std::vector<PageRow>& rows) {
  std::vector<int> out;
  for (const PageRow& r : rows) out.push_back(r.source_line);
  return out;
}

TEST_CASE("two columns are read one after the other", "[columns]") {
  const std::vector<std::string> page = {
      "            Lokal överenskommelse 2026",
      "",
      "Målgrupper                              Samverkansstruktur",
      "• Barn upp till 18 år som har eller     Den delregionala gruppen leder",
      "riskerar att utveckla psykisk ohälsa    arbetet och möts fyra gånger",
      "                                        per år.",
      "Parter                                  Tvister",
      "Socialförvaltningarna inklusive LSS     1. Närmaste chef.",
      "",
      "                 Sida 1",
  };
  auto rows = ReadingOrder(Rows(page));
  CHECK(Texts(rows) == std::vector<std::string>{
                           "            Lokal överenskommelse 2026", "", "Målgrupper",
                           "• Barn upp till 18 år som har eller", "riskerar att utveckla psykisk ohälsa",
                           "Parter", "Socialförvaltningarna inklusive LSS", "", "", "Samverkansstruktur",
                           "Den delregionala gruppen leder", "arbetet och möts fyra gånger", "per år.", "Tvister",
                           "1. Närmaste chef.", "", "                 Sida 1"});
  // Every part keeps the line it was printed on; a blank row is blank in
  // both columns; the title and the footer stay where they are.
  CHECK(Lines(rows) == std::vector<int>{1, 2, 3, 4, 5, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9, 10});
}

TEST_CASE("a footer at the margin stays at the foot of the page", "[columns]") {
  const std::vector<std::string> page = {
      "Målgrupper                              Samverkansstruktur",
      "• Barn upp till 18 år som har eller     Den delregionala gruppen leder",
      "riskerar att utveckla psykisk ohälsa    arbetet och möts fyra gånger",
      "• Personer i alla åldrar med psykisk    per år, oftare vid behov av",
      "funktionsnedsättning                    gemensamma beslut.",
      "",
      "",
      "Vårdsamverkan Skåne 2026",
  };
  auto texts = Texts(ReadingOrder(Rows(page)));
  REQUIRE(texts.size() >= 3);
  CHECK(texts.back() == "Vårdsamverkan Skåne 2026");
  CHECK(texts[texts.size() - 2].empty());
  CHECK(texts[5] == "Samverkansstruktur");
}

// A page whose right column holds a few lines beside a long left one (the
// last page of an agreement, a short one): still two columns.
TEST_CASE("a short right column beside a long left one is a column", "[columns]") {
  std::vector<std::string> page = {
      "Avtalet följs upp en gång per år av    Uppföljningen redovisas för styrgruppen",
      "ledningsgruppen i delregionen och       och de delregionala samverkansgrupperna",
      "redovisas i årsrapporten till de        varje höst i samband med budgeten för",
      "politiska nämnderna i kommunerna.       det kommande verksamhetsåret."};
  for (int k = 0; k < 30; ++k) page.push_back("Vidare text om samverkan i kommunerna rad " + std::to_string(k));
  auto texts = Texts(ReadingOrder(Rows(page)));
  REQUIRE(texts.size() >= 8);
  CHECK(texts[0] == "Avtalet följs upp en gång per år av");
  CHECK(texts[1] == "ledningsgruppen i delregionen och");
}

// A table in the left column has a column of its own that more rows start
// at than the right column does; prose runs across it, not across the gutter.
TEST_CASE("a table inside a column is the column's, and its cells never make the gutter", "[columns]") {
  const std::vector<std::string> page = {
      "Överenskommelsen tecknas av parterna         6. Tvister",
      "i tabellen, som företräds av nämnderna:      Vid oenighet om tolkningen",
      "Part                   Företrädare            Tvister hanteras i följande ordning",
      "Bromölla kommun        Socialnämnden          där närmaste chefer möts först och",
      "Hässleholms kommun     Omsorgsnämnden         därefter den delregionala gruppen.",
      "Kristianstads kommun   Nämnden för arbete",
      "Region Skåne           Psykiatri Skåne        Kristianstad den 15 december 2023",
      "",
      "Överenskommelsen omfattar barn och",
      "unga med psykisk ohälsa och vuxna med",
      "psykisk funktionsnedsättning i alla",
      "kommunerna i delregionen nordost.",
  };
  auto texts = Texts(ReadingOrder(Rows(page)));
  REQUIRE(texts.size() == 19);
  CHECK(texts[2] == "Part                   Företrädare");
  CHECK(texts[6] == "Region Skåne           Psykiatri Skåne");
  CHECK(texts[8] == "Överenskommelsen omfattar barn och");
  CHECK(texts[12] == "6. Tvister");
  CHECK(texts[17] == " Kristianstad den 15 december 2023");
}

// The last page of a brochure: the left column runs down the page, the
// right one holds three lines at its top; a centred footer runs across.
TEST_CASE("a few lines beside a long left column that fills its width are a column", "[columns]") {
  std::vector<std::string> page = {"                                       Avtalet följs upp en gång per år",
                                   "Överenskommelse om samverkan mellan    av ledningsgruppen i delregionen.",
                                   "Malmö stad och Region Skåne om vård",
                                   "av personer med psykisk ohälsa och     Malmö den 15 mars 2024"};
  for (int k = 0; k < 10; ++k) page.push_back("vidare text om samverkan i kommun " + std::to_string(k));
  page.push_back("                              Sida 1 av 1");
  auto texts = Texts(ReadingOrder(Rows(page)));
  REQUIRE(texts.size() == page.size() + 2);
  CHECK(texts[0] == "Överenskommelse om samverkan mellan");
  CHECK(texts[13] == "Avtalet följs upp en gång per år");
  CHECK(texts.back() == "                              Sida 1 av 1");
  // Must not: lines of a single column running across where the few lines start.
  for (int k = 0; k < 10; ++k) page[4 + static_cast<size_t>(k)] = "vidare text om samverkan i kommunerna och regionen som går över " + std::to_string(k);
  CHECK(Texts(ReadingOrder(Rows(page))) == page);
}

// A right column of numbered steps and a date going on in words is prose.
TEST_CASE("a right column of numbered items is a column; a column of amounts is none", "[columns]") {
  const std::vector<std::string> page = {
      "Ramöverenskommelse mellan Region Skåne             3. Skånegemensam samverkansgrupp",
      "och kommunerna i Skåne                             psykiatri (SSP).",
      "om samarbete för personer med psykisk              4. Centralt Samverkansorgan.",
      "Bakgrund                                           Ramöverenskommelsen gäller från och med",
      "Region Skåne och de 33 kommunerna i                2021-02-11 och tills vidare.",
  };
  auto texts = Texts(ReadingOrder(Rows(page)));
  REQUIRE(texts.size() == 10);
  CHECK(texts[5] == "3. Skånegemensam samverkansgrupp");
  CHECK(texts[9] == "2021-02-11 och tills vidare.");
  // Must not: a table whose right column holds amounts and dates.
  const std::vector<std::string> amounts = {
      "Kartläggning av stödet till unga vuxna            1 000 000 kr",
      "Utbildning i suicidprevention för personal        2025-06-30",
      "Gemensam rutin för samsjuklighet i delregionen    Q2 2025",
      "Uppföljning av planerna i ledningsgruppen         250 000 kr",
  };
  CHECK(Texts(ReadingOrder(Rows(amounts))) == amounts);
}

TEST_CASE("tables and indented text keep their rows", "[columns]") {
  const std::vector<std::string> amounts = {
      "Delregion                 Belopp",  "Malmö                     1000000", "Mellersta                 2206828",
      "Nordost                   1520685", "Nordväst                  3000000", "Sydost                    1183271",
      "Sydväst                   2438048",
  };
  CHECK(Texts(ReadingOrder(Rows(amounts))) == amounts);
  const std::vector<std::string> grid = {
      "Aktivitet                      Ansvarig            Tidplan",
      "Gemensam utbildning i SIP      Styrgruppen         hösten 2025",
      "Rutin för avvikelser           Arbetsgruppen       våren 2026",
      "Introduktionsdag för nya       Samverkansgruppen   2026",
      "Uppföljning av planerna        Styrgruppen         årligen",
  };
  CHECK(Texts(ReadingOrder(Rows(grid))) == grid);
  const std::vector<std::string> owners = {
      "Ta fram en rutin för SIP-möten i skolan          Styrgruppen",
      "Utbilda personal i suicidprevention              Arbetsgruppen",
      "Inventera behovet av stöd till anhöriga          Samverkansgruppen",
      "Följa upp antalet upprättade planer              Styrgruppen",
      "Sprida information om BUP-online                 Kommunerna",
  };
  CHECK(Texts(ReadingOrder(Rows(owners))) == owners);
  const std::vector<std::string> labels = {
      "SIP      Samordnad individuell plan enligt lagen",  "SSP      Skånegemensam samverkansgrupp psykiatri",
      "CSO      Centralt samverkansorgan i Skåne län",      "LSS      Lag om stöd och service till vissa",
      "BUP      Barn- och ungdomspsykiatrin i regionen",
  };
  CHECK(Texts(ReadingOrder(Rows(labels))) == labels);
  const std::vector<std::string> prose = {"Målgrupper", "   • Barn upp till 18 år", "   • Personer i alla åldrar"};
  CHECK(Texts(ReadingOrder(Rows(prose))) == prose);
}

// A contents list wrapped in the right column beside a title page: its
// rows of dot leaders alone stand for entries' words, and the columns are
// still read one after the other. Must not: a one-column contents list.
TEST_CASE("a contents list's dot leaders in the right column are prose of that column", "[columns]") {
  const std::vector<std::string> page = {
      "Rapport om samverkan                          ..................6 3 VÅRD OCH OMSORG",
      "kring barns och ungas hälsa                   FÖR BARN OCH UNGA MED PSYKISK OHÄLSA",
      "                                              .......................7 3.1 BARN OCH",
      "Granskning av kommunen                        UNGA MED PSYKISK OHÄLSA",
      "Februari 2013                                 ........................................",
      "                                              ........................................",
      "Anna Andersson                                ....7 3.2 LAGAR OCH RIKTLINJER",
      "                                              ........................................",
      "Bertil Berg                                   ........................................",
      "                                              .............................7 4",
      "Innehåll                                      SAMVERKAN PÅ ÖVERGRIPANDE NIVÅ",
      "1 SAMMANFATTNING ...3 2 GRANSKNINGENS         ........................................",
      "INRIKTNING OCH OMFATTNING                     ......................................8",
  };
  std::vector<std::string> read = Texts(ReadingOrder(Rows(page)));
  REQUIRE(read.size() > 13);
  CHECK(read[0] == "Rapport om samverkan");
  auto at = [&](const std::string& text) { return std::find(read.begin(), read.end(), text) - read.begin(); };
  CHECK(at("INRIKTNING OCH OMFATTNING") == at("1 SAMMANFATTNING ...3 2 GRANSKNINGENS") + 1);
  const std::vector<std::string> contents = {
      "Innehåll",
      "1 Inledning ........................................ 3",
      "2 Målgrupper ....................................... 4",
      "3 Ansvarsfördelning ................................ 6",
      "4 Tvister .......................................... 9",
  };
  CHECK(Texts(ReadingOrder(Rows(contents))) == contents);
}

TEST_CASE("only text with a gutter between words may have columns", "[columns]") {
  CHECK_FALSE(MayHaveColumns("Målgrupper\n   • Barn upp till 18 år\nslut   \n"));
  CHECK(MayHaveColumns("Målgrupper     Parter\n"));
  CHECK_FALSE(MayHaveColumns(""));
  // A gutter of three spaces or more at any offset, after words of any length.
  for (size_t before = 0; before < 20; ++before)
    for (size_t gap = 1; gap < 6; ++gap) {
      std::string text = "\n" + std::string(before, 'a') + std::string(gap, ' ') + "b\n";
      INFO(before << " " << gap);
      CHECK(MayHaveColumns(text) == (before > 0 && gap >= 3));
      CHECK_FALSE(MayHaveColumns(std::string(before, 'a') + std::string(gap, ' ') + "\n"));
    }
}

}  // namespace
}  // namespace overens
