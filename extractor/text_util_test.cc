#include "extractor/text_util.h"

#include <catch2/catch.hpp>
#include <unicode/unistr.h>

#include "extractor/re2_util.h"
#include "model/reference_data.h"

namespace overens {
namespace {

std::string IcuFold(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

TEST_CASE("Fold's fast path agrees with ICU", "[text_util]") {
  // Latin-1 letters, punctuation and private-use glyphs take the fast path;
  // µ, ß, Greek, ligatures, Kelvin and full-width letters need ICU.
  for (std::string_view s :
       {"ÅÄÖ åäö Éé Üü ABC xyz 123", "Målgrupper – “barn” och ‘unga’ … • § ½ «»", "\uF0B7 Punkt", "Ärende\u00A0nr",
        "µg", "Straße", "ΩΣ Ψ", "\uFB01nansiering", "\u212A", "\uFF21\uFF22", "À la carte ÿ", "", "Ç×÷Ð"}) {
    INFO(s);
    CHECK(Fold(s) == IcuFold(s));
  }
}

TEST_CASE("NextDigit finds the first ASCII digit at any position", "[text_util]") {
  // "°" (C2 B0) and "¹" (C2 B9) hold bytes that are digits but for their high bit.
  const std::string filler = "abc°¹Å é";
  for (size_t at = 0; at < 40; ++at) {
    std::string text;
    while (text.size() < at) text += filler[text.size() % filler.size()];
    text.resize(at);
    for (size_t from = 0; from <= at; ++from) CHECK(NextDigit(text, from) == text.size());
    for (char digit : {'0', '5', '9'}) {
      std::string with = text + digit + "x7";
      INFO(with);
      CHECK(NextDigit(with, 0) == at);
      CHECK(NextDigit(with, at + 1) == at + 2);
    }
  }
  CHECK(NextDigit("/:", 0) == 2);
}

TEST_CASE("WordCount counts what Words returns", "[text_util]") {
  for (std::string_view s : {"", "  ", "en", "Två ord", "a-b c,d", "  inledande och avslutande  ", "2023–2025 år"})
    CHECK(WordCount(s) == Words(s).size());
}

TEST_CASE("StartsUpper and StartsLower know the Swedish letters", "[text_util]") {
  for (const char* upper : {"A", "Z", "Å", "Ä", "Ö", "É", "Ü"}) CHECK(StartsUpper(upper));
  for (const char* lower : {"a", "z", "å", "ä", "ö", "é", "ü"}) CHECK(StartsLower(lower));
  for (const char* neither : {"", "1", " A", "\xC3", "\u00A7", "\u2013", "\u00D7"}) {
    CHECK_FALSE(StartsUpper(neither));
    CHECK_FALSE(StartsLower(neither));
  }
  CHECK_FALSE(StartsUpper("å"));
  CHECK_FALSE(StartsLower("Ö"));
}

TEST_CASE("EndsWithLower lowers ASCII and the Latin-1 capitals", "[text_util]") {
  CHECK(EndsWithLower("senast FÖRE", "före"));
  CHECK(EndsWithLower("Före", "före"));
  CHECK(EqualsLower("ÅTGÄRD", "åtgärd"));
  CHECK(EqualsLower("JUL", "jul"));
  CHECK_FALSE(EqualsLower("FORE", "före"));
  CHECK_FALSE(EqualsLower("fÖre", "fore"));
  CHECK_FALSE(EndsWithLower("re", "före"));
  // Only the capital of the letter asked for: "Ö" (C3 96) is no "ä" (C3 A4).
  CHECK_FALSE(EqualsLower("FÖR", "fär"));
}

TEST_CASE("LabelWord gives the folded last word of a short label", "[text_util]") {
  CHECK(LabelWord("Ansvarig") == "ansvarig");
  CHECK(LabelWord("Klart senast") == "senast");
  CHECK(LabelWord("Läge") == "läge");
  CHECK(LabelWord("").empty());
  CHECK(LabelWord("Vi följer upp detta").empty());  // more than two words: no label
}

TEST_CASE("Sentences cuts at a period and a space", "[text_util]") {
  using V = std::vector<std::string_view>;
  CHECK(Sentences("Ansvar: BUP. Tid: Q3 2025.") == V{"Ansvar: BUP", "Tid: Q3 2025."});
  CHECK(Sentences("SoL 2 kap. 7 § gäller") == V{"SoL 2 kap", "7 § gäller"});  // abbreviations are cut too
  CHECK(Sentences("") == V{});
  CHECK(Sentences("Slut. ") == V{"Slut"});
}

TEST_CASE("ContainsAny finds plain substrings", "[text_util]") {
  CHECK(ContainsAny("uppföljning sker årligen", {"kvartal", "årlig"}));
  CHECK_FALSE(ContainsAny("uppföljning sker årligen", {"Årlig", "månad"}));
  CHECK_FALSE(ContainsAny("", {"a"}));
  CHECK_FALSE(ContainsAny("text", {}));
}

TEST_CASE("Dice compares word multisets", "[text_util]") {
  Lexicon lexicon;
  WordBag a = lexicon.Learn({"barn", "och", "unga", "barn"}), c = lexicon.Learn({"vuxna"});
  CHECK(Dice(a, lexicon.Bag("unga, barn och barn")) == Approx(8.0 / 8));
  CHECK(Dice(a, lexicon.Bag("barn okänt okänt annat")) == Approx(2.0 / 8));  // unknown words count, match nothing
  CHECK(Dice(a, c) == 0.0);
  CHECK(Dice(lexicon.Bag(""), lexicon.Bag(" .")) == 1.0);
  CHECK(Dice(lexicon.Bag("x"), lexicon.Bag("x")) == 0.0);  // unknown to the lexicon: no match even when equal
}

TEST_CASE("PatternUnion reports which pattern matched, in text order", "[re2_util]") {
  PatternUnion u;
  REQUIRE(u.Add("(?i)social(tjänst)?lagen"));
  REQUIRE(u.Add("(?-i)\\bHSL\\b"));
  REQUIRE(u.Add("(?i)(a)(b)(c)"));
  REQUIRE_FALSE(u.Add("(unbalanced"));
  REQUIRE(u.Compile());
  std::vector<std::pair<size_t, std::string>> hits;
  u.ForEachMatch("Enligt HSL och Socialtjänstlagen, inte hsl; abc.",
                 [&](size_t i, size_t, std::string_view m) { hits.emplace_back(i, std::string(m)); });
  REQUIRE(hits.size() == 3);
  CHECK(hits[0] == std::pair<size_t, std::string>{1, "HSL"});
  CHECK(hits[1] == std::pair<size_t, std::string>{0, "Socialtjänstlagen"});
  CHECK(hits[2] == std::pair<size_t, std::string>{2, "abc"});
  PatternUnion empty;
  REQUIRE(empty.Compile());
  empty.ForEachMatch("text", [&](size_t, size_t, std::string_view) { FAIL("an empty union matches nothing"); });
}

// Groups counted from the text, for patterns added to a union without
// compiling each: the count RE2 gives, on every reference pattern and on
// the constructs that could mislead a reader.
TEST_CASE("CapturingGroups counts what RE2 counts", "[re2_util]") {
  ReferenceData ref = LoadReferenceData(EmbeddedReferenceSources()).value();
  std::vector<std::string> patterns = {"(a)(?:b)(?i)(?P<n>c)(?<m>d)", "[(](\\()[^)]()", "[]a(]", "\\Q(\\E(x)", "a{2}(b|c)*",
                                       ref.vocabulary.empty_follow_up, ref.vocabulary.audit_heading};
  for (const auto& l : ref.laws) patterns.push_back(l.name_pattern);
  for (const auto& d : ref.delregions) patterns.insert(patterns.end(), d.aliases.begin(), d.aliases.end());
  for (const auto& [pattern, current] : ref.vocabulary.renamed) patterns.push_back(pattern);
  for (const auto& p : ref.vocabulary.placeholders) patterns.push_back(p);
  for (const auto& a : ref.framework.areas) patterns.push_back(a.pattern);
  for (const std::string& p : patterns) {
    RE2 re(p, RE2::Quiet);
    if (!re.ok() || p.find("\\Q") != std::string::npos) continue;  // \Q...\E is left to PatternUnion's check
    INFO(p);
    CHECK(CapturingGroups(p) == re.NumberOfCapturingGroups());
  }
  // A union counted wrong (\Q( \E hides a parenthesis) counts again by compiling.
  PatternUnion u;
  u.AddValid("\\Q(\\E(x)");
  u.AddValid("(?i)hsl");
  REQUIRE(u.Compile());
  std::vector<size_t> which;
  u.ForEachMatch("(x och HSL", [&](size_t i, size_t, std::string_view) { which.push_back(i); });
  CHECK(which == std::vector<size_t>{0, 1});
}

TEST_CASE("Utf8Prefix and Ellipsize cut between characters", "[text_util]") {
  CHECK(Utf8Prefix("år", 1) == "");
  CHECK(Utf8Prefix("år", 2) == "å");
  CHECK(Utf8Prefix("a–b", 3) == "a");
  CHECK(Utf8Prefix("a–b", 4) == "a–");
  CHECK(Utf8Prefix("abc", 10) == "abc");
  CHECK(Ellipsize("ååå", 3) == "å…");
}

TEST_CASE("WordPrefix cuts where a word ends, keeping at least the minimum", "[text_util]") {
  CHECK(WordPrefix("SoL 2 kap. 7 § Socialförvaltningen", 22, 3) == "SoL 2 kap. 7 §");
  CHECK(WordPrefix("SoL 2 kap. 7 §", 30, 3) == "SoL 2 kap. 7 §");
  CHECK(WordPrefix("SoL ska", 6, 3) == "SoL");
  CHECK(WordPrefix("Socialtjänstlagen", 10, 10) == "Socialtjä");  // no word end within reach
  CHECK(WordPrefix("ab cd. ef", 6, 1) == "ab cd.");                    // ends after punctuation
}

}  // namespace
}  // namespace overens
