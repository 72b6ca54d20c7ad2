// libFuzzer target over ingestion + normalization + extraction + rules.
// Build: cmake -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DOVERENS_FUZZ=ON
// Run:   build-fuzz/overens_fuzz -max_total_time=600 tests/fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extractor/extract.h"
#include "extractor/ingest.h"
#include "extractor/normalize.h"
#include "model/json_io.h"
#include "rules/registry.h"

namespace {

struct Engine {
  overens::ReferenceData ref = overens::LoadReferenceData(overens::EmbeddedReferenceSources()).value();
  std::unique_ptr<overens::Extractor> extractor = overens::Extractor::Create(ref).value();
  std::vector<std::unique_ptr<overens::Rule>> rules = overens::RegisterAllRules();
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Engine* engine = new Engine();  // built once; the fuzzer never exits cleanly
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto src = bytes.starts_with("%PDF-")      ? overens::DecodePdf(bytes, "fuzz.pdf")
             : bytes.starts_with("PK\x03\x04") ? overens::DecodeOfficeDocument(bytes, "fuzz.docx", 1 << 20)
                                               : overens::DecodeText(bytes, "fuzz.txt");
  if (!src.ok()) return 0;
  overens::NormalizedText text = overens::Normalize(src.value());
  overens::Document doc = engine->extractor->Extract(text, "fuzz.txt");
  overens::CheckOptions options;
  options.as_of = {2026, 11, 22};
  auto findings = overens::RunRules(engine->rules, doc, engine->ref, options);
  // The JSON writer replaces broken UTF-8 with U+FFFD; from a text without
  // one, a U+FFFD in the output means a field was cut inside a character.
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string json = overens::DocumentToJson(doc) + overens::FindingsToJson(findings);
  if (text.joined.find(kReplacement) == std::string::npos && json.find(kReplacement) != std::string::npos) std::abort();
  return 0;
}
