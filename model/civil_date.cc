#include "model/civil_date.h"

#include <cstdio>

namespace overens {

int CivilDate::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<CivilDate> CivilDate::Make(int y, int m, int d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return CivilDate{y, m, d};
}

std::string CivilDate::ToString() const {
  char buf[16];
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  // By hand: snprintf was a visible cost where every finding prints dates.
  std::string out = "0000-00-00";
  for (auto [value, last] : {std::pair{year, 3}, {month, 6}, {day, 9}})
    for (int i = last; value > 0; --i, value /= 10) out[static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  return out;
}

std::optional<CivilDate> CivilDate::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  return Make(num(0, 4), num(5, 2), num(8, 2));
}

long CivilDate::DaysSinceEpoch() const {
  // Howard Hinnant's days_from_civil.
  int y = year - (month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
  unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

CivilDate CivilDate::FromDaysSinceEpoch(long days) {
  // Howard Hinnant's civil_from_days.
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(days - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<CivilDate> CivilDate::IsoWeekMonday(int year, int week) {
  if (week < 1 || week > 53) return std::nullopt;
  long jan4 = CivilDate{year, 1, 4}.DaysSinceEpoch();
  long weekday = ((jan4 + 3) % 7 + 7) % 7;  // Monday 0; 1970-01-01 was a Thursday
  long monday = jan4 - weekday + 7L * (week - 1);
  // Week 53 exists only when its Thursday is still in the year.
  if (FromDaysSinceEpoch(monday + 3).year != year) return std::nullopt;
  return FromDaysSinceEpoch(monday);
}

int CivilDate::YearsUntil(const CivilDate& later) const {
  int years = later.year - year;
  if (std::pair(later.month, later.day) < std::pair(month, day)) --years;
  return years;
}

}  // namespace overens
