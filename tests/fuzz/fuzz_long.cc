// libFuzzer target over the temporal grammar and the line normalizer with
// long inputs (run with -max_len of 1 MB): what a document written as one
// line, or a table of thousands of cells, puts through them. A slow input is
// a finding too: libFuzzer's -timeout reports any that takes over seconds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extractor/dates.h"
#include "extractor/ingest.h"
#include "extractor/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const overens::DateGrammar* grammar = new overens::DateGrammar();  // compiled once
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto src = overens::DecodeText(bytes, "fuzz.txt");
  if (!src.ok()) return 0;
  overens::NormalizedText text = overens::Normalize(src.value());
  overens::DateScanOptions options;
  options.anchor_year = 2025;
  grammar->Scan(text.joined, options);
  return 0;
}
