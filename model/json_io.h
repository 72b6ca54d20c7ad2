// JSON output of the canonical model, following the contract in the header of
// shared/eval/score.py: item spans are flattened to a top-level "line".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/model.h"

namespace overens {

// Pretty-printed JSON of one document (UTF-8, no trailing newline).
std::string DocumentToJson(const Document& doc);
// {"findings": [...]} with each finding's rule, severity, file, line, message, evidence.
std::string FindingsToJson(const std::vector<Finding>& findings);
// How a checked document was read and which rules it was held to.
struct CheckedDocument {
  std::string file;
  DocumentKind kind = DocumentKind::kAnnat;
  std::optional<std::string> region, delregion;
  std::optional<CivilDate> date;
  std::string scope;  // "framework": every rule; "general": the general rules only
  std::string why;    // the note: why not every rule ran, or what it was read as; empty otherwise
};
// One finding as FindingsToJson writes each (pretty-printed, no newline at the end).
std::string FindingToJson(const Finding& finding);
// The "documents" array of `check --format json`: how each document was
// read and which rules it was held to (file, kind, region, delregion, date,
// scope, why).
std::string DocumentsJson(const std::vector<CheckedDocument>& documents);
// Pretty-printed text of any JSON value (no trailing newline). A string that
// is not valid UTF-8 gets U+FFFD for its broken bytes instead of failing the
// whole output: every JSON writer of the tool goes through here.
std::string JsonText(const nlohmann::ordered_json& json);

}  // namespace overens
