#include "tools/overens/commands.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "model/xml_io.h"
#include "rules/registry.h"

namespace overens {
namespace {

IngestOptions Ingest(const CommandEnv& env) {
  IngestOptions o;
  o.max_bytes = env.options.max_bytes;
  return o;
}

// Writes to -o FILE atomically, or to stdout.
int Emit(const CommandEnv& env, const std::string& content) {
  if (env.options.output.empty() || env.options.output == "-") {
    env.out << content;
    return kExitOk;
  }
  Status s = WriteFileAtomically(env.options.output, content);
  if (!s.ok()) {
    ReportError(env, s);
    return ExitCodeFor(s);
  }
  return kExitOk;
}

// Loads files[i] into results[i] on --jobs threads (one per core when not
// given; the caller's thread among them); progress goes to the terminal from
// whichever thread finishes a file.
void LoadInParallel(const CommandEnv& env, const std::vector<std::string>& files,
                    std::vector<std::optional<Result<LoadedDocument>>>& results) {
  std::atomic<size_t> next{0}, done{0};
  std::mutex progress;
  const bool show = env.options.progress && files.size() > 1;
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      results[i].emplace(LoadInput(env, files[i]));
      size_t finished = ++done;
      if (!show) continue;
      std::lock_guard<std::mutex> lock(progress);
      const std::string& f = files[i];
      env.err << "\r[" << finished << "/" << files.size() << "] " << f.substr(f.size() > 50 ? f.size() - 50 : 0)
              << "\x1b[K" << std::flush;
    }
  };
  size_t jobs = env.options.jobs > 0 ? static_cast<size_t>(env.options.jobs)
                                     : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < std::min(jobs, files.size()); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  if (show) env.err << "\r\x1b[K" << std::flush;
}

}  // namespace

Result<LoadedDocument> LoadInput(const CommandEnv& env, const std::string& path) {
  if (path != "-") return env.pipeline.Load(path, Ingest(env));
  auto src = IngestStream(env.in, kStdinName, Ingest(env));
  if (!src.ok()) return src.status();
  return env.pipeline.Process(std::move(src).value());
}

std::vector<LoadedDocument> LoadInputs(const CommandEnv& env, int& worst) {
  std::vector<Status> errors;
  std::vector<std::string> files = ExpandInputs(env.options.inputs, errors);
  std::vector<std::optional<Result<LoadedDocument>>> results(files.size());
  LoadInParallel(env, files, results);
  // Messages and documents keep the order of the files, however the threads ran.
  std::vector<LoadedDocument> docs;
  for (auto& r : results) {
    if (!r->ok()) {
      errors.push_back(r->status());
      continue;
    }
    if (!env.options.quiet)
      for (const std::string& w : r->value().doc.warnings) env.err << "overens: warning: " << w << "\n";
    docs.push_back(std::move(*r).value());
  }
  for (const Status& s : errors) {
    ReportError(env, s);
    if (worst == kExitOk) worst = ExitCodeFor(s);
  }
  if (files.empty() && errors.empty()) {
    env.err << "overens: no .txt, .pdf, .docx or .odt files found in the given paths\n";
    worst = kExitNoInput;
  }
  return docs;
}

Result<std::vector<std::unique_ptr<Rule>>> SelectedRules(const CommandEnv& env) {
  auto rules = SelectRules(env.options.rules);
  if (!rules.ok()) ReportError(env, rules.status());
  return rules;
}

CheckOptions CheckOptionsFrom(const CommandEnv& env) {
  CheckOptions c;
  c.as_of = *env.options.as_of;
  c.review_years = env.options.review_years;
  return c;
}

namespace {

std::string Color(const CommandEnv& env, const char* code, const std::string& s) {
  return env.options.color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
}

void PrintFindingText(const CommandEnv& env, const Finding& f, std::ostream& os) {
  const char* color = f.severity == Severity::kError ? "1;31" : f.severity == Severity::kWarning ? "1;33" : "1;36";
  os << Color(env, "1", f.file + ":" + std::to_string(f.span.line) + ":") << " "
     << Color(env, color, std::string(ToString(f.severity)) + ":") << " " << f.message << " "
     << Color(env, "2", "[" + f.rule + "]") << "\n";
  if (!f.evidence.empty()) os << "    local:     \"" << f.evidence << "\"\n";
  if (!f.framework_quote.empty()) os << "    framework: \"" << f.framework_quote << "\"\n";
}

Result<std::set<std::string>> ReadBaseline(const std::string& path) {
  auto text = ReadSmallFile(path);
  if (!text.ok()) return text.status();
  auto json = nlohmann::json::parse(text.value(), nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("findings"))
    return Status::DataError(path + ": not a baseline file (expected JSON with \"findings\"); write one with --write-baseline");
  std::set<std::string> ids;
  for (const auto& f : json["findings"])
    if (f.is_object() && f.contains("id") && f["id"].is_string()) ids.insert(f["id"].get<std::string>());
  return ids;
}

std::string BaselineJson(const std::vector<Finding>& findings) {
  nlohmann::ordered_json out;
  out["version"] = 1;
  out["findings"] = nlohmann::ordered_json::array();
  for (const Finding& f : findings)
    out["findings"].push_back({{"id", f.id}, {"rule", f.rule}, {"file", f.file}, {"line", f.span.line}, {"evidence", f.evidence}});
  return JsonText(out) + "\n";
}

}  // namespace

void ReportError(const CommandEnv& env, const Status& s) { env.err << "overens: " << s.message() << "\n"; }

int RunText(const CommandEnv& env) {
  auto d = LoadInput(env, env.options.inputs[0]);
  if (!d.ok()) {
    ReportError(env, d.status());
    return ExitCodeFor(d.status());
  }
  for (const std::string& w : d.value().doc.warnings) env.err << "overens: warning: " << w << "\n";
  std::ostringstream os;
  for (const TextLine& l : d.value().text.lines) {
    os << l.source_line << "\t";
    if (l.bullet == Bullet::kGlyph || l.bullet == Bullet::kIndent) os << "• ";
    if (l.bullet == Bullet::kSubGlyph) os << "  ◦ ";
    os << l.text << "\n";
  }
  return Emit(env, os.str());
}

int RunExtract(const CommandEnv& env) {
  int worst = kExitOk;
  std::vector<LoadedDocument> loaded = LoadInputs(env, worst);
  std::vector<Document> docs;
  for (auto& l : loaded) docs.push_back(std::move(l.doc));
  const std::string& fmt = env.options.format.empty() ? "json" : env.options.format;
  std::string content;
  if (fmt == "xml") {
    content = DocumentsToXml(docs);
  } else if (fmt == "json") {
    if (docs.empty()) return worst;
    content = (docs.size() == 1 && env.options.inputs.size() == 1 ? DocumentToJson(docs[0]) : DocumentsToJson(docs)) + "\n";
  } else {
    env.err << "overens: extract: --format must be json or xml\n";
    return kExitUsage;
  }
  if (docs.empty()) return worst;
  int code = Emit(env, content);
  return code != kExitOk ? code : worst;
}

int RunCheck(const CommandEnv& env) {
  const std::string& fmt = env.options.format.empty() ? "text" : env.options.format;
  if (fmt != "text" && fmt != "json") {
    env.err << "overens: check: --format must be text or json\n";
    return kExitUsage;
  }
  auto rules = SelectedRules(env);
  if (!rules.ok()) return ExitCodeFor(rules.status());
  std::set<std::string> accepted;
  if (!env.options.baseline.empty()) {
    auto b = ReadBaseline(env.options.baseline);
    if (!b.ok()) {
      ReportError(env, b.status());
      return ExitCodeFor(b.status());
    }
    accepted = std::move(b).value();
  }
  int worst = kExitOk;
  std::vector<LoadedDocument> loaded = LoadInputs(env, worst);
  std::vector<Finding> all;
  std::vector<CheckedDocument> checked;
  std::vector<size_t> findings_end;  // per document: the end of its findings in `all`
  size_t suppressed = 0;
  for (const LoadedDocument& d : loaded) {
    for (Finding& f : RunRules(rules.value(), d.doc, env.pipeline.reference(), CheckOptionsFrom(env))) {
      if (accepted.count(f.id)) {
        ++suppressed;
        continue;
      }
      all.push_back(std::move(f));
    }
    findings_end.push_back(all.size());
    DocumentScope scope = ScopeOf(d.doc, env.pipeline.reference());
    checked.push_back({d.doc.file, d.doc.kind, d.doc.region, d.doc.delregion, d.doc.date, std::string(ToString(scope.widest)),
                       scope.note});
  }
  if (!env.options.write_baseline.empty()) {
    Status s = WriteFileAtomically(env.options.write_baseline, BaselineJson(all));
    if (!s.ok()) {
      ReportError(env, s);
      return ExitCodeFor(s);
    }
    if (!env.options.quiet) env.err << "overens: recorded " << all.size() << " findings in " << env.options.write_baseline << "\n";
    return worst;
  }
  std::string content;
  if (fmt == "json") {
    content = CheckReportToJson(all, checked) + "\n";
  } else {
    // Each file's findings, then its note: what it was read as, and why not every rule ran.
    std::ostringstream os;
    for (size_t d = 0, f = 0; d < checked.size(); ++d) {
      for (; f < findings_end[d]; ++f) PrintFindingText(env, all[f], os);
      if (!env.options.quiet && !checked[d].why.empty())
        os << Color(env, "1", checked[d].file + ":") << " " << Color(env, "1;34", "note:") << " " << checked[d].why << "\n";
    }
    content = os.str();
  }
  int code = Emit(env, content);
  if (code != kExitOk) return code;
  if (!env.options.quiet && fmt == "text") {
    env.err << all.size() << " finding" << (all.size() == 1 ? "" : "s") << " in " << loaded.size() << " file"
            << (loaded.size() == 1 ? "" : "s");
    if (suppressed) env.err << " (" << suppressed << " accepted in baseline)";
    env.err << ", as of " << env.options.as_of->ToString() << "\n";
  }
  if (worst != kExitOk) return worst;
  return all.empty() ? kExitOk : kExitFindings;
}

int RunRules(const CommandEnv& env) {
  auto selected = SelectedRules(env);
  if (!selected.ok()) return ExitCodeFor(selected.status());
  const auto& rules = selected.value();
  std::string content;
  if (env.options.format == "json") {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& r : rules)
      arr.push_back({{"id", r->id()}, {"severity", ToString(r->severity())}, {"scope", ToString(r->scope())},
                     {"description", r->description()}});
    content = JsonText(arr) + "\n";
  } else {
    std::ostringstream os;
    for (const auto& r : rules) {
      std::string id(r->id());
      os << id << std::string(id.size() < 32 ? 32 - id.size() : 1, ' ') << ToString(r->severity())
         << std::string(9 - ToString(r->severity()).size(), ' ') << ToString(r->scope())
         << std::string(11 - ToString(r->scope()).size(), ' ') << r->description() << "\n";
    }
    content = os.str();
  }
  return Emit(env, content);
}

int RunDate(const CommandEnv& env) {
  std::string text;
  for (const std::string& s : env.options.inputs) text += (text.empty() ? "" : " ") + s;
  DateScanOptions opts;
  opts.anchor_year = env.options.as_of->year;
  auto matches = env.pipeline.extractor().dates().Scan(text, opts);
  if (matches.empty()) {
    env.err << "overens: no date expression found in '" << text << "'\n";
    return kExitDataError;
  }
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const DateMatch& m : matches)
    arr.push_back({{"text", m.text},
                   {"start", m.start ? nlohmann::ordered_json(m.start->ToString()) : nlohmann::ordered_json(nullptr)},
                   {"end", m.end_date ? nlohmann::ordered_json(m.end_date->ToString()) : nlohmann::ordered_json(nullptr)},
                   {"grain", ToString(m.grain)}});
  env.out << JsonText(arr) << "\n";
  return kExitOk;
}

}  // namespace overens
