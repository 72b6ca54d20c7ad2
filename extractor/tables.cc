// Money tables whose last column is a printed total ("Summa"), as found in
// fund distributions. OCR output groups thousands with spaces ("1 000 000"),
// so a row is read every way its digit groups can be joined; a row that adds
// up under some reading is consistent, and a row with damaged cells is marked
// unreadable instead of being guessed.
#include <algorithm>
#include <map>

#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

// Every way to read the tokens as numbers: a group of 1-4 digits may absorb
// following groups of exactly three digits.
void Readings(const std::vector<std::string>& tokens, size_t at, std::vector<long long>& cur,
              std::vector<std::vector<long long>>& out) {
  if (out.size() > 4096) return;
  if (at == tokens.size()) {
    out.push_back(cur);
    return;
  }
  std::string number = tokens[at];
  for (size_t end = at + 1;; ++end) {
    if (number.size() <= 13) {
      cur.push_back(std::stoll(number));
      Readings(tokens, end, cur, out);
      cur.pop_back();
    }
    if (end >= tokens.size() || tokens[at].size() > 4 || tokens[end].size() != 3) break;
    number += tokens[end];
  }
}

bool AddsUp(const std::vector<long long>& r) {
  if (r.size() < 3) return false;
  long long sum = 0;
  for (size_t i = 0; i + 1 < r.size(); ++i) sum += r[i];
  return sum == r.back();
}

struct RawRow {
  size_t line;
  std::string label;
  std::vector<std::string> tokens;
  bool damaged = false;
};

std::optional<RawRow> SplitRow(const std::string& text, size_t line) {
  std::vector<std::string> words;
  for (size_t pos = 0; pos < text.size();) {
    size_t sp = text.find(' ', pos);
    words.push_back(text.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos));
    if (sp == std::string::npos) break;
    pos = sp + 1;
  }
  RawRow row;
  row.line = line;
  size_t i = 0;
  for (; i < words.size() && !AllDigits(words[i]) && !std::any_of(words[i].begin(), words[i].end(), ::isdigit); ++i)
    row.label += (row.label.empty() ? "" : " ") + words[i];
  if (row.label.empty()) return std::nullopt;
  int digits = 0;
  for (; i < words.size(); ++i) {
    std::string w = Trim(words[i], ",;");
    if (AllDigits(w)) ++digits;
    else row.damaged = true;
    row.tokens.push_back(w);
  }
  // A money table has a handful of columns; a line of hundreds of numbers
  // is no row of one (and Readings recurses once per token).
  constexpr size_t kMostTokens = 48;
  if (digits < 3 || row.tokens.size() > kMostTokens) return std::nullopt;
  return row;
}

}  // namespace

void ExtractTables(ExtractionRun& run) {
  // Read only on lines with a Gate::kTotals word (it cannot match a line break).
  static const RE2 kTotalHeader(R"((?i)\b(summa|totalt|total|sum)\b)");
  if (!run.Mentions(Gate::kTotals)) return;  // no total column, no table
  const auto& lines = run.text.lines;
  std::vector<RawRow> rows;
  size_t header = std::string::npos;
  std::vector<size_t> total_lines = run.LinesOf(Gate::kTotals);  // where kTotalHeader can match
  auto next_total = total_lines.begin();
  for (size_t i = 0; i < lines.size(); ++i) {
    bool may_be_header = next_total != total_lines.end() && *next_total == i;
    if (may_be_header) ++next_total;
    if (may_be_header && RE2::PartialMatch(lines[i].text, kTotalHeader) && !SplitRow(lines[i].text, i)) {
      header = i;
      continue;
    }
    if (header == std::string::npos || i - header > 12) continue;
    if (auto row = SplitRow(lines[i].text, i)) rows.push_back(std::move(*row));
  }
  // The usual column count: rows without any ambiguous three-digit group.
  std::map<size_t, int> widths;
  for (const RawRow& r : rows) {
    if (r.damaged) continue;
    bool ambiguous = std::any_of(r.tokens.begin() + 1, r.tokens.end(), [](const std::string& t) { return t.size() == 3; });
    if (!ambiguous) ++widths[r.tokens.size()];
  }
  size_t width = 0;
  int best = 0;
  for (auto [w, n] : widths)
    if (n > best) width = w, best = n;
  for (const RawRow& r : rows) {
    TableRow out;
    out.label = r.label;
    out.raw = lines[r.line].text;
    out.span = run.SpanOfLine(r.line);
    out.readable = !r.damaged;
    if (!r.damaged) {
      std::vector<std::vector<long long>> readings;
      std::vector<long long> cur;
      Readings(r.tokens, 0, cur, readings);
      auto consistent = std::find_if(readings.begin(), readings.end(), AddsUp);
      std::vector<const std::vector<long long>*> of_width;
      for (const auto& reading : readings)
        if (reading.size() == width) of_width.push_back(&reading);
      const std::vector<long long>* chosen = nullptr;
      if (consistent != readings.end()) chosen = &*consistent;
      else if (of_width.size() == 1) chosen = of_width[0];
      if (chosen) {
        out.cells.assign(chosen->begin(), chosen->end() - 1);
        out.printed_total = chosen->back();
      } else {
        out.readable = false;
      }
    }
    run.doc.table_rows.push_back(std::move(out));
  }
}

}  // namespace overens
