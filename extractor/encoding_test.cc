#include "extractor/encoding.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include <unicode/utf8.h>

namespace overens {
namespace {

// What ICU's strict UTF-8 reading accepts, one code point at a time.
bool IcuValid(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// The check reads eight bytes at a time while they are ASCII and two-byte
// characters: valid and broken sequences at every offset of a word.
TEST_CASE("IsValidUtf8 agrees with ICU on valid and broken text", "[encoding]") {
  const std::vector<std::string_view> pieces = {"a", "Z", " ", "å", "Ö", "é", "\u00A7", "\u07FF", "\u2013", "\u20AC",
                                                "\U0001F600", "\xC3", "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xC2\x80",
                                                "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\xF0\x9F"};
  std::mt19937 random(11);
  for (int i = 0; i < 30000; ++i) {
    std::string text;
    for (size_t n = 0, length = random() % 40; n < length; ++n)
      text += random() % 6 ? pieces[random() % 6] : pieces[random() % pieces.size()];
    INFO(text);
    CHECK(IsValidUtf8(text) == IcuValid(text));
  }
}

}  // namespace
}  // namespace overens
