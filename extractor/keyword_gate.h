// Which groups of keywords occur in a text, and where, found in one pass.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace overens {

// An Aho–Corasick automaton over byte classes. Matching ignores the case of
// ASCII and of the Latin-1 letters in UTF-8 (Å/å, Ä/ä, Ö/ö, É/é, ...), so
// the words need not be folded first; a line break matches a space, so a
// word of two goes on over the end of a line. It may report a word where a case
// mapping outside Latin-1 merely looks alike, never miss one: it serves as a
// gate before a costlier pattern, where a false "present" only costs time.
class KeywordGate {
 public:
  static constexpr size_t kMaxGroups = 64;
  // An occurrence of groups[group][word] starting at byte `begin`.
  struct Hit {
    size_t begin = 0;
    uint32_t group = 0;
    uint32_t word = 0;
  };
  // groups[i] lists words (UTF-8, non-empty); at most kMaxGroups groups.
  explicit KeywordGate(const std::vector<std::vector<std::string_view>>& groups);
  // Bit i is set when some word of groups[i] occurs in `text` as a substring.
  uint64_t Scan(std::string_view text) const;
  // As Scan, and appends to `hits` every occurrence of a word of the groups
  // whose bits are set in `located`, overlapping ones included, in no
  // particular order. `hits` may be null when `located` is 0.
  uint64_t Scan(std::string_view text, uint64_t located, std::vector<Hit>* hits) const;

 private:
  struct Output {
    uint32_t group, word, length;
  };
  void Locate(size_t end, uint32_t state, uint64_t located, std::vector<Hit>* hits) const;
  // One byte of a walk, at `pos`: moves `row` on, adds the new state's groups
  // to `found`, and locates its words when `report`.
  void Step(uint32_t& row, uint8_t byte, size_t pos, bool report, uint64_t located, uint64_t& found,
            std::vector<Hit>* hits) const {
    row = next_[(row & kRowBits) + class_of_[byte]];
    if (row & kWordEnds) [[unlikely]] {
      uint32_t state = static_cast<uint32_t>((row & kRowBits) / classes_);
      found |= found_[state];
      if ((found_[state] & located) && report) Locate(pos, state, located, hits);
    }
  }
  // One walk over text[from, to) from `row`.
  uint64_t Walk(std::string_view text, size_t from, size_t to, uint32_t row, uint64_t located, std::vector<Hit>* hits) const;

  std::array<uint8_t, 256> class_of_{};  // 0: a byte no word contains
  size_t classes_ = 1;
  // next_[state * classes_ + class] is the next state's row offset
  // (state * classes_): the scan then needs no multiplication per byte.
  // kWordEnds is set in it when a word ends in that state: most bytes end
  // none, and their step reads no more than this.
  static constexpr uint32_t kWordEnds = uint32_t{1} << 31, kRowBits = kWordEnds - 1;
  std::vector<uint32_t> next_;
  std::vector<uint64_t> found_;  // found_[state]: groups whose words end there
  // outputs_[first_output_[s] .. first_output_[s + 1]): the words ending at state s.
  std::vector<uint32_t> first_output_;
  std::vector<Output> outputs_;
  size_t longest_ = 0;  // bytes in the longest word
};

}  // namespace overens
