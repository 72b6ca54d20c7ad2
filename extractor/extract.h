// Extraction: normalized text + reference data -> canonical Document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractor/dates.h"
#include "extractor/normalize.h"
#include "extractor/structure.h"
#include "model/model.h"
#include "model/reference_data.h"
#include "model/status.h"

namespace overens {

struct CompiledReference;  // RE2 patterns built once from ReferenceData

class Extractor {
 public:
  // Compiles every pattern of the reference data once; fails with a data
  // error naming the pattern when one is not valid RE2. `ref` must outlive
  // the Extractor. The Extractor is immutable and safe to share across threads.
  static Result<std::unique_ptr<Extractor>> Create(const ReferenceData& ref);
  ~Extractor();

  // Fills every field it can find; an item is left out rather than guessed.
  Document Extract(const NormalizedText& text, const std::string& path) const;
  // As above, and reads `text` where it lies, changing it as the reading
  // needs (SplitInlineLabels), where the other copies the text to change
  // it: one large document is then held once.
  Document Extract(NormalizedText&& text, const std::string& path) const;

  const DateGrammar& dates() const { return dates_; }
  const ReferenceData& reference() const { return ref_; }

 private:
  Extractor(const ReferenceData& ref, std::unique_ptr<CompiledReference> compiled);
  // Extract's work on text whose inline labels are split.
  Document ExtractSplit(const NormalizedText& text, const std::string& path) const;
  const ReferenceData& ref_;
  std::unique_ptr<CompiledReference> compiled_;
  DateGrammar dates_;
};

}  // namespace overens
