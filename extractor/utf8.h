// Byte-level UTF-8 helpers, shared by normalization and the field
// extractors (which reach them through text_util.h).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace overens {

// Whether a byte continues a multi-byte UTF-8 character (10xxxxxx).
inline bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whether a byte belongs to a word: an ASCII letter or digit, or any byte of
// a multi-byte UTF-8 character (which Swedish text uses for letters).
inline bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// The characters of valid UTF-8 text: "å" counts once, as it takes one place on a line.
inline size_t RuneCount(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !IsUtf8Continuation(c); }));
}

}  // namespace overens
