// XML read/write of the canonical model under a versioned schema
// (docs/model-schema.md). Scalars are attributes, lists and nested records
// are child elements; an absent optional is an absent attribute/element.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "model/status.h"

namespace overens {

inline constexpr int kModelSchemaVersion = 1;

// <overens-model version="1"><document .../>...</overens-model>
std::string DocumentsToXml(const std::vector<Document>& docs);

// Parses what DocumentsToXml wrote. Errors carry the byte offset of the
// problem and what was expected; an unknown schema version is a data error.
Result<std::vector<Document>> DocumentsFromXml(std::string_view xml);

}  // namespace overens
