#include "extractor/encoding.h"

#include "extractor/swar.h"

namespace overens {

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Whether the eight bytes of `word` are whole characters of one or two
// bytes (U+0000-U+07FF), each valid: what most of a Swedish text is made of.
bool AllShortCharacters(uint64_t word) {
  using namespace swar;
  uint64_t high = word & kHigh;
  if (!high) return true;
  uint64_t continuation = Continuations(word);
  uint64_t lead = word & (word << 1) & ~(word << 2) & kHigh;  // 110xxxxx
  uint64_t overlong = BytesEqual(word, 0xC0) | BytesEqual(word, 0xC1);
  // Every high byte a lead or a continuation, each lead followed by its
  // continuation within the word, none an overlong C0 or C1.
  return high == (lead | continuation) && continuation == (lead << 8) && !(lead >> 63) && !overlong;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Eight bytes at a time while they are ASCII and two-byte letters.
    while (i + 8 <= n && AllShortCharacters(swar::Load(s.data() + i))) i += 8;
    if (i >= n) break;
    unsigned c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0) { len = 1; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 2; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 3; cp = c & 0x07; min = 0x10000; }
    else return false;
    if (i + len >= n) return false;
    for (size_t k = 1; k <= len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len + 1;
  }
  return true;
}

std::string FromWindows1252(std::string_view s) {
  // 0x80..0x9F differ from Latin-1; 0 marks the five undefined bytes.
  static constexpr uint16_t kHigh[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                         0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                                         0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                         0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    uint32_t cp = c;
    if (c >= 0x80 && c < 0xA0) cp = kHigh[c - 0x80] ? kHigh[c - 0x80] : 0xFFFD;
    AppendUtf8(out, cp);
  }
  return out;
}

std::string ToValidUtf8(std::string_view bytes, const std::string& path, std::vector<std::string>& warnings,
                        bool* fell_back) {
  bool valid = IsValidUtf8(bytes);
  if (fell_back) *fell_back = !valid;
  if (valid) return std::string(bytes);
  warnings.push_back(path + ": not valid UTF-8; read as Windows-1252 (check å, ä, ö in the output)");
  return FromWindows1252(bytes);
}

}  // namespace overens
