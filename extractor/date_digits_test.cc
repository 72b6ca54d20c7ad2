// The hand-written finders against RE2 running their patterns, on random
// texts built from the bytes that decide these patterns.
#include "extractor/date_digits.h"

#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <re2/re2.h>

namespace overens {
namespace {

using Finder = bool (*)(std::string_view, size_t, size_t, DigitMatch&);

std::string RandomText(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {"1", "2", "9", "0", "5", "19", "20", "-", "/", " ", "\t", "\n", "\r", "12", "13", "07",
                                                   "\v", "a", "Z", "_", ".", ":", "–", "—", "å", "\xff"};
  std::string s;
  for (int n = std::uniform_int_distribution<int>(0, 24)(rng); n > 0; --n)
    s += kPieces[std::uniform_int_distribution<size_t>(0, kPieces.size() - 1)(rng)];
  return s;
}

// Compares finder and pattern on every match of a leftmost scan of text[pos, end).
void Compare(const RE2& re, Finder finder, const std::string& text, size_t pos, size_t end) {
  int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> g(static_cast<size_t>(groups) + 1);
  re2::StringPiece all(text.data(), text.size());
  while (pos < end) {
    bool expected = re.Match(all, pos, end, RE2::UNANCHORED, g.data(), groups + 1);
    DigitMatch m;
    bool got = finder(text, pos, end, m);
    INFO(re.pattern() << " on \"" << text << "\" [" << pos << ", " << end << ")");
    REQUIRE(got == expected);
    if (!got) return;
    size_t b = static_cast<size_t>(g[0].data() - text.data());
    REQUIRE(m.begin == b);
    REQUIRE(m.end == b + g[0].size());
    for (int i = 1; i <= groups; ++i)
      REQUIRE(m.groups[static_cast<size_t>(i - 1)] == std::string_view(g[static_cast<size_t>(i)].data(), g[static_cast<size_t>(i)].size()));
    pos = m.end > m.begin ? m.end : m.begin + 1;
  }
}

TEST_CASE("the digit finders match exactly what their RE2 patterns match", "[dates]") {
  // As the grammar compiles them: case-insensitive.
  const RE2 year(std::string("(?i)") + kYearPattern), iso(std::string("(?i)") + kIsoDatePattern),
      range(std::string("(?i)") + kYearRangePattern), year_month(std::string("(?i)") + kYearMonthPattern);
  const std::pair<const RE2*, Finder> kRules[] = {
      {&year, FindYear}, {&iso, FindIsoDate}, {&range, FindYearRange}, {&year_month, FindYearMonth}};
  std::mt19937 rng(20261125);
  for (int i = 0; i < 20000; ++i) {
    std::string text = RandomText(rng);
    size_t pos = std::uniform_int_distribution<size_t>(0, text.size())(rng);
    size_t end = std::uniform_int_distribution<size_t>(pos, text.size())(rng);
    if (i % 2 == 0) pos = 0, end = text.size();
    for (auto [re, finder] : kRules) Compare(*re, finder, text, pos, end);
  }
}

TEST_CASE("the digit finders read typical dates", "[dates]") {
  DigitMatch m;
  std::string_view t = "Planen gäller 2023–2025 och beslutades 2023-11-23 (SFS 2001:453).";
  REQUIRE(FindYearRange(t, 0, t.size(), m));
  CHECK(t.substr(m.begin, m.end - m.begin) == "2023–2025");
  REQUIRE(FindIsoDate(t, 0, t.size(), m));
  CHECK(m.groups[1] == "11");
  REQUIRE(FindYear(t, m.end, t.size(), m));
  CHECK(m.groups[0] == "2001");  // the caller judges citations
  CHECK_FALSE(FindYear("år 20245", 0, 8, m));
}

}  // namespace
}  // namespace overens
