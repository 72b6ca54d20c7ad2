// Table-driven tests of the Swedish temporal grammar.
#include "extractor/dates.h"

#include <catch2/catch.hpp>

namespace overens {
namespace {

struct Case {
  const char* text;
  const char* start;  // "" = open
  const char* end;    // "" = open
};

// Each expression alone must parse to exactly this interval (anchor year 2023).
const Case kParses[] = {
    {"2023-11-23", "2023-11-23", "2023-11-23"},
    {"23 november 2023", "2023-11-23", "2023-11-23"},
    {"23/11 2023", "2023-11-23", "2023-11-23"},
    {"23/11/2023", "2023-11-23", "2023-11-23"},
    {"23.11.2023", "2023-11-23", "2023-11-23"},
    {"2013.11.01", "2013-11-01", "2013-11-01"},
    {"2013 – 11 - 01", "2013-11-01", "2013-11-01"},
    {"2016 - 12 - 31", "2016-12-31", "2016-12-31"},
    {"1 januari 2024", "2024-01-01", "2024-01-01"},
    {"29 februari 2024", "2024-02-29", "2024-02-29"},
    {"1:a oktober 2021", "2021-10-01", "2021-10-01"},
    {"Den 1 oktober, 2021", "2021-10-01", "2021-10-01"},
    {"31 dec. 2025", "2025-12-31", "2025-12-31"},
    {"15 okt 2023", "2023-10-15", "2023-10-15"},
    {"7 sept 2022", "2022-09-07", "2022-09-07"},
    {"3 feb 2020", "2020-02-03", "2020-02-03"},
    {"12 mars 2019", "2019-03-12", "2019-03-12"},
    {"30 april 2026", "2026-04-30", "2026-04-30"},
    {"17 maj 2023", "2023-05-17", "2023-05-17"},
    {"6 juni 2024", "2024-06-06", "2024-06-06"},
    {"4 juli 2025", "2025-07-04", "2025-07-04"},
    {"20 augusti 2022", "2022-08-20", "2022-08-20"},
    {"2 aug 2022", "2022-08-02", "2022-08-02"},
    {"2023-05-041", "2023-05-04", "2023-05-04"},
    {"2025-12", "2025-12-01", "2025-12-31"},
    {"2024-02", "2024-02-01", "2024-02-29"},
    {"2011-12", "2011-01-01", "2012-12-31"},  // a range of years, as its digits can end one
    {"kv 3 2025", "2025-07-01", "2025-09-30"},
    {"kv. 4 2025", "2025-10-01", "2025-12-31"},
    {"T2 2025", "2025-05-01", "2025-08-31"},
    {"tertial 3 2025", "2025-09-01", "2025-12-31"},
    {"första tertialet 2026", "2026-01-01", "2026-04-30"},
    {"årsskiftet 2025/2026", "2025-12-31", "2025-12-31"},
    {"årsskiftet 2024-25", "2024-12-31", "2024-12-31"},
    {"1\u201315 mars 2025", "2025-03-01", "2025-03-15"},
    {"15-31 januari 2025", "2025-01-15", "2025-01-31"},
    {"mars/april 2025", "2025-03-01", "2025-04-30"},
    {"2025-03-01--2025-04-30", "2025-03-01", "2025-04-30"},
    {"senare halvåret 2025", "2025-07-01", "2025-12-31"},
    {"läsåret 2025/2026", "2025-08-01", "2026-06-30"},
    {"läsåret 2025/26", "2025-08-01", "2026-06-30"},
    {"2025 Q3", "2025-07-01", "2025-09-30"},
    {"2025-Q3", "2025-07-01", "2025-09-30"},
    {"Q3/2025", "2025-07-01", "2025-09-30"},
    {"v 12 2025", "2025-03-17", "2025-03-23"},
    {"v12 2025", "2025-03-17", "2025-03-23"},
    {"H2 2025", "2025-07-01", "2025-12-31"},
    {"i oktober 2023", "2023-10-01", "2023-10-31"},
    {"oktober 2023", "2023-10-01", "2023-10-31"},
    {"i februari 2024", "2024-02-01", "2024-02-29"},
    {"februari 2023", "2023-02-01", "2023-02-28"},
    {"i december 2020", "2020-12-01", "2020-12-31"},
    {"januari 2025", "2025-01-01", "2025-01-31"},
    {"juni 2024", "2024-06-01", "2024-06-30"},
    {"nov 2023", "2023-11-01", "2023-11-30"},
    {"sep. 2023", "2023-09-01", "2023-09-30"},
    {"Q1 2024", "2024-01-01", "2024-03-31"},
    {"Q2 2024", "2024-04-01", "2024-06-30"},
    {"Q3 2024", "2024-07-01", "2024-09-30"},
    {"Q4 2024", "2024-10-01", "2024-12-31"},
    {"Q2-2024", "2024-04-01", "2024-06-30"},
    {"kvartal 2 2024", "2024-04-01", "2024-06-30"},
    {"kvartal 4, 2023", "2023-10-01", "2023-12-31"},
    {"andra kvartalet 2024", "2024-04-01", "2024-06-30"},
    {"första kvartalet 2024", "2024-01-01", "2024-03-31"},
    {"tredje kvartalet 2025", "2025-07-01", "2025-09-30"},
    {"fjärde kvartalet 2022", "2022-10-01", "2022-12-31"},
    {"under andra kvartalet 2024", "2024-04-01", "2024-06-30"},
    {"våren 2024", "2024-01-01", "2024-06-30"},
    {"hösten 2023", "2023-09-01", "2023-12-31"},
    {"Under hösten 2023", "2023-09-01", "2023-12-31"},
    {"sommaren 2025", "2025-06-01", "2025-08-31"},
    {"vårterminen 2024", "2024-01-01", "2024-06-30"},
    {"höstterminen 2024", "2024-09-01", "2024-12-31"},
    {"ht 2023", "2023-08-01", "2023-12-31"},
    {"vt-24", "2024-01-01", "2024-06-30"},
    {"första halvåret 2024", "2024-01-01", "2024-06-30"},
    {"andra halvåret 2024", "2024-07-01", "2024-12-31"},
    {"halvår 2 2025", "2025-07-01", "2025-12-31"},
    {"under 2024", "2024-01-01", "2024-12-31"},
    {"2024", "2024-01-01", "2024-12-31"},
    {"i år", "2023-01-01", "2023-12-31"},
    {"nästa år", "2024-01-01", "2024-12-31"},
    {"den 1 oktober i år", "2023-10-01", "2023-10-01"},
    {"1 mars nästa år", "2024-03-01", "2024-03-01"},
    {"2023–2025", "2023-01-01", "2025-12-31"},
    {"2023-2025", "2023-01-01", "2025-12-31"},
    {"2023 - 2025", "2023-01-01", "2025-12-31"},
    {"2022—2023", "2022-01-01", "2023-12-31"},
    {"2023-25", "2023-01-01", "2025-12-31"},
    {"2021/2022", "2021-01-01", "2022-12-31"},
    {"under 2023 och 2024", "2023-01-01", "2024-12-31"},
    {"under 2023 till 2025", "2023-01-01", "2025-12-31"},
    {"senast 31 mars 2024", "", "2024-03-31"},
    {"senast 2024-03-31", "", "2024-03-31"},
    {"t.o.m. 2024-03-31", "", "2024-03-31"},
    {"till och med 31 maj 2026", "", "2026-05-31"},
    {"senast i december 2025", "", "2025-12-31"},
    {"senast hösten 2024", "", "2024-12-31"},
    {"före 2025-01-01", "", "2025-01-01"},
    {"fr.o.m. 2024-01-01", "2024-01-01", ""},
    {"från och med 2024-01-01", "2024-01-01", ""},
    {"från och med september 2023", "2023-09-01", ""},
    {"fr.o.m. 2022-09-01 t.o.m. 2026-08-31", "2022-09-01", "2026-08-31"},
    {"från och med 1 januari 2024 till och med 31 december 2025", "2024-01-01", "2025-12-31"},
    {"1 mars till 31 maj 2023", "2023-03-01", "2023-05-31"},
    {"1 mars–31 maj 2023", "2023-03-01", "2023-05-31"},
    {"under perioden 1 mars till 31 maj 2023", "2023-03-01", "2023-05-31"},
    {"12 MAJ 2024", "2024-05-12", "2024-05-12"},
    {"2023-01-01 -- 2024-12-31", "2023-01-01", "2024-12-31"},
    {"1 januari 2023 – 31 december 2024", "2023-01-01", "2024-12-31"},
    {"2023-01-01 till 2024-06-30", "2023-01-01", "2024-06-30"},
    {"april–juni 2025", "2025-04-01", "2025-06-30"},
    {"jan-mars 2025", "2025-01-01", "2025-03-31"},
    {"december 2024–februari 2025", "2024-12-01", "2025-02-28"},
    {"Q1–Q2 2025", "2025-01-01", "2025-06-30"},
    {"vecka 12 2025", "2025-03-17", "2025-03-23"},
    {"v. 12–14 2025", "2025-03-17", "2025-04-06"},
    {"vecka 1 2025", "2024-12-30", "2025-01-05"},
    {"senast vecka 12 2025", "", "2025-03-23"},
    // "före"/"innan"/"inför" a period end where it starts; "senast" where it ends
    {"före 2026", "", "2025-12-31"},
    {"innan sommaren 2025", "", "2025-05-31"},
    {"inför hösten 2025", "", "2025-08-31"},
    {"före mars 2025", "", "2025-02-28"},
    {"före vecka 12 2025", "", "2025-03-16"},
    {"senast mars 2025", "", "2025-03-31"},
    {"före den 1 mars 2025", "", "2025-03-01"},
    // "efter" a period starts when it has ended, "tidigast" when it starts
    {"efter sommaren 2025", "2025-09-01", ""},
    {"efter 2025-06-30", "2025-07-01", ""},
    {"efter årsskiftet 2025/2026", "2026-01-01", ""},
    {"tidigast hösten 2025", "2025-09-01", ""},
    {"halvårsskiftet 2025", "2025-06-30", "2025-06-30"},
    {"senast halvårsskiftet 2025", "", "2025-06-30"},
    {"utgången av 2025", "2025-12-31", "2025-12-31"},
    {"före utgången av juni 2026", "", "2026-06-30"},
    // Christmas: "jul" after a preposition, or "julen"; July otherwise
    {"före jul 2025", "", "2025-12-24"},
    {"i jul 2025", "2025-12-24", "2025-12-24"},
    {"julen 2025", "2025-12-24", "2025-12-24"},
    {"efter jul 2025", "2025-12-25", ""},
    {"jul 2025", "2025-07-01", "2025-07-31"},
    {"i jul. 2025", "2025-07-01", "2025-07-31"},
    {"juni–jul 2025", "2025-06-01", "2025-07-31"},
    {"4 jul 2025", "2025-07-04", "2025-07-04"},
    {"FÖRE JUL 2025", "", "2025-12-24"},
    // Parts of a year said in words
    {"sista kvartalet 2025", "2025-10-01", "2025-12-31"},
    {"i början av 2026", "2026-01-01", "2026-03-31"},
    {"senast i slutet av 2025", "", "2025-12-31"},
    {"slutet av året 2025", "2025-10-01", "2025-12-31"},
    {"INFÖR JULEN 2025", "", "2025-12-24"},
    {"FÖRE SOMMAREN 2026", "", "2026-05-31"},
    {"SOMMAREN 2026", "2026-06-01", "2026-08-31"},
    {"VÅREN 2026", "2026-01-01", "2026-06-30"},
    {"EFTER SOMMAREN 2026", "2026-09-01", ""},
};

// None of these may yield a date.
const char* const kNotDates[] = {
    "Dnr RS 2023/1234",
    "ärende 2024/123",
    "SFS 2017:30",
    "lag (2017:209)",
    "prop. 2016/17:85",
    "SOU 2021:93",
    "(2017:612)",
    "SFS 2001:453",
    "Ds 2019:12",
    "dnr 2023/145",
    "1 000 000 kr",
    "2000 000",
    "2 000 000",
    "1 2000 000",
    "20008 132",
    "7368376009106",
    "_Hlk124164853",
    "854877",
    "1145",
    "18 år",
    "upp till 20 år",
    "16 kap 3 §",
    "5 kap 1 d §",
    "10 §",
    "4 gånger/år",
    "18 månaders uppsägningstid",
    "https://example.se/2023/rapport-2024.pdf",
    "www.example.se/2022-2023",
    "anna.2023@example.se",
    "version 6.0",
    "KVÅ UB001",
    "30 dagar",
    "3.3 Prioriterat område",
    "sida 12 av 40",
    "0,3 mkr",
    "25 år",
    "1990000",
    "tills vidare",
    "i år",             // without an anchor year (see the relative test)
    "2023-13-01",
    "2023-02-30",
    "32 januari 2023",
    "31 april 2023",
    "29 februari 2023",
    "tel 040-123 45 67",
    "070-1234567",
    "Gasverksgatan 3A, 222 29 Lund",
    "2023-05-0412",
    "Q5 2024",
    "kvartal 7 2024",
    "2025-2019",
    "2019-2045",
    "nr 2021",
    "§ 2021",
    "kap. 2022",
    "2023,5 procent",
    "3 000 kr",
    "2016/17:85",
    "2017:30",
    "12 345",
    "1999999",
    "200 000kr",
    "SIP-möten",
    "vecka 12",
    "v. 45",
    "kl. 13.00",
    "13.00-15.00",
    "ärende 2022-0145",
    "201",
    "19",
    "1800",
    "2100",
    "3024",
    "9/11",
    "1/3 av budgeten",
    "50/50",
    "24/7",
    "ABC2023",
    "2023abc",
    "x2024",
    "inom 3 månader",
    "2025-13",          // no month
    "2025-00",
    "T4 2025",          // no fourth tertial
    "kvm 3 2025",
    "Dnr 2025-12",
    "H3 2025",
    "v 60 2025",
    "31\u20131 mars 2025",  // backwards
    "30-31 februari 2025",      // no such days
    "två gånger per år",
};

TEST_CASE("every listed expression parses to its interval", "[dates]") {
  DateGrammar grammar;
  DateScanOptions anchored;
  anchored.anchor_year = 2023;
  for (const Case& c : kParses) {
    INFO(c.text);
    auto m = grammar.ParseExpression(c.text, anchored);
    REQUIRE(m.has_value());
    CHECK((m->start ? m->start->ToString() : "") == std::string(c.start));
    CHECK((m->end_date ? m->end_date->ToString() : "") == std::string(c.end));
  }
  CHECK(std::size(kParses) >= 80);
}

TEST_CASE("citations, amounts and other numbers are not dates", "[dates]") {
  DateGrammar grammar;
  for (const char* text : kNotDates) {
    INFO(text);
    CHECK(grammar.Scan(text).empty());
  }
  CHECK(std::size(kNotDates) >= 80);
}

TEST_CASE("bare jul is Christmas after a preposition and July elsewhere", "[dates]") {
  DateGrammar grammar;
  auto christmas = grammar.Scan("Utbildningen ska vara klar till jul 2025 och följas upp efter jul 2025.");
  REQUIRE(christmas.size() == 2);
  CHECK(christmas[0].text == "jul 2025");
  CHECK(christmas[0].start->ToString() == "2025-12-24");
  CHECK(christmas[1].open_end);
  CHECK(christmas[1].start->ToString() == "2025-12-25");
  auto july = grammar.Scan("Klart: jul 2025. Tidplan: jun, jul 2025.");
  REQUIRE(july.size() == 2);
  CHECK(july[0].end_date->ToString() == "2025-07-31");
  CHECK(july[1].end_date->ToString() == "2025-07-31");
}

TEST_CASE("dates keep their position in running text", "[dates]") {
  DateGrammar grammar;
  auto found = grammar.Scan("Redovisas under andra kvartalet 2024 enligt SFS 2017:30 och senast 2024-12-31.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "under andra kvartalet 2024");
  CHECK(found[0].grain == Grain::kQuarter);
  CHECK(found[1].text == "senast 2024-12-31");
  CHECK(found[1].open_start);
}

TEST_CASE("a date phrase may wrap onto the next line", "[dates]") {
  DateGrammar grammar;
  auto found = grammar.Scan("tillser att personal utbildas från och med\nseptember 2023 (se rutin)");
  REQUIRE(found.size() == 1);
  CHECK(found[0].start->ToString() == "2023-09-01");
  CHECK_FALSE(found[0].end_date.has_value());
  // Broken inside the phrase: "från och" | "med september 2023", "till och" | "med den 31 mars 2026".
  auto inside = grammar.Scan("utbildas från och\nmed september 2023 och gäller till och\nmed den 31 mars 2026");
  REQUIRE(inside.size() == 2);
  CHECK_FALSE(inside[0].end_date.has_value());
  CHECK(inside[1].start->ToString() == "2026-03-31");
}

TEST_CASE("a long text is scanned around its digits only, with the same results", "[dates]") {
  // Dates far apart in a long text, long phrases before their year, a date in
  // a web address and one right at each end: scanning only the stretches
  // around digits must find exactly what each sentence alone gives.
  DateGrammar grammar;
  std::string filler;
  for (int i = 0; i < 400; ++i) filler += "Parterna samverkar kring barn och unga med psykisk ohälsa. ";
  const std::vector<std::string> sentences = {
      "2023-01-15 börjar arbetet.", "Perioden 1 september till 30 november 2024 gäller.",
      "Se https://example.se/plan-2024 för mer.", "Arbetet följs upp under fjärde kvartalet år 2025.",
      "Höstterminen 2026 utvärderas allt.", "Slut vt-27"};
  std::string text;
  std::vector<std::string> expected;
  for (const std::string& s : sentences) {
    text += s + " " + filler;
    for (const DateMatch& m : grammar.Scan(s)) expected.push_back(m.text);
  }
  text.erase(text.size() - filler.size() - 1);  // end on the last date
  std::vector<std::string> found;
  for (const DateMatch& m : grammar.Scan(text)) found.push_back(m.text);
  CHECK(found == expected);
  CHECK(found.size() == 5);
}

TEST_CASE("two full dates make a range only when joined and in order", "[dates]") {
  DateGrammar grammar;
  auto count = [&](const char* text) { return grammar.Scan(text, {}).size(); };
  CHECK(count("2023-01-01 -- 2024-12-31") == 1);
  CHECK(count("2024-12-31 -- 2023-01-01") == 2);  // backwards: two dates
  CHECK(count("2023-01-01 och 2024-12-31") == 2);
  CHECK(count("2023 -- 2024-12-31") == 2);  // a year and a day
  CHECK(count("2024-01-01\u20132025-12-31") == 1);  // an en dash without spaces
  CHECK(count("2024-01-01\u20142025-12-31") == 1);
  CHECK(count("SFS 2024\u20132025-12-31") <= 2);  // no crash on a year glued to a dash
}

TEST_CASE("ranges of months, quarters and weeks must run forwards and exist", "[dates]") {
  DateGrammar grammar;
  auto texts = [&](const char* text) {
    std::vector<std::string> out;
    for (const DateMatch& m : grammar.Scan(text, {})) out.push_back(m.text);
    return out;
  };
  CHECK(texts("juni–april 2025") == std::vector<std::string>{"april 2025"});
  CHECK(texts("vecka 53 2025").empty());  // 2025 has 52 weeks
  CHECK(texts("Q3–Q1 2025") == std::vector<std::string>{"Q1 2025"});
}

}  // namespace
}  // namespace overens
