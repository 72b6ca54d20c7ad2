// The path from a file name to a Document, shared by every command.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/extract.h"
#include "extractor/ingest.h"
#include "extractor/normalize.h"
#include "model/reference_data.h"
#include "model/status.h"

namespace overens {

struct LoadedDocument {
  SourceText source;  // its text dropped once normalized
  // The normalized text, kept when the pipeline does not extract (`overens
  // text`); extraction takes it, so a large document is held once.
  NormalizedText text;
  std::vector<int> page_starts;  // the source lines where pages start (NormalizedText::page_starts)
  int last_source_line = 0;      // of the normalized text
  Document doc;
};

class Pipeline {
 public:
  // Loads reference data (embedded, or overridden by the given files) and
  // compiles it; without `extract` only ingestion and normalization are ready
  // (fast start for `overens text`).
  static Result<std::unique_ptr<Pipeline>> Create(const std::string& framework_file, const std::string& reference_dir,
                                                  bool extract = true);
  // Ingests, normalizes and (when the pipeline extracts) extracts one file.
  Result<LoadedDocument> Load(const std::string& path, const IngestOptions& options) const;
  // Normalizes and (when the pipeline extracts) extracts text already ingested.
  LoadedDocument Process(SourceText source) const;
  const ReferenceData& reference() const { return *ref_; }
  const Extractor& extractor() const { return *extractor_; }

 private:
  std::unique_ptr<ReferenceData> ref_;
  std::unique_ptr<Extractor> extractor_;
};

// Expands directories into the .txt/.pdf/.docx/.odt files below them (sorted); files are
// kept as given. Unreadable directories are reported in `errors`.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, std::vector<Status>& errors);

// Reads a whole file (for --framework, --baseline).
Result<std::string> ReadSmallFile(const std::string& path);

// A temporary file beside `path` that replaces `path` only on Commit(), so
// readers never see a partial output; dropped without Commit() it is removed.
// A symlink is followed (the file it points to is replaced, the link stays);
// an existing file keeps its mode; a device, pipe or socket (`/dev/null`,
// `/dev/stdout`) is written through instead of replaced. Temporaries older
// than a day, left beside the target by a killed write, are removed.
class AtomicFile {
 public:
  static Result<AtomicFile> Create(const std::string& path);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  ~AtomicFile();
  const std::string& temp_path() const { return temp_; }
  int fd() const { return fd_; }
  // Appends `bytes` to the temporary file.
  Status Write(std::string_view bytes);
  // Flushes, closes and renames over the target.
  Status Commit();

 private:
  AtomicFile(std::string path, std::string temp, int fd) : path_(std::move(path)), temp_(std::move(temp)), fd_(fd) {}
  Status CommitThrough();
  std::string path_, temp_;
  int fd_ = -1;
  bool done_ = false;
  int through_fd_ = -1;  // a device or pipe: copied into on Commit instead of renamed over
  unsigned mode_ = 0644;
};

// Refuses (usage error) an output `path` given by `flag` that is one of
// `inputs` by any name: the same file reached by another path or a link.
Status RefuseOutputOverInput(const std::string& flag, const std::string& path, const std::vector<std::string>& inputs);

// Writes `content` to `path` through an AtomicFile.
Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace overens
