#include "tools/overens/cli.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ostream>

#include "tools/overens/commands.h"

namespace overens {
namespace {

constexpr const char* kUsage = R"(overens - compare Swedish agreements on psykisk hälsa, missbruk och beroende
with the Skåne framework (ramöverenskommelsen 2021-02-11).

Usage:
  overens check   [options] FILE|DIR...   deviations from the framework (exit 1 when found)
  overens extract [options] FILE|DIR...   the canonical model (--format json|xml)
  overens audit   [options] PATH... -o audit.xlsx   spreadsheet across delregions (--format xlsx|csv|json)
  overens compare [options] OLD NEW       typed differences between two agreements
  overens text    FILE                    the normalized text with original line numbers
  overens rules                           list the rules
  overens date    EXPRESSION              parse a Swedish date expression ("hösten 2023")

A FILE is text (any common encoding), PDF, Word (.docx) or OpenDocument (.odt);
a DIR is searched for such files. A FILE given as - is read from standard input.

Options:
  --format FMT          text|json for check/compare/rules; json|xml for extract; xlsx|csv|json for audit
  -o, --output FILE     write the result to FILE (atomically) instead of stdout
  --as-of DATE          judge deadlines and ages as of DATE (YYYY-MM-DD; default: today)
  --review-years N      review interval for outdated.agreement-age (default 4)
  --only RULES          run only these rules: ids or groups, comma-separated (see overens rules)
  --ignore RULES        do not run these rules, e.g. --ignore activity,deadline.passed
  --min-severity LEVEL  run only rules of at least this severity: error, warning or info
  --baseline FILE       suppress the findings recorded in FILE
  --write-baseline FILE record the current findings as accepted
  --framework FILE      use another framework XML (see corpus/reference/framework.xml)
  --reference-dir DIR   use framework/delregions/laws/vocabulary/counties XML files from DIR
  --max-bytes N         refuse inputs larger than N bytes (default 67108864)
  -j, --jobs N          read N files at once (default: one per core)
  --lang sv|en          language of messages, notes and the workbook (default sv)
  --author NAME         the audit workbook's author (default: your user name)
  --csv-sep C           the audit CSV's separator (default ; as Swedish Excel reads it)
  --table T             what an audit CSV holds: matrix (default), findings or activities
  -q, --quiet           print only findings and errors
  --color, --no-color   force or disable colour (default: on a terminal)
  -h, --help            this help;  --version  the version

Examples:
  overens check new-lo.pdf
  overens check --as-of 2026-11-22 --format json agreements/
  overens check --only outdated --min-severity warning agreements/
  overens audit corpus/demo -o audit.xlsx
  overens extract --format xml lo.txt > lo.xml
  overens compare lo-2019.txt lo-2023.txt
  unzip -p avtal.zip lo-2024.txt | overens check -

Exit status: 0 ok, 1 findings (check/compare), 2 usage, 65 bad input data,
66 missing input, 74 I/O error.
)";

CivilDate Today() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now);
  std::chrono::year_month_day ymd{days};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Result<CliOptions> Parse(const std::vector<std::string>& args, bool stdout_is_tty, bool stderr_is_tty) {
  CliOptions o;
  o.command_line = args;
  o.color = stdout_is_tty && std::getenv("NO_COLOR") == nullptr;
  o.progress = stderr_is_tty;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> Result<std::string> {
      if (i + 1 >= args.size()) return Status::Usage(std::string(flag) + " needs a value");
      return args[++i];
    };
    auto take = [&](const char* flag, std::string& target) -> Status {
      auto v = value(flag);
      if (!v.ok()) return v.status();
      target = v.value();
      return Status::Ok();
    };
    Status s;
    if (a == "-h" || a == "--help") { o.command = "help"; return o; }
    else if (a == "--version") { o.command = "version"; return o; }
    else if (a == "--format") s = take("--format", o.format);
    else if (a == "-o" || a == "--output") s = take("--output", o.output);
    else if (a == "--framework") s = take("--framework", o.framework_file);
    else if (a == "--reference-dir") s = take("--reference-dir", o.reference_dir);
    else if (a == "--baseline") s = take("--baseline", o.baseline);
    else if (a == "--write-baseline") s = take("--write-baseline", o.write_baseline);
    else if (a == "--only" || a == "--ignore") {
      std::string v;
      s = take(a.c_str(), v);
      for (std::string_view rest = v; s.ok() && !rest.empty();) {
        std::string_view entry = rest.substr(0, rest.find(','));
        rest.remove_prefix(std::min(rest.size(), entry.size() + 1));
        if (!entry.empty()) (a == "--only" ? o.rules.only : o.rules.ignore).emplace_back(entry);
      }
      if (s.ok() && v.find_first_not_of(", ") == std::string::npos) return Status::Usage(a + " needs rule ids or groups, got '" + v + "'");
    } else if (a == "--min-severity") {
      std::string v;
      s = take("--min-severity", v);
      auto level = EnumFromString<Severity>(v);
      if (s.ok() && !level) return Status::Usage("--min-severity needs error, warning or info, got '" + v + "'");
      if (level) o.rules.min_severity = *level;
    }
    else if (a == "--lang") {
      std::string v;
      s = take("--lang", v);
      if (s.ok() && v != "sv" && v != "en") return Status::Usage("--lang needs sv or en, got '" + v + "'");
      o.language = v == "en" ? Language::kEnglish : Language::kSwedish;
    } else if (a == "--author") s = take("--author", o.author);
    else if (a == "--csv-sep") {
      std::string v;
      s = take("--csv-sep", v);
      if (s.ok() && (v.size() != 1 || v == "\"" || v == "\n")) return Status::Usage("--csv-sep needs one character such as ; or ,");
      if (s.ok()) o.csv_separator = v[0];
    } else if (a == "--table") {
      s = take("--table", o.csv_table);
      if (s.ok() && o.csv_table != "matrix" && o.csv_table != "findings" && o.csv_table != "activities")
        return Status::Usage("--table needs matrix, findings or activities, got '" + o.csv_table + "'");
    }
    else if (a == "-q" || a == "--quiet") o.quiet = true;
    else if (a == "--color") o.color = true;
    else if (a == "--no-color") o.color = false;
    else if (a == "--as-of") {
      std::string v;
      s = take("--as-of", v);
      if (s.ok()) {
        o.as_of = CivilDate::Parse(v);
        if (!o.as_of && v.size() == 10 && v[4] == '-' && v[7] == '-' && v.find_first_not_of("0123456789-") == std::string::npos)
          return Status::Usage("--as-of needs a real date in the years 1000-9999, got '" + v + "'");
        if (!o.as_of) return Status::Usage("--as-of needs a date as YYYY-MM-DD (e.g. 2026-11-22), got '" + v + "'");
      }
    } else if (a == "--review-years" || a == "--max-bytes" || a == "-j" || a == "--jobs") {
      std::string v;
      s = take(a.c_str(), v);
      char* end = nullptr;
      long long n = s.ok() ? std::strtoll(v.c_str(), &end, 10) : 0;
      if (s.ok() && (v.empty() || *end != '\0' || n <= 0)) return Status::Usage(a + " needs a positive number, got '" + v + "'");
      if (a == "--review-years") o.review_years = static_cast<int>(std::min(n, 1000LL));
      else if (a == "--max-bytes") o.max_bytes = static_cast<size_t>(n);
      else o.jobs = static_cast<int>(std::min(n, 256LL));
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return Status::Usage("unknown option '" + a + "'; see overens --help");
    } else if (o.command.empty()) {
      o.command = a;
    } else {
      o.inputs.push_back(a);
    }
    if (!s.ok()) return s;
  }
  if (o.command.empty()) return Status::Usage("no command given; see overens --help");
  return o;
}

// Refuses an -o or --write-baseline that would replace a file the run reads:
// an agreement (also one inside a directory given), the framework, the
// reference data, or the baseline; and the two outputs naming one file.
Status RefuseOverwritingInputs(const CliOptions& o) {
  if (o.output.empty() && o.write_baseline.empty()) return Status::Ok();
  std::vector<Status> ignored;  // unreadable directories are reported when the command reads them
  std::vector<std::string> read = ExpandInputs(o.inputs, ignored);
  if (!o.framework_file.empty()) read.push_back(o.framework_file);
  if (!o.reference_dir.empty())
    for (const char* name : {"framework.xml", "delregions.xml", "laws.xml", "vocabulary.xml", "counties.xml"})
      read.push_back(o.reference_dir + "/" + name);
  if (Status s = RefuseOutputOverInput("--write-baseline", o.write_baseline, read); !s.ok()) return s;
  if (!o.baseline.empty()) read.push_back(o.baseline);  // rewriting the baseline itself is how it is updated
  if (!o.write_baseline.empty()) read.push_back(o.write_baseline);
  return RefuseOutputOverInput("-o", o.output, read);
}

}  // namespace

int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kUsage: return kExitUsage;
    case StatusCode::kDataError: return kExitDataError;
    case StatusCode::kNoInput: return kExitNoInput;
    case StatusCode::kIoError: return kExitIoError;
  }
  return kExitDataError;
}

int RunCli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
           bool stdout_is_tty, bool stderr_is_tty) {
  auto parsed = Parse(args, stdout_is_tty, stderr_is_tty);
  if (!parsed.ok()) {
    err << "overens: " << parsed.status().message() << "\n";
    return kExitUsage;
  }
  CliOptions o = std::move(parsed).value();
  if (o.command == "help") {
    out << kUsage;
    return kExitOk;
  }
  if (o.command == "version") {
    out << "overens 0.1.0\n";
    return kExitOk;
  }
  if (!o.as_of) o.as_of = Today();
  if (o.quiet) o.progress = false;
  using Command = int (*)(const CommandEnv&);
  struct Entry {
    const char* name;
    Command run;
    size_t min_inputs, max_inputs;
  };
  static const Entry kCommands[] = {
      {"text", RunText, 1, 1},       {"extract", RunExtract, 1, SIZE_MAX}, {"check", RunCheck, 1, SIZE_MAX},
      {"compare", RunCompare, 2, 2}, {"audit", RunAudit, 1, SIZE_MAX},     {"rules", RunRules, 0, 0},
      {"date", RunDate, 1, SIZE_MAX},
  };
  for (const Entry& e : kCommands) {
    if (o.command != e.name) continue;
    if (o.inputs.size() < e.min_inputs || o.inputs.size() > e.max_inputs) {
      err << "overens: " << e.name << ": wrong number of arguments; see overens --help\n";
      return kExitUsage;
    }
    if (o.command != "date" && std::count(o.inputs.begin(), o.inputs.end(), "-") > 1) {
      err << "overens: " << e.name << ": standard input ('-') can be read only once\n";
      return kExitUsage;
    }
    if (Status s = RefuseOverwritingInputs(o); !s.ok()) {
      err << "overens: " << s.message() << "\n";
      return kExitUsage;
    }
    auto pipeline = Pipeline::Create(o.framework_file, o.reference_dir, o.command != "text" && o.command != "rules");
    if (!pipeline.ok()) {
      err << "overens: " << pipeline.status().message() << "\n";
      return ExitCodeFor(pipeline.status());
    }
    CommandEnv env{o, *pipeline.value(), in, out, err};
    return e.run(env);
  }
  err << "overens: unknown command '" << o.command << "'; see overens --help\n";
  return kExitUsage;
}

}  // namespace overens
