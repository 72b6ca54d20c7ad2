// The explicit list of every rule, and the engine that runs them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/status.h"

#include "rules/rule.h"

namespace overens {

// Every rule, in the order `overens rules` lists them.
std::vector<std::unique_ptr<Rule>> RegisterAllRules();

// Which rules a run uses. Each entry names a rule ("deadline.passed") or a
// group of them, the part before the dot ("deadline").
struct RuleSelection {
  std::vector<std::string> only;            // empty: every rule
  std::vector<std::string> ignore;          // taken out after `only`
  Severity min_severity = Severity::kInfo;  // rules of lower severity do not run
};

// The rules of RegisterAllRules() that `selection` keeps, in that order.
// kUsage when an entry names no rule, so that a misspelt id is not silently
// ignored; the message lists the known groups.
Result<std::vector<std::unique_ptr<Rule>>> SelectRules(const RuleSelection& selection);

// Which of the rules a document is held to, and a note saying why when not
// all of them: the framework's rules apply to agreements and plans of the
// framework's county; a document of another county, of none named, or
// read as something other than an agreement, plan or framework gets the
// general rules only, and a note, so that it is never passed in silence.
struct DocumentScope {
  RuleScope widest = RuleScope::kFramework;  // kFramework: every rule; kGeneral: the general ones
  std::string note;                          // empty when every rule ran on a document they fit
};
DocumentScope ScopeOf(const Document& doc, const ReferenceData& ref, Language language = Language::kSwedish);
// ScopeOf(...).widest without the note: what RunRules needs for each document.
RuleScope WidestScope(const Document& doc, const ReferenceData& ref);

// Runs the rules within ScopeOf(doc) on one document; findings sorted by
// line, then rule id.
std::vector<Finding> RunRules(const std::vector<std::unique_ptr<Rule>>& rules, const Document& doc,
                              const ReferenceData& ref, const CheckOptions& options);

}  // namespace overens
