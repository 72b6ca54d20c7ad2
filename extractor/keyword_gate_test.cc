#include "extractor/keyword_gate.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <random>

#include "extractor/text_util.h"

namespace overens {
namespace {

TEST_CASE("KeywordGate reports each group whose word occurs", "[keyword_gate]") {
  KeywordGate gate({{"upphävs", "upphör att gälla"}, {"sum", "total"}, {"i år"}, {"utvecklingsområde"}});
  CHECK(gate.Scan("") == 0);
  CHECK(gate.Scan("Avtalet UPPHÖR ATT GÄLLA 2025.") == 0b0001);
  CHECK(gate.Scan("Summa kronor") == 0b0010);
  CHECK(gate.Scan("Totalt i år: Utvecklingsområden") == 0b1110);
  CHECK(gate.Scan("upphävd, tot al, iår") == 0);
}

TEST_CASE("KeywordGate finds a word of two over a line break", "[keyword_gate]") {
  KeywordGate gate({{"upphör att gälla"}, {"i år"}});
  std::vector<KeywordGate::Hit> hits;
  CHECK(gate.Scan("Den upphör att\ngälla 2025.", 0b01, &hits) == 0b01);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].begin == 4);
  CHECK(gate.Scan("upphör att\n\ngälla; i\når") == 0b10);
  CHECK(gate.Scan("upphör att\tgälla") == 0);
}

TEST_CASE("KeywordGate finds words that overlap or share a suffix", "[keyword_gate]") {
  KeywordGate gate({{"abcd"}, {"bc"}, {"cde"}, {"aab"}});
  CHECK(gate.Scan("xabcdex") == 0b0111);
  CHECK(gate.Scan("aaab") == 0b1000);
  CHECK(gate.Scan("abcabc") == 0b0010);
}

// The gate must never miss a word that Fold-then-find would see.
TEST_CASE("KeywordGate agrees with Fold and find on random Swedish text", "[keyword_gate]") {
  const std::vector<std::string_view> words = {"år", "gång", "ggr", "möten", "sum", "total", "ersätts", "i fjol"};
  std::vector<std::vector<std::string_view>> groups;
  for (std::string_view w : words) groups.push_back({w});
  KeywordGate gate(groups);
  const std::vector<std::string_view> pieces = {"Å", "å", "R", "r", " ", "G", "g", "Ä", "ä", "N", "n", "ö", "Ö", "T", "t", "M",
                                                "u", "S", "e", "E", "I", "f", "F", "j", "o", "L", "l", "a", "x", "ts"};
  std::mt19937 random(7);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (size_t n = 0, length = random() % 200; n < length; ++n) text += pieces[random() % pieces.size()];
    std::string folded = Fold(text);
    uint64_t expected = 0;
    for (size_t w = 0; w < words.size(); ++w)
      if (folded.find(words[w]) != std::string::npos) expected |= uint64_t{1} << w;
    INFO(text);
    CHECK(gate.Scan(text) == expected);
  }
}

TEST_CASE("KeywordGate locates every occurrence of the asked groups", "[keyword_gate]") {
  KeywordGate gate({{"abcd"}, {"bc", "b"}, {"cde"}});
  std::vector<KeywordGate::Hit> hits;
  CHECK(gate.Scan("xABcdex", 0b010, &hits) == 0b111);
  REQUIRE(hits.size() == 2);
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.word < b.word; });
  CHECK((hits[0].begin == 2 && hits[0].group == 1 && hits[0].word == 0));
  CHECK((hits[1].begin == 2 && hits[1].group == 1 && hits[1].word == 1));
  hits.clear();
  CHECK(gate.Scan("xyz", 0b111, &hits) == 0);
  CHECK(hits.empty());
}

// Long texts are walked in pieces side by side; a word across any piece
// boundary is still found once.
TEST_CASE("KeywordGate finds a word wherever it lies in a long text", "[keyword_gate]") {
  KeywordGate gate({{"abcdefgh"}, {"zz"}});
  for (size_t before = 0; before < 400; ++before) {
    std::string text = std::string(before, 'x') + "ABCDEFGH" + std::string(200, 'y');
    std::vector<KeywordGate::Hit> hits;
    INFO(before);
    CHECK(gate.Scan(text, 1, &hits) == 1);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].begin == before);
  }
}

// Every occurrence Fold-then-find sees, at the same offset (the pieces keep
// their byte length under Fold).
TEST_CASE("KeywordGate locates what Fold and find locate", "[keyword_gate]") {
  const std::vector<std::string_view> words = {"år", "gång", "ggr", "möten", "sum", "total", "ersätts", "i fjol", "t", "ts"};
  std::vector<std::vector<std::string_view>> groups = {words};
  KeywordGate gate(groups);
  const std::vector<std::string_view> pieces = {"Å", "å", "R", "r", " ", "G", "g", "Ä", "ä", "N", "n", "ö", "Ö", "T", "t", "M",
                                                "u", "S", "e", "E", "I", "f", "F", "j", "o", "L", "l", "a", "x", "ts"};
  std::mt19937 random(11);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (size_t n = 0, length = random() % 200; n < length; ++n) text += pieces[random() % pieces.size()];
    std::string folded = Fold(text);
    REQUIRE(folded.size() == text.size());
    std::vector<std::pair<size_t, uint32_t>> expected, got;
    for (size_t w = 0; w < words.size(); ++w)
      for (size_t at = folded.find(words[w]); at != std::string::npos; at = folded.find(words[w], at + 1))
        expected.emplace_back(at, static_cast<uint32_t>(w));
    std::vector<KeywordGate::Hit> hits;
    gate.Scan(text, 1, &hits);
    for (const auto& h : hits) got.emplace_back(h.begin, h.word);
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    INFO(text);
    CHECK(got == expected);
  }
}

}  // namespace
}  // namespace overens
