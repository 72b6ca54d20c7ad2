#include "extractor/normalize.h"

#include <catch2/catch.hpp>
#include <random>

namespace overens {
namespace {

// Spaces as CleanLine leaves them: none at either end, runs as one.
std::string Collapse(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (c == ' ') {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

// The one-pass cleaning of ordinary lines must agree with NFC, the
// character repairs and space collapsing done one after another, on lines
// of letters, spaces, repaired characters, decomposed letters and broken
// UTF-8 alike.
TEST_CASE("Normalize cleans a line as NormalizeChars and collapsing spaces do", "[normalize]") {
  const std::vector<std::string_view> pieces = {
      "a", "Z", "å", "Ö", "é", " ", "  ", "\t", "\r", "\u00A0", "\u00AD", "\u00A7", "\u2009", "\u200B", "\u202F", "\u2002",
      "\u2013", "\u201D", "\u2022", "\u20AC", "\u2000", "\uF0B7", "\uFEFF", "\uFB01", "e\u0301", "\u0394", "\u4E2D",
      "\xC3", "\xC2", "\xE2\x80", "\x80", "\xC3 ", "\xE2\x80 ", "\xEF\x80", "1.", "-", "7"};
  std::mt19937 random(3);
  for (int i = 0; i < 40000; ++i) {
    std::string raw = "x";
    // Short lines, and lines long enough to be read eight bytes at a time.
    for (size_t n = 0, length = random() % (i % 2 ? 12 : 48); n < length; ++n) raw += pieces[random() % pieces.size()];
    NormalizeOptions chars_only;
    chars_only.drop_glued_footnotes = false;  // "xaåé7" keeps its digit here
    NormalizedText t = Normalize(SourceText{"t.txt", raw, "utf-8", {}}, chars_only);
    REQUIRE(t.lines.size() == 1);
    INFO(raw);
    CHECK(t.lines[0].text == Collapse(NormalizeChars(raw)));
  }
}

// Lines mostly of letters and single spaces, as most lines are, with now
// and then what ends a run: the fast path's eight-byte steps at any offset.
TEST_CASE("Normalize cleans long lines of letters as NormalizeChars and collapsing spaces do", "[normalize]") {
  const std::vector<std::string_view> letters = {"a", "b", "Z", "å", "Ö", "é", " ", "7", "e"};
  const std::vector<std::string_view> rare = {"  ", "\t", "\r", "\xC3", "\x80", "\xC3 ", "\xC3\xC3\xA5", " \xC3", "\u2013", "\u00A0"};
  std::mt19937 random(5);
  for (int i = 0; i < 20000; ++i) {
    std::string raw = "x";
    for (size_t n = 0, length = random() % 64; n < length; ++n)
      raw += random() % 16 ? letters[random() % letters.size()] : rare[random() % rare.size()];
    NormalizeOptions chars_only;
    chars_only.drop_glued_footnotes = false;
    NormalizedText t = Normalize(SourceText{"t.txt", raw, "utf-8", {}}, chars_only);
    REQUIRE(t.lines.size() == 1);
    INFO(raw);
    CHECK(t.lines[0].text == Collapse(NormalizeChars(raw)));
  }
}

// A text of millions of empty lines must not be held line by line: a run
// of blank lines is cut short, longer than any reading counts, and the
// lines after it keep their source lines. A page break starts a new run.
TEST_CASE("a long run of blank lines is cut short", "[normalize]") {
  std::string text = "Lokal överenskommelse" + std::string(100000, '\n') + "Målgrupper\n" + std::string(50, '\n') + "\fParter\n";
  NormalizedText t = Normalize(SourceText{"t.txt", text, "utf-8", {}});
  REQUIRE(t.lines.size() < 100);
  size_t blanks = 0;
  for (const TextLine& l : t.lines) blanks += l.blank();
  CHECK(blanks <= 2 * 32 + 1);
  CHECK(t.lines[0].text == "Lokal överenskommelse");
  auto at = [&](const std::string& s) {
    for (const TextLine& l : t.lines)
      if (l.text == s) return l.source_line;
    return -1;
  };
  CHECK(at("Målgrupper") == 100001);
  CHECK(at("Parter") == 100052);
  // Must not: the blank lines a reading counts (a page's footer, three between items) stay.
  NormalizedText few = Normalize(SourceText{"t.txt", "A\n\n\n\n\nB\n", "utf-8", {}});
  CHECK(few.lines.size() == 7);  // the empty line after the last line feed too
}

TEST_CASE("Normalize keeps an indented line's mark and repairs its spaces", "[normalize]") {
  NormalizedText t = Normalize(SourceText{"t.txt", "  \u00A0Parterna\u2009 ska\t samverka \r", "utf-8", {}});
  REQUIRE(t.lines.size() == 1);
  CHECK(t.lines[0].text == "Parterna ska samverka");
  CHECK(t.lines[0].bullet == Bullet::kIndent);
}

TEST_CASE("a centred title is no list item, an indented line is", "[normalize]") {
  NormalizedText t = Normalize(SourceText{"t.txt", "                    Lokal överenskommelse 2026\n    Socialtjänsten", "utf-8", {}});
  REQUIRE(t.lines.size() == 2);
  CHECK(t.lines[0].bullet == Bullet::kNone);
  CHECK(t.lines[1].bullet == Bullet::kIndent);
}

TEST_CASE("footnote numbers glued to words are dropped, other digits stay", "[normalize]") {
  auto clean = [](const std::string& raw) { return Normalize(SourceText{"t.txt", raw, "utf-8", {}}).lines[0].text; };
  CHECK(clean("med psykisk funktionsnedsättning1") == "med psykisk funktionsnedsättning");
  CHECK(clean("Målgrupper2") == "Målgrupper");
  CHECK(clean("i Skåne3, Helsingborg12 och SIP-möten4.") == "i Skåne, Helsingborg och SIP-möten.");
  for (const char* kept : {"Q1 2024", "SKL2 och BUP3", "år1 och kap2", "2023-05-041", "Region Skåne 2024", "Skåne123",
                           "steg1a", "covid-19", "x1"})
    CHECK(clean(kept) == kept);
}

TEST_CASE("a line laid out in cells says where each starts", "[normalize]") {
  NormalizedText t = Normalize(SourceText{
      "t.txt", "  Aktivitet      Ansvarig   Klart\n\u2022 Ny rutin   BUP\nEn rad utan celler\nåtgärd\tStyrgruppen  \n"
               "Målgrupper1 och  Skåne2  x\n",
      "utf-8", {}});
  REQUIRE(t.lines.size() == 6);
  const TextLine& heading = t.lines[0];
  CHECK(heading.text == "Aktivitet Ansvarig Klart");
  CHECK(heading.indent == 2);
  REQUIRE(heading.cells.size() == 3);
  CHECK((heading.cells[0].offset == 0 && heading.cells[0].column == 2));
  CHECK((heading.cells[1].offset == 10 && heading.cells[1].column == 17));
  CHECK((heading.cells[2].offset == 19 && heading.cells[2].column == 28));
  const TextLine& item = t.lines[1];  // the glyph goes, the cells stay where their text is
  CHECK(item.bullet == Bullet::kGlyph);
  CHECK(item.text == "Ny rutin BUP");
  REQUIRE(item.cells.size() == 2);
  CHECK((item.cells[0].offset == 0 && item.cells[1].offset == 9 && item.cells[1].column == 13));
  CHECK(t.lines[2].cells.empty());
  const TextLine& tabbed = t.lines[3];  // a tab parts cells too; trailing spaces do not
  CHECK(tabbed.text == "åtgärd Styrgruppen");
  REQUIRE(tabbed.cells.size() == 2);
  CHECK((tabbed.cells[1].offset == 9 && tabbed.cells[1].column == 7));  // "åtgärd" is 8 bytes, 6 characters
  const TextLine& footnotes = t.lines[4];  // dropped footnote digits move later cells back
  CHECK(footnotes.text == "Målgrupper och Skåne x");
  REQUIRE(footnotes.cells.size() == 3);
  CHECK(footnotes.cells[1].offset == 16);
  CHECK(footnotes.cells[2].offset == 23);
}

// A table typed with tabs: each field as wide as its widest cell, so that
// a row's cells line up under the heading's whatever the tabs' widths.
TEST_CASE("a block of tab-separated lines is laid out in columns", "[normalize]") {
  NormalizedText t = Normalize(SourceText{
      "t.txt", "Aktivitet\tAnsvarig\tKlart\nEn lång aktivitet om SIP\tBUP\t2025-06-30\nKort\t\tva\u030Aren 2026\nText efter\n",
      "utf-8", {}});
  REQUIRE(t.lines.size() == 5);  // the last, after the final line break, is blank
  auto columns = [&](size_t i) {
    std::vector<std::pair<uint32_t, uint32_t>> out;  // (field, column)
    for (const Cell& c : t.lines[i].cells) out.emplace_back(c.field, c.column);
    return out;
  };
  // "En lång aktivitet om SIP" is 24 characters, "Ansvarig" 8.
  using Columns = std::vector<std::pair<uint32_t, uint32_t>>;
  CHECK(columns(0) == Columns{{0, 0}, {1, 26}, {2, 36}});
  CHECK(columns(1) == Columns{{0, 0}, {1, 26}, {2, 36}});
  // An empty field keeps its place; a line cleaned the slow way (a letter to compose) parts at its tabs too.
  CHECK(t.lines[2].text == "Kort våren 2026");
  CHECK(columns(2) == Columns{{0, 0}, {2, 36}});
  CHECK(t.lines[3].cells.empty());
  // Must not: a line of two tab-separated fields, such as a bullet and its text, is no table.
  NormalizedText two = Normalize(SourceText{"t.txt", "Mål\tText om mål\nMera\tText\n", "utf-8", {}});
  CHECK(two.lines[1].cells[1].column == 5);
}

// "| a | b |" rows, as pandoc writes a table: cells as a tab-typed table's,
// the rule under the headings blank, the rows lined up across it.
TEST_CASE("a table written with bars is laid out as one typed with tabs", "[normalize]") {
  NormalizedText t = Normalize(SourceText{
      "t.txt", "| Aktivitet | Ansvarig | Klart |\n|---|:---|---:|\n| Ny rutin för SIP | BUP | 2025-06-30 |\n| Kort | | Q3 2025 |\n"
               "Ett | i löptext | är ingen tabell\n",
      "utf-8", {}});
  REQUIRE(t.lines.size() >= 5);
  CHECK(t.lines[0].text == "Aktivitet Ansvarig Klart");
  CHECK(t.lines[1].blank());
  CHECK(t.lines[2].text == "Ny rutin för SIP BUP 2025-06-30");
  auto columns = [&](size_t i) {
    std::vector<uint32_t> out;
    for (const Cell& c : t.lines[i].cells) out.push_back(c.column);
    return out;
  };
  // "Ny rutin för SIP" is 16 characters, "Ansvarig" 8.
  CHECK(columns(0) == std::vector<uint32_t>{0, 18, 28});
  CHECK(columns(2) == std::vector<uint32_t>{0, 18, 28});
  CHECK(columns(3) == std::vector<uint32_t>{0, 28});
  // Must not: a bar inside running text.
  CHECK(t.lines[4].text == "Ett | i löptext | är ingen tabell");
  CHECK(t.lines[4].cells.empty());
}

TEST_CASE("a word joined across lines moves the next line's cells", "[normalize]") {
  NormalizedText t = Normalize(SourceText{"t.txt", "Gemensam samverk-\nan kring SIP   Styrgruppen", "utf-8", {}});
  REQUIRE(t.lines.size() == 2);
  CHECK(t.lines[0].text == "Gemensam samverkan");
  CHECK(t.lines[1].text == "kring SIP Styrgruppen");
  REQUIRE(t.lines[1].cells.size() == 2);
  CHECK(t.lines[1].cells[1].offset == 10);
}

}  // namespace
}  // namespace overens
