// overens audit: one workbook across delregions for auditors, or the same
// data as CSV/JSON for scripts. The audit data is computed once and rendered.
#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "extractor/text_util.h"
#include "model/json_io.h"
#include "rules/registry.h"
#include "tools/overens/commands.h"

namespace overens {
namespace {

constexpr size_t kMaxCell = 32000;  // Excel's limit is 32,767 characters

struct Cell {  // one matrix cell with its evidence
  std::string dimension;  // Målgrupper | Utvecklingsområden | Avsnitt
  std::string delregion, file, item, status, quote;
  int line = 0;
};

struct DocRow {
  const Document* doc;
  int errors = 0, warnings = 0, infos = 0;
};

struct AuditData {
  std::vector<DocRow> docs;
  std::vector<std::string> tg_ids, area_ids, section_ids;
  std::vector<std::string> section_names;  // column headings of the Avsnitt sheet, as the sections are called
  std::vector<Cell> cells;
  std::vector<Finding> findings;
};

std::string Delregion(const Document& d) { return d.delregion.value_or("(okänd)"); }

AuditData Build(const std::vector<LoadedDocument>& loaded, const Pipeline& pipeline,
                const std::vector<std::unique_ptr<Rule>>& rules, const CheckOptions& options) {
  const ReferenceData& ref = pipeline.reference();
  AuditData a;
  for (const auto& tg : ref.framework.target_groups) a.tg_ids.push_back(tg.id);
  for (const auto& ar : ref.framework.areas) a.area_ids.push_back(ar.id);
  for (const auto& s : ref.framework.sections) a.section_ids.push_back(s.id), a.section_names.push_back(s.name);
  for (const LoadedDocument& l : loaded) {
    const Document& d = l.doc;
    DocRow row{&d};
    for (Finding& f : RunRules(rules, d, ref, options)) {
      (f.severity == Severity::kError ? row.errors : f.severity == Severity::kWarning ? row.warnings : row.infos)++;
      a.findings.push_back(std::move(f));
    }
    a.docs.push_back(row);
    bool agreement = d.kind != DocumentKind::kRevision;
    if (!agreement) continue;
    // A Målgrupper section whose groups were not read says nothing of which are missing.
    auto tg_section = std::find_if(d.sections.begin(), d.sections.end(), [](const Section& s) { return s.id == "malgrupper"; });
    bool unread = d.target_groups.empty() && tg_section != d.sections.end();
    for (const auto& tg : ref.framework.target_groups) {
      Cell c{"Målgrupper", Delregion(d), d.file, tg.id, "saknas", "", 0};
      if (unread) c = {"Målgrupper", Delregion(d), d.file, tg.id, "ej tolkad", tg_section->heading, tg_section->span.line};
      for (const TargetGroup& g : d.target_groups) {
        if (g.framework_id != tg.id) continue;
        c.status = g.deviation == Deviation::kNone ? "finns" : "avviker (" + std::string(ToString(g.deviation)) + ")";
        c.quote = g.text;
        c.line = g.span.line;
      }
      if (!d.target_groups.empty() || d.kind == DocumentKind::kLokalOverenskommelse) a.cells.push_back(c);
    }
    for (const auto& fa : ref.framework.areas) {
      Cell c{"Utvecklingsområden", Delregion(d), d.file, fa.id, "saknas", "", 0};
      for (const Area& ar : d.areas) {
        if (ar.framework_id != fa.id || c.line) continue;
        c.status = ar.follow_up == FollowUp::kEmpty || ar.follow_up == FollowUp::kAbsent ? "avviker (ingen uppföljning)" : "finns";
        c.quote = ar.name;
        c.line = ar.span.line;
      }
      if (!d.areas.empty()) a.cells.push_back(c);
    }
    for (const Area& ar : d.areas)
      if (!ar.framework_id)
        a.cells.push_back({"Utvecklingsområden", Delregion(d), d.file, "(tillagt) " + ar.name, "tillagt", ar.name, ar.span.line});
    for (const auto& s : ref.framework.sections) {
      Cell c{"Avsnitt", Delregion(d), d.file, s.id, "saknas", "", 0};
      for (const Section& sec : d.sections)
        if (sec.id == s.id && !c.line) c.status = "finns", c.quote = sec.heading, c.line = sec.span.line;
      if (d.kind == DocumentKind::kLokalOverenskommelse) a.cells.push_back(c);
    }
  }
  return a;
}

// ---- xlsx ----

class Xlsx {
 public:
  explicit Xlsx(const std::string& path) : wb_(workbook_new(path.c_str())) {
    if (!wb_) return;
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xD9E1F2);
    format_set_text_wrap(header_);
    date_ = workbook_add_format(wb_);
    format_set_num_format(date_, "yyyy-mm-dd");
    wrap_ = workbook_add_format(wb_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    good_ = Fill(0xC6EFCE);
    warn_ = Fill(0xFFEB9C);
    bad_ = Fill(0xFFC7CE);
  }
  bool ok() const { return wb_ != nullptr; }
  lxw_workbook* wb() { return wb_; }

  lxw_worksheet* Sheet(const char* name, const std::vector<std::pair<std::string, double>>& columns) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
    for (size_t c = 0; c < columns.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), columns[c].first.c_str(), header_);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), columns[c].second, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
  }
  void Finish(lxw_worksheet* ws, size_t rows, size_t cols) {
    if (cols > 0) worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(std::max<size_t>(rows, 1)), static_cast<lxw_col_t>(cols - 1));
  }
  void Text(lxw_worksheet* ws, size_t r, size_t c, const std::string& s, bool wrap = false) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), Ellipsize(s, kMaxCell).c_str(),
                           wrap ? wrap_ : nullptr);
  }
  void Number(lxw_worksheet* ws, size_t r, size_t c, double v) {
    worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v, nullptr);
  }
  void Date(lxw_worksheet* ws, size_t r, size_t c, const std::optional<CivilDate>& d) {
    if (!d) return;
    // Excel serial day: 1899-12-30 is day 0, 1970-01-01 is day 25569.
    worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                           static_cast<double>(d->DaysSinceEpoch() + 25569), date_);
  }
  // Colours status cells by their text (finns / avviker / saknas).
  void StatusColours(lxw_worksheet* ws, size_t first_col, size_t last_col, size_t rows) {
    if (rows == 0) return;
    const std::pair<const char*, lxw_format*> rules[] = {{"finns", good_}, {"avviker", warn_}, {"tillagt", warn_}, {"saknas", bad_}};
    for (auto [text, format] : rules) {
      lxw_conditional_format cf{};
      cf.type = LXW_CONDITIONAL_TYPE_TEXT;
      cf.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH;
      cf.value_string = const_cast<char*>(text);
      cf.format = format;
      worksheet_conditional_format_range(ws, 1, static_cast<lxw_col_t>(first_col), static_cast<lxw_row_t>(rows),
                                         static_cast<lxw_col_t>(last_col), &cf);
    }
  }
  lxw_error Close() {
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    return e;
  }
  ~Xlsx() {
    if (wb_) workbook_close(wb_);
  }

 private:
  lxw_format* Fill(uint32_t color) {
    lxw_format* f = workbook_add_format(wb_);
    format_set_bg_color(f, color);
    return f;
  }
  lxw_workbook* wb_;
  lxw_format *header_ = nullptr, *date_ = nullptr, *wrap_ = nullptr, *good_ = nullptr, *warn_ = nullptr, *bad_ = nullptr;
};

void WriteOverview(Xlsx& x, const AuditData& a, const CheckOptions& options) {
  lxw_worksheet* ws = x.Sheet("Översikt", {{"Fil", 40}, {"Typ", 22}, {"Delregion", 12}, {"Datum", 12}, {"Ålder (år)", 10},
                                            {"Ramöverenskommelse", 18}, {"Planperiod slut", 14}, {"Giltig t.o.m.", 14},
                                            {"Fel", 6}, {"Varningar", 10}, {"Info", 6}});
  size_t r = 1;
  for (const DocRow& row : a.docs) {
    const Document& d = *row.doc;
    x.Text(ws, r, 0, d.file);
    x.Text(ws, r, 1, std::string(ToString(d.kind)));
    x.Text(ws, r, 2, Delregion(d));
    x.Date(ws, r, 3, d.date);
    if (d.date) x.Number(ws, r, 4, d.date->YearsUntil(options.as_of));
    x.Date(ws, r, 5, d.framework_date);
    if (d.plan_period) x.Date(ws, r, 6, d.plan_period->end);
    if (d.validity && d.validity->until) x.Date(ws, r, 7, d.validity->LastValidDay());
    else if (d.validity && d.validity->until_further_notice) x.Text(ws, r, 7, "tills vidare");
    x.Number(ws, r, 8, row.errors);
    x.Number(ws, r, 9, row.warnings);
    x.Number(ws, r, 10, row.infos);
    ++r;
  }
  x.Finish(ws, r - 1, 11);
}

// `headings` name the columns of `ids`, when the ids are not names themselves.
void WriteMatrix(Xlsx& x, const AuditData& a, const char* sheet, const std::string& dimension, const std::vector<std::string>& ids,
                 const std::vector<std::string>& headings = {}) {
  std::vector<std::pair<std::string, double>> cols = {{"Delregion", 12}, {"Fil", 36}};
  for (size_t k = 0; k < ids.size(); ++k) cols.emplace_back(k < headings.size() ? headings[k] : ids[k], 16);
  lxw_worksheet* ws = x.Sheet(sheet, cols);
  std::map<std::string, size_t> row_of;  // file -> row
  std::vector<const DocRow*> rows;
  for (const DocRow& d : a.docs) rows.push_back(&d);
  std::stable_sort(rows.begin(), rows.end(), [](const DocRow* p, const DocRow* q) { return Delregion(*p->doc) < Delregion(*q->doc); });
  size_t r = 1;
  for (const DocRow* d : rows) {
    bool any = std::any_of(a.cells.begin(), a.cells.end(), [&](const Cell& c) { return c.dimension == dimension && c.file == d->doc->file; });
    if (!any) continue;
    row_of[d->doc->file] = r;
    x.Text(ws, r, 0, Delregion(*d->doc));
    x.Text(ws, r, 1, d->doc->file);
    ++r;
  }
  for (const Cell& c : a.cells) {
    if (c.dimension != dimension) continue;
    auto it = std::find(ids.begin(), ids.end(), c.item);
    if (it == ids.end()) continue;
    x.Text(ws, row_of[c.file], 2 + static_cast<size_t>(it - ids.begin()), c.status);
  }
  x.StatusColours(ws, 2, 1 + ids.size(), r - 1);
  x.Finish(ws, r - 1, cols.size());
}

void WriteFindings(Xlsx& x, const AuditData& a) {
  lxw_worksheet* ws = x.Sheet("Avvikelser", {{"Id", 18}, {"Regel", 28}, {"Allvar", 9}, {"Fil", 36}, {"Rad", 6},
                                             {"Meddelande", 50}, {"Lokal lydelse", 60}, {"Ramöverenskommelsen", 60}});
  size_t r = 1;
  for (const Finding& f : a.findings) {
    x.Text(ws, r, 0, f.id);
    x.Text(ws, r, 1, f.rule);
    x.Text(ws, r, 2, std::string(ToString(f.severity)));
    x.Text(ws, r, 3, f.file);
    x.Number(ws, r, 4, f.span.line);
    x.Text(ws, r, 5, f.message, true);
    x.Text(ws, r, 6, f.evidence, true);
    x.Text(ws, r, 7, f.framework_quote, true);
    ++r;
  }
  x.Finish(ws, r - 1, 8);
}

// Whether an activity's deadline passed as of the audit's date: "nej", "ja",
// or "ja (klar)" when the plan calls it done (met, not open). "" without one.
std::string Passed(const Responsibility& r, const CheckOptions& options) {
  if (!r.due) return "";
  return *r.due >= options.as_of ? "nej" : r.done ? "ja (klar)" : "ja";
}

void WriteActivities(Xlsx& x, const AuditData& a, const CheckOptions& options) {
  lxw_worksheet* ws = x.Sheet("Aktiviteter", {{"Delregion", 12}, {"Fil", 36}, {"Rad", 6}, {"Område", 30}, {"Ansvarig", 30},
                                              {"Aktivitet", 60}, {"Senast", 12}, {"Passerad", 9}, {"Status", 20}});
  size_t r = 1;
  for (const DocRow& row : a.docs) {
    for (const Responsibility& resp : row.doc->responsibilities) {
      x.Text(ws, r, 0, Delregion(*row.doc));
      x.Text(ws, r, 1, row.doc->file);
      x.Number(ws, r, 2, resp.span.line);
      x.Text(ws, r, 3, resp.area);
      x.Text(ws, r, 4, resp.actor.value_or("(ingen angiven)"));
      x.Text(ws, r, 5, resp.action, true);
      if (resp.due) x.Date(ws, r, 6, resp.due);
      else x.Text(ws, r, 6, resp.due_text);  // "Löpande"
      if (resp.due) x.Text(ws, r, 7, Passed(resp, options));
      x.Text(ws, r, 8, resp.status);
      ++r;
    }
  }
  x.Finish(ws, r - 1, 9);
}

void WriteSources(Xlsx& x, const AuditData& a) {
  lxw_worksheet* ws = x.Sheet("Källor", {{"Flik", 18}, {"Delregion", 12}, {"Fil", 36}, {"Punkt", 28}, {"Status", 22},
                                         {"Rad", 6}, {"Citat", 80}});
  size_t r = 1;
  for (const Cell& c : a.cells) {
    x.Text(ws, r, 0, c.dimension);
    x.Text(ws, r, 1, c.delregion);
    x.Text(ws, r, 2, c.file);
    x.Text(ws, r, 3, c.item);
    x.Text(ws, r, 4, c.status);
    if (c.line) x.Number(ws, r, 5, c.line);
    x.Text(ws, r, 6, c.quote.empty() ? "(finns inte i texten)" : c.quote, true);
    ++r;
  }
  x.Finish(ws, r - 1, 7);
}

Status WriteXlsx(const std::string& path, const AuditData& a, const CheckOptions& options) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  Xlsx x(file.value().temp_path());  // libxlsxwriter writes the temporary file by name
  if (!x.ok()) return Status::IoError(path + ": cannot create workbook");
  WriteOverview(x, a, options);
  WriteMatrix(x, a, "Målgrupper", "Målgrupper", a.tg_ids);
  WriteMatrix(x, a, "Utvecklingsområden", "Utvecklingsområden", a.area_ids);
  WriteMatrix(x, a, "Avsnitt", "Avsnitt", a.section_ids, a.section_names);
  WriteFindings(x, a);
  WriteActivities(x, a, options);
  WriteSources(x, a);
  lxw_error e = x.Close();
  if (e != LXW_NO_ERROR) return Status::IoError(path + ": writing the workbook failed: " + lxw_strerror(e));
  return file.value().Commit();
}

// ---- csv / json ----

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Csv(const AuditData& a) {
  std::ostringstream os;
  os << "dimension,delregion,file,item,status,line,quote\n";
  for (const Cell& c : a.cells)
    os << CsvField(c.dimension) << "," << CsvField(c.delregion) << "," << CsvField(c.file) << "," << CsvField(c.item) << ","
       << CsvField(c.status) << "," << c.line << "," << CsvField(c.quote) << "\n";
  return os.str();
}

std::string Json(const AuditData& a, const CheckOptions& options) {
  using J = nlohmann::ordered_json;
  J out;
  out["as_of"] = options.as_of.ToString();
  out["documents"] = J::array();
  for (const DocRow& r : a.docs)
    out["documents"].push_back({{"file", r.doc->file}, {"kind", ToString(r.doc->kind)},
                                {"delregion", r.doc->delregion ? J(*r.doc->delregion) : J(nullptr)},
                                {"date", r.doc->date ? J(r.doc->date->ToString()) : J(nullptr)},
                                {"valid_until", r.doc->validity && r.doc->validity->until ? J(r.doc->validity->LastValidDay()->ToString())
                                                : r.doc->validity && r.doc->validity->until_further_notice ? J("tills vidare") : J(nullptr)},
                                {"errors", r.errors}, {"warnings", r.warnings}, {"info", r.infos}});
  out["matrix"] = J::array();
  for (const Cell& c : a.cells)
    out["matrix"].push_back({{"dimension", c.dimension}, {"delregion", c.delregion}, {"file", c.file}, {"item", c.item},
                             {"status", c.status}, {"line", c.line}, {"quote", c.quote}});
  out["activities"] = J::array();
  for (const DocRow& r : a.docs)
    for (const Responsibility& resp : r.doc->responsibilities)
      out["activities"].push_back({{"delregion", Delregion(*r.doc)}, {"file", r.doc->file}, {"line", resp.span.line},
                                   {"area", resp.area}, {"actor", resp.actor ? J(*resp.actor) : J(nullptr)},
                                   {"action", resp.action}, {"due", resp.due ? J(resp.due->ToString()) : J(nullptr)},
                                   {"due_text", resp.due_text},
                                   {"passed", Passed(resp, options)}, {"status", resp.status}});
  out["findings"] = J::array();
  for (const Finding& f : a.findings)
    out["findings"].push_back({{"id", f.id}, {"rule", f.rule}, {"severity", ToString(f.severity)}, {"file", f.file},
                               {"line", f.span.line}, {"message", f.message}, {"evidence", f.evidence}});
  return JsonText(out) + "\n";
}

}  // namespace

int RunAudit(const CommandEnv& env) {
  std::string fmt = env.options.format;
  if (fmt.empty()) fmt = env.options.output.size() > 5 && env.options.output.ends_with(".xlsx") ? "xlsx" : "json";
  if (fmt != "xlsx" && fmt != "csv" && fmt != "json") {
    env.err << "overens: audit: --format must be xlsx, csv or json\n";
    return kExitUsage;
  }
  if (fmt == "xlsx" && (env.options.output.empty() || env.options.output == "-")) {
    env.err << "overens: audit: an xlsx workbook needs -o FILE.xlsx\n";
    return kExitUsage;
  }
  auto rules = SelectedRules(env);
  if (!rules.ok()) return ExitCodeFor(rules.status());
  int worst = kExitOk;
  std::vector<LoadedDocument> loaded = LoadInputs(env, worst);
  if (loaded.empty()) return worst == kExitOk ? kExitNoInput : worst;
  CheckOptions options = CheckOptionsFrom(env);
  AuditData data = Build(loaded, env.pipeline, rules.value(), options);
  Status s;
  if (fmt == "xlsx") {
    s = WriteXlsx(env.options.output, data, options);
  } else {
    std::string content = fmt == "csv" ? Csv(data) : Json(data, options);
    if (env.options.output.empty() || env.options.output == "-") env.out << content;
    else s = WriteFileAtomically(env.options.output, content);
  }
  if (!s.ok()) {
    ReportError(env, s);
    return ExitCodeFor(s);
  }
  if (!env.options.quiet && !env.options.output.empty() && env.options.output != "-")
    env.err << "overens: audit of " << loaded.size() << " document" << (loaded.size() == 1 ? "" : "s") << " ("
            << data.findings.size() << " finding" << (data.findings.size() == 1 ? "" : "s") << ") written to "
            << env.options.output << "\n";
  return worst;
}

}  // namespace overens
