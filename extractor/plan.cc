// Development areas (utvecklingsområden) and responsibilities (who does what by when).
#include <algorithm>
#include <set>
#include <utility>

#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

// A cell that says nothing: empty or a dash.
bool EmptyCell(std::string_view text) { return text.empty() || text == "-" || text == "–" || text == "—"; }

int SubOrder(SubHeading s) {
  switch (s) {
    case SubHeading::kGoal: return 1;
    case SubHeading::kActivities: return 2;
    case SubHeading::kFollowUp: return 3;
    case SubHeading::kLongTermGoal: return 4;
    default: return 0;
  }
}

std::optional<std::string> MapToFrameworkArea(const ExtractionRun& run, std::string_view name) {
  // The first area in the framework's order wins.
  if (auto i = run.compiled.area_filter.FirstMatching(name)) return run.compiled.areas[*i].id;
  // A word a narrow table cell broke without a hyphen ("Kunskapsstyrnin g"):
  // the name with one space taken out before a lower-case piece.
  for (size_t space = name.find(' '); space != std::string_view::npos; space = name.find(' ', space + 1)) {
    if (!StartsLower(name.substr(space + 1))) continue;
    std::string joined = std::string(name.substr(0, space)) + std::string(name.substr(space + 1));
    if (auto i = run.compiled.area_filter.FirstMatching(joined)) return run.compiled.areas[*i].id;
  }
  return std::nullopt;
}

struct AreaBuild {
  Area area;
  size_t heading_line;  // line index
};

// Follow-up status of the area whose headings are [from, to).
void FollowUpOf(const ExtractionRun& run, size_t from, size_t to, Area& area) {
  const auto& headings = run.structure.headings;
  bool any = false;
  for (size_t h = from; h < to; ++h) {
    if (headings[h].sub != SubHeading::kFollowUp) continue;
    any = true;
    std::string body;
    size_t first_line = headings[h].line;
    for (const Unit& u : run.UnitsUnder(h)) {
      if (body.empty()) first_line = u.first;
      body += (body.empty() ? "" : " ") + u.text;
    }
    if (body.empty() || RE2::FullMatch(Trim(body), *run.compiled.empty_follow_up)) {
      if (area.follow_up != FollowUp::kEmpty) {
        area.follow_up = FollowUp::kEmpty;
        area.follow_up_quote = body.empty() ? headings[h].text + " (tom)" : Trim(body);
        area.follow_up_span = run.SpanOfLine(first_line);
      }
    } else if (area.follow_up == FollowUp::kUnknown) {
      area.follow_up = FollowUp::kPresent;
    }
  }
  if (!any) area.follow_up = FollowUp::kAbsent;
}

// Areas named as a list under the development-area section's heading
// ("Gemensamma utvecklingsområden", then "• Kroppslig hälsa"), when the text
// gives them no headings of their own. Such a list says nothing of
// follow-up, so it stays unknown.
// Only under a heading that says "utvecklingsområde(n)", and only when
// the list names at least one area of the framework: a plan's list of
// values or funded projects is no list of areas.
void AreasListed(ExtractionRun& run) {
  constexpr size_t kMaxNameWords = 8;
  if (run.doc.kind != DocumentKind::kLokalOverenskommelse && run.doc.kind != DocumentKind::kHandlingsplan) return;
  const auto& headings = run.structure.headings;
  std::vector<Area> listed;
  for (const Unit& u : run.structure.units) {
    if (u.heading < 0 || u.bullet == Bullet::kNone || WordCount(u.text) > kMaxNameWords) continue;
    const Heading& h = headings[static_cast<size_t>(u.heading)];
    if (h.section_id != "utvecklingsomraden" || Fold(h.text).find("utvecklingsområde") == std::string::npos) continue;
    Area area;
    area.name = Trim(u.text, " .;,");
    area.framework_id = MapToFrameworkArea(run, area.name);
    area.follow_up = FollowUp::kUnknown;
    area.span = run.SpanOfLine(u.first);
    listed.push_back(std::move(area));
  }
  if (std::none_of(listed.begin(), listed.end(), [](const Area& a) { return a.framework_id.has_value(); })) return;
  run.doc.areas = std::move(listed);
}

// "Utvecklingsområde: Kroppslig hälsa": the area's name after its label.
std::string AreaName(std::string_view heading) {
  size_t colon = heading.find(": ");
  if (colon != std::string_view::npos && Fold(heading.substr(0, colon)).find("område") != std::string::npos)
    heading.remove_prefix(colon + 2);
  return Trim(heading, " .:");
}

// Areas whose activities are written as records ("1. Suicidprevention",
// then "1.1 Kartläggning ..." and "Ansvarig: ...") or as rows of an activity
// table: a heading that names a framework area, with a responsible field or
// a table row before the next such heading or main section. Neither says
// anything of follow-up, so it stays unknown.
void AreasWithRecords(ExtractionRun& run) {
  if (run.doc.kind != DocumentKind::kLokalOverenskommelse && run.doc.kind != DocumentKind::kHandlingsplan) return;
  const auto& headings = run.structure.headings;
  const auto& labels = run.structure.field_label;
  const std::vector<bool>& in_table = ActivityTables(run).in_table;
  auto main_section = [](const Heading& h) { return !h.section_id.empty() && h.section_id != "utvecklingsomraden"; };
  for (size_t h = 0; h < headings.size(); ++h) {
    if (headings[h].sub != SubHeading::kNone || main_section(headings[h])) continue;
    std::optional<std::string> id = MapToFrameworkArea(run, headings[h].text);
    if (!id) continue;
    // Headings under it naming the same area ("2.1 Bedömningsmall för samsjuklighet") are its own.
    size_t end = h + 1;
    for (; end < headings.size() && !main_section(headings[end]); ++end) {
      std::optional<std::string> next = MapToFrameworkArea(run, headings[end].text);
      if (next && next != id) break;
    }
    size_t end_line = end < headings.size() ? headings[end].line : labels.size();
    bool has_record = false;
    for (size_t i = headings[h].last_line + 1; i < end_line && !has_record; ++i)
      has_record = (!labels[i].empty() && run.ref.vocabulary.responsible_columns.count(labels[i])) || in_table[i];
    size_t next = end - 1;  // the headings up to `end` are this one's: none starts an area of its own
    if (has_record) {
      Area area;
      area.name = AreaName(headings[h].text);
      area.framework_id = id;
      area.follow_up = FollowUp::kUnknown;
      area.span = run.SpanOfLine(headings[h].line);
      run.doc.areas.push_back(std::move(area));
    }
    h = next;
  }
}

// Areas named in an activity table's area column ("Insatsområde"), in the
// order they first appear, when the plan names them nowhere else; only when
// one of them is a framework area, as for a list (AreasListed).
void AreasInColumn(ExtractionRun& run) {
  std::vector<Area> found;
  for (const ActivityRow& row : ActivityTables(run).rows) {
    std::string name = Trim(row.area, " .,;:");
    if (EmptyCell(name) || std::any_of(found.begin(), found.end(), [&](const Area& a) { return a.name == name; })) continue;
    Area area;
    area.framework_id = MapToFrameworkArea(run, name);
    area.name = std::move(name);
    area.follow_up = FollowUp::kUnknown;
    area.span = run.SpanOfLine(row.first);
    found.push_back(std::move(area));
  }
  if (std::any_of(found.begin(), found.end(), [](const Area& a) { return a.framework_id.has_value(); }))
    run.doc.areas = std::move(found);
}

// How many numbers a heading's numbering has: "2." 1, "2.1" 2, none 0.
size_t NumberingDepth(std::string_view line) {
  size_t depth = 0, i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    ++depth;
    if (i < line.size() && line[i] == '.') ++i;
  }
  return depth;
}

// Where the area whose heading is `h` ends, at `next` (the next area's
// heading) at the latest: at the next main section ("Giltighetstid"), or at
// a heading numbered above it ("3. Uppföljning" after "2.3 Kroppslig hälsa").
size_t AreaEnd(const ExtractionRun& run, size_t h, size_t next) {
  const auto& headings = run.structure.headings;
  size_t depth = NumberingDepth(run.Line(headings[h].line));
  for (size_t k = h + 1; k < next; ++k) {
    if (headings[k].sub == SubHeading::kNone && !headings[k].section_id.empty() && headings[k].section_id != "utvecklingsomraden")
      return k;
    size_t k_depth = NumberingDepth(run.Line(headings[k].line));
    if (depth > 0 && k_depth > 0 && k_depth < depth) return k;
  }
  return next;
}

// A plan followed up as a whole ("3. Uppföljning: Handlingsplanen följs upp
// två gånger per år") outside every area, where no area has a follow-up of
// its own: the areas' own follow-up is unknown, not missing. Where some
// areas have one, the others still lack theirs; and a follow-up of the
// agreement ("Styrgruppen följer upp överenskommelsen") says nothing of
// its plan's areas.
void FollowedUpAsAWhole(ExtractionRun& run, const std::vector<bool>& in_area) {
  static const RE2 kOfThePlan(R"((?i)\b(?:handlings)?plan(?:en|ens)?\b|\baktivitet|utvecklingsområd)");
  auto& areas = run.doc.areas;
  if (std::any_of(areas.begin(), areas.end(), [](const Area& a) { return a.follow_up != FollowUp::kAbsent; })) return;
  const auto& headings = run.structure.headings;
  for (size_t h = 0; h < headings.size(); ++h) {
    bool follow_up = headings[h].sub == SubHeading::kFollowUp || headings[h].section_id == "uppfoljning";
    if (!follow_up || in_area[h]) continue;
    std::span<const Unit> units = run.UnitsUnder(h);
    if (std::none_of(units.begin(), units.end(), [](const Unit& u) { return RE2::PartialMatch(u.text, kOfThePlan); })) continue;
    for (Area& a : areas) a.follow_up = FollowUp::kUnknown;
    return;
  }
}

}  // namespace

// Areas named in running text: "Skolnärvaro är tillagt som ett gemensamt utvecklingsområde".
void AreasSaidAdded(ExtractionRun& run) {
  static const RE2 kAddedArea(
      R"((?i)^([A-ZÅÄÖ][^.:;]{1,60}?) (?:är|har) (?:tillagt|tillagd|lagts till|tillkommit|lagt till) som (?:ett |en )?(?:nytt |ny |gemensamt |gemensam |prioriterat |lokalt )*utvecklingsområde)");
  if (!run.Mentions(Gate::kAddedArea)) return;
  // In a unit, or on a line taken for a heading (an item of a list that lost its marker).
  auto added = [&](std::string_view text, size_t line) {
    std::string name;
    if (!PartialMatchDfaFirst(text, kAddedArea, &name)) return;
    Area area;
    area.name = name;
    area.framework_id = MapToFrameworkArea(run, name);
    area.span = run.SpanOfLine(line);
    run.doc.areas.push_back(std::move(area));
  };
  for (const Unit* u : run.UnitsHolding(Gate::kAddedArea)) added(u->text, u->first);
  std::vector<size_t> lines = run.LinesOf(Gate::kAddedArea);
  for (const Heading& h : run.structure.headings)
    if (HoldsLine(lines, h.line, h.last_line)) added(h.text, h.line);
}

// Each area's line in the text: the line of its source line that names
// it. On a page read in two columns one source line gives two lines of
// text, and source lines no longer run in reading order.
std::vector<size_t> AreaTextLines(const ExtractionRun& run) {
  constexpr size_t kNamePrefix = 16;  // bytes: a name wrapped over two lines starts on the first
  if (run.doc.areas.empty()) return {};
  std::vector<std::pair<int, size_t>> by_source;  // (source line, text line)
  for (size_t i = 0; i < run.text.lines.size(); ++i) by_source.emplace_back(run.text.lines[i].source_line, i);
  std::sort(by_source.begin(), by_source.end());
  std::vector<size_t> out;
  for (const Area& a : run.doc.areas) {
    auto [b, e] = std::equal_range(by_source.begin(), by_source.end(), std::pair<int, size_t>(a.span.line, 0),
                                   [](const auto& x, const auto& y) { return x.first < y.first; });
    std::string_view prefix = std::string_view(a.name).substr(0, kNamePrefix);
    auto named = std::find_if(b, e, [&](const auto& p) { return run.Line(p.second).find(prefix) != std::string::npos; });
    out.push_back(named != e ? named->second : b != e ? b->second : run.text.lines.size());
  }
  return out;
}

// Sorts the areas into reading order and notes their lines in the text (run.area_lines).
void PutAreasInReadingOrder(ExtractionRun& run) {
  std::vector<size_t> lines = AreaTextLines(run);
  std::vector<size_t> order(lines.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lines[a] < lines[b]; });
  std::vector<Area> areas;
  areas.reserve(order.size());
  run.area_lines.clear();
  for (size_t i : order) {
    areas.push_back(std::move(run.doc.areas[i]));
    run.area_lines.push_back(lines[i]);
  }
  run.doc.areas = std::move(areas);
}

void ExtractAreas(ExtractionRun& run) {
  if (run.doc.kind == DocumentKind::kRevision) return;
  const auto& headings = run.structure.headings;
  std::vector<size_t> area_headings;  // heading indexes that start an area
  std::vector<size_t> pending;        // plain headings since the last sub-heading
  int last_order = 0;
  for (size_t h = 0; h < headings.size(); ++h) {
    const Heading& hd = headings[h];
    if (hd.sub == SubHeading::kNone) {
      if (hd.section_id.empty() || hd.section_id == "utvecklingsomraden") pending.push_back(h);
      else { pending.clear(); last_order = 0; }
      continue;
    }
    int order = SubOrder(hd.sub);
    bool continues = last_order > 0 && order > last_order;  // a page footer between Målsättning and Aktiviteter
    // A heading that names the section itself ("Handlingsplan 2025",
    // "Utvecklingsområden") holds areas; it is none.
    while (!pending.empty() && headings[pending.back()].section_id == "utvecklingsomraden" &&
           !MapToFrameworkArea(run, headings[pending.back()].text))
      pending.pop_back();
    if (!pending.empty() && !continues && hd.sub != SubHeading::kFollowUp) {
      size_t child = pending.back();
      size_t start = child;
      auto child_id = MapToFrameworkArea(run, headings[child].text);
      // "1. Samordnad individuell plan", then "Nuläge": a part of a numbered
      // framework area, unnumbered or numbered deeper, is no area of its own.
      if (!child_id) {
        size_t depth = NumberingDepth(run.Line(headings[child].line));
        for (size_t p : pending) {
          size_t parent_depth = NumberingDepth(run.Line(headings[p].line));
          if (p == pending.back() || parent_depth == 0 || (depth != 0 && depth <= parent_depth)) continue;
          if (auto id = MapToFrameworkArea(run, headings[p].text)) child = start = p, child_id = id;
        }
      }
      // A parent heading naming the same framework area ("Barn och ungas psykiska hälsa" > "TSI").
      for (size_t p : pending)
        if (p != child && !area_headings.empty() && child_id && MapToFrameworkArea(run, headings[p].text) == child_id) start = p;
      bool same_as_open = !area_headings.empty() && child_id &&
                          MapToFrameworkArea(run, headings[area_headings.back()].text) == child_id && start == child &&
                          std::none_of(pending.begin(), pending.end(), [&](size_t p) { return p != child && !MapToFrameworkArea(run, headings[p].text); });
      if (!same_as_open) area_headings.push_back(start);
    }
    pending.clear();
    last_order = order;
  }
  std::vector<bool> in_area(headings.size(), false);
  for (size_t i = 0; i < area_headings.size(); ++i) {
    size_t h = area_headings[i];
    size_t end = AreaEnd(run, h, i + 1 < area_headings.size() ? area_headings[i + 1] : headings.size());
    std::fill(in_area.begin() + static_cast<long>(h), in_area.begin() + static_cast<long>(end), true);
    Area area;
    area.name = AreaName(headings[h].text);
    area.framework_id = MapToFrameworkArea(run, area.name);
    area.span = run.SpanOfLine(headings[h].line);
    FollowUpOf(run, h + 1, end, area);
    run.doc.areas.push_back(std::move(area));
  }
  FollowedUpAsAWhole(run, in_area);
  if (run.doc.areas.empty()) AreasListed(run);
  if (run.doc.areas.empty()) AreasWithRecords(run);
  if (run.doc.areas.empty()) AreasInColumn(run);
  AreasSaidAdded(run);
  PutAreasInReadingOrder(run);
}

namespace {

struct Sentence {
  std::string text;
  size_t line;  // line index where it starts
};

std::vector<Sentence> SentencesOf(const ExtractionRun& run, const Unit& u) {
  std::vector<Sentence> out;
  std::string cur;
  size_t cur_line = u.first;
  for (size_t li = u.first; li <= u.last; ++li) {
    const std::string& text = run.Line(li);
    if (text.empty() || run.structure.left_out[li]) continue;
    size_t pos = 0;
    // "2. Genomföra ...": the item's number ends no sentence.
    int order = 0;
    std::string_view rest;
    if (li == u.first && u.bullet == Bullet::kNumber && ParseNumberedStep(text, order, rest))
      pos = static_cast<size_t>(rest.data() - text.data());
    while (pos < text.size()) {
      if (cur.empty()) cur_line = li;
      size_t stop = text.find(". ", pos);
      if (!cur.empty()) cur += ' ';
      if (stop == std::string::npos) {
        cur.append(text, pos);
        break;
      }
      cur.append(text, pos, stop + 1 - pos);
      out.push_back({std::move(cur), cur_line});
      cur.clear();
      pos = stop + 2;
    }
  }
  if (!cur.empty()) out.push_back({std::move(cur), cur_line});
  return out;
}

// "Maria Malmö", "Lotsteamet Ystad": a short run of capitalised words names someone.
bool IsProperName(std::string_view np) {
  std::vector<std::string> words = Words(np);
  if (words.empty() || words.size() > 4) return false;
  return std::all_of(words.begin(), words.end(), [](const std::string& w) { return StartsUpper(w); });
}

std::string Action(std::string_view s) { return Ellipsize(Trim(s, " .;,"), 240); }

struct Parsed {
  std::optional<std::string> actor;
  std::string action;
};

// "<Actor> <verb> ..." in an activity list; actor words before the first known verb.
std::optional<Parsed> ActorVerb(const ExtractionRun& run, const std::string& s) {
  static const std::vector<std::string> kNotActorStart = {"under", "i", "om", "genom", "inom", "för", "efter", "vid",
                                                         "med", "på", "till", "det", "detta", "den", "där", "när",
                                                         "som", "via", "utifrån", "inför", "senast"};
  // Only the first 15 tokens can hold the verb.
  std::vector<std::string_view> tokens;
  std::vector<size_t> offsets;
  for (size_t pos = 0; pos < s.size() && tokens.size() < 15;) {
    size_t sp = s.find(' ', pos);
    tokens.push_back(std::string_view(s).substr(pos, sp == std::string::npos ? std::string::npos : sp - pos));
    offsets.push_back(pos);
    if (sp == std::string::npos) break;
    pos = sp + 1;
  }
  if (tokens.size() < 3 || !StartsUpper(tokens[0])) return std::nullopt;
  std::string first = Fold(Trim(tokens[0], ",.;:"));
  if (std::find(kNotActorStart.begin(), kNotActorStart.end(), first) != kNotActorStart.end()) return std::nullopt;
  for (size_t i = 1; i < tokens.size() && i <= 14; ++i) {
    std::string w = Fold(Trim(tokens[i], ",.;:()"));
    bool verb = run.ref.vocabulary.verbs.count(w) > 0 || w == "ska" || w == "skall";
    if (!verb) {
      if (tokens[i].find('.') != std::string::npos && tokens[i].back() == '.') return std::nullopt;  // sentence ended
      continue;
    }
    std::string actor = StripParentheses(Trim(s.substr(0, offsets[i]), " ,"));
    bool named = HasActorHead(run, actor) || (w != "ska" && w != "skall" && IsProperName(actor));
    if (actor.empty() || !named) return std::nullopt;
    return Parsed{actor, Action(s.substr(offsets[i]))};
  }
  return std::nullopt;
}

std::optional<Parsed> PassiveOrNominal(const std::string& s, bool activities) {
  static const RE2 kAdverbialPassive(
      R"((?i)^(?:under|i|senast|inom|efter|före|från och med)\b[^,.]{0,40}?\b([a-zåäö]{4,}s)\s+(?:en|ett|de|det|den)\s)");
  static const RE2 kNominal(
      R"((?i)^(implementering|införande|inrättande|utveckling|framtagande|upprättande|genomförande|översyn|revidering) av\b)");
  // Both patterns are anchored on a first word from a short list; most sentences start otherwise.
  size_t word_end = 0;
  while (word_end < s.size() && IsWordByte(s[word_end])) ++word_end;
  std::string first = Fold(s.substr(0, word_end));
  static const std::set<std::string, std::less<>> kFirstWords = {
      "under", "i", "senast", "inom", "efter", "före", "från", "implementering", "införande", "inrättande",
      "utveckling", "framtagande", "upprättande", "genomförande", "översyn", "revidering"};
  if (!kFirstWords.count(first)) return std::nullopt;
  re2::StringPiece verb;
  if (PartialMatchDfaFirst(s, kAdverbialPassive, &verb)) {
    size_t at = static_cast<size_t>(verb.data() - s.data());
    return Parsed{std::nullopt, Action(s.substr(at))};
  }
  if (activities && RE2::PartialMatch(s, kNominal)) return Parsed{std::nullopt, Action(s)};
  return std::nullopt;
}

// Whether a would-be actor holds a clause of its own ("Ledningsgruppen
// beslutar att överenskommelsen"): a verb or "att".
bool HoldsClause(const ExtractionRun& run, std::string_view actor) {
  for (const std::string& w : Words(Fold(actor)))
    if (w == "att" || run.ref.vocabulary.verbs.count(w)) return true;
  return false;
}

// Whether a duty's subject is no actor: it holds a clause (HoldsClause), or
// the duty is passive ("... ska revideras", "ska informeras"), whose subject
// is what is done or who is told, not who does it.
bool ClauseOrPassive(const ExtractionRun& run, std::string_view actor, re2::StringPiece verb_at) {
  std::string verb(verb_at.data(), verb_at.size());
  bool passive = (verb.starts_with("ska ") || verb.starts_with("skall ")) && verb.size() > 8 && verb.back() == 's';
  return passive || HoldsClause(run, actor);
}

// "ska verka för", "ska sträva efter": an aim, with no task one could see done.
bool IsAspiration(re2::StringPiece verb) {
  std::string_view v(verb.data(), verb.size());
  for (std::string_view shall : {"ska ", "skall "})
    if (v.starts_with(shall)) v.remove_prefix(shall.size());
  return v == "verka" || v == "sträva" || v == "eftersträva" || v == "värna";
}

// Duties stated in running text: "X ska ...", "X har som uppgift att ...",
// "X ansvarar för ...", "X åtar sig att ...", "... följs upp av X".
// `unit_has_words`: the unit of `s` holds a word of Gate::kDuty.
std::optional<Parsed> Duty(const ExtractionRun& run, const std::string& s, bool unit_has_words) {
  // The actor is the shortest run before a duty verb, of at most 91
  // characters. Counted after the match: as {1,90}? in the pattern, the
  // count made RE2's automaton large and slow, and the shortest run is the
  // same either way.
  constexpr size_t kMaxActorRunes = 91;
  static const RE2 kDuty(
      R"(^([A-ZÅÄÖ][^,.;:]+?) ((?:ska|skall) [a-zåäö]+|har (?:som (?:målsättning|uppgift)|ett (?:gemensamt )?ansvar|ansvar(?:et)?|i uppdrag) (?:att|för)|(?:är|blir) skyldig(?:a)? att|ansvarar för|(?:åtar|förbinder) sig)\b)");
  // The agent ends before "och", punctuation, or a word that starts an adverbial ("i december 2025").
  static const RE2 kAgent(
      R"((?i)\b(?:följs upp|samordnas|leds|genomförs|ansvaras|bereds|beslutas) av ((?:den |det )?[^ ,.;]+(?: [^ ,.;]+){0,4}?)(?: och | samt | i | under | senast | inom | varje | efter | före | per |[,.;]|$))");
  static const RE2 kInverted(R"(^(?:I|Inom) [A-ZÅÄÖ]\S* (beslutar|ansvarar|samordnar) ([^,.;]{3,100}?) (?:om|för) )");
  // Words each pattern needs, checked before any of them runs: kDuty's
  // (group 0), kAgent's (group 1); none where the unit has none. kDuty's
  // verb follows an actor without ",.;:", so it stands before the first of
  // them; no word holds one, so the text is read once, in two parts.
  static const KeywordGate kWords({{std::begin(kDutyVerbWords), std::end(kDutyVerbWords)},
                                   {std::begin(kAgentWords), std::end(kAgentWords)}});
  constexpr uint64_t kDutyWord = 1, kAgentWord = 2;
  bool may_duty = false, may_agent = false;
  if (unit_has_words) {
    size_t clause_end = static_cast<size_t>(
        std::find_if(s.begin(), s.end(), [](char c) { return c == ',' || c == '.' || c == ';' || c == ':'; }) - s.begin());
    uint64_t in_clause = kWords.Scan(std::string_view(s).substr(0, clause_end));
    may_duty = (in_clause & kDutyWord) && StartsUpper(s);
    may_agent = (in_clause & kAgentWord) || (kWords.Scan(std::string_view(s).substr(clause_end)) & kAgentWord);
  }
  bool may_invert = s.rfind("I ", 0) == 0 || s.rfind("Inom ", 0) == 0;
  std::string actor, verb;
  re2::StringPiece verb_at;
  // "har som målsättning att <infinitive>" is a task; "... att de olika verksamheterna ska" is a wish.
  static const RE2 kClauseAfterAtt(R"(\batt (de|det|den|en|ett|alla|man|vi|individen|personen|barnet)\b)");
  // kDuty is anchored and reaches at most ~150 bytes in; a long sentence is cut at a space after 240.
  std::string_view head(s);
  if (head.size() > 240) head = Utf8Prefix(head, std::max<size_t>(head.rfind(' ', 240), 1));
  if (may_duty && PartialMatchDfaFirst(head, kDuty, &actor, &verb_at) && RuneCount(actor) <= kMaxActorRunes &&
      HasActorHead(run, actor) && Words(actor).size() <= 10 && !ClauseOrPassive(run, actor, verb_at) && !IsAspiration(verb_at) &&
      !(verb_at.starts_with("har") && RE2::PartialMatch(s.substr(static_cast<size_t>(verb_at.data() - s.data()), 60), kClauseAfterAtt))) {
    return Parsed{StripParentheses(actor), Action(s.substr(static_cast<size_t>(verb_at.data() - s.data())))};
  }
  if (may_agent && RE2::PartialMatch(s, kAgent, &actor) && HasActorHead(run, actor)) return Parsed{Capitalize(actor), Action(s)};
  if (may_invert && PartialMatchDfaFirst(s, kInverted, &verb, &actor) && HasActorHead(run, actor)) return Parsed{actor, Action(s)};
  return std::nullopt;
}

// The value of a field "label: value" (or, when `or_is`, "label är value")
// whose label's word (LabelWord) is among `labels`: "Ansvarig: BUP", "Vem:
// Elevhälsan", "tid: löpande"; nullopt for any other text.
std::optional<std::string_view> LabelledValue(std::string_view part, const std::unordered_set<std::string>& labels, bool or_is = false) {
  size_t at = part.find(": "), skip = 2;
  if (at == std::string_view::npos && or_is) at = part.find(" är "), skip = 4;
  if (at == std::string_view::npos || !labels.count(LabelWord(part.substr(0, at)))) return std::nullopt;
  return part.substr(at + skip);
}

// Whether what a responsible label introduces names someone: an actor, or,
// since the label says the name is someone's, a proper name ("Maria Malmö");
// not prose about a duty ("Kommunen ansvarar för ...").
bool NamesSomeone(const ExtractionRun& run, std::string_view actor) {
  return (HasActorHead(run, actor) || IsProperName(actor)) && !HoldsClause(run, actor);
}

// The actor a responsible field's value names: two to 90 characters, no
// sentence of its own, someone (NamesSomeone).
std::optional<std::string> ResponsibleIn(const ExtractionRun& run, std::string_view value) {
  constexpr size_t kLongestActor = 90;
  std::string actor = Trim(value);
  if (!actor.empty() && actor.back() == '.') actor.pop_back();
  actor = Trim(actor);
  if (actor.size() < 2 || RuneCount(actor) > kLongestActor || actor.find_first_of(".;:") != std::string::npos ||
      !NamesSomeone(run, actor))
    return std::nullopt;
  return Capitalize(StripParentheses(actor));
}

// "Ansvarig: Elevhälsan", "Ansvariga är BUP och socialtjänsten.", "Vem:
// Elevhälsan": the sentence that names who carries out the activity it follows.
std::optional<std::string> NamedResponsible(const ExtractionRun& run, std::string_view sentence) {
  std::optional<std::string_view> value = LabelledValue(sentence, run.ref.vocabulary.responsible_columns, true);
  return value ? ResponsibleIn(run, *value) : std::nullopt;
}

// "Rutin tas fram (ansvarig: Psykiatri Skåne, klart: Q2 2025).": the owner a
// parenthesis of fields names first, and where the parenthesis starts.
std::optional<std::pair<std::string, size_t>> ParenthesizedResponsible(const ExtractionRun& run, std::string_view text) {
  for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    std::string_view inside = text.substr(open + 1, text.find(')', open) - open - 1);
    std::string_view first = inside.substr(0, inside.find_first_of(",;"));
    std::optional<std::string_view> value = LabelledValue(first, run.ref.vocabulary.responsible_columns);
    if (!value) continue;
    std::optional<std::string> actor = ResponsibleIn(run, *value);
    if (!actor) return std::nullopt;
    return std::pair{*actor, open};
  }
  return std::nullopt;
}

// An introduction to a list of duties: whose they are, and the words of
// the duty each item completes ("ansvarar för" of "Kommunen ansvarar för:"),
// empty when the items carry their own verbs.
struct Introduction {
  std::string actor;
  std::string duty;
};

// The introduction unit u, which ends in ':', makes: "... rapporterar till
// tjänstemannaberedningen som:" over "Ansvarar för ..." items, a duty with
// nothing after its verb ("Kommunen ansvarar för:", as `parsed`, which it
// then takes: alone it says nothing), or "Regionen ska:".
std::optional<Introduction> IntroductionOf(const ExtractionRun& run, const Unit& u, const std::string& last_sentence,
                                           std::optional<Parsed>& parsed) {
  static const RE2 kSom(R"((\S+) som:$)");
  static const RE2 kShallIntro(R"(^([A-ZÅÄÖ][^,.;:]{1,80}?) (ska|skall):$)");
  std::string word, actor, shall;
  if (RE2::PartialMatch(last_sentence, kSom, &word) && run.ref.vocabulary.actor_heads.count(Fold(word)))
    return Introduction{Capitalize(word), ""};
  if (u.bullet != Bullet::kNone) return std::nullopt;
  if (parsed && parsed->actor) {
    Introduction intro{*parsed->actor, Trim(parsed->action, " :")};
    parsed.reset();
    return intro;
  }
  if (!parsed && RE2::FullMatch(u.text, kShallIntro, &actor, &shall) && HasActorHead(run, actor)) return Introduction{actor, shall};
  return std::nullopt;
}

// The first word of `text`, folded ("Erbjuda boendestöd." -> "erbjuda").
std::string FirstWordFolded(std::string_view text) {
  size_t end = 0;
  while (end < text.size() && IsWordByte(text[end])) ++end;
  return Fold(text.substr(0, end));
}

// Whether `word` (folded) is a verb of the vocabulary, present tense
// ("erbjuder") or infinitive ("erbjuda", "ansvara", "utse"): an item of a
// list of duties starts with one.
bool IsDutyVerb(const ExtractionRun& run, const std::string& word) {
  const auto& verbs = run.ref.vocabulary.verbs;
  if (word.empty()) return false;
  if (verbs.count(word)) return true;
  if (verbs.count(word + "r")) return true;  // ansvara, ta, utse
  return word.back() == 'a' && verbs.count(word.substr(0, word.size() - 1) + "er");  // erbjuda, följa
}

// Whether u reads as an item of a list: it has a marker, or it is one short
// line (a PDF that lost its bullets: "Erbjuda sysselsättning.").
bool ItemShaped(const Unit& u) {
  constexpr size_t kMostWords = 12;
  return u.bullet != Bullet::kNone || (u.first == u.last && !HasMoreWordsThan(u.text, kMostWords));
}

// The actor a heading gives the duties listed under it: "Kommunens ansvar",
// "Regionens åtaganden", "Elevhälsans uppgifter"; "Gemensamt ansvar" is the
// parties'.
std::optional<std::string> DutiesHeadingActor(const ExtractionRun& run, std::string_view heading) {
  static const RE2 kOwn(R"((?i)^(\S+(?: \S+){0,3}?)s (?:ansvar|åtaganden|åtagande|uppgifter|uppdrag)$)");
  static const RE2 kShared(R"((?i)^gemensam(?:t|ma)? (?:ansvar|åtaganden|uppgifter|uppdrag)$)");
  std::string owner, text = Trim(heading, " .:");
  static constexpr std::string_view kEnds[] = {"ansvar", "åtaganden", "åtagande", "uppgifter", "uppdrag"};
  if (std::none_of(std::begin(kEnds), std::end(kEnds), [&](std::string_view e) { return EndsWithLower(text, e); })) return std::nullopt;
  if (RE2::FullMatch(text, kShared)) return "Parterna gemensamt";
  if (!RE2::FullMatch(text, kOwn, &owner) || !HasActorHead(run, owner)) return std::nullopt;
  return Capitalize(owner);
}

// Whether units[k] is a field line naming who is responsible ("Ansvarig: BUP").
bool IsResponsibleField(const ExtractionRun& run, size_t k) {
  const std::string& label = run.structure.field_label[run.structure.units[k].first];
  return !label.empty() && run.ref.vocabulary.responsible_columns.count(label);
}

// The last line of the record units[k] starts: the field lines ("Ansvarig:
// ...", "Klart: ...") right after it under the same heading belong to it.
size_t RecordEnd(const ExtractionRun& run, size_t k) {
  constexpr size_t kMostFields = 8;  // a record has a few; a long run of field lines is no one record's
  const auto& units = run.structure.units;
  size_t last = units[k].last;
  for (size_t j = k + 1; j < units.size() && j <= k + kMostFields && units[j].heading == units[k].heading; ++j) {
    const std::string& label = run.structure.field_label[units[j].first];
    // Right under, or a blank line between (a PDF spaces its paragraphs), unless it starts the next record ("Vad:").
    bool next_to = units[j].first == last + 1 ||
                   (units[j].first == last + 2 && !run.ref.vocabulary.activity_columns.count(label));
    if (!next_to || label.empty()) break;
    last = units[j].last;
  }
  return last;
}

// The actor a responsible field right after units[k] names.
std::optional<std::string> ResponsibleFieldAfter(const ExtractionRun& run, size_t k) {
  const auto& units = run.structure.units;
  // Right under, or a blank line between (a PDF spaces its paragraphs).
  if (k + 1 >= units.size() || units[k + 1].heading != units[k].heading || units[k + 1].first > units[k].last + 2 ||
      !IsResponsibleField(run, k + 1))
    return std::nullopt;
  std::vector<Sentence> sentences = SentencesOf(run, units[k + 1]);
  return sentences.empty() ? std::nullopt : NamedResponsible(run, sentences[0].text);
}

// The deadline of an activity whose text is on lines [first, own_last] and
// whose record's field lines run to `last`: the first in its own text, else
// the one its fields give. Fields giving several ("Tidsplan: rutinen senast
// juni 2025, utbildningen under hösten 2025") do not say which is whose.
std::optional<CivilDate> DueWithin(const ExtractionRun& run, size_t first, size_t own_last, size_t last, std::string* text) {
  const DateSpan* in_fields = nullptr;
  auto [begin, end] = run.DatesOnLines(first, last);
  for (size_t i = begin; i < end; ++i) {
    const DateSpan& span = run.doc.dates[i];
    if (span.role != DateRole::kDeadline || !span.end) continue;
    if (run.dates[i].line <= own_last) {
      *text = span.text;
      return span.end;
    }
    if (in_fields && in_fields->end != span.end) return std::nullopt;
    if (!in_fields) in_fields = &span;
  }
  if (!in_fields) return std::nullopt;
  *text = in_fields->text;
  return in_fields->end;
}

// The area a line of the text falls in: the last one that starts on or before it.
Area* AreaOf(ExtractionRun& run, size_t text_line) {
  auto after = std::upper_bound(run.area_lines.begin(), run.area_lines.end(), text_line);
  return after == run.area_lines.begin() ? nullptr : &run.doc.areas[static_cast<size_t>(after - run.area_lines.begin()) - 1];
}

Area* AreaNamed(ExtractionRun& run, std::string_view name) {
  for (Area& a : run.doc.areas)
    if (a.name == name) return &a;
  return nullptr;
}

std::string AreaAt(ExtractionRun& run, size_t text_line) {
  const Area* a = AreaOf(run, text_line);
  return a ? a->name : "";
}

// An activity's status as its table or record gives it ("Klar", "Pågår");
// done when its first word says so.
void SetStatus(const ExtractionRun& run, std::string_view status, Responsibility& r) {
  r.status = Trim(status, " .,;");
  std::vector<std::string> words = Words(Fold(r.status));
  // "Ej aktuell", "Inte aktuellt längre": no longer to be done, as "Utgår" is.
  bool no_longer = words.size() >= 2 && (words[0] == "ej" || words[0] == "inte") && words[1].starts_with("aktuell");
  r.done = !words.empty() && (run.ref.vocabulary.done_words.count(words[0]) || no_longer);
}

// The value of a field labelled with one of `labels` on lines [first, last]:
// a field line ("Status: Klar"), one sentence of one ("Ansvar: BUP. Tid:
// Löpande."), or one part of a parenthesis ("(ansvarig: BUP, tid: löpande)").
std::string FieldValue(const ExtractionRun& run, size_t first, size_t last, const std::unordered_set<std::string>& labels) {
  auto value_of = [&](std::string_view part) { return LabelledValue(part, labels); };
  for (size_t i = first; i <= last; ++i) {
    std::string_view line = run.Line(i);
    if (!run.structure.field_label[i].empty())
      for (std::string_view sentence : Sentences(line))
        if (auto v = value_of(sentence)) return std::string(*v);
    for (size_t open = line.find('('); open != std::string_view::npos; open = line.find('(', open + 1)) {
      std::string_view inside = line.substr(open + 1, line.find(')', open) - open - 1);
      for (size_t b = 0, e; b < inside.size(); b = e + 1) {
        e = std::min(inside.find_first_of(",;", b), inside.size());
        std::string part = Trim(inside.substr(b, e - b));
        if (auto v = value_of(part)) return Trim(*v, " .");
      }
    }
  }
  return "";
}

// "inom tre månader från beslut", "inom fem arbetsdagar": a time from an
// event rather than a date, which says when all the same.
std::string RelativeDue(std::string_view action) {
  static const RE2 kWithin(
      R"((?i)\binom (?:\d{1,3}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv|fjorton) (?:arbets)?(?:dagar|dag|veckor|vecka|månader|månad|år)\b)");
  if (action.find("inom ") == std::string_view::npos && action.find("Inom ") == std::string_view::npos) return "";
  std::string_view found;
  return FindFirst(kWithin, action, &found) ? std::string(found) : "";
}

// Each row of an activity table; an empty responsible cell (or a dash)
// names nobody, and a date in the due column is the row's deadline.
void AddTableActivities(ExtractionRun& run) {
  for (const ActivityRow& row : ActivityTables(run).rows) {
    std::string actor = Trim(row.responsible, " .,;");
    if (EmptyCell(actor)) actor.clear();
    if (RuneCount(actor) > 90) continue;  // prose in the column: read nothing into it
    Responsibility r;
    bool someone = std::any_of(actor.begin(), actor.end(), [](char c) { return IsWordByte(c) && !(c >= '0' && c <= '9'); });
    if (someone) r.actor = actor;
    r.action = Action(row.activity);
    r.span = run.SpanOfLine(row.first);
    if (row.due) {
      DateSpan& due = run.doc.dates[*row.due];
      r.due_text = due.text;
      // What the column says it is, unless it opens a period ("efter sommaren 2026"): a start has no deadline.
      if (due.end) due.role = DateRole::kDeadline, r.due = due.end;
    } else if (std::string when = Trim(row.due_text, " .,;"); !EmptyCell(when)) {
      r.due_text = when;  // "Löpande": when, said in words
    }
    // The row's area cell names its area; else the area it stands under.
    std::string named_area = Trim(row.area, " .,;:");
    Area* area = EmptyCell(named_area) ? AreaOf(run, row.first) : AreaNamed(run, named_area);
    r.area = area ? area->name : EmptyCell(named_area) ? "" : named_area;
    SetStatus(run, row.status, r);
    // A follow-up column ("Indikator: Antal samtal") follows its area up.
    std::string follow_up = Trim(row.follow_up, " .,;");
    if (area && !EmptyCell(follow_up) && (area->follow_up == FollowUp::kAbsent || area->follow_up == FollowUp::kUnknown))
      area->follow_up = FollowUp::kPresent;
    run.doc.responsibilities.push_back(std::move(r));
  }
}

// A unit of an activity list: passive or nominal, "<Actor> <verb> ...", or a
// duty. Its owner may be named after it, in a sentence of its own or on the
// next field line ("Ansvarig: X"); `field_taken` says the latter was used.
// `unit_has_words` as for Duty.
std::optional<Parsed> ActivityOf(const ExtractionRun& run, const std::vector<Sentence>& sentences, SubHeading sub, bool unit_has_words,
                                 const std::optional<std::string>& field_actor, bool& field_taken) {
  std::optional<Parsed> parsed = PassiveOrNominal(sentences[0].text, sub == SubHeading::kActivities);
  if (!parsed) parsed = ActorVerb(run, sentences[0].text);
  if (!parsed) parsed = Duty(run, sentences[0].text, unit_has_words);  // "Planen följs upp av styrgruppen ..."
  std::optional<std::string> named;
  std::string_view action = sentences[0].text;
  for (size_t j = 1; j < sentences.size() && !named; ++j) named = NamedResponsible(run, sentences[j].text);
  if (!named && field_actor) named = field_actor, field_taken = true;
  bool in_parentheses = false;  // "... (ansvarig: X, klart: Q2 2025)": the action ends before them
  if (auto p = named ? std::nullopt : ParenthesizedResponsible(run, action)) {
    named = p->first;
    action = action.substr(0, p->second);
    in_parentheses = true;
  }
  if (named && sub == SubHeading::kActivities && (!parsed || !parsed->actor))
    parsed = Parsed{named, parsed && !in_parentheses ? parsed->action : Action(action)};
  return parsed;
}

// A unit of running text: its first sentence stating a duty (`line` is set
// to where it starts), or a short activity whose owner the next field line
// names (`field_actor`; `field_taken` says it was used). `unit_has_words`
// as for Duty.
std::optional<Parsed> DutyOf(const ExtractionRun& run, const std::vector<Sentence>& sentences, bool unit_has_words,
                             const std::optional<std::string>& field_actor, size_t& line, bool& field_taken) {
  for (const Sentence& s : sentences) {
    if (std::optional<Parsed> parsed = Duty(run, s.text, unit_has_words)) {
      line = s.line;
      return parsed;
    }
  }
  constexpr size_t kMostSentences = 2;
  if (!field_actor || sentences.size() > kMostSentences) return std::nullopt;
  field_taken = true;
  return Parsed{field_actor, Action(sentences[0].text)};
}

}  // namespace

bool HasActorHead(const ExtractionRun& run, std::string_view np) {
  static const std::set<std::string_view> kPostModifier = {"där", "som", "från", "med", "i", "inom", "av", "mellan", "på", "vid", "om"};
  const std::vector<std::string>& stems = run.compiled.actor_stems;
  for (const std::string& w : Words(Fold(np))) {
    if (kPostModifier.count(w)) return false;
    if (run.ref.vocabulary.actor_heads.count(w)) return true;
    // Inflected forms share the stem: "vårdcentralerna", "styrgrupperna", "kommunernas".
    for (size_t n = 5; n < w.size(); ++n)
      if (std::binary_search(stems.begin(), stems.end(), std::string_view(w).substr(0, n), std::less<>())) return true;
    // A compound ends in its head: "omsorgsförvaltningen", "skolpersonal".
    const std::vector<std::string>& heads = run.compiled.compound_heads;
    for (size_t p = CompiledReference::kShortestModifier; p + CompiledReference::kShortestCompoundHead <= w.size(); ++p)
      if ((static_cast<unsigned char>(w[p]) & 0xC0) != 0x80 &&
          std::binary_search(heads.begin(), heads.end(), std::string_view(w).substr(p), std::less<>()))
        return true;
  }
  return false;
}

void ExtractResponsibilities(ExtractionRun& run) {
  if (run.doc.kind == DocumentKind::kRevision) return;
  const auto& units = run.structure.units;
  const auto& headings = run.structure.headings;
  AddTableActivities(run);
  const std::vector<bool>& in_table = ActivityTables(run).in_table;
  std::optional<Introduction> intro;  // of the list being read
  bool field_taken = false;  // the previous unit took this unit's responsible field
  const std::vector<size_t> duty_lines = run.LinesOf(Gate::kDuty);
  for (size_t k = 0; k < units.size(); ++k) {
    const Unit& u = units[k];
    bool taken = std::exchange(field_taken, false);
    if (in_table[u.first] || taken) continue;
    const Heading* h = u.heading >= 0 ? &headings[static_cast<size_t>(u.heading)] : nullptr;
    SubHeading sub = h ? h->sub : SubHeading::kNone;
    std::string section = h ? h->section_id : "";
    if (section == "tvister" || section == "malgrupper" || section == "parter" || sub == SubHeading::kGoal ||
        sub == SubHeading::kLongTermGoal) {
      intro.reset();
      continue;
    }
    bool in_plan = sub == SubHeading::kActivities || sub == SubHeading::kFollowUp;
    std::vector<Sentence> sentences = SentencesOf(run, u);
    if (sentences.empty()) continue;
    std::optional<Parsed> parsed;
    size_t line = u.first;
    std::optional<std::string> field_actor = ResponsibleFieldAfter(run, k);
    bool is_field = IsResponsibleField(run, k);
    if (is_field && h && h->sub == SubHeading::kNone && section.empty() && h->last_line + 1 == u.first) {
      // A heading, then "Ansvarig: X": the heading names the activity.
      std::optional<std::string> named = NamedResponsible(run, sentences[0].text);
      if (named) parsed = Parsed{named, Action(h->text)};
      line = h->line;
    } else if (intro && (u.bullet != Bullet::kNone || StartsLower(u.text)) &&  // an item without its marker goes on the lead-in in lower case
               (!intro->duty.empty() || IsDutyVerb(run, FirstWordFolded(u.text)))) {
      parsed = Parsed{intro->actor, Action(intro->duty.empty() ? u.text : intro->duty + " " + u.text)};
    } else if (std::optional<std::string> owner = h && ItemShaped(u) ? DutiesHeadingActor(run, h->text) : std::nullopt;
               owner && IsDutyVerb(run, FirstWordFolded(u.text))) {
      parsed = Parsed{owner, Action(u.text)};
    } else if (in_plan) {
      parsed = ActivityOf(run, sentences, sub, HoldsLine(duty_lines, u.first, u.last), field_actor, field_taken);
    } else {
      intro.reset();
      parsed = DutyOf(run, sentences, HoldsLine(duty_lines, u.first, u.last), is_field ? std::nullopt : field_actor, line, field_taken);
    }
    if (!u.text.empty() && u.text.back() == ':') intro = IntroductionOf(run, u, sentences.back().text, parsed);
    if (!parsed) continue;
    Responsibility r;
    r.actor = parsed->actor;
    // "Vad: Utbildning i ...": the activity without its label.
    std::optional<std::string_view> labelled = LabelledValue(parsed->action, run.ref.vocabulary.activity_columns);
    r.action = labelled ? Action(*labelled) : parsed->action;
    r.span = run.SpanOfLine(line);
    size_t record_end = RecordEnd(run, k);
    r.due = DueWithin(run, line, std::max(line, u.last), record_end, &r.due_text);
    // "tid: löpande", "Klart: Vid behov", "inom tre månader": when, said in words
    if (!r.due) r.due_text = FieldValue(run, line, record_end, run.ref.vocabulary.due_columns);
    if (EmptyCell(r.due_text)) r.due_text.clear();
    if (!r.due && r.due_text.empty()) r.due_text = RelativeDue(r.action);
    r.area = AreaAt(run, line);
    SetStatus(run, FieldValue(run, line, record_end, run.ref.vocabulary.status_columns), r);
    run.doc.responsibilities.push_back(std::move(r));
  }
  // Table rows came first; the text's order is the reader's.
  std::stable_sort(run.doc.responsibilities.begin(), run.doc.responsibilities.end(),
                   [](const Responsibility& a, const Responsibility& b) { return a.span.line < b.span.line; });
}

}  // namespace overens
