#include "extractor/structure.h"

#include <catch2/catch.hpp>

namespace overens {
namespace {

Structure Analyze(const std::string& text) {
  StructureAnalyzer analyzer({{"parter", "^parter$"}, {"tvister", "^tvister$"}}, {"ansvarig", "klart", "tid"});
  return analyzer.Analyze(Normalize(SourceText{"t.txt", text, "utf-8", {}}));
}

std::vector<std::string> HeadingTexts(const Structure& s) {
  std::vector<std::string> out;
  for (const Heading& h : s.headings) out.push_back(h.text);
  return out;
}

TEST_CASE("headings name sections and sub-headings; numbering is not part of their text", "[structure]") {
  Structure s = Analyze("Lokal överenskommelse\n\n1. Parter\nKommunerna och regionen.\n\n§ 2 Tvister\nSe ramen.\n\nMål:\nFärre.\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Lokal överenskommelse", "Parter", "Tvister", "Mål"});
  CHECK(s.headings[1].section_id == "parter");
  CHECK(s.headings[2].section_id == "tvister");
  CHECK(s.headings[3].sub == SubHeading::kGoal);
}

// "1. Närmaste chef" under "Tvister" used to chain on as headings.
TEST_CASE("lines numbered one after the other are a list, not headings", "[structure]") {
  Structure s = Analyze("Tvister\n1. Närmaste chef\n2. Förvaltningschef\n3. Delregional ledningsgrupp\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Tvister"});
  CHECK(s.units.size() == 3);
  // Must not: numbered headings with text between them, or numbered section names.
  CHECK(HeadingTexts(Analyze("Avtal\n\n1. Bakgrund\nText om bakgrunden.\n\n2. Syfte\nText om syftet.\n")) ==
        std::vector<std::string>{"Avtal", "Bakgrund", "Syfte"});
  CHECK(HeadingTexts(Analyze("Avtal\n\n1. Parter\n2. Tvister\nSe ramen.\n")) == std::vector<std::string>{"Avtal", "Parter", "Tvister"});
}

// "Ansvarig: BUP" after a heading used to chain on as a heading of its own.
TEST_CASE("a field line is no heading and starts a unit of its own", "[structure]") {
  Structure s = Analyze("Kartläggning av väntetider\nAnsvarig: Psykiatri Skåne\nKlart: 2025-06-30\n\n"
                        "\u2022 En lång aktivitet som fortsätter utan punkt på raden\nAnsvarig: BUP\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Kartläggning av väntetider"});
  REQUIRE(s.units.size() == 4);
  CHECK(s.units[0].text == "Ansvarig: Psykiatri Skåne");
  CHECK(s.field_label[s.units[0].first] == "ansvarig");
  CHECK(s.field_label[s.units[1].first] == "klart");
  CHECK(s.units[3].text == "Ansvarig: BUP");
  // Must not: a label that is no field word, a colon far in, a lower-case start.
  Structure other = Analyze("Prioriterat område: Suicidprevention\n\nText.\nVi följer upp detta, tid: oklart.\nansvarig: x\n");
  CHECK(HeadingTexts(other) == std::vector<std::string>{"Prioriterat område: Suicidprevention"});
  for (const std::string& label : other.field_label) CHECK(label.empty());
}

// Under a heading, a line whose colon was left out introduces its list when
// the items go on in lower case; it heads nothing.
TEST_CASE("a line introducing a lower-case list is no heading", "[structure]") {
  Structure s = Analyze("Målgrupper\nÖverenskommelsen omfattar\na) barn upp till 18 år,\nb) personer i alla åldrar.\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Målgrupper"});
  REQUIRE(s.units.size() == 3);
  CHECK(s.units[1].bullet == Bullet::kNumber);
  // Must not: a heading over items in upper case stays a heading.
  Structure upper = Analyze("Målgrupper\nBarn och unga\na) Barn upp till 18 år.\n");
  CHECK(HeadingTexts(upper) == std::vector<std::string>{"Målgrupper", "Barn och unga"});
}

TEST_CASE("each row of a table is a unit of its own", "[structure]") {
  Structure s = Analyze("Parter\nPart                Företrädare\nBromölla kommun     Socialnämnden\n"
                        "Region Skåne        Psykiatri Skåne och vårdcentralerna i nordost\n");
  REQUIRE(s.units.size() == 3);
  CHECK(s.units[2].text == "Region Skåne Psykiatri Skåne och vårdcentralerna i nordost");
}

// A word processor's paragraphs have no blank lines between them: an
// activity's title right after the field lines of the one before, a heading
// right under a table's last row.
TEST_CASE("a line after a record's field line or a table's row may head what follows", "[structure]") {
  Structure s = Analyze("Plan\n\n1.1 Kartläggning av riskgrupper\nAnsvarig: Psykiatri Skåne\nKlart: 2025-06-30\n"
                        "1.2 Gemensam utbildning i suicidriskbedömning\nAnsvarig: BUP\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Plan", "Kartläggning av riskgrupper", "Gemensam utbildning i suicidriskbedömning"});
  Structure table = Analyze("Kroppslig hälsa\nAktivitet      Ansvarig\nHälsosamtal    Kommunerna\nRutin          Psykiatri Skåne\n"
                            "Suicidprevention\nUtbildning för skolpersonal.\n");
  CHECK(HeadingTexts(table) == std::vector<std::string>{"Kroppslig hälsa", "Suicidprevention"});
  // Must not: a line after one left unfinished that is no field goes on with it.
  Structure prose = Analyze("Plan\n\nKommunerna och regionen ansvarar enligt ramöverenskommelsen och lagen sedan flera år gemensamt för\nGemensam utbildning\n");
  CHECK(HeadingTexts(prose) == std::vector<std::string>{"Plan"});
}

TEST_CASE("the next number of numbered headings heads a section, blank line before it or not", "[structure]") {
  Structure s = Analyze("Avtal\n\n3. Målgrupper\nBarn och unga:\n\u2022 upp till 18 år\n4. Ansvarsfördelning\nKommunerna ansvarar för boendestöd.\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Avtal", "Målgrupper", "Ansvarsfördelning"});
  // Must not: a number that does not follow the headings' is an item.
  Structure other = Analyze("Avtal\n\n3. Målgrupper\nBarn och unga:\n\u2022 upp till 18 år\n7. Ansvarsfördelning\nText.\n");
  CHECK(HeadingTexts(other) == std::vector<std::string>{"Avtal", "Målgrupper"});
}

// A PDF without bullet glyphs: the items stand one per line under their
// lead-in, and a page break (its header and footer gone) may fall between two.
TEST_CASE("a lead-in ending in ':' is over its first item, and items go on over a page break", "[structure]") {
  Structure s = Analyze("Ansvar\n\nParterna har kommit överens om följande fördelning av ansvaret mellan sig.\n"
                        "Kommunerna ansvarar för:\nboendestöd\n\n\n\fsysselsättning\nRegionen ska:\nerbjuda behandling\n");
  std::vector<std::string> units;
  for (const Unit& u : s.units) units.push_back(u.text);
  CHECK(units == std::vector<std::string>{"Parterna har kommit överens om följande fördelning av ansvaret mellan sig.", "Kommunerna ansvarar för:", "boendestöd", "sysselsättning", "Regionen ska:", "erbjuda behandling"});
  // Must not: a lower-case line after a lead-in that wrapped goes on with it.
  Structure wrapped = Analyze("Ansvar\n\nKommunerna ansvarar för:\nboendestöd\n");
  REQUIRE(wrapped.units.size() == 1);
}

// A PDF without bullet glyphs: the first item under "Aktiviteter" used to
// head the rest when a blank line fell inside it after "och".
TEST_CASE("a line left mid-phrase is no heading unless a short line right under it ends it", "[structure]") {
  Structure s = Analyze("Aktiviteter\nVuxenpsykiatrin samordnar och genomför SIP-utbildningar med inriktning vuxna och\n\n"
                        "unga vuxna i form av workshops under 2024.\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Aktiviteter"});
  // Must not: a heading wrapped onto a short line stays a heading.
  Structure wrapped = Analyze("Text.\n\nPersoner med skadligt bruk och beroende av spel om\npengar\n\nMålsättning\nFärre.\n");
  CHECK(HeadingTexts(wrapped) == std::vector<std::string>{"Personer med skadligt bruk och beroende av spel om pengar", "Målsättning"});
}

// A word processor's PDF whose list lost its markers: a lead-in wrapped
// over two lines, a blank line, then the items.
TEST_CASE("items a blank line under a lead-in are items, not headings; '(inkl. BVC)' ends no sentence", "[structure]") {
  Structure s = Analyze("Parter\nParter i denna överenskommelse för Trelleborgs kommun, Svedala kommun och\nVellinge kommun:\n\n"
                        "Socialförvaltningen inkl. LSS\nBarn- och utbildningsförvaltningen\n"
                        "Region Skånes vårdcentraler (inkl. BVC, BMM)\nVuxenpsykiatri\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Parter"});
  REQUIRE(s.units.size() == 5);
  CHECK(s.units[0].text == "Parter i denna överenskommelse för Trelleborgs kommun, Svedala kommun och Vellinge kommun:");
  for (size_t k = 1; k < 5; ++k) CHECK(s.units[k].bullet == Bullet::kIndent);
  // Over a page break too (its header and footer gone).
  Structure paged = Analyze("Parter\nRegionens parter:\n\n\n\fBarn- och ungdomspsykiatri\nVuxenpsykiatri\n");
  CHECK(HeadingTexts(paged) == std::vector<std::string>{"Parter"});
  // Must not: a label over a blank line heads what follows.
  Structure label = Analyze("Text.\n\nAktiviteter:\n\nUtbildning för personal\nText om den.\n");
  CHECK(HeadingTexts(label).size() >= 2);
}

TEST_CASE("a lead-in ending in its verb is over the list a blank line under it, a question is a heading", "[structure]") {
  CHECK(HeadingTexts(Analyze("Avtal\n\nParter\n\nÖverenskommelsen omfattar\n\n\u2022 Malmö stad\n\u2022 Region Skåne\n")) ==
        std::vector<std::string>{"Avtal", "Parter"});
  CHECK(HeadingTexts(Analyze("Avtal\n\nParter\n\nAvtalet gäller\n\nkommunerna och regionen.\n")) ==
        std::vector<std::string>{"Avtal", "Parter"});
  // Must not: a question over its text, or such a line over a sentence of its own.
  CHECK(HeadingTexts(Analyze("Avtal\n\nVad avtalet omfattar\n\n\u2022 Malmö stad\n")) ==
        std::vector<std::string>{"Avtal", "Vad avtalet omfattar"});
  CHECK(HeadingTexts(Analyze("Avtal\n\nDet som gäller\n\nRamen gäller.\n")) == std::vector<std::string>{"Avtal", "Det som gäller"});
}

std::vector<std::string> UnitTexts(const Structure& s) {
  std::vector<std::string> out;
  for (const Unit& u : s.units) out.push_back(u.text);
  return out;
}

// The left column ends mid-sentence; the right one goes on with it after the
// blank rows at the foot of the one and the head of the other.
TEST_CASE("a sentence goes on over a column break, and past an abbreviation that ends no sentence", "[structure]") {
  auto page = [](const std::string& last_left) {
    return "Parter                                        Vellinge kommun:\n"
           "Överenskommelsen tecknas av kommunerna i      Socialförvaltningen inkl.\n"
           "sydväst och Region Skåne. Parter i denna      LSS\n"
           "överenskommelse för Trelleborgs kommun,       Barn- och utbildningsförvaltningen\n" +
           last_left + "\n\n";
  };
  auto ends_with = [](const std::vector<std::string>& units, const std::string& end) {
    return std::any_of(units.begin(), units.end(), [&](const std::string& u) { return u.ends_with(end); });
  };
  std::vector<std::string> units = UnitTexts(Analyze(page("Svedala kommun och")));
  CHECK(ends_with(units, "Svedala kommun och Vellinge kommun:"));
  CHECK(std::find(units.begin(), units.end(), "Socialförvaltningen inkl. LSS") != units.end());
  // Must not: a sentence ended before the break is not joined to what follows it.
  units = UnitTexts(Analyze(page("Svedala kommun och Höörs kommun.")));
  CHECK(ends_with(units, "Svedala kommun och Höörs kommun."));
  CHECK(std::find(units.begin(), units.end(), "Vellinge kommun:") != units.end());
}

TEST_CASE("a line wrapping onto a lower-case line of a list's commas is no heading", "[structure]") {
  const std::string items =
      "Målgrupper\n\nPersoner i alla åldrar med psykisk\nfunktionsnedsättning.\n\n"
      "Personer i alla åldrar som missbrukar\nalkohol, narkotika, andra\n\n\n\nberoendeframkallande medel\n";
  CHECK(HeadingTexts(Analyze(items)) == std::vector<std::string>{"Målgrupper"});
  // Must not: a heading wrapped onto a short line without commas stays one.
  CHECK(HeadingTexts(Analyze("Avtal\n\nPersoner med skadligt bruk och beroende\nav spel om pengar\n\nText om spel.\n")) ==
        std::vector<std::string>{"Avtal", "Personer med skadligt bruk och beroende av spel om pengar"});
}

TEST_CASE("a numbered item after a wrapped one is no heading; a full marked line goes on onto the next", "[structure]") {
  const std::string ladder =
      "Tvister\nOenighet hanteras stegvis:\n1. Berörda enhetschefer söker en\nlösning i ärendet.\n"
      "2. Skånegemensam samverkansgrupp\npsykiatri (SSP) lämnar förslag på\nlösning.\n"
      "3. Frågan kan lyftas till Centralt\nSamverkansorgan.\n";
  Structure s = Analyze(ladder);
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Tvister"});
  CHECK(UnitTexts(s).back() == "3. Frågan kan lyftas till Centralt Samverkansorgan.");
  // Must not: a short item without a period, then a paragraph of its own.
  s = Analyze("Parter\nParterna är:\n\u2022 Socialtjänsten i kommunen\n\u2022 BUP\nParterna ansvarar var för sig.\n");
  CHECK(UnitTexts(s).back() == "Parterna ansvarar var för sig.");
}

TEST_CASE("a paragraph's first line over three lower-case lines is no heading; a heading wraps onto two", "[structure]") {
  CHECK(HeadingTexts(Analyze("Avtal\n\nKroppslig hälsa\n\nDet är särskilt viktigt att vara uppmärksam\npå den kroppsliga hälsan hos\n"
                             "personer med psykisk funktionsnedsättning\noch beroende som riskgrupper.\n")) ==
        std::vector<std::string>{"Avtal", "Kroppslig hälsa"});
  CHECK(HeadingTexts(Analyze("Avtal\n\nText.\nKonsekvenser av medicinering samt\nsymtom och funktionsnedsättningar till\n"
                             "följd av psykisk sjukdom påverkar\npersonens förmåga.\n")) == std::vector<std::string>{"Avtal"});
  // Must not: a section's short heading over items in lower case; a heading wrapped onto two short lines.
  CHECK(HeadingTexts(Analyze("Avtal\n\nParter\nbarn och unga med psykisk ohälsa,\npersoner i alla åldrar med psykisk "
                             "funktionsnedsättning,\npersoner i alla åldrar som missbrukar alkohol.\n")) ==
        std::vector<std::string>{"Avtal", "Parter"});
  CHECK(HeadingTexts(Analyze("Avtal\n\nSamsjuklighet psykisk sjukdom och\nskadligt\nbruk/beroende\nMålsättning\nText.\n")).size() >= 2);
}

TEST_CASE("items said alike a blank line apart are items, not headings", "[structure]") {
  const std::string items =
      "Bakgrund\n\nStyrgruppen rapporterar till beredningen som:\n\nAnsvarar för strategisk planering\n"
      "Ansvarar för samverkan enligt ramen\n\nAnsvarar för samverkan enligt lokal\növerenskommelse\n\n\n"
      "Ansvarar för uppföljning av lokal\növerenskommelse\n";
  CHECK(HeadingTexts(Analyze(items)) == std::vector<std::string>{"Bakgrund"});
  // Must not: sections whose headings open alike, text between; a title and its subtitle.
  CHECK(HeadingTexts(Analyze("Avtal\n\nSamverkan kring barn och unga\nText om barn.\n\nSamverkan kring vuxna med missbruk\nText.\n")) ==
        std::vector<std::string>{"Avtal", "Samverkan kring barn och unga", "Samverkan kring vuxna med missbruk"});
  CHECK(HeadingTexts(Analyze("Handlingsplan 2025\n\nHandlingsplan 2025 för Nordost\n\nText.\n")).size() == 2);
  // Right under Målgrupper, the first of items said alike is one; a sub-heading over other text is a heading.
  StructureAnalyzer groups({{"malgrupper", "^målgrupper$"}}, {});
  auto headings = [&](const std::string& text) { return HeadingTexts(groups.Analyze(Normalize(SourceText{"t.txt", text, "utf-8", {}}))); };
  CHECK(headings("Avtal\n\nMålgrupper\nPersoner i alla åldrar med psykisk funktionsnedsättning\n"
                 "Personer i alla åldrar som missbrukar alkohol\n") == std::vector<std::string>{"Avtal", "Målgrupper"});
  CHECK(headings("Avtal\n\nMålgrupper\nFyra målgrupper i samverkan\nÖverenskommelsen gäller alla fyra målgrupper.\n") ==
        std::vector<std::string>{"Avtal", "Målgrupper", "Fyra målgrupper i samverkan"});
}

TEST_CASE("a marked item left unfinished goes on onto its hanging indent", "[structure]") {
  Structure s = Analyze("Aktiviteter\n  \u2022 Socialtjänsten och vuxenpsykiatrin startar ett FACT-team under\n     Q2 2023.\n"
                        "  \u2022 Styrgruppen följer upp.\n");
  CHECK(UnitTexts(s) == std::vector<std::string>{"Socialtjänsten och vuxenpsykiatrin startar ett FACT-team under Q2 2023.",
                                                 "Styrgruppen följer upp."});
  // Must not: an indented item under a finished one.
  s = Analyze("Aktiviteter\n  \u2022 Styrgruppen tar fram en rutin.\n     Socialtjänsten\n     Elevhälsan\n");
  CHECK(UnitTexts(s).size() == 3);
}

TEST_CASE("a sentence running on over a page break into a paragraph is no heading", "[structure]") {
  CHECK(HeadingTexts(Analyze("Avtal\n\nText om skolan.\n\nHälsoundersökning inklusive oral hälsa på initiativ av "
                             "socialnämnden i anslutning\n\n\f\ntill att\nvård utanför det egna hemmet inleds, i enlighet med\n"
                             "lag om hälsoundersökning av barn och unga.\n")) == std::vector<std::string>{"Avtal"});
  // Must not: a heading a break cuts, whose end stands on a line or two.
  CHECK(HeadingTexts(Analyze("Avtal\n\nText om spel.\n\nPersoner med skadligt bruk och beroende\n\n\f\nav spel om\npengar\n\n"
                             "Målsättning för arbetet.\n")) == std::vector<std::string>{"Avtal", "Personer med skadligt bruk och beroende"});
}

TEST_CASE("a sentence a blank line cuts is no heading", "[structure]") {
  Structure s = Analyze("Aktiviteter\nArbeta för att sprida information.\n\nFörsta linjen tillsammans med kommunernas barnkoordinatorer (eller motsvarande)\n\n"
                        "planerar och genomför utbildning kring psykisk hälsa.\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Aktiviteter"});
  // Must not: a short heading over a blank line and a lower-case list stays a heading.
  Structure heading = Analyze("Text.\n\nBarn och unga\n\nupp till 18 år som vårdas utanför hemmet\n");
  CHECK(HeadingTexts(heading) == std::vector<std::string>{"Barn och unga"});
}

TEST_CASE("a sentence after unmarked items ends their list; a last item with a period does not", "[structure]") {
  Structure s = Analyze("Parter\nFör Region Skåne:\nBarn- och ungdomspsykiatri\nHabiliteringen\nVuxenpsykiatri\n"
                        "Alla parter har ett ansvar att informera om överenskommelsen i sin verksamhet.\n");
  REQUIRE(s.units.size() == 5);
  CHECK(s.units[3].bullet == Bullet::kIndent);
  CHECK(s.units[4].bullet == Bullet::kNone);
  // Must not: the last item of a list ends its sentence ("... eller spel om pengar.").
  Structure last = Analyze("Målgrupper\nÖverenskommelsen gäller:\nBarn upp till 18 år som har eller riskerar att utveckla psykisk ohälsa\n"
                           "Personer i alla åldrar med psykisk funktionsnedsättning\n"
                           "Personer i alla åldrar som missbrukar alkohol eller spel om pengar.\n");
  REQUIRE(last.units.size() == 4);
  CHECK(last.units[3].bullet == Bullet::kIndent);
}

// A narrow column wraps a sentence after a comma on a short line.
TEST_CASE("a short line left mid-phrase goes on onto an upper-case line", "[structure]") {
  Structure s = Analyze("Parter\nKommunerna Simrishamn, Sjöbo, Skurup,\nTomelilla och Ystad samt Region Skåne.\n");
  REQUIRE(s.units.size() == 1);
  CHECK(s.units[0].text == "Kommunerna Simrishamn, Sjöbo, Skurup, Tomelilla och Ystad samt Region Skåne.");
  // Must not: a short line that ends its phrase is over the next.
  Structure items = Analyze("Parter\nFör kommunerna:\nSocialtjänsten\nElevhälsan\n");
  CHECK(items.units.size() == 3);
}

TEST_CASE("a table of contents without a title is left out when it lists the headings that follow", "[structure]") {
  Structure s = Analyze("Avtal\n\n1. Parter 2\n2. Tvister 3\n3. Bilagor 3\n\n1. Parter\nText.\n\n2. Tvister\nText.\n\n3. Bilagor\nText.\n");
  CHECK(HeadingTexts(s) == std::vector<std::string>{"Avtal", "Parter", "Tvister", "Bilagor"});
  CHECK(s.left_out[2]);
  // A leader that filled its line pushes the page number onto the next.
  Structure pushed = Analyze("Avtal\n\nInnehåll\nParter ..............................................\n4\n"
                             "Tvister .............................................\n7\n\nParter\nText.\n");
  CHECK(pushed.left_out[3]);
  CHECK(pushed.left_out[4]);
  CHECK(pushed.left_out[6]);
  CHECK(pushed.contents_sections == std::vector<std::string>{"parter", "tvister"});
  // Must not: figures that end lines in numbers, listing nothing that follows.
  Structure figures = Analyze("Avtal\n\nBjuv 120\nBåstad 340\nHelsingborg 980\n\nParter\nText.\n");
  for (bool out : figures.left_out) CHECK_FALSE(out);
}

}  // namespace
}  // namespace overens
