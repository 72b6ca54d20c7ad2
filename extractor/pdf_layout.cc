#include "extractor/pdf_layout.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "extractor/utf8.h"

namespace overens {
namespace {

struct Line {
  double top = 0, bottom = 0;
  std::vector<const PlacedWord*> words;  // left to right
  double Center() const { return (top + bottom) / 2; }
  double Left() const { return words.front()->x0; }
  double Right() const { return words.back()->x1; }
};

// The line above line i in its own column (the nearest before it that
// shares some of its width), else the one right before: on a page of two
// columns the lines of the other stand between.
size_t LineAbove(const std::vector<Line>& lines, size_t i) {
  constexpr size_t kLinesBack = 6;
  for (size_t j = i; j > 0 && i - j < kLinesBack; --j)
    if (std::min(lines[j - 1].Right(), lines[i].Right()) > std::max(lines[j - 1].Left(), lines[i].Left())) return j - 1;
  return i - 1;
}

// The value the given share of `v` is at or below (0.5: the median); 0 for none.
double Quantile(std::vector<double> v, double share) {
  if (v.empty()) return 0;
  auto at = v.begin() + static_cast<long>(static_cast<double>(v.size()) * share);
  std::nth_element(v.begin(), at, v.end());
  return *at;
}

// Words into lines: a word joins the line whose band it overlaps by half
// its height or the band's (a footnote's raised number joins its line).
std::vector<Line> GroupLines(const std::vector<PlacedWord>& words) {
  std::vector<const PlacedWord*> by_center;
  for (const PlacedWord& w : words) by_center.push_back(&w);
  std::stable_sort(by_center.begin(), by_center.end(),
                   [](const PlacedWord* a, const PlacedWord* b) { return a->y0 + a->y1 < b->y0 + b->y1; });
  std::vector<Line> lines;
  for (const PlacedWord* w : by_center) {
    if (!lines.empty()) {
      Line& l = lines.back();
      double overlap = std::min(l.bottom, w->y1) - std::max(l.top, w->y0);
      if (overlap >= 0.5 * std::min(l.bottom - l.top, w->y1 - w->y0)) {
        l.top = std::min(l.top, w->y0);
        l.bottom = std::max(l.bottom, w->y1);
        l.words.push_back(w);
        continue;
      }
    }
    lines.push_back(Line{w->y0, w->y1, {w}});
  }
  for (Line& l : lines)
    std::stable_sort(l.words.begin(), l.words.end(), [](const PlacedWord* a, const PlacedWord* b) { return a->x0 < b->x0; });
  return lines;
}

// Where a line's words start, and whether after a gap wider than any space
// between words.
struct WordStart {
  double x;
  bool after_wide_gap;
};

double Height(const PlacedWord& w) { return w.y1 - w.y0; }

// A space is about a third of the font's size; a gap of a whole height is
// no space between words but room between cells (or a justified line's).
// The words' own size tells, not the page's: a table set small beside
// larger text has its cells closer.
bool WideGapBetween(const PlacedWord& before, const PlacedWord& after) {
  return after.x0 - before.x1 >= 0.9 * std::max(Height(before), Height(after));
}

std::vector<std::vector<WordStart>> WordStarts(const std::vector<Line>& lines) {
  std::vector<std::vector<WordStart>> starts(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    for (size_t k = 0; k < lines[i].words.size(); ++k)
      starts[i].push_back({lines[i].words[k]->x0, k > 0 && WideGapBetween(*lines[i].words[k - 1], *lines[i].words[k])});
  return starts;
}

bool HasWideGap(const std::vector<WordStart>& starts) {
  return std::any_of(starts.begin(), starts.end(), [](const WordStart& s) { return s.after_wide_gap; });
}

// Whether a word at `x` on line i starts a column of the table around it:
// words start at the very same place on two other lines nearby (a cell's
// wrapped lines, the rows above and below), one of them after a wide gap.
// Words of prose seldom line up so.
bool StartsColumn(const std::vector<std::vector<WordStart>>& starts, size_t i, double x) {
  constexpr size_t kNearby = 8;
  constexpr int kFewestLines = 3;  // this one and two others
  constexpr double kSlack = 0.7;   // points
  int seen = 0;
  bool wide = false;
  for (size_t j = i > kNearby ? i - kNearby : 0; j < starts.size() && j <= i + kNearby; ++j)
    for (const WordStart& s : starts[j])
      if (std::abs(s.x - x) <= kSlack) {
        ++seen;
        wide = wide || s.after_wide_gap;
        break;
      }
  return seen >= kFewestLines && wide;
}

// Whether line i is a table's row: a wide gap between two of its words, or
// words starting at two columns of the table around it (a row whose cells
// are all filled to their edges). Prose beside a table is not: a word of it
// may start where a column does by chance, two seldom.
bool InCells(const std::vector<Line>& lines, const std::vector<std::vector<WordStart>>& starts, size_t i) {
  if (HasWideGap(starts[i])) return true;
  int columns = 0;
  for (size_t k = 1; k < lines[i].words.size(); ++k) columns += StartsColumn(starts, i, lines[i].words[k]->x0);
  return columns >= 2;
}

// Notes the width of w's characters, on the average, in `widths`.
void AddCharWidth(const PlacedWord& w, std::vector<double>& widths) {
  if (size_t runes = RuneCount(w.text); runes > 0) widths.push_back((w.x1 - w.x0) / static_cast<double>(runes));
}

// A character column a little narrower than the typical character of
// `char_widths`, so that text seldom needs more columns than its width
// gives it.
double ColumnWidth(std::vector<double> char_widths) { return std::max(0.9 * Quantile(std::move(char_widths), 0.5), 0.5); }

// What a page's words measure: where its text starts, the character column
// and the typical line's height.
struct PageMeasure {
  double left = 0;
  double column_width = 1;
  double height = 1;
};

// The typical line's height is its tallest word's (a raised footnote number
// is smaller), the median of the lines': a table of many small words in
// few rows does not make the page's text small.
PageMeasure Measure(const std::vector<PlacedWord>& words, const std::vector<Line>& lines) {
  std::vector<double> char_widths, heights;
  PageMeasure m;
  m.left = words[0].x0;
  for (const PlacedWord& w : words) {
    AddCharWidth(w, char_widths);
    m.left = std::min(m.left, w.x0);
  }
  for (const Line& l : lines) {
    double tallest = 0;
    for (const PlacedWord* w : l.words) tallest = std::max(tallest, Height(*w));
    heights.push_back(tallest);
  }
  m.column_width = ColumnWidth(std::move(char_widths));
  m.height = Quantile(heights, 0.5);
  return m;
}

// A table set in a smaller font than the page's text (fitted to a narrow
// column) gets character columns as narrow as its characters: at the page's
// width its cells would take more columns than their place gives them, push
// each other right and no longer stand under their headings.
void FitColumnsToSmallTables(const std::vector<Line>& lines, const std::vector<std::vector<WordStart>>& starts,
                             PageMeasure& m) {
  constexpr double kSmaller = 0.75;  // a running header's 8 points beside 10 is not a table's size
  constexpr int kFewestCells = 3;
  auto small = [&](const PlacedWord* w) { return Height(*w) < kSmaller * m.height; };
  std::vector<double> char_widths;
  int cells = 0;
  for (size_t i = 0; i < lines.size(); ++i)
    for (size_t k = 0; k < lines[i].words.size(); ++k) {
      const PlacedWord* w = lines[i].words[k];
      if (!small(w)) continue;
      cells += starts[i][k].after_wide_gap;
      AddCharWidth(*w, char_widths);
    }
  if (cells >= kFewestCells) m.column_width = ColumnWidth(std::move(char_widths));
}

// Per line, the blank lines before it: room of more than 0.4 of a line
// beyond the usual between it and the line above (its top less the other's
// bottom) parts paragraphs (a blank line, or a heading's spacing above it):
// one blank line, two at most. Less is a taller line's own (a heading right
// over its text). The usual room and distance are those of lines next to
// each other, not of those a blank line parts, however many of those a page
// has: a low share of them.
std::vector<size_t> BlankLinesBefore(const std::vector<Line>& lines, double height) {
  std::vector<double> room(lines.size(), 0), pitches, rooms;
  for (size_t i = 1; i < lines.size(); ++i) {
    const Line& up = lines[LineAbove(lines, i)];
    room[i] = lines[i].top - up.bottom;
    double distance = lines[i].Center() - up.Center();
    if (distance < 3 * height && distance > 0.7 * height) {
      pitches.push_back(distance);
      rooms.push_back(room[i]);
    }
  }
  double pitch = pitches.empty() ? height : Quantile(pitches, 0.2);
  double usual_room = Quantile(rooms, 0.2);
  std::vector<size_t> blanks(lines.size(), 0);
  for (size_t i = 1; i < lines.size(); ++i)
    if (double extra = room[i] - usual_room; extra > 0.4 * height)
      blanks[i] = static_cast<size_t>(std::clamp(std::lround(extra / pitch), 1L, 2L));
  return blanks;
}

// Appends line i: each word at the column of its position, one space
// between words of a phrase (none where poppler saw none and the words
// touch), two or more before a cell.
void AppendLine(const std::vector<Line>& lines, size_t i, const PageMeasure& m,
                const std::vector<std::vector<WordStart>>& starts, std::string& out) {
  bool in_cells = InCells(lines, starts, i);
  size_t column = 0;
  for (size_t k = 0; k < lines[i].words.size(); ++k) {
    const PlacedWord& w = *lines[i].words[k];
    size_t at = static_cast<size_t>(std::max(0L, std::lround((w.x0 - m.left) / m.column_width)));
    if (k == 0) {
      out.append(at, ' ');
      column = at;
    } else {
      const PlacedWord& before = *lines[i].words[k - 1];
      double gap = w.x0 - before.x1;
      // A cell filled to its edge may touch the next ("Gemensam screeningBeroendevården").
      double height = std::max(Height(before), Height(w));
      bool cell = WideGapBetween(before, w) || (in_cells && gap > -0.1 * height && StartsColumn(starts, i, w.x0));
      size_t spaces = cell ? std::max<size_t>(2, at > column ? at - column : 0)
                           : (before.space_after || gap > 0.15 * height ? 1 : 0);
      out.append(spaces, ' ');
      column += spaces;
    }
    out += w.text;
    column += RuneCount(w.text);
  }
  out += '\n';
}

}  // namespace

// Keeps the words running the way most of the page's text runs, turned so
// that they run left to right, lines down the page.
void TurnToReadingDirection(std::vector<PlacedWord>& words) {
  std::array<size_t, 4> runes{};
  for (const PlacedWord& w : words) runes[static_cast<size_t>(w.rotation & 3)] += RuneCount(w.text);
  int most = static_cast<int>(std::max_element(runes.begin(), runes.end()) - runes.begin());
  words.erase(std::remove_if(words.begin(), words.end(), [&](const PlacedWord& w) { return (w.rotation & 3) != most; }),
              words.end());
  for (PlacedWord& w : words) {
    double x0 = w.x0, y0 = w.y0, x1 = w.x1, y1 = w.y1;
    if (most == 1) w = PlacedWord{std::move(w.text), y0, -x1, y1, -x0, w.space_after, 0};  // runs down, lines go left
    if (most == 2) w = PlacedWord{std::move(w.text), -x1, -y1, -x0, -y0, w.space_after, 0};
    if (most == 3) w = PlacedWord{std::move(w.text), -y1, x0, -y0, x1, w.space_after, 0};  // runs up, lines go right
  }
}

std::string LayOutWords(std::vector<PlacedWord> words) {
  words.erase(std::remove_if(words.begin(), words.end(), [](const PlacedWord& w) { return w.text.empty() || w.y1 <= w.y0; }),
              words.end());
  if (words.empty()) return "";
  TurnToReadingDirection(words);
  std::vector<Line> lines = GroupLines(words);
  PageMeasure m = Measure(words, lines);
  std::vector<std::vector<WordStart>> starts = WordStarts(lines);
  FitColumnsToSmallTables(lines, starts, m);
  std::vector<size_t> blanks = BlankLinesBefore(lines, m.height);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    out.append(blanks[i], '\n');
    AppendLine(lines, i, m, starts, out);
  }
  return out;
}

}  // namespace overens
