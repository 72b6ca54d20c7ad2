// A calendar date without time zone, as written in agreements.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace overens {

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const CivilDate&) const = default;

  // "YYYY-MM-DD".
  std::string ToString() const;
  // Parses "YYYY-MM-DD"; nullopt when malformed or not a real calendar day.
  static std::optional<CivilDate> Parse(std::string_view s);
  // Nullopt when the triple is not a real calendar day.
  static std::optional<CivilDate> Make(int y, int m, int d);
  static int DaysInMonth(int year, int month);
  static CivilDate EndOfMonth(int year, int month) { return {year, month, DaysInMonth(year, month)}; }
  // Days since 1970-01-01 (proleptic Gregorian); used for Excel serials and ages.
  long DaysSinceEpoch() const;
  // The date `days` after 1970-01-01; the inverse of DaysSinceEpoch.
  static CivilDate FromDaysSinceEpoch(long days);
  // Monday of ISO week `week` of `year` (weeks start on Monday; week 1 holds
  // 4 January); nullopt when the year has no such week.
  static std::optional<CivilDate> IsoWeekMonday(int year, int week);
  // Whole years from *this to later (negative when later is earlier).
  int YearsUntil(const CivilDate& later) const;
};

}  // namespace overens
