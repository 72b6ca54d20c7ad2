// One function per command; each returns an exit code.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string_view>

#include "rules/rule.h"
#include "tools/overens/cli.h"
#include "tools/overens/pipeline.h"

namespace overens {

struct CommandEnv {
  const CliOptions& options;
  const Pipeline& pipeline;
  std::istream& in;  // read for the input "-"
  std::ostream& out;
  std::ostream& err;
};

// The name of standard input in messages and output; "-" on the command line.
inline constexpr const char* kStdinName = "<stdin>";

int RunText(const CommandEnv& env);
int RunExtract(const CommandEnv& env);
int RunCheck(const CommandEnv& env);
int RunCompare(const CommandEnv& env);
int RunAudit(const CommandEnv& env);
int RunRules(const CommandEnv& env);
int RunDate(const CommandEnv& env);

// Loads one input as the pipeline does; "-" reads standard input.
Result<LoadedDocument> LoadInput(const CommandEnv& env, const std::string& path);

// An input that could not be read, and why (the message reported for it).
struct FailedInput {
  std::string file;  // empty when the failure is not one file's (an unreadable directory)
  std::string reason;
};

// Loads every input (directories expanded) on --jobs threads and hands each
// document to `use` in the order of the files, as soon as its turn comes;
// then it is dropped, so memory holds only the few documents in flight, not
// the run. Bad files are reported in their place and skipped (and listed in
// `failed` when given). Progress goes to a terminal. Returns the first
// error's exit code, or kExitOk.
int ForEachInput(const CommandEnv& env, const std::function<void(LoadedDocument&&)>& use,
                 std::vector<FailedInput>* failed = nullptr);

// Where a command's output goes: standard output, or -o FILE written
// through an AtomicFile as it is produced (so a long run is never held in
// memory) and put in place by Commit().
class Output {
 public:
  static Result<Output> Open(const CommandEnv& env, const std::string& path);
  void Write(std::string_view s);
  Status Commit();

 private:
  explicit Output(const CommandEnv& env) : env_(&env) {}
  void Flush();
  static constexpr size_t kFlushAt = 1 << 16;
  const CommandEnv* env_;
  std::unique_ptr<AtomicFile> file_;
  std::string buffer_;
  Status status_;
};

// `by` before each line of `json`: an item of an array printed inside an object.
std::string Indented(const std::string& json, const std::string& by);

// Per source line of a PDF (index = 1-based line), the 1-based page it is
// on; empty for other inputs.
std::vector<int> PagesOfLines(const LoadedDocument& d);
// The page of source `line` in a PagesOfLines table; 0 when there is none
// (not a PDF, or no line).
int PageOfLine(const std::vector<int>& page_of, int line);
// Gives each finding the page its line is on (PageOfLine).
void PlaceOnPages(std::vector<Finding>& findings, const std::vector<int>& page_of);

// The rules --only, --ignore and --min-severity leave; a usage error names a
// misspelt rule.
Result<std::vector<std::unique_ptr<Rule>>> SelectedRules(const CommandEnv& env);

// The findings of `rules` on one loaded document, each with its page when
// the document is a PDF.
std::vector<Finding> CheckDocument(const CommandEnv& env, const std::vector<std::unique_ptr<Rule>>& rules,
                                   const LoadedDocument& d);

// The rule options (--as-of, --review-years) of this run.
CheckOptions CheckOptionsFrom(const CommandEnv& env);

// Reports a failed input on stderr: "overens: <message>".
void ReportError(const CommandEnv& env, const Status& s);

}  // namespace overens
