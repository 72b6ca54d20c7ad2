// Small text helpers shared by the field extractors.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/utf8.h"

namespace overens {

// Unicode case folding of UTF-8 text (ICU, with a fast path for ASCII and Latin-1 letters).
std::string Fold(std::string_view s);
// Words of folded text: runs of word bytes (IsWordByte).
std::vector<std::string> Words(std::string_view s);
// The word a label of one or two words ends in, folded ("Klart senast" ->
// "senast", "Ansvarig" -> "ansvarig"): what a field's label is looked up by.
// Empty when `label` has no word or more than two.
std::string LabelWord(std::string_view label);
// The sentences of `text`, cut at each ". " (the period and the space
// dropped; a last sentence keeps its own end).
std::vector<std::string_view> Sentences(std::string_view text);
// The sentence of `text` around [begin, end): from after the previous
// period-and-space (or blank line) to before the next, looking at most
// `reach` bytes either way. Without its closing period.
std::string_view SentenceAround(std::string_view text, size_t begin, size_t end, size_t reach = 240);
// The part of `line` within `reach` bytes of [begin, end) (offsets into
// `line`), cut at character boundaries: on a line of ordinary length the
// whole line, on a text written as one line only the neighbourhood, so a
// look at it costs the same wherever it is.
std::string_view WindowAround(std::string_view line, size_t begin, size_t end, size_t reach = 240);
// Whether `text` contains any of `words` (plain substrings, as given).
bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words);
// Words(s).size() without building the words.
size_t WordCount(std::string_view s);
// WordCount(s) > n, reading no further than the word past n.
bool HasMoreWordsThan(std::string_view s, size_t n);
// Whether `s`, its letters lowered, ends with `lower` (given in lower case);
// compared from the end, where most words differ. No copy is made. Lowers
// ASCII and the Latin-1 capitals in UTF-8 (Å Ä Ö É: C3 80-9E as C3 A0-BE),
// so an all-caps "FÖRE" is "före".
inline bool EndsWithLower(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  std::string_view tail = s.substr(s.size() - lower.size());
  for (size_t k = tail.size(); k-- > 0;) {
    char want = lower[k];
    char got = tail[k] >= 'A' && tail[k] <= 'Z' ? static_cast<char>(tail[k] + 32) : tail[k];
    bool latin1_capital = k > 0 && lower[k - 1] == '\xC3' && static_cast<unsigned char>(want) >= 0xA0 &&
                          static_cast<unsigned char>(want) <= 0xBE && got == static_cast<char>(want - 0x20);
    if (got != want && !latin1_capital) return false;
  }
  return true;
}
// Whether `s`, its letters lowered as EndsWithLower does, is `lower`.
inline bool EqualsLower(std::string_view s, std::string_view lower) { return s.size() == lower.size() && EndsWithLower(s, lower); }
// Whether `s` starts with `lower`, its letters lowered as EndsWithLower does.
inline bool StartsWithLower(std::string_view s, std::string_view lower) {
  return s.size() >= lower.size() && EqualsLower(s.substr(0, lower.size()), lower);
}
// Whether `s` is one or more ASCII digits.
inline bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
// The first ASCII digit of `text` at or after `i`, or text.size(). Reads
// eight bytes at a time: texts are mostly letters, and the scans that call
// this read every byte of them.
size_t NextDigit(std::string_view text, size_t i);
// `s` without the bytes of `junk` at its end; a view into `s`, which keeps
// where it starts.
inline std::string_view TrimRight(std::string_view s, std::string_view junk) {
  while (!s.empty() && junk.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}
bool StartsUpper(std::string_view s);
bool StartsLower(std::string_view s);
std::string Trim(std::string_view s, std::string_view junk = " \t\n");
// Capitalises the first letter (ASCII and å/ä/ö).
std::string Capitalize(std::string_view s);
// Removes "(...)" groups.
std::string StripParentheses(std::string_view s);
// A multiset of words as sorted ids from a Lexicon, plus how many of its
// words the lexicon does not know (they can match no lexicon word).
struct WordBag {
  std::vector<int> ids;
  size_t unknown = 0;
  size_t size() const { return ids.size() + unknown; }
};
// A fixed vocabulary giving each word a small id, so that comparing word
// multisets compares integers instead of strings.
class Lexicon {
 public:
  // The bag of `words`, adding the ones not yet known.
  WordBag Learn(const std::vector<std::string>& words);
  // The bag of the words (IsWordByte runs) of `text`; words not in the
  // lexicon count as unknown.
  WordBag Bag(std::string_view text) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> id_of_;
};
// Sørensen–Dice coefficient of two word multisets (1 when both are empty).
double Dice(const WordBag& a, const WordBag& b);
// The longest prefix of `s` of at most `max` bytes that does not split a UTF-8 character.
std::string_view Utf8Prefix(std::string_view s, size_t max);
// The longest prefix of `s` of at most `max` bytes that ends where a word
// ends, but keeps at least `min` bytes (then cut as Utf8Prefix does).
std::string_view WordPrefix(std::string_view s, size_t max, size_t min);
// Shortens to at most `max` bytes on a UTF-8 boundary, adding "…".
std::string Ellipsize(std::string_view s, size_t max);

}  // namespace overens
