#include "extractor/start_literals.h"

#include <catch2/catch.hpp>
#include <random>
#include <re2/re2.h>

#include "extractor/text_util.h"

namespace overens {
namespace {

using Starts = std::optional<std::vector<std::string>>;

TEST_CASE("StartLiterals reads the literal start of simple patterns", "[start_literals]") {
  CHECK(StartLiterals("nordöstra skåne") == Starts({{"nordöstra skåne"}}));
  CHECK(StartLiterals(R"((?i)(?-i)\bSoL\b|(?i)\bsocialtjänstlag(en)?)") == Starts({{"SoL", "socialtjänstlag"}}));
  CHECK(StartLiterals(R"(\bsösk\b)") == Starts({{"sösk"}}));
  CHECK(StartLiterals(R"(\((lägg in|infoga)[^)]{0,40}\))") == Starts({{"("}}));
  CHECK(StartLiterals(R"((?-i)\bXX+\b)") == Starts({{"XX"}}));
  CHECK(StartLiterals(R"((?:Malmö|Lund)s?(?:\s+(?i:kommun|stad)\b)?)") == Starts({{"Malmö", "Lund"}}));
  CHECK(StartLiterals(R"((?i:kommun|stad)\b)") == Starts({{"kommun", "stad"}}));
  CHECK(StartLiterals(R"(hälso\- och sjukvårdslag)") == Starts({{"hälso- och sjukvårdslag"}}));
  CHECK(StartLiterals(R"(årlig(?:en|t)?)") == Starts({{"årlig"}}));
  CHECK(StartLiterals(R"(abc?)") == Starts({{"ab"}}));
  CHECK(StartLiterals(R"(åäö*x)") == Starts({{"åä"}}));
  CHECK(StartLiterals(R"(a[x]yz|b)") == Starts({{"a", "b"}}));
}

TEST_CASE("StartLiterals gives up where the start is not a plain literal", "[start_literals]") {
  for (const char* p : {R"(\d+ gånger)", "[a-z]+", "(abc)?d", "(abc)*", "(ab){0,2}c", "a?b", "x*", "", "a|", "(a|)b",
                        ".abc", "$", R"(\Qabc\E)", "(?x)abc", "(?<name>abc)", "a)", "(ab", R"(\pLab)"}) {
    INFO(p);
    CHECK(StartLiterals(p) == std::nullopt);
  }
}

// The promise itself: on random texts, every match RE2 finds starts with one
// of the literals (case ignored).
TEST_CASE("StartLiterals: every RE2 match starts with a literal", "[start_literals]") {
  const std::vector<std::string> patterns = {
      R"((?i)\b(nordost|sydost)(-skåne)?\b)", R"((?i)sk(å|a)ne|Lund)", R"((?-i)\bXX+\b|(?i)todo)",
      R"((?i)(?:ab|b)c+d?)", R"(\[(x+|datum)\])"};
  const std::vector<std::string_view> pieces = {"nord", "ost", "syd", "-", "skåne", "SKÅNE", "Ska", "ne", " ", "Lund", "XX", "x",
                                                "todo", "TODO", "ab", "b", "c", "d", "[", "]", "datum", "é"};
  std::mt19937 random(5);
  for (const std::string& p : patterns) {
    auto starts = StartLiterals(p);
    REQUIRE(starts);
    RE2 re(p);
    REQUIRE(re.ok());
    for (int i = 0; i < 2000; ++i) {
      std::string text;
      for (int n = 0; n < 10; ++n) text += pieces[random() % pieces.size()];
      re2::StringPiece in(text), m;
      for (size_t pos = 0; pos < text.size() && re.Match(in, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
        std::string rest = Fold(std::string(m.data(), text.data() + text.size() - m.data()));
        bool ok = false;
        for (const std::string& s : *starts) ok = ok || rest.rfind(Fold(s), 0) == 0;
        INFO(p << " on " << text);
        CHECK(ok);
        pos = static_cast<size_t>(m.data() - text.data()) + std::max<size_t>(m.size(), 1);
      }
    }
  }
}

}  // namespace
}  // namespace overens
