// The overens command line: parses flags and dispatches to one function per
// command. The only code in the project that prints or decides exit codes.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "model/civil_date.h"
#include "model/status.h"
#include "rules/registry.h"

namespace overens {

// Process exit codes (sysexits-style, documented in the README).
enum ExitCode { kExitOk = 0, kExitFindings = 1, kExitUsage = 2, kExitDataError = 65, kExitNoInput = 66, kExitIoError = 74 };

int ExitCodeFor(const Status& s);

struct CliOptions {
  std::string command;
  std::vector<std::string> inputs;
  std::string format;             // text | json | xml | csv | xlsx (per command)
  std::string output;             // -o
  std::optional<CivilDate> as_of;
  int review_years = 4;
  bool quiet = false;
  bool color = false;
  bool progress = false;
  size_t max_bytes = 64u << 20;
  int jobs = 0;                   // files read at once; 0: one per core
  std::string framework_file;
  std::string reference_dir;
  std::string baseline;
  std::string write_baseline;
  RuleSelection rules;            // --only, --ignore, --min-severity
  Language language = Language::kSwedish;  // --lang sv|en: of messages, notes and the workbook
  std::string author;             // --author: the workbook's author (default: the user's name)
  char csv_separator = ';';       // --csv-sep: ';' for Swedish Excel
  std::string csv_table = "matrix";  // --table matrix|findings|activities: what an audit's CSV holds
  std::vector<std::string> command_line;  // as given, for the workbook's record of how it was made
};

// Runs the CLI; returns the exit code. The input "-" is read from `in`;
// human output goes to `out`, messages to `err`.
int RunCli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
           bool stdout_is_tty, bool stderr_is_tty);

}  // namespace overens
