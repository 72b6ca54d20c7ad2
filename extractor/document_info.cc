// Kind, municipalities, delregion and the document's own date.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

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

// A title-block line and where it stands.
struct TitleLine {
  std::string folded;
  size_t line = 0;
};

// The lines of the title block with text, at most kTitleLines of them,
// folded. A text whose first line is already a paragraph (a web page, a
// text on one line) has only the start of that line as its title.
std::vector<TitleLine> TitleLines(const ExtractionRun& run) {
  constexpr size_t kTitleLines = 3, kLongestTitle = 160;
  std::vector<TitleLine> out;
  const auto& lines = run.text.lines;
  size_t end = run.title_end;
  // A template's label says what the document is: "Dokumenttyp: Riktlinje",
  // or "DOKUMENTTYP" with its value on a later line. Its value comes first.
  static const RE2 kTypeLabel(R"((?i)^(dokumenttyp|dokumentslag|typ av dokument)\s*:?\s*(.*)$)");
  for (size_t i = 0; i < end; ++i) {
    std::string value;
    if (lines[i].blank() || !RE2::FullMatch(lines[i].text, kTypeLabel, nullptr, &value)) continue;
    size_t at = i;
    if (value.empty())  // the value on the next line with text
      for (at = i + 1; at < end && lines[at].blank(); ++at) {
      }
    if (value.empty() && at < end) value = lines[at].text;
    if (!value.empty()) out.push_back({Fold(value), at});
    break;
  }
  for (size_t i = 0; i < end && out.size() < kTitleLines; ++i)
    if (!lines[i].blank()) out.push_back({Fold(lines[i].text), i});
  if (out.empty()) {
    size_t first = 0;
    while (first < lines.size() && lines[first].blank()) ++first;
    if (first < lines.size()) {
      std::string_view text = lines[first].text;
      size_t cut = text.size() <= kLongestTitle ? text.size() : text.rfind(' ', kLongestTitle);
      out.push_back({Fold(text.substr(0, cut == std::string_view::npos ? kLongestTitle : cut)), first});
    }
  }
  return out;
}

// What the title block says the document is: the first kind-name of
// vocabulary.xml (in its order) that a title line matches, with the words.
struct TitleKind {
  std::string name;  // kind-name: memo, revision, plan, local, framework, agreement
  Evidence evidence;
};

std::optional<TitleKind> KindOfTitle(const ExtractionRun& run, const std::vector<TitleLine>& title) {
  for (const NamedPattern& p : run.compiled.kind_names)
    for (const TitleLine& t : title) {
      std::string_view m;
      if (!FindFirst(*p.re, t.folded, &m)) continue;
      return TitleKind{p.id, Evidence{std::string(Trim(m, " ")), run.SpanOfLine(t.line)}};
    }
  return std::nullopt;
}

// Whether a section is one an agreement has and a page about one has not.
bool IsAgreementsOwnSection(const std::string& id) {
  return id == "parter" || id == "tvister" || id == "giltighetstid" || id == "malgrupper";
}

// An opening whose contents list three of an agreement's own sections
// (Parter, Målgrupper, Tvister, Giltighetstid) is an agreement's, whatever
// its first page says of it; the evidence is the contents' first entry.
std::optional<Evidence> AgreementContents(const ExtractionRun& run) {
  const auto& listed = run.structure.contents_sections;
  std::set<std::string> own;
  for (const std::string& id : listed)
    if (IsAgreementsOwnSection(id)) own.insert(id);
  if (own.size() < 3) return std::nullopt;
  size_t entry = 0;
  while (entry + 1 < run.structure.left_out.size() && !run.structure.left_out[entry]) ++entry;
  return Evidence{run.Line(entry), run.SpanOfLine(entry)};
}

// The document's kind and the words that show it.
std::pair<DocumentKind, std::optional<Evidence>> DetectKind(const ExtractionRun& run) {
  static const RE2 kAudit(R"((?i)revisor|granskning|revisionskriteri|revisionsfråg)");
  static const RE2 kNews(R"((?i)lämna ett svar|e-postadressen publiceras|publicerad den|läs mer om|dela sidan)");
  const std::string& all = run.text.joined;
  std::string_view found;
  if (run.Mentions(Gate::kAudit) && CountMatches(kAudit, all, 3) >= 3 && FindFirst(kAudit, all, &found))
    return {DocumentKind::kRevision, run.EvidenceOf(found)};
  // A heading only an audit report has, in its text or its contents.
  if (run.Mentions(Gate::kAudit) && run.compiled.audit_heading && FindFirst(run.compiled.audit_heading->get(), all, &found))
    return {DocumentKind::kRevision, run.EvidenceOf(found)};
  if (run.Mentions(Gate::kNews) && FindFirst(kNews, all, &found)) return {DocumentKind::kAnnat, run.EvidenceOf(found)};
  std::optional<TitleKind> named = KindOfTitle(run, TitleLines(run));
  // The sections an agreement has and a page about one has not, as headings or in the contents.
  std::set<std::string> sections, any_sections;
  auto count = [&](const std::string& id) {
    if (IsAgreementsOwnSection(id)) sections.insert(id);
    if (!id.empty()) any_sections.insert(id);
  };
  for (const Heading& h : run.structure.headings) count(h.section_id);
  for (const std::string& id : run.structure.contents_sections) count(id);
  std::string kind = named ? named->name : "";
  std::optional<Evidence> evidence = named ? std::optional<Evidence>(named->evidence) : std::nullopt;
  if (kind == "memo") return {DocumentKind::kAnnat, evidence};
  if (kind == "revision") return {DocumentKind::kRevision, evidence};
  if (kind == "plan") return {DocumentKind::kHandlingsplan, evidence};
  if (kind == "framework" && sections.size() >= 2) return {DocumentKind::kRamoverenskommelse, evidence};
  if (kind == "local" && sections.size() >= 2) return {DocumentKind::kLokalOverenskommelse, evidence};
  // "Överenskommelse om samverkan", "Samverkansavtal": an agreement by another
  // name, with an agreement's sections; an older one may have few of the
  // framework's, but a validity of its own (news of an agreement has none).
  bool agreement_title = kind == "agreement" || kind == "local" || kind == "framework";
  bool agreement_sections = sections.size() >= 3 || (any_sections.size() >= 3 && sections.count("giltighetstid"));
  if (agreement_sections && agreement_title) return {DocumentKind::kLokalOverenskommelse, evidence};
  if (auto contents = AgreementContents(run)) return {DocumentKind::kLokalOverenskommelse, evidence ? evidence : contents};
  return {DocumentKind::kAnnat, std::nullopt};
}

// The part of `sentence` (in text.joined) on the line holding `offset`.
std::string_view WithinLine(const NormalizedText& text, std::string_view sentence, size_t offset) {
  size_t line = text.LineIndexAt(offset);
  size_t line_begin = text.line_offsets[line], line_end = line_begin + text.lines[line].text.size();
  size_t begin = std::max(line_begin, static_cast<size_t>(sentence.data() - text.joined.data()));
  size_t end = std::min(line_end, static_cast<size_t>(sentence.data() - text.joined.data()) + sentence.size());
  return std::string_view(text.joined).substr(begin, end > begin ? end - begin : 0);
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
    if (run.text.paragraph_lines) sentence = WithinLine(run.text, sentence, places[i].offset);
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

// Whether a line is wholly `m` (a date of it), but for a closing period.
bool WhollyDate(const ExtractionRun& run, size_t line, const DateMatch& m) {
  std::string_view text = run.Line(line);
  size_t at = m.begin - run.text.line_offsets[line];
  return at == 0 && (m.end - m.begin == text.size() || (m.end - m.begin + 1 == text.size() && text.back() == '.'));
}

// The title block's own date: a date alone on its line near the title
// ("1 MARS 2011", "2019-06-19"), or the value of a date label whose value
// comes on a later line ("DATUM" over "2021-02-11", or a form that lists
// every label first and every value after). A date under a label that says
// something else ("Giltig t.o.m.") is not it.
std::optional<CivilDate> TitleBlockDate(const ExtractionRun& run) {
  static const RE2 kDateLabel(R"((?i)^(datum|dokumentdatum|beslutsdatum|beslutad|fastställd|antagen|godkänd|daterad):?$)");
  static const RE2 kOtherLabel(
      R"((?i)^(giltig|gäller|giltigt|reviderad|revideras|uppdaterad|dokumenttyp|dokumentnamn|utgåva|version|diarienummer|dnr|ärendenr|sida)\b.*:?$)");
  size_t end = run.title_end;
  std::vector<bool> date_label_before;  // per label line in order: whether it labels the document's date
  std::vector<std::pair<size_t, CivilDate>> alone;  // dates alone on a line, with their line
  for (size_t i = 0; i < end; ++i) {
    std::string_view text = run.Line(i);
    if (text.empty() || text.size() > 60) continue;
    if (RE2::FullMatch(text, kDateLabel)) date_label_before.push_back(true);
    else if (RE2::FullMatch(text, kOtherLabel) && text.find_first_of("0123456789") == std::string_view::npos)
      date_label_before.push_back(false);
  }
  for (const DateMatch& m : run.plain_dates) {
    if (m.begin >= (end < run.text.lines.size() ? run.text.line_offsets[end] : run.text.joined.size())) break;
    size_t i = run.text.LineIndexAt(m.begin);
    if (m.grain == Grain::kDay && m.start && WhollyDate(run, i, m)) alone.emplace_back(i, *m.start);
  }
  if (alone.empty()) return std::nullopt;
  // Labels listed before their values: the k-th value is the k-th label's.
  if (!date_label_before.empty()) {
    for (size_t k = 0; k < alone.size() && k < date_label_before.size(); ++k)
      if (date_label_before[k]) return alone[k].second;
    return std::nullopt;
  }
  return alone.front().second;
}

// The document's own date: a labelled date ("Datum 2023-11-23", "beslutad
// den ..."), the title block's date, or a place-and-date signature line
// near the end.
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
  constexpr size_t kLongestLine = 160;  // a date line longer than this is prose, not a label or a signature
  std::optional<CivilDate> signature;
  for (const DateMatch& m : run.plain_dates) {
    if (m.grain != Grain::kDay || !m.start) continue;
    size_t i = run.text.LineIndexAt(m.begin);
    const std::string& text = lines[i].text;
    if (text.size() > kLongestLine) continue;
    std::string before = text.substr(0, m.begin - run.text.line_offsets[i]);
    // "Fastställd av den delregionala styrgruppen" | "den 12 februari 2025": the line before says it.
    constexpr size_t kLongestLineStart = 4;  // "den ", "på "
    bool opens_line = before.size() <= kLongestLineStart && i > 0 && !lines[i - 1].blank() && lines[i - 1].text.size() <= kLongestLine;
    std::string said = opens_line ? lines[i - 1].text + " " + before : before;
    if (RE2::FullMatch(text, kLabel) || RE2::PartialMatch(said, kDecided)) return m.start;
    if (!signature && i * 10 >= lines.size() * 7 && RE2::FullMatch(before, kSignature)) signature = m.start;
  }
  if (auto own = TitleBlockDate(run)) return own;
  return signature;
}

}  // namespace

size_t TitleBlockEnd(const ExtractionRun& run) {
  constexpr size_t kTitleBlockLines = 25, kLongestTitleLine = 160;
  const auto& lines = run.text.lines;
  size_t first = 0;
  while (first < lines.size() && lines[first].blank()) ++first;
  size_t i = first;
  for (; i < lines.size() && i < first + kTitleBlockLines; ++i) {
    const TextLine& l = lines[i];
    if (l.page != lines[first].page || l.text.size() > kLongestTitleLine) break;
    int h = run.structure.heading_at_line[i];
    if (i > first && h >= 0 && !run.structure.headings[static_cast<size_t>(h)].section_id.empty()) break;
    if (StartsWithLower(l.text, "innehåll") || StartsWithLower(l.text, "innehall")) break;
  }
  return i;
}

void ExtractDocumentInfo(ExtractionRun& run) {
  Document& doc = run.doc;
  std::tie(doc.kind, doc.kind_evidence) = DetectKind(run);
  std::vector<PlaceMention> places = FindPlaces(run.compiled, run.text.joined, run.StartsOf(Gate::kPlace));
  if (doc.kind != DocumentKind::kRevision) doc.municipalities = Municipalities(run, places);
  doc.delregion = DetectDelregion(run, places, &doc.delregion_named);
  doc.date = DocumentDate(run);
}

}  // namespace overens
