#include "extractor/start_literals.h"

#include <cctype>

namespace overens {
namespace {

constexpr std::string_view kMeta = "^$.|?*+()[]{}";

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The length of the UTF-8 character starting at s[i] (1 for a stray byte).
size_t RuneLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return i + n <= s.size() ? n : 1;
}

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  // Alternatives up to the end of the pattern or an unmatched ')'.
  std::optional<std::vector<std::string>> Alternation() {
    std::vector<std::string> out;
    for (;;) {
      auto starts = Alternative();
      if (!starts) return std::nullopt;
      out.insert(out.end(), starts->begin(), starts->end());
      if (i_ < p_.size() && p_[i_] == '|') {
        ++i_;
        continue;
      }
      return out;
    }
  }

  bool AtEnd() const { return i_ >= p_.size(); }

 private:
  // The starts of one alternative; leaves i_ at the '|' or ')' that ends it.
  std::optional<std::vector<std::string>> Alternative() {
    if (!SkipZeroWidth()) return std::nullopt;
    std::optional<std::vector<std::string>> starts;
    if (i_ < p_.size() && p_[i_] == '(') starts = Group();
    else starts = LiteralRun();
    if (!starts || !SkipRest()) return std::nullopt;
    return starts;
  }

  // Flag groups such as "(?i)" or "(?-i)", and \b, \B, \A, ^ at the start.
  bool SkipZeroWidth() {
    for (;;) {
      if (p_.substr(i_, 2) == "(?" && i_ + 2 < p_.size() && p_[i_ + 2] != ':' && p_[i_ + 2] != 'P') {
        size_t j = i_ + 2;
        while (j < p_.size() && std::string_view("imsU-").find(p_[j]) != std::string_view::npos) ++j;
        if (j >= p_.size()) return false;
        if (p_[j] == ')') {
          i_ = j + 1;
          continue;
        }
        if (p_[j] != ':') return false;  // an unknown flag
        return true;                     // "(?i:...)" is a group
      }
      if (p_.substr(i_, 2) == "\\b" || p_.substr(i_, 2) == "\\B" || p_.substr(i_, 2) == "\\A") {
        i_ += 2;
        continue;
      }
      if (i_ < p_.size() && p_[i_] == '^') {
        ++i_;
        continue;
      }
      return true;
    }
  }

  // "(...)", "(?:...)", "(?i:...)", "(?P<name>...)": the group's starts, if
  // the group cannot be skipped by its quantifier.
  std::optional<std::vector<std::string>> Group() {
    ++i_;
    if (p_.substr(i_, 2) == "?P") {
      size_t close = p_.find('>', i_);
      if (close == std::string_view::npos) return std::nullopt;
      i_ = close + 1;
    } else if (i_ < p_.size() && p_[i_] == '?') {
      size_t colon = p_.find(':', i_);
      if (colon == std::string_view::npos) return std::nullopt;
      i_ = colon + 1;
    }
    auto inner = Alternation();
    if (!inner || i_ >= p_.size() || p_[i_] != ')') return std::nullopt;
    ++i_;
    if (i_ < p_.size() && (p_[i_] == '?' || p_[i_] == '*' || p_[i_] == '{')) return std::nullopt;
    return inner;
  }

  // Literal characters up to the first that is not one; a character its
  // quantifier may drop ("?", "*", "{") ends the run before it.
  std::optional<std::vector<std::string>> LiteralRun() {
    std::string literal;
    while (i_ < p_.size()) {
      size_t length;
      std::string_view text;
      if (p_[i_] == '\\') {
        if (i_ + 1 >= p_.size() || IsAlnum(p_[i_ + 1]) || static_cast<unsigned char>(p_[i_ + 1]) >= 0x80) break;
        length = 2;
        text = p_.substr(i_ + 1, 1);
      } else if (kMeta.find(p_[i_]) != std::string_view::npos) {
        break;
      } else {
        length = RuneLength(p_, i_);
        text = p_.substr(i_, length);
      }
      char after = i_ + length < p_.size() ? p_[i_ + length] : '\0';
      if (after == '?' || after == '*' || after == '{') break;
      literal += text;
      i_ += length;
      if (after == '+') break;
    }
    if (literal.empty()) return std::nullopt;
    return std::vector<std::string>{literal};
  }

  // Moves to the '|' or ')' ending the current alternative.
  bool SkipRest() {
    int depth = 0;
    for (; i_ < p_.size(); ++i_) {
      char c = p_[i_];
      if (c == '\\') {
        ++i_;
      } else if (c == '[') {
        // A class: ']' right after '[' or "[^" is a member, not the end.
        size_t j = i_ + 1;
        if (j < p_.size() && p_[j] == '^') ++j;
        if (j < p_.size() && p_[j] == ']') ++j;
        for (; j < p_.size() && p_[j] != ']'; ++j)
          if (p_[j] == '\\') ++j;
        if (j >= p_.size()) return false;
        i_ = j;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (depth == 0) return true;
        --depth;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return depth == 0;
  }

  std::string_view p_;
  size_t i_ = 0;
};

}  // namespace

std::optional<std::vector<std::string>> StartLiterals(std::string_view pattern) {
  Reader reader(pattern);
  auto out = reader.Alternation();
  if (!out || !reader.AtEnd()) return std::nullopt;  // an unbalanced ')'
  return out;
}

}  // namespace overens
