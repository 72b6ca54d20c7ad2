// The Swedish temporal grammar: every date expression in a text becomes an
// inclusive interval with a grain. Roles are assigned later, from context.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace overens {

struct DateMatch {
  size_t begin = 0, end = 0;  // byte range in the scanned text, prefix included
  std::string text;
  std::optional<CivilDate> start, end_date;
  Grain grain = Grain::kDay;
  bool relative = false;      // resolved against the anchor year
  bool open_start = false;    // "senast", "t.o.m."
  bool open_end = false;      // "fr.o.m.", "från och med"
};

struct DateScanOptions {
  std::optional<int> anchor_year;  // for "i år", "nästa år"; relative forms are skipped without it
};

class DateGrammar {
 public:
  DateGrammar();
  ~DateGrammar();
  DateGrammar(const DateGrammar&) = delete;
  DateGrammar& operator=(const DateGrammar&) = delete;

  // All date expressions in `text`, in order, not overlapping. Citations
  // (SFS 2017:30, prop. 2016/17:85), URLs and amounts are not dates; a
  // footnote digit glued to an ISO date is dropped ("2023-05-041").
  std::vector<DateMatch> Scan(std::string_view text, const DateScanOptions& options = {}) const;

  // The single expression that covers all of `text` (ignoring surrounding
  // space and punctuation), or nullopt. For tests and the CLI.
  std::optional<DateMatch> ParseExpression(std::string_view text, const DateScanOptions& options = {}) const;

 private:
  std::vector<DateMatch> WithPrefixes(std::string_view text, const std::vector<DateMatch>& kept) const;
  struct Patterns;
  std::unique_ptr<Patterns> p_;
  bool prefiltered_ = false;  // false: every rule gets its own pass
};

}  // namespace overens
