// Target groups (mapped to the framework by meaning) and parties.
#include <algorithm>
#include <set>

#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

std::string ApplyVariants(const Vocabulary& vocab, std::string folded) {
  for (const auto& [from, to] : vocab.variants) {
    size_t pos = 0;
    while ((pos = folded.find(from, pos)) != std::string::npos) {
      bool left = pos == 0 || folded[pos - 1] == ' ' || folded[pos - 1] == '(';
      size_t end = pos + from.size();
      bool right = end >= folded.size() || std::string_view(" ,.;:)").find(folded[end]) != std::string_view::npos;
      if (left && right) {
        folded.replace(pos, from.size(), to);
        pos += to.size();
      } else {
        pos = end;
      }
    }
  }
  return folded;
}

// "0–18 år" says "upp till 18 år": an age range from birth is its upper bound.
std::string FromBirthAsBound(std::string text) {
  for (std::string_view dash : {"0–", "0-"}) {
    for (size_t pos = text.find(dash); pos != std::string::npos; pos = text.find(dash, pos + 1)) {
      size_t digits = pos + dash.size(), end = digits;
      while (end < text.size() && end - digits < 3 && text[end] >= '0' && text[end] <= '9') ++end;
      bool starts_word = pos == 0 || text[pos - 1] == ' ';
      if (starts_word && end > digits && std::string_view(text).substr(end).starts_with(" år")) text.replace(pos, dash.size(), "upp till ");
    }
  }
  return text;
}

// Folded text with spelling variants replaced: what target groups are compared by.
std::string MeaningText(const Vocabulary& vocab, std::string_view text) {
  std::string folded = ApplyVariants(vocab, Fold(text));
  return folded.find("0") == std::string::npos ? folded : FromBirthAsBound(std::move(folded));
}

}  // namespace

std::vector<std::string> MeaningWords(const Vocabulary& vocab, std::string_view text) {
  return Words(MeaningText(vocab, text));
}

namespace {

// Words that only join the content words of a target group ("och", "som",
// "med"); they move around when a list item is dropped.
bool IsFunctionWord(std::string_view w) {
  static const std::set<std::string_view> kFunction = {"och", "eller", "samt", "som", "i", "med", "till", "av", "de", "det"};
  return kFunction.count(w) > 0;
}

// Whether `word` is `marker` or one is the other's start, at least six bytes
// long ("missbruk" of "missbrukar", "beroende" of "beroendeframkallande").
bool SharesStem(std::string_view word, std::string_view marker) {
  constexpr size_t kShortestStem = 6;
  if (word == marker) return true;
  std::string_view shorter = word.size() < marker.size() ? word : marker, longer = word.size() < marker.size() ? marker : word;
  return shorter.size() >= kShortestStem && longer.starts_with(shorter);
}

}  // namespace

std::vector<std::vector<std::string>> TargetGroupMarkers(const std::vector<std::vector<std::string>>& groups) {
  std::vector<std::vector<std::string>> markers(groups.size());
  for (size_t g = 0; g < groups.size(); ++g)
    for (const std::string& w : groups[g]) {
      bool elsewhere = false;
      for (size_t o = 0; o < groups.size() && !elsewhere; ++o)
        elsewhere = o != g && std::find(groups[o].begin(), groups[o].end(), w) != groups[o].end();
      // Short words ("har", "att", "20") say too little of the group to mark it.
      constexpr size_t kShortestMarker = 4;
      if (!elsewhere && w.size() >= kShortestMarker && std::find(markers[g].begin(), markers[g].end(), w) == markers[g].end())
        markers[g].push_back(w);
    }
  return markers;
}

namespace {

// Longest common subsequence mask of a against b.
std::vector<bool> InCommon(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<int>> dp(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      dp[i][j] = a[i] == b[j] ? dp[i + 1][j + 1] + 1 : std::max(dp[i + 1][j], dp[i][j + 1]);
  std::vector<bool> mask(a.size(), false);
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      mask[i] = true;
      ++i, ++j;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return mask;
}

std::vector<int> Numbers(const std::vector<std::string>& words) {
  std::vector<int> out;
  for (const auto& w : words)
    if (w.size() < 4 && AllDigits(w))
      out.push_back(std::stoi(w));
  return out;
}

// The ages a text bounds a group by: numbers followed by "år" ("18 år").
std::vector<int> AgeBounds(const std::vector<std::string>& words) {
  std::vector<int> out;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() < 4 && AllDigits(w) && words[i + 1] == "år") out.push_back(std::stoi(w));
  }
  return out;
}

Deviation Classify(const std::vector<std::string>& local, const std::vector<std::string>& framework) {
  if (local == framework) return Deviation::kNone;
  std::vector<int> ln = Numbers(local), fn = Numbers(framework);
  if (ln.size() == fn.size() && ln != fn) {
    bool wider = true, narrower = true;
    for (size_t i = 0; i < ln.size(); ++i) {
      wider &= ln[i] >= fn[i];
      narrower &= ln[i] <= fn[i];
    }
    if (wider) return Deviation::kExtended;
    if (narrower) return Deviation::kNarrowed;
    return Deviation::kReworded;
  }
  // Age bounds of another count ("upp till 21 år" for "upp till 18 år och
  // unga till och med 20 år"): the highest decides, when it differs.
  std::vector<int> local_ages = AgeBounds(local), framework_ages = AgeBounds(framework);
  if (!local_ages.empty() && !framework_ages.empty() && local_ages.size() != framework_ages.size()) {
    int local_max = *std::max_element(local_ages.begin(), local_ages.end());
    int framework_max = *std::max_element(framework_ages.begin(), framework_ages.end());
    if (local_max > framework_max) return Deviation::kExtended;
    if (local_max < framework_max) return Deviation::kNarrowed;
  }
  // An age bound on a group of all ages ("personer över 18 år"): some ages of all.
  auto has = [](const std::vector<std::string>& words, std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  if (!local_ages.empty() && framework_ages.empty() && has(framework, "åldrar") && !has(local, "åldrar"))
    return Deviation::kNarrowed;
  // Function words move around when a list item is dropped ("läkemedel eller
  // dopningsmedel"); only content words decide what was added or removed.
  std::vector<bool> keep_local = InCommon(local, framework), keep_fw = InCommon(framework, local);
  std::vector<std::string> added_raw, added, removed;
  for (size_t i = 0; i < local.size(); ++i)
    if (!keep_local[i]) {
      added_raw.push_back(local[i]);
      if (!IsFunctionWord(local[i])) added.push_back(local[i]);
    }
  for (size_t i = 0; i < framework.size(); ++i)
    if (!keep_fw[i] && !IsFunctionWord(framework[i])) removed.push_back(framework[i]);
  // "Personer med ..." says "personer i alla åldrar med ..." without the ages.
  bool only_ages_dropped = removed.size() == 2 && removed[0] == "alla" && removed[1] == "åldrar";
  // "Barn och unga upp till 18 år" under the same bounds: the young are children.
  bool same_bounds = !local_ages.empty() && local_ages == framework_ages;
  bool only_young_added = std::all_of(added.begin(), added.end(), [](const std::string& w) { return w == "unga" || w == "ungdomar"; });
  if ((added.empty() || (same_bounds && only_young_added)) && (removed.empty() || only_ages_dropped)) return Deviation::kNone;
  // "Vuxna" for "personer i alla åldrar": some ages of all.
  static const std::vector<std::string> kAges = {"barn", "unga", "ungdomar", "vuxna", "äldre"};
  auto is_age = [&](const std::string& w) { return std::find(kAges.begin(), kAges.end(), w) != kAges.end(); };
  bool all_ages_dropped = std::find(removed.begin(), removed.end(), "åldrar") != removed.end();
  if (all_ages_dropped && !added.empty() && std::all_of(added.begin(), added.end(), is_age)) return Deviation::kNarrowed;
  static const std::vector<std::string> kWidening = {"samt", "och", "även", "inklusive", "inkl", "eller", "respektive"};
  if (removed.empty())
    return std::find(kWidening.begin(), kWidening.end(), added_raw.front()) != kWidening.end() ? Deviation::kExtended
                                                                                              : Deviation::kReworded;
  if (added.empty()) return Deviation::kNarrowed;
  return Deviation::kReworded;
}

struct TgMatch {
  const FrameworkItem* item = nullptr;
  double score = 0;
  size_t index = 0;
};

// `meaning`: MeaningText() of the text to place.
TgMatch BestTargetGroup(const ExtractionRun& run, std::string_view meaning) {
  TgMatch best;
  const auto& groups = run.ref.framework.target_groups;
  WordBag bag = run.compiled.target_group_lexicon.Bag(meaning);
  for (size_t i = 0; i < groups.size(); ++i) {
    double score = Dice(bag, run.compiled.target_group_bags[i]);
    if (score > best.score) best = {&groups[i], score, i};
  }
  return best;
}

std::string CleanItemText(std::string_view text) { return Trim(text, " .;,"); }

// A numbered list item's text without its number ("1) Barn ..." -> "Barn ...").
std::string_view ItemText(const Unit& u) {
  int order = 0;
  std::string_view rest;
  return u.bullet == Bullet::kNumber && ParseNumberedStep(u.text, order, rest) ? rest : std::string_view(u.text);
}

// The list of a sentence that names what it covers ("Överenskommelsen
// omfattar A, B samt C."): the text after the verb, to the sentence's end.
// nullopt for a list item, an introduction to one (ending in ':'), or a
// sentence with no such verb or no list.
const RE2& ScopeVerb() {
  static const RE2 kScopeVerb(R"((?i)\b(?:omfattar|avser|gäller|riktar sig till|omfattas av)(?:\s+|:?$))");
  return kScopeVerb;
}

std::optional<std::string_view> ProseList(const Unit& u) {
  const RE2& kIntro = ScopeVerb();
  re2::StringPiece intro;
  bool introduces_items = !u.text.empty() && u.text.back() == ':';  // "... gäller, liksom ramen, följande målgrupper:"
  if (u.bullet != Bullet::kNone || introduces_items || !kIntro.Match(u.text, 0, u.text.size(), RE2::UNANCHORED, &intro, 1))
    return std::nullopt;
  std::string_view list = std::string_view(u.text).substr(static_cast<size_t>(intro.end() - u.text.data()));
  list = list.substr(0, list.find(". "));
  if (list.find(", ") == std::string_view::npos && list.find(" samt ") == std::string_view::npos) return std::nullopt;
  return list;
}

bool IsMalgruppAnchor(const Unit& u) {
  static const RE2 kIntro(R"((?i)målgrupp.*:$)");
  return !u.text.empty() && u.text.back() == ':' && RE2::PartialMatch(u.text, kIntro);  // most units end otherwise
}

// A list item of target groups, with the text it names: "upp till 18 år ..."
// under the label "Barn och unga:" names "Barn och unga upp till 18 år ...".
struct ListedGroup {
  const Unit* unit;
  std::string text;
};

// "Barn och unga:", "Personer i alla åldrar:": a short label whose items
// complete it, starting in lower case. A lead-in whose verb takes them
// ("Överenskommelsen omfattar:") is no part of them.
bool IsGroupLabel(const std::vector<Unit>& units, size_t k) {
  constexpr size_t kMostWords = 6;
  const Unit& u = units[k];
  return u.bullet == Bullet::kNone && !u.text.empty() && u.text.back() == ':' && WordCount(u.text) <= kMostWords &&
         k + 1 < units.size() && units[k + 1].bullet != Bullet::kNone && StartsLower(ItemText(units[k + 1])) &&
         !RE2::PartialMatch(u.text, ScopeVerb());
}

// The first target-group list: after a "Målgrupper" heading or a "...
// målgrupper:" introduction, as long as the list goes on, across the labels
// its items complete (IsGroupLabel).
std::vector<ListedGroup> TargetGroupUnits(const ExtractionRun& run) {
  const auto& units = run.structure.units;
  auto score_of = [&](std::string_view text) { return BestTargetGroup(run, MeaningText(run.ref.vocabulary, text)).score; };
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    bool heading_anchor = u.heading >= 0 && run.structure.headings[static_cast<size_t>(u.heading)].section_id == "malgrupper" &&
                          (i == 0 || units[i - 1].heading != u.heading);
    bool intro_anchor = IsMalgruppAnchor(u);
    if (!heading_anchor && !intro_anchor) continue;
    std::vector<ListedGroup> items;
    std::vector<double> scores;  // of items' texts
    std::string label;
    size_t k = intro_anchor ? i + 1 : i;
    Bullet kind = Bullet::kNone;
    for (; k < units.size() && k < i + 16; ++k) {
      const Unit& c = units[k];
      if (!intro_anchor && c.heading != u.heading) break;
      if (IsGroupLabel(units, k)) {
        std::string next = Trim(c.text, " :");
        // Within a list, a label goes on with it only when its first item, completed, is a group.
        if (!items.empty() && score_of(next + " " + std::string(ItemText(units[k + 1]))) < 0.5) break;
        label = std::move(next);
        continue;
      }
      bool item_like = c.bullet != Bullet::kNone && c.bullet != Bullet::kNumber;
      std::string_view item = ItemText(c);
      std::string text = !label.empty() && item_like && StartsLower(item) ? label + " " + std::string(item) : std::string(item);
      double score = score_of(text);
      if (items.empty()) {
        if (!item_like && ProseList(c)) break;    // groups in a sentence: see ProseTargetGroups
        if (!item_like && score < 0.5) continue;  // the introduction before the list
        kind = c.bullet;
      } else if (c.bullet != kind && !(kind == Bullet::kNone && score >= 0.5)) {
        break;
      }
      items.push_back({&c, std::move(text)});
      scores.push_back(score);
    }
    if (std::any_of(scores.begin(), scores.end(), [](double score) { return score >= 0.55; })) return items;
  }
  return {};
}

bool CoversAllAges(const std::vector<std::string>& group) {
  for (size_t i = 0; i + 1 < group.size(); ++i)
    if (group[i] == "alla" && group[i + 1] == "åldrar") return true;
  return false;
}

// Whether the text of `words` is about group g's people: its first word
// ("barn", "personer") is among the group's words, or the group covers all
// ages. "Äldre som har psykisk ohälsa och riskerar att utveckla demens"
// shares most of its words with TG1 but is no TG1.
bool AboutGroupsPeople(const ExtractionRun& run, size_t g, const std::vector<std::string>& words) {
  const std::vector<std::string>& group = run.compiled.target_group_words[g];
  return words.empty() || std::find(group.begin(), group.end(), words.front()) != group.end() || CoversAllAges(group);
}

// The framework group a short part of a prose list, or a short list item,
// names: among the groups about its people (AboutGroupsPeople), the only one
// holding at least three in four of its content words (or words of their
// stem: "missbruk" of "missbrukar"), or of those the one holding the most.
// Dice is unreliable on texts this short ("barn och unga med psykisk
// ohälsa" shares as many words with TG2 as with TG1). A group of all ages
// has the item's people, whoever they are: they count neither way ("vuxna
// med psykisk funktionsnedsättning": TG3, narrowed to adults). nullopt when
// no group is clearly named.
std::optional<size_t> GroupHoldingMostOf(const ExtractionRun& run, const std::vector<std::string>& words) {
  std::vector<std::string_view> content;
  for (const std::string& w : words)
    if (!IsFunctionWord(w) && w != "för") content.push_back(w);  // "för" joins words in a prose part too
  if (content.empty()) return std::nullopt;
  const auto& groups = run.compiled.target_group_words;
  std::optional<size_t> best;
  size_t best_held = 0;
  bool tie = false;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!AboutGroupsPeople(run, g, words)) continue;
    bool all_ages = CoversAllAges(groups[g]);
    size_t held = 0, counted = 0;
    for (size_t i = 0; i < content.size(); ++i) {
      if (all_ages && i == 0 && content[0] == words.front()) continue;
      ++counted;
      held += std::any_of(groups[g].begin(), groups[g].end(), [&](const std::string& w) { return SharesStem(content[i], w); });
    }
    if (counted == 0 || held * 4 < counted * 3) continue;
    if (best && held == best_held) tie = true;
    else if (!best || held > best_held) best = g, best_held = held, tie = false;
  }
  return tie ? std::nullopt : best;
}

// The group whose marker words (TargetGroupMarkers) an item names, at least
// two of them and none of another group's ("personer i alla åldrar med
// missbruk eller beroende": TG4, though Dice puts it nearer TG3 by the words
// TG3 and TG4 share).
std::optional<size_t> GroupOfMarkers(const ExtractionRun& run, const std::vector<std::string>& words) {
  constexpr size_t kFewestMarkers = 2;
  const auto& markers = run.compiled.target_group_markers;
  std::optional<size_t> found;
  for (size_t g = 0; g < markers.size(); ++g) {
    size_t named = static_cast<size_t>(std::count_if(markers[g].begin(), markers[g].end(), [&](const std::string& m) {
      return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w[0] == m[0] && SharesStem(w, m); });
    }));
    if (named == 0) continue;
    if (found || named < kFewestMarkers) return std::nullopt;  // another group's too, or too few
    found = g;
  }
  return found && AboutGroupsPeople(run, *found, words) ? found : std::nullopt;
}

// A target group as the text names it, placed in the framework by meaning.
TargetGroup PlacedGroup(const ExtractionRun& run, std::string text, size_t line) {
  TargetGroup tg;
  tg.text = std::move(text);
  std::string meaning = MeaningText(run.ref.vocabulary, tg.text);
  TgMatch best = BestTargetGroup(run, meaning);
  std::vector<std::string> words = Words(meaning);
  // Words only one group has name it, whatever the item shares with others;
  // else Dice; else a short item Dice cannot place ("barn och unga med
  // psykisk ohälsa") may still clearly name one group.
  std::optional<size_t> placed = GroupOfMarkers(run, words);
  if (!placed && best.item && best.score >= 0.55) placed = best.index;
  if (!placed) placed = GroupHoldingMostOf(run, words);
  if (placed) {
    tg.framework_id = run.ref.framework.target_groups[*placed].id;
    tg.deviation = Classify(words, run.compiled.target_group_words[*placed]);
  }
  tg.span = run.SpanOfLine(line);
  return tg;
}

// The parts of a list written as prose ("barn och unga med psykisk ohälsa,
// personer ... samt personer som ..."), cut at commas, "samt", and an "och"
// before the head word of a new group ("... och personer som ...": not the
// "och" of "barn och unga" or "alkohol och narkotika").
std::vector<std::string_view> ProseListParts(std::string_view list) {
  static const std::string_view kCuts[] = {", ", " samt ", " och personer ", " och vuxna ", " och familjer ", " och anhöriga "};
  std::vector<std::string_view> parts;
  while (!list.empty()) {
    size_t cut = std::string_view::npos, skip = 0;
    for (std::string_view c : kCuts) {
      size_t at = list.find(c);
      // "och personer ..." keeps its head word; the others drop the separator.
      size_t drop = c.starts_with(" och ") ? 5 : c.size();
      if (at < cut) cut = at, skip = drop;
    }
    parts.push_back(list.substr(0, cut));
    if (cut == std::string_view::npos) break;
    list.remove_prefix(cut + skip);
  }
  return parts;
}

// Target groups named in one sentence right under the Målgrupper heading
// ("Överenskommelsen omfattar barn och unga med psykisk ohälsa, personer i
// alla åldrar med ... samt personer som missbrukar ...", or the groups
// alone), when the heading has no list. Every part must clearly name a
// framework group, and two or more must: a sentence that merely describes
// ("barn, unga och vuxna med behov av insatser") names none, and a part that
// names none would make a group look missing that may be there.
std::vector<TargetGroup> ProseTargetGroups(const ExtractionRun& run) {
  for (const Unit& u : run.structure.units) {
    if (u.heading < 0 || run.structure.headings[static_cast<size_t>(u.heading)].section_id != "malgrupper") continue;
    std::optional<std::string_view> list = ProseList(u);
    // "Personer med psykisk funktionsnedsättning och personer med missbruk.":
    // the heading's first sentence may be the list itself.
    if (!list && u.bullet == Bullet::kNone && !u.text.empty() && u.text.back() != ':')
      list = TrimRight(std::string_view(u.text).substr(0, u.text.find(". ")), ".");
    if (!list) return {};
    std::vector<TargetGroup> groups;
    for (std::string_view part : ProseListParts(*list)) {
      TargetGroup tg;
      tg.text = CleanItemText(part);
      std::vector<std::string> words = MeaningWords(run.ref.vocabulary, tg.text);
      std::optional<size_t> g = GroupHoldingMostOf(run, words);
      if (!g) return {};
      tg.framework_id = run.ref.framework.target_groups[*g].id;
      tg.deviation = Classify(words, run.compiled.target_group_words[*g]);
      tg.span = run.SpanOfLine(run.LineInUnit(u, static_cast<size_t>(part.data() - u.text.data())));
      groups.push_back(std::move(tg));
    }
    return groups.size() >= 2 ? groups : std::vector<TargetGroup>{};
  }
  return {};
}

// "Överenskommelsen omfattar samma målgrupper som ramöverenskommelsen": the
// Målgrupper section's first sentence takes the framework's groups as they
// are, each quoted by that sentence. Nothing when it makes an exception
// ("utom", "med undantag av"): which groups remain is not said in a way
// read here.
std::vector<TargetGroup> DeferredTargetGroups(const ExtractionRun& run) {
  static const RE2 kDefers(
      R"((?i)\b(?:samma|desamma|de)\b[^.]{0,40}\b(?:som|i|enligt)\b[^.]{0,20}\bramöverenskommelsen|\bmålgrupperna (?:är|framgår av|anges i) (?:de som anges i )?ramöverenskommelsen)");
  static const RE2 kException(R"((?i)\b(?:utom|förutom|undantag|dock inte|men inte|med tillägg|samt även|även)\b)");
  for (const Unit& u : run.structure.units) {
    if (u.heading < 0 || run.structure.headings[static_cast<size_t>(u.heading)].section_id != "malgrupper") continue;
    std::string_view sentence = std::string_view(u.text).substr(0, u.text.find(". "));
    if (!RE2::PartialMatch(sentence, kDefers) || RE2::PartialMatch(sentence, kException)) return {};
    std::vector<TargetGroup> groups;
    for (const FrameworkItem& tg : run.ref.framework.target_groups)
      groups.push_back(TargetGroup{tg.id, CleanItemText(sentence), Deviation::kNone, run.SpanOfLine(u.first)});
    return groups;
  }
  return {};
}

}  // namespace

void ExtractTargetGroups(ExtractionRun& run) {
  for (const ListedGroup& g : TargetGroupUnits(run))
    run.doc.target_groups.push_back(PlacedGroup(run, CleanItemText(g.text), g.unit->first));
  if (run.doc.target_groups.empty()) run.doc.target_groups = ProseTargetGroups(run);
  if (run.doc.target_groups.empty()) run.doc.target_groups = DeferredTargetGroups(run);
}

namespace {

std::optional<Principal> PrincipalOf(std::string_view intro) {
  static const RE2 kRegion(R"((?i)\bregion|landsting|hälso- och sjukvård)");
  static const RE2 kKommun(R"((?i)kommun|\bstad\b)");
  re2::StringPiece in(intro.data(), intro.size()), m;
  size_t region_at = std::string_view::npos, kommun_at = std::string_view::npos;
  if (kRegion.Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) region_at = static_cast<size_t>(m.data() - intro.data());
  if (kKommun.Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) kommun_at = static_cast<size_t>(m.data() - intro.data());
  if (region_at == std::string_view::npos && kommun_at == std::string_view::npos) return std::nullopt;
  return region_at < kommun_at ? Principal::kRegion : Principal::kKommun;
}

void AddParty(ExtractionRun& run, Principal p, std::string text, size_t line) {
  text = CleanItemText(text);
  if (text.empty() || text.size() > 160) return;
  run.doc.parties.push_back(Party{p, std::move(text), run.SpanOfLine(line)});
}

// Whether a lower-case part of a list names a unit of its own: a noun in
// its definite form ("vårdcentralerna", "elevhälsan"), not a word that
// completes a name ("Vård och omsorg").
bool NamesUnit(std::string_view part) {
  constexpr size_t kShortestUnit = 6;
  std::string_view word = part.substr(0, part.find(' '));
  word = TrimRight(word, ".,;");
  if (word.size() < kShortestUnit) return false;
  static constexpr std::string_view kDefinite[] = {"na", "en", "et", "an"};
  return std::any_of(std::begin(kDefinite), std::end(kDefinite), [&](std::string_view end) { return word.ends_with(end); });
}

// Adds each unit named in `list` ("Socialtjänsten, Skolan och Elevhälsan"),
// which starts at byte `at` of u.text, on the line it is written on. In
// `prose` the units are written in lower case ("socialtjänsten och
// elevhälsan") and are reported capitalised.
void AddPartyList(ExtractionRun& run, const Unit& u, Principal principal, std::string_view list, size_t at, bool prose) {
  auto line_of = [&](size_t offset_in_list) { return run.LineInUnit(u, at + offset_in_list); };
  auto add = [&](std::string_view part, size_t part_at) {
    AddParty(run, principal, prose ? Capitalize(Trim(part)) : std::string(part), line_of(part_at));
  };
  for (size_t pos = 0; pos <= list.size();) {
    size_t next = list.find_first_of(",;", pos);
    // "hälsa-, vård- och omsorgsnämnden": a word cut at its hyphen goes on after the comma.
    while (next != std::string_view::npos && next > pos && list[next - 1] == '-') next = list.find_first_of(",;", next + 1);
    std::string_view part = list.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
    size_t part_at = pos + std::min(part.find_first_not_of(' '), part.size());
    if (next == std::string_view::npos) {
      // "Socialtjänsten och Skolan" lists two units; "Hälso- och sjukvård" is one.
      size_t och = part.rfind(" och ");
      while (och != std::string_view::npos && och > 0 && part[och - 1] == '-') och = part.rfind(" och ", och - 1);
      std::string after = Trim(part.substr(och == std::string_view::npos ? 0 : och + 5));
      if (och != std::string_view::npos && och > 0 && (StartsUpper(after) || (prose && StartsLower(after)) || NamesUnit(after))) {
        add(part.substr(0, och), part_at);
        part_at = pos + och + 5;
        part = part.substr(och + 5);
      }
    }
    add(part, part_at);
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
}

// The principals a list names by name ("Parter är Höörs kommun, Hörby
// kommun"), each a party; `at` is where the list starts in u.text. A part
// that is no short name of a kommun or region is left out.
void AddNamedPrincipals(ExtractionRun& run, const Unit& u, std::string_view list, size_t at) {
  for (std::string_view lead : {" är ", "mellan "})
    if (size_t k = list.rfind(lead); k != std::string_view::npos) {
      at += k + lead.size();
      list.remove_prefix(k + lead.size());
    }
  constexpr size_t kMostWords = 4;
  for (size_t pos = 0; pos < list.size();) {
    size_t comma = list.find(", ", pos), och = list.find(" och ", pos);
    size_t end = std::min({comma, och, list.size()});
    std::string name = Trim(list.substr(pos, end - pos));
    std::optional<Principal> p = PrincipalOf(name);
    if (p && StartsUpper(name) && WordCount(name) <= kMostWords) AddParty(run, *p, name, run.LineInUnit(u, at + pos));
    pos = end == list.size() ? end : end + (end == comma ? 2 : 5);
  }
}

// "Överenskommelse om samverkan mellan Trelleborgs kommun, Svedala kommun och
// Region Skåne avseende ...": the principals an agreement's opening lines
// name, when no Parter section does. Only when both a kommun and the region
// are named by name, so that a list cut short names no principal as missing.
void AddPartiesOfTitle(ExtractionRun& run) {
  constexpr size_t kTitleLines = 6;
  // The opening lines in blocks between blank lines, headings or not (a
  // title may wrap: "Överenskommelse om ..." / "mellan Lunds kommun och ...").
  std::vector<Unit> blocks;
  size_t n = std::min(kTitleLines, run.text.lines.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string& line = run.text.lines[i].text;
    if (line.empty() || run.structure.left_out[i]) continue;
    if (blocks.empty() || blocks.back().last + 1 != i) blocks.push_back(Unit{i, i, line, Bullet::kNone, -1});
    else blocks.back().last = i, blocks.back().text += " " + line;
  }
  for (const Unit& u : blocks) {
    size_t between = u.text.find("mellan ");
    if (between == std::string::npos) continue;
    std::string_view list = std::string_view(u.text).substr(between + 7);
    for (std::string_view end : {" avseende ", " om ", " kring ", " gällande ", " angående ", " för ", ". "})
      list = list.substr(0, list.find(end));
    size_t before = run.doc.parties.size();
    AddNamedPrincipals(run, u, list, between + 7);
    auto named = [&](Principal p) {
      return std::any_of(run.doc.parties.begin() + static_cast<long>(before), run.doc.parties.end(),
                         [&](const Party& party) { return party.principal == p; });
    };
    if (named(Principal::kKommun) && named(Principal::kRegion)) return;
    run.doc.parties.resize(before);
  }
}

// The last name of a list that runs up to a "genom": where it starts in
// `names`, and where the names before it end.
std::pair<size_t, size_t> LastName(std::string_view names) {
  size_t cut = 0, earlier_end = 0;
  for (std::string_view sep : {", ", " och ", " är "}) {
    size_t at = names.rfind(sep);
    if (at != std::string_view::npos && at + sep.size() > cut) cut = at + sep.size(), earlier_end = at;
  }
  return {cut, earlier_end};
}

// "Malmö stad genom hälsa-, vård- och omsorgsnämnden och Region Skåne genom
// Psykiatri Skåne": each principal named right before a "genom", with the
// units after it up to the next principal's name; the principals named
// before the first ("Parter är Höörs kommun, Hörby kommun och Region Skåne
// genom ...") are parties too. False when no principal comes before a "genom".
bool AddClausesThrough(ExtractionRun& run, const Unit& u, std::string_view sentence, size_t start) {
  size_t genom = sentence.find(" genom ");
  auto [cut, earlier_end] = LastName(sentence.substr(0, genom));
  std::optional<Principal> p = PrincipalOf(sentence.substr(cut, genom - cut));
  if (!p) return false;
  AddNamedPrincipals(run, u, sentence.substr(0, earlier_end), start);
  while (p) {
    size_t list_at = genom + 7;
    size_t next = sentence.find(" genom ", list_at);
    size_t list_end = sentence.size();
    std::optional<Principal> next_p;
    if (next != std::string_view::npos) {
      auto [next_cut, list_length] = LastName(sentence.substr(list_at, next - list_at));
      next_p = PrincipalOf(sentence.substr(list_at + next_cut, next - list_at - next_cut));
      if (next_p) list_end = list_at + list_length;
    }
    std::string_view list = sentence.substr(list_at, list_end - list_at);
    list = TrimRight(list, ". ");
    AddPartyList(run, u, *p, list, start + list_at, true);
    p = next_p;
    genom = next;
  }
  return true;
}

// Each sentence of u that says whom a principal is represented by
// ("Kommunerna företräds av socialtjänsten, elevhälsan och LSS.", "Region
// Skåne genom BUP och Habiliteringen"); false when none does.
bool AddRepresentedParties(ExtractionRun& run, const Unit& u) {
  static const RE2 kRepresented(R"(([^,.;:]{3,60}?) (?:företräds|representeras) (?:här )?av )");
  if (u.text.find(" av ") == std::string::npos && u.text.find(" genom ") == std::string::npos) return false;
  bool any = false;
  for (std::string_view sentence : Sentences(u.text)) {
    size_t start = static_cast<size_t>(sentence.data() - u.text.data());
    re2::StringPiece m[2];
    if (StartsUpper(sentence) && kRepresented.Match(sentence, 0, sentence.size(), RE2::ANCHOR_START, m, 2)) {
      std::optional<Principal> p = PrincipalOf(std::string_view(m[1].data(), m[1].size()));
      if (!p) continue;
      std::string_view list = sentence.substr(m[0].size());
      list = TrimRight(list, ". ");
      AddPartyList(run, u, *p, list, start + m[0].size(), true);
      any = true;
    } else if (sentence.find(" genom ") != std::string_view::npos) {
      any = AddClausesThrough(run, u, sentence, start) || any;
    }
  }
  return any;
}

// A row of a table of parties ("Bromölla kommun     Socialnämnden"): the
// first cell names the principal, the second whom it is represented by.
bool AddPartyRow(ExtractionRun& run, const Unit& u) {
  const TextLine& line = run.text.lines[u.first];
  if (u.first != u.last || line.cells.size() != 2) return false;
  std::optional<Principal> p = PrincipalOf(line.CellText(0));
  if (!p) return false;
  AddPartyList(run, u, *p, line.CellText(1), line.cells[1].offset, false);
  return true;
}

// A line under the Parter heading that names a party and has nothing under
// it, read as a heading ("Socialnämnden i Ystads kommun", "Region Skåne genom
// Psykiatri Skåne och Skånevård Sund"): the party itself, or those it is
// represented by.
void AddPartyHeading(ExtractionRun& run, const Heading& h, Principal p) {
  constexpr size_t kMostWords = 10;
  if (h.last_line != h.line || WordCount(h.text) > kMostWords) return;
  Unit u{h.line, h.line, h.text, Bullet::kNone, -1};
  if (!AddRepresentedParties(run, u)) AddParty(run, p, h.text, h.line);
}

// The lists under headings that name a principal ("Region Skåne",
// "Kommunerna") right after the Parter heading at index `parter`, up to the
// next framework section.
void AddPartiesUnderPrincipalHeadings(ExtractionRun& run, size_t parter) {
  const auto& headings = run.structure.headings;
  for (size_t h = parter + 1; h < headings.size() && headings[h].section_id.empty() && headings[h].sub == SubHeading::kNone; ++h) {
    std::optional<Principal> p = PrincipalOf(headings[h].text);
    if (!p) continue;
    std::span<const Unit> under = run.UnitsUnder(h);
    if (under.empty()) {
      AddPartyHeading(run, headings[h], *p);
      continue;
    }
    for (const Unit& u : under) {
      if (u.bullet != Bullet::kNone) {
        if (p) AddParty(run, *p, std::string(ItemText(u)), u.first);
      } else {
        // A short line naming the other principal ("Kommunerna") starts its
        // list; prose ends the lists.
        p = WordCount(u.text) <= 4 ? PrincipalOf(u.text) : std::nullopt;
      }
    }
  }
}

// A sentence of the Parter section that is only a list of principals:
// "Svedala kommun, Trelleborgs kommun, Vellinge kommun och Region Skåne.",
// "Kommunerna Simrishamn, Sjöbo, Skurup, Tomelilla och Ystad samt Region
// Skåne." Each part must name a principal (PrincipalOf) or be the bare name
// of a kommun the document is of (Municipalities); else it is prose, and
// nothing is read.
void AddPrincipalsByName(ExtractionRun& run, const Unit& u) {
  constexpr size_t kMostWords = 4;
  std::string_view list = u.text;
  list = TrimRight(list, ". ");
  if (StartsWithLower(list, "kommunerna ")) list.remove_prefix(11);
  std::vector<std::pair<Principal, std::string_view>> named;
  for (size_t pos = 0; pos < list.size();) {
    size_t end = list.size(), skip = 0;
    for (std::string_view sep : {", ", " och ", " samt "})
      if (size_t at = list.find(sep, pos); at < end) end = at, skip = sep.size();
    std::string_view part = list.substr(pos, end - pos);
    std::optional<Principal> p = WordCount(part) <= kMostWords ? PrincipalOf(part) : std::nullopt;
    bool bare_kommun = std::find(run.doc.municipalities.begin(), run.doc.municipalities.end(), part) != run.doc.municipalities.end();
    if (!p && !bare_kommun) return;
    named.emplace_back(p.value_or(Principal::kKommun), part);
    pos = end + skip;
  }
  if (named.size() < 2) return;
  for (auto [p, part] : named)
    AddParty(run, p, std::string(part), run.LineInUnit(u, static_cast<size_t>(part.data() - u.text.data())));
}

}  // namespace

// A lead-in to a list of parties ("För kommunerna:", any unit ending in
// ':'): `listing` tells whether it names a principal, `principal` which.
// False for any other unit.
bool ReadLeadIn(const Unit& u, bool& listing, Principal& principal) {
  if (u.text.empty() || u.text.back() != ':') return false;
  auto p = PrincipalOf(u.text);
  listing = p.has_value();
  if (p) principal = *p;
  return true;
}

// One unit under the Parter heading: a table row of parties, a principal
// and its list ("Kommunen: Socialtjänsten, Elevhälsan och LSS."), whom a
// principal is represented by, a lead-in to a list ("För kommunerna:"),
// which sets `listing` and `principal`, or an item of the list being read.
void ReadPartyUnit(ExtractionRun& run, const Unit& u, bool& listing, Principal& principal) {
  if (AddPartyRow(run, u)) return;
  size_t colon = u.text.find(':');
  if (colon != std::string::npos && colon + 1 < u.text.size() && colon < 60) {
    auto p = PrincipalOf(u.text.substr(0, colon));
    if (!p) return;
    AddPartyList(run, u, *p, std::string_view(u.text).substr(colon + 1), colon + 1, false);
    listing = false;
    return;
  }
  if (AddRepresentedParties(run, u)) {
    listing = false;
    return;
  }
  if (ReadLeadIn(u, listing, principal)) return;
  if (u.bullet == Bullet::kNone) {
    listing = false;  // prose ends the list under an introduction
    AddPrincipalsByName(run, u);
  } else if (listing) {
    AddParty(run, principal, std::string(ItemText(u)), u.first);
  }
}

// A line taken for a heading inside the Parter section's list (an item
// wrapped in a narrow column, "Elevhälsans medicinska och psykologiska" |
// "insatser") leaves the lists after it under that heading: while the list
// before it was still being read, the lists of principals ("För Region
// Skåne ...:") under the next plain headings are the section's too. A
// wrapped line is a sub-item's, and no party; a line of its own that names
// a unit ("Vuxenpsykiatri", its marker lost, blank lines around it) is the
// list's next item.
void ContinueListsPastHeadings(ExtractionRun& run, size_t parter, bool listing, Principal principal) {
  constexpr size_t kMostItemWords = 5;
  const auto& headings = run.structure.headings;
  for (size_t h = parter + 1; listing && h < headings.size() && headings[h].section_id.empty() &&
                              headings[h].sub == SubHeading::kNone && !PrincipalOf(headings[h].text);
       ++h) {
    const Heading& item = headings[h];
    if (item.last_line == item.line && !HasMoreWordsThan(item.text, kMostItemWords) && item.text.back() != ':' &&
        HasActorHead(run, item.text))
      AddParty(run, principal, item.text, item.line);
    bool opened = false;
    for (const Unit& u : run.UnitsUnder(h)) {
      if (ReadLeadIn(u, listing, principal)) {
        opened = listing;
      } else if (opened && u.bullet != Bullet::kNone) {
        AddParty(run, principal, std::string(ItemText(u)), u.first);
      } else {
        listing = opened = false;
      }
    }
  }
}

void ExtractParties(ExtractionRun& run) {
  if (run.doc.kind == DocumentKind::kRevision) return;
  const auto& headings = run.structure.headings;
  for (size_t h = 0; h < headings.size(); ++h) {
    if (headings[h].section_id != "parter") continue;
    // The principal of the list being read ("För kommunerna:"), when `listing`.
    // Not an optional: GCC takes its copy for uninitialized (-Wmaybe-uninitialized).
    bool listing = false;
    Principal principal = Principal::kKommun;
    for (const Unit& u : run.UnitsUnder(h)) ReadPartyUnit(run, u, listing, principal);
    ContinueListsPastHeadings(run, h, listing, principal);
    AddPartiesUnderPrincipalHeadings(run, h);
    break;
  }
  // Only an agreement's title names its own parties; a news item's names the agreement's.
  if (run.doc.parties.empty() && run.doc.kind == DocumentKind::kLokalOverenskommelse) AddPartiesOfTitle(run);
}

}  // namespace overens
