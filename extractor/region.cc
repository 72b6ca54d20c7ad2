// The county whose document it is, from the names of counties, their
// regions and landsting, their kommuner, and the national bodies in the
// text (counties.xml). A name in the title block says more than one in the
// body, and a body ("Region Kalmar län", "Kommunförbundet Skåne") more than
// the land ("i Halland"): a page of one county that mentions another in
// passing stays its own county's. A document whose title block names a
// national body (a proposition, SKR, Socialstyrelsen) and no county's is
// national: it has no region.
#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

using Kind = CountyNameInfo::Kind;

// Whether the character whose first byte is `lead` is a letter or digit:
// ASCII ones, or the Latin-1 letters (å ä ö é ü ..., C3 xx); a dash or a
// no-break space is none.
bool LetterOrDigitLead(char lead) {
  auto b = static_cast<unsigned char>(lead);
  return b < 0x80 ? std::isalnum(b) != 0 : b == 0xC3;
}

// Whether a name found at `at` is inside a longer word: a letter or digit
// ends just before it. RE2's \b knows ASCII only, so "Örebro" would never
// start at one.
bool LetterEndsBefore(std::string_view text, size_t at) {
  if (at == 0) return false;
  size_t b = at - 1;
  while (b > 0 && IsUtf8Continuation(text[b])) --b;
  return LetterOrDigitLead(text[b]);
}

bool LetterStartsAt(std::string_view text, size_t at) { return at < text.size() && LetterOrDigitLead(text[at]); }

// Whether a kommun's name ending at `end` is followed by what makes it the
// kommun as a body: "Skurups kommun", "Malmö stad", "Göteborgs Stad".
bool NamesKommunAsBody(std::string_view text, size_t end) {
  std::string_view rest = text.substr(end);
  if (rest.starts_with("s ")) rest.remove_prefix(1);
  for (std::string_view word : {" kommun", " Kommun", " stad", " Stad"})
    if (rest.starts_with(word) && !LetterStartsAt(rest, word.size())) return true;
  return false;
}

struct Tally {
  int score = 0;
  std::optional<Evidence> body, any;  // the first mention of a body, and of any kind
};

// Weights of a mention; a mention in the title block counts twice.
constexpr int kBodyWeight = 3, kLandWeight = 1, kKommunWeight = 1, kDelregionWeight = 2;
// The winner needs this score, and twice the runner-up's.
constexpr int kLeastScore = 2;

// The names of counties.xml in `text`, in order, as a leftmost-longest scan
// for them would find them: at each place one starts (the keyword pass
// located them, ignoring case), the longest written there exactly; a name
// inside a longer word does not count, and the scan goes on right after
// its start.
std::vector<std::pair<size_t, const std::string*>> CountyNamesIn(const ExtractionRun& run, std::string_view text) {
  const std::vector<std::string>& literals = run.compiled.county_literals;
  std::vector<std::pair<size_t, const std::string*>> candidates;  // (begin, literal)
  for (const KeywordGate::Hit& h : run.hits)
    if (h.group == static_cast<uint32_t>(Gate::kCountyName)) candidates.emplace_back(h.begin, &literals[h.word]);
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->size() > b.second->size();
  });
  std::vector<std::pair<size_t, const std::string*>> found;
  size_t pos = 0, tried = std::string::npos;
  for (const auto& [begin, literal] : candidates) {
    if (begin < pos || begin == tried || text.substr(begin, literal->size()) != *literal) continue;
    tried = begin;  // the longest written exactly here decides
    size_t end = begin + literal->size();
    if (LetterEndsBefore(text, begin) || LetterStartsAt(text, end)) continue;
    found.emplace_back(begin, literal);
    pos = end;
  }
  return found;
}

}  // namespace

void ExtractRegion(ExtractionRun& run) {
  const CompiledReference& c = run.compiled;
  Document& doc = run.doc;
  if (c.county_literals.empty() || run.ref.counties.empty()) return;
  const std::string& all = run.text.joined;
  size_t title_end_line = run.title_end;
  size_t title_end = title_end_line < run.text.lines.size() ? run.text.line_offsets[title_end_line] : all.size();
  std::vector<Tally> tally(run.ref.counties.size());
  bool national_in_title = false, body_in_title = false;
  std::optional<Evidence> national;  // the first national body named in the title block
  for (const auto& [begin, literal] : CountyNamesIn(run, all)) {
    size_t end = begin + literal->size();
    std::string_view name(all.data() + begin, literal->size());
    auto found = c.county_name_of.find(*literal);
    if (found == c.county_name_of.end()) continue;
    const CountyNameInfo& info = found->second;
    bool in_title = begin < title_end;
    if (info.kind == Kind::kNational) {
      if (in_title && !national_in_title)
        national = run.EvidenceAt(begin, name);
      national_in_title = national_in_title || in_title;
      continue;
    }
    if (info.kind == Kind::kKommun && !in_title && !NamesKommunAsBody(all, end)) continue;  // "Lund", "Mora": a place, maybe a word
    int weight = info.kind == Kind::kBody ? kBodyWeight : info.kind == Kind::kLand ? kLandWeight : kKommunWeight;
    if (in_title) weight *= 2;
    body_in_title = body_in_title || (in_title && info.kind == Kind::kBody);
    Tally& t = tally[static_cast<size_t>(info.county)];
    t.score += weight;
    Evidence e = run.EvidenceAt(begin, name);
    if (!t.any) t.any = e;
    if (!t.body && info.kind == Kind::kBody) t.body = e;
  }
  // The delregions are the framework county's: naming one names it.
  for (size_t i = 0; i < run.ref.counties.size(); ++i)
    if (doc.delregion && run.ref.counties[i].name == run.ref.framework.county) tally[i].score += kDelregionWeight;
  size_t best = 0;
  int second = 0;
  for (size_t i = 1; i < tally.size(); ++i) {
    if (tally[i].score > tally[best].score) second = tally[best].score, best = i;
    else second = std::max(second, tally[i].score);
  }
  bool is_national = national_in_title && !body_in_title;
  if (is_national) {
    doc.region_evidence = national;  // no region, and the body that makes it national
  } else if (tally[best].score >= kLeastScore && tally[best].score >= 2 * second) {
    doc.region = run.ref.counties[best].name;
    doc.region_evidence = tally[best].body ? tally[best].body : tally[best].any;
  }
  // A delregion is a part of the framework's county, never of another.
  if (doc.delregion && (is_national || (doc.region && *doc.region != run.ref.framework.county))) {
    doc.delregion.reset();
    doc.delregion_named = false;
  }
}

}  // namespace overens
