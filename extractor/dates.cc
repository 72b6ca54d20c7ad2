#include "extractor/dates.h"

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>

#include <re2/re2.h>

#include "extractor/date_digits.h"
#include "extractor/keyword_gate.h"
#include "extractor/re2_util.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

constexpr const char* kMonth =
    "(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\\.?";
constexpr const char* kYear = "((?:19|20)\\d{2})";

int MonthNumber(std::string_view m) {
  static constexpr std::string_view kPrefixes[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                                   "jul", "aug", "sep", "okt", "nov", "dec"};
  for (int i = 0; i < 12; ++i)
    if (StartsWithLower(m, kPrefixes[i])) return i + 1;
  return 0;
}

int OrdinalNumber(std::string_view w) {
  static constexpr std::string_view kOrdinals[4][3] = {
      {"första", "1:a", "1"}, {"andra", "2:a", "2"}, {"tredje", "3:e", "3"}, {"fjärde", "4:e", "4"}};
  for (int i = 0; i < 4; ++i)
    for (std::string_view o : kOrdinals[i])
      if (EqualsLower(w, o)) return i + 1;
  return 0;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// The second year of a pair ("2025/26", "2025–2026"): two digits are a year
// of the first one's century.
int SecondYear(int first, std::string_view second) {
  return ToInt(second) + (second.size() == 2 ? (first / 100) * 100 : 0);
}

struct Interval {
  std::optional<CivilDate> start, end;
  Grain grain;
};

Interval YearSpan(int y1, int y2, Grain g) { return {CivilDate{y1, 1, 1}, CivilDate{y2, 12, 31}, g}; }
Interval MonthSpan(int y, int m1, int m2, Grain g) {
  return {CivilDate{y, m1, 1}, CivilDate::EndOfMonth(y, m2), g};
}
// The index-th period of `months` months of year y (quarter 2: April to June).
Interval PeriodSpan(int y, int index, int months, Grain g) { return MonthSpan(y, (index - 1) * months + 1, index * months, g); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

using DigitFinder = bool (*)(std::string_view, size_t, size_t, DigitMatch&);

// One grammar rule: a pattern and how its groups become an interval.
struct GrammarRule {
  std::unique_ptr<RE2> re;
  DigitFinder finder = nullptr;  // when set, matches exactly as `re` does, faster
  std::function<std::optional<Interval>(const std::vector<std::string_view>&, int anchor)> make;
  bool starts_with_year = false;  // subject to the citation check
  bool needs_anchor = false;
  bool after_day_is_invalid = false;  // a day number before it means a full date that failed
  bool blocks_when_invalid = false;   // "32 januari 2023": nothing inside may be read as a date
  // When set and true for a match starting at `begin`, the match is no date of this rule.
  bool (*rejects)(std::string_view text, size_t begin) = nullptr;
};

// "före ", "till ", "i ": a preposition and a space right before `begin`.
bool AfterPreposition(std::string_view text, size_t begin) {
  static constexpr std::string_view kPrepositions[] = {"före", "innan", "inför", "till", "efter", "under",
                                                       "runt", "kring", "i",     "fram till"};
  if (begin < 2 || text[begin - 1] != ' ') return false;
  std::string_view before = text.substr(0, begin - 1);
  return std::any_of(std::begin(kPrepositions), std::end(kPrepositions), [&](std::string_view p) {
    if (before.size() < p.size()) return false;
    bool starts_word = before.size() == p.size() || !IsWordByte(before[before.size() - p.size() - 1]);
    return starts_word && EndsWithLower(before, p);
  });
}

// "jul" alone, without the full stop of July's abbreviation: "före jul 2025"
// is Christmas, "jul 2025" in a list of months is July.
bool IsBareJul(std::string_view text, size_t begin) {
  std::string_view word = text.substr(begin, 4);
  return word.size() == 4 && EqualsLower(word.substr(0, 3), "jul") && (word[3] == ' ' || word[3] == ',');
}

}  // namespace

struct DateGrammar::Patterns {
  std::vector<GrammarRule> rules;
  PatternFilter prefilter;  // which rules can match at all: one pass instead of one per rule
  // The prefilter is compiled at the first text with digits, which a
  // process checking one small file may never see; if it cannot be, every
  // rule gets its own pass.
  std::once_flag prefilter_once;
  bool prefilter_ready = false;
  RE2 url{R"((?i)(https?://|www\.)\S+|\S+@\S+\.\S+)"};
  // Words one of the open-end (bit 0) or open-start (bit 1) prefixes below
  // must contain, so most dates need neither pattern ("senast" as "enast":
  // RE2 would also take "ſ" for "s").
  KeywordGate prefix_words{{{"fr", "efter", "tidigast"}, {"enast", "t.", "till", "före", "innan", "inför", "längst"}}};
  RE2 open_start_prefix{
      R"((?i)(senast|t\.\s?o\.\s?m\.?|till\s+och\s+med|före|innan|inför|längst\s+till|fram\s+till|längst)\s+(den\s+|i\s+|under\s+)?$)"};
  RE2 open_end_prefix{R"((?i)(fr\.\s?o\.\s?m\.?|från\s+och\s+med|från|efter|tidigast)\s+(den\s+)?$)"};
  RE2 plain_prefix{R"((?i)(?:^|[ (])((?:under|i|inom) (?:perioden )?)$)"};
  RE2 citation_before{R"((?i)(sfs|prop\.?|sou|ds|dnr|nr|kap\.?|§|lag|förordning)\s*\(?$)"};
};

DateGrammar::DateGrammar() : p_(std::make_unique<Patterns>()) {
  const std::string M = kMonth, Y = kYear;
  auto add = [&](const std::string& pattern, auto make, bool starts_with_year = false, bool needs_anchor = false) {
    GrammarRule r;
    r.re = std::make_unique<RE2>("(?i)" + pattern);
    r.make = make;
    r.starts_with_year = starts_with_year;
    r.needs_anchor = needs_anchor;
    p_->rules.push_back(std::move(r));
  };
  using G = std::vector<std::string_view>;
  // 1 mars till 31 maj 2023
  add("\\b(\\d{1,2})\\s+" + M + "\\s*(?:till|–|-)\\s*(\\d{1,2})\\s+" + M + ",?\\s+" + Y + "\\b",
      [](const G& g, int) -> std::optional<Interval> {
        int y = ToInt(g[4]);
        auto a = CivilDate::Make(y, MonthNumber(g[1]), ToInt(g[0]));
        auto b = CivilDate::Make(y, MonthNumber(g[3]), ToInt(g[2]));
        if (!a || !b || *b < *a) return std::nullopt;
        return Interval{a, b, Grain::kDay};
      });
  // 1–15 mars 2025: days of one month
  add("\\b(\\d{1,2})\\s*(?:–|—|-)\\s*(\\d{1,2})\\s+" + M + ",?\\s+" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        int y = ToInt(g[3]), m = MonthNumber(g[2]);
        auto a = CivilDate::Make(y, m, ToInt(g[0]));
        auto b = CivilDate::Make(y, m, ToInt(g[1]));
        if (!a || !b || !(*a < *b)) return std::nullopt;
        return Interval{a, b, Grain::kDay};
      });
  p_->rules.back().blocks_when_invalid = true;
  // 2023-11-23 (an optional glued footnote digit is checked by the caller)
  add(kIsoDatePattern, [](const G& g, int) -> std::optional<Interval> {
        auto d = CivilDate::Make(ToInt(g[0]), ToInt(g[1]), ToInt(g[2]));
        if (!d) return std::nullopt;
        return Interval{d, d, Grain::kDay};
      }, true);
  p_->rules.back().finder = FindIsoDate;
  p_->rules.back().blocks_when_invalid = true;
  // 2013.11.01, 2013 – 11 - 01: year, month and day apart by periods or
  // spaced dashes, as some templates and typewritten dates write them
  add(R"(\b((?:19|20)\d{2})(?:\.|\s*[–—-]\s*)(\d{2})(?:\.|\s*[–—-]\s*)(\d{2})\b)",
      [](const G& g, int) -> std::optional<Interval> {
        auto d = CivilDate::Make(ToInt(g[0]), ToInt(g[1]), ToInt(g[2]));
        if (!d) return std::nullopt;
        return Interval{d, d, Grain::kDay};
      }, true);
  // 23 november 2023, 1:a oktober, 2021
  add("\\b(\\d{1,2})(?::e|:a)?\\s+" + M + ",?\\s+" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        auto d = CivilDate::Make(ToInt(g[2]), MonthNumber(g[1]), ToInt(g[0]));
        if (!d) return std::nullopt;
        return Interval{d, d, Grain::kDay};
      });
  p_->rules.back().blocks_when_invalid = true;
  // 23/11 2023, 23/11/2023, 23.11.2023
  add("\\b(\\d{1,2})[/.](\\d{1,2})(?:[/.]|\\s+|\\s*-\\s*)" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        auto d = CivilDate::Make(ToInt(g[2]), ToInt(g[1]), ToInt(g[0]));
        if (!d) return std::nullopt;
        return Interval{d, d, Grain::kDay};
      });
  p_->rules.back().blocks_when_invalid = true;
  // den 1 oktober i år / nästa år
  add("\\b(\\d{1,2})\\s+" + M + "\\s+(i år|nästa år|förra året|i fjol)", [](const G& g, int anchor) -> std::optional<Interval> {
        int offset = g[2].find("nästa") != std::string_view::npos ? 1 : (g[2].find("i år") != std::string_view::npos ? 0 : -1);
        auto d = CivilDate::Make(anchor + offset, MonthNumber(g[1]), ToInt(g[0]));
        if (!d) return std::nullopt;
        return Interval{d, d, Grain::kDay};
      }, false, true);
  // under 2023 och 2024
  add("\\bunder\\s+" + Y + "\\s+(?:och|samt|till|–|-)\\s+" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        int a = ToInt(g[0]), b = ToInt(g[1]);
        if (b < a || b - a > 20) return std::nullopt;
        return YearSpan(a, b, Grain::kYears);
      });
  // första/andra kvartalet 2024, kvartal 2 2024, Q2 2024
  add("\\b(första|andra|tredje|fjärde|1:a|2:a|3:e|4:e)\\s+kvartalet\\s+(?:år\\s+)?" + Y + "\\b",
      [](const G& g, int) -> std::optional<Interval> {
        return PeriodSpan(ToInt(g[1]), OrdinalNumber(g[0]), 3, Grain::kQuarter);
      });
  // sista kvartalet 2025: the fourth; början/slutet av 2026: the year's first or last quarter
  add("\\bsista\\s+kvartalet\\s+(?:år\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        return PeriodSpan(ToInt(g[0]), 4, 3, Grain::kQuarter);
      });
  add("\\b(början|slutet)\\s+av\\s+(?:året\\s+|år\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        bool start = g[0][0] == 'b' || g[0][0] == 'B';
        return PeriodSpan(ToInt(g[1]), start ? 1 : 4, 3, Grain::kQuarter);
      });
  add("\\b(?:Q|kv\\.?\\s?|kvartal\\s*)([1-4])(?:[\\s,-]*|/)(?:år\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        return PeriodSpan(ToInt(g[1]), ToInt(g[0]), 3, Grain::kQuarter);
      });
  // 2025 Q3, 2025-Q3: the year first
  add("\\b" + Y + "\\s*-?\\s*Q([1-4])\\b", [](const G& g, int) -> std::optional<Interval> {
        return PeriodSpan(ToInt(g[0]), ToInt(g[1]), 3, Grain::kQuarter);
      }, true);
  // T2 2025, tertial 2 2025, andra tertialet 2025: the regions' four-month periods
  add("\\b(?:T|tertial\\s*)([1-3])[\\s,-]*(?:år\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        return PeriodSpan(ToInt(g[1]), ToInt(g[0]), 4, Grain::kTertial);
      });
  add("\\b(första|andra|tredje|1:a|2:a|3:e)\\s+tertialet\\s+(?:år\\s+)?" + Y + "\\b",
      [](const G& g, int) -> std::optional<Interval> {
        return PeriodSpan(ToInt(g[1]), OrdinalNumber(g[0]), 4, Grain::kTertial);
      });
  // årsskiftet 2025/2026: the last day of the first year
  add("årsskiftet\\s+" + Y + "\\s*(?:/|–|-)\\s*((?:19|20)?\\d{2})\\b", [](const G& g, int) -> std::optional<Interval> {
        int a = ToInt(g[0]);
        if (SecondYear(a, g[1]) != a + 1) return std::nullopt;
        CivilDate last{a, 12, 31};
        return Interval{last, last, Grain::kDay};
      });
  // halvårsskiftet 2025: the last day of June
  add("\\bhalvårsskiftet\\s+(?:år\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        CivilDate last{ToInt(g[0]), 6, 30};
        return Interval{last, last, Grain::kDay};
      });
  // utgången av 2025, utgången av juni 2025: the last day
  add("\\butgången\\s+av\\s+(?:år\\s+)?(?:" + M + "\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        int y = ToInt(g[1]);
        CivilDate last = g[0].empty() ? CivilDate{y, 12, 31} : CivilDate::EndOfMonth(y, MonthNumber(g[0]));
        return Interval{last, last, Grain::kDay};
      });
  // första halvåret 2024, halvår 2 2024
  add("\\b(första|andra|senare|1:a|2:a)\\s+halvåret\\s+(?:år\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        int h = g[0][0] == 's' || g[0][0] == 'S' ? 2 : OrdinalNumber(g[0]);  // "senare halvåret"
        return PeriodSpan(ToInt(g[1]), h, 6, Grain::kHalfYear);
      });
  add("\\b(?:halvår\\s*|H)([12])\\s+" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        return PeriodSpan(ToInt(g[1]), ToInt(g[0]), 6, Grain::kHalfYear);
      });
  // hösten 2023, våren 2024, ht 2023, vt-24
  add("\\b(våren|hösten|sommaren|vårterminen|höstterminen)\\s+(?:år\\s+)?" + Y + "\\b",
      [](const G& g, int) -> std::optional<Interval> {
        int y = ToInt(g[1]);
        std::string_view s = g[0];
        if (StartsWithLower(s, "vår")) return MonthSpan(y, 1, 6, Grain::kSeason);
        if (StartsWithLower(s, "som")) return MonthSpan(y, 6, 8, Grain::kSeason);
        return MonthSpan(y, 9, 12, Grain::kSeason);
      });
  add("\\b(vt|ht)\\s*-?\\s*((?:19|20)?\\d{2})\\b", [](const G& g, int) -> std::optional<Interval> {
        int y = ToInt(g[1]);
        if (y < 100) y += 2000;
        bool spring = g[0][0] == 'v' || g[0][0] == 'V';
        return MonthSpan(y, spring ? 1 : 8, spring ? 6 : 12, Grain::kSeason);
      });
  // april–juni 2025, jan-mars 2025, mars/april 2025
  const std::string to = "\\s*(?:–|—|-|till)\\s*";
  add("\\b" + M + "(?:" + to + "|/)" + M + ",?\\s+" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        int a = MonthNumber(g[0]), b = MonthNumber(g[1]);
        if (b < a) return std::nullopt;
        return MonthSpan(ToInt(g[2]), a, b, Grain::kMonth);
      });
  p_->rules.back().after_day_is_invalid = true;
  // december 2024–februari 2025
  add("\\b" + M + "\\s+" + Y + to + M + "\\s+" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        CivilDate a{ToInt(g[1]), MonthNumber(g[0]), 1};
        CivilDate b = CivilDate::EndOfMonth(ToInt(g[3]), MonthNumber(g[2]));
        if (b < a || b.year - a.year > 20) return std::nullopt;
        return Interval{a, b, Grain::kMonth};
      });
  p_->rules.back().after_day_is_invalid = true;
  // Q1–Q2 2025
  add("\\bQ([1-4])" + to + "Q([1-4])[\\s,]*(?:år\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        int a = ToInt(g[0]), b = ToInt(g[1]);
        if (b < a) return std::nullopt;
        return MonthSpan(ToInt(g[2]), a * 3 - 2, b * 3, Grain::kQuarter);
      });
  // vecka 12 2025, v. 12–14 2025
  add("\\b(?:vecka|veckorna|v\\.|v)\\s?(\\d{1,2})(?:" + to + "(\\d{1,2}))?,?\\s+(?:år\\s+)?" + Y + "\\b",
      [](const G& g, int) -> std::optional<Interval> {
        int y = ToInt(g[2]);
        auto a = CivilDate::IsoWeekMonday(y, ToInt(g[0]));
        auto b = CivilDate::IsoWeekMonday(y, g[1].empty() ? ToInt(g[0]) : ToInt(g[1]));
        if (!a || !b || *b < *a) return std::nullopt;
        return Interval{a, CivilDate::FromDaysSinceEpoch(b->DaysSinceEpoch() + 6), Grain::kWeek};
      });
  // i oktober 2023, oktober 2023, okt. 2023
  add("\\b" + M + ",?\\s+" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        return MonthSpan(ToInt(g[1]), MonthNumber(g[0]), MonthNumber(g[0]), Grain::kMonth);
      });
  p_->rules.back().after_day_is_invalid = true;
  p_->rules.back().rejects = [](std::string_view text, size_t begin) {
    return IsBareJul(text, begin) && AfterPreposition(text, begin);
  };
  // före jul 2025, julen 2025: Christmas Eve
  add("\\b(?:julen|jul)\\s+(?:år\\s+)?" + Y + "\\b", [](const G& g, int) -> std::optional<Interval> {
        CivilDate eve{ToInt(g[0]), 12, 24};
        return Interval{eve, eve, Grain::kDay};
      });
  p_->rules.back().rejects = [](std::string_view text, size_t begin) {
    return IsBareJul(text, begin) && !AfterPreposition(text, begin);
  };
  // läsåret 2025/2026: August to June
  add("läsåret\\s+" + Y + "\\s*(?:/|–|-)\\s*((?:19|20)?\\d{2})\\b", [](const G& g, int) -> std::optional<Interval> {
        int a = ToInt(g[0]);
        if (SecondYear(a, g[1]) != a + 1) return std::nullopt;
        return Interval{CivilDate{a, 8, 1}, CivilDate{a + 1, 6, 30}, Grain::kMonth};
      });
  // 2025-12: a year and a month, where the digits cannot end a range of years ("2011-12" can)
  add(kYearMonthPattern, [](const G& g, int) -> std::optional<Interval> {
        int y = ToInt(g[0]), m = ToInt(g[1]);
        if (SecondYear(y, g[1]) > y) return std::nullopt;
        return MonthSpan(y, m, m, Grain::kMonth);
      }, true);
  p_->rules.back().finder = FindYearMonth;
  // 2023–2025, 2023-25, 2021/2022
  add(kYearRangePattern, [](const G& g, int) -> std::optional<Interval> {
        int a = ToInt(g[0]), b = SecondYear(a, g[1]);
        if (b <= a || b - a > 20) return std::nullopt;
        return YearSpan(a, b, Grain::kYears);
      }, true);
  p_->rules.back().finder = FindYearRange;
  // nästa år / i år (only with an anchor)
  add("\\b(nästa år|nästkommande år|i år)\\b", [](const G& g, int anchor) -> std::optional<Interval> {
        int y = anchor + (g[0].rfind("i ", 0) == 0 || g[0].rfind("I ", 0) == 0 ? 0 : 1);
        return YearSpan(y, y, Grain::kYear);
      }, false, true);
  // 2024
  add(kYearPattern, [](const G& g, int) -> std::optional<Interval> {
        int y = ToInt(g[0]);
        return YearSpan(y, y, Grain::kYear);
      }, true);
  p_->rules.back().finder = FindYear;
  bool filtered = true;
  for (const GrammarRule& r : p_->rules) filtered = filtered && p_->prefilter.Add(r.re->pattern());
  prefiltered_ = filtered;
}

DateGrammar::~DateGrammar() = default;

namespace {

// True when the year at [begin, end) belongs to a citation, an amount or a
// longer number rather than a date.
bool LooksLikeCitation(std::string_view text, size_t begin, size_t end, const RE2& citation_before) {
  if (begin > 0) {
    char prev = text[begin - 1];
    // "2024-01-01–2025-12-31", "2024-01-01--2025-12-31": a full date right
    // after a dash starts the range's second half.
    bool after_dash = begin >= 3 && (text.substr(begin - 3, 3) == "–" || text.substr(begin - 3, 3) == "—");
    bool after_double_hyphen = begin >= 2 && text.substr(begin - 2, 2) == "--";
    bool full_date = end - begin == 10;
    if (prev == ':' || prev == '/' || prev == '.' || prev == ',' || (prev == '-' && !(after_double_hyphen && full_date)) ||
        (IsWordByte(prev) && !(after_dash && full_date)))
      return true;
    // "1 2000 000", "Q5 2024": a number right before it makes it part of something else
    if (prev == ' ' && begin >= 2 && IsDigit(text[begin - 2])) return true;
  }
  if (end < text.size()) {
    char next = text[end];
    if (next == ':' && end + 1 < text.size() && IsDigit(text[end + 1])) return true;
    if (next == '/' && end + 1 < text.size() && IsDigit(text[end + 1])) {
      // "2016/17:85" is a proposition; "2021/2022" alone is a range handled
      // elsewhere; "2023/1234" or "2023/123" is a case number.
      size_t k = end + 1;
      while (k < text.size() && IsDigit(text[k])) ++k;
      if (k < text.size() && text[k] == ':') return true;
      size_t digits = k - (end + 1);
      bool year_after = digits == 2 || (digits == 4 && ((text[end + 1] == '1' && text[end + 2] == '9') ||
                                                          (text[end + 1] == '2' && text[end + 2] == '0')));
      if (!year_after) return true;
    }
    if (next == ' ' && end + 3 < text.size() && IsDigit(text[end + 1]) && IsDigit(text[end + 2]) &&
        IsDigit(text[end + 3]) && (end + 4 >= text.size() || !IsDigit(text[end + 4])))
      return true;  // "2000 000"
    if (next == ',' && end + 1 < text.size() && IsDigit(text[end + 1])) return true;  // 2023,5
    if (next == '-' && end + 1 < text.size() && IsDigit(text[end + 1])) return true;  // a malformed date or range
  }
  size_t from = begin > 16 ? begin - 16 : 0;
  std::string_view before = text.substr(from, begin - from);
  // citation_before: a word, \s*, an optional "(", the end. Only those words'
  // last bytes can come before the spaces ("ſ" ends in \xBF).
  std::string_view rest = before;
  if (!rest.empty() && rest.back() == '(') rest.remove_suffix(1);
  while (!rest.empty() && IsRe2Space(rest.back())) rest.remove_suffix(1);
  if (rest.empty() || std::string_view("sSpP.uUrR\xA7gG\xBF").find(rest.back()) == std::string_view::npos) return false;
  return RE2::PartialMatch(before, citation_before);
}

using Window = std::pair<size_t, size_t>;

// A rule's match and its groups; reused from match to match.
struct RuleMatch {
  size_t begin = 0, end = 0;
  std::vector<std::string_view> groups;

  // The leftmost match of `rule` in text[pos, end) (the whole text is context).
  bool Find(const GrammarRule& rule, std::string_view text, size_t pos, size_t end_pos) {
    groups.clear();
    if (rule.finder) {
      DigitMatch m;
      if (!rule.finder(text, pos, end_pos, m)) return false;
      begin = m.begin, end = m.end;
      for (size_t i = 0; i < static_cast<size_t>(rule.re->NumberOfCapturingGroups()); ++i) groups.push_back(m.groups[i]);
      return true;
    }
    int n = rule.re->NumberOfCapturingGroups();
    pieces.resize(static_cast<size_t>(n) + 1);
    if (!rule.re->Match(re2::StringPiece(text.data(), text.size()), pos, end_pos, RE2::UNANCHORED, pieces.data(), n + 1))
      return false;
    begin = static_cast<size_t>(pieces[0].data() - text.data());
    end = begin + pieces[0].size();
    for (size_t i = 1; i < pieces.size(); ++i) groups.emplace_back(pieces[i].data(), pieces[i].size());
    return true;
  }

 private:
  std::vector<re2::StringPiece> pieces;
};

// Stretches of `text` that can hold a date without an anchor year: every such
// rule needs a run of two or more digits (a year, "vt-24"), and no date
// reaches further than kBefore bytes before or kAfter bytes after its digits.
// Scanning only these (with the whole text as context, so \b still sees the
// neighbours) is what keeps a long text cheap.
std::vector<Window> DigitWindows(std::string_view text) {
  constexpr size_t kBefore = 64, kAfter = 24;
  std::vector<Window> out;
  for (size_t i = 0; i < text.size();) {
    if (!IsDigit(text[i])) {
      i = NextDigit(text, i);
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsDigit(text[j])) ++j;
    if (j - i >= 2) {
      size_t b = i > kBefore ? i - kBefore : 0, e = std::min(text.size(), j + kAfter);
      if (!out.empty() && b <= out.back().second) out.back().second = e;
      else out.emplace_back(b, e);
    }
    i = j;
  }
  return out;
}

// Whether `begin` lies inside a web or mail address: the address pattern is
// run on the whitespace-delimited token around it only.
bool InAddress(const RE2& url, std::string_view text, size_t begin) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
  size_t b = begin, e = begin;
  while (b > 0 && !space(text[b - 1])) --b;
  while (e < text.size() && !space(text[e])) ++e;
  // Every address has "@", "://" or "www." (any case); most tokens have none.
  std::string_view token = text.substr(b, e - b);
  bool may_be_address = token.find('@') != std::string_view::npos || token.find("://") != std::string_view::npos;
  for (size_t dot = token.find('.'); !may_be_address && dot != std::string_view::npos; dot = token.find('.', dot + 1))
    may_be_address = dot >= 3 && std::all_of(token.begin() + static_cast<long>(dot) - 3, token.begin() + static_cast<long>(dot),
                                             [](char c) { return c == 'w' || c == 'W'; });
  if (!may_be_address) return false;
  bool inside = false;
  ForEachMatch(url, token, [&](size_t mb, std::string_view m) {
    inside = inside || (begin >= b + mb && begin < b + mb + m.size());
  });
  return inside;
}

// Whether a rule's match at [b, e) is not a date after all: inside an
// address, a failed full date, a citation, an amount or a longer number.
bool IsFalseDate(const GrammarRule& rule, std::string_view text, size_t b, size_t e, const RE2& url,
                 const RE2& citation_before) {
  if (InAddress(url, text, b)) return true;
  if (rule.rejects && rule.rejects(text, b)) return true;
  if (rule.after_day_is_invalid && b >= 2 && text[b - 1] == ' ' && IsDigit(text[b - 2])) return true;  // "32 januari 2023"
  if (!rule.starts_with_year) return false;
  if (LooksLikeCitation(text, b, e, citation_before)) {
    // An ISO date with one glued footnote digit is still a date ("2023-05-041").
    bool footnote = e - b == 10 && e < text.size() && IsDigit(text[e]) && (e + 1 >= text.size() || !IsDigit(text[e + 1]));
    return !(footnote && (b == 0 || !IsWordByte(text[b - 1])));
  }
  return e - b == 10 && e + 1 < text.size() && IsDigit(text[e]) && IsDigit(text[e + 1]);  // a longer number
}

// Drops matches inside invalid full dates, then keeps the longest of
// overlapping matches (ties: the earlier start), in text order.
std::vector<DateMatch> KeepLongest(std::vector<DateMatch> found, std::vector<Window> blocked) {
  // Whether [b, e) overlaps a blocked window: the windows sorted by start, with the furthest end so far.
  std::sort(blocked.begin(), blocked.end());
  std::vector<size_t> furthest(blocked.size());
  for (size_t i = 0; i < blocked.size(); ++i) furthest[i] = std::max(blocked[i].second, i ? furthest[i - 1] : 0);
  auto is_blocked = [&](const DateMatch& m) {
    size_t before_end = static_cast<size_t>(std::lower_bound(blocked.begin(), blocked.end(), Window{m.end, 0}) - blocked.begin());
    return before_end > 0 && furthest[before_end - 1] > m.begin;
  };
  found.erase(std::remove_if(found.begin(), found.end(), is_blocked), found.end());
  std::sort(found.begin(), found.end(), [](const DateMatch& a, const DateMatch& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.begin < b.begin;
  });
  // The kept matches never overlap, so the one starting last before m's end is the only one that can.
  std::map<size_t, size_t> kept_spans;  // begin -> end
  std::vector<DateMatch> kept;
  for (DateMatch& m : found) {
    auto next = kept_spans.lower_bound(m.end);
    if (next != kept_spans.begin() && std::prev(next)->second > m.begin) continue;
    kept_spans.emplace(m.begin, m.end);
    kept.push_back(std::move(m));
  }
  std::sort(kept.begin(), kept.end(), [](const DateMatch& a, const DateMatch& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace

std::vector<DateMatch> DateGrammar::Scan(std::string_view text, const DateScanOptions& options) const {
  // Rules that need an anchor year ("i år") have no digits to look for: they
  // read the whole text, and only when there is an anchor.
  std::vector<Window> windows = DigitWindows(text);
  const std::vector<Window> whole = {{0, text.size()}};
  if (prefiltered_ && !windows.empty())
    std::call_once(p_->prefilter_once, [this] { p_->prefilter_ready = p_->prefilter.Compile(); });
  const bool prefiltered = prefiltered_ && p_->prefilter_ready;
  // Which rules can match in which window: one set pass instead of one per rule.
  std::vector<std::vector<bool>> may_match;
  for (auto [wb, we] : windows)
    may_match.push_back(prefiltered ? p_->prefilter.Matching(text.substr(wb, we - wb), p_->rules.size())
                                     : std::vector<bool>(p_->rules.size(), true));

  std::vector<DateMatch> found;
  std::vector<Window> blocked;
  RuleMatch match;
  for (size_t ri = 0; ri < p_->rules.size(); ++ri) {
    const GrammarRule& rule = p_->rules[ri];
    if (rule.needs_anchor && !options.anchor_year) continue;
    const std::vector<Window>& where = rule.needs_anchor ? whole : windows;
    for (size_t w = 0; w < where.size(); ++w) {
      if (!rule.needs_anchor && !may_match[w][ri]) continue;
      auto [wb, we] = where[w];
      for (size_t pos = wb; pos < we && match.Find(rule, text, pos, we);) {
        size_t b = match.begin, e = match.end;
        pos = e > b ? e : b + 1;
        if (IsFalseDate(rule, text, b, e, p_->url, p_->citation_before)) continue;
        auto iv = rule.make(match.groups, options.anchor_year.value_or(0));
        if (!iv) {
          if (rule.blocks_when_invalid) blocked.emplace_back(b, e);
          continue;
        }
        DateMatch dm;
        dm.begin = b;
        dm.end = e;
        dm.start = iv->start;
        dm.end_date = iv->end;
        dm.grain = iv->grain;
        dm.relative = rule.needs_anchor;
        found.push_back(std::move(dm));
      }
    }
  }
  return WithPrefixes(text, KeepLongest(std::move(found), std::move(blocked)));
}

// Widens each match by a prefix that opens one end ("senast", "från och med")
// or reads better whole ("under"), and joins "från och med A till och med B".
std::vector<DateMatch> DateGrammar::WithPrefixes(std::string_view text, const std::vector<DateMatch>& kept) const {
  static const RE2 kRangeJoin(R"((?i)^\s*(till\s+och\s+med|t\.\s?o\.\s?m\.?|till|--|–|—|-)\s*(den\s+)?$)");
  // "2023-01-01 -- 2024-12-31", "1 januari 2023 till 31 december 2024": two full dates, the second later.
  auto day_range = [&](size_t i) {
    return i + 1 < kept.size() && kept[i].grain == Grain::kDay && kept[i + 1].grain == Grain::kDay && kept[i].start &&
           kept[i + 1].start && *kept[i].start < *kept[i + 1].start &&
           RE2::FullMatch(text.substr(kept[i].end, kept[i + 1].begin - kept[i].end), kRangeJoin);
  };
  std::vector<DateMatch> out;
  for (size_t i = 0; i < kept.size(); ++i) {
    DateMatch m = kept[i];
    size_t look = m.begin > 24 ? m.begin - 24 : 0;
    std::string_view before = text.substr(look, m.begin - look);
    re2::StringPiece prefix;
    // Each prefix ends in whitespace, the plain one in a space.
    uint64_t words = !before.empty() && IsRe2Space(before.back()) ? p_->prefix_words.Scan(before) : 0;
    if ((words & 1) && RE2::PartialMatch(before, p_->open_end_prefix, &prefix)) {
      size_t pb = static_cast<size_t>(prefix.data() - text.data());
      std::string_view word(prefix.data(), prefix.size());
      bool after = EqualsLower(word, "efter");
      if (after || EqualsLower(word, "tidigast")) {
        // "efter sommaren 2025" starts when the summer has ended; "tidigast hösten 2025" when it starts.
        if (after && m.end_date) m.start = CivilDate::FromDaysSinceEpoch(m.end_date->DaysSinceEpoch() + 1);
        m.open_end = true;
        m.end_date.reset();
        m.begin = pb;
      } else if (i + 1 < kept.size() &&
          RE2::FullMatch(text.substr(m.end, kept[i + 1].begin - m.end), kRangeJoin)) {
        m.end_date = kept[i + 1].end_date;
        m.end = kept[i + 1].end;
        ++i;
        m.begin = pb;
      } else if (!EqualsLower(word, "från")) {
        // Bare "från 2013-06-10" names a date ("the framework from ..."), not an open start.
        m.open_end = true;
        m.end_date.reset();
        m.begin = pb;
      }
    } else if (day_range(i)) {
      m.end_date = kept[i + 1].end_date;
      m.end = kept[i + 1].end;
      ++i;
    } else if ((words & 2) && RE2::PartialMatch(before, p_->open_start_prefix, &prefix)) {
      m.begin = static_cast<size_t>(prefix.data() - text.data());
      m.open_start = true;
      std::string_view word(prefix.data(), prefix.size());
      // "före 2026" and "innan sommaren 2025" end before the period starts;
      // "senast 2025" at its end. A day is left whole ("före den 1 mars").
      bool before_period = EqualsLower(word, "före") || EqualsLower(word, "innan") || EqualsLower(word, "inför");
      if (before_period && m.grain != Grain::kDay && m.start)
        m.end_date = CivilDate::FromDaysSinceEpoch(m.start->DaysSinceEpoch() - 1);
      m.start.reset();
    } else if (!before.empty() && before.back() == ' ' && RE2::PartialMatch(before, p_->plain_prefix, &prefix)) {
      m.begin = static_cast<size_t>(prefix.data() - text.data());  // "under hösten 2023" reads better whole
    }
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<DateMatch> DateGrammar::ParseExpression(std::string_view text, const DateScanOptions& options) const {
  auto matches = Scan(text, options);
  if (matches.size() != 1) return std::nullopt;
  auto trim = [](std::string_view s) {
    const std::string_view junk = " \t\n.,;:()";
    while (!s.empty() && junk.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
    while (!s.empty() && junk.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    return s;
  };
  std::string_view rest_before = trim(text.substr(0, matches[0].begin));
  std::string_view rest_after = trim(text.substr(matches[0].end));
  static const std::string_view kFillers[] = {"", "i", "under", "den", "år", "inom", "under perioden"};
  auto is_filler = [&](std::string_view s) {
    return std::any_of(std::begin(kFillers), std::end(kFillers), [&](std::string_view f) { return EqualsLower(s, f); });
  };
  bool footnote = rest_after.size() == 1 && IsDigit(rest_after[0]);  // "2023-05-041"
  if (!is_filler(rest_before) || !(rest_after.empty() || footnote)) return std::nullopt;
  return matches[0];
}

}  // namespace overens
