// overens audit: one workbook across delregions for auditors, or the same
// data as CSV/JSON for scripts. The audit data is computed once and rendered.
#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "tools/overens/audit_data.h"
#include "tools/overens/sha256.h"

namespace overens {
namespace {

namespace fs = std::filesystem;

// The line of the heading of section `id`, or 0: where an absence is placed.
int SectionLine(const Document& d, std::string_view id) {
  for (const Section& s : d.sections)
    if (s.id == id) return s.span.line;
  return 0;
}

void AddTargetGroupCells(const ReferenceData& ref, size_t index, const Document& d, std::vector<AuditCell>& cells) {
  // A Målgrupper section whose groups were not read says nothing of which are missing.
  int heading = SectionLine(d, "malgrupper");
  bool unread = d.target_groups.empty() && heading > 0;
  if (d.target_groups.empty() && d.kind != DocumentKind::kLokalOverenskommelse) return;
  for (const auto& tg : ref.framework.target_groups) {
    AuditCell c{"target-groups", index, tg.id, unread ? CellStatus::kUnread : CellStatus::kMissing, "", "", heading};
    for (const TargetGroup& g : d.target_groups) {
      if (g.framework_id != tg.id) continue;
      c.status = g.deviation == Deviation::kNone ? CellStatus::kPresent : CellStatus::kDeviates;
      c.detail = g.deviation == Deviation::kNone ? "" : std::string(ToString(g.deviation));
      c.quote = g.text;
      c.line = g.span.line;
    }
    cells.push_back(std::move(c));
  }
}

void AddAreaCells(const ReferenceData& ref, size_t index, const Document& d, std::vector<AuditCell>& cells) {
  if (d.areas.empty()) return;
  int heading = SectionLine(d, "utvecklingsomraden");
  if (heading == 0) heading = d.areas.front().span.line;
  for (const auto& fa : ref.framework.areas) {
    AuditCell c{"areas", index, fa.id, CellStatus::kMissing, "", "", heading};
    for (const Area& ar : d.areas) {
      if (ar.framework_id != fa.id || !c.quote.empty()) continue;
      bool followed = ar.follow_up != FollowUp::kEmpty && ar.follow_up != FollowUp::kAbsent;
      c.status = followed ? CellStatus::kPresent : CellStatus::kDeviates;
      c.detail = followed ? "" : "no-follow-up";
      c.quote = ar.name;
      c.line = ar.span.line;
    }
    cells.push_back(std::move(c));
  }
  for (const Area& ar : d.areas)
    if (!ar.framework_id) cells.push_back({"areas", index, ar.name, CellStatus::kAdded, "", ar.name, ar.span.line});
}

void AddSectionCells(const ReferenceData& ref, size_t index, const Document& d, std::vector<AuditCell>& cells) {
  if (d.kind != DocumentKind::kLokalOverenskommelse) return;
  for (const auto& s : ref.framework.sections) {
    AuditCell c{"sections", index, s.id, s.required ? CellStatus::kMissing : CellStatus::kMissingOptional, "", "", 0};
    for (const Section& sec : d.sections)
      if (sec.id == s.id && c.quote.empty()) c.status = CellStatus::kPresent, c.quote = sec.heading, c.line = sec.span.line;
    cells.push_back(std::move(c));
  }
}

// The deepest folder holding every file: names are shown relative to it.
fs::path CommonFolder(const std::vector<AuditDocument>& docs) {
  std::optional<fs::path> common;
  for (const AuditDocument& d : docs) {
    if (d.doc.file == kStdinName) continue;
    fs::path dir = fs::absolute(d.doc.file).lexically_normal().parent_path();
    if (!common) {
      common = dir;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = dir.begin(); a != common->end() && b != dir.end() && *a == *b; ++a, ++b) shared /= *a;
    common = shared;
  }
  return common.value_or(fs::current_path());
}

// What the audit's sheets do not read of a document, dropped once its cells
// are made, so an audit of thousands holds rows and evidence, not texts.
void KeepWhatTheAuditReads(Document& d) {
  d.target_groups.clear();
  d.parties.clear();
  d.dates.clear();
  d.repeals.clear();
  d.dispute_steps.clear();
  d.frequencies.clear();
  d.legal_references.clear();
  d.signatories.clear();
  d.sections.clear();
  d.table_rows.clear();
  d.placeholders.clear();
  d.old_names.clear();
  d.warnings.clear();
  d.target_groups.shrink_to_fit();
  d.dates.shrink_to_fit();
}

std::string FileSha256(const std::string& path) {
  if (path == kStdinName) return "";
  auto bytes = ReadSmallFile(path);
  return bytes.ok() ? Sha256Hex(bytes.value()) : "";
}

}  // namespace

std::string DelregionOf(const Document& d) { return d.delregion.value_or("–"); }

Passed PassedAsOf(const Responsibility& r, CivilDate as_of) {
  if (!r.due) return Passed::kNoDeadline;
  return *r.due >= as_of ? Passed::kNo : r.done ? Passed::kYesDone : Passed::kYes;
}

std::string StatusWords(const ReferenceData& ref, Language language, const AuditCell& c) {
  static constexpr const char* kIds[] = {"status.present", "status.deviates", "status.missing",
                                         "status.missing-optional", "status.unread", "status.added"};
  std::string text = ref.Say(language, kIds[static_cast<size_t>(c.status)]);
  if (!c.detail.empty())
    text += " (" + ref.Say(language, c.detail == "no-follow-up" ? "status.no-follow-up" : "deviation." + c.detail) + ")";
  return text;
}

void AuditBuilder::Add(LoadedDocument&& l) {
  const ReferenceData& ref = env_.pipeline.reference();
  size_t index = a_.docs.size();
  AuditDocument ad;
  ad.page_of_line = PagesOfLines(l);
  std::vector<Finding> found = RunRules(rules_, l.doc, ref, CheckOptionsFrom(env_));
  PlaceOnPages(found, ad.page_of_line);
  for (Finding& f : found) {
    (f.severity == Severity::kError ? ad.errors : f.severity == Severity::kWarning ? ad.warnings : ad.infos)++;
    int n = ++seen_ids_[f.id];
    std::string unique = n == 1 ? f.id : f.id + "-" + std::to_string(n);
    a_.findings.push_back({std::move(f), index, std::move(unique)});
  }
  ad.scope = ScopeOf(l.doc, ref, env_.options.language);
  ad.sha256 = FileSha256(l.doc.file);
  ad.doc = std::move(l.doc);
  if (ad.doc.kind != DocumentKind::kRevision) {
    AddTargetGroupCells(ref, index, ad.doc, a_.cells);
    AddAreaCells(ref, index, ad.doc, a_.cells);
    AddSectionCells(ref, index, ad.doc, a_.cells);
  }
  KeepWhatTheAuditReads(ad.doc);
  a_.docs.push_back(std::move(ad));
}

AuditData AuditBuilder::Finish(std::vector<FailedInput> failed) {
  fs::path root = CommonFolder(a_.docs);
  bool to_file = !env_.options.output.empty() && env_.options.output != "-";
  fs::path workbook_dir = to_file ? fs::absolute(env_.options.output).lexically_normal().parent_path() : fs::current_path();
  for (AuditDocument& ad : a_.docs) {
    if (ad.doc.file == kStdinName) {
      ad.shown = ad.doc.file;
      continue;
    }
    fs::path absolute = fs::absolute(ad.doc.file).lexically_normal();
    ad.shown = absolute.lexically_relative(root).generic_string();
    ad.link = absolute.lexically_relative(workbook_dir).generic_string();
  }
  a_.failed = std::move(failed);
  for (FailedInput& f : a_.failed)
    if (!f.file.empty() && f.file != kStdinName) f.file = fs::absolute(f.file).lexically_normal().lexically_relative(root).generic_string();
  return std::move(a_);
}

namespace {

// ---- csv / json ----

std::string Say(const CommandEnv& env, std::string_view id, std::initializer_list<std::string_view> args = {}) {
  return env.pipeline.reference().Say(env.options.language, id, args);
}


class CsvWriter {
 public:
  explicit CsvWriter(char separator) : separator_(separator), quoted_(std::string("\"\n\r") + separator) {
    out_ << "\xEF\xBB\xBF";  // a BOM: Excel then reads UTF-8
  }
  CsvWriter& Field(const std::string& s) {
    if (!first_) out_ << separator_;
    first_ = false;
    if (s.find_first_of(quoted_) == std::string::npos) {
      out_ << s;
      return *this;
    }
    out_ << '"';
    for (char c : s) {
      if (c == '"') out_ << '"';  // a quote inside is doubled
      out_ << c;
    }
    out_ << '"';
    return *this;
  }
  CsvWriter& Field(long long n) { return Field(std::to_string(n)); }
  void EndRow() {
    out_ << "\r\n";
    first_ = true;
  }
  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
  char separator_;
  std::string quoted_;  // the characters that make a field need quotes
  bool first_ = true;
};

std::string Csv(const CommandEnv& env, const AuditData& a) {
  CsvWriter w(env.options.csv_separator);
  auto heading = [&](std::initializer_list<const char*> ids) {
    for (const char* id : ids) w.Field(Say(env, std::string("col.") + id));
    w.EndRow();
  };
  if (env.options.csv_table == "findings") {
    heading({"id", "rule", "severity", "delregion", "file", "line", "page", "message", "local", "framework"});
    for (const AuditFinding& af : a.findings) {
      const Finding& f = af.finding;
      w.Field(af.unique_id).Field(f.rule).Field(Say(env, "severity." + std::string(ToString(f.severity))))
          .Field(DelregionOf(a.docs[af.doc].doc)).Field(a.docs[af.doc].shown).Field(f.span.line)
          .Field(f.page > 0 ? std::to_string(f.page) : "").Field(f.message).Field(f.evidence).Field(f.framework_quote);
      w.EndRow();
    }
  } else if (env.options.csv_table == "activities") {
    heading({"delregion", "file", "line", "area", "actor", "activity", "due", "due-words", "status"});
    for (const AuditDocument& d : a.docs)
      for (const Responsibility& r : d.doc.responsibilities) {
        w.Field(DelregionOf(d.doc)).Field(d.shown).Field(r.span.line).Field(r.area).Field(r.actor.value_or(""))
            .Field(r.action).Field(r.due ? r.due->ToString() : "").Field(r.due_text).Field(r.status);
        w.EndRow();
      }
  } else {
    heading({"dimension", "delregion", "file", "item", "status", "line", "quote"});
    for (const AuditCell& c : a.cells) {
      w.Field(Say(env, "sheet." + c.dimension)).Field(DelregionOf(a.docs[c.doc].doc)).Field(a.docs[c.doc].shown).Field(c.item)
          .Field(StatusWords(env.pipeline.reference(), env.options.language, c)).Field(c.line).Field(c.quote);
      w.EndRow();
    }
  }
  return w.str();
}

// Writes the audit as JSON element by element, the same text JsonText
// makes of the whole, without holding the whole: an audit of thousands of
// documents runs to tens of megabytes.
void WriteJson(const CommandEnv& env, const AuditData& a, Output& out) {
  using J = nlohmann::ordered_json;
  auto optional = [](const auto& v) { return v ? J(*v) : J(nullptr); };
  const CheckOptions options = CheckOptionsFrom(env);
  // "name": [ each element on lines of its own ]
  auto array = [&](std::string_view name, bool last, const auto& each) {
    out.Write("  \"" + std::string(name) + "\": [");
    bool first = true;
    each([&](const J& element) {
      out.Write((first ? "\n" : ",\n") + Indented(JsonText(element), "    "));
      first = false;
    });
    out.Write(std::string(first ? "]" : "\n  ]") + (last ? "\n" : ",\n"));
  };
  out.Write("{\n  \"as_of\": " + JsonText(J(options.as_of.ToString())) + ",\n");
  array("documents", false, [&](const auto& emit) {
    for (const AuditDocument& r : a.docs) {
      const Document& d = r.doc;
      J valid_until = d.validity && d.validity->until ? J(d.validity->LastValidDay()->ToString())
                      : d.validity && d.validity->until_further_notice ? J("tills vidare")
                                                                      : J(nullptr);
      emit(J{{"file", d.file}, {"kind", ToString(d.kind)}, {"region", optional(d.region)}, {"delregion", optional(d.delregion)},
             {"date", d.date ? J(d.date->ToString()) : J(nullptr)}, {"valid_until", valid_until},
             {"scope", ToString(r.scope.widest)}, {"why", r.scope.note}, {"sha256", r.sha256}, {"errors", r.errors},
             {"warnings", r.warnings}, {"info", r.infos}});
    }
  });
  array("unread", false, [&](const auto& emit) {
    for (const FailedInput& f : a.failed) emit(J{{"file", f.file}, {"reason", f.reason}});
  });
  static constexpr const char* kStatus[] = {"present", "deviates", "missing", "missing-optional", "unread", "added"};
  static constexpr const char* kPassedJson[] = {"", "nej", "ja", "ja (klar)"};  // stable values of the JSON
  array("matrix", false, [&](const auto& emit) {
    for (const AuditCell& c : a.cells)
      emit(J{{"dimension", c.dimension}, {"delregion", DelregionOf(a.docs[c.doc].doc)}, {"file", a.docs[c.doc].doc.file},
             {"item", c.item}, {"status", kStatus[static_cast<size_t>(c.status)]}, {"detail", c.detail}, {"line", c.line},
             {"quote", c.quote}});
  });
  array("activities", false, [&](const auto& emit) {
    for (const AuditDocument& r : a.docs)
      for (const Responsibility& resp : r.doc.responsibilities)
        emit(J{{"delregion", DelregionOf(r.doc)}, {"file", r.doc.file}, {"line", resp.span.line}, {"area", resp.area},
               {"actor", optional(resp.actor)}, {"action", resp.action}, {"due", resp.due ? J(resp.due->ToString()) : J(nullptr)},
               {"due_text", resp.due_text}, {"passed", kPassedJson[static_cast<size_t>(PassedAsOf(resp, options.as_of))]},
               {"status", resp.status}});
  });
  array("findings", true, [&](const auto& emit) {
    for (const AuditFinding& af : a.findings) {
      const Finding& f = af.finding;
      emit(J{{"id", af.unique_id}, {"rule", f.rule}, {"severity", ToString(f.severity)}, {"file", f.file},
             {"line", f.span.line}, {"page", f.page}, {"message_id", f.message_id}, {"message", f.message},
             {"evidence", f.evidence}});
    }
  });
  out.Write("}\n");
}

}  // namespace

int RunAudit(const CommandEnv& env) {
  std::string fmt = env.options.format;
  // Without --format, the name of -o says: "audit.xlsx", "audit.csv", else JSON.
  if (fmt.empty()) fmt = env.options.output.ends_with(".xlsx") ? "xlsx" : env.options.output.ends_with(".csv") ? "csv" : "json";
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
  std::vector<FailedInput> failed;
  AuditBuilder builder(env, rules.value());
  int worst = ForEachInput(env, [&](LoadedDocument&& d) { builder.Add(std::move(d)); }, &failed);
  AuditData data = builder.Finish(std::move(failed));
  if (data.docs.empty()) return worst == kExitOk ? kExitNoInput : worst;
  Status s;
  if (fmt == "xlsx") {
    s = WriteAuditWorkbook(env, data, env.options.output);
  } else if (auto out = Output::Open(env, env.options.output); !out.ok()) {
    s = out.status();
  } else {
    if (fmt == "csv") out.value().Write(Csv(env, data));
    else WriteJson(env, data, out.value());
    s = out.value().Commit();
  }
  if (!s.ok()) {
    ReportError(env, s);
    return ExitCodeFor(s);
  }
  if (!env.options.quiet && !env.options.output.empty() && env.options.output != "-")
    env.err << "overens: "
            << Say(env, "text.audit-written", {std::to_string(data.docs.size()), std::to_string(data.findings.size()), env.options.output})
            << "\n";
  return worst;
}

}  // namespace overens
