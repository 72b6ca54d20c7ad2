#include "tools/overens/commands.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
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

}  // namespace

Result<LoadedDocument> LoadInput(const CommandEnv& env, const std::string& path) {
  if (path != "-") return env.pipeline.Load(path, Ingest(env));
  auto src = IngestStream(env.in, kStdinName, Ingest(env));
  if (!src.ok()) return src.status();
  return env.pipeline.Process(std::move(src).value());
}

int ForEachInput(const CommandEnv& env, const std::function<void(LoadedDocument&&)>& use, std::vector<FailedInput>* failed) {
  int worst = kExitOk;
  auto report = [&](const std::string& file, const Status& s) {
    ReportError(env, s);
    if (failed) failed->push_back({file, s.message()});
    if (worst == kExitOk) worst = ExitCodeFor(s);
  };
  std::vector<Status> unreadable;
  std::vector<std::string> files = ExpandInputs(env.options.inputs, unreadable);
  for (const Status& s : unreadable) report("", s);
  if (files.empty()) {
    if (unreadable.empty()) {
      env.err << "overens: no .txt, .pdf, .docx or .odt files found in the given paths\n";
      worst = kExitNoInput;
    }
    return worst;
  }
  const bool show = env.options.progress && files.size() > 1;
  // Each document in the order of the files, however the threads ran; then it is dropped.
  auto hand_on = [&](size_t i, Result<LoadedDocument> r) {
    if (show) {
      const std::string& f = files[i];
      env.err << "\r[" << i + 1 << "/" << files.size() << "] " << f.substr(f.size() > 50 ? f.size() - 50 : 0) << "\x1b[K"
              << std::flush;
    }
    if (!r.ok()) return report(files[i], r.status());
    if (!env.options.quiet)
      for (const std::string& w : r.value().doc.warnings) env.err << (show ? "\r\x1b[K" : "") << "overens: warning: " << w << "\n";
    use(std::move(r).value());
  };
  size_t jobs = env.options.jobs > 0 ? static_cast<size_t>(env.options.jobs) : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min(jobs, files.size());
  if (jobs <= 1) {
    for (size_t i = 0; i < files.size(); ++i) hand_on(i, LoadInput(env, files[i]));
  } else {
    // Workers read ahead of the document being handed on by at most `window` files.
    const size_t window = jobs * 4;
    std::vector<std::optional<Result<LoadedDocument>>> slots(files.size());
    std::mutex m;
    std::condition_variable ready, room;
    size_t next = 0, handed = 0;
    auto work = [&] {
      for (;;) {
        size_t i;
        {
          std::unique_lock<std::mutex> lock(m);
          room.wait(lock, [&] { return next >= files.size() || next < handed + window; });
          if (next >= files.size()) return;
          i = next++;
        }
        Result<LoadedDocument> r = LoadInput(env, files[i]);
        {
          std::lock_guard<std::mutex> lock(m);
          slots[i].emplace(std::move(r));
        }
        ready.notify_all();
      }
    };
    std::vector<std::thread> workers;
    for (size_t t = 0; t < jobs; ++t) workers.emplace_back(work);
    for (size_t i = 0; i < files.size(); ++i) {
      std::optional<Result<LoadedDocument>> r;
      {
        std::unique_lock<std::mutex> lock(m);
        ready.wait(lock, [&] { return slots[i].has_value(); });
        r = std::move(slots[i]);
        slots[i].reset();
        handed = i + 1;
      }
      room.notify_all();
      hand_on(i, std::move(*r));
    }
    for (std::thread& t : workers) t.join();
  }
  if (show) env.err << "\r\x1b[K" << std::flush;
  return worst;
}

Result<Output> Output::Open(const CommandEnv& env, const std::string& path) {
  Output o(env);
  if (path.empty() || path == "-") return o;
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  o.file_ = std::make_unique<AtomicFile>(std::move(file).value());
  return o;
}

void Output::Write(std::string_view s) {
  if (!file_) {
    env_->out << s;
    return;
  }
  buffer_.append(s);
  if (buffer_.size() >= kFlushAt) Flush();
}

void Output::Flush() {
  if (status_.ok()) status_ = file_->Write(buffer_);
  buffer_.clear();
}

Status Output::Commit() {
  if (!file_) return Status::Ok();
  Flush();
  if (!status_.ok()) return status_;
  return file_->Commit();
}

Result<std::vector<std::unique_ptr<Rule>>> SelectedRules(const CommandEnv& env) {
  auto rules = SelectRules(env.options.rules);
  if (!rules.ok()) ReportError(env, rules.status());
  return rules;
}

std::vector<Finding> CheckDocument(const CommandEnv& env, const std::vector<std::unique_ptr<Rule>>& rules,
                                   const LoadedDocument& d) {
  std::vector<Finding> found = RunRules(rules, d.doc, env.pipeline.reference(), CheckOptionsFrom(env));
  PlaceOnPages(found, PagesOfLines(d));
  return found;
}

int PageOfLine(const std::vector<int>& page_of, int line) {
  if (page_of.empty() || line <= 0) return 0;
  return page_of[std::min(page_of.size() - 1, static_cast<size_t>(line))];
}

void PlaceOnPages(std::vector<Finding>& findings, const std::vector<int>& page_of) {
  if (findings.empty() || page_of.empty()) return;
  std::map<int, int> first_line;  // page -> its first line of the extracted text
  for (size_t line = 1; line < page_of.size(); ++line) first_line.emplace(page_of[line], static_cast<int>(line));
  for (Finding& f : findings) {
    f.page = PageOfLine(page_of, f.span.line);
    if (auto it = first_line.find(f.page); f.page > 0 && it != first_line.end()) f.page_line = f.span.line - it->second + 1;
  }
}

std::vector<int> PagesOfLines(const LoadedDocument& d) {
  if (d.source.encoding != "pdf" || d.last_source_line == 0) return {};
  // The page of each source line: one more than the pages that start at or before it.
  std::vector<int> page_of(static_cast<size_t>(d.last_source_line) + 1, 0);
  size_t started = 0;
  for (size_t line = 1; line < page_of.size(); ++line) {
    while (started < d.page_starts.size() && static_cast<size_t>(d.page_starts[started]) <= line) ++started;
    page_of[line] = static_cast<int>(started) + 1;
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
  if (f.page > 0)
    where = f.file + ":" + std::to_string(f.span.line) + " (" + Say(env, "text.page", {std::to_string(f.page), std::to_string(f.page_line)}) + "):";
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

// "  " before each line of `json`: an item of an array printed inside an object.
std::string Indented(const std::string& json, const std::string& by) {
  std::string out = by;
  for (char c : json) {
    out += c;
    if (c == '\n') out += by;
  }
  return out;
}

int RunExtract(const CommandEnv& env) {
  const std::string& fmt = env.options.format.empty() ? "json" : env.options.format;
  if (fmt != "json" && fmt != "xml") {
    env.err << "overens: extract: --format must be json or xml\n";
    return kExitUsage;
  }
  // XML is written as one document model; JSON as each document comes.
  std::vector<Document> for_xml;
  std::optional<Output> out;
  bool single = env.options.inputs.size() == 1, any = false;
  size_t written = 0;  // documents written into the array
  std::string pending;  // a lone input's document, written without the array around it
  Status failed_write;
  int worst = ForEachInput(env, [&](LoadedDocument&& d) {
    if (fmt == "xml") return for_xml.push_back(std::move(d.doc));
    if (!out) {
      auto o = Output::Open(env, env.options.output);
      if (!o.ok()) {
        failed_write = o.status();
        return;
      }
      out.emplace(std::move(o).value());
    }
    if (!failed_write.ok()) return;
    std::string json = DocumentToJson(d.doc);
    any = true;
    if (single && pending.empty() && written == 0) {
      pending = std::move(json);
      return;
    }
    if (!pending.empty()) {
      out->Write("[\n" + Indented(pending, "  "));
      pending.clear();
      ++written;
    }
    out->Write(std::string(written ? ",\n" : "[\n") + Indented(json, "  "));
    ++written;
  });
  if (!failed_write.ok()) {
    ReportError(env, failed_write);
    return ExitCodeFor(failed_write);
  }
  if (fmt == "xml") {
    if (for_xml.empty()) return worst;
    int code = Emit(env, DocumentsToXml(for_xml));
    return code != kExitOk ? code : worst;
  }
  if (!any) return worst;
  out->Write(!pending.empty() ? pending + "\n" : "\n]\n");
  Status s = out->Commit();
  if (!s.ok()) {
    ReportError(env, s);
    return ExitCodeFor(s);
  }
  return worst;
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
  bool recording = !env.options.write_baseline.empty();
  auto out = Output::Open(env, recording ? "" : env.options.output);
  if (!out.ok()) {
    ReportError(env, out.status());
    return ExitCodeFor(out.status());
  }
  std::vector<Finding> recorded;            // for --write-baseline only
  std::vector<CheckedDocument> checked;     // small: one line per document
  size_t count = 0, suppressed = 0, documents = 0;
  if (fmt == "json" && !recording) out.value().Write("{\n  \"findings\": [");
  std::vector<FailedInput> unread;  // each already reported on stderr
  int worst = ForEachInput(env, [&](LoadedDocument&& d) {
    ++documents;
    DocumentScope scope = ScopeOf(d.doc, env.pipeline.reference(), env.options.language);
    std::ostringstream text;
    for (Finding& f : CheckDocument(env, rules.value(), d)) {
      if (accepted.count(f.id)) {
        ++suppressed;
        continue;
      }
      if (recording) recorded.push_back(std::move(f));
      else if (fmt == "json") out.value().Write(std::string(count ? ",\n" : "\n") + Indented(FindingToJson(f), "    "));
      else PrintFindingText(env, f, text);
      ++count;
    }
    if (fmt == "text" && !recording && !env.options.quiet && !scope.note.empty())
      text << Color(env, "1", d.doc.file + ":") << " " << Color(env, "1;34", Say(env, "text.note") + ":") << " " << scope.note << "\n";
    if (!recording) out.value().Write(text.str());
    checked.push_back({d.doc.file, d.doc.kind, d.doc.region, d.doc.delregion, d.doc.date, std::string(ToString(scope.widest)),
                       scope.note});
  }, &unread);
  if (recording) {
    Status s = WriteFileAtomically(env.options.write_baseline, BaselineJson(recorded));
    if (!s.ok()) {
      ReportError(env, s);
      return ExitCodeFor(s);
    }
    if (!env.options.quiet)
      env.err << "overens: " << Say(env, "text.recorded", {std::to_string(recorded.size()), env.options.write_baseline}) << "\n";
    return worst;
  }
  if (fmt == "json") out.value().Write(std::string(count ? "\n  " : "") + "],\n  \"documents\": " + Indented(DocumentsJson(checked), "  ").substr(2) + "\n}\n");
  Status s = out.value().Commit();
  if (!s.ok()) {
    ReportError(env, s);
    return ExitCodeFor(s);
  }
  if (!env.options.quiet && fmt == "text") {
    env.err << Say(env, count == 1 ? "text.finding" : "text.findings", {std::to_string(count)}) << " "
            << Say(env, documents == 1 ? "text.in-file" : "text.in-files", {std::to_string(documents)});
    if (suppressed) env.err << " (" << Say(env, "text.accepted", {std::to_string(suppressed)}) << ")";
    env.err << ", " << Say(env, "text.as-of", {env.options.as_of->ToString()});
    if (!unread.empty()) env.err << "; " << Say(env, unread.size() == 1 ? "text.unread-one" : "text.unread", {std::to_string(unread.size())});
    env.err << "\n";
  }
  if (worst != kExitOk) return worst;
  return count == 0 ? kExitOk : kExitFindings;
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
