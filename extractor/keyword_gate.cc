#include "extractor/keyword_gate.h"

#include <algorithm>
#include <deque>

namespace overens {
namespace {

// The byte a case-insensitive comparison sees: ASCII upper case as lower
// case, and UTF-8 continuation bytes 0x80-0x9E as 0xA0-0xBE, which maps
// "Å" (C3 85) to "å" (C3 A5) and the other Latin-1 capitals likewise.
uint8_t CaselessByte(uint8_t b) {
  if (b >= 'A' && b <= 'Z') return static_cast<uint8_t>(b + 32);
  if (b >= 0x80 && b <= 0x9E) return static_cast<uint8_t>(b + 0x20);
  return b;
}

}  // namespace

KeywordGate::KeywordGate(const std::vector<std::vector<std::string_view>>& groups) {
  for (const auto& words : groups)
    for (std::string_view w : words)
      for (char c : w) {
        uint8_t b = CaselessByte(static_cast<uint8_t>(c));
        if (class_of_[b] == 0) class_of_[b] = static_cast<uint8_t>(classes_++);
      }
  for (int b = 0; b < 256; ++b) class_of_[static_cast<size_t>(b)] = class_of_[CaselessByte(static_cast<uint8_t>(b))];
  // A line break is a space between words: units join their lines with one.
  class_of_['\n'] = class_of_[' '];
  // The trie; 0 in next_ means "no edge" until the failure links fill it in.
  next_.assign(classes_, 0);
  found_.assign(1, 0);
  std::vector<std::vector<Output>> outputs(1);
  for (size_t g = 0; g < groups.size() && g < kMaxGroups; ++g)
    for (size_t w = 0; w < groups[g].size(); ++w) {
      uint32_t state = 0;
      for (char c : groups[g][w]) {
        uint32_t& edge = next_[state * classes_ + class_of_[static_cast<uint8_t>(c)]];
        if (edge == 0) {
          edge = static_cast<uint32_t>(found_.size());
          found_.push_back(0);
          outputs.emplace_back();
          next_.resize(next_.size() + classes_, 0);
        }
        state = next_[state * classes_ + class_of_[static_cast<uint8_t>(c)]];
      }
      found_[state] |= uint64_t{1} << g;
      outputs[state].push_back({static_cast<uint32_t>(g), static_cast<uint32_t>(w), static_cast<uint32_t>(groups[g][w].size())});
    }
  // Breadth first: each state's missing edges follow its failure state's.
  // Edges hold state numbers until the rows are widened at the end.
  std::vector<uint32_t> fail(found_.size(), 0);
  std::deque<uint32_t> queue;
  for (size_t c = 1; c < classes_; ++c)
    if (uint32_t s = next_[c]) queue.push_back(s);
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop_front();
    found_[s] |= found_[fail[s]];
    outputs[s].insert(outputs[s].end(), outputs[fail[s]].begin(), outputs[fail[s]].end());
    for (size_t c = 1; c < classes_; ++c) {
      uint32_t& edge = next_[s * classes_ + c];
      uint32_t via_fail = next_[fail[s] * classes_ + c];
      if (edge == 0) {
        edge = via_fail;
      } else {
        fail[edge] = via_fail;
        queue.push_back(edge);
      }
    }
  }
  // Edges become row offsets. They must leave kWordEnds free: 2^31 entries
  // are far more than any word list needs.
  for (uint32_t& to : next_) to = static_cast<uint32_t>(to * classes_) | (found_[to] ? kWordEnds : 0);
  for (const auto& out : outputs) {
    first_output_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), out.begin(), out.end());
  }
  first_output_.push_back(static_cast<uint32_t>(outputs_.size()));
  for (const auto& words : groups)
    for (std::string_view w : words) longest_ = std::max(longest_, w.size());
}

uint64_t KeywordGate::Scan(std::string_view text) const { return Scan(text, 0, nullptr); }

// Each byte's step depends on the previous step's load, so one walk through
// the text waits on memory at every byte. The text is therefore cut into
// kStreams pieces walked side by side. A walk finds every word that starts
// where it starts or later, so each piece after the first is walked from
// longest_ - 1 bytes before it, and reports only the words ending inside it.
// Words seen in that lead-in are real occurrences too, so their groups count.
uint64_t KeywordGate::Scan(std::string_view text, uint64_t located, std::vector<Hit>* hits) const {
  constexpr size_t kStreams = 4;
  if (!hits) located = 0;
  if (text.size() < kStreams * 4 * (longest_ + 1)) return Walk(text, 0, text.size(), 0, located, hits);
  std::array<size_t, kStreams> pos{}, end{}, report_from{};
  std::array<uint32_t, kStreams> row{};
  for (size_t k = 0; k < kStreams; ++k) {
    report_from[k] = text.size() * k / kStreams;
    end[k] = text.size() * (k + 1) / kStreams;
    pos[k] = report_from[k] - std::min(report_from[k], longest_ > 0 ? longest_ - 1 : 0);
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  uint64_t found = 0;
  size_t steps = end[0] - pos[0];
  for (size_t k = 1; k < kStreams; ++k) steps = std::min(steps, end[k] - pos[k]);
  for (size_t step = 0; step < steps; ++step)
    for (size_t k = 0; k < kStreams; ++k) {
      Step(row[k], bytes[pos[k]], pos[k], pos[k] >= report_from[k], located, found, hits);
      ++pos[k];
    }
  // Each piece is longer than the lead-ins, so every walk is now inside its piece.
  for (size_t k = 0; k < kStreams; ++k) found |= Walk(text, pos[k], end[k], row[k], located, hits);
  return found;
}

uint64_t KeywordGate::Walk(std::string_view text, size_t from, size_t to, uint32_t row, uint64_t located,
                           std::vector<Hit>* hits) const {
  uint64_t found = 0;
  for (size_t i = from; i < to; ++i) Step(row, static_cast<uint8_t>(text[i]), i, true, located, found, hits);
  return found;
}

void KeywordGate::Locate(size_t end, uint32_t state, uint64_t located, std::vector<Hit>* hits) const {
  for (uint32_t o = first_output_[state]; o < first_output_[state + 1]; ++o) {
    const Output& out = outputs_[o];
    if ((located >> out.group) & 1) hits->push_back({end + 1 - out.length, out.group, out.word});
  }
}

}  // namespace overens
