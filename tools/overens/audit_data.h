// What an audit holds, computed once from the loaded documents and then
// rendered as a workbook, CSV or JSON (audit.cc, audit_xlsx.cc).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "rules/registry.h"
#include "tools/overens/commands.h"

namespace overens {

// The state of one framework item in one document.
enum class CellStatus { kPresent, kDeviates, kMissing, kMissingOptional, kUnread, kAdded };

struct AuditCell {  // one matrix cell with its evidence
  std::string dimension;  // "target-groups" | "areas" | "sections"
  size_t doc = 0;         // index into AuditData::docs
  std::string item;       // framework id, or the local name of an added item
  CellStatus status = CellStatus::kMissing;
  std::string detail;     // the deviation ("narrowed") or what is missing ("follow-up")
  std::string quote;      // verbatim at `line`; empty when the text has none (an absence)
  int line = 0;           // the quote's line, or for an absence the heading it belongs under (0: none)
};

struct AuditDocument {
  Document doc;
  std::string shown;     // the file as the workbook names it: relative to the audited folder
  std::string link;      // the file relative to the workbook, for a hyperlink
  std::string sha256;
  DocumentScope scope;
  std::vector<int> page_of_line;  // PDFs: the page of each source line
  int errors = 0, warnings = 0, infos = 0;
  int Page(int line) const { return PageOfLine(page_of_line, line); }
};

struct AuditFinding {
  Finding finding;
  size_t doc = 0;
  std::string unique_id;  // the finding id, suffixed when the same id comes again (same evidence on two lines)
};

struct AuditData {
  std::vector<AuditDocument> docs;
  std::vector<FailedInput> failed;
  std::vector<AuditCell> cells;
  std::vector<AuditFinding> findings;
};

// Reads documents into an audit one at a time, as ForEachInput hands them
// on: their findings under `rules` and each framework item's state with its
// evidence; what the sheets do not read is dropped. Finish() names each
// file relative to the audited folder and links it relative to -o.
class AuditBuilder {
 public:
  AuditBuilder(const CommandEnv& env, const std::vector<std::unique_ptr<Rule>>& rules) : env_(env), rules_(rules) {}
  void Add(LoadedDocument&& document);
  AuditData Finish(std::vector<FailedInput> failed);

 private:
  const CommandEnv& env_;
  const std::vector<std::unique_ptr<Rule>>& rules_;
  AuditData a_;
  std::map<std::string, int> seen_ids_;  // how often each finding id came, for unique ids
};

// The delregion a document belongs to, or "–" (another county's or unknown).
std::string DelregionOf(const Document& d);

// Whether an activity's deadline had passed as of the audit's date, and
// whether the plan calls it done (met, not open).
enum class Passed { kNoDeadline, kNo, kYes, kYesDone };
Passed PassedAsOf(const Responsibility& r, CivilDate as_of);

// A cell's status in words: "finns", "avviker (snävare)", "saknas", ...
std::string StatusWords(const ReferenceData& ref, Language language, const AuditCell& c);

// Writes the audit workbook to `path` (atomically).
Status WriteAuditWorkbook(const CommandEnv& env, const AuditData& a, const std::string& path);

}  // namespace overens
