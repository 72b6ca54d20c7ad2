// The date grammar's all-digit rules, matched by hand. They fire on nearly
// every number in a text, and an RE2 call with capture groups per number was
// the grammar's largest cost. Each finder returns exactly what its pattern
// below would in RE2 (date_digits_test.cc holds them to that).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace overens {

// "2024"
inline constexpr const char* kYearPattern = R"(\b((?:19|20)\d{2})\b)";
// "2023-11-23" (no \b at the end: a glued footnote digit is judged by the caller)
inline constexpr const char* kIsoDatePattern = R"(\b((?:19|20)\d{2})-(\d{2})-(\d{2}))";
// "2025-12"
inline constexpr const char* kYearMonthPattern = R"(\b((?:19|20)\d{2})-(0[1-9]|1[0-2])\b)";
// "2023–2025", "2023-25", "2021/2022"
inline constexpr const char* kYearRangePattern = R"(\b((?:19|20)\d{2})\s*(?:–|—|-|/)\s*((?:19|20)?\d{2})\b)";

struct DigitMatch {
  size_t begin = 0, end = 0;
  std::array<std::string_view, 3> groups{};  // capture groups 1..3; unused ones empty
};

// Each finder: the leftmost match in text[pos, end), as RE2::Match(text, pos,
// end, UNANCHORED) finds it with `text` as context (so \b sees the bytes
// around the range). False when there is none.
bool FindYear(std::string_view text, size_t pos, size_t end, DigitMatch& m);
bool FindIsoDate(std::string_view text, size_t pos, size_t end, DigitMatch& m);
bool FindYearMonth(std::string_view text, size_t pos, size_t end, DigitMatch& m);
bool FindYearRange(std::string_view text, size_t pos, size_t end, DigitMatch& m);

}  // namespace overens
