// SHA-256 of a file's bytes, for the audit's record of what it read.
#pragma once

#include <string>
#include <string_view>

namespace overens {

// The SHA-256 digest of `bytes`, as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace overens
