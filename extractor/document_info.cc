// Kind, municipalities, delregion and the document's own date.
#include <algorithm>
#include <map>
#include <set>

#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

// Matches of `re` in `text`, counting no further than `limit`.
int CountMatches(const RE2& re, std::string_view text, int limit) {
  int n = 0;
  re2::StringPiece in(text.data(), text.size());
  while (n < limit && RE2::FindAndConsume(&in, re)) ++n;
  return n;
}

std::string Title(const NormalizedText& t) {
  std::string title;
  int taken = 0;
  for (const TextLine& l : t.lines) {
    if (l.blank()) continue;
    title += l.text + " ";
    if (++taken == 3) break;
  }
  return Fold(title);
}

DocumentKind DetectKind(const ExtractionRun& run) {
  static const RE2 kAudit(R"((?i)revisor|granskning|revisionskriteri|revisionsfråg)");
  static const RE2 kNews(R"((?i)lämna ett svar|e-postadressen publiceras|publicerad den|läs mer om|dela sidan)");
  static const RE2 kPlanTitle(R"((?i)handlingsplan|aktivitetsplan)");
  static const RE2 kFrameworkTitle(R"((?i)^\s*ramöverenskommelse)");
  static const RE2 kLocalTitle(R"((?i)lokal(a)? överenskommelse)");
  const std::string& all = run.text.joined;
  if (run.Mentions(Gate::kAudit) && CountMatches(kAudit, all, 3) >= 3)
    return DocumentKind::kRevision;
  if (run.Mentions(Gate::kNews) &&
      RE2::PartialMatch(all, kNews))
    return DocumentKind::kAnnat;
  std::string title = Title(run.text);
  std::set<std::string> sections, any_sections;
  for (const Heading& h : run.structure.headings) {
    if (h.section_id == "parter" || h.section_id == "tvister" || h.section_id == "giltighetstid" ||
        h.section_id == "malgrupper")
      sections.insert(h.section_id);
    if (!h.section_id.empty()) any_sections.insert(h.section_id);
  }
  if (RE2::PartialMatch(title, kPlanTitle) && !RE2::PartialMatch(title, kLocalTitle)) return DocumentKind::kHandlingsplan;
  if (RE2::PartialMatch(title, kFrameworkTitle) && sections.size() >= 2) return DocumentKind::kRamoverenskommelse;
  if (RE2::PartialMatch(title, kLocalTitle) && sections.size() >= 2) return DocumentKind::kLokalOverenskommelse;
  // "Överenskommelse om samverkan", "Samverkansavtal": an agreement by another
  // name, with an agreement's sections; an older one may have few of the
  // framework's, but a validity of its own (news of an agreement has none).
  bool agreement_title = title.find("överenskommelse") != std::string::npos || title.find("avtal") != std::string::npos;
  bool agreement_sections = sections.size() >= 3 || (any_sections.size() >= 3 && sections.count("giltighetstid"));
  if (agreement_sections && agreement_title) return DocumentKind::kLokalOverenskommelse;
  if (RE2::PartialMatch(title, kPlanTitle)) return DocumentKind::kHandlingsplan;
  return DocumentKind::kAnnat;
}

std::vector<std::string> Municipalities(const ExtractionRun& run, const std::vector<PlaceMention>& places) {
  std::set<std::string> found;
  const std::string& all = run.text.joined;
  for (const PlaceMention& m : places)
    if (m.as_party) found.insert(m.name);
  // "kommunerna Bjuv, Båstad och Helsingborg": two names in a sentence about
  // kommuner, or a list of three or more names, are the parties. Only
  // sentences around kommun names are read.
  static const RE2 kKommunWord(R"((?i)\bkommun)");
  for (size_t i = 0; i < places.size();) {
    if (!places[i].kommun) {
      ++i;
      continue;
    }
    std::string_view sentence = SentenceAround(all, places[i].offset, places[i].offset, all.size());
    size_t end = static_cast<size_t>(sentence.data() - all.data()) + sentence.size();
    std::vector<const std::string*> names;
    for (; i < places.size() && places[i].offset < end; ++i)
      if (places[i].kommun && std::none_of(names.begin(), names.end(), [&](const std::string* n) { return *n == places[i].name; }))
        names.push_back(&places[i].name);
    if (names.size() >= 3 || (names.size() == 2 && RE2::PartialMatch(sentence, kKommunWord)))
      for (const std::string* n : names) found.insert(*n);
  }
  // Keep the table's order, which is stable and familiar to users.
  std::vector<std::string> out;
  for (const Delregion& d : run.ref.delregions)
    for (const std::string& k : d.kommuner)
      if (found.count(k)) out.push_back(k);
  return out;
}

// The delregion the title names by its kommun ("Handlingsplan för Malmö
// 2025", "Lokal överenskommelse Ystad"): the title is the first lines before
// a blank one. A bare kommun name elsewhere may be a city or a clinic's
// place, but in the title it says whose document this is. nullopt when the
// title names no kommun, or kommuner of two delregions.
std::optional<std::string> TitleDelregion(const ExtractionRun& run, const std::vector<PlaceMention>& places) {
  constexpr size_t kTitleLines = 3;
  const auto& lines = run.text.lines;
  size_t first = 0;
  while (first < lines.size() && lines[first].blank()) ++first;
  size_t last = first;
  while (last + 1 < lines.size() && last + 1 < first + kTitleLines && !lines[last + 1].blank()) ++last;
  if (first >= lines.size()) return std::nullopt;
  size_t title_end = run.text.line_offsets[last] + lines[last].text.size();
  std::set<std::string> named;
  for (const PlaceMention& m : places) {
    if (m.offset >= title_end) break;
    auto d = run.compiled.delregion_of.find(m.name);
    if (m.kommun && m.offset >= run.text.line_offsets[first] && d != run.compiled.delregion_of.end()) named.insert(d->second);
  }
  if (named.size() != 1) return std::nullopt;
  return *named.begin();
}

// Whether byte `offset` of the text is where a document says whose it is:
// its opening lines, or its Parter section. A delregion named elsewhere
// ("lyftas till ledningsgruppen för Familjen Helsingborg") is another body.
bool SaysWhose(const ExtractionRun& run, size_t offset) {
  constexpr size_t kOpeningLines = 6;
  size_t line = run.text.LineIndexAt(offset);
  if (line < kOpeningLines) return true;
  const Heading* h = run.HeadingOf(line);
  return h && h->section_id == "parter";
}

// Sets *named when the text names the delregion it gives by name, not only
// by its kommuner, where it says whose it is (SaysWhose).
std::optional<std::string> DetectDelregion(const ExtractionRun& run, const std::vector<PlaceMention>& places, bool* named) {
  std::set<std::string> from_parties;
  for (const std::string& k : run.doc.municipalities) {
    auto d = run.compiled.delregion_of.find(k);
    from_parties.insert(d == run.compiled.delregion_of.end() ? "" : d->second);
  }
  std::map<std::string, int> mentions;
  std::set<std::string> own;  // named where the text says whose it is
  const auto& aliases = run.compiled.delregion_aliases;
  auto count = [&](size_t i, size_t begin, std::string_view) {
    ++mentions[aliases[i].id];
    if (SaysWhose(run, begin)) own.insert(aliases[i].id);
  };
  if (run.Located(Gate::kDelregionAlias))
    run.ForEachGateMatch(Gate::kDelregionAlias, aliases, run.compiled.delregion_alias_of_word, count);
  else
    run.compiled.delregion_alias_union.ForEachMatch(run.text.joined, count);
  std::set<std::string> mentioned;
  for (auto& [name, n] : mentions)
    if (n > 0) mentioned.insert(name);
  // "Malmö" is also a city and a hospital, so its bare name does not count.
  for (const PlaceMention& m : places)
    if (!m.kommun && run.compiled.delregion_names.count(m.name)) {
      mentioned.insert(m.name);
      if (SaysWhose(run, m.offset)) own.insert(m.name);
    }
  // A text naming most delregions is county-wide, not one delregion's.
  if (mentioned.size() >= 3) return std::nullopt;
  if (from_parties.size() == 1) {
    *named = own.count(*from_parties.begin()) > 0;
    return *from_parties.begin();
  }
  std::string best;
  int best_n = 0, total = 0;
  for (auto& [name, n] : mentions) {
    total += n;
    if (n > best_n) best = name, best_n = n;
  }
  std::optional<std::string> by_mentions;
  if (best_n > 0 && best_n * 2 > total) by_mentions = best;
  // The title decides only where the parties do not; when the text's
  // mentions point elsewhere, neither is trusted.
  std::optional<std::string> by_title = from_parties.empty() ? TitleDelregion(run, places) : std::nullopt;
  if (by_title && by_mentions && *by_title != *by_mentions) return std::nullopt;
  std::optional<std::string> found = by_title ? by_title : by_mentions;
  *named = found && own.count(*found) > 0;
  return found;
}

// The document's own date: a labelled date ("Datum 2023-11-23", "beslutad
// den ...") or a place-and-date signature line near the end.
std::optional<CivilDate> DocumentDate(const ExtractionRun& run) {
  static const RE2 kLabel(
      R"((?i)^(datum|dat\.|daterad|beslutsdatum|beslutad|antagen|fastställd|undertecknad|godkänd)\b[^.]{0,40}$)");
  // "beslutad av <who> den": who runs to the date without a period (no length
  // bound: {1,80} made the automaton huge, and the line is short anyway).
  static const RE2 kDecided(
      R"((?i)\b(beslutad|beslutades|antagen|antogs|fastställd|fastställdes|undertecknad|undertecknades|godkänd|godkändes)\b( av [^.]+?)? (den |på )?$)");
  // "Ystad den", "Östra Göinge,", "Trelleborg, Svedala och Vellinge den": places, then the date.
  static const RE2 kSignature(
      R"(^[A-ZÅÄÖ][\wåäöÅÄÖ]+( [A-ZÅÄÖ][\wåäöÅÄÖ]+)?((, | och )[A-ZÅÄÖ][\wåäöÅÄÖ]+( [A-ZÅÄÖ][\wåäöÅÄÖ]+)?){0,8},? (den )?$)");
  const auto& lines = run.text.lines;
  std::optional<CivilDate> signature;
  for (const DateMatch& m : run.plain_dates) {
    if (m.grain != Grain::kDay || !m.start) continue;
    size_t i = run.text.LineIndexAt(m.begin);
    const std::string& text = lines[i].text;
    if (text.size() > 160) continue;
    std::string before = text.substr(0, m.begin - run.text.line_offsets[i]);
    if (RE2::FullMatch(text, kLabel) || RE2::PartialMatch(before, kDecided)) return m.start;
    if (!signature && i * 10 >= lines.size() * 7 && RE2::FullMatch(before, kSignature)) signature = m.start;
  }
  return signature;
}

}  // namespace

void ExtractDocumentInfo(ExtractionRun& run) {
  Document& doc = run.doc;
  doc.kind = DetectKind(run);
  std::vector<PlaceMention> places = FindPlaces(run.compiled, run.text.joined, run.StartsOf(Gate::kPlace));
  if (doc.kind != DocumentKind::kRevision) doc.municipalities = Municipalities(run, places);
  doc.delregion = DetectDelregion(run, places, &doc.delregion_named);
  doc.date = DocumentDate(run);
}

}  // namespace overens
