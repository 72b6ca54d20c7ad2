// Two-column pages: text laid out as pdftotext -layout and poppler print it,
// the two columns side by side on each row, put back into reading order.
// Internal to extractor/ (used by normalize.cc).
#pragma once

#include <string_view>
#include <vector>

namespace overens {

// One row of a page, or the part of one that belongs to a column.
struct PageRow {
  std::string_view text;  // raw bytes, spaces kept (they carry the layout)
  int source_line = 0;
  bool right_column = false;  // the right column's part of a row read in two columns
};

// The rows of one page in reading order. Where the page has a two-column
// stretch (a gutter of three or more spaces at the same position on many
// rows, prose on both sides), the left column's parts of those rows come
// first, then the right column's; each part keeps its row's source line.
// Rows outside such stretches, and pages without one, come back as given.
// A table inside one column stays that column's. Tables across the page
// are left alone: rows with several gutters and no prose rows, a right side
// of numbers, or short labels on the left, do not make a column.
std::vector<PageRow> ReadingOrder(const std::vector<PageRow>& page);

// Whether ReadingOrder can change anything in `text` (it has a run of three
// spaces between two non-space characters somewhere); a cheap test for the
// common case of plain text.
bool MayHaveColumns(std::string_view text);

}  // namespace overens
