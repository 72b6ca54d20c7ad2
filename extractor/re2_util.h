// Small RE2 helpers shared by the extractor's scanners.
#pragma once

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace overens {

// RE2's \s: ASCII whitespace without \v.
inline bool IsRe2Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
// RE2's \w, which its \b is defined by: ASCII only.
inline bool IsRe2Word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// RE2::PartialMatch for a pattern anchored at the start ("^..."), made
// cheap. Asked for submatches of such a pattern, RE2 skips
// its DFA and backtracks over the whole text, which costs microseconds even
// where nothing matches. These ask the DFA first whether and where the
// match ends, and then look for the submatches in that much of the text
// only (RE2 still sees the rest as context for \b and $, so the match is
// the same).
template <typename... Args, size_t... I>
bool ParseGroups(const re2::StringPiece* groups, std::index_sequence<I...>, Args*... args) {
  return (RE2::Arg(args).Parse(groups[I + 1].data(), groups[I + 1].size()) && ...);
}
template <typename... Args>
bool PartialMatchDfaFirst(std::string_view text, const RE2& re, Args*... args) {
  re2::StringPiece in(text.data(), text.size()), groups[1 + sizeof...(Args)];
  if (!re.Match(in, 0, in.size(), RE2::UNANCHORED, groups, 1)) return false;
  size_t end = static_cast<size_t>(groups[0].data() - in.data()) + groups[0].size();
  return re.Match(in, 0, end, RE2::UNANCHORED, groups, 1 + sizeof...(Args)) &&
         ParseGroups(groups, std::index_sequence_for<Args...>{}, args...);
}

// The bytes `lower` (ASCII lower-case letters) takes at text[pos] when
// compared as RE2's (?i) compares: ASCII case ignored, and "ſ" (U+017F)
// also an "s" and the Kelvin sign (U+212A) also a "k", as Unicode's simple
// case folding has it. npos when it is not there.
inline size_t Re2CaselessAt(std::string_view text, size_t pos, std::string_view lower) {
  const size_t start = pos;
  for (char c : lower) {
    if (pos < text.size() && (text[pos] == c || text[pos] == c - 32)) ++pos;
    else if (c == 's' && text.substr(pos, 2) == "\xC5\xBF") pos += 2;
    else if (c == 'k' && text.substr(pos, 3) == "\xE2\x84\xAA") pos += 3;
    else return std::string_view::npos;
  }
  return pos - start;
}

// The capturing groups of a valid RE2 pattern, read from its text: "(",
// "(?P<name>" and "(?<name>" open one, "(?:" and flags do not; escapes and
// character classes are skipped. (\Q...\E is not read: PatternUnion checks.)
inline int CapturingGroups(std::string_view p) {
  int n = 0;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // "[]...]": the first ] is a member
    } else if (c == '(') {
      bool question = i + 1 < p.size() && p[i + 1] == '?';
      bool named = question && i + 2 < p.size() && (p[i + 2] == '<' || (p[i + 2] == 'P' && i + 3 < p.size() && p[i + 3] == '<'));
      n += !question || named;
    }
  }
  return n;
}

// A pattern compiled at its first use, once, whatever thread asks: a run
// meets few documents that need most of the reference data's patterns
// (laws, placeholders, old names are looked for only where their words
// occur), and start-up should not pay for them all.
class PatternOnDemand {
 public:
  explicit PatternOnDemand(std::string pattern) : pattern_(std::move(pattern)) {}
  const std::string& pattern() const { return pattern_; }
  const RE2& get() const {
    std::call_once(once_, [&] { re_ = std::make_unique<RE2>(pattern_, RE2::Quiet); });
    return *re_;
  }
  operator const RE2&() const { return get(); }  // NOLINT: it stands for the compiled pattern

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

// One RE2::Set pass that tells which of many patterns occur in a text, so
// only those get a full (capturing) pass.
class PatternFilter {
 public:
  // ANCHOR_BOTH makes every pattern match the whole text.
  explicit PatternFilter(RE2::Anchor anchor = RE2::UNANCHORED) : anchor_(anchor) {}
  // Adds a pattern; indexes follow the order of successful Add()s. False when RE2 refuses it.
  bool Add(const std::string& pattern) {
    if (!set_) set_ = std::make_unique<RE2::Set>(RE2::Options(RE2::Quiet), anchor_);  // the library never prints
    return set_->Add(pattern, nullptr) >= 0;
  }
  bool Compile() { return set_ && set_->Compile(); }
  // For each of the first `count` patterns: whether it matches somewhere in `text`.
  std::vector<bool> Matching(std::string_view text, size_t count) const {
    std::vector<int> hits;
    std::vector<bool> out(count, false);
    if (set_ && set_->Match(re2::StringPiece(text.data(), text.size()), &hits))
      for (int h : hits) out[static_cast<size_t>(h)] = true;
    return out;
  }
  // The first pattern (in the order added) that matches `text`, as when they are tried one by one.
  std::optional<size_t> FirstMatching(std::string_view text) const {
    re2::StringPiece in(text.data(), text.size());
    // Most texts match none: asked without a list, RE2 neither allocates one
    // nor reads on after the first match.
    if (!set_ || !set_->Match(in, nullptr)) return std::nullopt;
    std::vector<int> hits;
    if (!set_->Match(in, &hits) || hits.empty()) return std::nullopt;
    return static_cast<size_t>(*std::min_element(hits.begin(), hits.end()));
  }

 private:
  RE2::Anchor anchor_;
  std::unique_ptr<RE2::Set> set_;
};

// Many patterns as one alternation, so a text is scanned once for all of
// them. Each match says which pattern it came from; where two could match at
// the same place, the first added wins (RE2's leftmost-first rule).
class PatternUnion {
 public:
  // Adds a pattern (its own flags and groups are kept); false when RE2 refuses it.
  bool Add(const std::string& pattern) {
    RE2 alone(pattern, RE2::Quiet);
    if (!alone.ok()) return false;
    AddWithGroups(pattern, alone.NumberOfCapturingGroups());
    return true;
  }
  // Adds a pattern known to be valid, counting its groups by reading it
  // rather than compiling it alone; Compile() checks the count.
  void AddValid(const std::string& pattern) {
    AddWithGroups(pattern, CapturingGroups(pattern));
    counted_.push_back(pattern);
  }
  bool Compile() {
    if (source_.empty()) return true;  // matches nothing
    re_ = std::make_unique<RE2>(source_, RE2::Quiet);
    if (!re_->ok()) return false;
    if (re_->NumberOfCapturingGroups() == groups_ || counted_.empty()) return true;
    // A pattern read wrong (a construct CapturingGroups does not know): count by compiling.
    std::vector<std::string> patterns = std::move(counted_);
    *this = PatternUnion();
    for (const std::string& p : patterns)
      if (!Add(p)) return false;
    return Compile();
  }
  // Calls fn(pattern index, begin, match) for every non-overlapping match in `text`.
  template <typename Fn>
  void ForEachMatch(std::string_view text, Fn fn) const {
    if (!re_) return;
    std::vector<re2::StringPiece> g(static_cast<size_t>(groups_) + 1);
    re2::StringPiece in(text.data(), text.size());
    for (size_t pos = 0; pos < text.size() && re_->Match(in, pos, text.size(), RE2::UNANCHORED, g.data(), groups_ + 1);)
      pos = Report(text, g, fn);
  }


 private:
  void AddWithGroups(const std::string& pattern, int groups) {
    group_of_.push_back(groups_ + 1);
    groups_ += 1 + groups;
    source_ += (source_.empty() ? "(" : "|(") + pattern + ")";
  }

  // Calls fn for the match in g; returns where the next search starts.
  template <typename Fn>
  size_t Report(std::string_view text, const std::vector<re2::StringPiece>& g, Fn& fn) const {
    size_t begin = static_cast<size_t>(g[0].data() - text.data());
    for (size_t i = 0; i < group_of_.size(); ++i)
      if (g[static_cast<size_t>(group_of_[i])].data()) {
        fn(i, begin, std::string_view(g[0].data(), g[0].size()));
        break;
      }
    return begin + std::max<size_t>(g[0].size(), 1);
  }

  std::vector<std::string> counted_;  // patterns added by AddValid, in order
  std::string source_;
  std::vector<int> group_of_;  // the group wrapping each pattern
  int groups_ = 0;
  std::unique_ptr<RE2> re_;
};

// Calls fn(begin, match) for every non-overlapping match of `re` in `text`.
template <typename Fn>
void ForEachMatch(const RE2& re, std::string_view text, Fn fn) {
  re2::StringPiece in(text.data(), text.size()), m;
  for (size_t pos = 0; pos < text.size() && re.Match(in, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
    size_t begin = static_cast<size_t>(m.data() - text.data());
    pos = begin + std::max<size_t>(m.size(), 1);
    fn(begin, std::string_view(m.data(), m.size()));
  }
}

// As ForEachMatch, for a pattern whose every match in `text` starts at one of
// `starts` (ascending): only those offsets are tried, each anchored, which
// finds the same matches without scanning the text between them.
template <typename Fn>
void ForEachMatchAt(const RE2& re, std::string_view text, const std::vector<size_t>& starts, Fn fn) {
  re2::StringPiece in(text.data(), text.size()), m;
  size_t pos = 0;
  for (size_t s : starts) {
    if (s < pos || !re.Match(in, s, text.size(), RE2::ANCHOR_START, &m, 1)) continue;
    size_t begin = static_cast<size_t>(m.data() - text.data());
    pos = begin + std::max<size_t>(m.size(), 1);
    fn(begin, std::string_view(m.data(), m.size()));
  }
}

}  // namespace overens
