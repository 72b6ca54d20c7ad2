#include "extractor/date_digits.h"

#include "extractor/re2_util.h"

namespace overens {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// \b at offset i of text (outside the text counts as \W).
bool Boundary(std::string_view text, size_t i) {
  bool before = i > 0 && IsRe2Word(text[i - 1]);
  bool after = i < text.size() && IsRe2Word(text[i]);
  return before != after;
}

// (?:19|20)\d{2} at p, ending by `end`.
bool CenturyYear(std::string_view text, size_t p, size_t end) {
  return p + 4 <= end && ((text[p] == '1' && text[p + 1] == '9') || (text[p] == '2' && text[p + 1] == '0')) &&
         IsDigit(text[p + 2]) && IsDigit(text[p + 3]);
}

bool TwoDigits(std::string_view text, size_t p, size_t end) {
  return p + 2 <= end && IsDigit(text[p]) && IsDigit(text[p + 1]);
}

// Tries `at` at every start from pos on; the first that matches is the leftmost.
template <typename At>
bool Leftmost(std::string_view text, size_t pos, size_t end, At at) {
  for (size_t p = pos; p < end; ++p)
    if (IsDigit(text[p]) && Boundary(text, p) && at(p)) return true;
  return false;
}

}  // namespace

bool FindYear(std::string_view text, size_t pos, size_t end, DigitMatch& m) {
  return Leftmost(text, pos, end, [&](size_t p) {
    if (!CenturyYear(text, p, end) || !Boundary(text, p + 4)) return false;
    m = {p, p + 4, {text.substr(p, 4)}};
    return true;
  });
}

bool FindIsoDate(std::string_view text, size_t pos, size_t end, DigitMatch& m) {
  return Leftmost(text, pos, end, [&](size_t p) {
    if (!CenturyYear(text, p, end) || p + 10 > end || text[p + 4] != '-' || !TwoDigits(text, p + 5, end) ||
        text[p + 7] != '-' || !TwoDigits(text, p + 8, end))
      return false;
    m = {p, p + 10, {text.substr(p, 4), text.substr(p + 5, 2), text.substr(p + 8, 2)}};
    return true;
  });
}

bool FindYearMonth(std::string_view text, size_t pos, size_t end, DigitMatch& m) {
  return Leftmost(text, pos, end, [&](size_t p) {
    if (!CenturyYear(text, p, end) || p + 7 > end || text[p + 4] != '-' || !TwoDigits(text, p + 5, end) ||
        !Boundary(text, p + 7))
      return false;
    int month = (text[p + 5] - '0') * 10 + (text[p + 6] - '0');
    if (month < 1 || month > 12) return false;
    m = {p, p + 7, {text.substr(p, 4), text.substr(p + 5, 2)}};
    return true;
  });
}

bool FindYearRange(std::string_view text, size_t pos, size_t end, DigitMatch& m) {
  return Leftmost(text, pos, end, [&](size_t p) {
    if (!CenturyYear(text, p, end)) return false;
    size_t q = p + 4;
    while (q < end && IsRe2Space(text[q])) ++q;
    std::string_view rest = text.substr(q, end - q);
    if (!rest.empty() && (rest[0] == '-' || rest[0] == '/')) q += 1;
    else if (rest.substr(0, 3) == "–" || rest.substr(0, 3) == "—") q += 3;
    else return false;
    while (q < end && IsRe2Space(text[q])) ++q;
    // (?:19|20)? is greedy: the four-digit reading is tried first.
    size_t second_end;
    if (CenturyYear(text, q, end) && Boundary(text, q + 4)) second_end = q + 4;
    else if (TwoDigits(text, q, end) && Boundary(text, q + 2)) second_end = q + 2;
    else return false;
    m = {p, second_end, {text.substr(p, 4), text.substr(q, second_end - q)}};
    return true;
  });
}

}  // namespace overens
