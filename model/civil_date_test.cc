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

TEST_CASE("days since the epoch round-trip, and ISO weeks start on their Monday", "[civil_date]") {
  for (long days = -800000; days < 800000; days += 997) CHECK(CivilDate::FromDaysSinceEpoch(days).DaysSinceEpoch() == days);
  CHECK(CivilDate::FromDaysSinceEpoch(0) == CivilDate{1970, 1, 1});
  CHECK(CivilDate::IsoWeekMonday(2025, 12) == CivilDate{2025, 3, 17});
  CHECK(CivilDate::IsoWeekMonday(2025, 1) == CivilDate{2024, 12, 30});  // week 1 may start in December
  CHECK(CivilDate::IsoWeekMonday(2020, 53) == CivilDate{2020, 12, 28});
  CHECK_FALSE(CivilDate::IsoWeekMonday(2025, 53).has_value());
  CHECK_FALSE(CivilDate::IsoWeekMonday(2025, 0).has_value());
}

}  // namespace
}  // namespace overens
