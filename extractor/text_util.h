// Small text helpers shared by the field extractors.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace overens {

// Unicode case folding of UTF-8 text (ICU, with a fast path for ASCII and Latin-1 letters).
std::string Fold(std::string_view s);
// Whether a byte belongs to a word: an ASCII letter or digit, or any byte of
// a multi-byte UTF-8 character (which Swedish text uses for letters).
inline bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}
// Words of folded text: runs of word bytes (IsWordByte).
std::vector<std::string> Words(std::string_view s);
// Whether `text` contains any of `words` (plain substrings, as given).
bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words);
// Words(s).size() without building the words.
size_t WordCount(std::string_view s);
bool StartsUpper(std::string_view s);
bool StartsLower(std::string_view s);
std::string Trim(std::string_view s, std::string_view junk = " \t\n");
// Capitalises the first letter (ASCII and å/ä/ö).
std::string Capitalize(std::string_view s);
// Removes "(...)" groups.
std::string StripParentheses(std::string_view s);
// A word list sorted for Dice(): views into the words it was made from.
std::vector<std::string_view> SortedWords(const std::vector<std::string>& words);
// Sørensen–Dice coefficient of two sorted word lists (multiset).
double Dice(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);
// The longest prefix of `s` of at most `max` bytes that does not split a UTF-8 character.
std::string_view Utf8Prefix(std::string_view s, size_t max);
// Shortens to at most `max` bytes on a UTF-8 boundary, adding "…".
std::string Ellipsize(std::string_view s, size_t max);

}  // namespace overens
