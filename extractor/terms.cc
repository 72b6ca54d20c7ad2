// Agreement terms: validity, repeals, the dispute ladder, recognised sections.
#include <algorithm>
#include <tuple>

#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

std::optional<int> NumberWord(std::string_view w) {
  static const std::pair<std::string_view, int> kWords[] = {
      {"en", 1}, {"ett", 1}, {"två", 2}, {"tre", 3}, {"fyra", 4}, {"fem", 5}, {"sex", 6}, {"sju", 7}, {"åtta", 8},
      {"nio", 9}, {"tio", 10}, {"elva", 11}, {"tolv", 12}, {"arton", 18}, {"tjugofyra", 24}};
  std::string f = Fold(w);
  for (auto [word, n] : kWords)
    if (f == word) return n;
  if (f.size() < 4 && AllDigits(f))
    return std::stoi(f);
  return std::nullopt;
}

// Whether the sentence of `text` holding byte `at` speaks of the validity
// itself, not of a revision or follow-up due then.
bool SpeaksOfValidity(std::string_view text, size_t at) {
  static const RE2 kValidity(R"((?i)\b(gäller|gälla|giltig|giltighet|upphör|löper|avtalsperiod|löptid)\w*)");
  static const RE2 kRevision(R"((?i)\b(revider|ses över|se över|följ(?:s|as) upp|utvärder|uppdater|omförhandl))");
  std::string_view sentence = SentenceAround(text, at, at, text.size());
  return RE2::PartialMatch(sentence, kValidity) && !RE2::PartialMatch(sentence, kRevision);
}

// Whether the sentence of `text` holding `date` speaks of the validity.
bool SaysValidUntil(std::string_view text, std::string_view date) {
  size_t at = text.find(date);
  return at != std::string_view::npos && SpeaksOfValidity(text, at);
}

// The years a validity runs from its start ("gäller från och med 1 januari
// 2025 och tre år framåt", "gäller i tre år", "för en period av två år",
// "under en treårsperiod"), said in a sentence of the validity.
std::optional<int> ValidityYears(std::string_view text) {
  static const RE2 kYears(
      R"((?i)(?:\b(?:i|under|för|om|gäller)\s+(?:en\s+(?:period|tid)\s+(?:av|om|på)\s+)?(\S+)\s+år\b|\b(\S+)\s+år\s+framåt\b|\b(?:en\s+)?(två|tre|fyra|fem)årsperiod))");
  re2::StringPiece in(text.data(), text.size());
  std::string plain, ahead, compound;
  while (RE2::FindAndConsume(&in, kYears, &plain, &ahead, &compound)) {
    std::optional<int> years = NumberWord(!plain.empty() ? plain : !ahead.empty() ? ahead : compound);
    size_t at = static_cast<size_t>(in.data() - text.data()) - 1;
    if (years && *years >= 1 && *years <= 10 && SpeaksOfValidity(text, at)) return years;
  }
  return std::nullopt;
}

// An agreement without a validity section whose title block gives a span
// of years ("Samverkansavtal 2018–2020", "Överenskommelse ... 2013 – 2016",
// "2013.11.01 – 2016.12.31") is valid for that span.
void TitleValidity(ExtractionRun& run) {
  static const RE2 kAgreementWords(R"((?i)överenskommelse|avtal)");
  if (run.doc.kind != DocumentKind::kLokalOverenskommelse && run.doc.kind != DocumentKind::kRamoverenskommelse) return;
  size_t end = run.title_end;
  if (end == 0) return;
  int last_title_line = run.text.lines[end - 1].source_line;
  bool agreement_words = false;
  for (size_t i = 0; i < end && !agreement_words; ++i) agreement_words = RE2::PartialMatch(run.Line(i), kAgreementWords);
  if (!agreement_words) return;
  for (const DateSpan& d : run.doc.dates) {
    if (d.span.line > last_title_line) break;
    bool years = d.grain == Grain::kYears;
    bool long_days = d.grain == Grain::kDay && d.start && d.end && d.end->DaysSinceEpoch() - d.start->DaysSinceEpoch() > 300;
    if (!(years || long_days) || !d.start || !d.end) continue;
    Validity v;
    v.from = d.start;
    v.until = d.end;
    v.span = d.span;
    run.doc.validity = v;
    return;
  }
}

void ExtractValidity(ExtractionRun& run) {
  static const RE2 kValid(R"((?i)\b(gäller|gälla|giltig|avtalsperioden|löptiden)\b)");
  static const RE2 kFromDecision(R"((?i)från och med (beslutsdatum|undertecknandet|det datum)|fr\.\s?o\.\s?m\. beslutsdatum)");
  static const RE2 kUntilFurther(R"((?i)tills vidare)");
  // A renewal ("förlängs därefter med ett år i taget", "förlängs automatiskt")
  // goes on after the end date as "tills vidare" does; "förlängs inte" does not.
  static const RE2 kRenewed(
      R"((?i)förlängs (?:därefter |sedan )?(?:automatiskt|(?:med )?(?:ett|två|tre|\d+) år(?:et)? (?:i taget|åt gången|per gång)))");
  // Once: "förlängs den med ett år om ingen part säger upp den".
  static const RE2 kRenewedOnce(R"((?i)förlängs (?:den |det )?(?:därefter |sedan )?(?:automatiskt )?med (ett|två|tre|\d+) år\b)");
  // "Därefter löper den vidare", "fortsätter att gälla": no end after the date.
  static const RE2 kGoesOn(R"((?i)löper (?:den )?(?:därefter )?vidare|fortsätter (?:den )?(?:därefter )?att gälla|gäller (?:den )?därefter (?:vidare|med))");
  // "tills vidare, dock längst till och med 2027-12-31": a last day all the same.
  static const RE2 kAtMost(R"((?i)\blängst\b)");
  // "tolv månaders uppsägningstid", "uppsägningstiden är tolv månader".
  static const RE2 kNotice(R"((?i)(\S+) (?:månaders|månader) uppsägning|uppsägningstid(?:en)? (?:är|om|på|av) (\S+) månader)");
  static const RE2 kNoticeYears(R"((?i)(\S+) års uppsägning|uppsägningstid(?:en)? (?:är|om|på|av) (\S+) år\b)");
  for (size_t h = 0; h < run.structure.headings.size(); ++h) {
    if (run.structure.headings[h].section_id != "giltighetstid") continue;
    Validity v;
    bool any = false, capped = false;
    std::optional<int> renewal_years, years;
    for (const Unit& u : run.UnitsUnder(h)) {
      if (!years) years = ValidityYears(u.text);
      if (!any) v.span = run.SpanOfLine(u.first);
      if (RE2::PartialMatch(u.text, kFromDecision)) v.from_text = "beslutsdatum", any = true;
      bool renewal = u.text.find("förläng") != std::string::npos || u.text.find("Förläng") != std::string::npos;
      if (RE2::PartialMatch(u.text, kUntilFurther) || RE2::PartialMatch(u.text, kGoesOn) ||
          (renewal && RE2::PartialMatch(u.text, kRenewed)))
        v.until_further_notice = true, any = true;
      std::string years;
      if (renewal && RE2::PartialMatch(u.text, kRenewedOnce, &years)) renewal_years = NumberWord(years);
      capped = capped || RE2::PartialMatch(u.text, kAtMost);
      for (auto [pattern, months] : {std::pair{&kNotice, 1}, {&kNoticeYears, 12}}) {
        std::string before, after;
        if (!RE2::PartialMatch(u.text, *pattern, &before, &after)) continue;
        if (auto n = NumberWord(before.empty() ? after : before)) v.notice_months = *n * months, any = true;
      }
      // The unit's dates by their lines in the text: on a page read in two
      // columns the other column's lines share its source lines.
      auto [begin, end] = run.DatesOnLines(u.first, u.last);
      for (size_t i = begin; i < end; ++i) {
        const DateSpan& d = run.doc.dates[i];
        bool spans = d.end && d.end != d.start;
        if ((d.role == DateRole::kValidFrom || d.role == DateRole::kStart) && !v.from) {
          v.from = d.start, any = true;
          // "från och med 2026-03-01 till och med 2028-12-31" is one date with both ends.
          if (spans) v.until = d.end;
        } else if (d.start && !v.from && d.role != DateRole::kValidUntil && RE2::PartialMatch(u.text, kValid)) {
          v.from = d.start, any = true;
          // "gäller 2025–2027", "under åren 2025–2027": the years it is valid.
          if (spans && !v.until && SaysValidUntil(u.text, d.text)) v.until = d.end;
        }
        // "gäller t.o.m. 2026-08-31", "upphör att gälla den 31 mars 2028" end the validity;
        // "ska revideras senast 2024-12-31" does not.
        if ((!d.start || d.role == DateRole::kValidUntil) && d.end && SaysValidUntil(u.text, d.text)) v.until = d.end, any = true;
      }
    }
    if (!any) continue;  // a section that says nothing of it; a later one may
    if (capped && v.until) v.until_further_notice = false;
    if (years && v.from && !v.until) {
      CivilDate next_start = CivilDate::Make(v.from->year + *years, v.from->month, v.from->day)
                                 .value_or(CivilDate{v.from->year + *years, 3, 1});  // from 29 February
      v.until = CivilDate::FromDaysSinceEpoch(next_start.DaysSinceEpoch() - 1);
    }
    if (renewal_years && v.until && !v.until_further_notice)
      v.renewed_until = CivilDate::Make(v.until->year + *renewal_years, v.until->month, v.until->day)
                            .value_or(CivilDate::EndOfMonth(v.until->year + *renewal_years, v.until->month));
    run.doc.validity = v;
    return;
  }
  TitleValidity(run);
}

void ExtractRepeals(ExtractionRun& run) {
  static const RE2 kRepeal(R"((?i)\b(upphävs|upphör att gälla|ersätter|ersätts)\b\s*)");
  if (!run.Mentions(Gate::kRepeal)) return;
  for (const Unit* unit : run.UnitsHolding(Gate::kRepeal)) {
    const Unit& u = *unit;
    std::string_view verb;
    if (!FindFirst(kRepeal, u.text, &verb)) continue;
    if (Fold(u.text).find("överenskommelse") == std::string::npos) continue;
    // What is repealed: the rest of the sentence, at most 200 bytes.
    std::string_view rest = std::string_view(u.text).substr(static_cast<size_t>(verb.data() - u.text.data()) + verb.size());
    std::string_view what = rest.substr(0, std::min(rest.find('.'), size_t{200}));
    if (what.size() == 200 && rest.size() > 200 && rest[200] != '.') continue;  // no sentence end within reach
    size_t line = run.LineInUnit(u, static_cast<size_t>(verb.data() - u.text.data()));
    run.doc.repeals.push_back(Repeal{Trim(what.empty() ? std::string_view(u.text) : what, " .,"), run.SpanOfLine(line)});
  }
}

// A ladder in prose that names none of the framework's bodies ("... lyfts
// frågan till förvaltningschefer och därefter till delregional
// ledningsgrupp", "ska frågan lyftas till ..."): the bodies a question is
// raised to, in order, each a step.
void EscalationSteps(ExtractionRun& run, size_t heading) {
  static const RE2 kRaised(
      R"((?i)\b(?:lyft(?:a|)s|hänskjut(?:a|)s|överlämnas|för(?:a|)s)\s+(?:frågan\s+|ärendet\s+|tvisten\s+)?(?:vidare\s+)?till\s+([^.,;]{3,80}?)(?:\s+och\s+(?:därefter|sedan|slutligen)\s+till\s+([^.,;]{3,80}?))?\s*(?:[.,;]|$))");
  for (const Unit& u : run.UnitsUnder(heading)) {
    re2::StringPiece in(u.text), first, then;
    while (RE2::FindAndConsume(&in, kRaised, &first, &then)) {
      for (re2::StringPiece body : {first, then}) {
        if (body.empty()) continue;
        DisputeStep step;
        step.order = static_cast<int>(run.doc.dispute_steps.size()) + 1;
        step.actor = std::string(body.data(), body.size());
        step.span = run.SpanOfLine(run.LineInUnit(u, static_cast<size_t>(body.data() - u.text.data())));
        run.doc.dispute_steps.push_back(std::move(step));
      }
    }
  }
}

// A ladder written as prose ("Tvister löses i första hand av berörda chefer
// ... lyfts frågan till SSP och därefter till Centralt Samverkansorgan"):
// the framework's bodies it names, in the order named. Nothing when the
// text defers to the framework's ladder, which it then need not repeat;
// without the framework's bodies, EscalationSteps.
void ProseDisputeLadder(ExtractionRun& run, size_t heading) {
  struct Named {
    size_t unit, offset;
    const NamedPattern* body;
    std::string_view text;
  };
  std::vector<Named> named;
  std::span<const Unit> units = run.UnitsUnder(heading);
  for (size_t k = 0; k < units.size(); ++k) {
    if (Fold(units[k].text).find("ramöverenskommelse") != std::string::npos) return;
    for (const NamedPattern& p : run.compiled.dispute_ends) {
      std::string_view m;
      if (FindFirst(*p.re, units[k].text, &m)) named.push_back({k, static_cast<size_t>(m.data() - units[k].text.data()), &p, m});
    }
  }
  if (named.empty()) {
    EscalationSteps(run, heading);
    return;
  }
  std::sort(named.begin(), named.end(),
            [](const Named& a, const Named& b) { return std::tie(a.unit, a.offset) < std::tie(b.unit, b.offset); });
  for (const Named& n : named) {
    DisputeStep step;
    step.order = static_cast<int>(run.doc.dispute_steps.size()) + 1;
    step.actor = std::string(n.text);
    step.body = n.body->id;
    step.span = run.SpanOfLine(run.LineInUnit(units[n.unit], n.offset));
    run.doc.dispute_steps.push_back(std::move(step));
  }
}

// A step of a ladder: a numbered item ("2. Verksamhetschef"), or a row
// named by its level ("Steg 2   Verksamhetschef", "Nivå 2: ...").
bool ParseLadderStep(std::string_view text, int& order, std::string_view& rest) {
  static const RE2 kLevel(R"((?i)^(?:steg|nivå)\s*(\d{1,2})[.:)]?\s+(.+)$)");
  if (ParseNumberedStep(text, order, rest)) return true;
  if (text.size() < 6 || (text[0] != 'S' && text[0] != 's' && text[0] != 'N' && text[0] != 'n')) return false;
  re2::StringPiece level;
  if (!RE2::FullMatch(text, kLevel, &order, &level)) return false;
  rest = std::string_view(level.data(), level.size());
  return true;
}

// A row of a table of levels ("1   Berörda chefer", "| 2 | SSP |"): a first
// cell of one or two digits, the body in the cells after it.
bool ParseLadderRow(const ExtractionRun& run, const Unit& u, int& order, std::string_view& rest) {
  const TextLine& line = run.text.lines[u.first];
  if (u.first != u.last || line.cells.size() < 2) return false;
  std::string_view first = line.CellText(0);
  if (first.size() > 2 || !AllDigits(first)) return false;
  order = std::stoi(std::string(first));
  rest = std::string_view(line.text).substr(line.cells[1].offset);
  return true;
}

void ExtractDisputeLadder(ExtractionRun& run) {
  for (size_t h = 0; h < run.structure.headings.size(); ++h) {
    if (run.structure.headings[h].section_id != "tvister") continue;
    for (const Unit& u : run.UnitsUnder(h)) {
      int order = 0;
      std::string_view rest;
      if (!ParseLadderStep(u.text, order, rest) && !ParseLadderRow(run, u, order, rest)) continue;
      DisputeStep step;
      step.order = order;
      step.actor = std::string(rest);
      // Prefer a named body ("... vända sig till Skånegemensam samverkansgrupp psykiatri (SSP)").
      for (const NamedPattern& p : run.compiled.dispute_ends) {
        std::string_view m;
        if (FindFirst(*p.re, rest, &m)) {
          step.actor = std::string(m);
          step.body = p.id;
        }
      }
      size_t cut = step.actor.find_first_of(",.");
      if (cut != std::string::npos && cut > 10) step.actor = step.actor.substr(0, cut);
      step.actor = Trim(Ellipsize(step.actor, 160));
      step.span = run.SpanOfLine(u.first);
      run.doc.dispute_steps.push_back(std::move(step));
    }
    if (run.doc.dispute_steps.empty()) ProseDisputeLadder(run, h);
    if (!run.doc.dispute_steps.empty()) return;
  }
}

void ExtractSections(ExtractionRun& run) {
  for (const Heading& h : run.structure.headings) {
    if (h.section_id.empty()) continue;
    run.doc.sections.push_back(Section{h.section_id, h.text, run.SpanOfLine(h.line)});
  }
}

}  // namespace

void ExtractAgreementTerms(ExtractionRun& run) {
  ExtractSections(run);
  ExtractValidity(run);
  ExtractRepeals(run);
  ExtractDisputeLadder(run);
}

}  // namespace overens
