// The audit workbook: an overview, a summary per delregion, one matrix per
// dimension, the findings with columns for the auditor's own assessment, the
// activities, the evidence of every cell, a legend and a record of how the
// audit was made. Each status cell gets its colour as it is written (Excel
// misreads the conditional formats of libxlsxwriter 1.1.4), every data sheet
// is an Excel table, and every sheet prints landscape, fit to width.
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <unordered_map>

#include <xlsxwriter.h>

#include "extractor/text_util.h"
#include "extractor/utf8.h"
#include "tools/overens/audit_data.h"

namespace overens {
namespace {

constexpr size_t kMaxCell = 32000;  // Excel's limit is 32,767 characters
constexpr const char* kVersion = "overens 0.1.0";

// The formats of the workbook, made once.
struct Formats {
  lxw_format *header, *date, *wrap, *link, *bold, *title, *top;
  // The workbook is written row by row (libxlsxwriter's constant_memory
  // mode, for large audits): each row goes to disk when the next begins, so
  // widths and the header's height are set before any data, from the
  // columns' caps, and filters stand in for Excel tables (which that mode
  // cannot write).
  bool streamed = false;
  std::map<CellStatus, lxw_format*> status;
  std::map<Severity, lxw_format*> severity;
};

lxw_format* Fill(lxw_workbook* wb, uint32_t color) {
  lxw_format* f = workbook_add_format(wb);
  format_set_bg_color(f, color);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{};
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xD9E1F2);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");
  format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.link = workbook_add_format(wb);
  format_set_font_color(f.link, LXW_COLOR_BLUE);
  format_set_underline(f.link, LXW_UNDERLINE_SINGLE);
  format_set_align(f.link, LXW_ALIGN_VERTICAL_TOP);
  f.top = workbook_add_format(wb);  // every cell at the top of its row, as wrapped ones are
  format_set_align(f.top, LXW_ALIGN_VERTICAL_TOP);
  f.bold = workbook_add_format(wb);
  format_set_bold(f.bold);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.status = {{CellStatus::kPresent, Fill(wb, 0xC6EFCE)},         {CellStatus::kDeviates, Fill(wb, 0xFFEB9C)},
              {CellStatus::kAdded, Fill(wb, 0xFFEB9C)},           {CellStatus::kMissing, Fill(wb, 0xFFC7CE)},
              {CellStatus::kMissingOptional, Fill(wb, 0xE7E6E6)}, {CellStatus::kUnread, Fill(wb, 0xDDEBF7)}};
  f.severity = {{Severity::kError, Fill(wb, 0xFFC7CE)}, {Severity::kWarning, Fill(wb, 0xFFEB9C)}, {Severity::kInfo, Fill(wb, 0xDDEBF7)}};
  return f;
}

// A column: its heading, the width it may grow to, and whether it wraps.
struct Column {
  std::string heading;
  double cap = 40;
  bool wrap = false;
};

// One sheet as it is written: widths from content (with a cap, and never
// narrower than the heading's longest word, so headings break between
// words), row heights for wrapped text, a frozen header, an Excel table over
// the data, and print settings.
class Sheet {
 public:
  Sheet(lxw_workbook* wb, const Formats& f, const std::string& name, std::vector<Column> columns, size_t frozen_columns = 0)
      : ws_(workbook_add_worksheet(wb, name.c_str())), f_(f), columns_(std::move(columns)), longest_(columns_.size(), 4),
        heading_word_(columns_.size(), 0), table_name_(TableName(name)) {
    for (size_t c = 0; c < columns_.size(); ++c)
      for (std::string_view w : SplitWords(columns_[c].heading)) heading_word_[c] = std::max(heading_word_[c], RuneCount(w));
    if (f_.streamed) SetWidths();  // now: row 0 is written out when row 1 begins
    for (size_t c = 0; c < columns_.size(); ++c)  // a table writes them again, the same
      worksheet_write_string(ws_, 0, Col(c), columns_[c].heading.c_str(), f_.header);
    worksheet_freeze_panes(ws_, 1, static_cast<lxw_col_t>(frozen_columns));
  }
  lxw_worksheet* ws() { return ws_; }
  size_t row() const { return row_; }
  // Ends the row: its height for its wrapped text (a long wrapped cell is as
  // wide as its column's cap), set before the row is written out.
  void NextRow() {
    double lines = 1;
    for (auto [c, runes] : wrapped_) lines = std::max(lines, std::ceil(static_cast<double>(runes) / std::max(columns_[c].cap - 1, 1.0)));
    if (!wrapped_.empty()) worksheet_set_row(ws_, Row(), std::min(15.0 * lines, 409.0), nullptr);
    wrapped_.clear();
    ++row_;
  }

  void Text(size_t c, const std::string& s, lxw_format* format = nullptr) {
    std::string text = Ellipsize(s, kMaxCell);
    if (!format) format = columns_[c].wrap ? f_.wrap : f_.top;
    worksheet_write_string(ws_, Row(), Col(c), text.c_str(), format);
    Measure(c, text);
  }
  void Number(size_t c, double v, lxw_format* format = nullptr) {
    worksheet_write_number(ws_, Row(), Col(c), v, format ? format : f_.top);
    Measure(c, std::to_string(static_cast<long long>(v)));
  }
  void Date(size_t c, const std::optional<CivilDate>& d) {
    if (!d) return;
    // Excel serial day: 1899-12-30 is day 0, 1970-01-01 is day 25569.
    worksheet_write_number(ws_, Row(), Col(c), static_cast<double>(d->DaysSinceEpoch() + 25569), f_.date);
    Measure(c, "2000-01-01");
  }
  void Link(size_t c, const std::string& target, const std::string& shown) {
    if (target.empty()) return Text(c, shown);
    if (f_.streamed) return LinkFormula(c, target, shown);
    // Excel holds at most 65,530 links a sheet (libxlsxwriter warns on stderr past it): then names only.
    constexpr size_t kMostLinks = 65000;
    if (links_ >= kMostLinks) return Text(c, shown);
    ++links_;
    std::string url = "external:" + target;
    if (worksheet_write_url_opt(ws_, Row(), Col(c), url.c_str(), f_.link, shown.c_str(), nullptr) != LXW_NO_ERROR)
      worksheet_write_string(ws_, Row(), Col(c), shown.c_str(), nullptr);
    Measure(c, shown);
  }

  // The table (when streamed, the filter) ends with the rows written so
  // far; rows after it stand below it. A streamed sheet takes the filter
  // now: its last row is about to be written out.
  void EndTable() {
    table_end_ = row_;
    if (!f_.streamed) return;
    worksheet_autofilter(ws_, 0, 0, static_cast<lxw_row_t>(std::max<size_t>(row_, 2) - 1), Col(columns_.size() - 1));
  }

  // A link as a HYPERLINK formula, with the name shown as its value: held
  // by no table of links (libxlsxwriter keeps those in memory to the end,
  // and Excel allows 65,530 a sheet), so a streamed sheet links every row.
  void LinkFormula(size_t c, const std::string& target, const std::string& shown) {
    auto quoted = [](const std::string& s) {
      std::string out = "\"";
      for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      return out + "\"";
    };
    std::string formula = "=HYPERLINK(" + quoted(target) + "," + quoted(shown) + ")";
    worksheet_write_formula_str(ws_, Row(), Col(c), formula.c_str(), f_.link, shown.c_str());
    Measure(c, shown);
  }

  // Widths, heights, the table over the rows up to EndTable (or every row
  // written), filters and printing.
  void Finish(const std::string& footer, bool table = true) {
    size_t end = table_end_ ? table_end_ : row_;
    if (!f_.streamed) SetWidths();
    if (table && !f_.streamed) AddTable(end);
    if (table && f_.streamed && !table_end_) EndTable();  // not ended before: the filter is still to set
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_fit_to_pages(ws_, 1, 0);
    worksheet_repeat_rows(ws_, 0, 0);
    worksheet_set_footer(ws_, footer.c_str());
  }

 private:
  lxw_row_t Row() const { return static_cast<lxw_row_t>(row_); }
  static lxw_col_t Col(size_t c) { return static_cast<lxw_col_t>(c); }

  static std::vector<std::string_view> SplitWords(std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
      size_t e = std::min(s.find(' ', i), s.size());
      out.push_back(s.substr(i, e - i));
      i = e + 1;
    }
    return out;
  }
  // Excel table names: letters, digits and underscores, unique in the book.
  static std::string TableName(const std::string& sheet) {
    std::string out = "T_";
    for (unsigned char ch : sheet) out += std::isalnum(ch) ? static_cast<char>(ch) : '_';
    return out;
  }

  // Column widths from the content measured (when streamed, from the caps
  // alone), never narrower than the heading's longest word (+3 for the
  // filter button) so headings break between words; the header row as
  // high as its most wrapped heading.
  void SetWidths() {
    std::vector<double> width(columns_.size());
    for (size_t c = 0; c < columns_.size(); ++c) {
      double content = f_.streamed ? columns_[c].cap : static_cast<double>(longest_[c]) + 2;
      width[c] = std::max(std::clamp(content, 6.0, std::max(columns_[c].cap, 6.0)), static_cast<double>(heading_word_[c]) + 3);
      worksheet_set_column(ws_, Col(c), Col(c), width[c], nullptr);
    }
    double heading_lines = 1;
    for (size_t c = 0; c < columns_.size(); ++c)
      heading_lines = std::max(heading_lines, std::ceil(static_cast<double>(RuneCount(columns_[c].heading) + 3) / std::max(width[c] - 1, 1.0)));
    worksheet_set_row(ws_, 0, 15.0 * heading_lines, f_.header);
  }

  void Measure(size_t c, const std::string& text) {
    size_t runes = RuneCount(text);
    if (columns_[c].wrap && runes > columns_[c].cap) wrapped_.emplace_back(c, runes);
    longest_[c] = std::max(longest_[c], std::min(runes, static_cast<size_t>(columns_[c].cap)));
  }

  void AddTable(size_t end) {
    std::vector<lxw_table_column> cols(columns_.size());
    std::vector<lxw_table_column*> pointers;
    for (size_t c = 0; c < columns_.size(); ++c) {
      cols[c].header = const_cast<char*>(columns_[c].heading.c_str());
      cols[c].header_format = f_.header;
      pointers.push_back(&cols[c]);
    }
    pointers.push_back(nullptr);
    lxw_table_options options{};
    options.name = const_cast<char*>(table_name_.c_str());
    options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    options.style_type_number = 1;
    options.columns = pointers.data();
    size_t last = std::max<size_t>(end, 2) - 1;  // a table holds a data row, even an empty one
    worksheet_add_table(ws_, 0, 0, static_cast<lxw_row_t>(last), Col(columns_.size() - 1), &options);
  }

  lxw_worksheet* ws_;
  const Formats& f_;
  std::vector<Column> columns_;
  std::vector<size_t> longest_;       // per column: the longest cell, in characters, up to its cap
  std::vector<size_t> heading_word_;  // per column: the longest word of its heading
  std::vector<std::pair<size_t, size_t>> wrapped_;  // (column, runes) of the row's long wrapped cells
  size_t links_ = 0;
  size_t table_end_ = 0;  // 0: the table takes every row (rows start at 1, so a set end is never 0)
  std::string table_name_;
  size_t row_ = 1;
};

// The words of the workbook in the run's language.
class WorkbookWords {
 public:
  explicit WorkbookWords(const CommandEnv& env) : env_(env) {}
  std::string operator()(std::string_view id, std::initializer_list<std::string_view> args = {}) const {
    return env_.pipeline.reference().Say(env_.options.language, id, args);
  }
  std::string Status(const AuditCell& c) const { return StatusWords(env_.pipeline.reference(), env_.options.language, c); }
  std::string Kind(DocumentKind k) const { return (*this)("kind." + std::string(ToString(k))); }
  std::string Severity(overens::Severity s) const { return (*this)("severity." + std::string(ToString(s))); }

 private:
  const CommandEnv& env_;
};

struct Book {
  const CommandEnv& env;
  const AuditData& a;
  const ReferenceData& ref;
  lxw_workbook* wb;
  Formats f;
  WorkbookWords w;
  std::string footer;
  Column Col(const char* id, double cap = 40, bool wrap = false) const { return {w(std::string("col.") + id), cap, wrap}; }
};

std::string AreaName(const ReferenceData& ref, std::string_view id) {
  for (const auto& a : ref.framework.areas)
    if (a.id == id) return a.name;
  return std::string(id);
}

void WriteOverview(Book& b) {
  Sheet s(b.wb, b.f, b.w("sheet.overview"),
          {b.Col("file", 50), b.Col("kind", 24), b.Col("county", 16), b.Col("delregion", 12), b.Col("date", 12),
           b.Col("age", 10), b.Col("framework-date", 14), b.Col("plan-end", 14), b.Col("valid-until", 14),
           b.Col("scope", 20), b.Col("note", 60, true), b.Col("errors", 8), b.Col("warnings", 10), b.Col("infos", 8)},
          1);
  const CivilDate as_of = CheckOptionsFrom(b.env).as_of;
  for (const AuditDocument& ad : b.a.docs) {
    const Document& d = ad.doc;
    s.Link(0, ad.link, ad.shown);
    s.Text(1, b.w.Kind(d.kind));
    s.Text(2, d.region.value_or("–"));
    s.Text(3, DelregionOf(d));
    s.Date(4, d.date);
    if (d.date) s.Number(5, d.date->YearsUntil(as_of));
    s.Date(6, d.framework_date);
    if (d.plan_period) s.Date(7, d.plan_period->end);
    if (d.validity && d.validity->until) s.Date(8, d.validity->LastValidDay());
    else if (d.validity && d.validity->until_further_notice) s.Text(8, b.w("xlsx.until-further"));
    s.Text(9, b.w("scope." + std::string(ToString(ad.scope.widest))));
    s.Text(10, ad.scope.note);
    s.Number(11, ad.errors, ad.errors ? b.f.severity.at(Severity::kError) : nullptr);
    s.Number(12, ad.warnings, ad.warnings ? b.f.severity.at(Severity::kWarning) : nullptr);
    s.Number(13, ad.infos);
    s.NextRow();
  }
  s.Finish(b.footer);
}

// Per delregion (the framework county's, then any other place): documents,
// findings by severity and matrix items by status; a totals row; the
// delregions without an agreement.
void WriteSummary(Book& b) {
  static constexpr CellStatus kStatuses[] = {CellStatus::kPresent, CellStatus::kDeviates, CellStatus::kMissing,
                                             CellStatus::kMissingOptional, CellStatus::kUnread, CellStatus::kAdded};
  std::vector<Column> cols = {b.Col("delregion", 16), b.Col("documents", 10), b.Col("errors", 8), b.Col("warnings", 10),
                              b.Col("infos", 8)};
  for (CellStatus st : kStatuses) cols.push_back({b.w.Status(AuditCell{"", 0, "", st, "", "", 0}), 14, false});
  Sheet s(b.wb, b.f, b.w("sheet.summary"), cols, 1);
  std::vector<std::string> places;
  for (const Delregion& d : b.ref.delregions) places.push_back(d.name);
  for (const AuditDocument& ad : b.a.docs)
    if (std::find(places.begin(), places.end(), DelregionOf(ad.doc)) == places.end()) places.push_back(DelregionOf(ad.doc));
  std::vector<long long> total(cols.size(), 0);
  auto counts_of = [&](const std::string& place) {
    std::vector<long long> n(cols.size(), 0);
    for (size_t i = 0; i < b.a.docs.size(); ++i) {
      const AuditDocument& ad = b.a.docs[i];
      if (DelregionOf(ad.doc) != place) continue;
      n[1] += 1, n[2] += ad.errors, n[3] += ad.warnings, n[4] += ad.infos;
    }
    for (const AuditCell& c : b.a.cells)
      if (DelregionOf(b.a.docs[c.doc].doc) == place) n[5 + static_cast<size_t>(c.status)] += 1;
    return n;
  };
  std::vector<std::string> without;
  for (const std::string& place : places) {
    std::vector<long long> n = counts_of(place);
    bool agreement = std::any_of(b.a.docs.begin(), b.a.docs.end(), [&](const AuditDocument& ad) {
      return DelregionOf(ad.doc) == place && ad.doc.kind == DocumentKind::kLokalOverenskommelse;
    });
    if (!agreement && place != "–") without.push_back(place);
    s.Text(0, place);
    for (size_t c = 1; c < cols.size(); ++c) {
      s.Number(c, static_cast<double>(n[c]), c >= 5 && n[c] ? b.f.status.at(kStatuses[c - 5]) : nullptr);
      total[c] += n[c];
    }
    s.NextRow();
  }
  s.Text(0, b.w("xlsx.total"), b.f.bold);
  for (size_t c = 1; c < cols.size(); ++c) s.Number(c, static_cast<double>(total[c]), b.f.bold);
  s.NextRow();
  s.NextRow();
  s.Text(0, b.w("xlsx.no-agreement"), b.f.bold);
  s.NextRow();
  if (without.empty()) s.Text(0, b.w("xlsx.none"));
  for (const std::string& place : without) {
    s.Text(0, place);
    s.NextRow();
  }
  s.Finish(b.footer, false);
}

// One matrix: a row per document, a column per framework item, each cell
// its status, coloured as written.
void WriteMatrix(Book& b, const std::string& dimension, const std::vector<std::pair<std::string, std::string>>& items) {
  std::vector<Column> cols = {b.Col("delregion", 12), b.Col("file", 44)};
  for (const auto& [id, name] : items) cols.push_back({name, 26, false});
  Sheet s(b.wb, b.f, b.w("sheet." + dimension), cols, 2);
  std::map<size_t, std::vector<const AuditCell*>> by_doc;
  for (const AuditCell& c : b.a.cells)
    if (c.dimension == dimension) by_doc[c.doc].push_back(&c);
  std::vector<size_t> order;
  for (const auto& [doc, cells] : by_doc) order.push_back(doc);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t p, size_t q) { return DelregionOf(b.a.docs[p].doc) < DelregionOf(b.a.docs[q].doc); });
  for (size_t doc : order) {
    s.Text(0, DelregionOf(b.a.docs[doc].doc));
    s.Link(1, b.a.docs[doc].link, b.a.docs[doc].shown);
    for (const AuditCell* c : by_doc[doc])
      for (size_t k = 0; k < items.size(); ++k)
        if (items[k].first == c->item) s.Text(2 + k, b.w.Status(*c), b.f.status.at(c->status));
    s.NextRow();
  }
  s.Finish(b.footer);
}

void WriteFindings(Book& b) {
  Sheet s(b.wb, b.f, b.w("sheet.findings"),
          {b.Col("id", 20), b.Col("rule", 30), b.Col("severity", 10), b.Col("delregion", 12), b.Col("file", 40), b.Col("line", 6),
           b.Col("page", 6), b.Col("message", 50, true), b.Col("local", 60, true), b.Col("framework", 50, true),
           b.Col("assessment", 14), b.Col("comment", 40, true)},
          1);
  for (const AuditFinding& af : b.a.findings) {
    const Finding& f = af.finding;
    const AuditDocument& ad = b.a.docs[af.doc];
    s.Text(0, af.unique_id);
    s.Text(1, f.rule);
    s.Text(2, b.w.Severity(f.severity), b.f.severity.at(f.severity));
    s.Text(3, DelregionOf(ad.doc));
    s.Link(4, ad.link, ad.shown);
    s.Number(5, f.span.line);
    if (f.page > 0) s.Number(6, f.page);
    s.Text(7, f.message);
    s.Text(8, f.evidence);
    s.Text(9, f.framework_quote);
    s.NextRow();
  }
  // The auditor's assessment of each finding, from a list.
  std::vector<std::string> choices = {b.w("xlsx.assess.fix"), b.w("xlsx.assess.accept"), b.w("xlsx.assess.irrelevant")};
  std::vector<char*> list;
  for (std::string& c : choices) list.push_back(c.data());
  list.push_back(nullptr);
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = list.data();
  size_t last = std::max<size_t>(s.row(), 2) - 1;
  worksheet_data_validation_range(s.ws(), 1, 10, static_cast<lxw_row_t>(last), 10, &dv);
  s.Finish(b.footer);
}

void WriteActivities(Book& b) {
  Sheet s(b.wb, b.f, b.w("sheet.activities"),
          {b.Col("delregion", 12), b.Col("file", 40), b.Col("line", 6), b.Col("page", 6), b.Col("area", 30, true),
           b.Col("framework-area", 24), b.Col("actor", 30, true), b.Col("activity", 60, true), b.Col("due", 12),
           b.Col("due-words", 20, true), b.Col("passed", 10), b.Col("status", 20)},
          1);
  const CivilDate as_of = CheckOptionsFrom(b.env).as_of;
  for (const AuditDocument& ad : b.a.docs) {
    // Each area name's framework area (the last area so named that has one), looked up once a document.
    std::unordered_map<std::string_view, const std::string*> framework_area;
    for (const Area& a : ad.doc.areas)
      if (a.framework_id) framework_area[a.name] = &*a.framework_id;
    for (const Responsibility& r : ad.doc.responsibilities) {
      s.Text(0, DelregionOf(ad.doc));
      s.Link(1, ad.link, ad.shown);
      s.Number(2, r.span.line);
      if (int page = ad.Page(r.span.line)) s.Number(3, page);
      s.Text(4, r.area);
      if (auto it = framework_area.find(r.area); it != framework_area.end()) s.Text(5, AreaName(b.ref, *it->second));
      s.Text(6, r.actor.value_or(b.w("xlsx.nobody")));
      s.Text(7, r.action);
      s.Date(8, r.due);
      if (!r.due || r.due_text.find_first_of("0123456789") == std::string::npos) s.Text(9, r.due_text);  // "Löpande"
      static constexpr const char* kPassed[] = {"", "xlsx.no", "xlsx.yes", "xlsx.done"};
      if (Passed p = PassedAsOf(r, as_of); p != Passed::kNoDeadline) s.Text(10, b.w(kPassed[static_cast<size_t>(p)]));
      s.Text(11, r.status);
      s.NextRow();
    }
  }
  s.Finish(b.footer);
}

// Every matrix cell traced to its file and line, quoting the text there; an
// absence says so in words, at the heading it belongs under.
void WriteSources(Book& b) {
  Sheet s(b.wb, b.f, b.w("sheet.sources"),
          {b.Col("dimension", 18), b.Col("delregion", 12), b.Col("file", 40), b.Col("item", 28), b.Col("status", 22),
           b.Col("line", 6), b.Col("page", 6), b.Col("quote", 80, true)},
          1);
  for (const AuditCell& c : b.a.cells) {
    const AuditDocument& ad = b.a.docs[c.doc];
    s.Text(0, b.w("sheet." + c.dimension));
    s.Text(1, DelregionOf(ad.doc));
    s.Link(2, ad.link, ad.shown);
    s.Text(3, c.dimension == "areas" && c.status != CellStatus::kAdded ? AreaName(b.ref, c.item) : c.item);
    s.Text(4, b.w.Status(c), b.f.status.at(c.status));
    if (c.line) s.Number(5, c.line);
    if (int page = ad.Page(c.line)) s.Number(6, page);
    s.Text(7, !c.quote.empty() ? c.quote : c.line ? b.w("xlsx.absent") : b.w("xlsx.absent-no-heading"));
    s.NextRow();
  }
  s.Finish(b.footer);
}

void WriteLegend(Book& b, const std::vector<std::unique_ptr<Rule>>& rules) {
  Sheet s(b.wb, b.f, b.w("sheet.legend"), {b.Col("term", 32), b.Col("meaning", 100, true), b.Col("severity", 10), b.Col("scope", 20)});
  auto heading = [&](const char* id) {
    s.NextRow();
    s.Text(0, b.w(id), b.f.title);
    s.NextRow();
  };
  heading("xlsx.legend.target-groups");
  for (const auto& tg : b.ref.framework.target_groups) {
    s.Text(0, tg.id);
    s.Text(1, tg.text);
    s.NextRow();
  }
  heading("xlsx.legend.statuses");
  for (CellStatus st : {CellStatus::kPresent, CellStatus::kDeviates, CellStatus::kMissing, CellStatus::kMissingOptional,
                        CellStatus::kUnread, CellStatus::kAdded}) {
    static constexpr const char* kMeans[] = {"status.present.means", "status.deviates.means", "status.missing.means",
                                             "status.missing-optional.means", "status.unread.means", "status.added.means"};
    s.Text(0, b.w.Status(AuditCell{"", 0, "", st, "", "", 0}), b.f.status.at(st));
    s.Text(1, b.w(kMeans[static_cast<size_t>(st)]));
    s.NextRow();
  }
  heading("xlsx.legend.severities");
  for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    s.Text(0, b.w.Severity(sev), b.f.severity.at(sev));
    s.Text(1, b.w("severity." + std::string(ToString(sev)) + ".means"));
    s.NextRow();
  }
  heading("xlsx.legend.rules");
  for (const auto& r : rules) {
    s.Text(0, std::string(r->id()));
    s.Text(1, b.w("rule." + std::string(r->id())));
    s.Text(2, b.w.Severity(r->severity()), b.f.severity.at(r->severity()));
    s.Text(3, b.w("scope." + std::string(ToString(r->scope()))));
    s.NextRow();
  }
  s.Finish(b.footer, false);
}

// How the audit was made: the date it judges by, the tool, the framework,
// the command, and every input with its checksum, or why it was not read.
void WriteAbout(Book& b) {
  Sheet s(b.wb, b.f, b.w("sheet.about"),
          {b.Col("file", 50), b.Col("sha256", 66), b.Col("kind", 22), b.Col("county", 16), b.Col("delregion", 12),
           b.Col("read", 8), b.Col("reason", 60, true)},
          1);
  for (const AuditDocument& ad : b.a.docs) {
    s.Link(0, ad.link, ad.shown);
    s.Text(1, ad.sha256);
    s.Text(2, b.w.Kind(ad.doc.kind));
    s.Text(3, ad.doc.region.value_or("–"));
    s.Text(4, DelregionOf(ad.doc));
    s.Text(5, b.w("xlsx.yes"));
    s.Text(6, ad.scope.note);
    s.NextRow();
  }
  for (const FailedInput& f : b.a.failed) {
    s.Text(0, f.file);
    s.Text(5, b.w("xlsx.no"), b.f.status.at(CellStatus::kMissing));
    s.Text(6, f.reason);
    s.NextRow();
  }
  s.EndTable();
  // The run itself, below the inputs' table.
  std::string command;
  for (const std::string& arg : b.env.options.command_line) command += (command.empty() ? "" : " ") + arg;
  const Framework& fw = b.ref.framework;
  std::vector<std::pair<std::string, std::string>> facts = {
      {b.w("xlsx.as-of"), CheckOptionsFrom(b.env).as_of.ToString()},
      {b.w("xlsx.tool"), kVersion},
      {b.w("xlsx.framework"), fw.name + " (" + fw.id + ", " + fw.county + ", " + fw.date.ToString() + ")"},
      {b.w("xlsx.command"), "overens " + command},
      {b.w("xlsx.read-count"), std::to_string(b.a.docs.size()) + " / " + std::to_string(b.a.docs.size() + b.a.failed.size())}};
  s.NextRow();
  for (const auto& [key, value] : facts) {
    s.Text(0, key, b.f.bold);
    s.Text(1, value);
    s.NextRow();
  }
  s.Finish(b.footer);  // the table covers the inputs; the facts stand below it
}

std::string UserName() {
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) {
    std::string gecos = pw->pw_gecos ? pw->pw_gecos : "";
    gecos = gecos.substr(0, gecos.find(','));
    return gecos.empty() ? pw->pw_name : gecos;
  }
  return "";
}

void SetProperties(Book& b) {
  std::string title = b.w("xlsx.title");
  std::string subject = b.w("xlsx.subject", {b.ref.framework.name});
  std::string author = b.env.options.author.empty() ? UserName() : b.env.options.author;
  std::string keywords = b.w("xlsx.keywords");
  std::string comments = std::string(kVersion) + ", " + b.w("xlsx.as-of") + " " + CheckOptionsFrom(b.env).as_of.ToString();
  lxw_doc_properties p{};
  p.title = title.data();
  p.subject = subject.data();
  p.author = author.data();
  p.keywords = keywords.data();
  p.comments = comments.data();
  p.created = std::time(nullptr);
  workbook_set_properties(b.wb, &p);
  workbook_set_custom_property_string(b.wb, "Application", kVersion);
}

}  // namespace

Status WriteAuditWorkbook(const CommandEnv& env, const AuditData& a, const std::string& path) {
  auto rules = SelectedRules(env);
  if (!rules.ok()) return rules.status();
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  // A large audit is written row by row, so that its memory stays bounded
  // (libxlsxwriter otherwise holds every cell until the end: about 45 kB a
  // document); a smaller one gets Excel tables, which that mode cannot write.
  constexpr size_t kMostHeldDocuments = 2000;
  bool streamed = a.docs.size() > kMostHeldDocuments;
  lxw_workbook_options options{};
  options.constant_memory = streamed ? LXW_TRUE : LXW_FALSE;
  std::string tmpdir = std::filesystem::path(file.value().temp_path()).parent_path().string();  // beside -o: room for what it writes
  if (tmpdir.empty()) tmpdir = ".";
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(file.value().temp_path().c_str(), &options);  // by name: the temporary file
  if (!wb) return Status::IoError(path + ": cannot create workbook");
  Formats formats = MakeFormats(wb);
  formats.streamed = streamed;
  Book b{env, a, env.pipeline.reference(), wb, formats, WorkbookWords(env), ""};
  b.footer = "&L&A&C" + b.w("xlsx.footer") + "&R" + b.w("xlsx.as-of") + " " + CheckOptionsFrom(env).as_of.ToString();
  SetProperties(b);
  const Framework& fw = b.ref.framework;
  std::vector<std::pair<std::string, std::string>> groups, areas, sections;
  for (const auto& tg : fw.target_groups) groups.emplace_back(tg.id, tg.id);
  for (const auto& ar : fw.areas) areas.emplace_back(ar.id, ar.name);
  for (const auto& sec : fw.sections) sections.emplace_back(sec.id, sec.name);
  WriteOverview(b);
  WriteSummary(b);
  WriteMatrix(b, "target-groups", groups);
  WriteMatrix(b, "areas", areas);
  WriteMatrix(b, "sections", sections);
  WriteFindings(b);
  WriteActivities(b);
  WriteSources(b);
  WriteLegend(b, rules.value());
  WriteAbout(b);
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) return Status::IoError(path + ": writing the workbook failed: " + lxw_strerror(e));
  return file.value().Commit();
}

}  // namespace overens
