// Activity tables of action plans: a heading row of cells ("Aktivitet
// Ansvarig  Klart"), then rows laid out under it. A PDF's table reaches us as
// lines whose cells are set apart by runs of spaces; a cell that wraps goes
// on, on the next line, under its own column.
#include <algorithm>

#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

enum class ColumnKind { kOther, kActivity, kResponsible, kDue, kStatus, kFollowUp, kArea };

struct Column {
  ColumnKind kind = ColumnKind::kOther;
  uint32_t start = 0;  // character column of its heading
};

// A cell's text and the character column where it starts in the source line.
struct CellText {
  std::string_view text;
  uint32_t column = 0;
};

std::vector<CellText> CellsOf(const TextLine& l) {
  // Cells start in order inside the text (normalization keeps it so); a line
  // that broke this is read as one cell rather than read out of bounds.
  bool ordered = std::adjacent_find(l.cells.begin(), l.cells.end(), [](const Cell& a, const Cell& b) { return a.offset >= b.offset; }) ==
                     l.cells.end() &&
                 (l.cells.empty() || l.cells.back().offset < l.text.size());
  if (l.cells.empty() || !ordered) return {CellText{l.text, l.indent}};
  std::vector<CellText> out;
  for (size_t k = 0; k < l.cells.size(); ++k) out.push_back({l.CellText(k), l.cells[k].column});
  return out;
}

ColumnKind KindOf(const Vocabulary& v, std::string_view heading) {
  std::vector<std::string> words = Words(Fold(heading));
  if (words.empty()) return ColumnKind::kOther;
  const std::string& first = words[0];
  if (v.activity_columns.count(first)) return ColumnKind::kActivity;
  if (v.responsible_columns.count(first)) return ColumnKind::kResponsible;
  if (v.due_columns.count(first)) return ColumnKind::kDue;
  if (v.status_columns.count(first)) return ColumnKind::kStatus;
  if (v.follow_up_columns.count(first)) return ColumnKind::kFollowUp;
  if (v.area_columns.count(first)) return ColumnKind::kArea;
  return ColumnKind::kOther;
}

// The columns of a heading row that names both what is done and who does it.
std::vector<Column> HeadingColumns(const Vocabulary& v, const TextLine& l) {
  if (l.cells.size() < 2) return {};
  std::vector<Column> columns;
  bool activity = false, responsible = false;
  for (const CellText& c : CellsOf(l)) {
    if (WordCount(c.text) > 4) return {};  // headings are short
    ColumnKind kind = KindOf(v, c.text);
    activity = activity || kind == ColumnKind::kActivity;
    responsible = responsible || kind == ColumnKind::kResponsible;
    columns.push_back({kind, c.column});
  }
  if (!activity || !responsible) return {};
  return columns;
}

// The column a cell starting at `column` falls under: the last one whose
// heading starts at most two characters to its right.
size_t ColumnOf(const std::vector<Column>& columns, uint32_t column) {
  size_t at = 0;
  for (size_t k = 0; k < columns.size(); ++k)
    if (columns[k].start <= column + 2) at = k;
  return at;
}

void Append(std::string& to, std::string_view text) {
  if (!to.empty()) to += ' ';
  to += text;
}

// What a line holds, by column.
struct LineShape {
  std::vector<CellText> cells;
  std::vector<size_t> column_of;  // per cell
  bool activity = false;  // a cell under an activity heading
  bool other = false;     // a cell under another heading
  bool lower = false;     // a cell, not a date, that starts in lower case: it goes on a wrapped cell
};

LineShape ShapeOf(const std::vector<Column>& columns, const TextLine& l) {
  LineShape s;
  s.cells = CellsOf(l);
  for (const CellText& c : s.cells) {
    size_t k = ColumnOf(columns, c.column);
    s.column_of.push_back(k);
    s.activity = s.activity || columns[k].kind == ColumnKind::kActivity;
    s.other = s.other || columns[k].kind != ColumnKind::kActivity;
    // Dates start in lower case ("hösten 2025") as a row's first line may.
    s.lower = s.lower || (StartsLower(c.text) && columns[k].kind != ColumnKind::kDue);
  }
  return s;
}

// The rows under the heading at line `heading`; sets in_table for the lines
// taken, and returns the first line after the table. Cells that wrap are
// set at the top of their row (the row's first line has its activity and
// the cells beside it), or lower (the activity starts alone, the other
// cells follow on a later line); the first row tells which.
size_t ReadRows(const ExtractionRun& run, size_t heading, const std::vector<Column>& columns, std::vector<ActivityRow>& rows,
                std::vector<bool>& in_table) {
  const auto& lines = run.text.lines;
  in_table[heading] = true;
  struct Open {
    ActivityRow row;
    std::vector<std::string> texts;  // per column
    bool beside = false;             // has a cell beside its activity
  };
  std::optional<Open> open;
  auto close = [&] {
    if (!open) return;
    for (size_t k = 0; k < columns.size(); ++k) {
      if (columns[k].kind == ColumnKind::kActivity) Append(open->row.activity, open->texts[k]);
      if (columns[k].kind == ColumnKind::kResponsible) Append(open->row.responsible, open->texts[k]);
      if (columns[k].kind == ColumnKind::kStatus) Append(open->row.status, open->texts[k]);
      if (columns[k].kind == ColumnKind::kDue) Append(open->row.due_text, open->texts[k]);
      if (columns[k].kind == ColumnKind::kFollowUp) Append(open->row.follow_up, open->texts[k]);
      if (columns[k].kind == ColumnKind::kArea) Append(open->row.area, open->texts[k]);
    }
    if (!open->row.activity.empty()) rows.push_back(std::move(open->row));
    open.reset();
  };
  // Whether rows are set apart by blank lines: then a line right under
  // another goes on its row even when its cells start in upper case.
  bool spaced = heading + 1 < lines.size() && lines[heading + 1].blank();
  // A table typed with tabs has a row per line: no cell wraps.
  bool tabbed = lines[heading].TabSeparated();
  std::optional<bool> top;  // cells set at the top of their row
  bool blank_before = false;
  size_t i = heading + 1;
  for (; i < lines.size(); ++i) {
    const TextLine& l = lines[i];
    if (l.blank()) {
      blank_before = true;
      continue;
    }
    // A heading row again (a table going on, on the next page) ends this
    // table, as does a line of text after a blank line or a heading, unless
    // it is an activity whose other cells follow on the next line.
    if (!HeadingColumns(run.ref.vocabulary, l).empty()) break;
    LineShape shape = ShapeOf(columns, l);
    if (l.cells.empty() && (blank_before || run.structure.heading_at_line[i] >= 0)) {
      bool rest_below = top == false && i + 1 < lines.size() && !lines[i + 1].blank() && StartsUpper(l.text) &&
                        ShapeOf(columns, lines[i + 1]).other;
      if (!rest_below) break;
    }
    if (!top) top = shape.other;
    bool starts_row;
    if (!open || (tabbed && l.TabSeparated())) starts_row = true;
    else if (*top) starts_row = shape.activity && shape.other && (blank_before || !(shape.lower || spaced));
    else starts_row = shape.activity && !shape.lower && (blank_before || (open->beside && !spaced));
    if (starts_row) {
      close();
      open.emplace();
      open->row.first = i;
      open->texts.resize(columns.size());
    }
    open->row.last = i;
    open->beside = open->beside || shape.other;
    for (size_t k = 0; k < shape.cells.size(); ++k) Append(open->texts[shape.column_of[k]], shape.cells[k].text);
    in_table[i] = true;
    blank_before = false;
  }
  close();
  return i;
}

// The date (index into doc.dates) that starts in a due cell of the row.
std::optional<size_t> DueDate(const ExtractionRun& run, const ActivityRow& row, const std::vector<Column>& columns) {
  auto [begin, end] = run.DatesOnLines(row.first, row.last);
  for (size_t d = begin; d < end; ++d) {
    size_t line = run.dates[d].line;
    const TextLine& l = run.text.lines[line];
    size_t offset = run.dates[d].match.begin - run.text.line_offsets[line];
    uint32_t column = l.indent;
    for (const Cell& c : l.cells)
      if (c.offset <= offset) column = c.column;
    if (columns[ColumnOf(columns, column)].kind == ColumnKind::kDue) return d;
  }
  return std::nullopt;
}

}  // namespace

const ActivityTableRows& ActivityTables(ExtractionRun& run) {
  if (run.tables) return *run.tables;
  const auto& lines = run.text.lines;
  ActivityTableRows& tables = run.tables.emplace();
  std::vector<bool>& in_table = tables.in_table;
  std::vector<ActivityRow>& rows = tables.rows;
  in_table.assign(lines.size(), false);
  for (size_t i = 0; i < lines.size();) {
    std::vector<Column> columns = lines[i].cells.empty() ? std::vector<Column>{} : HeadingColumns(run.ref.vocabulary, lines[i]);
    if (columns.empty()) {
      ++i;
      continue;
    }
    size_t before = rows.size();
    size_t next = ReadRows(run, i, columns, rows, in_table);
    for (size_t r = before; r < rows.size(); ++r) rows[r].due = DueDate(run, rows[r], columns);
    i = next;
  }
  return tables;
}

}  // namespace overens
