// What every match of a pattern starts with, read from the pattern's text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace overens {

// Literal strings such that every match of `pattern` (RE2 syntax) begins with
// one of them, when case is ignored. Zero-width items at the start (flags such
// as "(?i)", "\b", "^") are skipped; a group contributes its alternatives.
// nullopt when the start is not that simple (a character class, an escape
// such as \d, an optional first item, an empty alternative): the caller must
// then scan the whole text. The reading is conservative: a literal may be a
// shorter prefix than the pattern allows, never a longer one.
std::optional<std::vector<std::string>> StartLiterals(std::string_view pattern);

}  // namespace overens
