#include "extractor/extract.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "extractor/extract_internal.h"
#include "extractor/start_literals.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

// A reference-data problem, named by the file it comes from and what to do.
Status BadPattern(const char* file, const std::string& what, const std::string& pattern, const std::string& why) {
  return Status::DataError(std::string(file) + ": " + what + " pattern '" + pattern + "' " + why +
                           "; correct it (RE2 syntax) or remove it");
}

// Checks a case-insensitive pattern of reference data by parsing it, not
// compiling it (quietly: the library never prints): compiling is left to
// where it is used.
Status CheckPattern(const std::string& pattern, const char* what, const char* file) {
  std::string error;
  RE2::Set parsed(RE2::Options(RE2::Quiet), RE2::UNANCHORED);
  if (parsed.Add("(?i)" + pattern, &error) < 0) return BadPattern(file, what, pattern, "is not valid RE2 (" + error + ")");
  return Status::Ok();
}

// Checks `pattern` and adds it to `out`, to be compiled at its first use.
Status Compile(const std::string& id, const std::string& pattern, const char* what, const char* file,
               std::vector<NamedPattern>& out) {
  if (Status s = CheckPattern(pattern, what, file); !s.ok()) return s;
  out.push_back({id, std::make_unique<PatternOnDemand>("(?i)" + pattern)});
  return Status::Ok();
}

std::vector<std::string_view> DutyGateWords() {
  std::vector<std::string_view> words(std::begin(kDutyVerbWords), std::end(kDutyVerbWords));
  words.insert(words.end(), std::begin(kAgentWords), std::end(kAgentWords));
  return words;
}

}  // namespace

std::vector<std::vector<std::string_view>> GateWords() {
  return {
      {"revisor", "granskning", "revisionskriteri", "revisionsfråg"},
      {"lämna ett svar", "e-postadressen publiceras", "publicerad den", "läs mer om", "dela sidan"},
      {"upphävs", "upphör att gälla", "ersätter", "ersätts"},
      {"sum", "total"},
      {"gånger", "gång per", "gång i", "gång om", "gång/", "tillfällen", "möten", "ggr"},
      {"årlig", "en gång per år", "varje år", "halvårsvis", "kvartalsvis", "månadsvis", "varje månad", "varje kvartal",
       "varje tertial", "tertialvis", "varje halvår", "varje termin", "terminsvis", "varje vecka", "veckovis"},
      {"i år", "nästa år", "nästkommande år", "förra året", "i fjol"},
      {"utvecklingsområde"},
      {"reviderad", "reviderat", "uppdaterad", "uppdaterat"},
      DutyGateWords(),
  };
}

namespace {

// The bytes of "(?:\s+(?i:kommun|stad)\b)?" at text[at]: the word that makes
// a name a party ("Malmö stad", "Lunds kommun").
size_t PartyWordAt(std::string_view text, size_t at) {
  size_t word = at;
  while (word < text.size() && IsRe2Space(text[word])) ++word;
  if (word == at) return 0;
  for (std::string_view party : {"kommun", "stad"}) {
    size_t n = Re2CaselessAt(text, word, party);
    if (n == std::string_view::npos) continue;
    size_t end = word + n;
    return end == text.size() || !IsRe2Word(text[end]) ? end - at : 0;
  }
  return 0;
}

}  // namespace

std::vector<PlaceMention> FindPlaces(const CompiledReference& c, std::string_view text, const std::vector<size_t>& starts) {
  std::vector<PlaceMention> out;
  size_t pos = 0;
  for (size_t b : starts) {
    if (b < pos || b >= text.size()) continue;
    const auto& candidates = c.places_by_first_byte[static_cast<unsigned char>(text[b])];
    auto first = std::find_if(candidates.begin(), candidates.end(),
                              [&](size_t i) { return text.substr(b).starts_with(c.place_alternatives[i]); });
    if (first == candidates.end()) continue;
    const std::string& name = c.place_alternatives[*first];
    size_t name_end = b + name.size();
    size_t after_s = name_end + (name_end < text.size() && text[name_end] == 's' ? 1 : 0);
    size_t party = PartyWordAt(text, after_s);
    pos = name_end;
    size_t word_end = after_s + party;
    if ((b > 0 && IsWordByte(text[b - 1])) || (word_end < text.size() && IsWordByte(text[word_end]))) continue;
    PlaceMention m;
    m.offset = b;
    auto kommun = c.kommun_of.find(name);
    m.kommun = kommun != c.kommun_of.end();
    m.name = m.kommun ? kommun->second : name;
    m.as_party = m.kommun && party > 0;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<size_t> ExtractionRun::LinesOf(Gate gate) const {
  std::vector<size_t> out;
  for (const KeywordGate::Hit& h : hits) {
    if (h.group != static_cast<uint32_t>(gate)) continue;
    size_t line = text.LineIndexAt(h.begin);
    if (out.empty() || out.back() != line) out.push_back(line);
  }
  return out;
}

namespace {

// The words every match of patterns[i] starts with; owner[w] is the index
// of the pattern word w came from. nullopt when one pattern has none.
std::optional<std::vector<std::string>> StartWords(const std::vector<NamedPattern>& patterns, std::vector<size_t>& owner) {
  std::vector<std::string> words;
  owner.clear();
  for (size_t i = 0; i < patterns.size(); ++i) {
    auto starts = StartLiterals(patterns[i].re->pattern());
    if (!starts) return std::nullopt;
    words.insert(words.end(), starts->begin(), starts->end());
    owner.insert(owner.end(), starts->size(), i);
  }
  return words;
}

// `pattern` with each plain space (not escaped, not in a character class)
// made "\s+", so that the words it joins may stand on two lines.
std::string SpacesAcrossLines(const std::string& pattern) {
  std::string out;
  bool in_class = false, escaped = false;
  for (char c : pattern) {
    if (c == ' ' && !in_class && !escaped) {
      out += "\\s+";
      continue;
    }
    if (!escaped && c == '[') in_class = true;
    if (!escaped && c == ']') in_class = false;
    escaped = !escaped && c == '\\';
    out += c;
  }
  return out;
}

// The literals of counties.xml (see CompiledReference::county_literals).
void CollectCountyNames(const ReferenceData& ref, CompiledReference& c) {
  using Kind = CountyNameInfo::Kind;
  auto add = [&](const std::string& literal, CountyNameInfo info) {
    if (!literal.empty()) c.county_name_of.try_emplace(literal, info);  // a county's own names come first
  };
  for (size_t i = 0; i < ref.counties.size(); ++i)
    for (const CountyName& n : ref.counties[i].names) add(n.text, {static_cast<int>(i), n.weak ? Kind::kLand : Kind::kBody});
  for (size_t i = 0; i < ref.counties.size(); ++i)
    for (const std::string& k : ref.counties[i].kommuner) add(k, {static_cast<int>(i), Kind::kKommun});
  for (const std::string& n : ref.national_bodies) add(n, {-1, Kind::kNational});
  for (const auto& [literal, info] : c.county_name_of) c.county_literals.push_back(literal);
  std::sort(c.county_literals.begin(), c.county_literals.end());  // a stable order, whatever the map's
}

// The keyword pass: GateWords(), then the data gates in Gate order; marks
// in c.located the data gates whose words are located.
std::unique_ptr<KeywordGate> BuildGates(CompiledReference& c) {
  std::vector<std::vector<std::string>> data = {c.place_alternatives};
  c.located |= GateBit(Gate::kPlace);
  for (auto [gate, patterns, owner] : {std::tuple{Gate::kDelregionAlias, &c.delregion_aliases, &c.delregion_alias_of_word},
                                       {Gate::kLaw, &c.law_names, &c.law_of_word},
                                       {Gate::kPlaceholder, &c.placeholders, &c.placeholder_of_word},
                                       {Gate::kRenamed, &c.renamed, &c.renamed_of_word}}) {
    auto words = StartWords(*patterns, *owner);
    if (words) c.located |= GateBit(gate);
    data.push_back(words.value_or(std::vector<std::string>{}));
  }
  data.push_back(c.county_literals);
  c.located |= GateBit(Gate::kCountyName);
  std::vector<std::vector<std::string_view>> groups = GateWords();
  for (const auto& words : data) groups.emplace_back(words.begin(), words.end());
  static_assert(static_cast<size_t>(Gate::kCountyName) < KeywordGate::kMaxGroups);
  return std::make_unique<KeywordGate>(groups);
}

}  // namespace

Extractor::Extractor(const ReferenceData& ref, std::unique_ptr<CompiledReference> compiled)
    : ref_(ref), compiled_(std::move(compiled)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const ReferenceData& ref) {
  auto c = std::make_unique<CompiledReference>();
  std::vector<std::pair<std::string, std::string>> sections;
  for (const auto& s : ref.framework.sections) {
    // The structure analyzer compiles them (into sets).
    if (Status checked = CheckPattern(s.pattern, "section", "framework.xml"); !checked.ok()) return checked;
    sections.emplace_back(s.id, s.pattern);
  }
  const Vocabulary& v = ref.vocabulary;
  std::vector<std::string> field_labels(v.responsible_columns.begin(), v.responsible_columns.end());
  field_labels.insert(field_labels.end(), v.due_columns.begin(), v.due_columns.end());
  field_labels.insert(field_labels.end(), v.status_columns.begin(), v.status_columns.end());
  c->structure = std::make_unique<StructureAnalyzer>(sections, std::move(field_labels));
  std::vector<Status> statuses;
  for (const auto& a : ref.framework.areas) statuses.push_back(Compile(a.id, a.pattern, "area", "framework.xml", c->areas));
  for (const auto& d : ref.framework.dispute_ends) statuses.push_back(Compile(d.id, d.text, "dispute-end", "framework.xml", c->dispute_ends));
  for (const auto& d : ref.delregions) {
    for (const auto& alias : d.aliases) statuses.push_back(Compile(d.name, alias, "delregion alias", "delregions.xml", c->delregion_aliases));
    c->delregion_names.insert(d.name);
    for (const auto& k : d.kommuner) {
      c->kommun_of[k] = k;
      c->delregion_of[k] = d.name;
    }
  }
  for (const auto& [name, kommun] : c->kommun_of) c->place_alternatives.push_back(name);
  c->place_alternatives.insert(c->place_alternatives.end(), c->delregion_names.begin(), c->delregion_names.end());
  for (size_t i = 0; i < c->place_alternatives.size(); ++i) {
    const std::string& name = c->place_alternatives[i];
    if (name.empty()) return BadPattern("delregions.xml", "kommun and delregion name", name, "is empty");
    c->places_by_first_byte[static_cast<unsigned char>(name[0])].push_back(i);
  }
  for (const auto& l : ref.laws) {
    std::string alts;
    if (!l.abbrev.empty()) alts += "(?-i)\\b" + l.abbrev + "\\b";
    if (!l.name_pattern.empty()) alts += std::string(alts.empty() ? "" : "|") + "(?i)\\b" + l.name_pattern;
    if (!alts.empty()) statuses.push_back(Compile(l.id, alts, "law", "laws.xml", c->law_names));
  }
  for (const auto& p : ref.vocabulary.placeholders) statuses.push_back(Compile(p, p, "placeholder", "vocabulary.xml", c->placeholders));
  for (const auto& [pattern, current] : ref.vocabulary.renamed)
    statuses.push_back(Compile(current, pattern, "renamed", "vocabulary.xml", c->renamed));
  c->empty_follow_up = std::make_unique<RE2>("(?i)" + ref.vocabulary.empty_follow_up, RE2::Quiet);
  for (const auto& [kind, pattern] : ref.vocabulary.kind_names)
    statuses.push_back(Compile(kind, pattern, "kind-name", "vocabulary.xml", c->kind_names));
  {
    // Its words may stand on two lines ("GRANSKNINGENS" | "INRIKTNING OCH OMFATTNING" in a narrow column).
    std::string heading = SpacesAcrossLines(ref.vocabulary.audit_heading.empty() ? "$^" : ref.vocabulary.audit_heading);
    std::vector<NamedPattern> audit;
    statuses.push_back(Compile("audit-heading", heading, "audit-heading", "vocabulary.xml", audit));
    if (!audit.empty()) c->audit_heading = std::move(audit[0].re);
  }
  for (const auto& tg : ref.framework.target_groups) c->target_group_words.push_back(MeaningWords(ref.vocabulary, tg.text));
  for (const auto& words : c->target_group_words) c->target_group_bags.push_back(c->target_group_lexicon.Learn(words));
  c->target_group_markers = TargetGroupMarkers(c->target_group_words);
  for (const std::string& head : ref.vocabulary.actor_heads) {
    if (head.size() >= 5) c->actor_stems.push_back(head);
    if (head.size() >= CompiledReference::kShortestCompoundHead) c->compound_heads.push_back(head);
  }
  std::sort(c->actor_stems.begin(), c->actor_stems.end());
  std::sort(c->compound_heads.begin(), c->compound_heads.end());
  for (const Status& s : statuses)
    if (!s.ok()) return s;
  if (!c->empty_follow_up->ok())
    return BadPattern("vocabulary.xml", "empty-follow-up", ref.vocabulary.empty_follow_up,
                      "is not valid RE2 (" + c->empty_follow_up->error() + ")");
  struct Group {
    const char* file;
    const char* what;
    std::vector<NamedPattern>* patterns;
  };
  for (auto [filter, g] : {std::pair{&c->placeholder_filter, Group{"vocabulary.xml", "placeholder", &c->placeholders}},
                           {&c->area_filter, Group{"framework.xml", "area", &c->areas}}}) {
    for (const NamedPattern& p : *g.patterns)
      if (!filter->Add(p.re->pattern())) return BadPattern(g.file, g.what, p.re->pattern(), "cannot join an RE2 set");
    if (!g.patterns->empty() && !filter->Compile()) return BadPattern(g.file, g.what, "(all)", "cannot be combined into an RE2 set");
  }
  for (auto [joined, g] : {std::pair{&c->delregion_alias_union, Group{"delregions.xml", "delregion alias", &c->delregion_aliases}},
                           {&c->law_union, Group{"laws.xml", "law", &c->law_names}},
                           {&c->renamed_union, Group{"vocabulary.xml", "renamed", &c->renamed}}}) {
    for (const NamedPattern& p : *g.patterns)
      joined->AddValid(p.re->pattern());
    if (!joined->Compile()) return BadPattern(g.file, g.what, "(all)", "cannot be combined into one alternation");
  }
  CollectCountyNames(ref, *c);
  c->gates = BuildGates(*c);
  return std::unique_ptr<Extractor>(new Extractor(ref, std::move(c)));
}

Document Extractor::Extract(const NormalizedText& text, const std::string& path) const {
  if (!compiled_->structure->HasInlineLabel(text)) return ExtractSplit(text, path);
  NormalizedText split = text;
  compiled_->structure->SplitInlineLabels(split);
  return ExtractSplit(split, path);
}

Document Extractor::Extract(NormalizedText&& text, const std::string& path) const {
  compiled_->structure->SplitInlineLabels(text);
  return ExtractSplit(text, path);
}

Document Extractor::ExtractSplit(const NormalizedText& text, const std::string& path) const {
  Document doc;
  doc.file = path;
  Structure structure = compiled_->structure->Analyze(text);
  ExtractionRun run{text, structure, *compiled_, ref_, dates_, doc, dates_.Scan(text.joined), {}, 0, {}, {}};
  run.gates = compiled_->gates->Scan(text.joined, compiled_->located, &run.hits);
  std::sort(run.hits.begin(), run.hits.end(),
            [](const KeywordGate::Hit& a, const KeywordGate::Hit& b) { return a.begin < b.begin; });
  run.title_end = TitleBlockEnd(run);
  ExtractDocumentInfo(run);
  ExtractRegion(run);
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
  ExtractOldNames(run);
  ExtractSignatories(run);
  return doc;
}

}  // namespace overens
