// Field extraction on small texts of our own.
#include "extractor/extract.h"

#include <catch2/catch.hpp>
#include <random>
#include <tuple>
#include <re2/re2.h>
#include <unicode/unistr.h>

#include "extractor/extract_internal.h"
#include "model/json_io.h"

namespace overens {
namespace {

struct Fixture {
  ReferenceData ref = LoadReferenceData(EmbeddedReferenceSources()).value();
  std::unique_ptr<Extractor> extractor = Extractor::Create(ref).value();
  Document Extract(const std::string& text) {
    return extractor->Extract(Normalize(SourceText{"t.txt", text, "utf-8", {}}), "t.txt");
  }
};

bool IsValidUtf8(const std::string& s) {
  std::string round;  // ICU turns a broken sequence into U+FFFD, so the round trip differs
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))).toUTF8String(round);
  return round == s;
}

// Extract reads a text it owns where it lies and copies one it borrows
// before splitting its inline labels: both read the same.
TEST_CASE("a text extracted in place reads as a borrowed one", "[extract]") {
  Fixture f;
  for (const char* text : {"Lokal överenskommelse\n\nMål: Färre barn i heldygnsvård.\nAktiviteter: Kommunerna ska ta fram en rutin.\n"
                           "Giltighetstid: Överenskommelsen gäller från 2025-01-01 till 2026-12-31.\n",
                           "Lokal överenskommelse\n\nMålgrupper\nBarn och unga.\n"}) {
    NormalizedText borrowed = Normalize(SourceText{"t.txt", text, "utf-8", {}});
    std::string expected = DocumentToJson(f.extractor->Extract(borrowed, "t.txt"));
    CHECK(borrowed.joined == Normalize(SourceText{"t.txt", text, "utf-8", {}}).joined);  // left as it was
    CHECK(DocumentToJson(f.extractor->Extract(std::move(borrowed), "t.txt")) == expected);
  }
}

TEST_CASE("quotes cut to a length never split a character", "[extract]") {
  Fixture f;
  // The law's quote is cut some 30 bytes after its name; every cut point is tried.
  for (size_t k = 0; k < 8; ++k) {
    Document d = f.Extract("Enligt SoL (2001:453) " + std::string(k, 'x') + "–––––––––––––––––––––––\n");
    REQUIRE(d.legal_references.size() == 1);
    INFO(d.legal_references[0].text);
    CHECK(IsValidUtf8(d.legal_references[0].text));
  }
}

// Found by a hostile-input run: a row of hundreds of thousands of numbers
// under a "Summa" heading recursed once per number and overflowed the stack.
TEST_CASE("a line of countless numbers under a total column is no table row", "[extract]") {
  Fixture f;
  std::string many;
  for (int i = 0; i < 200000; ++i) many += "1 ";
  Document d = f.Extract("Kommun  2023  2024  Summa\nMalmö " + many + "\nLund  100  200  300\n");
  REQUIRE(d.table_rows.size() == 1);
  CHECK(d.table_rows[0].label == "Lund");
}

TEST_CASE("frequencies, including words that start with Å", "[extract]") {
  Fixture f;
  Document d = f.Extract("Uppföljning\nÅrlig rapportering till styrgruppen.\nMöten hålls två gånger per år.\n"
                         "Lägesrapport kvartalsvis.\n");
  REQUIRE(d.frequencies.size() == 3);
  CHECK(d.frequencies[0].per_year == 1);
  CHECK(d.frequencies[1].per_year == 2);
  CHECK(d.frequencies[2].per_year == 4);
}

TEST_CASE("signatories skip organisation lines and join wrapped titles", "[extract]") {
  Fixture f;
  std::string text(40, '\n');
  text += "Datum 2024-05-02\n\nVårdsamverkan Skåne\n\nEva Berg\nVerksamhetschef Malmö/Trelleborg\nvuxenpsykiatrin\n";
  Document d = f.Extract(text);
  REQUIRE(d.signatories.size() == 1);
  CHECK(d.signatories[0].name == "Eva Berg");
  CHECK(d.signatories[0].title == std::optional<std::string>("Verksamhetschef Malmö/Trelleborg vuxenpsykiatrin"));
}

TEST_CASE("placeholders are found even when they start with Å", "[extract]") {
  Fixture f;
  Document d = f.Extract("Beslutad ÅÅÅÅ-MM-DD av nämnden.\nKontakt: (lägg in namn)\nInget här.\n");
  REQUIRE(d.placeholders.size() == 2);
  CHECK(d.placeholders[0].span.line == 1);
  CHECK(d.placeholders[1].text == "(lägg in namn)");
}

TEST_CASE("kommun names with å, ä and ö are whole words", "[extract]") {
  Fixture f;
  Document d = f.Extract("Lokal överenskommelse\n\nParterna är Åstorps kommun, Ängelholms kommun och Örkelljunga kommun.\n"
                         "Skåstorp och Malmöhus är inga kommuner.\n");
  CHECK(d.municipalities == std::vector<std::string>{"Åstorp", "Ängelholm", "Örkelljunga"});
  CHECK(d.delregion == std::optional<std::string>("Nordväst"));
}

// A Word file's paragraphs are its lines: a signature block or a contact
// list is no sentence naming kommuner, as it would be were its lines one
// wrapped paragraph.
TEST_CASE("in a Word file's text a sentence ends with its line", "[extract]") {
  Fixture f;
  std::string text = "Lokal överenskommelse\nParterna är Svedala kommun och Vellinge kommun.\nHans Brauer\n"
                     "Verksamhetschef Malmö/Trelleborg\nvuxenpsykiatrin\nAnna Berg\nEnhetschef Lund, vuxenenheten\n";
  Document docx = f.extractor->Extract(Normalize(SourceText{"t.docx", text, "docx", {}}), "t.docx");
  CHECK(docx.municipalities == std::vector<std::string>{"Svedala", "Vellinge"});
  // Must not: the same lines in a text file are one wrapped paragraph (no period ends them).
  Document txt = f.Extract(text);
  CHECK(txt.municipalities.size() > 2);
}

// "X är tillagt som ett gemensamt utvecklingsområde": an added area, in a
// paragraph or on a line of a list that lost its markers (taken for a heading).
TEST_CASE("an area said to be added is one wherever the sentence stands", "[extract]") {
  Fixture f;
  for (const char* text : {"Lokal överenskommelse\n\nNyheter\nSkolnärvaro är tillagt som ett gemensamt utvecklingsområde.\n",
                           "Lokal överenskommelse\n\nNyheter i överenskommelsen\n\nTydligare fokus på SIP\n"
                           "Skolnärvaro är tillagt som ett gemensamt utvecklingsområde\nKlarspråkad text\n",
                           "Lokal överenskommelse\n\nNyheter\nTexten är kortare.\n\nSkolnärvaro är tillagt som ett gemensamt\n"
                           "utvecklingsområde för alla parter i delregionen.\n"}) {
    Document d = f.Extract(text);
    REQUIRE(d.areas.size() == 1);
    CHECK(d.areas[0].name == "Skolnärvaro");
    CHECK_FALSE(d.areas[0].framework_id.has_value());
  }
  // Must not: an area merely named.
  CHECK(f.Extract("Lokal överenskommelse\n\nNyheter\nSkolnärvaro är viktigt för alla barn.\n").areas.empty());
}

// FindPlaces matches by hand what one RE2 of all names used to: random texts
// of names, genitives, party words in odd cases (with "ſ" and the Kelvin
// sign, which RE2's (?i) takes for s and k) and word joints.
TEST_CASE("FindPlaces finds what the RE2 of all place names finds", "[extract]") {
  CompiledReference c;
  for (const char* k : {"Bjuv", "Båstad", "Lund", "Lunda", "Malmö", "Åstorp"}) c.kommun_of[k] = k;
  for (const auto& [name, kommun] : c.kommun_of) c.place_alternatives.push_back(name);
  for (const char* d : {"Malmö", "Nordost"}) c.place_alternatives.push_back(d);
  std::string names;
  for (size_t i = 0; i < c.place_alternatives.size(); ++i) {
    c.places_by_first_byte[static_cast<unsigned char>(c.place_alternatives[i][0])].push_back(i);
    names += (names.empty() ? "" : "|") + RE2::QuoteMeta(c.place_alternatives[i]);
  }
  RE2 all("(?:" + names + ")s?(?:\\s+(?i:kommun|stad)\\b)?");
  REQUIRE(all.ok());
  auto by_re2 = [&](std::string_view text) {
    std::vector<std::string> out;
    re2::StringPiece in(text.data(), text.size()), whole;
    for (size_t b = 0, pos = 0; b < text.size(); ++b) {
      if (b < pos || !all.Match(in, b, text.size(), RE2::ANCHOR_START, &whole, 1)) continue;
      std::string_view match(whole.data(), whole.size());
      const std::string& name = *std::find_if(c.place_alternatives.begin(), c.place_alternatives.end(),
                                              [&](const std::string& n) { return match.starts_with(n); });
      size_t name_end = b + name.size(), e = b + match.size();
      size_t after_s = name_end + (name_end < e && text[name_end] == 's' ? 1 : 0);
      pos = name_end;
      size_t word_end = e > after_s ? e : after_s;
      if ((b > 0 && IsWordByte(text[b - 1])) || (word_end < text.size() && IsWordByte(text[word_end]))) continue;
      bool kommun = c.kommun_of.count(name) > 0;
      out.push_back(name + "@" + std::to_string(b) + (kommun ? " kommun" : "") + (kommun && e > after_s ? " party" : ""));
    }
    return out;
  };
  auto by_hand = [&](std::string_view text) {
    std::vector<size_t> starts(text.size());
    for (size_t i = 0; i < starts.size(); ++i) starts[i] = i;
    std::vector<std::string> out;
    for (const PlaceMention& m : FindPlaces(c, text, starts))
      out.push_back(m.name + "@" + std::to_string(m.offset) + (m.kommun ? " kommun" : "") + (m.as_party ? " party" : ""));
    return out;
  };
  const std::vector<std::string_view> pieces = {"Malmö", "Lund", "Lunda", "Bjuv", "Båstad", "Åstorp", "Nordost", "s", " ", "  ",
                                                "\t", "\n", "\v", "kommun", "KOMMUN", "Kommun", "stad", "STAD", "\xC5\xBFtad",
                                                "\xE2\x84\xAAommun", "en", "_", "x", "é", ",", "ö", "malmö"};
  std::mt19937 random(11);
  size_t found = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int n = 0; n < 8; ++n) text += pieces[random() % pieces.size()];
    auto expected = by_re2(text);
    found += expected.size();
    INFO(text);
    REQUIRE(by_hand(text) == expected);
  }
  CHECK(found > 2000);
  CHECK(by_hand("Lunds \xC5\xBFtad, Bjuv \xE2\x84\xAAOMMUN och Malmö stadsdel") ==
        std::vector<std::string>{"Lund@0 kommun party", "Bjuv@13 kommun party", "Malmö@31 kommun"});
}

TEST_CASE("ParseNumberedStep reads what its RE2 reads", "[extract]") {
  RE2 step(R"(^(?:(\d{1,2})[.)]|([a-zA-Z])\))\s+(.*)$)");
  const std::vector<std::string_view> pieces = {"1", "2", "12", "0", ".", ")", " ", "\t", "\n", "\v", "a",
                                                "B", "z", "Chef", "ö", "(", "–", "@", "["};
  std::mt19937 random(3);
  for (int i = 0; i < 40000; ++i) {
    std::string text;
    for (int n = random() % 7; n >= 0; --n) text += pieces[random() % pieces.size()];
    int order = 0;
    std::string number, letter, expected_rest;
    std::string_view rest;
    bool expected = RE2::FullMatch(text, step, &number, &letter, &expected_rest);
    int expected_order = !number.empty() ? std::stoi(number) : letter.empty() ? 0 : (letter[0] | 0x20) - 'a' + 1;
    INFO(text);
    REQUIRE(ParseNumberedStep(text, order, rest) == expected);
    if (expected) CHECK((order == expected_order && rest == expected_rest));
  }
}

TEST_CASE("a table of parties: each row's principal and whom it is represented by", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParter\nPart                   Företrädare\nBromölla kommun        Socialnämnden\n"
      "Region Skåne           Psykiatri Skåne, BUP och Habiliteringen\nÖvrigt                 Brukarorganisationer\n");
  REQUIRE(d.parties.size() == 4);  // not the row whose first cell names no principal
  CHECK(d.parties[0].text == "Socialnämnden");
  CHECK(d.parties[0].principal == Principal::kKommun);
  CHECK(d.parties[3].text == "Habiliteringen");
  CHECK(d.parties[3].principal == Principal::kRegion);
}

// A renewal goes on after the end date as "tills vidare" does.
TEST_CASE("a validity renewed a year at a time has no end", "[extract]") {
  Fixture f;
  auto validity = [&](const std::string& sentence) {
    return f.Extract("Lokal överenskommelse\n\nGiltighetstid\n" + sentence + "\n").validity.value_or(Validity{});
  };
  Validity renewed = validity("Överenskommelsen gäller 2024-01-01\u20132025-12-31 och förlängs därefter med ett år i taget.");
  CHECK(renewed.from == CivilDate{2024, 1, 1});
  CHECK(renewed.until == CivilDate{2025, 12, 31});
  CHECK(renewed.until_further_notice);
  CHECK(validity("Överenskommelsen gäller 2024-01-01\u20132025-12-31 och förlängs automatiskt.").until_further_notice);
  // Must not: a renewal ruled out, or one to be decided.
  CHECK_FALSE(validity("Överenskommelsen gäller 2024-01-01\u20132025-12-31 och förlängs inte automatiskt.").until_further_notice);
  CHECK_FALSE(validity("Överenskommelsen gäller 2024-01-01\u20132025-12-31 och kan förlängas efter beslut.").until_further_notice);
  // Going on after the date in other words
  CHECK(validity("Överenskommelsen gäller 2024-01-01\u20132025-12-31. Därefter löper den vidare med ett års uppsägningstid.")
            .until_further_notice);
  CHECK(validity("Överenskommelsen gäller 2024-01-01\u20132025-12-31 och fortsätter därefter att gälla.").until_further_notice);
  // Renewed once: a later end, not none
  Validity once = validity("Avtalet gäller 2024-01-01\u20132025-12-31. Om ingen part säger upp det förlängs det med ett år.");
  CHECK_FALSE(once.until_further_notice);
  CHECK(once.until == CivilDate{2025, 12, 31});
  CHECK(once.renewed_until == CivilDate{2026, 12, 31});
  CHECK_FALSE(validity("Överenskommelsen gäller 2024-01-01\u20132025-12-31 och kan förlängas med ett år.").renewed_until);
  // "tills vidare, dock längst": the last day holds
  Validity capped = validity("Överenskommelsen gäller från och med 2024-01-01 och tills vidare, dock längst till och med 2027-12-31.");
  CHECK_FALSE(capped.until_further_notice);
  CHECK(capped.until == CivilDate{2027, 12, 31});
  Validity until_new = validity("Överenskommelsen gäller till dess att en ny har antagits, dock längst till 2027-12-31.");
  CHECK_FALSE(until_new.from);
  CHECK(until_new.until == CivilDate{2027, 12, 31});
}

// A validity given as a length from its start ends the day before the
// start's anniversary.
TEST_CASE("a validity of some years from its start has that last day", "[extract]") {
  Fixture f;
  auto validity = [&](const std::string& sentence) {
    return f.Extract("Lokal överenskommelse\n\nGiltighetstid\n" + sentence + "\n").validity.value_or(Validity{});
  };
  CHECK(validity("Överenskommelsen gäller från och med den 1 januari 2025 och tre år framåt.").until == CivilDate{2027, 12, 31});
  CHECK(validity("Överenskommelsen gäller från och med 2024-03-15 i två år.").until == CivilDate{2026, 3, 14});
  CHECK(validity("Avtalet gäller från 1 juli 2025 under en period av fyra år.").until == CivilDate{2029, 6, 30});
  CHECK(validity("Överenskommelsen gäller från och med 2025-01-01 under en treårsperiod.").until == CivilDate{2027, 12, 31});
  // Must not: a length of something else, no start to count from, or going on.
  CHECK_FALSE(validity("Överenskommelsen gäller från och med 2025-01-01. Den ses över efter två år.").until);
  CHECK_FALSE(validity("Överenskommelsen gäller från undertecknandet och tre år framåt.").until);
  CHECK_FALSE(validity("Överenskommelsen gäller från och med 2025-01-01 tills vidare och följs upp i tre år.").until);
  // Renewed a year at a time after its years, as after a last day.
  Validity renewed = validity("Överenskommelsen gäller från och med 2025-01-01 och tre år framåt och förlängs därefter med ett år i taget.");
  CHECK(renewed.until == CivilDate{2027, 12, 31});
  CHECK(renewed.until_further_notice);
}

// The ways an agreement says when it starts and ends.
TEST_CASE("a validity's first and last day, however the text says them", "[extract]") {
  Fixture f;
  auto validity = [&](const std::string& sentence) {
    Document d = f.Extract("Lokal överenskommelse\n\nBakgrund\nParterna samverkar.\n\nGiltighetstid\n" + sentence + "\n");
    Validity v = d.validity.value_or(Validity{});
    return (v.from ? v.from->ToString() : "-") + " " + (v.until ? v.until->ToString() : "-");
  };
  CHECK(validity("Överenskommelsen gäller 2025–2027.") == "2025-01-01 2027-12-31");
  CHECK(validity("Avtalsperioden är 2025-01-01 – 2027-12-31.") == "2025-01-01 2027-12-31");
  CHECK(validity("Överenskommelsen träder i kraft 2025-01-01 och gäller till 2027-12-31.") == "2025-01-01 2027-12-31");
  CHECK(validity("Överenskommelsen börjar gälla den 1 april 2025 och upphör att gälla den 31 mars 2028.") == "2025-04-01 2028-03-31");
  CHECK(validity("Överenskommelsen gäller från och med 2025-01-01 och löper ut 2027-12-31.") == "2025-01-01 2027-12-31");
  CHECK(validity("Överenskommelsen gäller tre år från och med 2025-04-01.") == "2025-04-01 2028-03-31");
  // Must not: a revision's or a follow-up's date is no end.
  CHECK(validity("Överenskommelsen gäller 2025-01-01 och ska revideras senast 2026-06-30.") == "2025-01-01 -");
  CHECK(validity("Överenskommelsen gäller från 2025-01-01. Den följs upp till 2026-06-30.") == "2025-01-01 -");
}

// An older agreement may have few of the framework's sections, but its own
// validity; news of an agreement has none.
TEST_CASE("an agreement by another name, with a validity of its own", "[extract]") {
  Fixture f;
  const std::string body = "\n\nBakgrund\nParterna samverkar.\n\nUppföljning\nÖverenskommelsen följs upp varje år.\n";
  CHECK(f.Extract("Överenskommelse om samarbete\nmellan Ystads kommun och Region Skåne" + body +
                  "\nGiltighetstid\nÖverenskommelsen gäller 2017–2019.\n").kind == DocumentKind::kLokalOverenskommelse);
  // Must not: the same without a validity section.
  CHECK(f.Extract("Överenskommelse om samarbete\nmellan Ystads kommun och Region Skåne" + body).kind == DocumentKind::kAnnat);
}

TEST_CASE("a legal reference's chapter and paragraph, before the name, after it or after its SFS number", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nEnligt socialtjänstlagen (2001:453) 5 kap. 1 d § och 2 kap. 7 § SoL samt HSL (16 kap 4 §) och HSL.\n");
  REQUIRE(d.legal_references.size() == 4);
  std::vector<std::pair<std::string, std::string>> found;
  for (const LegalReference& r : d.legal_references) found.emplace_back(r.chapter, r.paragraph);
  CHECK(found == std::vector<std::pair<std::string, std::string>>{{"5", "1 d §"}, {"2", "7 §"}, {"16", "4 §"}, {"", ""}});
  CHECK(d.legal_references[0].sfs == std::optional<std::string>("2001:453"));
}

TEST_CASE("target groups listed in one sentence are placed by the words they share with a group", "[extract]") {
  Fixture f;
  auto groups = [&](const std::string& sentence) {
    std::vector<std::string> out;
    for (const TargetGroup& tg : f.Extract("Lokal överenskommelse\n\nMålgrupper\n" + sentence + "\n").target_groups)
      out.push_back(tg.framework_id.value_or("-") + " " + std::string(ToString(tg.deviation)));
    return out;
  };
  CHECK(groups("Överenskommelsen omfattar barn och unga med psykisk ohälsa, personer i alla åldrar med psykisk "
               "funktionsnedsättning samt personer som missbrukar alkohol eller narkotika.") ==
        std::vector<std::string>{"TG1 reworded", "TG3 none", "TG4 narrowed"});
  // Must not: a sentence that describes rather than lists, or a part that names no group.
  CHECK(groups("Överenskommelsen omfattar barn, unga och vuxna med behov av insatser från båda huvudmännen.").empty());
  CHECK(groups("Överenskommelsen omfattar personer i alla åldrar med psykisk funktionsnedsättning, personer som "
               "missbrukar alkohol samt nyanlända familjer.").empty());
  // An introduction with commas still leads to its list.
  CHECK(groups("Överenskommelsen gäller, liksom ramen, följande målgrupper:\n\u2022 Personer i alla åldrar med psykisk "
               "funktionsnedsättning\n") == std::vector<std::string>{"TG3 none"});
  // The groups alone, with no verb to introduce them; "personer" are of all ages, "missbruk" is of "missbrukar".
  CHECK(groups("Personer med psykisk funktionsnedsättning och personer med missbruk.") ==
        std::vector<std::string>{"TG3 none", "TG4 reworded"});
  // Must not: a sentence describing the groups.
  CHECK(groups("Målgrupperna beskrivs i bilaga 1, och personer med missbruk prioriteras.").empty());
}

// A Målgrupper section that takes the framework's groups as they are.
TEST_CASE("target groups taken from the framework as they are", "[extract]") {
  Fixture f;
  auto groups = [&](const std::string& sentence) {
    std::vector<std::string> out;
    for (const TargetGroup& tg : f.Extract("Lokal överenskommelse\n\nMålgrupper\n" + sentence + "\n").target_groups)
      out.push_back(tg.framework_id.value_or("-") + " " + std::string(ToString(tg.deviation)));
    return out;
  };
  CHECK(groups("Överenskommelsen omfattar samma målgrupper som ramöverenskommelsen.") ==
        std::vector<std::string>{"TG1 none", "TG2 none", "TG3 none", "TG4 none"});
  // Must not: an exception, or a sentence that merely mentions the framework.
  CHECK(groups("Målgrupperna är desamma som i ramöverenskommelsen, utom spel om pengar.").empty());
  CHECK(groups("Ramöverenskommelsen beskriver flera grupper, men här avses främst barn.").empty());
}

TEST_CASE("a short list item is placed in the group holding its words when Dice cannot tell", "[extract]") {
  Fixture f;
  auto groups = [&](const std::string& items) {
    std::vector<std::string> out;
    for (const TargetGroup& tg : f.Extract("Lokal överenskommelse\n\nMålgrupper\nÖverenskommelsen gäller\n" + items).target_groups)
      out.push_back(tg.framework_id.value_or("-") + " " + std::string(ToString(tg.deviation)));
    return out;
  };
  const std::string tg4 = "- personer i alla åldrar som missbrukar alkohol, narkotika eller spel om pengar,\n";
  CHECK(groups("- barn och unga med psykisk ohälsa,\n" + tg4 + "- personer med samsjuklighet.\n") ==
        std::vector<std::string>{"TG1 reworded", "TG4 narrowed", "- none"});
  // A group of all ages has anyone's people: adults only are that group narrowed.
  CHECK(groups("- vuxna med psykisk funktionsnedsättning,\n" + tg4) == std::vector<std::string>{"TG3 narrowed", "TG4 narrowed"});
  // Must not: an item whose words no group holds three in four of.
  CHECK(groups("- personer med psykisk ohälsa,\n" + tg4 + "- äldre personer med psykisk ohälsa.\n") ==
        std::vector<std::string>{"- none", "TG4 narrowed", "- none"});
}

// How an age bound changes a group, when the counts of bounds differ.
TEST_CASE("an age bound extends or narrows a group", "[extract]") {
  Fixture f;
  auto groups = [&](const std::string& items) {
    std::vector<std::string> out;
    for (const TargetGroup& tg : f.Extract("Lokal överenskommelse\n\nMålgrupper\nÖverenskommelsen omfattar:\n" + items).target_groups)
      out.push_back(tg.framework_id.value_or("-") + " " + std::string(ToString(tg.deviation)));
    return out;
  };
  CHECK(groups("\u2022 Barn och ungdomar upp till 21 år som är placerade utanför hemmet\n"
               "\u2022 Personer över 18 år med psykisk funktionsnedsättning\n") ==
        std::vector<std::string>{"TG2 extended", "TG3 narrowed"});
  // Must not: a range from birth to the framework's bound is the framework's group.
  CHECK(groups("\u2022 Barn 0\u201318 år som har eller riskerar att utveckla psykisk ohälsa eller psykisk funktionsnedsättning\n") ==
        std::vector<std::string>{"TG1 none"});
}

// "Barn och unga:" over "• upp till 18 år som ...": each item completes its label.
TEST_CASE("target groups listed under labels their items complete", "[extract]") {
  Fixture f;
  auto groups = [&](const std::string& list) {
    std::vector<std::string> out;
    for (const TargetGroup& tg : f.Extract("Lokal överenskommelse\n\nMålgrupper\n" + list).target_groups)
      out.push_back(tg.framework_id.value_or("-") + " " + std::string(ToString(tg.deviation)));
    return out;
  };
  const std::string labelled =
      "Barn och unga:\n\u2022 upp till 18 år som har eller riskerar att utveckla psykisk ohälsa eller psykisk funktionsnedsättning\n"
      "\u2022 upp till 18 år och unga till och med 20 år som vårdas utanför det egna hemmet\n"
      "Personer i alla åldrar:\n\u2022 med psykisk funktionsnedsättning\n";
  CHECK(groups(labelled) == std::vector<std::string>{"TG1 none", "TG2 none", "TG3 none"});
  // Must not: a label after the list whose items are no groups ("För kommunerna:" over units).
  CHECK(groups(labelled + "För kommunerna:\n\u2022 individ- och familjeomsorgen\n\u2022 elevhälsan\n") ==
        std::vector<std::string>{"TG1 none", "TG2 none", "TG3 none"});
}

TEST_CASE("the first of target groups said alike right under Målgrupper is a group, not a heading", "[extract]") {
  Fixture f;
  auto ids = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const TargetGroup& tg : f.Extract(text).target_groups) out.push_back(tg.framework_id.value_or("-"));
    return out;
  };
  CHECK(ids("Lokal överenskommelse\n\nMålgrupper\nPersoner i alla åldrar med psykisk funktionsnedsättning\n"
            "Personer i alla åldrar som missbrukar alkohol, narkotika, andra beroendeframkallande\n"
            "medel, läkemedel, dopningsmedel eller spel om pengar\n\nParter\nText.\n") ==
        std::vector<std::string>{"TG3", "TG4"});
}

TEST_CASE("a lead-in whose verb takes the list is neither heading nor label, blank line or colon after it", "[extract]") {
  Fixture f;
  auto texts = [&](const std::string& list) {
    std::vector<std::string> out;
    for (const TargetGroup& tg : f.Extract("Lokal överenskommelse\n\n3. Målgrupper\n\n" + list).target_groups)
      out.push_back(tg.text);
    return out;
  };
  const std::string items =
      "\u2022 barn upp till 18 år som har eller\nriskerar att utveckla psykisk ohälsa,\n"
      "\u2022 personer i alla åldrar med psykisk\nfunktionsnedsättning,\n\n4. Giltighetstid\n";
  const std::vector<std::string> want = {"barn upp till 18 år som har eller riskerar att utveckla psykisk ohälsa",
                                         "personer i alla åldrar med psykisk funktionsnedsättning"};
  CHECK(texts("Överenskommelsen omfattar\n\n" + items) == want);
  CHECK(texts("Överenskommelsen omfattar:\n\n" + items) == want);
  CHECK(texts("Avtalet gäller\n" + items) == want);
}

// A narrow column breaks "Psykiatri" | "Skåne," and makes every line short.
TEST_CASE("parties represented by units in a sentence wrapped in a narrow column", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\n4. Parter\nKommunerna företräds av socialtjänsten,\nLSS-verksamheten, elevhälsan och\n"
      "förskole- och skolförvaltningarna.\nRegion Skåne företräds av Psykiatri\nSkåne, Barn- och ungdomspsykiatrin,\n"
      "Habiliteringen och vårdcentralerna i\ndelregionen.\n\n5. Samverkansstruktur\nText.\n");
  std::vector<std::string> region;
  for (const Party& p : d.parties)
    if (p.principal == Principal::kRegion) region.push_back(p.text);
  CHECK(region == std::vector<std::string>{"Psykiatri Skåne", "Barn- och ungdomspsykiatrin", "Habiliteringen", "Vårdcentralerna i delregionen"});
  // Must not: items of a list in a narrow column, one of them full, run together.
  Document items = f.Extract("Lokal överenskommelse\n\nParter\nFör Region Skåne:\nVuxenpsykiatrin i Helsingborg och Ängelholm\n"
                             "Barn- och ungdomspsykiatrin, BUP\nHabiliteringen\n");
  CHECK(items.parties.size() == 3);
}

TEST_CASE("a list of parties goes on past a line taken for a heading inside it", "[extract]") {
  Fixture f;
  auto parties = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const Party& p : f.Extract(text).parties) out.push_back((p.principal == Principal::kRegion ? "region " : "kommun ") + p.text);
    return out;
  };
  const std::string parter =
      "Lokal överenskommelse\n\nParter\nParter för Trelleborgs kommun och Svedala kommun:\n\n"
      "\u2022 Socialförvaltningen\n\u2022 Barn- och utbildningsförvaltningen\n\n"
      "Elevhälsans medicinska och psykologiska\ninsatser\n\n";
  CHECK(parties(parter + "För Region Skåne och andra vårdgivare i kommunerna:\n\u2022 Vuxenpsykiatrin\n\u2022 Habiliteringen\n") ==
        std::vector<std::string>{"kommun Socialförvaltningen", "kommun Barn- och utbildningsförvaltningen", "region Vuxenpsykiatrin",
                                 "region Habiliteringen"});
  // Must not: after a Parter section that ended in prose, a later section's lists of duties.
  CHECK(parties("Lokal överenskommelse\n\nParter\nParterna framgår av bilaga 1.\n\nUppdrag i vardagen\n"
                "För kommunerna:\n\u2022 Erbjuda boendestöd\n") == std::vector<std::string>{});
}

// On a page read in two columns the other column's lines share the source lines.
TEST_CASE("a validity's dates are its own section's, beside another column", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Bakgrund                                          Giltighetstid\n"
      "Överenskommelsen bygger på ramöverenskommelsen    Överenskommelsen gäller från och med\n"
      "från 2021-02-11 och på den lokala planen från     den 1 januari 2025 och tre år framåt.\n"
      "2020 som nu ersätts av denna överenskommelse.     Den kan sägas upp av var och en av parterna.\n"
      "Vidare text om bakgrunden till överenskommelsen   Uppsägningstiden är sex månader för alla\n");
  REQUIRE(d.validity.has_value());
  CHECK(d.validity->from == CivilDate{2025, 1, 1});
  CHECK(d.validity->until == CivilDate{2027, 12, 31});
}

TEST_CASE("an item naming two words only one group has is that group's", "[extract]") {
  Fixture f;
  auto groups = [&](const std::string& items) {
    std::vector<std::string> out;
    for (const TargetGroup& tg : f.Extract("Lokal överenskommelse\n\nMålgrupper\nÖverenskommelsen omfattar:\n" + items).target_groups)
      out.push_back(tg.framework_id.value_or("-") + " " + std::string(ToString(tg.deviation)));
    return out;
  };
  const std::string tg3 = "• Personer i alla åldrar med psykisk funktionsnedsättning\n";
  // "missbruk" and "beroende" are TG4's words alone, though "personer i alla åldrar med" is nearer TG3.
  CHECK(groups(tg3 + "• Personer i alla åldrar med missbruk eller beroende\n• Barn och unga placerade utanför hemmet\n") ==
        std::vector<std::string>{"TG3 none", "TG4 reworded", "TG2 reworded"});
  // Must not: an item about other people than the group's, or naming one such word only.
  CHECK(groups(tg3 + "• Äldre som har psykisk ohälsa och riskerar att utveckla demens\n• Äldre personer med psykisk ohälsa\n") ==
        std::vector<std::string>{"TG3 none", "- none", "- none"});
}

TEST_CASE("the end of the validity is no deadline, and parties may be named in the title", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Överenskommelse\nom samverkan mellan Trelleborgs kommun, Svedala kommun och Region Skåne avseende psykisk hälsa\n\n"
      "Giltighet\nAvtalet gäller från undertecknandet och till och med den 31 december 2025.\n\n"
      "Ansvar\nKommunen ska senast 2025-06-30 ta fram en rutin.\n\nTvister\nSe ramöverenskommelsen.\n\nMålgrupper\nBarn.\n");
  std::vector<std::pair<std::string, DateRole>> roles;
  for (const DateSpan& date : d.dates) roles.emplace_back(date.text, date.role);
  CHECK(roles == std::vector<std::pair<std::string, DateRole>>{{"till och med den 31 december 2025", DateRole::kValidUntil},
                                                                {"senast 2025-06-30", DateRole::kDeadline}});
  REQUIRE(d.validity);
  CHECK(d.validity->until == CivilDate{2025, 12, 31});
  REQUIRE(d.parties.size() == 3);
  CHECK(d.parties[0].text == "Trelleborgs kommun");
  CHECK(d.parties[2].text == "Region Skåne");
  CHECK(d.parties[2].principal == Principal::kRegion);
  // Must not: a title naming one principal only, or none by name.
  const std::string sections = "\n\nTvister\nSe ramöverenskommelsen.\n\nGiltighetstid\nGäller tills vidare.\n\nMålgrupper\nBarn.\n";
  CHECK(f.Extract("Överenskommelse\nom samverkan mellan Trelleborgs kommun och regionen" + sections).parties.empty());
  CHECK(f.Extract("Överenskommelse\nom samverkan mellan kommunerna och Region Skåne" + sections).parties.empty());
  // A title wrapped onto a second line, read as one heading
  Document wrapped = f.Extract("Överenskommelse om samverkan kring barn och unga\nmellan Lunds kommun och Region Skåne\n\n"
                               "Tvister\nSe ramöverenskommelsen.\n\nGiltighetstid\nGäller tills vidare.\n\nMålgrupper\nBarn.\n");
  REQUIRE(wrapped.parties.size() == 2);
  CHECK(wrapped.parties[0].text == "Lunds kommun");
  // Must not: a news item about an agreement between them
  CHECK(f.Extract("Ny lokal överenskommelse mellan Region Skåne och Helsingborgs stad\n\nDen 1 oktober 2021 börjar den gälla.\n")
            .parties.empty());
}

TEST_CASE("a heading naming an area with an activity table under it is an area", "[extract]") {
  Fixture f;
  const std::string table =
      "Aktivitet                                   Ansvarig              Tidplan\n"
      "Hälsosamtal för personer med LSS-insatser   Kommunerna            HT 2025\n"
      "Gemensam rutin för somatisk screening       Psykiatri Skåne       Q1 2026\n";
  Document d = f.Extract("Handlingsplan 2025\n\nUtvecklingsområde: Kroppslig hälsa\n\n" + table);
  REQUIRE(d.areas.size() == 1);
  CHECK(d.areas[0].name == "Kroppslig hälsa");
  CHECK(d.areas[0].framework_id == std::optional<std::string>("KROPPSLIG-HALSA"));
  CHECK(d.areas[0].follow_up == FollowUp::kUnknown);
  REQUIRE(d.responsibilities.size() == 2);
  CHECK(d.responsibilities[1].area == "Kroppslig hälsa");
  // Must not: a heading naming no framework area, or an area heading with prose under it.
  CHECK(f.Extract("Handlingsplan 2025\n\nUtvecklingsområde: Fritid\n\n" + table).areas.empty());
  CHECK(f.Extract("Handlingsplan 2025\n\nKroppslig hälsa\n\nPersoner med psykisk ohälsa har sämre hälsa.\n").areas.empty());
}

TEST_CASE("a part of a numbered framework area is no area of its own", "[extract]") {
  Fixture f;
  auto areas = [&](const std::string& body) {
    std::vector<std::string> out;
    for (const Area& a : f.Extract("Handlingsplan 2025\n\n" + body).areas) out.push_back(a.name);
    return out;
  };
  const std::string rest = "\nFå SIP hölls med barn.\n\nAktiviteter\nSocialtjänsten ska följa upp rutinen.\n";
  CHECK(areas("1. Samordnad individuell plan (SIP)\n\nNuläge" + rest) == std::vector<std::string>{"Samordnad individuell plan (SIP)"});
  CHECK(areas("1. Samordnad individuell plan (SIP)\n\n1.1 Nuläge" + rest) ==
        std::vector<std::string>{"Samordnad individuell plan (SIP)"});
  // Must not: a sibling numbered alike, or headings without numbers.
  CHECK(areas("1. Samordnad individuell plan (SIP)\n\n2. Skolnärvaro" + rest) == std::vector<std::string>{"Skolnärvaro"});
  CHECK(areas("Samordnad individuell plan (SIP)\n\nNuläge" + rest) == std::vector<std::string>{"Nuläge"});
}

TEST_CASE("parties named on lines of their own under Parter", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "LOKAL ÖVERENSKOMMELSE\n\nPARTER\nSocialnämnden i Ystads kommun\nSocialnämnden i Tomelilla kommun\n"
      "Region Skåne genom Psykiatri Skåne och Skånevård Sund\n\nTVISTER\nSe ramöverenskommelsen.\n");
  std::vector<std::pair<Principal, std::string>> parties;
  for (const Party& p : d.parties) parties.emplace_back(p.principal, p.text);
  CHECK(parties == std::vector<std::pair<Principal, std::string>>{{Principal::kKommun, "Socialnämnden i Ystads kommun"},
                                                                 {Principal::kKommun, "Socialnämnden i Tomelilla kommun"},
                                                                 {Principal::kRegion, "Psykiatri Skåne"},
                                                                 {Principal::kRegion, "Skånevård Sund"}});
  // Must not: a heading naming a principal with its own list under it is no party itself.
  Document listed = f.Extract("Avtal\n\nParter\n\nRegion Skåne\n\u2022 BUP\n\u2022 Vuxenpsykiatrin\n");
  REQUIRE(listed.parties.size() == 2);
  CHECK(listed.parties[0].text == "BUP");
}

TEST_CASE("a signature line of several places dates the agreement", "[extract]") {
  Fixture f;
  const std::string body = "Lokal överenskommelse\n\nParter\nKommunerna och regionen.\n\nText.\n\n";
  CHECK(f.Extract(body + "Trelleborg, Svedala och Vellinge den 1 december 2023\n").date == CivilDate{2023, 12, 1});
  CHECK(f.Extract(body + "Östra Göinge 2023-12-01\n").date == CivilDate{2023, 12, 1});
  // Must not: a sentence that ends in a date.
  CHECK_FALSE(f.Extract(body + "Arbetet i Trelleborg och Vellinge pågår sedan 1 december 2023\n").date);
}

TEST_CASE("a decision's date on the line under the words that say it", "[extract]") {
  Fixture f;
  const std::string body = "\n\nBakgrund\nText om planen och dess mål.\n\nUppföljning\nPlanen följs upp årligen.\n";
  CHECK(f.Extract("Handlingsplan 2025–2026\n\nFastställd av den delregionala styrgruppen\nden 12 februari 2025" + body).date ==
        CivilDate{2025, 2, 12});
  // Must not: a date opening a line under words that decide nothing.
  CHECK(f.Extract("Handlingsplan 2025–2026\n\nUppföljningen av den delregionala styrgruppen\nden 12 februari 2025" + body).date !=
        CivilDate{2025, 2, 12});
}

// "Aktivitet: Kartläggning ..." is split into its label and its text; the
// text is the label's content, never a heading (it used to become an area).
TEST_CASE("the text after an inline label is content, not a heading", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2025\n\nSuicidprevention\nMål: Färre försök.\n\nAktivitet: Kartläggning av riskgrupper\n"
      "Ansvarig: Psykiatri Skåne\nKlart: 2025-06-30\n\nAktivitet: Utbildning i riskbedömning\nAnsvarig: Kommunerna\n\n"
      "Uppföljning: Antal utbildade per år\n");
  REQUIRE(d.areas.size() == 1);
  CHECK(d.areas[0].name == "Suicidprevention");
  CHECK(d.areas[0].follow_up == FollowUp::kPresent);
  REQUIRE(d.responsibilities.size() == 2);
  CHECK(d.responsibilities[0].action == "Kartläggning av riskgrupper");
  CHECK(d.responsibilities[0].due == CivilDate{2025, 6, 30});
  CHECK(d.responsibilities[1].actor == std::optional<std::string>("Kommunerna"));
}

TEST_CASE("a section's name and a colon heads its section, alone or before its text", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParter: Bjuvs kommun, Båstads kommun och Region Skåne.\n\n"
      "Giltighetstid: Överenskommelsen gäller 2023-01-01 \u2013 2024-12-31.\n\nTvister:\n1. Cheferna.\n2. SSP.\n");
  std::vector<std::string> ids;
  for (const Section& s : d.sections) ids.push_back(s.id);
  CHECK(ids == std::vector<std::string>{"parter", "giltighetstid", "tvister"});
  CHECK(d.kind == DocumentKind::kLokalOverenskommelse);
  REQUIRE(d.validity.has_value());
  CHECK(d.validity->until == CivilDate{2024, 12, 31});
  // Must not: an introduction that merely starts with a section's word.
  Document intro = f.Extract("Lokal överenskommelse\n\nTvister\nTvister hanteras stegvis:\n1. Cheferna.\n2. SSP.\n");
  REQUIRE(intro.sections.size() == 1);
  CHECK(intro.dispute_steps.size() == 2);
}

TEST_CASE("an activity's owner named in parentheses", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2025\n\nSamsjuklighet\nAktiviteter\n"
      "\u2022 Gemensam bedömningsmall tas fram (ansvarig: Psykiatri Skåne, klart: Q2 2025).\n"
      "\u2022 Utbildning för personal (ansvar: socialtjänsten, tid: hösten 2025)\n"
      "\u2022 Rutin för SIP tas fram (se bilaga 2).\n"
      "\u2022 Uppföljning av väntetider (ansvar: kommunen ansvarar för att samla in data).\n");
  REQUIRE(d.responsibilities.size() >= 2);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Psykiatri Skåne"));
  CHECK(d.responsibilities[0].action == "Gemensam bedömningsmall tas fram");
  CHECK(d.responsibilities[0].due == CivilDate{2025, 6, 30});
  CHECK(d.responsibilities[1].actor == std::optional<std::string>("Socialtjänsten"));
  // Must not: a parenthesis that names nobody, or prose about a duty.
  for (size_t i = 2; i < d.responsibilities.size(); ++i) CHECK_FALSE(d.responsibilities[i].actor);
}

TEST_CASE("an agreement called an avtal is an agreement", "[extract]") {
  Fixture f;
  const std::string sections = "\n\nParter\nYstads kommun och Region Skåne.\n\nGiltighetstid\nGäller tills vidare.\n\n"
                               "Tvister\nEnligt ramöverenskommelsen.\n";
  // A samverkansavtal is framework level: the county-wide agreement.
  CHECK(f.Extract("Samverkansavtal" + sections).kind == DocumentKind::kRamoverenskommelse);
  CHECK(f.Extract("Avtal om samverkan kring psykisk hälsa" + sections).kind == DocumentKind::kLokalOverenskommelse);
  // Must not: a title that says neither, or too few of the framework's sections.
  CHECK(f.Extract("Protokoll från styrgruppen" + sections).kind == DocumentKind::kAnnat);
  CHECK(f.Extract("Samverkansavtal\n\nParter\nYstads kommun.\n").kind == DocumentKind::kAnnat);
}

TEST_CASE("a principal represented 'genom' its units", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParter\nParterna är Lunds kommun, Eslövs kommun och Region Skåne genom "
      "Barn- och ungdomspsykiatrin och Habiliteringen.\n");
  // The kommuner named before the region are parties in their own right.
  REQUIRE(d.parties.size() == 4);
  CHECK(d.parties[0].text == "Lunds kommun");
  CHECK(d.parties[0].principal == Principal::kKommun);
  CHECK(d.parties[1].text == "Eslövs kommun");
  CHECK(d.parties[2].text == "Barn- och ungdomspsykiatrin");
  CHECK(d.parties[2].principal == Principal::kRegion);
  CHECK(d.parties[3].text == "Habiliteringen");
  // Must not: words before the region that name no kommun.
  Document vague = f.Extract(
      "Lokal överenskommelse\n\nParter\nParterna är berörda verksamheter i kommunerna och Region Skåne genom BUP.\n");
  REQUIRE(vague.parties.size() == 1);
  CHECK(vague.parties[0].text == "BUP");
  // Must not: "genom" after something that is no principal.
  CHECK(f.Extract("Lokal överenskommelse\n\nParter\nArbetet sker genom samverkan och dialog.\n").parties.empty());
  // Each principal with its own "genom"; a word cut at its hyphen goes on after the comma.
  Document both = f.Extract(
      "Lokal överenskommelse\n\nParter\nMalmö stad genom hälsa-, vård- och omsorgsnämnden och Region Skåne genom "
      "Psykiatri Skåne och Habiliteringen.\n");
  std::vector<std::pair<Principal, std::string>> parties;
  for (const Party& p : both.parties) parties.emplace_back(p.principal, p.text);
  CHECK(parties == std::vector<std::pair<Principal, std::string>>{{Principal::kKommun, "Hälsa-, vård- och omsorgsnämnden"},
                                                                   {Principal::kRegion, "Psykiatri Skåne"},
                                                                   {Principal::kRegion, "Habiliteringen"}});
}

TEST_CASE("a dispute ladder laid out as a table of levels", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nTvister\nTvister hanteras i följande ordning:\nSteg 1   Berörda verksamhetschefer\n"
      "Steg 2   Delregional ledningsgrupp\nSteg 3   Skånegemensam samverkansgrupp psykiatri (SSP)\n"
      "Steg 4   Centralt samverkansorgan (CSO)\n");
  REQUIRE(d.dispute_steps.size() == 4);
  CHECK(d.dispute_steps[0].actor == "Berörda verksamhetschefer");
  CHECK(d.dispute_steps[1].order == 2);
  CHECK(d.dispute_steps[3].body == "CSO");
  // Must not: a sentence about steps is no step.
  CHECK(f.Extract("Lokal överenskommelse\n\nTvister\nStegvis hanteras tvister av cheferna.\n").dispute_steps.empty());
  // A typed table of levels, with bars or tabs: a number, then the body.
  for (const char* table : {"| Nivå | Forum |\n|---|---|\n| 1 | Berörda chefer |\n| 2 | SSP |\n| 3 | CSO |\n",
                            "Nivå\tForum\n1\tBerörda chefer\n2\tSSP\n3\tCSO\n"}) {
    Document typed = f.Extract(std::string("Lokal överenskommelse\n\nTvister\n") + table + "\nGiltighetstid\nTills vidare.\n");
    INFO(table);
    REQUIRE(typed.dispute_steps.size() == 3);
    CHECK(typed.dispute_steps[0].actor == "Berörda chefer");
    CHECK(typed.dispute_steps[2].body == "CSO");
    CHECK(typed.sections.size() == 2);
  }
}

TEST_CASE("validity, notice and the dispute ladder", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nTvister\n1. Enhetschefer.\n2. Skånegemensam samverkansgrupp psykiatri (SSP).\n"
      "3. Centralt Samverkansorgan.\n\nGiltighetstid\nÖverenskommelsen gäller från och med beslutsdatum och tills vidare "
      "med två års uppsägningstid.\n");
  REQUIRE(d.validity.has_value());
  CHECK(d.validity->from_text == "beslutsdatum");
  CHECK(d.validity->until_further_notice);
  CHECK(d.validity->notice_months == std::optional<int>(24));
  REQUIRE(d.dispute_steps.size() == 3);
  CHECK(d.dispute_steps[1].body == "SSP");
  CHECK(d.dispute_steps[2].body == "CSO");
}

// A kommun in the title names the document's delregion when no party does:
// the title says whose plan it is. Elsewhere a bare name may be a city.
TEST_CASE("a kommun named in the title gives the delregion", "[extract]") {
  Fixture f;
  CHECK(f.Extract("Handlingsplan för Malmö 2025\n\nAktiviteter\n• Rutin tas fram.\n").delregion ==
        std::optional<std::string>("Malmö"));
  CHECK(f.Extract("Lokal överenskommelse\nYstad\n\nBakgrund\nText.\n").delregion == std::optional<std::string>("Sydost"));
  // Must not: kommuner of two delregions in the title, a kommun only in the
  // text, or a title the text's delregion contradicts.
  CHECK_FALSE(f.Extract("Handlingsplan Lund och Ystad\n\nText.\n").delregion);
  CHECK_FALSE(f.Extract("Handlingsplan 2025\n\nMottagningen i Malmö tar emot alla.\n").delregion);
  CHECK_FALSE(f.Extract("Handlingsplan för Malmö\n\nGäller delregion Nordost och delregion Nordost.\n").delregion);
}

// Reference patterns whose matches start with known words are only tried
// where those words are; the others must still be found by a full scan.
TEST_CASE("reference patterns without a literal start are still found", "[extract]") {
  ReferenceData ref = LoadReferenceData(EmbeddedReferenceSources()).value();
  for (Delregion& d : ref.delregions)
    if (d.name == "Sydost") d.aliases.push_back("[xy]sösk-området");
  ref.vocabulary.placeholders.push_back(R"([0-9]+ kr \?\?\?)");
  ref.laws.back().name_pattern = "[Ff]örvaltningslag(en)?";
  auto extractor = Extractor::Create(ref).value();
  Document d = extractor->Extract(
      Normalize(SourceText{"t.txt", "Lokal överenskommelse\n\nGäller xsösk-området och ysösk-området.\nBudget 100 kr ???.\nEnligt förvaltningslagen.\n",
                           "utf-8", {}}),
      "t.txt");
  CHECK(d.delregion == std::optional<std::string>("Sydost"));
  REQUIRE(d.placeholders.size() == 1);
  CHECK(d.placeholders[0].text == "100 kr ???");
  REQUIRE(d.legal_references.size() == 1);
  CHECK(d.legal_references[0].law_id == "FL");
}

TEST_CASE("located reference words find what one alternation of the patterns finds", "[extract]") {
  // Two laws start with the same word: where both match, the earlier in the
  // table wins, as in the alternation; where it does not, the later is tried.
  ReferenceData ref = LoadReferenceData(EmbeddedReferenceSources()).value();
  Law special;
  special.id = "SOCX";
  special.name_pattern = R"(socialtjänstlagen om \w+)";
  ref.laws.insert(ref.laws.begin(), special);
  ReferenceData whole_text = ref;  // a pattern without a literal start makes the laws scan the whole text
  Law odd;
  odd.id = "ODD";
  odd.name_pattern = "[Qq]zzqx";
  whole_text.laws.push_back(odd);
  const std::string text =
      "Lokal överenskommelse\n\nEnligt socialtjänstlagen om barn och socialtjänstlagen (2001:453) samt SoL 2 kap.\n"
      "HSL och hälso- och sjukvårdslagen gäller. Socialtjänstlagen om.\n";
  auto located = Extractor::Create(ref).value(), scanned = Extractor::Create(whole_text).value();
  auto refs = [&](const Extractor& e) {
    std::vector<std::string> out;
    for (const LegalReference& r : e.Extract(Normalize(SourceText{"t.txt", text, "utf-8", {}}), "t.txt").legal_references)
      out.push_back(r.law_id.value_or("?") + "@" + std::to_string(r.span.line) + ":" + std::to_string(r.span.column) + " " + r.text);
    return out;
  };
  std::vector<std::string> found = refs(*located);
  CHECK(found == refs(*scanned));
  REQUIRE(found.size() >= 5);
  CHECK(found[0].rfind("SOCX@", 0) == 0);
  CHECK(found[1].rfind("SoL-2001@", 0) == 0);
}

// A duty's verb or agent on the line below its actor: the unit is read
// whole, though its words stand on two lines.
TEST_CASE("a duty is read whatever line its words start on", "[extract]") {
  Fixture f;
  auto actor_of = [&](const std::string& text) {
    Document d = f.Extract("Lokal överenskommelse\n\nAnsvar\n" + text);
    return d.responsibilities.empty() ? std::string("-") : d.responsibilities[0].actor.value_or("?");
  };
  CHECK(actor_of("Kommunerna\nska ta fram en gemensam rutin för SIP.\n") == "Kommunerna");
  CHECK(actor_of("Kommunerna ska\nta fram en gemensam rutin för SIP.\n") == "Kommunerna");
  CHECK(actor_of("Rutinen för SIP följs upp\nav styrgruppen varje år.\n") == "Styrgruppen");
  CHECK(actor_of("Rutinen för SIP är en gemensam\nrutin för alla parter.\n") == "-");
}

TEST_CASE("a duty's actor is at most 91 characters long", "[extract]") {
  Fixture f;
  auto actor_of = [&](size_t runes) {
    // "Styrgruppen för " is 16 characters; each "å" is one character of two bytes.
    std::string actor = "Styrgruppen för ";
    for (size_t n = 16; n < runes; ++n) actor += (n % 12 == 0 ? " " : "å");
    Document d = f.Extract("Lokal överenskommelse\n\n" + actor + " ska ta fram en gemensam plan.\n");
    return d.responsibilities.empty() ? std::optional<std::string>() : d.responsibilities[0].actor;
  };
  CHECK(actor_of(60).has_value());
  CHECK(actor_of(91).has_value());
  CHECK_FALSE(actor_of(92).has_value());
}

TEST_CASE("web addresses printed inside a sentence are not part of it", "[extract]") {
  Fixture f;
  auto action_of = [&](const std::string& between, const std::string& after) {
    Document d = f.Extract("Lokal överenskommelse\n\nKommunen ska erbjuda stöd till barn och unga i skolan genom att\n\n" + between + after);
    return d.responsibilities.empty() ? std::string() : d.responsibilities[0].action;
  };
  const std::string links = "https://www.exempel.se/stod/sida.html\nwww.exempel.se/annan\n\n";
  // Footnote links between "genom att" and its lower-case continuation.
  CHECK(action_of(links, "samordna insatserna.\n") == "ska erbjuda stöd till barn och unga i skolan genom att samordna insatserna");
  // A link that ends the paragraph, or is followed by a new sentence, stays.
  CHECK(action_of("https://www.exempel.se/stod\n", "").find("https://www.exempel.se/stod") != std::string::npos);
  CHECK(action_of(links, "Samordningen följs upp.\n").find("https://www.exempel.se") != std::string::npos);
  // A line with words besides the address is prose.
  CHECK(action_of("https://www.exempel.se och annat\n", "samordna.\n").find("och annat") != std::string::npos);
}

TEST_CASE("a short first line of a wrapped sentence is prose, a short heading stays one", "[extract]") {
  Fixture f;
  // A narrow column wraps early: the actor's line is short but full.
  Document narrow = f.Extract(
      "Lokal överenskommelse\n\nSuicidprevention\nAktiviteter\nSamverkansgruppen ska ta fram en\n"
      "gemensam handlingsplan för\nsuicidprevention senast 2026-10-31.\n");
  REQUIRE(narrow.responsibilities.size() == 1);
  CHECK(narrow.responsibilities[0].actor == "Samverkansgruppen");
  CHECK(narrow.responsibilities[0].due == CivilDate{2026, 10, 31});
  // A heading before a paragraph that starts in lower case: the next word would have fitted.
  Document wide = f.Extract(
      "Lokal överenskommelse\n\nParter\nsocialförvaltningarna och vuxenpsykiatrin samverkar i delregionen sedan "
      "länge och\nföljer upp arbetet varje år.\n");
  bool parter = false;
  for (const auto& s : wide.sections) parter |= s.id == "parter";
  CHECK(parter);
}

TEST_CASE("old organisation names, but not remarks on the change", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParterna är kommunerna och Landstinget Skåne.\n"
      "Uppföljningen rapporteras till Kommunförbundet Skåne och SKL.\n"
      "Landstinget (numera Region Skåne) ansvarade för vården.\n"
      "Landstinget Skåne och Region Skåne nämns båda här.\n"
      "Vi skl inte förväxla med en förkortning.\n");
  std::vector<std::string> names;
  for (const OldName& n : d.old_names) names.push_back(n.text + " -> " + n.current);
  CHECK(names == std::vector<std::string>{"Landstinget Skåne -> Region Skåne", "Kommunförbundet Skåne -> Skånes Kommuner",
                                          "SKL -> Sveriges Kommuner och Regioner (SKR)"});
}

TEST_CASE("a repeal points at the line of its verb, not the paragraph's first", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nBakgrund\nÖverenskommelsen beskriver hur kommunerna och regionen samverkar\n"
      "kring barn och unga med psykisk ohälsa i delregionen. Den ersätter den lokala\n"
      "överenskommelsen från 2019.\n");
  REQUIRE(d.repeals.size() == 1);
  CHECK(d.repeals[0].span.line == 5);
  CHECK(d.repeals[0].text == "den lokala överenskommelsen från 2019");
}

TEST_CASE("a repeal said over a line break is read, in any unit of the text", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nInledning\nDen här texten inleder.\n\nBakgrund\nDen tidigare lokala överenskommelsen upphör att\n"
      "gälla när denna överenskommelse har undertecknats.\n");
  REQUIRE(d.repeals.size() == 1);
  CHECK(d.repeals[0].span.line == 7);
  Document none = f.Extract("Lokal överenskommelse\n\nBakgrund\nAvtalet upphör inte att gälla. Ersättning utgår.\n");
  CHECK(none.repeals.empty());
}

// A bare SFS number is read where it stands: after "SFS" and any spaces,
// inside "lag (...)", or in parentheses; never a year and number alone.
TEST_CASE("bare SFS numbers are read in each of their forms", "[extract]") {
  Fixture f;
  auto sfs_of = [&](const std::string& sentence) {
    std::vector<std::string> out;
    Document d = f.Extract("Lokal överenskommelse\n\nBakgrund\n" + sentence + "\n");
    for (const LegalReference& r : d.legal_references) out.push_back(r.law_id.value_or("?") + " " + r.sfs.value_or("-"));
    return out;
  };
  const std::vector<std::string> lss = {"LSS 1993:387"};
  CHECK(sfs_of("Insatserna ges enligt SFS 1993:387 till den enskilde.") == lss);
  CHECK(sfs_of("Insatserna ges enligt sfs   1993:387 till den enskilde.") == lss);
  CHECK(sfs_of("Insatserna ges enligt lag (1993:387) till den enskilde.") == lss);
  CHECK(sfs_of("Insatserna ges enligt lagen (1993:387) om stöd.") == lss);
  CHECK(sfs_of("(1993:387)") == lss);
  CHECK(sfs_of("Se x(1993:387) och SFS 1990:52.") == std::vector<std::string>{"LSS 1993:387", "LVU 1990:52"});
  CHECK(sfs_of("Klockan 1993:387 är ingen lag, inte heller 993:387 eller (1993: 387).").empty());
}

// A list of parties whose last item lost its marker and stands between
// blank lines reads as a heading: a short line naming a unit is still the
// list's item. Must not: a heading that names none, or one over two lines.
TEST_CASE("a party list's last item taken for a heading is still a party", "[extract]") {
  Fixture f;
  auto parties = [&](const std::string& last) {
    Document d = f.Extract("Lokal överenskommelse\n\nParter\nFör Region Skåne samt andra verksamheter:\n\n"
                           "• Barn- och ungdomspsykiatri\n• Habiliteringsmottagningar\n\n" + last +
                           "\n\nAlla parter har ett ansvar att informera om överenskommelsen.\n");
    std::vector<std::string> out;
    for (const Party& p : d.parties) out.push_back(std::string(p.principal == Principal::kRegion ? "R " : "K ") + p.text);
    return out;
  };
  CHECK(parties("Vuxenpsykiatri") ==
        std::vector<std::string>{"R Barn- och ungdomspsykiatri", "R Habiliteringsmottagningar", "R Vuxenpsykiatri"});
  CHECK(parties("Gemensamt ansvar").size() == 2);
  CHECK(parties("Ansvar för information").size() == 2);
}

TEST_CASE("parties listed inline keep the line each is written on", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParter\nKommunerna: Socialtjänsten, Skolan med elevhälsan, Arbetsmarknadsförvaltningen\n"
      "och Fritidsförvaltningen.\n");
  std::vector<std::pair<std::string, int>> parties;
  for (const Party& p : d.parties) parties.emplace_back(p.text, p.span.line);
  CHECK(parties == std::vector<std::pair<std::string, int>>{
                       {"Socialtjänsten", 4}, {"Skolan med elevhälsan", 4}, {"Arbetsmarknadsförvaltningen", 4},
                       {"Fritidsförvaltningen", 5}});
}

TEST_CASE("notice written as the length of the notice period", "[extract]") {
  Fixture f;
  for (auto [text, months] : {std::pair{"Uppsägningstiden är tolv månader.", 12}, {"med en uppsägningstid om sex månader.", 6},
                              {"Uppsägningstiden är ett år.", 12}, {"med 18 månaders uppsägningstid.", 18}}) {
    Document d = f.Extract(std::string("Lokal överenskommelse\n\nGiltighetstid\nÖverenskommelsen gäller tills vidare ") + text + "\n");
    INFO(text);
    REQUIRE(d.validity.has_value());
    CHECK(d.validity->notice_months == std::optional<int>(months));
  }
  Document none = f.Extract("Lokal överenskommelse\n\nGiltighetstid\nÖverenskommelsen gäller tills vidare. Den ses över om sex månader.\n");
  REQUIRE(none.validity.has_value());
  CHECK_FALSE(none.validity->notice_months.has_value());
}

TEST_CASE("a table of contents names sections but is not them", "[extract]") {
  Fixture f;
  const std::string body =
      "\n1. Tvister\n1. Enhetschefer.\n2. Skånegemensam samverkansgrupp psykiatri (SSP).\n\n"
      "2. Giltighetstid\nÖverenskommelsen gäller från och med 2025-04-01 och tills vidare.\n";
  for (const std::string contents : {"Innehåll\n1. Tvister ........ 2\n2. Giltighetstid . . . . . 3\n",
                                     "Innehållsförteckning\nTvister 2\nGiltighetstid 3\n",
                                     "Tvister\u2026\u2026\u2026 2\nGiltighetstid\u2026\u2026 3\n"}) {
    INFO(contents);
    Document d = f.Extract("Lokal överenskommelse\n\n" + contents + body);
    REQUIRE(d.validity.has_value());
    CHECK(d.validity->from == CivilDate{2025, 4, 1});
    REQUIRE(d.sections.size() == 2);
    CHECK(d.sections[0].heading == "Tvister");
    CHECK(d.sections[1].span.line > 6);
    CHECK(d.dispute_steps.size() == 2);
  }
  // A line ending in a number after a contents title that is not one stops it.
  Document d = f.Extract("Innehåll\nTvister 2\n\nBakgrund\nKommunerna har 33 medlemmar och 12\n");
  REQUIRE(d.sections.size() == 1);
  CHECK(d.sections[0].id == "bakgrund");
}

TEST_CASE("sub-headings written as labels with a colon, alone or before their text", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nUtvecklingsområden\n\n1.1 Suicidprevention\nMål: Färre självmordsförsök bland unga.\n"
      "Aktiviteter: Gemensam utbildning i riskbedömning genomförs under hösten 2025. Ansvarig är\n"
      "ledningsgruppen.\nUppföljning: antal utbildade redovisas.\n\n1.2 Samordnad individuell plan\nMålsättning:\n"
      "fler SIP med den enskilde.\nAktiviteter:\nKommunerna inför en rutin för kallelse senast 2025-12-31.\n"
      "Uppföljning:\nIngen uppföljning.\n");
  REQUIRE(d.areas.size() == 2);
  CHECK(d.areas[0].framework_id == std::optional<std::string>("SUICIDPREVENTION"));
  CHECK(d.areas[0].follow_up == FollowUp::kPresent);
  CHECK(d.areas[1].framework_id == std::optional<std::string>("SIP"));
  CHECK(d.areas[1].follow_up == FollowUp::kEmpty);
  REQUIRE(d.responsibilities.size() == 2);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Ledningsgruppen"));
  CHECK(d.responsibilities[0].span.line == 7);
  CHECK(d.responsibilities[1].actor == std::optional<std::string>("Kommunerna"));
  CHECK(d.responsibilities[1].due == CivilDate{2025, 12, 31});
}

TEST_CASE("a colon after words that are no sub-heading splits nothing", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nBakgrund\nObservera: målet är att fler ska få stöd.\n"
      "Målgruppen för arbetet: barn och unga.\nAktiviteter som berör skolan: se bilaga.\n");
  CHECK(d.areas.empty());
  REQUIRE(d.sections.size() == 1);
  CHECK(d.sections[0].id == "bakgrund");
}

TEST_CASE("an activity's named responsible must be someone", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nAktiviteter\nEn gemensam rutin tas fram. Ansvarig: vid behov.\n"
      "Utbildning i SIP genomförs. Ansvariga är BUP och socialtjänsten.\n");
  REQUIRE(d.responsibilities.size() == 1);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("BUP och socialtjänsten"));
}

TEST_CASE("parties named in prose: a principal represented by its units", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParter\nKommunerna företräds av socialtjänsten, elevhälsan och förskole- och\n"
      "skolförvaltningarna. Region Skåne representeras av Barn- och ungdomspsykiatrin och vårdcentralerna.\n"
      "Arbetet leds av en styrgrupp som företräds av ordföranden.\n");
  std::vector<std::tuple<Principal, std::string, int>> parties;
  for (const Party& p : d.parties) parties.emplace_back(p.principal, p.text, p.span.line);
  CHECK(parties == std::vector<std::tuple<Principal, std::string, int>>{
                       {Principal::kKommun, "Socialtjänsten", 4},
                       {Principal::kKommun, "Elevhälsan", 4},
                       {Principal::kKommun, "Förskole- och skolförvaltningarna", 4},
                       {Principal::kRegion, "Barn- och ungdomspsykiatrin", 5},
                       {Principal::kRegion, "Vårdcentralerna", 5}});
}

TEST_CASE("an action plan's activity table gives one activity per row", "[extract]") {
  Fixture f;
  // Rows right under each other; a date in the due column is the deadline.
  Document d = f.Extract(
      "Handlingsplan 2024\n\nAktiviteter\n"
      "Aktivitet                         Ansvarig              Klart\n"
      "Gemensam kartläggning av SIP      Styrgruppen           Q2 2024\n"
      "Utbildning i MI för socialtjänst  Arbetsgruppen barn    hösten 2024\n"
      "Ny rutin för utskrivning          Psykiatrin\n");
  REQUIRE(d.responsibilities.size() == 3);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Styrgruppen"));
  CHECK(d.responsibilities[0].action == "Gemensam kartläggning av SIP");
  CHECK(d.responsibilities[0].due == CivilDate{2024, 6, 30});
  CHECK(d.responsibilities[0].span.line == 5);
  CHECK(d.responsibilities[1].due == CivilDate{2024, 12, 31});
  CHECK(d.responsibilities[2].actor == std::optional<std::string>("Psykiatrin"));
  CHECK_FALSE(d.responsibilities[2].due.has_value());
  for (const DateSpan& date : d.dates)
    if (date.span.line >= 5) CHECK(date.role == DateRole::kDeadline);
}

TEST_CASE("an activity table's wrapped cells stay in their row", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2025\n\n"
      "    Aktivitet                         Ansvarig              Klart senast\n\n"
      "    Gemensam kartläggning av          Styrgruppen och       2025-06-30\n"
      "    SIP-processen i alla kommuner     lokala chefer\n\n"
      "    Utbildning i MI för personal      Arbetsgruppen barn    hösten 2025\n"
      "    inom socialtjänst och BUP         Och unga\n\n"
      "Planen följs upp av styrgruppen i december 2025.\n");
  REQUIRE(d.responsibilities.size() == 3);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Styrgruppen och lokala chefer"));
  CHECK(d.responsibilities[0].action == "Gemensam kartläggning av SIP-processen i alla kommuner");
  CHECK(d.responsibilities[1].actor == std::optional<std::string>("Arbetsgruppen barn Och unga"));
  CHECK(d.responsibilities[1].span.line == 8);
  CHECK(d.responsibilities[2].actor == std::optional<std::string>("Styrgruppen"));  // prose after the table, not a row
  CHECK(d.areas.empty());  // the plan's title holds areas; it is none
}

TEST_CASE("cells without an activity and a responsible column are no activity table", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2024\n\n"
      "Område                  Ansvarig          Klart\n"
      "Suicidprevention        Styrgruppen       2024\n\n"
      "Aktivitet               Kostnad\n"
      "Utbildning              100 000\n");
  CHECK(d.responsibilities.empty());
}

TEST_CASE("a table row is no heading; a heading set apart from its number still is", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\n3.      Målgrupper\n\u2022 Personer i alla åldrar med psykisk funktionsnedsättning\n\n"
      "Område                Ansvarig       Klart\nBakgrund och analys   Styrgruppen    2025\n");
  REQUIRE(d.sections.size() == 1);
  CHECK(d.sections[0].id == "malgrupper");
  CHECK(d.target_groups.size() == 1);
  // One line with a wide gap, no table around it, is still a heading.
  Document alone = f.Extract("Lokal överenskommelse\n\nGemensamma    utvecklingsområden\n\nSuicidprevention\nMål\nFärre försök.\n");
  REQUIRE(alone.sections.size() == 1);
  CHECK(alone.sections[0].id == "utvecklingsomraden");
}

TEST_CASE("an activity table whose other cells sit at the foot of their row", "[extract]") {
  Fixture f;
  // As a PDF table with cells aligned to the bottom comes out of pdftotext -layout.
  Document d = f.Extract(
      "Aktiviteter\n"
      "Aktivitet                                        Ansvarig                      Klart\n"
      "Gemensam kartläggning av SIP-processen i\n"
      "alla kommuner                                    Styrgruppen                   Q2 2025\n"
      "Utbildning i MI för personal inom socialtjänst\n"
      "och BUP                                          Arbetsgruppen barn och unga   hösten 2025\n"
      "Inventering av SIP-samordnare                                                  december 2025\n\n"
      "Planen följs upp varje år.\n");
  std::vector<std::tuple<std::optional<std::string>, std::string, int>> rows;
  for (const Responsibility& r : d.responsibilities) rows.emplace_back(r.actor, r.action, r.span.line);
  CHECK(rows == std::vector<std::tuple<std::optional<std::string>, std::string, int>>{
                    {"Styrgruppen", "Gemensam kartläggning av SIP-processen i alla kommuner", 3},
                    {"Arbetsgruppen barn och unga", "Utbildning i MI för personal inom socialtjänst och BUP", 5},
                    {std::nullopt, "Inventering av SIP-samordnare", 7}});
}

TEST_CASE("sections numbered with §, Roman numerals or in capitals; a numbered list's numbers", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "ÖVERENSKOMMELSE OM SAMARBETE\nmellan Ystads kommun och Region Skåne\n\n§ 1 MÅLGRUPPER\n"
      "1) Barn upp till 21 år som har eller riskerar att utveckla psykisk ohälsa eller psykisk funktionsnedsättning\n"
      "2) Personer i alla åldrar med psykisk funktionsnedsättning\n\nII. Parter\nKommunen: Socialtjänsten.\n\n"
      "§3 TVISTER\n1. Berörda chefer.\n2. Centralt Samverkansorgan.\n\nI samverkan med regionen\n\n"
      "4 § Giltighetstid\nÖverenskommelsen gäller 2023-01-01 -- 2024-12-31.\n");
  CHECK(d.kind == DocumentKind::kLokalOverenskommelse);
  std::vector<std::string> ids;
  for (const Section& s : d.sections) ids.push_back(s.id);
  CHECK(ids == std::vector<std::string>{"malgrupper", "parter", "tvister", "giltighetstid"});
  REQUIRE(d.validity.has_value());
  CHECK(d.validity->until == CivilDate{2024, 12, 31});
  REQUIRE(d.target_groups.size() == 2);
  CHECK(d.target_groups[0].text.starts_with("Barn upp till 21 år"));
  CHECK(d.target_groups[0].deviation == Deviation::kExtended);
  CHECK(d.target_groups[1].deviation == Deviation::kNone);
  CHECK(d.dispute_steps.size() == 2);
}

TEST_CASE("a date after a due label is a deadline; 'Datum:' outside a plan is not", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan\nDatum: 2024-05-02\n\nSuicidprevention\nAktiviteter\n"
      "\u2022 Gemensam utbildning i SIP. Ansvarig: Styrgruppen. Klart: Q3 2025.\n"
      "\u2022 Kartläggning av behov. Ansvarig: Elevhälsan. Tidplan: hösten 2025.\n\n"
      "Bakgrund\nRutinen ska vara klar. Slutdatum: 2026-01-31.\n");
  std::vector<std::pair<std::string, DateRole>> roles;
  for (const DateSpan& date : d.dates) roles.emplace_back(date.text, date.role);
  CHECK(roles == std::vector<std::pair<std::string, DateRole>>{{"2024-05-02", DateRole::kAgreementDate},
                                                                {"Q3 2025", DateRole::kDeadline},
                                                                {"hösten 2025", DateRole::kDeadline},
                                                                {"2026-01-31", DateRole::kDeadline}});
  REQUIRE(d.responsibilities.size() == 2);
  CHECK(d.responsibilities[0].due == CivilDate{2025, 9, 30});
  CHECK(d.responsibilities[1].actor == std::optional<std::string>("Elevhälsan"));
}

// An activity's record: its title (a heading or a line), then field lines
// naming who and by when. The fields are no headings of their own.
TEST_CASE("field lines after an activity name its owner and deadline", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2025\n\n1. Barn och unga\n\n1.1 Gemensam rutin för SIP\nAnsvar: Elevhälsan och BUP. Tid: Q3 2025.\n\n"
      "1.2 Kartläggning av väntetider\nAnsvarig: Psykiatri Skåne\nKlart: 2025-06-30\n\n"
      "Samverkan\nEn rutin för informationsöverföring tas fram.\nAnsvariga: Ledningsgruppen\nTidplan: december 2025\n");
  REQUIRE(d.responsibilities.size() == 3);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Elevhälsan och BUP"));
  CHECK(d.responsibilities[0].action == "Gemensam rutin för SIP");
  CHECK(d.responsibilities[0].due == CivilDate{2025, 9, 30});
  CHECK(d.responsibilities[1].actor == std::optional<std::string>("Psykiatri Skåne"));
  CHECK(d.responsibilities[1].due == CivilDate{2025, 6, 30});
  CHECK(d.responsibilities[1].span.line == 8);
  CHECK(d.responsibilities[2].action == "En rutin för informationsöverföring tas fram");
  CHECK(d.responsibilities[2].due == CivilDate{2025, 12, 31});
}

TEST_CASE("a heading naming an area with records under it is an area; a proper name or a compound names the owner", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2026\n\n1. Suicidprevention\n\n1.1 Kartläggning av riskgrupper\nAnsvarig: Omsorgsförvaltningen\n\n"
      "2. Samsjuklighet\n\n2.1 Bedömningsmall för samsjuklighet\nAnsvarig: Maria Malmö\n\n3. Kroppslig hälsa\nText om hälsa.\n");
  REQUIRE(d.areas.size() == 2);
  CHECK(d.areas[0].framework_id == std::optional<std::string>("SUICIDPREVENTION"));
  CHECK(d.areas[1].name == "Samsjuklighet");  // not its sub-heading, which names the same area
  CHECK(d.areas[1].follow_up == FollowUp::kUnknown);
  REQUIRE(d.responsibilities.size() == 2);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Omsorgsförvaltningen"));
  CHECK(d.responsibilities[1].actor == std::optional<std::string>("Maria Malmö"));
  CHECK(d.responsibilities[1].area == "Samsjuklighet");
}

TEST_CASE("a field line that is prose, or a date label without an owner, names nothing", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\nDatum: 2024-03-01\n\nAnsvarsfördelning\n"
      "Ansvar: Kommunen ansvarar för att erbjuda stöd i hemmet.\n\nBakgrund\nTid: hösten 2023 inleddes arbetet.\n");
  CHECK(d.responsibilities.empty());
  for (const DateSpan& date : d.dates) CHECK(date.role != DateRole::kDeadline);
}

// Found by the fuzzer: a label split off a line laid out in cells kept the
// whole line's cells, beyond the end of its shorter text.
TEST_CASE("an inline label on a line laid out in cells", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Suicidprevention\nMål: Färre försök.\nAktivitet      Ansvarig\nUppföljning: Andel SIP där den enskilde delt   För Region Skåne\n");
  CHECK(d.areas.size() == 1);
}

TEST_CASE("a duty's subject is no actor when it holds a clause or the duty is passive", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Protokoll\n\nÖvrigt\nLedningsgruppen beslutar att den lokala överenskommelsen ska revideras senast den 30 juni 2024. "
      "Styrgruppen ska informeras om resultatet. Arbetsgruppen ska redovisa ett förslag vid nästa möte.\n");
  REQUIRE(d.responsibilities.size() == 1);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Arbetsgruppen"));
}

TEST_CASE("a party's undertaking ('åtar sig att', 'förbinder sig att') is a duty", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParternas åtaganden\nRegionen åtar sig att utse en fast vårdkontakt senast 2025-06-30.\n\n"
      "Kommunerna förbinder sig att erbjuda boendestöd.\n\nParterna åtar sig gemensamt att upprätta SIP när behov finns.\n\n"
      "Den som åtar sig ett uppdrag behöver mandat.\n");
  std::vector<std::string> actors;
  for (const Responsibility& r : d.responsibilities) actors.push_back(r.actor.value_or("-"));
  // Must not: "Den som åtar sig" holds a clause, and names no one.
  CHECK(actors == std::vector<std::string>{"Regionen", "Kommunerna", "Parterna"});
  REQUIRE(!d.responsibilities.empty());
  CHECK(d.responsibilities[0].due == CivilDate{2025, 6, 30});
}

// A table typed with tabs: a row per line, its fields under their headings
// however wide its tabs, and an area column naming each row's area.
TEST_CASE("an activity table typed with tabs, with an area column", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2024\n\n"
      "Insatsområde\tAktivitet\tAnsvarig\tTidsram\tStatus\n"
      "Suicidprevention\tUtbilda skolpersonal i suicidprevention\tElevhälsan\tVT 2024\tGenomförd\n"
      "Suicidprevention\tInventera behov av stöd till efterlevande\tSocialtjänsten\tdecember 2024\tPågår\n"
      "Skolnärvaro\tKartlägga frånvaro\t\t2024-10-31\t\n");
  std::vector<std::string> rows;
  for (const Responsibility& r : d.responsibilities)
    rows.push_back(r.actor.value_or("-") + " | " + (r.due ? r.due->ToString() : "-") + " | " + r.area + " | " + r.status);
  CHECK(rows == std::vector<std::string>{"Elevhälsan | 2024-06-30 | Suicidprevention | Genomförd",
                                         "Socialtjänsten | 2024-12-31 | Suicidprevention | Pågår",
                                         "- | 2024-10-31 | Skolnärvaro | "});
  std::vector<std::string> areas;
  for (const Area& a : d.areas) areas.push_back(a.name + " " + a.framework_id.value_or("-"));
  CHECK(areas == std::vector<std::string>{"Suicidprevention SUICIDPREVENTION", "Skolnärvaro -"});
  // Must not: an area column naming no framework area (projects, say) names no areas.
  Document funded = f.Extract(
      "Handlingsplan 2024\n\nOmråde\tAktivitet\tAnsvarig\nLyftet\tUtbilda personal\tBUP\nBron\tStarta grupp\tKommunen\n");
  CHECK(funded.responsibilities.size() == 2);
  CHECK(funded.areas.empty());
}

// "Kommunens ansvar" over a list of duties in the infinitive: the kommun's.
TEST_CASE("a heading naming whose duties they are gives its list an actor", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nKommunens ansvar\n\u2022 Erbjuda boendestöd.\n\u2022 Kalla till SIP när behov uppstår.\n\n"
      "Gemensamt ansvar\n\u2022 Följa upp SIP minst en gång per år.\n\n"
      "Ekonomiskt ansvar\n\u2022 Bära sina egna kostnader.\n\n"
      "Regionens ansvar\n\u2022 Psykiatrisk utredning och behandling.\n");
  std::vector<std::string> duties;
  for (const Responsibility& r : d.responsibilities) duties.push_back(r.actor.value_or("-") + ": " + r.action);
  // Must not: a heading naming no one ("Ekonomiskt ansvar"), or an item that starts with no verb.
  CHECK(duties == std::vector<std::string>{"Kommunen: Erbjuda boendestöd", "Kommunen: Kalla till SIP när behov uppstår",
                                           "Parterna gemensamt: Följa upp SIP minst en gång per år"});
  // The same list in a PDF that lost its bullets: short lines of their own.
  Document plain = f.Extract("Lokal överenskommelse\n\nKommunernas ansvar\nErbjuda boendestöd.\nKalla till SIP när behov uppstår.\n\n"
                             "Regionens ansvar\nErbjuda stöd till alla som behöver det är ett gemensamt ansvar för kommunerna och "
                             "regionen i hela delregionen.\n");
  duties.clear();
  for (const Responsibility& r : plain.responsibilities) duties.push_back(r.actor.value_or("-") + ": " + r.action);
  // Must not: a long sentence under such a heading, though it opens with a verb.
  CHECK(duties == std::vector<std::string>{"Kommunerna: Erbjuda boendestöd", "Kommunerna: Kalla till SIP när behov uppstår"});
}

// Every label of the vocabulary's responsible column names the owner, in a
// record's field line or a parenthesis: "Vem:" as "Ansvarig:".
TEST_CASE("a record of what, who and when ('Vad:', 'Vem:', 'När:')", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2025\n\nSuicidprevention\n\nVad: Utbildning i suicidriskbedömning för skolpersonal\nVem: Elevhälsan\n"
      "När: hösten 2025\n\nVad: Översyn av rutin vid suicidförsök\nVem: Alla parter\nNär: Löpande\n\n"
      "Aktiviteter\nEn rutin för SIP tas fram (vem: Psykiatri Skåne, när: Q2 2025).\n");
  std::vector<std::string> rows;
  for (const Responsibility& r : d.responsibilities)
    rows.push_back(r.actor.value_or("-") + " | " + r.action + " | " + (r.due ? r.due->ToString() : r.due_text));
  CHECK(rows == std::vector<std::string>{"Elevhälsan | Utbildning i suicidriskbedömning för skolpersonal | 2025-12-31",
                                         "Alla parter | Översyn av rutin vid suicidförsök | Löpande",
                                         "Psykiatri Skåne | En rutin för SIP tas fram | 2025-06-30"});
  // A PDF spacing its paragraphs puts a blank line between the fields; the next "Vad:" is the next record.
  Document spaced = f.Extract(
      "Handlingsplan 2025\n\nSuicidprevention\n\nVad: Utbildning i suicidriskbedömning för skolpersonal\nVem: Elevhälsan\n\n"
      "När: hösten 2025\n\nVad: Översyn av rutin vid suicidförsök\nVem: Alla parter\n\nNär: Löpande\n");
  REQUIRE(spaced.responsibilities.size() == 2);
  CHECK(spaced.responsibilities[0].due.has_value());
  CHECK(spaced.responsibilities[1].due_text == "Löpande");
  // Must not: a question, or a duty in prose after the label.
  Document none = f.Extract("Handlingsplan 2025\n\nSuicidprevention\n\nVad: Utbildning i suicidriskbedömning\n"
                            "Vem: Den som kommunen ansvarar för att utse.\n");
  REQUIRE(none.responsibilities.size() <= 1);
  if (!none.responsibilities.empty()) CHECK_FALSE(none.responsibilities[0].actor.has_value());
}

// "Kommunen ansvarar för:" with its items: each item is the kommun's duty.
TEST_CASE("a duty introducing a list gives each item its actor and verb", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nAnsvarsfördelning\nKommunen ansvarar för:\n\u2022 boendestöd\n\u2022 sysselsättning\n\n"
      "Regionen ska:\n\u2022 erbjuda psykiatrisk behandling\n\nDet gäller även:\n\u2022 samverkan i skolan\n");
  std::vector<std::string> duties;
  for (const Responsibility& r : d.responsibilities) duties.push_back(r.actor.value_or("-") + ": " + r.action);
  // Must not: an introduction naming no one ("Det gäller även:").
  CHECK(duties == std::vector<std::string>{"Kommunen: ansvarar för boendestöd", "Kommunen: ansvarar för sysselsättning",
                                           "Regionen: ska erbjuda psykiatrisk behandling"});
  // A single item that lost its marker goes on its lead-in in lower case.
  Document plain = f.Extract("Lokal överenskommelse\n\nAnsvarsfördelning\nRegionen ska:\nerbjuda psykiatrisk behandling\n\n"
                             "Det gäller även:\nsamverkan i skolan\n");
  duties.clear();
  for (const Responsibility& r : plain.responsibilities) duties.push_back(r.actor.value_or("-") + ": " + r.action);
  CHECK(duties == std::vector<std::string>{"Regionen: ska erbjuda psykiatrisk behandling"});
}

// "Område 1: Samsjuklighet" with numbered activities: the area by its name,
// each activity without its number.
TEST_CASE("a labelled area with numbered activities", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2025\n\nOmråde 1: Samsjuklighet\nMål: Samordnade insatser.\nAktiviteter:\n"
      "1. Ta fram en gemensam rutin för samsjuklighet.\n2. Genomföra gemensam utbildning.\nAnsvar: Psykiatri Skåne.\n"
      "Tidsplan: senast juni 2025.\nUppföljning: Ingen uppföljning planerad.\n");
  REQUIRE(d.areas.size() == 1);
  CHECK(d.areas[0].name == "Samsjuklighet");
  CHECK(d.areas[0].follow_up == FollowUp::kEmpty);
  REQUIRE(!d.responsibilities.empty());
  CHECK(d.responsibilities.back().action == "Genomföra gemensam utbildning");
  CHECK(d.responsibilities.back().actor == std::optional<std::string>("Psykiatri Skåne"));
  CHECK(d.responsibilities.back().due == CivilDate{2025, 6, 30});
  // Must not: a field giving two dates does not say which is the activity's.
  Document two = f.Extract(
      "Handlingsplan 2025\n\nSamsjuklighet\nAktiviteter:\n1. Ta fram en rutin.\n2. Genomföra utbildning.\nAnsvar: Psykiatri Skåne.\n"
      "Tidsplan: Rutinen senast juni 2025, utbildningen under hösten 2025.\n");
  REQUIRE(!two.responsibilities.empty());
  CHECK_FALSE(two.responsibilities.back().due.has_value());
  CHECK(two.responsibilities.back().due_text == "Rutinen senast juni 2025, utbildningen under hösten 2025.");
}

// An aim ("ska verka för att", "ska sträva efter att") is no task one could
// see done, so it is nobody's responsibility.
TEST_CASE("an aim is no duty", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nSamverkan\nParterna ska verka för att verksamheterna prioriterar mötena.\n\n"
      "Kommunen ska sträva efter att minska placeringarna.\n\nBåda huvudmännen ska eftersträva kontinuitet.\n\n"
      "Regionen ska värna den enskildes delaktighet.\n\nKommunen ska erbjuda boendestöd inom fyra veckor.\n");
  REQUIRE(d.responsibilities.size() == 1);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Kommunen"));
  CHECK(d.responsibilities[0].action == "ska erbjuda boendestöd inom fyra veckor");
}

TEST_CASE("a validity ends where the text says it stops being valid, not at a revision's deadline", "[extract]") {
  Fixture f;
  auto until = [&](const std::string& text) {
    Document d = f.Extract("Lokal överenskommelse\n\nGiltighetstid\n" + text + "\n");
    return d.validity && d.validity->until ? d.validity->until->ToString() : std::string("-");
  };
  CHECK(until("Överenskommelsen gäller till och med 2026-08-31.") == "2026-08-31");
  CHECK(until("Överenskommelsen gäller från och med 1 januari 2023. Den ska revideras senast 2024-12-31.") == "-");
  CHECK(until("Överenskommelsen gäller tills vidare och ses över senast 2024-12-31.") == "-");
}

TEST_CASE("parties listed under lines that name their principal without a colon", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParter\nRegion Skåne\n\u2022 Psykiatri Skåne\n\u2022 BUP\nKommunerna\n\u2022 Socialtjänsten\n\n"
      "Tvister\n1. Berörda chefer.\n");
  std::vector<std::pair<Principal, std::string>> parties;
  for (const Party& p : d.parties) parties.emplace_back(p.principal, p.text);
  CHECK(parties == std::vector<std::pair<Principal, std::string>>{
                       {Principal::kRegion, "Psykiatri Skåne"}, {Principal::kRegion, "BUP"}, {Principal::kKommun, "Socialtjänsten"}});
}

// "BUP, Vuxenpsykiatrin och vårdcentralerna": a lower-case unit in its
// definite form is a unit of its own; "Vård och omsorg" is one name.
TEST_CASE("the last 'och' of a list of units parts a unit named in lower case", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Lokal överenskommelse\n\nParter\nRegionen: BUP, Vuxenpsykiatrin och vårdcentralerna.\n"
      "Kommunerna: Socialtjänsten, Vård och omsorg.\n\nTvister\n1. Berörda chefer.\n");
  std::vector<std::pair<Principal, std::string>> parties;
  for (const Party& p : d.parties) parties.emplace_back(p.principal, p.text);
  CHECK(parties == std::vector<std::pair<Principal, std::string>>{{Principal::kRegion, "BUP"},
                                                                   {Principal::kRegion, "Vuxenpsykiatrin"},
                                                                   {Principal::kRegion, "vårdcentralerna"},
                                                                   {Principal::kKommun, "Socialtjänsten"},
                                                                   {Principal::kKommun, "Vård och omsorg"}});
}

// A Parter sentence that only lists principals, by their names or, for the
// document's kommuner, by bare names.
TEST_CASE("a sentence listing the principals by name", "[extract]") {
  Fixture f;
  auto parties = [&](const std::string& sentence) {
    std::vector<std::string> out;
    for (const Party& p : f.Extract("Lokal överenskommelse\n\nParter\n" + sentence + "\n\nTvister\n1. Chefer.\n").parties)
      out.push_back(std::string(p.principal == Principal::kKommun ? "kommun " : "region ") + p.text);
    return out;
  };
  CHECK(parties("Svedala kommun, Trelleborgs kommun, Vellinge kommun och Region Skåne.") ==
        std::vector<std::string>{"kommun Svedala kommun", "kommun Trelleborgs kommun", "kommun Vellinge kommun", "region Region Skåne"});
  CHECK(parties("Kommunerna Simrishamn, Sjöbo, Skurup, Tomelilla och Ystad samt Region Skåne.") ==
        std::vector<std::string>{"kommun Simrishamn", "kommun Sjöbo", "kommun Skurup", "kommun Tomelilla", "kommun Ystad",
                                 "region Region Skåne"});
  // Must not: a sentence with more in it than principals.
  CHECK(parties("Ystad och Region Skåne samverkar kring barn och unga.").empty());
}

TEST_CASE("a plan period written as a range of days or months", "[extract]") {
  Fixture f;
  for (auto [title, end] : {std::pair{"Handlingsplan för perioden 1 januari 2024 – 31 december 2025", "2025-12-31"},
                            {"Handlingsplan april 2024–mars 2026", "2026-03-31"}}) {
    Document d = f.Extract(std::string(title) + "\n\nSuicidprevention\nAktiviteter\n\u2022 Styrgruppen tar fram en rutin.\n");
    INFO(title);
    REQUIRE(d.plan_period.has_value());
    CHECK(d.plan_period->end->ToString() == end);
  }
  Document one_day = f.Extract("Handlingsplan beslutad 2024-03-01\n\nBakgrund\nText.\n");
  CHECK_FALSE(one_day.plan_period.has_value());
  // A title wrapped onto three lines, the period on the last.
  Document wrapped = f.Extract("Skånes länsgemensamma handlingsplan\npsykisk hälsa\noch suicidprevention 2022-2023\n\nText.\n");
  REQUIRE(wrapped.plan_period.has_value());
  CHECK(wrapped.plan_period->end->ToString() == "2023-12-31");
  // Must not: years in a paragraph after the title that names activities.
  Document later = f.Extract("Handlingsplan\n\nSamsjuklighet\nBakgrund.\nAktiviteter genomförs under 2022-2023 i mån av tid.\n");
  CHECK_FALSE(later.plan_period.has_value());
}

TEST_CASE("development areas given as a list under their section's heading", "[extract]") {
  Fixture f;
  const std::string head = "Lokal överenskommelse\n\nMålgrupper\n\u2022 Personer i alla åldrar med psykisk funktionsnedsättning\n\n"
                           "Parter\nKommunen: Socialtjänsten.\n\n";
  Document d = f.Extract(head + "Gemensamma utvecklingsområden\nParterna arbetar med:\n\u2022 Kroppslig hälsa\n"
                                "\u2022 Suicidprevention\n\u2022 Skolnärvaro\n\nGiltighetstid\nGäller tills vidare.\n");
  std::vector<std::pair<std::string, std::optional<std::string>>> areas;
  for (const Area& a : d.areas) areas.emplace_back(a.name, a.framework_id);
  CHECK(areas == std::vector<std::pair<std::string, std::optional<std::string>>>{
                     {"Kroppslig hälsa", "KROPPSLIG-HALSA"}, {"Suicidprevention", "SUICIDPREVENTION"}, {"Skolnärvaro", std::nullopt}});
  CHECK(d.areas[0].follow_up == FollowUp::kUnknown);  // a list says nothing of follow-up
  // Values under a plan heading name no framework area: no areas.
  Document values = f.Extract(head + "Handlingsplan 2025\nPlanen vilar på:\n\u2022 Jämlik vård\n\u2022 God samverkan\n");
  CHECK(values.areas.empty());
}

TEST_CASE("an activity written as a duty with its agent ('följs upp av X')", "[extract]") {
  Fixture f;
  Document d = f.Extract("Handlingsplan\n\nSuicidprevention\nAktiviteter\nPlanen följs upp av styrgruppen i december 2025.\n");
  REQUIRE(d.responsibilities.size() == 1);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Styrgruppen"));
  CHECK(d.responsibilities[0].due == CivilDate{2025, 12, 31});
}

TEST_CASE("an area heading may name the children's area as its target group does", "[extract]") {
  Fixture f;
  auto area_of = [&](const std::string& heading) {
    Document d = f.Extract("Handlingsplan 2025\n\n1. " + heading + "\n\nAktiviteter\nKommunen ska utbilda personal under 2025.\n");
    return d.areas.size() == 1 ? d.areas[0].framework_id.value_or("-") : "none";
  };
  CHECK(area_of("Barn och ungas psykiska hälsa") == "BARN-UNGA");
  CHECK(area_of("Barn och unga med psykisk ohälsa") == "BARN-UNGA");
  CHECK(area_of("Psykisk ohälsa hos barn och unga") == "BARN-UNGA");
  CHECK(area_of("Äldre med psykisk ohälsa") == "-");
}

TEST_CASE("a due or status field in a parenthesis is read in words", "[extract]") {
  Fixture f;
  Document d = f.Extract(
      "Handlingsplan 2025\n\n1. Suicidprevention\n\nAktiviteter\n"
      "- Översyn av rutin för riskbedömning (ansvar: Psykiatri Skåne, tid: löpande)\n"
      "- Utbildning i MHFA (ansvar: Elevhälsan, status: klar)\n");
  REQUIRE(d.responsibilities.size() == 2);
  CHECK(d.responsibilities[0].actor == std::optional<std::string>("Psykiatri Skåne"));
  CHECK(d.responsibilities[0].due_text == "löpande");
  CHECK(d.responsibilities[1].status == "klar");
  CHECK(d.responsibilities[1].done);
}


// Probes of our own for the forms other counties and templates write: whose
// document it is, what it is, and its own date. Each must fire or must not.
TEST_CASE("the county of a document, by its region, landsting, län, kommuner and bodies", "[extract][region]") {
  Fixture f;
  auto region = [&](const std::string& text) { return f.Extract(text).region.value_or("(none)"); };
  CHECK(region("Överenskommelse om samarbete\n\nmellan Landstinget i Jönköpings län och länets kommuner.\n") == "Jönköping");
  CHECK(region("Samverkansavtal 2018–2020\n\nVästerbottens läns landsting och kommunerna i Västerbotten\n") == "Västerbotten");
  CHECK(region("Om utvecklingsarbetet\n\nRegion Örebro län och kommunerna i Örebro län arbetar gemensamt med ...\n") == "Örebro");
  CHECK(region("Psykisk hälsa\n\nVästra Götalandsregionen och de 49 kommunerna har en överenskommelse.\n") == "Västra Götaland");
  CHECK(region("Protokollsutdrag\n\nKommunstyrelsen i Gävle kommun beslutar att anta överenskommelsen.\n") == "Gävleborg");
  CHECK(region("Lokal överenskommelse\n\nParter: Hässleholms kommun och Region Skåne.\n") == "Skåne");
  CHECK(region("REGION SKÅNE\nRiktlinje\n\nKommunförbundet Skåne och Region Skåne har kommit överens.\n") == "Skåne");
  // Must not: a national document that mentions a county in passing, a text
  // naming none, a kommun's bare name (a place), two counties alike.
  CHECK(region("Prop. 2019/20:1\n\nRegeringen överlämnar denna proposition.\n\nFalun den 9 februari 2020\n") == "(none)");
  CHECK(region("Meddelande från styrelsen\nSveriges Kommuner och Regioner\n\nStyrelsen har beslutat att godkänna "
               "överenskommelsen med staten om insatser inom området psykisk hälsa, som Region Skåne och flera andra regioner "
               "har bidragit till.\n") == "(none)");
  CHECK(region("Överenskommelse om samverkan\n\nKommunen och regionen ska samverka.\n") == "(none)");
  CHECK(region("Rapport\n\nEn konferens i Mora och en i Lund.\n") == "(none)");
  CHECK(region("Jämförelse\n\nRegion Halland och Region Kronoberg har liknande avtal.\n") == "(none)");
  // Names are found as written, whole: not inside a longer word, not in another case.
  CHECK(region("Rapport\n\nVandring på Hallandsåsen och Hallandsåsens leder i Hallandsåsen.\n") == "(none)");
  CHECK(region("Rapport\n\nregion halland och region halland samverkar.\n") == "(none)");
  CHECK(region("Rapport\n\nRegion Hallands och Region Halland samverkar med Region Halland.\n") == "Halland");
}

TEST_CASE("a delregion belongs to the framework's county only", "[extract][region]") {
  Fixture f;
  Document skane = f.Extract("Lokal överenskommelse för Ystad\n\nParter: Ystads kommun och Region Skåne.\n");
  CHECK(skane.delregion == std::optional<std::string>("Sydost"));
  Document halland = f.Extract("Överenskommelse Region Halland\n\nParter: Region Halland och Halmstads kommun. Kontakt i Ystad.\n");
  CHECK(halland.region == std::optional<std::string>("Halland"));
  CHECK_FALSE(halland.delregion);
}

TEST_CASE("the kind from the title block and the contents, with its evidence", "[extract][kind]") {
  Fixture f;
  const std::string sections = "\n\nParter\nRegionen och kommunerna.\n\nMålgrupper\n• Barn och unga\n\n"
                               "Tvister\nLöses av parterna.\n";
  Document lans = f.Extract("Länsövergripande överenskommelse om psykisk hälsa" + sections);
  CHECK(lans.kind == DocumentKind::kRamoverenskommelse);
  REQUIRE(lans.kind_evidence);
  CHECK(lans.kind_evidence->text == "länsövergripande överenskommelse");
  CHECK(lans.kind_evidence->span.line == 1);
  CHECK(f.Extract("Regional överenskommelse om samverkan" + sections).kind == DocumentKind::kRamoverenskommelse);
  // A contents page listing an agreement's sections is an agreement's.
  Document toc = f.Extract("för personer med missbruk\n\nInnehåll\nBakgrund ......... 3\nParter ......... 4\n"
                           "Målgrupp ......... 4\nTvister ......... 9\nBilagor ......... 10\n");
  CHECK(toc.kind == DocumentKind::kLokalOverenskommelse);
  // An audit report known by a heading only audit reports have.
  CHECK(f.Extract("Konsult AB\nLunds kommun\n\nInnehåll\n1 Sammanfattning ...... 3\n2 Granskningens syfte ...... 4\n").kind ==
        DocumentKind::kRevision);
  // Its words on two lines, as a narrow column sets them; quoted on one.
  Document narrow = f.Extract("Konsult AB\nLunds kommun\n\nInnehåll\n1 SAMMANFATTNING ...3 2 GRANSKNINGENS\nINRIKTNING OCH OMFATTNING\n");
  CHECK(narrow.kind == DocumentKind::kRevision);
  REQUIRE(narrow.kind_evidence.has_value());
  CHECK(narrow.kind_evidence->text == "GRANSKNINGENS INRIKTNING");
  // Must not: a memo or circular about an agreement is not the agreement;
  // a web page whose first paragraph mentions plans is no plan.
  CHECK(f.Extract("Tjänsteskrivelse\nLokal överenskommelse om psykisk hälsa" + sections).kind == DocumentKind::kAnnat);
  CHECK(f.Extract("Meddelande från styrelsen nr 3/2020\n\nÖverenskommelse om psykisk hälsa" + sections).kind == DocumentKind::kAnnat);
  // A template's label names the kind, its value on the same line or a later one.
  CHECK(f.Extract("Region Halland\nDokumenttyp: Riktlinje\nÖverenskommelse om psykisk hälsa" + sections).kind ==
        DocumentKind::kAnnat);
  CHECK(f.Extract("Region Halland\nDOKUMENTTYP\nDATUM\nRutin\n2020-01-01\nÖverenskommelse om psykisk hälsa" + sections).kind ==
        DocumentKind::kAnnat);
  CHECK(f.Extract("Dokumenttyp: Lokal överenskommelse\nSamverkan i Ystad" + sections).kind == DocumentKind::kLokalOverenskommelse);
  CHECK(f.Extract("Uppdrag psykisk hälsa\n\nSedan 2012 finns en överenskommelse mellan kommunerna och regionen, och varje år "
                  "har handlingsplaner tagits fram på såväl regional som lokal nivå, vilka förankrats i länets kommuner.\n")
            .kind == DocumentKind::kAnnat);
}

TEST_CASE("the document's own date from its title block", "[extract][date]") {
  Fixture f;
  auto date = [&](const std::string& text) {
    auto d = f.Extract(text).date;
    return d ? d->ToString() : std::string("(none)");
  };
  CHECK(date("RAMÖVERENSKOMMELSE\n1 MARS 2011\n\nBakgrund\nText.\n") == "2011-03-01");
  CHECK(date("MEDDELANDE NR 4/2018\n2018-05-04\nVårt ärendenr: 18/1\n\nBakgrund\nText.\n") == "2018-05-04");
  CHECK(date("Riktlinje\nDATUM\n2021-02-11\n\nBakgrund\nText.\n") == "2021-02-11");
  // A form that lists its labels first, then their values.
  CHECK(date("Rutin\nGiltig till:\nDatum:\n2027-12-31\n2024-03-15\n\nBakgrund\nText.\n") == "2024-03-15");
  CHECK(date("Överenskommelse\nDatum 2018-03-02\n\nBakgrund\nText.\n") == "2018-03-02");
  // Must not: a date under a label that says something else.
  CHECK(date("Rutin\nGiltig till:\n2027-12-31\n\nBakgrund\nText.\n") == "(none)");
}


TEST_CASE("a span of years in an agreement's title is its validity", "[extract][validity]") {
  Fixture f;
  const std::string body = "\n\nParter\nRegionen och kommunerna.\n\nMålgrupper\n• Vuxna\n\nTvister\nLöses av parterna.\n";
  for (const char* title : {"Samverkansavtal 2018–2020\nRegion Dalarna och kommunerna",
                            "Överenskommelse om samverkan 2013 – 2016\nLandstinget i Kalmar län och kommunerna",
                            "Överenskommelse om samverkan\n2013.11.01 – 2016.12.31\nRegion Gävleborg och kommunerna"}) {
    INFO(title);
    Document d = f.Extract(title + body);
    REQUIRE(d.validity);
    REQUIRE(d.validity->until);
    CHECK(d.validity->until->year == (std::string(title).find("2018") != std::string::npos ? 2020 : 2016));
  }
  // Must not: a plan's period, or years in a news title.
  CHECK_FALSE(f.Extract("Handlingsplan 2024–2025\nRegion Skåne" + body).validity);
  CHECK_FALSE(f.Extract("Nyheter 2018–2020\n\nText om överenskommelser.\n").validity);
}

// Hostile openings: none may crash or hang, and each is read as annat.
TEST_CASE("openings without a title block are read as annat", "[extract][kind]") {
  Fixture f;
  CHECK(f.Extract("och därför ska parterna samverka kring barn och unga, vilket framgår av avsnitt 4 nedan.\n").kind ==
        DocumentKind::kAnnat);
  std::string contents = "Innehåll\n";
  for (int i = 0; i < 400; ++i) contents += "Kapitel " + std::to_string(i) + "\n";
  Document long_title = f.Extract(contents);
  CHECK(long_title.kind == DocumentKind::kAnnat);
  CHECK_FALSE(long_title.date);
  Document labels = f.Extract("Dokumenttyp:\nDokumentnamn:\nDatum:\nGiltig till:\n\nText.\n");
  CHECK(labels.kind == DocumentKind::kAnnat);
  CHECK_FALSE(labels.date);
  Document unfilled = f.Extract("Rutin\nDatum:\n2011-xx-xx\n\nText.\n");
  CHECK(unfilled.kind == DocumentKind::kAnnat);
  CHECK_FALSE(unfilled.date);
  REQUIRE(unfilled.placeholders.size() == 1);
  CHECK(unfilled.placeholders[0].text == "2011-xx-xx");
}


// A PDF that lost its bullet glyphs: items one per line under a list's
// heading or lead-in, wrapped items going on in lower case.
TEST_CASE("list items one per line without markers", "[extract][lists]") {
  Fixture f;
  Document upper = f.Extract(
      "Lokal överenskommelse\n\nMålgrupper\n"
      "Barn upp till 18 år som har eller riskerar att utveckla psykisk ohälsa eller psykisk\n"
      "funktionsnedsättning\n"
      "Barn upp till 18 år och unga till och med 20 år som vårdas utanför det egna hemmet\n"
      "Personer i alla åldrar med psykisk funktionsnedsättning\n\nTvister\nLöses av cheferna.\n");
  REQUIRE(upper.target_groups.size() == 3);
  CHECK(upper.target_groups[0].framework_id == std::optional<std::string>("TG1"));
  CHECK(upper.target_groups[2].framework_id == std::optional<std::string>("TG3"));
  Document lower = f.Extract(
      "Lokal överenskommelse\n\nBakgrund\nÖverenskommelsen bygger på ramöverenskommelsen och gäller i hela delregionen från\n"
      "och med i år.\n\nMålgrupper\nÖverenskommelsen gäller\n"
      "barn och unga med psykisk ohälsa,\n"
      "personer i alla åldrar med psykisk funktionsnedsättning,\n"
      "personer i alla åldrar som missbrukar alkohol eller narkotika.\n\nTvister\nLöses av cheferna.\n");
  CHECK(lower.target_groups.size() == 3);
  Document parties = f.Extract(
      "Lokal överenskommelse\n\nParter\nFör kommunerna:\nIndivid- och familjeomsorgen\n"
      "Förvaltningen för vård och omsorg inkl. LSS\n\n\n\nFör Region Skåne:\nBarn- och ungdomspsykiatrin\n"
      "Vuxenpsykiatrin Kristianstad\n\nTvister\nLöses av cheferna.\n");
  REQUIRE(parties.parties.size() == 4);
  CHECK(parties.parties[1].text == "Förvaltningen för vård och omsorg inkl. LSS");
  CHECK(parties.parties[3].principal == Principal::kRegion);
  // Must not: prose under Målgrupper, whose wrapped line starts with a name, is one unit.
  Document prose = f.Extract(
      "Lokal överenskommelse\n\nMålgrupper\nÖverenskommelsen omfattar de målgrupper som anges i ramöverenskommelsen för\n"
      "Region Skåne och kommunerna, och inga andra.\n\nTvister\nLöses av cheferna.\n");
  // It defers to the framework's groups ("de målgrupper som anges i ramöverenskommelsen"): each quotes the one sentence.
  for (const TargetGroup& tg : prose.target_groups) {
    CHECK(tg.span.line == 4);
    CHECK(tg.text.rfind("Överenskommelsen omfattar", 0) == 0);
  }
}

}  // namespace
}  // namespace overens
