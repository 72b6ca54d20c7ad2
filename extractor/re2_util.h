// Small RE2 helpers shared by the extractor's scanners.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace overens {

// One RE2::Set pass that tells which of many patterns occur in a text, so
// only those get a full (capturing) pass.
class PatternFilter {
 public:
  // Adds a pattern; indexes follow the order of Add(). False when RE2 refuses it.
  bool Add(const std::string& pattern) {
    if (!set_) set_ = std::make_unique<RE2::Set>(RE2::Options(), RE2::UNANCHORED);
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

 private:
  std::unique_ptr<RE2::Set> set_;
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

}  // namespace overens
