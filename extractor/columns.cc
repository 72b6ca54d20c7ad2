#include "extractor/columns.h"

#include <algorithm>
#include <map>
#include <optional>

#include "extractor/swar.h"
#include "extractor/utf8.h"

namespace overens {
namespace {

constexpr size_t kMinGutter = 3;  // spaces between two columns
// How far a column's rows may start right of its leftmost row (indented
// list items) and how far off the gutter position the right column may be.
constexpr size_t kIndentSlack = 8;
constexpr size_t kRightSlackBefore = 1, kRightSlackAfter = 2;

// A stretch of a row without a gutter inside, with its position in
// characters (as the layout counts them) and in bytes.
struct Piece {
  size_t col_begin = 0, col_end = 0;
  size_t byte_begin = 0, byte_end = 0;
};

std::vector<Piece> PiecesOf(std::string_view row) {
  std::vector<Piece> pieces;
  size_t col = 0, spaces = 0;
  Piece cur;
  bool open = false;
  for (size_t i = 0; i < row.size(); ++i) {
    char c = row[i];
    if (IsUtf8Continuation(c)) continue;
    if (c == ' ') {
      ++spaces;
    } else {
      if (open && spaces >= kMinGutter) {
        pieces.push_back(cur);
        open = false;
      }
      if (!open) {
        cur.col_begin = col;
        cur.byte_begin = i;
        open = true;
      }
      spaces = 0;
      size_t len = 1;
      while (i + len < row.size() && IsUtf8Continuation(row[i + len])) ++len;
      cur.col_end = col + 1;
      cur.byte_end = i + len;
    }
    ++col;
  }
  if (open) pieces.push_back(cur);
  return pieces;
}

// Whether a piece of a row holds a word of three letters or more: prose, a
// numbered item ("3. Skånegemensam ..."), a date going on in words
// ("2021-02-11 och tills vidare."), or a contents entry's dot leader, which
// stands for its words where the entry wrapped ("..........6 3 VÅRD OCH");
// not a table's number ("1 000 000 kr", "2025-06-30", "Q2 2025").
bool HoldsWord(std::string_view piece) {
  constexpr std::string_view kLeader = "........";
  if (piece.find(kLeader) != std::string_view::npos) return true;
  size_t letters = 0;
  for (size_t i = 0; i < piece.size(); ++i) {
    auto b = static_cast<unsigned char>(piece[i]);
    bool letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b == 0xC3 && i + 1 < piece.size());
    if (b == 0xC3) ++i;  // å, ä, ö, é: one letter of two bytes
    letters = letter ? letters + 1 : 0;
    if (letters >= 3) return true;
  }
  return false;
}

// The layout of a page's two-column rows: where the right column starts,
// where the left column starts.
struct Layout {
  size_t gutter_end = 0;  // the right column's first character position
  size_t margin = 0;      // the left column's first character position
};

bool NearGutter(const Layout& l, size_t col) {
  return col + kRightSlackBefore >= l.gutter_end && col <= l.gutter_end + kRightSlackAfter;
}

enum class RowKind { kBlank, kBoth, kLeft, kRight, kOther };

// A row's kind, and for a row of both columns how many of its pieces are
// the left column's: a table set in one column has pieces of its own.
struct RowSplit {
  RowKind kind = RowKind::kOther;
  size_t left_pieces = 0;
};

RowSplit Classify(const Layout& l, const std::vector<Piece>& p) {
  if (p.empty()) return {RowKind::kBlank, 0};
  size_t right = 0;  // the first piece at or right of the gutter
  while (right < p.size() && p[right].col_begin + kRightSlackBefore < l.gutter_end) ++right;
  if (right == 0) return {p[0].col_begin <= l.gutter_end + kIndentSlack ? RowKind::kRight : RowKind::kOther, 0};
  bool left_fits = p[0].col_begin <= l.margin + kIndentSlack && p[right - 1].col_end + kMinGutter <= l.gutter_end;
  if (!left_fits) return {RowKind::kOther, 0};
  if (right == p.size()) return {RowKind::kLeft, right};
  return {NearGutter(l, p[right].col_begin) ? RowKind::kBoth : RowKind::kOther, right};
}

// How many rows run across position `col` (a piece starting left of it
// ends right of it).
size_t RowsAcross(const std::vector<std::vector<Piece>>& pieces, size_t col) {
  return static_cast<size_t>(std::count_if(pieces.begin(), pieces.end(), [&](const std::vector<Piece>& p) {
    return std::any_of(p.begin(), p.end(), [&](const Piece& x) { return x.col_begin + kMinGutter < col && x.col_end > col; });
  }));
}

// Where the right column starts: of the places where rows' later pieces
// start most often, the one that the fewest rows run across. A table's
// column in one of the columns has prose rows running across it; the
// gutter has none but full-width rows (a title).
size_t GutterEnd(const std::map<size_t, size_t>& starts, const std::vector<std::vector<Piece>>& pieces) {
  constexpr size_t kCandidates = 8;
  std::vector<std::pair<size_t, size_t>> near;  // rows starting near, position
  for (const auto& [col, n] : starts) {
    size_t rows = 0;
    for (size_t c = col > kRightSlackBefore ? col - kRightSlackBefore : 0; c <= col + kRightSlackBefore; ++c)
      rows += starts.count(c) ? starts.at(c) : 0;
    near.emplace_back(rows, col);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  near.resize(std::min(near.size(), kCandidates));
  size_t best = near[0].second;
  long best_score = 0;
  for (size_t k = 0; k < near.size(); ++k) {
    auto [rows, col] = near[k];
    long score = static_cast<long>(rows) - static_cast<long>(RowsAcross(pieces, col));
    if (k == 0 || score > best_score) best = col, best_score = score;
  }
  return best;
}

// What the rows of a page say of a column layout.
struct Evidence {
  size_t nonblank = 0;
  size_t many = 0;          // rows of three or more pieces
  size_t both = 0;          // rows of both columns (RowKind::kBoth)
  size_t split_tables = 0;  // of those, rows of three or more pieces (a table in one column)
  size_t left_chars = 0, right_chars = 0, prose_right_chars = 0;
  size_t wordy = 0;         // rows of both whose right part holds a word (HoldsWord)
  size_t left_only = 0, right_only = 0;
  size_t left_reach = 0;    // where the left column's rows end, at the most
  size_t across = 0;        // rows running across the gutter
  size_t ProseRows() const { return both - split_tables; }
};

Evidence Weigh(const std::vector<PageRow>& page, const std::vector<std::vector<Piece>>& pieces, const Layout& l) {
  Evidence e;
  e.across = RowsAcross(pieces, l.gutter_end);
  for (size_t r = 0; r < pieces.size(); ++r) {
    const auto& p = pieces[r];
    e.nonblank += !p.empty();
    e.many += p.size() > 2;
    RowSplit split = Classify(l, p);
    e.left_only += split.kind == RowKind::kLeft;
    e.right_only += split.kind == RowKind::kRight;
    if (split.kind == RowKind::kLeft) e.left_reach = std::max(e.left_reach, p.back().col_end);
    if (split.kind != RowKind::kBoth) continue;
    ++e.both;
    e.split_tables += p.size() > 2;
    e.left_chars += p[split.left_pieces - 1].col_end - p[0].col_begin;
    e.left_reach = std::max(e.left_reach, p[split.left_pieces - 1].col_end);
    size_t right = p.back().col_end - p[split.left_pieces].col_begin;
    e.right_chars += right;
    e.prose_right_chars += p.size() == 2 ? right : 0;
    const Piece& right_first = p[split.left_pieces];
    e.wordy += HoldsWord(page[r].text.substr(right_first.byte_begin, right_first.byte_end - right_first.byte_begin));
  }
  return e;
}

// Whether the rows are two columns: enough rows of both (four, and a tenth
// of the page), some of them of prose on both sides and few rows of three
// or more parts that are not (a table across the page), parts of prose
// length on both sides (a table's "Ansvarig" column is short; rows of one
// piece a side must be prose too: a table's wrapped cells, "SIP-processen i
// alla kommuner" | "lokala chefer", are short on the right) and right parts
// that mostly hold words, right of a left column of some width. Or
// a long left column that fills its width, nothing but a title or a footer
// running across the gutter, and a few lines beside it (a last page's).
bool IsTwoColumns(const Evidence& e, const Layout& l) {
  constexpr size_t kMinRows = 4, kMinProseRows = 2, kMinChars = 15, kMinLeftWidth = 20;
  if (l.gutter_end < kMinLeftWidth || e.ProseRows() < kMinProseRows || e.prose_right_chars < kMinChars * e.ProseRows() ||
      e.left_chars < kMinChars * e.both || e.right_chars < kMinChars * e.both || e.wordy * 10 < e.both * 7 ||
      (e.many - e.split_tables) * 4 > e.both)
    return false;
  if (e.both >= kMinRows && e.both * 10 >= e.nonblank) return true;
  constexpr size_t kMinLeftRows = 8, kMinRightRows = 3, kFullWithin = 15, kMostAcross = 2;  // a title, a footer
  return e.across <= kMostAcross && e.left_only >= kMinLeftRows && e.both + e.right_only >= kMinRightRows &&
         e.left_reach + kFullWithin >= l.gutter_end;
}

// The column layout of the page, when rows of two columns agree on one.
std::optional<Layout> FindLayout(const std::vector<PageRow>& page, const std::vector<std::vector<Piece>>& pieces) {
  std::map<size_t, size_t> starts;  // a later piece's position -> rows
  for (const auto& p : pieces)
    for (size_t k = 1; k < p.size(); ++k) ++starts[p[k].col_begin];
  if (starts.empty()) return std::nullopt;
  Layout l;
  l.gutter_end = GutterEnd(starts, pieces);
  l.margin = l.gutter_end;
  for (const auto& p : pieces)
    if (p.size() >= 2 && std::any_of(p.begin() + 1, p.end(), [&](const Piece& x) { return NearGutter(l, x.col_begin); }))
      l.margin = std::min(l.margin, p[0].col_begin);
  if (!IsTwoColumns(Weigh(page, pieces, l), l)) return std::nullopt;
  return l;
}

// The row's text from `piece` on (to `end`), with one space before it when
// it is indented from where its column starts, so list items stay indented.
PageRow Part(const PageRow& row, const Piece& piece, size_t column_start, size_t end_byte) {
  size_t begin = piece.byte_begin;
  if (piece.col_begin > column_start && begin > 0) --begin;  // the byte before is a space
  return {row.text.substr(begin, end_byte - begin), row.source_line};
}

// Where a stretch of column rows [begin, end) ends when its last rows are
// left-column rows below two or more blank rows at the foot of the page: a
// footer at the margin, which must stay at the end of the page (where
// running footers are recognised), not move between the columns.
size_t BeforeFooter(const std::vector<RowKind>& kinds, size_t begin, size_t end) {
  size_t k = end;
  while (k > begin && kinds[k - 1] == RowKind::kLeft) --k;
  if (k == end || end != kinds.size()) return end;
  size_t blanks = 0;
  while (k > begin && kinds[k - 1] == RowKind::kBlank) --k, ++blanks;
  return blanks >= 2 ? k : end;
}

// Where the first three spaces in a row start in text[from, ...), or npos.
// std::string_view::find calls memchr at every space, and prose has one in
// every few bytes: eight bytes are tested at once, six positions a step
// (a run starting at the sixth byte ends at the eighth).
size_t FindThreeSpaces(std::string_view text, size_t from) {
  constexpr uint64_t kFirstSix = 0x0000808080808080ULL;
  for (; from + 8 <= text.size(); from += 6) {
    uint64_t space = swar::BytesEqual(swar::Load(text.data() + from), ' ');
    if (uint64_t three = space & (space >> 8) & (space >> 16) & kFirstSix) return from + swar::FirstMarked(three);
  }
  for (; from + 3 <= text.size(); ++from)
    if (text[from] == ' ' && text[from + 1] == ' ' && text[from + 2] == ' ') return from;
  return std::string_view::npos;
}

}  // namespace

bool MayHaveColumns(std::string_view text) {
  for (size_t at = FindThreeSpaces(text, 0); at != std::string_view::npos; at = FindThreeSpaces(text, at + 1)) {
    size_t end = text.find_first_not_of(' ', at);
    if (at > 0 && text[at - 1] != '\n' && end != std::string_view::npos && text[end] != '\n') return true;
    if (end == std::string_view::npos) break;
    at = end - 1;
  }
  return false;
}

std::vector<PageRow> ReadingOrder(const std::vector<PageRow>& page) {
  std::vector<std::vector<Piece>> pieces;
  pieces.reserve(page.size());
  for (const PageRow& r : page) pieces.push_back(PiecesOf(r.text));
  auto layout = FindLayout(page, pieces);
  if (!layout) return page;
  std::vector<RowKind> kinds;
  std::vector<size_t> left_pieces;
  for (const auto& p : pieces) {
    RowSplit split = Classify(*layout, p);
    kinds.push_back(split.kind);
    left_pieces.push_back(split.left_pieces);
  }
  std::vector<PageRow> out;
  for (size_t r = 0; r < page.size();) {
    size_t end = r, both = 0;
    while (end < page.size() && kinds[end] != RowKind::kOther) both += kinds[end++] == RowKind::kBoth;
    end = BeforeFooter(kinds, r, end);
    if (both < 2) {  // no stretch of columns here: the rows as they are
      for (size_t k = r; k < std::max(end, r + 1); ++k) out.push_back(page[k]);
      r = std::max(end, r + 1);
      continue;
    }
    std::vector<PageRow> right;
    for (size_t k = r; k < end; ++k) {
      const PageRow& row = page[k];
      const auto& p = pieces[k];
      switch (kinds[k]) {
        case RowKind::kBlank:
          out.push_back({std::string_view(), row.source_line});
          right.push_back({std::string_view(), row.source_line});
          break;
        case RowKind::kBoth:
          out.push_back(Part(row, p[0], layout->margin, p[left_pieces[k] - 1].byte_end));
          right.push_back(Part(row, p[left_pieces[k]], layout->gutter_end, row.text.size()));
          break;
        case RowKind::kLeft: out.push_back(Part(row, p[0], layout->margin, row.text.size())); break;
        case RowKind::kRight: right.push_back(Part(row, p[0], layout->gutter_end, row.text.size())); break;
        case RowKind::kOther: break;
      }
    }
    for (PageRow& row : right) row.right_column = true;
    out.insert(out.end(), right.begin(), right.end());
    r = end;
  }
  return out;
}

}  // namespace overens
