// Shared state of one extraction run; internal to extractor/.
#pragma once

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>

#include "extractor/extract.h"
#include "extractor/keyword_gate.h"
#include "extractor/re2_util.h"
#include "extractor/text_util.h"

namespace overens {

struct NamedPattern {
  std::string id;
  std::unique_ptr<PatternOnDemand> re;  // "(?i)" and the reference data's pattern; compiled at its first use
};

// Passes that run only when the text contains one of their gate's words.
// A gate lists every literal alternative of the pattern it guards (lower
// case), so skipping the pass can never hide a match; GateWords() holds the
// words, and one KeywordGate scan per text answers all gates at once.
// The same scan locates the words of some gates (CompiledReference::located), so their
// patterns only look where a match can be: on the lines holding a word, when
// the pattern cannot cross a line, or at the words themselves, when every
// match starts with one (StartLiterals).
enum class Gate : uint8_t {
  kAudit,         // document_info.cc: kAudit
  kNews,          // document_info.cc: kNews
  kRepeal,        // terms.cc: kRepeal
  kTotals,        // tables.cc: kTotalHeader
  kCountPerYear,  // references.cc: kPerYear
  kRecurrence,    // references.cc: kAnnual
  kRelativeYear,  // date_roles.cc: kRelative
  kAddedArea,     // plan.cc: kAddedArea
  kRevised,       // date_roles.cc: kRevised
  kDuty,          // plan.cc: Duty's kWords
  // From the reference data; every match of the guarded pattern starts with a word.
  kPlace,           // place_alternatives: the kommun and delregion names
  kDelregionAlias,  // delregion_alias_union
  kLaw,             // law_union
  kPlaceholder,     // placeholders; placeholder_of_word maps each word to its pattern
  kRenamed,         // renamed_union
  kCountyName,      // county_literals: every county, kommun and national body name of counties.xml
};
std::vector<std::vector<std::string_view>> GateWords();  // the static gates, kAudit..kDuty
// The words a duty in running text needs (plan.cc, Duty): a duty's verb
// ("X ska ...") and a passive naming its agent ("... följs upp av X").
inline constexpr std::string_view kDutyVerbWords[] = {" ska ", " skall ", " har ", " skyldig", " ansvarar för", " åtar sig",
                                                      " förbinder sig"};
inline constexpr std::string_view kAgentWords[] = {"följs upp av ", "samordnas av ", "leds av ", "genomförs av ",
                                                   "ansvaras av ", "bereds av ", "beslutas av "};

constexpr uint64_t GateBit(Gate g) { return uint64_t{1} << static_cast<unsigned>(g); }
// Gates whose words the scan locates. kTotals, kCountPerYear and kRecurrence
// guard patterns that cannot match a line break, so lines with a word suffice.
constexpr uint64_t kLineGates = GateBit(Gate::kTotals) | GateBit(Gate::kCountPerYear) | GateBit(Gate::kRecurrence);
// Gates whose patterns are tried on units and headings, each made of whole
// lines: a word of them within one starts on one of its lines (LinesOf).
constexpr uint64_t kUnitGates = GateBit(Gate::kRepeal) | GateBit(Gate::kAddedArea) | GateBit(Gate::kDuty);
// Whether one of `lines` (ascending) lies in [first, last].
inline bool HoldsLine(const std::vector<size_t>& lines, size_t first, size_t last) {
  auto at = std::lower_bound(lines.begin(), lines.end(), first);
  return at != lines.end() && *at <= last;
}

// What a name of counties.xml names.
struct CountyNameInfo {
  enum class Kind : uint8_t { kBody, kLand, kKommun, kNational };
  int county = -1;  // index into ReferenceData::counties; -1 for a national body
  Kind kind = Kind::kBody;
};

struct CompiledReference {
  std::unique_ptr<KeywordGate> gates;
  // GateBit()s of the gates whose words are located: kLineGates, kUnitGates, and the data
  // gates whose every pattern has StartLiterals (the others scan the whole text).
  uint64_t located = kLineGates | kUnitGates;
  // A located data gate's word -> the index of the pattern it starts.
  std::vector<size_t> delregion_alias_of_word, law_of_word, placeholder_of_word, renamed_of_word;
  std::unique_ptr<StructureAnalyzer> structure;
  std::vector<NamedPattern> areas;          // framework area id -> pattern
  PatternFilter area_filter;                // the same patterns as one set
  std::vector<NamedPattern> dispute_ends;
  std::vector<NamedPattern> delregion_aliases;  // id = delregion name
  PatternUnion delregion_alias_union;
  // Every kommun name, then every delregion name: FindPlaces reads the first
  // that a place gate's word starts with, as an alternation of them would.
  std::vector<std::string> place_alternatives;
  std::array<std::vector<size_t>, 256> places_by_first_byte;  // indexes into place_alternatives, in order
  std::map<std::string, std::string, std::less<>> kommun_of;  // name (and genitive) -> kommun
  std::set<std::string, std::less<>> delregion_names;
  std::map<std::string, std::string, std::less<>> delregion_of;  // kommun -> its delregion's name
  std::vector<NamedPattern> law_names;          // id = law id; abbreviation or name
  PatternUnion law_union;
  std::vector<NamedPattern> placeholders;
  PatternFilter placeholder_filter;
  std::vector<NamedPattern> renamed;  // id = the name used now
  PatternUnion renamed_union;
  std::unique_ptr<RE2> empty_follow_up;
  std::vector<std::vector<std::string>> target_group_words;  // folded, variants applied, per framework group
  Lexicon target_group_lexicon;                        // the words of the above
  std::vector<WordBag> target_group_bags;              // the above as bags of that lexicon
  // Per framework group, its content words no other group has ("missbrukar", "hemmet").
  std::vector<std::vector<std::string>> target_group_markers;
  // The vocabulary's actor heads of five or more bytes, sorted: an inflected
  // word that starts with one names the same actor ("vårdcentralerna").
  std::vector<std::string> actor_stems;
  // The actor heads of kShortestCompoundHead or more bytes, sorted: a
  // compound that ends in one after kShortestModifier bytes names that kind
  // of actor ("omsorgsförvaltningen").
  static constexpr size_t kShortestCompoundHead = 7, kShortestModifier = 3;
  std::vector<std::string> compound_heads;
  std::vector<NamedPattern> kind_names;  // id = kind-name of vocabulary.xml, in its order
  std::unique_ptr<PatternOnDemand> audit_heading;
  // Every county name, kommun name and national body of counties.xml, found
  // by the keyword pass (Gate::kCountyName; its word i is county_literals[i])
  // and named in county_name_of.
  std::vector<std::string> county_literals;
  std::unordered_map<std::string, CountyNameInfo> county_name_of;
};

// Folded words of `text` with the vocabulary's spelling variants applied.
std::vector<std::string> MeaningWords(const Vocabulary& vocab, std::string_view text);
// Per group of `groups` (each its MeaningWords), the content words no other group has.
std::vector<std::vector<std::string>> TargetGroupMarkers(const std::vector<std::vector<std::string>>& groups);

// A kommun or delregion name in the joined text.
struct PlaceMention {
  std::string name;  // canonical kommun or delregion name
  size_t offset = 0;
  bool kommun = false;
  bool as_party = false;  // "Trelleborgs kommun", "Malmö stad"
};
// The places named in `text`: at each of `starts` (where a kPlace word
// starts, ascending: ExtractionRun::StartsOf) the first of
// c.place_alternatives written there with its exact case, then an optional
// genitive "s" and a party word, as the RE2
// "(?:<names>)s?(?:\s+(?i:kommun|stad)\b)?" would match there; a name
// inside a longer word (RE2's \b is ASCII only) does not count.
std::vector<PlaceMention> FindPlaces(const CompiledReference& c, std::string_view text, const std::vector<size_t>& starts);

// A date found in the text, with the line index it starts on.
struct FoundDate {
  DateMatch match;
  size_t line = 0;
};

// A row of an action plan's activity table: a heading row of cells naming
// what is done and who is responsible ("Aktivitet  Ansvarig  Klart"), then
// rows whose cells line up under those headings.
struct ActivityRow {
  size_t first = 0, last = 0;  // line indexes; a row's cells may wrap onto more lines
  std::string activity, responsible, status;
  std::string due_text;   // the due column's words, a date or not ("Löpande")
  std::string follow_up;  // a follow-up column's words ("Antal samtal")
  std::string area;       // an area column's words ("Suicidprevention")
  std::optional<size_t> due;  // index into doc.dates of the date in the row's due column
};
// Every activity table's rows, in order; in_table[i] is set for each line
// the tables take, their heading rows included.
struct ActivityTableRows {
  std::vector<ActivityRow> rows;
  std::vector<bool> in_table;
};

struct ExtractionRun {
  const NormalizedText& text;
  const Structure& structure;
  const CompiledReference& compiled;
  const ReferenceData& ref;
  const DateGrammar& grammar;
  Document& doc;
  std::vector<DateMatch> plain_dates;  // one scan without an anchor year, shared by the field extractors
  std::vector<FoundDate> dates;  // dates[i] is doc.dates[i] before roles were given
  uint64_t gates = 0;            // compiled.gates->Scan(text.joined)
  std::vector<KeywordGate::Hit> hits;  // of the located gates, by offset
  // The activity tables, read once: areas and responsibilities both need
  // them. Reading them gives no date a role, so either may read them first.
  std::optional<ActivityTableRows> tables;
  // The line index where the title block ends (TitleBlockEnd), found once:
  // the kind, the date, the region and the validity all read the title block.
  size_t title_end = 0;
  // Each of doc.areas' lines in the text, ascending (ExtractAreas sets them).
  std::vector<size_t> area_lines = {};

  // Whether the text contains one of the gate's words, ignoring case. A match
  // RE2's (?i) would find only through a case fold outside Latin-1 (U+017F
  // "ſ" for "s") is knowingly given up; NFC already turned the Kelvin and
  // Ångström signs into K and Å.
  bool Mentions(Gate gate) const { return gates & GateBit(gate); }
  // Whether the gate's words were located (else its pattern scans the whole text).
  bool Located(Gate gate) const { return compiled.located & GateBit(gate); }
  // Where the located gate's words start, ascending and without repeats.
  std::vector<size_t> StartsOf(Gate gate) const {
    std::vector<size_t> out;
    for (const KeywordGate::Hit& h : hits)
      if (h.group == static_cast<uint32_t>(gate) && (out.empty() || out.back() != h.begin)) out.push_back(h.begin);
    return out;
  }
  // The lines holding a word of the located gate, ascending.
  std::vector<size_t> LinesOf(Gate gate) const;
  // The indexes into `dates` (and doc.dates) of the dates on text lines
  // [first, last], as [begin, end): the dates are in text order, so they
  // are found by search rather than by reading them all.
  std::pair<size_t, size_t> DatesOnLines(size_t first, size_t last) const {
    auto by_line = [](const FoundDate& d, size_t line) { return d.line < line; };
    auto b = std::lower_bound(dates.begin(), dates.end(), first, by_line);
    auto e = std::lower_bound(b, dates.end(), last + 1, by_line);
    return {static_cast<size_t>(b - dates.begin()), static_cast<size_t>(e - dates.begin())};
  }
  // The units with a word of the located gate starting on one of their lines,
  // in order.
  std::vector<const Unit*> UnitsHolding(Gate gate) const {
    std::vector<const Unit*> out;
    std::vector<size_t> lines = LinesOf(gate);
    for (const Unit& u : structure.units)
      if (HoldsLine(lines, u.first, u.last)) out.push_back(&u);
    return out;
  }
  // The units under heading h. Units go by line, and so do their headings,
  // so they are found by search rather than by reading every unit.
  std::span<const Unit> UnitsUnder(size_t h) const {
    const auto& units = structure.units;
    auto before = [](const Unit& u, int heading) { return u.heading < heading; };
    auto b = std::lower_bound(units.begin(), units.end(), static_cast<int>(h), before);
    auto e = std::lower_bound(b, units.end(), static_cast<int>(h) + 1, before);
    return {b, e};
  }
  // For a located data gate: calls fn(pattern index, begin, match) for every
  // match of `patterns` in the joined text, as their PatternUnion's
  // ForEachMatch reports them. At each start of a word, the patterns that
  // word starts (`pattern_of_word`) are tried in order, anchored, and the
  // first that matches wins. Any pattern matching there starts with one of
  // its words, so none is missed; each RE2 is asked for its whole match only,
  // which keeps it on its DFA instead of the union's capture groups.
  template <typename Fn>
  void ForEachGateMatch(Gate gate, const std::vector<NamedPattern>& patterns, const std::vector<size_t>& pattern_of_word,
                        Fn fn) const {
    std::vector<std::pair<size_t, size_t>> tries;  // (begin, pattern)
    for (const KeywordGate::Hit& h : hits)
      if (h.group == static_cast<uint32_t>(gate)) tries.emplace_back(h.begin, pattern_of_word[h.word]);
    std::sort(tries.begin(), tries.end());
    re2::StringPiece in(text.joined.data(), text.joined.size()), m;
    size_t pos = 0;
    for (auto [begin, i] : tries) {
      if (begin < pos || !patterns[i].re->get().Match(in, begin, in.size(), RE2::ANCHOR_START, &m, 1)) continue;
      fn(i, begin, std::string_view(m.data(), m.size()));
      pos = begin + std::max<size_t>(m.size(), 1);
    }
  }

  SourceSpan SpanOfLine(size_t line) const {
    return SourceSpan{text.lines[line].source_line, 1, static_cast<int>(text.lines[line].text.size())};
  }
  const std::string& Line(size_t i) const { return text.lines[i].text; }
  // `words`, found at byte `begin` of the joined text, with their span.
  // Words running over lines are quoted on one, a space where the line broke.
  Evidence EvidenceAt(size_t begin, std::string_view words) const {
    size_t line = text.LineIndexAt(begin);
    std::string quote(words);
    std::replace(quote.begin(), quote.end(), '\n', ' ');
    return Evidence{std::move(quote), SourceSpan{text.lines[line].source_line, text.ColumnAt(begin), static_cast<int>(words.size())}};
  }
  // `words`, a view into the joined text, with their span.
  Evidence EvidenceOf(std::string_view words) const {
    return EvidenceAt(static_cast<size_t>(words.data() - text.joined.data()), words);
  }
  // The line of unit u that holds byte `offset` of u.text (its lines joined
  // by one space, without blank lines and links inside a sentence).
  size_t LineInUnit(const Unit& u, size_t offset) const {
    size_t at = 0;
    for (size_t li = u.first; li <= u.last; ++li) {
      const std::string& t = text.lines[li].text;
      if (t.empty() || structure.left_out[li]) continue;
      if (offset < at + t.size() + 1) return li;
      at += t.size() + 1;
    }
    return u.last;
  }
  // The heading governing line i, or nullptr.
  const Heading* HeadingOf(size_t i) const {
    int h = structure.heading_of_line[i];
    return h < 0 ? nullptr : &structure.headings[static_cast<size_t>(h)];
  }
};

// First match of `re` in `text` (whole match); false when none.
inline bool FindFirst(const RE2& re, std::string_view text, std::string_view* match) {
  re2::StringPiece in(text.data(), text.size()), m;
  if (!re.Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) return false;
  *match = std::string_view(m.data(), m.size());
  return true;
}

// Whether the noun phrase's own head (before "där", "som", "från" ...)
// names an actor: a word of the vocabulary's actor heads, its inflection or
// a compound ending in one ("vårdcentralerna", "vuxenpsykiatri"). plan.cc.
bool HasActorHead(const ExtractionRun& run, std::string_view np);

// Field extractors, one per file; each appends to run.doc.
// Every activity table's rows, read on first use and kept on the run (see
// ExtractionRun::tables).
const ActivityTableRows& ActivityTables(ExtractionRun& run);

void ExtractDocumentInfo(ExtractionRun& run);      // kind, delregion, municipalities, date
void ExtractRegion(ExtractionRun& run);            // the county; after document info, whose delregion it may clear
// The title block: from the first line with text to the first section
// heading, table of contents, paragraph, page break or kTitleBlockLines
// lines on (exclusive). What a document says of itself stands here. Read
// once per run into ExtractionRun::title_end; needs only text and structure.
size_t TitleBlockEnd(const ExtractionRun& run);
void ExtractDates(ExtractionRun& run);             // dates with roles, plan period, framework date
void ExtractTargetGroups(ExtractionRun& run);
void ExtractParties(ExtractionRun& run);
void ExtractAreas(ExtractionRun& run);
void ExtractResponsibilities(ExtractionRun& run);  // after areas and dates
void ExtractOldNames(ExtractionRun& run);
void ExtractAgreementTerms(ExtractionRun& run);    // validity, repeals, dispute ladder, sections
void ExtractLegalReferences(ExtractionRun& run);
void ExtractFrequencies(ExtractionRun& run);
void ExtractTables(ExtractionRun& run);
void ExtractPlaceholders(ExtractionRun& run);
void ExtractSignatories(ExtractionRun& run);

}  // namespace overens
