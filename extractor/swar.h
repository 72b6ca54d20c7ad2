// Tests on eight bytes at once ("SIMD within a register"): the scans that
// read every byte of a text use them to step over the bytes that need no
// look of their own. A mask has the high bit set of each byte it marks.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace overens::swar {

static_assert(std::endian::native == std::endian::little, "the first byte of a word is its lowest");

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHigh = 0x8080808080808080ULL;
inline constexpr uint64_t kLow7 = ~kHigh;

// The eight bytes at p, p[0] lowest.
inline uint64_t Load(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}
// The bytes of `word` that are zero, and no other.
constexpr uint64_t ZeroBytes(uint64_t word) { return ~(((word & kLow7) + kLow7) | word | kLow7); }
// The bytes of `word` that are `c`.
constexpr uint64_t BytesEqual(uint64_t word, unsigned char c) { return ZeroBytes(word ^ (kOnes * c)); }
// The bytes of `word` that are UTF-8 continuation bytes (10xxxxxx).
constexpr uint64_t Continuations(uint64_t word) { return word & ~(word << 1) & kHigh; }
// The index of the first byte a non-zero mask marks.
inline size_t FirstMarked(uint64_t mask) { return static_cast<size_t>(std::countr_zero(mask)) / 8; }

}  // namespace overens::swar
