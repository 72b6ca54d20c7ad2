#include "model/civil_date.h"

#include <catch2/catch.hpp>

namespace overens {
namespace {

TEST_CASE("dates print as ISO 8601, zero-padded", "[model]") {
  CHECK(CivilDate{2024, 1, 5}.ToString() == "2024-01-05");
  CHECK(CivilDate{2021, 12, 31}.ToString() == "2021-12-31");
  CHECK(CivilDate{987, 10, 1}.ToString() == "0987-10-01");
  CHECK(CivilDate{0, 0, 0}.ToString() == "0000-00-00");
  CHECK(CivilDate{12345, 1, 1}.ToString() == "12345-01-01");  // out of the usual range: still printed whole
  for (int y : {1900, 1999, 2000, 2026})
    for (int m = 1; m <= 12; ++m) {
      auto d = CivilDate::Make(y, m, 28);
      REQUIRE(d);
      CHECK(CivilDate::Parse(d->ToString()) == d);
    }
}

}  // namespace
}  // namespace overens
