// Character encodings of input text; internal to extractor/ (ingestion and
// office documents).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace overens {

// Appends code point `cp` to `out` as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp);

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or values
// past U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Windows-1252 bytes as UTF-8; its five undefined bytes become U+FFFD.
std::string FromWindows1252(std::string_view s);

// `bytes` as valid UTF-8: as they are when they already are, else read as
// Windows-1252 (what older editors write) with a warning naming `path` added
// to `warnings`; *fell_back (when given) says which.
std::string ToValidUtf8(std::string_view bytes, const std::string& path, std::vector<std::string>& warnings,
                        bool* fell_back = nullptr);

}  // namespace overens
