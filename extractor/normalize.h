// Normalization: repairs PDF/text artifacts while keeping, for every line of
// the result, the line of the original text it came from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/ingest.h"

namespace overens {

enum class Bullet : char {
  kNone = 0,
  kGlyph = 'b',     // •, U+F0B7, ▪, –, - ...
  kSubGlyph = 'o',  // "o " second-level bullets
  kNumber = 'n',    // "1. ", "2) "
  kIndent = 'i',    // no glyph left, but indented like a list item
};

// A cell of a line laid out as a table row: text separated from the one
// before it by two or more spaces or a tab in the source.
struct Cell {
  uint32_t offset = 0;  // byte in TextLine::text where the cell starts
  // Its character column in the source line (0-based); in a block of
  // tab-separated lines, the column it would have were the block laid out
  // with each field as wide as its widest cell, two spaces apart.
  uint32_t column = 0;
  uint32_t field = 0;  // tabs before it in the source line
};

struct TextLine {
  std::string text;      // NFC, trimmed, single spaces, bullet glyph removed
  int source_line = 0;   // 1-based line in SourceText::text
  int page = 0;          // 0-based
  int column = 0;        // 1 in the right column of a page read in two columns
  Bullet bullet = Bullet::kNone;
  uint32_t indent = 0;      // character column of the first non-space in the source line
  std::vector<Cell> cells;  // two or more when the line is laid out in cells, else empty
  bool blank() const { return text.empty(); }
  // Whether each cell starts after a tab: a row of a table typed or pasted
  // with tabs between its fields.
  bool TabSeparated() const {
    if (cells.size() < 2) return false;
    for (size_t k = 1; k < cells.size(); ++k)
      if (cells[k].field <= cells[k - 1].field) return false;
    return true;
  }
  // Cell k's text (k < cells.size()): up to the space before the next cell.
  std::string_view CellText(size_t k) const {
    size_t end = k + 1 < cells.size() ? cells[k + 1].offset - 1 : text.size();
    return std::string_view(text).substr(cells[k].offset, end - cells[k].offset);
  }
};

// Whether a page break or a column break parts two lines (`before` above
// `after`): text may run on across either.
inline bool BreakBetween(const TextLine& before, const TextLine& after) {
  return before.page != after.page || before.column != after.column;
}

struct NormalizeOptions {
  bool drop_running_headers = true;  // repeated first/last lines of PDF pages
  bool join_hyphenated = true;       // "samverk-\nan" -> "samverkan"
  bool drop_glued_footnotes = true;  // "funktionsnedsättning1" -> "funktionsnedsättning"
};

struct NormalizedText {
  std::vector<TextLine> lines;
  // Each line is a paragraph of its own (a Word or OpenDocument file): a
  // sentence ends at the end of its line, never going on onto the next.
  bool paragraph_lines = false;
  // The source line each page after the first starts on (a PDF's form
  // feeds), whatever lines normalization left out (a running header).
  std::vector<int> page_starts;
  std::string joined;                // lines joined by '\n', for multi-line matching
  std::vector<size_t> line_offsets;  // offset of each line in `joined`

  // Sets `joined` and `line_offsets` from `lines`.
  void Join();
  // Index into `lines` of the line holding byte `offset` of `joined`.
  size_t LineIndexAt(size_t offset) const;
  int SourceLineAt(size_t offset) const { return lines.empty() ? 0 : lines[LineIndexAt(offset)].source_line; }
  // 1-based column (in bytes) of `offset` within its line.
  int ColumnAt(size_t offset) const { return static_cast<int>(offset - line_offsets[LineIndexAt(offset)]) + 1; }
};

// Pure function of the source text; never fails.
NormalizedText Normalize(const SourceText& source, const NormalizeOptions& options = {});

// A numbered step or list item ("2. Verksamhetschef ...", "3) ...", "b) ..."):
// its number (a letter's place in the alphabet) and the text after it, as
// FullMatch of ^(\d{1,2}[.)]|[a-zA-Z]\))\s+(.*)$ reads them. `text` is
// valid UTF-8, as normalized text is, so only a line break stops RE2's ".".
bool ParseNumberedStep(std::string_view text, int& order, std::string_view& rest);

// NFC + the character repairs of Normalize for one string (soft hyphens,
// odd spaces, ligatures). Exposed for tests and for reference data.
std::string NormalizeChars(std::string_view s);

}  // namespace overens
