// The path from a file name to a Document, shared by every command.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractor/extract.h"
#include "extractor/ingest.h"
#include "extractor/normalize.h"
#include "model/reference_data.h"
#include "model/status.h"

namespace overens {

struct LoadedDocument {
  SourceText source;
  NormalizedText text;
  Document doc;
};

class Pipeline {
 public:
  // Loads reference data (embedded, or overridden by the given files) and compiles it.
  static Result<std::unique_ptr<Pipeline>> Create(const std::string& framework_file, const std::string& reference_dir);
  Result<LoadedDocument> Load(const std::string& path, const IngestOptions& options) const;
  const ReferenceData& reference() const { return *ref_; }
  const Extractor& extractor() const { return *extractor_; }

 private:
  std::unique_ptr<ReferenceData> ref_;
  std::unique_ptr<Extractor> extractor_;
};

// Expands directories into the .txt/.pdf files below them (sorted); files are
// kept as given. Unreadable directories are reported in `errors`.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, std::vector<Status>& errors);

// Reads a whole file (for --framework, --baseline).
Result<std::string> ReadSmallFile(const std::string& path);

// Writes `content` to `path` atomically: a temporary file in the same
// directory, then rename. "-" writes to stdout via `stdout_sink`.
Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace overens
