#include "extractor/extract.h"

#include "extractor/extract_internal.h"

namespace overens {
namespace {

Status Compile(const std::string& id, const std::string& pattern, const char* what, std::vector<NamedPattern>& out) {
  auto re = std::make_unique<RE2>("(?i)" + pattern);
  if (!re->ok()) return Status::DataError(std::string(what) + " pattern '" + pattern + "' is not valid RE2: " + re->error());
  out.push_back({id, std::move(re)});
  return Status::Ok();
}

// RE2's \b only knows ASCII letters; names such as "Åstorp" and "Malmö" need letter classes.
std::string WholeWord(const std::string& pattern) {
  return "(?:^|[^\\p{L}\\p{N}])(?:" + pattern + ")(?:$|[^\\p{L}\\p{N}])";
}

}  // namespace

Extractor::Extractor(const ReferenceData& ref, std::unique_ptr<CompiledReference> compiled)
    : ref_(ref), compiled_(std::move(compiled)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const ReferenceData& ref) {
  auto c = std::make_unique<CompiledReference>();
  std::vector<std::pair<std::string, std::string>> sections;
  for (const auto& s : ref.framework.sections) sections.emplace_back(s.id, s.pattern);
  c->structure = std::make_unique<StructureAnalyzer>(sections);
  std::vector<Status> statuses;
  for (const auto& a : ref.framework.areas) statuses.push_back(Compile(a.id, a.pattern, "area", c->areas));
  for (const auto& d : ref.framework.dispute_ends) statuses.push_back(Compile(d.id, d.text, "dispute-end", c->dispute_ends));
  for (const auto& d : ref.delregions) {
    for (const auto& alias : d.aliases) statuses.push_back(Compile(d.name, alias, "delregion alias", c->delregion_aliases));
    statuses.push_back(Compile(d.name, "(?-i)" + WholeWord(d.name), "delregion name", c->delregion_bare));
    for (const auto& k : d.kommuner) {
      statuses.push_back(Compile(k, "(?-i)" + WholeWord(k + "s?\\s+(?i:kommun|stad)"), "kommun", c->kommun_party));
      statuses.push_back(Compile(k, "(?-i)" + WholeWord(k + "s?"), "kommun", c->kommun_bare));
    }
  }
  for (const auto& l : ref.laws) {
    std::string alts;
    if (!l.abbrev.empty()) alts += "(?-i)\\b" + l.abbrev + "\\b";
    if (!l.name_pattern.empty()) alts += std::string(alts.empty() ? "" : "|") + "(?i)\\b" + l.name_pattern;
    if (!alts.empty()) statuses.push_back(Compile(l.id, alts, "law", c->law_names));
  }
  for (const auto& p : ref.vocabulary.placeholders) statuses.push_back(Compile(p, p, "placeholder", c->placeholders));
  c->empty_follow_up = std::make_unique<RE2>("(?i)" + ref.vocabulary.empty_follow_up);
  for (const Status& s : statuses)
    if (!s.ok()) return s;
  if (!c->empty_follow_up->ok()) return Status::DataError("empty-follow-up pattern is not valid RE2");
  return std::unique_ptr<Extractor>(new Extractor(ref, std::move(c)));
}

Document Extractor::Extract(const NormalizedText& text, const std::string& path) const {
  Document doc;
  doc.file = path;
  Structure structure = compiled_->structure->Analyze(text);
  ExtractionRun run{text, structure, *compiled_, ref_, dates_, doc, {}};
  ExtractDocumentInfo(run);
  ExtractDates(run);
  ExtractAgreementTerms(run);
  ExtractTargetGroups(run);
  ExtractParties(run);
  ExtractAreas(run);
  ExtractResponsibilities(run);
  ExtractLegalReferences(run);
  ExtractFrequencies(run);
  ExtractTables(run);
  ExtractPlaceholders(run);
  ExtractSignatories(run);
  return doc;
}

}  // namespace overens
