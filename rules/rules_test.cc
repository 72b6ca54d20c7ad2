// Every rule: a text where it must fire and a text where it must not. The
// "must not" text is one clean agreement that raises no finding at all.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "extractor/extract.h"
#include "rules/registry.h"

namespace overens {
namespace {

std::string CleanText() {
  std::ifstream in(std::string(OVERENS_SOURCE_DIR) + "/tests/testdata/clean-agreement.txt");
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

struct Harness {
  ReferenceData ref = LoadReferenceData(EmbeddedReferenceSources()).value();
  std::unique_ptr<Extractor> extractor = Extractor::Create(ref).value();
  std::vector<std::unique_ptr<Rule>> rules = RegisterAllRules();

  std::vector<Finding> Check(const std::string& text, CivilDate as_of = {2024, 6, 1}) {
    SourceText src{"test.txt", text, "utf-8", {}};
    Document doc = extractor->Extract(Normalize(src), "test.txt");
    // The probes are Skåne's own, held to its framework even when they are
    // too short to name a county (the scope has tests of its own below).
    if (!doc.region && !doc.region_evidence) doc.region = ref.framework.county;
    CheckOptions options;
    options.as_of = as_of;
    return RunRules(rules, doc, ref, options);
  }
  int Count(const std::string& text, const std::string& rule, CivilDate as_of = {2024, 6, 1}) {
    int n = 0;
    for (const Finding& f : Check(text, as_of)) n += f.rule == rule;
    return n;
  }
};

// Every message a rule or note names is in the catalogue, in both languages.
TEST_CASE("the message catalogue speaks Swedish and English for every rule", "[rules]") {
  Harness h;
  for (const auto& rule : h.rules) {
    std::string id = "rule." + std::string(rule->id());
    INFO(id);
    REQUIRE(h.ref.messages.count(id));
    CHECK(!h.ref.messages.at(id).sv.empty());
    CHECK(h.ref.messages.at(id).en == rule->description());
  }
  CHECK(h.ref.Say(Language::kSwedish, "deadline.passed.of", {"hösten 2024", "BUP", "2024-12-31", "2026-01-01"}) ==
        "tidsgränsen ”hösten 2024” för BUP löpte ut 2024-12-31, före 2026-01-01");
  CHECK(h.ref.Say(Language::kEnglish, "deadline.passed", {"hösten 2024", "2024-12-31", "2026-01-01"}) ==
        "deadline 'hösten 2024' ended 2024-12-31, before 2026-01-01");
  CHECK(h.ref.Say(Language::kSwedish, "no.such.message") == "no.such.message");
}

TEST_CASE("finding ids ignore folders, case, spacing and punctuation, and never change", "[rules]") {
  // Baselines store these ids: the value is pinned so a change shows here first.
  std::string id = StableFindingId("target-group.missing", "some/dir/lo.txt",
                                   "Barn och unga – med psykisk ohälsa (ÅÄÖ)|Målgruppen saknas");
  CHECK(id == "7d95309d339b5418");
  CHECK(StableFindingId("target-group.missing", "lo.txt", "barn  och UNGA – med psykisk ohälsa, åäö | målgruppen saknas.") == id);
  CHECK(StableFindingId("target-group.changed", "lo.txt", "barn och unga – med psykisk ohälsa åäö målgruppen saknas") != id);
}

TEST_CASE("the clean agreement raises no finding", "[rules]") {
  Harness h;
  auto findings = h.Check(CleanText());
  for (const Finding& f : findings) INFO(f.rule << " line " << f.span.line << ": " << f.message);
  CHECK(findings.empty());
}

struct Mutation {
  const char* rule;
  const char* from;
  const char* to;
};

const Mutation kMutations[] = {
    {"target-group.missing", "• Personer i alla åldrar med psykisk funktionsnedsättning\n", ""},
    {"target-group.changed", "Barn upp till 18 år som har", "Barn upp till 12 år som har"},
    {"target-group.changed", "det egna hemmet\n", "det egna hemmet samt vuxna\n"},
    {"target-group.added", "• Personer i alla åldrar med psykisk funktionsnedsättning\n",
     "• Personer i alla åldrar med psykisk funktionsnedsättning\n• Unga vuxna med hemlöshet i kommunen\n"},
    {"party.principal-missing", "För Region Skåne:\n• Barn- och ungdomspsykiatrin\n• Vuxenpsykiatrin\n", ""},
    {"section.missing", "Giltighetstid\nÖverenskommelsen gäller från och med 2024-02-01 och tills vidare med tolv månaders\nuppsägningstid.\n", ""},
    {"dispute.incomplete", "4. Centralt Samverkansorgan.\n", ""},
    {"area.missing", "Suicidprevention\nMålsättning\nFärre suicid i delregionen.\n", "Skolnärvaro\nMålsättning\nFärre elever med frånvaro.\n"},
    {"area.added", "Suicidprevention\nMålsättning\nFärre suicid i delregionen.\n", "Skolnärvaro\nMålsättning\nFärre elever med frånvaro.\n"},
    {"area.no-follow-up", "Planen följs upp årligen.", "Ingen uppföljning."},
    {"area.no-follow-up", "Planen följs upp årligen.", "Ingen uppföljning planerad."},
    {"activity.no-actor", "• Styrgruppen tar fram en handlingsplan under 2025.", "• Under 2025 tillsätts en arbetsgrupp för handlingsplanen."},
    {"activity.no-deadline", "• Styrgruppen tar fram en handlingsplan under 2025.", "• Styrgruppen tar fram en handlingsplan."},
    {"deadline.passed", "senast 31 mars 2025", "senast 31 mars 2024"},
    {"deadline.before-agreement-date", "senast 31 mars 2025", "senast 31 december 2023"},
    {"outdated.framework", "Ramöverenskommelsen 2021-02-11", "Ramöverenskommelsen från 2015-03-16"},
    {"outdated.plan-period-ended", "Handlingsplan 2024–2026", "Handlingsplan 2022–2023"},
    {"outdated.name", "Styrgruppen följer upp överenskommelsen årligen.",
     "Styrgruppen följer upp överenskommelsen årligen och rapporterar till Kommunförbundet Skåne."},
    {"outdated.validity-ended", "från och med 2024-02-01 och tills vidare med", "från och med 2022-02-01 till och med 2024-01-31 med"},
    {"text.placeholder", "Styrgruppen följer upp överenskommelsen årligen.", "Styrgruppen (lägg in namn) följer upp överenskommelsen årligen."},
};

TEST_CASE("each rule fires on its mutation of the clean agreement", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  for (const Mutation& m : kMutations) {
    INFO(m.rule);
    CHECK(h.Count(clean, m.rule) == 0);
    CHECK(h.Count(Replace(clean, m.from, m.to), m.rule) >= 1);
  }
}

TEST_CASE("outdated.law needs the old law and a text written before the change", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  std::string cites = Replace(clean, "Styrgruppen följer upp överenskommelsen årligen.",
                              "Styrgruppen följer upp överenskommelsen årligen enligt SoL (2001:453).");
  CHECK(h.Count(cites, "outdated.law", {2024, 6, 1}) == 0);  // not yet replaced
  CHECK(h.Count(cites, "outdated.law", {2026, 1, 1}) == 1);
  std::string bare_new = Replace(Replace(clean, "10 januari 2024", "10 januari 2026"), "Styrgruppen följer upp överenskommelsen årligen.",
                                 "Styrgruppen följer upp överenskommelsen årligen enligt SoL.");
  CHECK(h.Count(bare_new, "outdated.law", {2026, 6, 1}) == 0);  // a bare "SoL" in 2026 is the new law
  // Must not: the old law named as repealed or replaced, which is its history.
  for (const char* history : {"Socialtjänstlagen (2001:453) upphävdes den 1 juli 2025.",
                              "Den tidigare socialtjänstlagen (2001:453) har ersatts av en ny lag.",
                              "Socialtjänstlagen\n(2001:453) upphävdes den 1 juli 2025."}) {  // a narrow column's break
    std::string told = Replace(clean, "Styrgruppen följer upp överenskommelsen årligen.",
                               std::string("Styrgruppen följer upp överenskommelsen årligen. ") + history);
    CHECK(h.Count(told, "outdated.law", {2026, 1, 1}) == 0);
  }
}

TEST_CASE("party.municipality-missing names the kommuner left out", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  CHECK(h.Count(clean, "party.municipality-missing") == 0);
  std::string two_missing = Replace(Replace(clean, "Delregion Sydväst – Svedala, Trelleborg och Vellinge", "Delregion Sydväst"),
                                    "Svedala, Trelleborg och Vellinge samt", "Trelleborg samt");
  CHECK(h.Count(two_missing, "party.municipality-missing") == 2);
  // Must not: an agreement of one kommun that never names a delregion is that kommun's own.
  std::string own = Replace(Replace(clean, "Delregion Sydväst – Svedala, Trelleborg och Vellinge", "Trelleborgs kommun och Region Skåne"),
                            "Svedala, Trelleborg och Vellinge samt", "Trelleborg samt");
  CHECK(h.Count(own, "party.municipality-missing") == 0);
  // Naming two of three kommuner makes it the delregion's, with one missing;
  // two of ten (Mellersta) are those two kommuners' own.
  std::string most = Replace(Replace(clean, "Delregion Sydväst – Svedala, Trelleborg och Vellinge", "Trelleborgs kommun, Vellinge kommun och Region Skåne"),
                             "Svedala, Trelleborg och Vellinge samt", "Trelleborg och Vellinge samt");
  CHECK(h.Count(most, "party.municipality-missing") == 1);
  std::string two_of_ten = Replace(Replace(Replace(Replace(clean, "Delregion Sydväst – Svedala, Trelleborg och Vellinge", "Lunds kommun, Lomma kommun och Region Skåne"),
                                                   "Svedala, Trelleborg och Vellinge samt", "Lund och Lomma samt"),
                                           "Trelleborg den", "Lund den"),
                                   "Socialchef Trelleborgs kommun", "Socialchef Lunds kommun");
  CHECK(h.Count(two_of_ten, "party.municipality-missing") == 0);
  // The delregion named elsewhere than where the text says whose it is: another body, not its owner.
  std::string body_named = Replace(two_of_ten, "Styrgruppen följer upp överenskommelsen årligen.",
                                   "Ledningsgruppen för Delregion Mellersta följer upp överenskommelsen årligen.");
  CHECK(h.Count(body_named, "party.municipality-missing") == 0);
}

TEST_CASE("outdated.framework leaves alone an old framework named as replaced", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  auto count = [&](const std::string& words) { return h.Count(Replace(clean, "Ramöverenskommelsen 2021-02-11", words), "outdated.framework"); };
  CHECK(count("Ramöverenskommelsen från 2015-03-16") == 1);
  CHECK(count("Ramöverenskommelsen 2021-02-11, som ersatte ramöverenskommelsen från 2015-03-16,") == 0);
  CHECK(count("Den tidigare ramöverenskommelsen från 2015-03-16 har ersatts, och ramöverenskommelsen 2021-02-11") == 0);
  // By its year alone; the year of no old framework is none.
  CHECK(count("Ramöverenskommelserna från 2013 och 2015") == 2);
  CHECK(count("Ramöverenskommelsen från 2021") == 0);
  CHECK(count("Ramöverenskommelsen från 2014") == 0);
}

TEST_CASE("outdated.agreement-age uses the review interval", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  CHECK(h.Count(clean, "outdated.agreement-age", {2027, 12, 31}) == 0);
  CHECK(h.Count(clean, "outdated.agreement-age", {2028, 1, 10}) == 1);
  // Counted from its last revision, when the text names one; a revision still to come is none.
  std::string first_line = clean.substr(0, clean.find('\n') + 1);
  CHECK(h.Count(Replace(clean, first_line, first_line + "Reviderad 2026-05-01\n"), "outdated.agreement-age", {2028, 1, 10}) == 0);
  CHECK(h.Count(Replace(clean, first_line, first_line + "Överenskommelsen reviderades i maj 2026.\n"), "outdated.agreement-age",
                {2028, 1, 10}) == 0);
  CHECK(h.Count(Replace(clean, first_line, first_line + "Den ska revideras senast 2026-05-01.\n"), "outdated.agreement-age",
                {2028, 1, 10}) == 1);
  CHECK(h.Count(Replace(clean, first_line, first_line + "Reviderad 2024-05-01\n"), "outdated.agreement-age", {2028, 6, 10}) == 1);
}

TEST_CASE("table.sum-mismatch judges readable rows only", "[rules]") {
  Harness h;
  std::string table =
      "Fördelning av medel 2025\n\nKommun Bas Tillägg Summa\n"
      "Alfa 1 000 000 250 000 1 250 000\n"
      "Beta 1000000 300000 1400000\n"
      "Gamma 1000000 s1O00 1300000\n";
  auto findings = h.Check(table);
  int mismatches = 0;
  for (const Finding& f : findings)
    if (f.rule == "table.sum-mismatch") {
      ++mismatches;
      CHECK(f.span.line == 5);
    }
  CHECK(mismatches == 1);
}

TEST_CASE("finding ids survive line shifts", "[rules]") {
  Harness h;
  std::string clean = Replace(CleanText(), "senast 31 mars 2025", "senast 31 mars 2024");
  auto a = h.Check(clean);
  auto b = h.Check("\n\n\n" + clean);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].id == b[i].id);
    CHECK(a[i].span.line + 3 == b[i].span.line);
  }
}

TEST_CASE("every registered rule is tested and described", "[rules]") {
  auto rules = RegisterAllRules();
  CHECK(rules.size() == 22);
  for (const auto& r : rules) {
    CHECK(!r->description().empty());
    std::string id(r->id());
    bool tested = id == "outdated.law" || id == "outdated.agreement-age" || id == "table.sum-mismatch" ||
                  id == "party.municipality-missing";
    for (const Mutation& m : kMutations) tested |= r->id() == m.rule;
    INFO(r->id());
    CHECK(tested);
  }
}

TEST_CASE("outdated.validity-ended needs an end before --as-of and no 'tills vidare' after it", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  auto terms = [&](const std::string& words) {
    return h.Count(Replace(clean, "från och med 2024-02-01 och tills vidare med", words), "outdated.validity-ended");
  };
  CHECK(terms("från och med 2022-02-01 till och med 2024-05-31 med") == 1);  // as of 2024-06-01
  CHECK(terms("fr.o.m. 2022-02-01 t.o.m. 2024-05-31 med") == 1);
  CHECK(terms("från och med 2022-02-01 till och med 2024-06-30 med") == 0);
  CHECK(terms("från och med 2022-02-01 till och med 2024-05-31 och därefter tills vidare med") == 0);
  // Renewed once by a year: ended only when the year has passed
  CHECK(terms("från och med 2022-02-01 till och med 2024-05-31. Den förlängs med ett år om ingen part säger upp den. Den gäller med") == 0);
  CHECK(terms("från och med 2021-02-01 till och med 2023-05-31. Den förlängs med ett år om ingen part säger upp den. Den gäller med") == 1);
  CHECK(terms("från och med 2022-02-01 och tills vidare, dock längst till och med 2024-05-31, med") == 1);
}

TEST_CASE("rules are chosen by id, group and severity", "[rules]") {
  auto ids = [](const RuleSelection& selection) {
    std::vector<std::string> out;
    auto rules = SelectRules(selection);
    REQUIRE(rules.ok());
    for (const auto& r : rules.value()) out.emplace_back(r->id());
    return out;
  };
  CHECK(ids({}).size() == RegisterAllRules().size());
  CHECK(ids({{"deadline"}, {}, Severity::kInfo}) ==
        std::vector<std::string>{"deadline.passed", "deadline.before-agreement-date"});
  CHECK(ids({{"activity", "text.placeholder"}, {"activity.no-deadline"}, Severity::kInfo}) ==
        std::vector<std::string>{"activity.no-actor", "text.placeholder"});
  for (const std::string& id : ids({{}, {}, Severity::kError})) CHECK((id.starts_with("outdated.") || id.starts_with("text.") || id.starts_with("table.")));
  for (const std::string& id : ids({{}, {}, Severity::kWarning})) CHECK(id != "activity.no-deadline");
  // "dead" is not a group, only the start of one.
  for (const RuleSelection& typo : {RuleSelection{{"dead"}, {}, Severity::kInfo}, RuleSelection{{}, {"activity.no-dedline"}, Severity::kInfo}}) {
    auto r = SelectRules(typo);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kUsage);
    CHECK(r.status().message().find("target-group, party") != std::string::npos);
  }
}

TEST_CASE("activity.no-deadline is silent when the activity says when, or recurs", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  auto count = [&](const std::string& activity) {
    return h.Count(Replace(clean, "• Styrgruppen tar fram en handlingsplan under 2025.", activity), "activity.no-deadline");
  };
  CHECK(count("• Styrgruppen följer upp handlingsplanen i december 2025.") == 0);
  CHECK(count("• Styrgruppen tar fram en handlingsplan från och med 2025.") == 1);  // a start is no deadline
  CHECK(count("• Styrgruppen tar fram en handlingsplan.") == 1);
  CHECK(count("• Styrgruppen redovisar handlingsplanen i mars varje år.") == 0);  // recurring
  CHECK(count("• Styrgruppen följer upp antalet SIP varje tertial.") == 0);
  CHECK(count("• Styrgruppen följer upp antalet SIP en gång per tertial.") == 0);
  CHECK(count("• Styrgruppen följer upp antalet SIP varje tisdag.") == 1);  // no frequency we read
  CHECK(count("• Styrgruppen följer upp antalet SIP och planerna\n  två gånger per år.") == 0);  // wrapped onto the next line
  CHECK(count("• Styrgruppen följer upp antalet SIP.\n\nPlanen följs upp två gånger per år.") == 1);  // another sentence's
  // A parenthesis of fields that says when in words
  CHECK(count("• Översyn av rutinen (ansvar: Styrgruppen, tid: löpande).") == 0);
  CHECK(count("• Översyn av rutinen (ansvar: Styrgruppen, klart: vid behov).") == 0);
  CHECK(count("• Översyn av rutinen (ansvar: Styrgruppen, tid: -).") == 1);
  CHECK(count("• Översyn av rutinen (ansvar: Styrgruppen).") == 1);
  // A time from an event says when, too
  CHECK(count("• Styrgruppen tar fram en handlingsplan inom tre månader från beslut.") == 0);
  CHECK(count("• Styrgruppen tar fram en handlingsplan inom 6 veckor.") == 0);
  CHECK(count("• Styrgruppen tar fram en handlingsplan inom ramen för samverkan.") == 1);
}

TEST_CASE("deadline.passed reads före, efter and jul as a reader does", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  // Findings beyond those of the rest of the text on that day.
  auto count = [&](const std::string& activity, CivilDate as_of) {
    std::string without = Replace(clean, "• Styrgruppen tar fram en handlingsplan under 2025.", "• Styrgruppen tar fram en handlingsplan.");
    return h.Count(Replace(clean, "• Styrgruppen tar fram en handlingsplan under 2025.", activity), "deadline.passed", as_of) -
           h.Count(without, "deadline.passed", as_of);
  };
  // Christmas, not July
  CHECK(count("• Styrgruppen tar fram en handlingsplan före jul 2025.", {2025, 10, 1}) == 0);
  CHECK(count("• Styrgruppen tar fram en handlingsplan före jul 2025.", {2026, 1, 10}) == 1);
  CHECK(count("• Styrgruppen tar fram en handlingsplan i jul. 2025.", {2025, 10, 1}) == 1);  // July, abbreviated
  // "efter" a period is a start, not a deadline
  CHECK(count("• Styrgruppen tar fram en handlingsplan efter sommaren 2025.", {2025, 10, 1}) == 0);
  // "före" a period ends when it starts
  CHECK(count("• Styrgruppen tar fram en handlingsplan före sommaren 2025.", {2025, 7, 1}) == 1);
  CHECK(count("• Styrgruppen tar fram en handlingsplan senast sommaren 2025.", {2025, 7, 1}) == 0);
  // What was done is no deadline; what is planned is
  CHECK(count("• Under 2024 har styrgruppen tagit fram en handlingsplan.", {2025, 6, 1}) == 0);
  CHECK(count("• Handlingsplanen som antogs i oktober 2024 ska revideras under hösten 2025.", {2026, 1, 10}) == 1);
  CHECK(count("• Styrgruppen ska under 2024 ta fram en handlingsplan.", {2025, 6, 1}) == 1);
  CHECK(count("• Varje områdes handlingsplan tas fram under 2024.", {2025, 6, 1}) == 1);  // a genitive, not a past tense
  // Weeks of a plan's activity are when it is due, as a day is
  CHECK(count("• Styrgruppen tar fram en handlingsplan vecka 10\u201312 2025.", {2025, 6, 1}) == 1);
  CHECK(count("• Styrgruppen tar fram en handlingsplan vecka 10\u201312 2025.", {2025, 3, 20}) == 0);
}

// On a page read in two columns the text's order is not the source
// lines' order: the dates and frequencies an activity's line has are found
// whatever order they come in.
TEST_CASE("activity.no-deadline finds dates and frequencies out of line order", "[rules]") {
  Harness h;
  for (const char* activity : {"• Styrgruppen följer upp handlingsplanen i december 2025.",
                               "• Styrgruppen redovisar handlingsplanen i mars varje år."}) {
    std::string text = Replace(CleanText(), "• Styrgruppen tar fram en handlingsplan under 2025.", activity);
    Document doc = h.extractor->Extract(Normalize(SourceText{"test.txt", text, "utf-8", {}}), "test.txt");
    if (!doc.region && !doc.region_evidence) doc.region = h.ref.framework.county;
    REQUIRE(doc.dates.size() > 2);
    std::reverse(doc.dates.begin(), doc.dates.end());
    std::reverse(doc.frequencies.begin(), doc.frequencies.end());
    CheckOptions options;
    options.as_of = {2024, 6, 1};
    INFO(activity);
    for (const Finding& f : RunRules(h.rules, doc, h.ref, options)) CHECK(f.rule != "activity.no-deadline");
  }
}

// An activity table's due column may say when in words ("Löpande"), and an
// indicator column follows the area up.
TEST_CASE("a table's due words and indicator column silence no-deadline and no-follow-up", "[rules]") {
  Harness h;
  auto plan = [](const std::string& header, const std::string& row) {
    return "Handlingsplan 2024\n\nKroppslig hälsa\nMål: Bättre hälsa.\n\n" + header + "\n" + row + "\n";
  };
  std::string with = plan("Insats                    Ansvar          Tidsplan     Indikator",
                          "Hälsosamtal på boenden    Kommunerna      Löpande      Antal samtal");
  CHECK(h.Count(with, "activity.no-deadline") == 0);
  CHECK(h.Count(with, "area.no-follow-up") == 0);
  // Must fire: an empty due cell and no indicator column.
  std::string without = plan("Insats                    Ansvar          Tidsplan", "Hälsosamtal på boenden    Kommunerna      -");
  CHECK(h.Count(without, "activity.no-deadline") == 1);
  CHECK(h.Count(without, "area.no-follow-up") == 1);
}

// A plan followed up as a whole covers its areas; a follow-up of the
// agreement, or a plan whose other areas have their own, does not.
TEST_CASE("area.no-follow-up leaves alone the areas of a plan followed up as a whole", "[rules]") {
  Harness h;
  auto plan = [](const std::string& own, const std::string& whole) {
    return "Handlingsplan 2025\n\n1. Inledning\nPlanen gäller 2025.\n\n2. Aktiviteter\n\n2.1 Suicidprevention\n"
           "Aktivitet: Utbildning i suicidriskbedömning.\nAnsvarig: Elevhälsan\nKlart: 2025-06-30\n" + own +
           "\n2.2 Kroppslig hälsa\nAktivitet: Hälsosamtal på boenden.\nAnsvarig: Kommunerna\nKlart: 2025-12-31\n\n"
           "3. Uppföljning\n" + whole + "\n";
  };
  CHECK(h.Count(plan("", "Handlingsplanen följs upp två gånger per år."), "area.no-follow-up") == 0);
  // Must fire: the follow-up of the agreement, or one area followed up and the other not.
  CHECK(h.Count(plan("", "Styrgruppen följer upp överenskommelsen varje år."), "area.no-follow-up") == 2);
  CHECK(h.Count(plan("Uppföljning\nAntal utbildade redovisas årligen.\n", "Handlingsplanen följs upp två gånger per år."),
                "area.no-follow-up") == 1);
}

TEST_CASE("dispute.incomplete reads a ladder written as prose, unless it defers to the framework", "[rules]") {
  Harness h;
  auto count = [&](const std::string& tvister) {
    return h.Count("Lokal överenskommelse\n\nMålgrupper\n\u2022 Personer i alla åldrar med psykisk funktionsnedsättning\n\n"
                   "Parter\nKommunen: Socialtjänsten.\n\nTvister\n" + tvister + "\n\nGiltighetstid\nGäller tills vidare.\n",
                   "dispute.incomplete");
  };
  CHECK(count("Tvister löses i första hand av berörda chefer. Därefter lyfts frågan till Skånegemensam samverkansgrupp "
              "psykiatri (SSP) och sist till Centralt samverkansorgan.") == 0);
  CHECK(count("Tvister löses i första hand av berörda chefer och lyfts vid behov till SSP.") == 1);  // never reaches CSO
  CHECK(count("Tvister hanteras enligt ramöverenskommelsen, via SSP.") == 0);
  CHECK(count("Tvister löses av berörda chefer.") == 0);  // names no body: nothing to compare
  CHECK(count("1. Berörda chefer.\n2. SSP.\n3. CSO.") == 0);  // the bodies by their abbreviations
  CHECK(count("1. Berörda chefer.\n2. SSP.") == 1);
  // Items without full stops are a list, not numbered headings
  CHECK(count("1. Berörda chefer\n2. Skånegemensam samverkansgrupp psykiatri (SSP)\n3. Centralt samverkansorgan") == 0);
  CHECK(count("1. Berörda chefer\n2. Förvaltningschefer\n3. Delregional ledningsgrupp") == 2);
  // A ladder in prose that is raised to bodies below SSP and CSO only
  CHECK(count("Tvister löses i första hand av berörda chefer. Om de inte enas lyfts frågan till förvaltningscheferna och "
              "därefter till delregional ledningsgrupp.") == 2);
  CHECK(count("Om parterna inte enas lyfts frågan till Centralt samverkansorgan.") == 1);  // skips SSP
  CHECK(count("Kan parterna inte enas ska frågan lyftas till ledningsgruppen för Familjen Helsingborg.") == 2);
  // Must not: a question raised with no body to raise it to, read as no ladder.
  CHECK(count("Frågan ska lyftas i god tid.") == 0);
}

// Headings name the framework's sections in more ways than its own words.
TEST_CASE("section.missing knows a section by its other names", "[rules]") {
  Harness h;
  auto missing = [&](const std::string& validity_heading, const std::string& dispute_heading) {
    return h.Count("Lokal överenskommelse\n\nIngående parter\nKommunen och Region Skåne.\n\nMålgrupper\n"
                   "\u2022 Personer i alla åldrar med psykisk funktionsnedsättning\n\n" + validity_heading +
                   "\nÖverenskommelsen gäller tills vidare.\n\n" + dispute_heading + "\n1. Cheferna.\n2. SSP.\n3. CSO.\n\n"
                   "Uppföljning och revidering\nFöljs upp årligen.\n", "section.missing");
  };
  CHECK(missing("Giltighetstid", "Tvister") == 0);
  CHECK(missing("Överenskommelsens giltighet", "Hantering av oenighet") == 0);
  CHECK(missing("Avtalets löptid", "Konflikthantering") == 0);
  CHECK(missing("Giltighetstid och revidering", "Tvistelösning") == 0);
  CHECK(missing("Avtalsperiod", "Hantering av oenigheter") == 0);
  CHECK(missing("Ikraftträdande och giltighet", "Vid oenighet") == 0);
  CHECK(missing("Avtalsperioden", "Tvistlösningsordning") == 0);
  // Must fire: headings that name neither.
  CHECK(missing("Övrigt", "Samverkan") == 2);
}

TEST_CASE("text.placeholder finds a draft's bracketed instructions and unfinished years", "[rules]") {
  Harness h;
  auto count = [&](const std::string& line) {
    return h.Count("Lokal överenskommelse\n\nParter\n" + line + "\n", "text.placeholder");
  };
  CHECK(count("Kommunerna: Socialtjänsten och [namn på förvaltning].") == 1);
  CHECK(count("Kommunen: [Kommunens namn] och Region Skåne.") == 1);
  CHECK(count("Kommunen: Socialnämnden i [kommun].") == 1);
  CHECK(count("Kommunen: Socialtjänsten [se bilaga 2].") == 0);  // a bracket that refers, not a blank
  CHECK(count("Följs upp senast 20XX-12-31.") == 1);
  CHECK(count("Kontakt: [fyll i e-post]") == 1);
  // Must not: references in brackets, ordinary years and words.
  CHECK(count("Enligt ramöverenskommelsen [1] och SoL [2]. Sedan 2020 gäller XXL-avtalet.") == 0);
  // Filler text, an instruction to fill in
  CHECK(count("Lorem ipsum dolor sit amet.") == 1);
  CHECK(count("Lägg in länk till rutinen här") == 1);
  // Must not: instructions that are the agreement's own
  CHECK(count("Kommunerna ska fylla i blanketten och lägga in uppgifterna i systemet.") == 0);
}

TEST_CASE("outdated.law names each old law of a line once, and knows the laws replaced before 2020", "[rules]") {
  Harness h;
  std::string clean = CleanText();
  std::string old = Replace(clean, "Styrgruppen följer upp överenskommelsen årligen.",
                            "Styrgruppen följer upp överenskommelsen årligen enligt hälso- och sjukvårdslagen (1982:763), "
                            "HSL (1982:763) och lag (1990:1404).");
  CHECK(h.Count(old, "outdated.law", {2026, 1, 1}) == 2);
  std::string current = Replace(clean, "Styrgruppen följer upp överenskommelsen årligen.",
                                "Styrgruppen följer upp överenskommelsen årligen enligt hälso- och sjukvårdslagen (2017:30), LVU och LVM.");
  CHECK(h.Count(current, "outdated.law", {2026, 1, 1}) == 0);
}

TEST_CASE("deadline.passed leaves alone an activity its table calls done", "[rules]") {
  Harness h;
  const std::string plan =
      "Handlingsplan 2024\n\nAktiviteter\n"
      "Åtgärd                      Ansvar          Tidsplan        Status\n"
      "Gemensam rutin för SIP      Styrgruppen     Q2 2024         Klar\n"
      "Utbildning i MI             BUP             hösten 2024     Pågår\n"
      "Kartläggning av behov       Elevhälsan      2024-09-30      Genomförd i oktober\n";
  std::vector<int> lines;
  for (const Finding& f : h.Check(plan, {2026, 1, 1}))
    if (f.rule == "deadline.passed") lines.push_back(f.span.line);
  CHECK(lines == std::vector<int>{6});
  // No longer to be done: cancelled, or no longer relevant; not yet done: still passed
  const std::string cancelled =
      "Handlingsplan 2024\n\nAktiviteter\n"
      "Åtgärd                      Ansvar          Tidsplan        Status\n"
      "Gemensam rutin för SIP      Styrgruppen     Q2 2024         Utgår\n"
      "Utbildning i MI             BUP             hösten 2024     Ej aktuell\n"
      "Kartläggning av behov       Elevhälsan      2024-09-30      Ej klar\n";
  lines.clear();
  for (const Finding& f : h.Check(cancelled, {2026, 1, 1}))
    if (f.rule == "deadline.passed") lines.push_back(f.span.line);
  CHECK(lines == std::vector<int>{7});
}


// Framework rules hold only the framework's county to it: an agreement of
// another county, national or of no county named gets the general rules and
// a note saying so; one of the framework's county gets every rule.
TEST_CASE("framework rules run on the framework county's documents only", "[rules]") {
  Harness h;
  auto scope_of = [&](const std::string& text) {
    Document doc = h.extractor->Extract(Normalize(SourceText{"t.txt", text, "utf-8", {}}), "t.txt");
    return std::pair{doc, ScopeOf(doc, h.ref)};
  };
  const std::string body =
      "\n\nParter\nParterna är kommunerna i länet och regionen.\n\nMålgrupper\n• Vuxna med psykisk sjukdom\n\n"
      "Giltighetstid\nÖverenskommelsen gäller 2014-01-01 till och med 2016-12-31.\n\nTvister\nLöses av parterna.\n";
  // Must not compare: another county, in its old and new names.
  for (const char* title : {"Lokal överenskommelse mellan Region Dalarna och kommunerna i Dalarnas län",
                            "Lokal överenskommelse mellan Landstinget i Kalmar län och kommunerna",
                            "Lokal överenskommelse mellan Västra Götalandsregionen och länets kommuner"}) {
    auto [doc, scope] = scope_of(title + body);
    INFO(title);
    CHECK(doc.region);
    CHECK_FALSE(doc.delregion);
    CHECK(scope.widest == RuleScope::kGeneral);
    CHECK(scope.note.find("inte jämförd med ramöverenskommelsen för Skåne; bara de allmänna reglerna kördes") != std::string::npos);
    Document same = doc;
    CHECK(ScopeOf(same, h.ref, Language::kEnglish).note.find("not compared with the Skåne framework; only general rules ran") !=
          std::string::npos);
    for (const Finding& f : RunRules(h.rules, doc, h.ref, CheckOptions{{2026, 11, 22}, 4}))
      CHECK((f.rule.starts_with("outdated.validity") || f.rule.starts_with("outdated.agreement") ||
             f.rule.starts_with("deadline") || f.rule.starts_with("activity") || f.rule.starts_with("text")));
  }
  // General rules still run: its validity ended.
  auto [dalarna, dalarna_scope] = scope_of("Lokal överenskommelse mellan Region Dalarna och kommunerna i Dalarnas län" + body);
  CHECK(h.extractor);
  int ended = 0;
  for (const Finding& f : RunRules(h.rules, dalarna, h.ref, CheckOptions{{2026, 11, 22}, 4})) ended += f.rule == "outdated.validity-ended";
  CHECK(ended == 1);
  // Must compare: Skåne's own, by its region or by a delregion's kommuner.
  for (const char* title : {"Lokal överenskommelse mellan Region Skåne och Ystads kommun",
                            "Lokal överenskommelse för Trelleborgs kommun, Svedala kommun och Vellinge kommun"}) {
    auto [doc, scope] = scope_of(title + body);
    INFO(title);
    CHECK(doc.region == std::optional<std::string>("Skåne"));
    CHECK(scope.widest == RuleScope::kFramework);
    CHECK(scope.note.empty());
  }
  // A national document: no region, and a note naming why.
  auto [prop, prop_scope] = scope_of("Prop. 2016/17:85\n\nSamverkan om vård mot spelmissbruk\n\nRegeringen överlämnar denna proposition.\n");
  CHECK_FALSE(prop.region);
  CHECK(prop.region_evidence);
  CHECK(prop_scope.note.find("nationell räckvidd") != std::string::npos);
}

}  // namespace
}  // namespace overens
