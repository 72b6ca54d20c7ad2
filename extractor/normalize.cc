#include "extractor/normalize.h"

#include <algorithm>
#include <array>
#include <limits>
#include <deque>
#include <map>
#include <set>
#include <string_view>

#include <re2/re2.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "extractor/columns.h"
#include "extractor/re2_util.h"
#include "extractor/swar.h"
#include "extractor/text_util.h"
#include "extractor/utf8.h"

namespace overens {
namespace {

struct Replacement {
  std::string_view from, to;
};
// Character repairs applied after NFC, in one left-to-right pass (no repair's
// output is another repair's input, and no two share a prefix).
constexpr Replacement kCharRepairs[] = {
    {"\u00AD", ""},   {"\u200B", ""},   {"\uFEFF", ""},   {"\u00A0", " "}, {"\u2007", " "}, {"\u2009", " "},
    {"\u202F", " "},  {"\u2002", " "},  {"\u2003", " "},  {"\u2004", " "}, {"\u2005", " "}, {"\u2006", " "},
    {"\u2008", " "},  {"\u200A", " "},  {"\t", " "},      {"\r", ""},      {"\uFB00", "ff"}, {"\uFB01", "fi"},
    {"\uFB02", "fl"}, {"\uFB03", "ffi"}, {"\uFB04", "ffl"}, {"\uFB06", "st"},
};

constexpr std::string_view kBulletGlyphs[] = {"\uF0B7", "\uF0A7", "\uF076", "\uF0D8", "\uF0FC", "\u2022", "\u25AA",
                                              "\u25A0", "\u25CF", "\u25E6", "\u00B7", "\u2013", "\u2014", "\u2023",
                                              "\u2043", "\u27A2", "-", "*"};

// The byte length of the character at s[i] when it is surely NFC without
// asking ICU, else 0: ASCII, Latin-1 (lead bytes C2/C3), U+2002..U+20BF
// (spaces, dashes, quotes, bullets, currency) and private-use glyphs
// (U+F000..U+F8FF) neither compose nor decompose. U+2000 and U+2001 do (to
// U+2002/U+2003), so they go to ICU. Continuation bytes are not checked.
size_t SurelyNfcLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size()) return 2;
  if (i + 2 >= s.size()) return 0;
  auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  bool punctuation = c == 0xE2 && b1 >= 0x80 && b1 <= 0x82 && !(b1 == 0x80 && b2 <= 0x81);
  bool private_use = c == 0xEF && b1 >= 0x80 && b1 <= 0xA3;
  return punctuation || private_use ? 3 : 0;
}

// Whether text is already NFC without asking ICU (see SurelyNfcLength).
bool IsSurelyNfc(std::string_view s) {
  for (size_t i = 0, n; i < s.size(); i += n)
    if ((n = SurelyNfcLength(s, i)) == 0) return false;
  return true;
}

// NFC through ICU, for text IsSurelyNfc cannot vouch for.
std::string IcuNfc(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(s);
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return std::string(s);
  err = U_ZERO_ERROR;
  std::string result;
  icu::StringByteSink<std::string> sink(&result);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_FAILURE(err)) return std::string(s);
  return result;
}

// Every repair starts with a tab, a carriage return or one of three UTF-8 lead bytes.
bool MayStartRepair(char c) { return c == '\t' || c == '\r' || c == '\xC2' || c == '\xE2' || c == '\xEF'; }

// The character repair that applies at s[i], or null.
const Replacement* RepairAt(std::string_view s, size_t i) {
  if (!MayStartRepair(s[i])) return nullptr;
  auto hit = std::find_if(std::begin(kCharRepairs), std::end(kCharRepairs),
                          [&](const Replacement& r) { return s.substr(i, r.from.size()) == r.from; });
  return hit == std::end(kCharRepairs) ? nullptr : &*hit;
}

// Calls emit(piece) for consecutive pieces of `nfc` with every character
// repair applied; stretches without repairs come whole.
template <typename Emit>
void ForEachRepairedPiece(std::string_view nfc, Emit emit) {
  for (size_t i = 0; i < nfc.size();) {
    if (const Replacement* repair = RepairAt(nfc, i)) {
      emit(repair->to);
      i += repair->from.size();
      continue;
    }
    size_t next = i + 1;
    while (next < nfc.size() && !MayStartRepair(nfc[next])) ++next;
    emit(nfc.substr(i, next - i));
    i = next;
  }
}

// "1. Text", "12) Text", "a) text": a numbered item with text after its number.
bool StartsNumbered(std::string_view s) {
  int order = 0;
  std::string_view rest;
  return ParseNumberedStep(s, order, rest) && !rest.empty();
}

// Removes a leading list marker and says which kind it was.
Bullet StripBullet(std::string& text, bool indented) {
  unsigned char first = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
  bool may_be_glyph = first == '-' || first == '*' || first >= 0xC2;
  for (std::string_view g : kBulletGlyphs) {
    if (!may_be_glyph) break;
    if (text.rfind(g, 0) == 0) {
      std::string rest = text.substr(g.size());
      // "-" and "*" only count when a space follows ("-5 %" is not a bullet).
      if ((g == "-" || g == "*") && (rest.empty() || rest[0] != ' ')) break;
      size_t skip = rest.find_first_not_of(' ');
      text = skip == std::string::npos ? "" : rest.substr(skip);
      return Bullet::kGlyph;
    }
  }
  if (text.size() > 2 && text[0] == 'o' && text[1] == ' ' && StartsUpper(std::string_view(text).substr(2))) {
    text = text.substr(2);
    return Bullet::kSubGlyph;
  }
  if (StartsNumbered(text)) return Bullet::kNumber;
  if (indented && StartsUpper(text)) return Bullet::kIndent;
  return Bullet::kNone;
}

// A cleaned line as it is built: runs of spaces become one, and none stay
// at either end. A run of two or more spaces, or a tab, between two pieces
// of text parts cells (TextLine::cells), except two spaces after a
// sentence's end ("typewriter" spacing).
class LineBuilder {
 public:
  LineBuilder(std::string& out, std::vector<Cell>& cells) : out_(out), cells_(cells) {}
  void Space() {
    if (out_.empty()) leading_space_ = true, ++leading_spaces_;
    ++spaces_;
  }
  void Tab() {
    Space();
    ++tabs_;
  }
  // Text that neither starts nor ends with a space and has no two in a row.
  void AppendCollapsed(std::string_view text) {
    if (text.empty()) return;
    if (spaces_ > 0 && !out_.empty()) {
      out_ += ' ';
      if (spaces_ >= 2 || tabs_ > 0) [[unlikely]] Gap();
      skipped_ += spaces_ - 1;
    } else {
      skipped_ += spaces_;  // leading
    }
    fields_ += tabs_;
    spaces_ = 0;
    tabs_ = 0;
    out_.append(text);
  }
  // Any text.
  void Append(std::string_view piece) {
    for (size_t i = 0; i < piece.size();) {
      if (piece[i] == ' ') {
        Space();
        ++i;
        continue;
      }
      size_t word_end = std::min(piece.find(' ', i), piece.size());
      AppendCollapsed(piece.substr(i, word_end - i));
      i = word_end;
    }
  }
  bool leading_space() const { return leading_space_; }

 private:
  // Two or more spaces, or a tab, just collapsed into the space ending out_.
  void Gap() {
    char before = out_[out_.size() - 2];
    bool sentence_spacing = spaces_ == 2 && tabs_ == 0 && (before == '.' || before == '!' || before == '?' || before == ':');
    if (!sentence_spacing) AddCell();
  }

  // A cell starts at the end of out_; its column counts the spaces collapsed before it.
  void AddCell() {
    if (cells_.empty()) cells_.push_back({0, static_cast<uint32_t>(leading_spaces_), static_cast<uint32_t>(fields_)});
    cells_.push_back({static_cast<uint32_t>(out_.size()), static_cast<uint32_t>(RunesOfOut() + skipped_ + spaces_ - 1),
                      static_cast<uint32_t>(fields_ + tabs_)});
  }

  // The runes of out_, counted on from where the last count stopped, so a
  // line of many cells is counted once, not once per cell.
  size_t RunesOfOut() {
    runes_counted_ += RuneCount(std::string_view(out_).substr(bytes_counted_));
    bytes_counted_ = out_.size();
    return runes_counted_;
  }

  std::string& out_;
  std::vector<Cell>& cells_;
  bool leading_space_ = false;
  size_t spaces_ = 0;          // spaces (tabs among them) since the last text
  size_t tabs_ = 0;            // tabs since the last text
  size_t fields_ = 0;          // tabs before the last text
  size_t skipped_ = 0;         // spaces left out of out_ so far
  size_t leading_spaces_ = 0;  // before the first text
  size_t bytes_counted_ = 0;   // of out_, by RunesOfOut
  size_t runes_counted_ = 0;   // in those bytes
};

// How CleanFast treats a byte that starts a character.
enum class ByteKind : uint8_t {
  kCopy,     // ASCII other than ' ', '\t' and '\r'
  kSpace,    // ' '
  kLatin1,   // C3: a two-byte letter, NFC as it is
  kSpecial,  // anything else: a repair, a sign or punctuation, or a character for ICU
};

constexpr std::array<ByteKind, 256> MakeByteKinds() {
  std::array<ByteKind, 256> kinds{};
  for (size_t b = 0; b < 256; ++b) kinds[b] = b < 0x80 ? ByteKind::kCopy : ByteKind::kSpecial;
  kinds[' '] = ByteKind::kSpace;
  kinds['\t'] = kinds['\r'] = ByteKind::kSpecial;
  kinds[0xC3] = ByteKind::kLatin1;
  return kinds;
}
constexpr std::array<ByteKind, 256> kByteKinds = MakeByteKinds();

bool IsLetterKind(ByteKind k) { return k == ByteKind::kCopy || k == ByteKind::kLatin1; }

// A byte of a word as RE2's \w sees one, or of a multi-byte character.
bool IsWordOrUnderscore(char c) { return IsWordByte(c) || c == '_'; }

// Where the run CleanFast takes from raw[i] (a byte that is no space) ends:
// at the first byte that is none of ASCII other than ' ', '\t' and '\r'
// (ByteKind::kCopy), a two-byte letter (C3 and a continuation byte), or a
// single space before either. Words are short, so a byte at a time would
// branch wrongly at every space: eight bytes are tested at once while a
// ninth can be looked at.
size_t RunEnd(std::string_view raw, size_t i) {
  using namespace swar;
  auto letter = [](uint64_t x) {  // kCopy or C3
    return (~(x & kHigh) & ~BytesEqual(x, ' ') & ~BytesEqual(x, '\t') & ~BytesEqual(x, '\r') & kHigh) | BytesEqual(x, 0xC3);
  };
  const size_t n = raw.size();
  uint64_t pair_goes_on = 0;  // byte 0 is the continuation of a C3 before it
  for (; i + 9 <= n; i += 8) {
    uint64_t x = Load(raw.data() + i), next = Load(raw.data() + i + 1);  // next: the byte after each byte of x
    uint64_t pair_start = BytesEqual(x, 0xC3) & Continuations(next);
    uint64_t pair_end = Continuations(x) & ((pair_start << 8) | pair_goes_on);
    uint64_t stops = ((x & kHigh) & ~pair_start & ~pair_end) | BytesEqual(x, '\t') | BytesEqual(x, '\r') |
                     (BytesEqual(x, ' ') & ~letter(next));
    if (stops) return i + FirstMarked(stops);
    pair_goes_on = pair_start >> 56;
  }
  if (pair_goes_on) ++i;
  for (;;) {
    while (i < n && kByteKinds[static_cast<unsigned char>(raw[i])] == ByteKind::kCopy) ++i;
    ByteKind k = i < n ? kByteKinds[static_cast<unsigned char>(raw[i])] : ByteKind::kSpecial;
    if (k == ByteKind::kLatin1 && i + 1 < n && IsUtf8Continuation(raw[i + 1])) i += 2;
    else if (k == ByteKind::kSpace && i + 1 < n && IsLetterKind(kByteKinds[static_cast<unsigned char>(raw[i + 1])])) ++i;
    else return i;
  }
}

// CleanLine's characters and spaces in one pass over lines that IsSurelyNfc
// vouches for and that are valid UTF-8, with the same result as
// ForEachRepairedPiece into a LineBuilder; false (and `out` unspecified)
// for any other line.
bool CleanFast(std::string_view raw, std::string& out, std::vector<Cell>& cells, bool& leading_space) {
  out.clear();
  cells.clear();
  out.reserve(raw.size());  // no repair makes text longer
  LineBuilder line(out, cells);
  const size_t n = raw.size();
  for (size_t i = 0; i < n;) {
    ByteKind kind = kByteKinds[static_cast<unsigned char>(raw[i])];
    if (kind == ByteKind::kSpace) {
      line.Space();
      ++i;
      continue;
    }
    // One run takes letters and the single spaces between them: a space
    // inside a run stands as it would after collapsing.
    size_t j = RunEnd(raw, i);
    if (j > i) {
      line.AppendCollapsed(raw.substr(i, j - i));
      i = j;
      continue;
    }
    if (raw[i] == '\t') {
      line.Tab();
      ++i;
      continue;
    }
    // A single special character (or a C3 the run could not take).
    size_t length = SurelyNfcLength(raw, i);
    if (length == 0) return false;
    for (size_t k = 1; k < length; ++k)
      if (!IsUtf8Continuation(raw[i + k])) return false;
    if (const Replacement* repair = RepairAt(raw, i)) {
      line.Append(repair->to);
      i += repair->from.size();
    } else {
      line.AppendCollapsed(raw.substr(i, length));
      i += length;
    }
  }
  leading_space = line.leading_space();
  return true;
}

// The byte length of a lower-case letter (ASCII, å ä ö é ü) ending at
// text[end - 1], else 0; `upper` for A-Z, Å Ä Ö É instead.
size_t LetterBefore(std::string_view text, size_t end, bool upper) {
  if (end == 0) return 0;
  char c = text[end - 1];
  if (upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z')) return 1;
  if (end < 2 || text[end - 2] != '\xC3') return 0;
  std::string_view second = upper ? "\x85\x84\x96\x89" : "\xA5\xA4\xB6\xA9\xBC";
  return second.find(c) != std::string_view::npos ? 2 : 0;
}

// Whether the digits at [begin, end) are a footnote number glued to the end
// of a word of four or more letters ("funktionsnedsättning1", "Skåne3"):
// one or two digits, nothing of a word after them, and before them lower-case
// letters, perhaps after one capital, back to the start of the word.
bool IsGluedFootnote(std::string_view text, size_t begin, size_t end) {
  if (end - begin > 2 || (end < text.size() && IsWordOrUnderscore(text[end]))) return false;
  size_t letters = 0, at = begin;
  while (size_t n = LetterBefore(text, at, false)) at -= n, ++letters;
  if (size_t n = LetterBefore(text, at, true)) at -= n, ++letters;
  return letters >= 4 && (at == 0 || !IsWordOrUnderscore(text[at - 1]));
}

// Drops footnote numbers glued to words; they would keep the words from
// matching ("Målgrupper1" is no heading, "Helsingborg5" no kommun).
void DropGluedFootnotes(TextLine& line) {
  std::string& text = line.text;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  // Every line is read here: eight bytes at a time.
  auto next_digit = [&](size_t from) {
    size_t at = NextDigit(text, from);
    return at == text.size() ? std::string::npos : at;
  };
  size_t digit = next_digit(0);
  if (digit == std::string::npos) return;
  std::string out;
  size_t copied = 0;
  // Cells are in offset order and footnotes are found in it: each cell
  // moves back by the bytes dropped before it, counted in one pass.
  size_t next_cell = 0;
  uint32_t dropped = 0;
  auto shift_cells_before = [&](size_t offset) {
    for (; next_cell < line.cells.size() && line.cells[next_cell].offset < offset; ++next_cell)
      line.cells[next_cell].offset -= dropped;
  };
  while (digit != std::string::npos) {
    size_t end = digit;
    while (end < text.size() && is_digit(text[end])) ++end;
    if (IsGluedFootnote(text, digit, end)) {
      out.append(text, copied, digit - copied);
      shift_cells_before(end);
      dropped += static_cast<uint32_t>(end - digit);
      copied = end;
    }
    digit = next_digit(end);
  }
  if (copied == 0) return;
  out.append(text, copied, std::string::npos);
  text = std::move(out);
  shift_cells_before(std::numeric_limits<size_t>::max());
}

// NFC, character repairs, spaces collapsed and trimmed; the cells the
// spaces part (see LineBuilder); `leading_space` when raw starts with a space.
void CleanText(std::string_view raw, std::string& out, std::vector<Cell>& cells, bool& leading_space) {
  if (CleanFast(raw, out, cells, leading_space)) return;
  std::string composed;
  std::string_view chars = raw;
  if (!IsSurelyNfc(raw)) chars = composed = IcuNfc(raw);
  out.clear();
  cells.clear();
  out.reserve(chars.size());
  LineBuilder builder(out, cells);
  // Tabs part cells, as in CleanFast; the repairs alone would make them spaces.
  for (size_t from = 0;;) {
    size_t tab = chars.find('\t', from);
    ForEachRepairedPiece(chars.substr(from, tab == std::string_view::npos ? tab : tab - from),
                         [&](std::string_view piece) { builder.Append(piece); });
    if (tab == std::string_view::npos) break;
    builder.Tab();
    from = tab + 1;
  }
  leading_space = builder.leading_space();
}

// Moves l's cells back by n bytes, the length of a prefix just removed from
// l.text; of cells that now start at the same byte the last stays.
void ShiftCells(TextLine& l, size_t n) {
  std::vector<Cell> kept;
  for (const Cell& c : l.cells) {
    Cell moved{c.offset > n ? static_cast<uint32_t>(c.offset - n) : 0, c.column, c.field};
    if (!kept.empty() && kept.back().offset == moved.offset) kept.back() = moved;
    else kept.push_back(moved);
  }
  if (kept.size() < 2) kept.clear();
  l.cells = std::move(kept);
}

// "| Aktivitet | Ansvarig | Klart |", a table row written with bars (as
// pandoc and wikis write tables): its cells apart by tabs, as a table typed
// with tabs has them; the row under the headings ("|---|:---:|") is empty.
// nullopt for any other line.
std::optional<std::string> BarredRowAsTabs(std::string_view raw) {
  size_t first = raw.find_first_not_of(" \t"), last = raw.find_last_not_of(" \t\r");
  if (first == std::string_view::npos || raw[first] != '|' || last <= first || raw[last] != '|') return std::nullopt;
  std::string_view inner = raw.substr(first + 1, last - first - 1);
  bool rule = inner.find_first_not_of("|-: ") == std::string_view::npos && inner.find("---") != std::string_view::npos;
  if (rule) return std::string();
  std::string out;
  for (size_t b = 0;;) {
    size_t e = std::min(inner.find('|', b), inner.size());
    std::string_view cell = inner.substr(b, e - b);
    size_t cb = cell.find_first_not_of(' '), ce = cell.find_last_not_of(' ');
    if (b > 0) out += '\t';
    if (cb != std::string_view::npos) out.append(cell.substr(cb, ce - cb + 1));
    if (e == inner.size()) break;
    b = e + 1;
  }
  return out;
}

// One line: NFC, character repairs, spaces collapsed and trimmed, list
// marker removed, and where its cells start when it is laid out in cells.
// `bars` when the text holds a '|' somewhere (BarredRowAsTabs).
TextLine CleanLine(std::string_view raw, int source_line, int page, bool bars) {
  TextLine line;
  line.source_line = source_line;
  line.page = page;
  bool leading_space = false;
  std::optional<std::string> barred;
  if (bars) barred = BarredRowAsTabs(raw);
  CleanText(barred ? std::string_view(*barred) : raw, line.text, line.cells, leading_space);
  size_t first = raw.find_first_not_of(" \t");
  line.indent = first == std::string_view::npos ? 0 : static_cast<uint32_t>(RuneCount(raw.substr(0, first)));
  // An item that lost its glyph is indented a little; a centred title is
  // indented far and is no list item.
  constexpr size_t kMaxItemIndent = 12;
  bool item_indent = leading_space && first <= kMaxItemIndent;
  size_t before = line.text.size();
  line.bullet = line.text.empty() ? Bullet::kNone : StripBullet(line.text, item_indent);
  if (!line.cells.empty() && line.text.size() < before) ShiftCells(line, before - line.text.size());
  return line;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string HeaderKey(const std::string& text) {
  std::string key;
  for (char c : text) key += IsDigit(c) ? '#' : c;
  return key;
}

// A page number as running footers print it: "3", "Sida 3", "3 av 12", "3/12".
constexpr const char* kPageNumberForm = R"((?:sida\s*)?\d{1,3}(?:\s*(?:av|/)\s*\d{1,3})?)";

// A page's running header that repeats the title printed below it, with a
// date or page number beside it ("Handlingsplan 2025 – Nordost   2025-03-01",
// or the date on a line of its own when the title filled the header's
// line): a header a single page shows too, where repetition cannot tell it.
// Marks its lines in `drop`.
void MarkTitleHeaders(const std::vector<TextLine>& lines, std::vector<bool>& drop) {
  constexpr size_t kLinesBelow = 6, kFewestWords = 2, kLongestStampLine = 12, kShortestOneWordTitle = 8;
  for (size_t first = 0; first < lines.size();) {
    int page = lines[first].page;
    size_t next_page = first;
    while (next_page < lines.size() && lines[next_page].page == page) ++next_page;
    std::vector<size_t> shown;  // the page's first non-blank lines
    for (size_t i = first; i < next_page && shown.size() < kLinesBelow + 2; ++i)
      if (!lines[i].blank()) shown.push_back(i);
    first = next_page;
    if (shown.size() < 3) continue;
    // Compiled here, at the first page of three lines, not for every text.
    static const RE2 kTitleAndStamp(std::string(R"((?i)^(.*\S)\s+(?:\d{4}-\d{2}-\s?\d{2}|\d{1,2} \pL+ \d{4}|)") + kPageNumberForm +
                                    R"(|\d{1,3} \(\d{1,3}\))$)");
    // The header, with the stamp the title pushed onto a line of its own ("2025-03-01", or "01" after "2025-03-").
    std::string header = lines[shown[0]].text;
    size_t header_lines = 1;
    if (const std::string& second = lines[shown[1]].text; second.size() <= kLongestStampLine) {
      std::string joined = header + (header.back() == '-' ? "" : " ") + second;
      if (RE2::FullMatch(joined, kTitleAndStamp)) {
        header = std::move(joined);
        header_lines = 2;
      }
    }
    std::string title;
    if (!RE2::FullMatch(header, kTitleAndStamp, &title)) continue;
    // A title of one word ("Överenskommelse") must stand alone below, as it is.
    bool one_word = WordCount(title) < kFewestWords;
    if (one_word && title.size() < kShortestOneWordTitle) continue;
    for (size_t k = header_lines; k < shown.size(); ++k) {
      const std::string& below = lines[shown[k]].text;
      // The title below may go on, or wrap sooner than the header's ("... psykisk hälsa i" | "Skåne Nordost").
      bool repeats = one_word ? below == title
                     : below.starts_with(title) ? below.size() == title.size() || below[title.size()] == ' '
                                                : WordCount(below) >= 3 && title.starts_with(below) && title[below.size()] == ' ';
      if (!repeats) continue;
      for (size_t h = 0; h < header_lines; ++h) drop[shown[h]] = true;
      break;
    }
  }
}

// Running headers/footers and bare page numbers of multi-page input: the
// first and last two lines of pages, repeated on most pages (digits aside).
void MarkRepeatedFurniture(const std::vector<TextLine>& lines, std::vector<bool>& drop) {
  int pages = lines.empty() ? 0 : lines.back().page + 1;
  if (pages < 2) return;
  static const RE2 kPageNumber(std::string("(?i)^") + kPageNumberForm + "$");
  // Candidate positions: first and last two non-blank lines of each page.
  // Pages follow each other in the lines, so one pass finds them all.
  std::vector<std::vector<size_t>> candidates(static_cast<size_t>(pages));
  std::vector<size_t> idx;
  for (size_t first = 0; first < lines.size();) {
    int p = lines[first].page;
    idx.clear();
    size_t next_page = first;
    for (; next_page < lines.size() && lines[next_page].page == p; ++next_page)
      if (!lines[next_page].blank()) idx.push_back(next_page);
    for (size_t k = 0; k < idx.size(); ++k)
      if (k < 2 || k + 2 >= idx.size()) candidates[static_cast<size_t>(p)].push_back(idx[k]);
    first = next_page;
  }
  std::map<std::string, std::set<int>> pages_with_key;
  for (int p = 0; p < pages; ++p)
    for (size_t i : candidates[static_cast<size_t>(p)]) pages_with_key[HeaderKey(lines[i].text)].insert(p);
  size_t needed = std::max<size_t>(2, static_cast<size_t>(pages + 1) / 2);
  for (int p = 0; p < pages; ++p) {
    for (size_t i : candidates[static_cast<size_t>(p)]) {
      if (RE2::FullMatch(lines[i].text, kPageNumber) || pages_with_key[HeaderKey(lines[i].text)].size() >= needed)
        drop[i] = true;
    }
  }
}

// Drops running headers/footers and bare page numbers of multi-page input,
// and headers repeating the title below them on any page.
void DropPageFurniture(std::vector<TextLine>& lines) {
  std::vector<bool> drop(lines.size(), false);
  MarkTitleHeaders(lines, drop);
  MarkRepeatedFurniture(lines, drop);
  if (std::find(drop.begin(), drop.end(), true) == drop.end()) return;
  std::vector<TextLine> kept;
  kept.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(lines[i]));
  lines = std::move(kept);
}

bool IsHyphenatedWordEnd(const std::string& text) {
  if (text.size() < 3 || text.back() != '-') return false;
  char before = text[text.size() - 2];
  return before != ' ' && before != '-' && !IsDigit(before);  // "1999-" | "har gått" is no word
}

// "... med revideringsdatum 2023-": four digits and a hyphen, a word of their own.
bool EndsInYearAndHyphen(std::string_view text) {
  size_t n = text.size();
  return n >= 5 && text[n - 1] == '-' && IsDigit(text[n - 2]) && IsDigit(text[n - 3]) && IsDigit(text[n - 4]) &&
         IsDigit(text[n - 5]) && (n == 5 || text[n - 6] == ' ');
}

// "05-04 ...": a month and a day.
bool StartsWithMonthAndDay(std::string_view text) {
  return text.size() >= 5 && IsDigit(text[0]) && IsDigit(text[1]) && text[2] == '-' && IsDigit(text[3]) && IsDigit(text[4]);
}

// Joins "samverk-" + "an ..." into "samverkan" + "...", keeping real hyphens
// such as "barn- och ungdomspsykiatri" and "SIP-möten", and a date broken at
// its hyphen.
void JoinHyphenated(std::vector<TextLine>& lines) {
  static const std::set<std::string_view> kConjunctions = {"och", "eller", "samt", "respektive", "resp.", "till", "som"};
  std::vector<bool> emptied(lines.size(), false);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    bool year = EndsInYearAndHyphen(lines[i].text);
    if (!year && !IsHyphenatedWordEnd(lines[i].text)) continue;
    size_t j = i + 1;
    while (j < lines.size() && j <= i + 2 && lines[j].blank()) ++j;
    if (j >= lines.size() || lines[j].blank()) continue;
    // A date broken at its hyphen ("2023-" | "05-04") joins whole, hyphen kept.
    bool date = year && StartsWithMonthAndDay(lines[j].text);
    if (year ? !date : !StartsLower(lines[j].text)) continue;
    std::string& next = lines[j].text;
    size_t word_end = next.find(' ');
    std::string word = next.substr(0, word_end);
    std::string bare = word;
    while (!bare.empty() && std::string_view(",.;:)").find(bare.back()) != std::string_view::npos) bare.pop_back();
    if (kConjunctions.count(bare)) continue;
    std::string& cur = lines[i].text;
    char before = cur[cur.size() - 2];
    if (!date && !(before >= 'A' && before <= 'Z')) cur.pop_back();  // "SIP-möten" keeps its hyphen
    cur += word;
    size_t taken = word_end == std::string::npos ? next.size() : word_end + 1;
    next.erase(0, taken);
    if (!lines[j].cells.empty()) ShiftCells(lines[j], taken);
    if (next.empty()) emptied[j] = true;
  }
  // A line whose only word went up to the line before is no blank line
  // parting what stands around it ("... och vårdcen-" | "tralerna" | "Tidplan: ...").
  if (std::find(emptied.begin(), emptied.end(), true) == emptied.end()) return;
  size_t kept = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (emptied[i]) continue;
    if (kept != i) lines[kept] = std::move(lines[i]);
    ++kept;
  }
  lines.resize(kept);
}

}  // namespace

bool ParseNumberedStep(std::string_view text, int& order, std::string_view& rest) {
  size_t digits = 0;
  while (digits < text.size() && digits < 3 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  char first = text.empty() ? 0 : static_cast<char>(text[0] | 0x20);
  bool letter = digits == 0 && text.size() > 1 && first >= 'a' && first <= 'z' && text[1] == ')';  // "a) "
  size_t marker = letter ? 1 : digits;
  if (marker == 0 || marker > 2 || marker == text.size() || (text[marker] != '.' && text[marker] != ')')) return false;
  size_t at = marker + 1;
  while (at < text.size() && IsRe2Space(text[at])) ++at;
  if (at == marker + 1 || text.find('\n', at) != std::string_view::npos) return false;
  order = letter ? first - 'a' + 1 : text[0] - '0';
  if (digits == 2) order = order * 10 + (text[1] - '0');
  rest = text.substr(at);
  return true;
}

std::string NormalizeChars(std::string_view s) {
  std::string composed;
  std::string_view chars = s;
  if (!IsSurelyNfc(s)) chars = composed = IcuNfc(s);
  std::string out;
  out.reserve(chars.size());
  ForEachRepairedPiece(chars, [&](std::string_view piece) { out += piece; });
  return out;
}

void NormalizedText::Join() {
  joined.clear();
  line_offsets.clear();
  line_offsets.reserve(lines.size());
  size_t bytes = lines.size();
  for (const TextLine& l : lines) bytes += l.text.size();
  joined.reserve(bytes);
  for (const TextLine& l : lines) {
    line_offsets.push_back(joined.size());
    joined += l.text;
    joined += '\n';
  }
}

size_t NormalizedText::LineIndexAt(size_t offset) const {
  auto it = std::upper_bound(line_offsets.begin(), line_offsets.end(), offset);
  return it == line_offsets.begin() ? 0 : static_cast<size_t>(it - line_offsets.begin()) - 1;
}

namespace {

// Calls fn(raw line, 1-based line number, page, in_text) for each line of
// `text`; form feeds move to the next page and are left out of the line, which
// is then a copy (in_text false) valid during the call only.
template <typename Fn>
void ForEachRawLine(std::string_view text, Fn fn) {
  int page = 0, line_no = 0;
  std::string cleaned;
  // Most texts have no page breaks: one memchr for the text, not one a line.
  size_t next_feed = text.find('\f');
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    ++line_no;
    if (next_feed < pos) next_feed = text.find('\f', pos);
    if (next_feed >= pos + raw.size()) {
      fn(raw, line_no, page, true);
    } else {
      cleaned.clear();
      for (char c : raw) {
        if (c == '\f') ++page;
        else cleaned += c;
      }
      fn(std::string_view(cleaned), line_no, page, false);
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
}

// Appends `line` to `lines` unless it is blank and ends a run of more blank
// lines of its page and column than any reading counts: a text of millions
// of empty lines would otherwise be held line by line.
void AddLine(std::vector<TextLine>& lines, TextLine line) {
  constexpr size_t kMostBlankLinesInARow = 32;
  if (line.blank() && lines.size() >= kMostBlankLinesInARow &&
      std::all_of(lines.end() - kMostBlankLinesInARow, lines.end(),
                  [&](const TextLine& before) { return before.blank() && !BreakBetween(before, line); }))
    return;
  lines.push_back(std::move(line));
}

// The lines of text that may be laid out in two columns: each page's rows
// in reading order (ReadingOrder) before they are cleaned.
void CleanInReadingOrder(std::string_view text, bool bars, std::vector<TextLine>& lines) {
  std::deque<std::string> copies;  // lines that held a form feed
  std::vector<PageRow> page_rows;
  int current_page = 0;
  auto flush = [&] {
    for (const PageRow& r : ReadingOrder(page_rows)) {
      TextLine line = CleanLine(r.text, r.source_line, current_page, bars);
      line.column = r.right_column ? 1 : 0;
      AddLine(lines, std::move(line));
    }
    page_rows.clear();
  };
  ForEachRawLine(text, [&](std::string_view raw, int line_no, int page, bool in_text) {
    if (page != current_page) {
      flush();
      current_page = page;
    }
    page_rows.push_back({in_text ? raw : std::string_view(copies.emplace_back(raw)), line_no});
  });
  flush();
}

// Lays out each block of tab-separated lines as pdftotext -layout lays out a
// table: each field as wide as its widest cell, two spaces apart. Their
// cells' columns then line up under their headings, which a tab's width in
// the source does not ensure ("Aktivitet<TAB>Ansvarig" over a long activity).
// A block starts at a row of three or more fields.
void AlignTabSeparated(std::vector<TextLine>& lines) {
  constexpr size_t kFewestFields = 3;
  for (size_t i = 0; i < lines.size();) {
    if (!lines[i].TabSeparated() || lines[i].cells.back().field + 1 < kFewestFields) {
      ++i;
      continue;
    }
    // Blank lines may part the rows (and the rule under a barred table's
    // headings is one): the fields keep their places across them.
    size_t end = i + 1;
    for (size_t next = end; next < lines.size() && (lines[next].TabSeparated() || lines[next].blank()); ++next)
      if (lines[next].TabSeparated()) end = next + 1;
    std::vector<size_t> width;
    for (size_t l = i; l < end; ++l)
      for (size_t k = 0; k < lines[l].cells.size(); ++k) {
        size_t f = lines[l].cells[k].field;
        if (width.size() <= f) width.resize(f + 1, 0);
        width[f] = std::max(width[f], RuneCount(lines[l].CellText(k)));
      }
    std::vector<uint32_t> start(width.size(), 0);
    for (size_t f = 1; f < width.size(); ++f) start[f] = static_cast<uint32_t>(start[f - 1] + width[f - 1] + 2);
    for (size_t l = i; l < end; ++l)
      for (Cell& c : lines[l].cells) c.column = start[c.field];
    i = end;
  }
}

}  // namespace

NormalizedText Normalize(const SourceText& source, const NormalizeOptions& options) {
  NormalizedText out;
  out.paragraph_lines = source.encoding == "docx" || source.encoding == "odt";
  int line = 1;
  for (size_t from = 0, at = source.text.find('\f'); at != std::string::npos; from = at, at = source.text.find('\f', at + 1)) {
    line += static_cast<int>(std::count(source.text.begin() + static_cast<long>(from), source.text.begin() + static_cast<long>(at), '\n'));
    out.page_starts.push_back(line);
  }
  std::string_view text = source.text;
  // One memchr each, for the whole text: most texts have neither, and their lines skip both passes.
  bool bars = text.find('|') != std::string_view::npos, tabs = text.find('\t') != std::string_view::npos;
  // A large text's lines are made once, not moved each time their array
  // grows; runs of blank lines are cut short (AddLine), so lines of fewer
  // than 16 bytes are not reserved for.
  constexpr size_t kShortestLineReserved = 16;
  out.lines.reserve(std::min(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), text.size() / kShortestLineReserved) + 1);
  if (MayHaveColumns(text)) {
    CleanInReadingOrder(text, bars, out.lines);
  } else {
    ForEachRawLine(text, [&](std::string_view raw, int line_no, int page, bool) {
      AddLine(out.lines, CleanLine(raw, line_no, page, bars));
    });
  }
  if (tabs || bars) AlignTabSeparated(out.lines);
  if (options.drop_glued_footnotes)
    for (TextLine& l : out.lines) DropGluedFootnotes(l);
  if (options.drop_running_headers) DropPageFurniture(out.lines);
  if (options.join_hyphenated) JoinHyphenated(out.lines);
  out.Join();
  return out;
}

}  // namespace overens
