// JSON output of the canonical model, following the contract in the header of
// shared/eval/score.py: item spans are flattened to a top-level "line".
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace overens {

// Pretty-printed JSON of one document (UTF-8, no trailing newline).
std::string DocumentToJson(const Document& doc);
// {"findings": [...]} with each finding's rule, severity, file, line, message, evidence.
std::string FindingsToJson(const std::vector<Finding>& findings);
// JSON array of documents.
std::string DocumentsToJson(const std::vector<Document>& docs);

}  // namespace overens
