#include "extractor/text_util.h"

#include <algorithm>

#include <unicode/unistr.h>

#include "extractor/swar.h"

namespace overens {

namespace {

// Case folding without ICU for ASCII, Latin-1 letters and the punctuation
// and private-use glyphs of PDF text; false (and `out` unspecified) when
// anything else needs ICU. Folding these keeps every byte's length, so the
// result is written in place.
bool FoldLatin(std::string_view s, std::string& out) {
  out.assign(s.data(), s.size());
  char* d = out.data();
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') d[i] = static_cast<char>(c + 32);
      continue;
    }
    if (i + 1 >= s.size()) return false;
    auto next = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xC3) {
      // Å Ä Ö É Ü fold to å ä ö é ü; other lower-case Latin-1 letters stay (ß does not: it folds to "ss").
      bool upper = next == 0x85 || next == 0x84 || next == 0x96 || next == 0x89 || next == 0x9C;
      if (!upper && (next < 0xA0 || next > 0xBF)) return false;
      if (upper) d[i + 1] = static_cast<char>(next + 0x20);
      ++i;
      continue;
    }
    // U+0080..U+00BF except µ (which folds to μ): symbols, spaces, no case.
    size_t length = c == 0xC2 && next != 0xB5 ? 2 : 0;
    // U+2000..U+20BF (dashes, quotes, bullets, currency) and U+F000..U+F8FF (private use): no case.
    if ((c == 0xE2 && next >= 0x80 && next <= 0x82) || (c == 0xEF && next >= 0x80 && next <= 0xA3)) length = 3;
    if (length == 0 || i + length > s.size()) return false;
    i += length - 1;
  }
  return true;
}

}  // namespace

std::string Fold(std::string_view s) {
  std::string latin;
  if (FoldLatin(s, latin)) return latin;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string LabelWord(std::string_view label) {
  constexpr size_t kMostWords = 2;
  if (WordCount(label) > kMostWords) return "";
  std::vector<std::string> words = Words(Fold(label));
  return words.empty() ? "" : words.back();
}

std::string_view SentenceAround(std::string_view text, size_t begin, size_t end, size_t reach) {
  size_t from = begin;
  while (from > 0 && begin - from < reach) {
    if (text[from - 1] == '.' && from < text.size() && (text[from] == ' ' || text[from] == '\n')) break;
    if (from >= 2 && text[from - 1] == '\n' && text[from - 2] == '\n') break;
    --from;
  }
  size_t to = end;
  while (to < text.size() && to - end < reach) {
    if (text[to] == '.' && (to + 1 >= text.size() || text[to + 1] == ' ' || text[to + 1] == '\n')) break;
    if (text[to] == '\n' && to + 1 < text.size() && text[to + 1] == '\n') break;
    ++to;
  }
  return text.substr(from, to - from);
}

std::string_view WindowAround(std::string_view line, size_t begin, size_t end, size_t reach) {
  auto continuation = [&](size_t at) { return at < line.size() && IsUtf8Continuation(line[at]); };
  size_t from = begin > reach ? begin - reach : 0;
  while (from > 0 && continuation(from)) --from;
  size_t to = std::min(line.size(), end + reach);
  while (continuation(to)) ++to;
  return line.substr(from, to - from);
}

std::vector<std::string_view> Sentences(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find(". ", start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words) {
  // glibc's memmem is much faster than string_view::find on long texts.
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) {
    return ::memmem(text.data(), text.size(), w.data(), w.size()) != nullptr;
  });
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (IsWordByte(s[i]) && (i == 0 || !IsWordByte(s[i - 1]))) ++n;
  return n;
}

bool HasMoreWordsThan(std::string_view s, size_t n) {
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (IsWordByte(s[i]) && (i == 0 || !IsWordByte(s[i - 1])) && ++seen > n) return true;
  return false;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  out.reserve(WordCount(s));
  for (size_t i = 0; i < s.size();) {
    if (!IsWordByte(s[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && IsWordByte(s[end])) ++end;
    out.emplace_back(s.substr(i, end - i));
    i = end;
  }
  return out;
}

// Å, Ä, Ö, É and Ü are C3 85, C3 84, C3 96, C3 89 and C3 9C in UTF-8; their
// lower case is 0x20 higher in the second byte. Called for most lines by
// several readers, so the bytes are compared, not the strings.
bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c != 0xC3 || s.size() < 2) return false;
  auto t = static_cast<unsigned char>(s[1]);
  return t == 0x85 || t == 0x84 || t == 0x96 || t == 0x89 || t == 0x9C;
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s[0]);
  if (c >= 'a' && c <= 'z') return true;
  if (c != 0xC3 || s.size() < 2) return false;
  auto t = static_cast<unsigned char>(s[1]);
  return t == 0xA5 || t == 0xA4 || t == 0xB6 || t == 0xA9 || t == 0xBC;
}

std::string Trim(std::string_view s, std::string_view junk) {
  while (!s.empty() && junk.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && junk.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return std::string(s);
}

std::string Capitalize(std::string_view s) {
  std::string out(s);
  if (out.empty()) return out;
  if (out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 32);
    return out;
  }
  static const std::pair<std::string_view, std::string_view> kMap[] = {{"å", "Å"}, {"ä", "Ä"}, {"ö", "Ö"}};
  for (auto [lo, up] : kMap)
    if (out.rfind(lo, 0) == 0) return std::string(up) + out.substr(lo.size());
  return out;
}

std::string StripParentheses(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) out += c;
  }
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  return Trim(collapsed);
}

WordBag Lexicon::Learn(const std::vector<std::string>& words) {
  WordBag bag;
  for (const std::string& w : words) bag.ids.push_back(id_of_.emplace(w, static_cast<int>(id_of_.size())).first->second);
  std::sort(bag.ids.begin(), bag.ids.end());
  return bag;
}

WordBag Lexicon::Bag(std::string_view text) const {
  WordBag bag;
  for (size_t i = 0; i < text.size();) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsWordByte(text[end])) ++end;
    auto it = id_of_.find(text.substr(i, end - i));
    if (it == id_of_.end()) ++bag.unknown;
    else bag.ids.push_back(it->second);
    i = end;
  }
  std::sort(bag.ids.begin(), bag.ids.end());
  return bag;
}

double Dice(const WordBag& x, const WordBag& y) {
  if (x.size() == 0 && y.size() == 0) return 1.0;
  size_t common = 0;  // multiset intersection by sorted merge; unknown words match nothing
  for (size_t i = 0, j = 0; i < x.ids.size() && j < y.ids.size();) {
    if (x.ids[i] == y.ids[j]) ++common, ++i, ++j;
    else if (x.ids[i] < y.ids[j]) ++i;
    else ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
}

std::string_view Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && IsUtf8Continuation(s[cut])) --cut;
  return s.substr(0, cut);
}

std::string_view WordPrefix(std::string_view s, size_t max, size_t min) {
  std::string_view prefix = Utf8Prefix(s, max);
  if (prefix.size() == s.size() || !IsWordByte(s[prefix.size()]) || !IsWordByte(prefix.back())) return prefix;
  size_t space = prefix.rfind(' ');
  return space != std::string_view::npos && space >= min ? prefix.substr(0, space) : prefix;
}

std::string Ellipsize(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  return std::string(Utf8Prefix(s, max)) + "…";
}

size_t NextDigit(std::string_view text, size_t i) {
  using namespace swar;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t x = Load(text.data() + i);
    // A byte below 0x80 whose value is in ['0', '9']: adding 0x7f - '9' sets its high bit
    // only when it is above '9', and adding 0x80 - '0' sets it when it is at least '0'.
    uint64_t low7 = x & kLow7;
    uint64_t at_least_zero = low7 + kOnes * (0x80 - '0');
    uint64_t above_nine = low7 + kOnes * (0x7f - '9');
    if (uint64_t digits = at_least_zero & ~above_nine & ~x & kHigh) return i + FirstMarked(digits);
  }
  while (i < text.size() && (text[i] < '0' || text[i] > '9')) ++i;
  return i;
}

}  // namespace overens
