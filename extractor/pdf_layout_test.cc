#include "extractor/pdf_layout.h"

#include <catch2/catch.hpp>
#include <tuple>

namespace overens {
namespace {

// Words of 6 points a character and 14 points high, on a baseline at `y`.
std::vector<PlacedWord> Row(double y, std::initializer_list<std::pair<double, std::string>> words) {
  std::vector<PlacedWord> out;
  for (const auto& [x, text] : words) out.push_back(PlacedWord{text, x, y, x + 6.0 * static_cast<double>(text.size()), y + 14});
  return out;
}

std::string LayOut(std::initializer_list<std::vector<PlacedWord>> rows) {
  std::vector<PlacedWord> words;
  for (const auto& r : rows) words.insert(words.end(), r.begin(), r.end());
  return LayOutWords(words);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  for (size_t b = 0, e; (e = text.find('\n', b)) != std::string::npos; b = e + 1) out.push_back(text.substr(b, e - b));
  return out;
}

TEST_CASE("a table's cells stand apart and under their headings however tight they are set", "[pdf-layout]") {
  // The last row's first cell fills its column: 4 points before the next, as between words.
  std::vector<std::string> lines = Lines(LayOut({Row(100, {{50, "Insats"}, {150, "Ansvarig"}, {250, "Klart"}}),
                                                 Row(113, {{50, "Kartlaggning"}, {150, "BUP"}, {250, "2025"}}),
                                                 Row(126, {{50, "Screeningarbetet"}, {150, "Socialtjansten"}, {250, "2026"}})}));
  REQUIRE(lines.size() == 3);
  for (const std::string& l : lines) {
    CHECK(l.find("  ") != std::string::npos);
    CHECK(l.find(l == lines[0] ? "Ansvarig" : l == lines[1] ? "BUP" : "Socialtjansten") == lines[0].find("Ansvarig"));
  }
  // Must not: a line of prose under the table whose word starts where a column does, by chance.
  std::vector<std::string> prose = Lines(LayOut({Row(100, {{50, "Insats"}, {150, "Ansvarig"}, {250, "Klart"}}),
                                                 Row(113, {{50, "Kartlaggning"}, {150, "BUP"}, {250, "2025"}}),
                                                 Row(126, {{50, "Planen"}, {92, "antas"}, {128, "av"}, {150, "styrgruppen"}})}));
  CHECK(prose[2] == "Planen antas av styrgruppen");
  // Must not: words 4 points apart where no column starts stay one space apart.
  CHECK(LayOut({Row(100, {{50, "Screeningarbetet"}, {150, "Socialtjansten"}})}) == "Screeningarbetet Socialtjansten\n");
}

// Words of `size` points a character and 14 * size / 6 high, on a baseline at `y`.
std::vector<PlacedWord> SizedRow(double y, double size, std::initializer_list<std::pair<double, std::string>> words) {
  std::vector<PlacedWord> out;
  for (const auto& [x, text] : words)
    out.push_back(PlacedWord{text, x, y, x + size * static_cast<double>(text.size()), y + 14 * size / 6});
  return out;
}

TEST_CASE("a table set smaller than the text keeps its cells under their headings", "[pdf-layout]") {
  // Text of 6 points a character; the table at 2.5, its cells 12 points apart.
  std::vector<std::string> lines = Lines(LayOut({SizedRow(100, 6, {{50, "Kroppslig"}, {110, "halsa"}}),
                                                 SizedRow(120, 2.5, {{50, "Aktivitet"}, {165, "Ansvarig"}, {205, "Klart"}}),
                                                 SizedRow(130, 2.5, {{50, "Halsosamtal for personer med LSS"}, {165, "Kommunerna"}, {205, "2025"}}),
                                                 SizedRow(140, 2.5, {{50, "Gemensam rutin for screening"}, {165, "Psykiatrin"}, {205, "2026"}}),
                                                 SizedRow(160, 6, {{50, "Texten"}, {92, "fortsatter"}})}));
  REQUIRE(lines.size() >= 5);
  size_t owner = lines[1].find("Ansvarig"), due = lines[1].find("Klart");
  CHECK(lines[2].find("Kommunerna") == owner);
  CHECK(lines[3].find("Psykiatrin") == owner);
  CHECK(lines[2].find("2025") == due);
  CHECK(lines[2].find("LSS  ") != std::string::npos);
  // Must not: a page whose smaller words are a running header only keeps the text's columns.
  std::vector<std::string> plain = Lines(LayOut({SizedRow(40, 5, {{50, "Avtal"}, {400, "2025-03-01"}}),
                                                 SizedRow(100, 6, {{50, "Aktivitet"}, {200, "Ansvarig"}}),
                                                 SizedRow(114, 6, {{50, "Kartlaggning"}, {200, "BUP"}})}));
  REQUIRE(plain.size() >= 3);
  CHECK(plain.back().find("BUP") == plain[plain.size() - 2].find("Ansvarig"));
}

TEST_CASE("a page mostly of a tiny table keeps its text's lines as prose", "[pdf-layout]") {
  // Three lines of text (6 points a character, 4 points between words, 14
  // apart) over a table of five rows at 1.5 points a character: the table
  // has the most words, its size is not the text's.
  std::vector<std::vector<PlacedWord>> rows = {SizedRow(100, 6, {{50, "Planen"}, {90, "antogs"}, {130, "av"}}),
                                              SizedRow(114, 6, {{50, "gruppen"}, {96, "och"}, {118, "galler"}}),
                                              SizedRow(128, 6, {{50, "hela"}, {78, "aret"}})};
  for (int r = 0; r < 5; ++r)
    rows.push_back(SizedRow(150 + 14 * r, 1.5, {{50, "Suicidprevention"}, {95, "Utbilda personal"}, {135, "Elevhalsan"}}));
  std::vector<PlacedWord> words;
  for (const auto& r : rows) words.insert(words.end(), r.begin(), r.end());
  std::vector<std::string> lines = Lines(LayOutWords(words));
  REQUIRE(lines.size() >= 8);
  CHECK(lines[0] == "Planen antogs av");
  CHECK(lines[1] == "gruppen och galler");
  CHECK(lines[2] == "hela aret");
  // Must not: the table's cells run together.
  CHECK(lines.back().find("Suicidprevention  ") != std::string::npos);
}

TEST_CASE("lines by where words stand: a raised footnote number joins its line, a gap leaves a blank line", "[pdf-layout]") {
  std::vector<PlacedWord> words = Row(100, {{50, "Personer"}, {104, "med"}});
  words.push_back(PlacedWord{"1", 122, 97, 126, 105, false});  // raised and smaller
  for (auto [y, word] : {std::pair{113.0, "alla"}, {140.0, "Parter"}, {153.0, "Kommunerna"}, {166.0, "Regionen"}}) {
    auto line = Row(y, {{50, word}});
    words.insert(words.end(), line.begin(), line.end());
  }
  CHECK(LayOutWords(words) == "Personer med 1\nalla\n\nParter\nKommunerna\nRegionen\n");
}

TEST_CASE("words in any order in the file come out in reading order; nothing is read twice", "[pdf-layout]") {
  std::vector<PlacedWord> words = Row(113, {{50, "andra"}, {92, "raden"}});
  auto first = Row(100, {{92, "raden"}, {50, "första"}});
  words.insert(words.end(), first.begin(), first.end());
  CHECK(LayOutWords(words) == "första raden\nandra raden\n");
  CHECK(LayOutWords({}).empty());
  CHECK(LayOutWords({PlacedWord{"", 0, 0, 0, 0}}).empty());
}

// A page turned a quarter: its words run down (or up) the page, lines
// going left (or right); a word running another way than most (a note up
// the margin, a watermark) is left out.
TEST_CASE("a page turned a quarter is read turned back; words running across it are left out", "[pdf-layout]") {
  auto turned = [](int rotation) {
    std::vector<PlacedWord> words;
    double sign = rotation == 1 ? 1 : -1;  // down the page, or up it
    for (auto [line, text, at] : {std::tuple{0, "Första", 0.0}, {0, "raden", 44.0}, {1, "Andra", 0.0}, {1, "raden", 44.0}}) {
      double along = 400 + sign * at, across = rotation == 1 ? 500 - 14 * line : 100 + 14 * line;
      double a0 = sign > 0 ? along : along - 40, a1 = sign > 0 ? along + 40 : along;
      words.push_back(PlacedWord{text, across, a0, across + 11, a1, true, rotation});
    }
    words.push_back(PlacedWord{"UTKAST", 50, 700, 90, 711, true, 0});  // across the turned text
    return LayOutWords(words);
  };
  CHECK(turned(1) == "Första raden\nAndra raden\n");
  CHECK(turned(3) == "Första raden\nAndra raden\n");
}

}  // namespace
}  // namespace overens
