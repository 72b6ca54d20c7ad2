// JSON output of the canonical model, following the contract in the header of
// shared/eval/score.py: item spans are flattened to a top-level "line".
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/model.h"

namespace overens {

// Pretty-printed JSON of one document (UTF-8, no trailing newline).
std::string DocumentToJson(const Document& doc);
// {"findings": [...]} with each finding's rule, severity, file, line, message, evidence.
std::string FindingsToJson(const std::vector<Finding>& findings);
// JSON array of documents.
std::string DocumentsToJson(const std::vector<Document>& docs);
// Pretty-printed text of any JSON value (no trailing newline). A string that
// is not valid UTF-8 gets U+FFFD for its broken bytes instead of failing the
// whole output: every JSON writer of the tool goes through here.
std::string JsonText(const nlohmann::ordered_json& json);

}  // namespace overens
