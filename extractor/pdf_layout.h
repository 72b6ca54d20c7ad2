// A PDF page's words, as poppler places them, laid out as lines of text:
// lines by where words stand on the page, columns by where they start, so
// that a table's cells line up under their headings on every line and stand
// two spaces apart or more, however tight the cells are set.
#pragma once

#include <string>
#include <vector>

namespace overens {

struct PlacedWord {
  std::string text;              // UTF-8
  double x0 = 0, y0 = 0;         // top left, in points, y growing down the page
  double x1 = 0, y1 = 0;         // bottom right
  bool space_after = true;       // poppler saw a space after the word
  int rotation = 0;              // quarter turns: 0 left to right, 1 down, 2 right to left, 3 up
};

// The page's text: one line per line of words (top to bottom, left to
// right), '\n' after each, blank lines where the page leaves a gap. A word
// that starts where words start after a wide gap on other lines of the page
// (a table's column) starts a cell: two spaces or more before it, at the
// character column of its position. A page whose words mostly run down or
// up (a page turned a quarter) is read turned back; words running another
// way than most (a watermark, a note up the margin) are left out. Pure;
// cost O(n log n) in words.
std::string LayOutWords(std::vector<PlacedWord> words);

}  // namespace overens
