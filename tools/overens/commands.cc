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
#include "extractor/utf8.h"
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

std::vector<LoadedDocument> LoadInputs(const CommandEnv& env, int& worst, std::vector<FailedInput>* failed) {
  std::vector<Status> errors;
  std::vector<std::string> files = ExpandInputs(env.options.inputs, errors);
  std::vector<std::optional<Result<LoadedDocument>>> results(files.size());
  LoadInParallel(env, files, results);
  // Messages and documents keep the order of the files, however the threads ran.
  if (failed)
    for (const Status& s : errors) failed->push_back({"", s.message()});
  std::vector<LoadedDocument> docs;
  for (size_t i = 0; i < results.size(); ++i) {
    auto& r = results[i];
    if (!r->ok()) {
      errors.push_back(r->status());
      if (failed) failed->push_back({files[i], r->status().message()});
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

std::vector<Finding> CheckDocument(const CommandEnv& env, const std::vector<std::unique_ptr<Rule>>& rules,
                                   const LoadedDocument& d) {
  std::vector<Finding> found = RunRules(rules, d.doc, env.pipeline.reference(), CheckOptionsFrom(env));
  std::vector<int> page_of = PagesOfLines(d);
  if (page_of.empty()) return found;
  for (Finding& f : found)
    f.page = page_of[std::min(page_of.size() - 1, static_cast<size_t>(std::max(f.span.line, 0)))];
  return found;
}

std::vector<int> PagesOfLines(const LoadedDocument& d) {
  if (d.source.encoding != "pdf" || d.text.lines.empty()) return {};
  // The page of each source line: the page of the last text line at or before it.
  std::vector<int> page_of(static_cast<size_t>(d.text.lines.back().source_line) + 1, 0);
  size_t next = 0;
  int page = 0;
  for (size_t line = 0; line < page_of.size(); ++line) {
    while (next < d.text.lines.size() && static_cast<size_t>(d.text.lines[next].source_line) <= line)
      page = d.text.lines[next++].page;
    page_of[line] = page + 1;
  }
  return page_of;
}

CheckOptions CheckOptionsFrom(const CommandEnv& env) {
  CheckOptions c;
  c.as_of = *env.options.as_of;
  c.review_years = env.options.review_years;
  c.language = env.options.language;
  return c;
}

namespace {

std::string Color(const CommandEnv& env, const char* code, const std::string& s) {
  return env.options.color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
}

std::string Say(const CommandEnv& env, std::string_view id, std::initializer_list<std::string_view> args = {}) {
  return env.pipeline.reference().Say(env.options.language, id, args);
}

void PrintFindingText(const CommandEnv& env, const Finding& f, std::ostream& os) {
  const char* color = f.severity == Severity::kError ? "1;31" : f.severity == Severity::kWarning ? "1;33" : "1;36";
  std::string where = f.file + ":" + std::to_string(f.span.line) + ":";
  if (f.page > 0) where = f.file + ":" + std::to_string(f.span.line) + " (" + Say(env, "text.page", {std::to_string(f.page)}) + "):";
  os << Color(env, "1", where) << " " << Color(env, color, Say(env, "severity." + std::string(ToString(f.severity))) + ":") << " "
     << f.message << " " << Color(env, "2", "[" + f.rule + "]") << "\n";
  if (!f.evidence.empty()) os << "    " << Say(env, "text.local") << " \"" << f.evidence << "\"\n";
  if (!f.framework_quote.empty()) os << "    " << Say(env, "text.framework") << " \"" << f.framework_quote << "\"\n";
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
    for (Finding& f : CheckDocument(env, rules.value(), d)) {
      if (accepted.count(f.id)) {
        ++suppressed;
        continue;
      }
      all.push_back(std::move(f));
    }
    findings_end.push_back(all.size());
    DocumentScope scope = ScopeOf(d.doc, env.pipeline.reference(), env.options.language);
    checked.push_back({d.doc.file, d.doc.kind, d.doc.region, d.doc.delregion, d.doc.date, std::string(ToString(scope.widest)),
                       scope.note});
  }
  if (!env.options.write_baseline.empty()) {
    Status s = WriteFileAtomically(env.options.write_baseline, BaselineJson(all));
    if (!s.ok()) {
      ReportError(env, s);
      return ExitCodeFor(s);
    }
    if (!env.options.quiet)
      env.err << "overens: " << Say(env, "text.recorded", {std::to_string(all.size()), env.options.write_baseline}) << "\n";
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
        os << Color(env, "1", checked[d].file + ":") << " " << Color(env, "1;34", Say(env, "text.note") + ":") << " "
           << checked[d].why << "\n";
    }
    content = os.str();
  }
  int code = Emit(env, content);
  if (code != kExitOk) return code;
  if (!env.options.quiet && fmt == "text") {
    env.err << Say(env, all.size() == 1 ? "text.finding" : "text.findings", {std::to_string(all.size())}) << " "
            << Say(env, loaded.size() == 1 ? "text.in-file" : "text.in-files", {std::to_string(loaded.size())});
    if (suppressed) env.err << " (" << Say(env, "text.accepted", {std::to_string(suppressed)}) << ")";
    env.err << ", " << Say(env, "text.as-of", {env.options.as_of->ToString()}) << "\n";
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
                     {"description", Say(env, "rule." + std::string(r->id()))}});
    content = JsonText(arr) + "\n";
  } else {
    std::ostringstream os;
    for (const auto& r : rules) {
      std::string id(r->id());
      std::string severity = Say(env, "severity." + std::string(ToString(r->severity())));
      std::string scope = Say(env, "scope." + std::string(ToString(r->scope())));
      auto pad = [](const std::string& s, size_t width) { return std::string(RuneCount(s) < width ? width - RuneCount(s) : 1, ' '); };
      os << id << pad(id, 32) << severity << pad(severity, 9) << scope << pad(scope, 20) << Say(env, "rule." + id) << "\n";
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
