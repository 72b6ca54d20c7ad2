// Legal references, frequencies, placeholders and signatories.
#include <algorithm>
#include <set>

#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {

namespace {

// Calls fn(begin, end, colon) for each stretch of `text` where a bare SFS number
// ("SFS 2001:453", "lag (2017:209)", "(2001:453)") may stand: around each
// colon with four digits before it and a digit after, from where a prefix
// ("sfs", "lag (", "(") may start to where the number may end. Every such
// number holds one such colon, so a pattern tried on these stretches finds
// what it would find in the whole text, which is read by memchr alone.
template <typename Fn>
void ForEachSfsStretch(std::string_view text, Fn fn) {
  constexpr size_t kYear = 4, kPrefixWord = 3, kNumberAndParenthesis = 5;
  for (size_t colon = text.find(':'); colon != std::string_view::npos; colon = text.find(':', colon + 1)) {
    if (colon < kYear || colon + 1 >= text.size() || !AllDigits(text.substr(colon - kYear, kYear)) ||
        !AllDigits(text.substr(colon + 1, 1)))
      continue;
    size_t begin = colon - kYear;
    if (begin > 0 && text[begin - 1] == '(') --begin;
    while (begin > 0 && IsRe2Space(text[begin - 1])) --begin;
    fn(begin > kPrefixWord ? begin - kPrefixWord : 0, std::min(text.size(), colon + 1 + kNumberAndParenthesis), colon);
  }
}

// Whether the sentence of the law named at [begin, end) says it was repealed
// or replaced ("Socialtjänstlagen (2001:453) upphävdes den 1 juli 2025",
// "den tidigare lagen", "ersattes av"): the text tells its history.
bool NamedAsReplaced(std::string_view all, size_t begin, size_t end) {
  static const RE2 kReplaced(
      R"((?i)\b(?:upphävdes|upphävts|upphävd|upphört att gälla|upphörde att gälla|ersattes|ersatts|ersatt av|tidigare|gamla|föregående)\b)");
  return RE2::PartialMatch(SentenceAround(all, begin, end), kReplaced);
}

}  // namespace

void ExtractLegalReferences(ExtractionRun& run) {
  static const RE2 kSfs(R"((?i)(?:sfs\s*|lag\s*\(|\()((?:19|20)\d{2}:\d{1,4})\)?)");
  static const RE2 kChapter(R"((?i)^\s*\(?\s*(\d{1,2})\s*kap\.?\s*([\d\s\w,§]{0,30}?§+))");
  // "5 kap. 1 d § socialtjänstlagen": the chapter before the name.
  static const RE2 kChapterBefore(R"((?i)(\d{1,2})\s*kap\.?\s*(\d{1,3}\s?[a-z]?\s?§+)\s*(?:i\s+)?$)");
  const std::string& all = run.text.joined;
  std::set<size_t> sfs_read;  // where the SFS numbers read with their law's name start
  // By name or abbreviation: "SoL (2 kap 7 §)", "socialtjänstlagen (2001:453) 5 kap. 1 d §".
  auto add = [&](size_t law, size_t b, std::string_view m) {
    size_t pos = b + std::max<size_t>(m.size(), 1);
    LegalReference ref;
    ref.law_id = run.compiled.law_names[law].id;
    std::string_view after = std::string_view(all).substr(pos, 40);
    std::string chapter, paragraph;
    re2::StringPiece sfs_match[2];
    if (kSfs.Match(after, 0, std::min<size_t>(after.size(), 14), RE2::UNANCHORED, sfs_match, 2)) {
      ref.sfs = std::string(sfs_match[1].data(), sfs_match[1].size());
      sfs_read.insert(static_cast<size_t>(sfs_match[1].data() - all.data()));
    }
    std::string_view after_sfs =
        ref.sfs ? std::string_view(all).substr(static_cast<size_t>(sfs_match[0].end() - all.data()), 40) : std::string_view();
    std::string_view before = std::string_view(all).substr(b > 24 ? b - 24 : 0, std::min<size_t>(b, 24));
    // The chapter right after the name ("SoL 2 kap. 7 §"), after its SFS number, or before the name.
    if (PartialMatchDfaFirst(after, kChapter, &chapter, &paragraph) ||
        (!after_sfs.empty() && PartialMatchDfaFirst(after_sfs, kChapter, &chapter, &paragraph)) ||
        (before.find("kap") != std::string_view::npos && RE2::PartialMatch(before, kChapterBefore, &chapter, &paragraph))) {
      ref.chapter = chapter;
      ref.paragraph = Trim(paragraph);
    }
    if (ref.sfs) {
      // The printed SFS number decides which law is meant (old or new SoL).
      for (const Law& l : run.ref.laws)
        if (l.sfs == *ref.sfs) ref.law_id = l.id;
    }
    std::string_view from = std::string_view(all).substr(b);
    ref.text = Trim(WordPrefix(from.substr(0, from.find('\n')), m.size() + 30, m.size()));
    ref.named_as_replaced = NamedAsReplaced(all, b, pos);
    size_t li = run.text.LineIndexAt(b);
    ref.span = SourceSpan{run.text.lines[li].source_line, run.text.ColumnAt(b), static_cast<int>(m.size())};
    run.doc.legal_references.push_back(std::move(ref));
  };
  if (run.Located(Gate::kLaw)) run.ForEachGateMatch(Gate::kLaw, run.compiled.law_names, run.compiled.law_of_word, add);
  else run.compiled.law_union.ForEachMatch(all, add);
  // Bare SFS numbers of laws in the table: "lag (2017:209)". Every one has a
  // colon between digits; most texts have none, and skip the pass.
  ForEachSfsStretch(all, [&](size_t stretch_begin, size_t stretch_end, size_t colon) {
    re2::StringPiece match[2];
    if (!kSfs.Match(all, stretch_begin, stretch_end, RE2::UNANCHORED, match, 2) || match[1].data() + 4 != all.data() + colon) return;
    std::string sfs(match[1].data(), match[1].size());
    size_t end = static_cast<size_t>(match[0].end() - all.data());
    size_t b = end > sfs.size() + 1 ? end - sfs.size() - 1 : 0;
    // Read already with its law's name, on this line or the one before ("Socialtjänstlagen" | "(2001:453)").
    bool known = sfs_read.count(end - sfs.size() - (all[end - 1] == ')' ? 1 : 0)) > 0 ||
                 std::any_of(run.doc.legal_references.begin(), run.doc.legal_references.end(),
                             [&](const LegalReference& r) { return r.sfs == sfs && r.span.line == run.text.SourceLineAt(b); });
    if (known) return;
    for (const Law& l : run.ref.laws) {
      if (l.sfs != sfs) continue;
      LegalReference ref;
      ref.law_id = l.id;
      ref.sfs = sfs;
      ref.text = sfs;
      ref.named_as_replaced = NamedAsReplaced(all, b, end);
      size_t li = run.text.LineIndexAt(b);
      ref.span = SourceSpan{run.text.lines[li].source_line, run.text.ColumnAt(b), static_cast<int>(sfs.size())};
      run.doc.legal_references.push_back(std::move(ref));
    }
  });
  std::stable_sort(run.doc.legal_references.begin(), run.doc.legal_references.end(),
                   [](const LegalReference& a, const LegalReference& b) { return a.span.line < b.span.line; });
}

namespace {

// Whether the character that ends right before `pos` is a letter (ASCII or
// Latin-1; symbols, spaces and punctuation of U+0080..U+00BF and U+2000.. are not).
bool LetterEndsAt(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  auto c = static_cast<unsigned char>(text[pos - 1]);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  size_t lead = pos - 1;
  while (lead > 0 && IsUtf8Continuation(text[lead])) --lead;
  auto l = static_cast<unsigned char>(text[lead]);
  if (l == 0xC3) return c != 0x97 && c != 0xB7;  // × and ÷ are not letters
  return l != 0xC2 && l != 0xE2 && l != 0xEF;
}

// Calls fn(line) for every non-overlapping match of `re` on the lines that
// hold a word of `gate`, in text order, with the match and its groups in
// groups[0, n). `re` must not match a line break.
template <typename Fn>
void ForEachMatchOnLines(const ExtractionRun& run, Gate gate, const RE2& re, re2::StringPiece* groups, int n, Fn fn) {
  const std::string& all = run.text.joined;
  re2::StringPiece in(all.data(), all.size());
  for (size_t line : run.LinesOf(gate)) {
    size_t end = run.text.line_offsets[line] + run.text.lines[line].text.size();
    for (size_t pos = run.text.line_offsets[line]; re.Match(in, pos, end, RE2::UNANCHORED, groups, n);) {
      pos = static_cast<size_t>(groups[0].data() - all.data()) + std::max<size_t>(groups[0].size(), 1);
      fn(line);
    }
  }
}

}  // namespace

void ExtractFrequencies(ExtractionRun& run) {
  // Both patterns are read line by line, so they must not match a line break
  // (literal spaces only: no \s, '.' or negated class); see Gate::kCountPerYear.
  static const RE2 kPerYear(
      R"((?i)\b((?:ca |minst |cirka |högst )?(\d{1,2}|en|ett|två|tre|fyra|fem|sex|tio|tolv) (?:gånger|gång|tillfällen|möten|ggr)(?: per |/| om | i )(år|året|termin|halvår|tertial|månad|kvartal|vecka)))");
  // No leading \b: RE2's word boundary does not know that "Å" is a letter, so
  // the letter before is checked by hand (a [^\p{L}] prefix makes the pass slow).
  static const RE2 kAnnual(
      R"((?i)(årlig(?:en|t|a)?|en gång per år|varje år|halvårsvis|kvartalsvis|månadsvis|varje månad|varje kvartal|varje tertial|tertialvis|varje halvår|varje termin|terminsvis|varje vecka|veckovis)\b)");
  static const std::pair<std::string_view, double> kNumbers[] = {{"en", 1}, {"ett", 1}, {"två", 2}, {"tre", 3}, {"fyra", 4},
                                                                 {"fem", 5}, {"sex", 6}, {"tio", 10}, {"tolv", 12}};
  struct Hit {
    size_t line;
    std::string text;
    double per_year;
  };
  std::vector<Hit> hits;
  const std::string& all = run.text.joined;
  // Neither pattern can cross a line, so only lines with a gate word are read;
  // the first hit on a line counts.
  re2::StringPiece match[4];
  ForEachMatchOnLines(run, Gate::kCountPerYear, kPerYear, match, 4, [&](size_t line) {
    std::string count(match[2].data(), match[2].size()), unit = Fold(std::string_view(match[3].data(), match[3].size()));
    double n = 0;
    for (auto [w, v] : kNumbers)
      if (Fold(count) == w) n = v;
    if (n == 0) n = std::stod(count);
    double per_year = unit.rfind("år", 0) == 0                  ? n
                      : unit == "termin" || unit == "halvår" ? n * 2
                      : unit == "tertial"                    ? n * 3
                      : unit == "kvartal"                    ? n * 4
                      : unit == "vecka"                      ? n * 52
                                                             : n * 12;
    hits.push_back({line, std::string(match[1].data(), match[1].size()), per_year});
  });
  ForEachMatchOnLines(run, Gate::kRecurrence, kAnnual, match, 1, [&](size_t line) {
    size_t begin = static_cast<size_t>(match[0].data() - all.data());
    if (LetterEndsAt(all, begin)) return;  // "fårlig", "Värdeårlig": inside a word
    std::string text(match[0].data(), match[0].size());
    std::string f = Fold(text);
    auto has = [&](std::string_view w) { return f.find(w) != std::string::npos; };
    double per_year = has("halvår") || has("termin") ? 2
                      : has("tertial")               ? 3
                      : has("kvartal")               ? 4
                      : has("månad")                 ? 12
                      : has("veck")                  ? 52
                                                     : 1;
    hits.push_back({line, text, per_year});
  });
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.line < b.line; });
  for (size_t i = 0; i < hits.size(); ++i) {
    if (i > 0 && hits[i].line == hits[i - 1].line) continue;
    run.doc.frequencies.push_back(Frequency{hits[i].text, hits[i].per_year, run.SpanOfLine(hits[i].line)});
  }
}

void ExtractPlaceholders(ExtractionRun& run) {
  const std::string& all = run.text.joined;
  std::vector<size_t> seen_lines;
  auto add = [&](size_t b, std::string_view m) {
    size_t li = run.text.LineIndexAt(b);
    if (std::find(seen_lines.begin(), seen_lines.end(), li) != seen_lines.end()) return;  // one per line
    seen_lines.push_back(li);
    run.doc.placeholders.push_back(
        Placeholder{std::string(m), SourceSpan{run.text.lines[li].source_line, run.text.ColumnAt(b), static_cast<int>(m.size())}});
  };
  const auto& patterns = run.compiled.placeholders;
  if (run.Located(Gate::kPlaceholder)) {
    // Each pattern's starts, ascending and without repeats, from one pass over the hits.
    std::vector<std::vector<size_t>> starts(patterns.size());
    for (const KeywordGate::Hit& h : run.hits) {
      if (h.group != static_cast<uint32_t>(Gate::kPlaceholder)) continue;
      std::vector<size_t>& mine = starts[run.compiled.placeholder_of_word[h.word]];
      if (mine.empty() || mine.back() != h.begin) mine.push_back(h.begin);
    }
    for (size_t i = 0; i < patterns.size(); ++i)
      if (!starts[i].empty()) ForEachMatchAt(*patterns[i].re, all, starts[i], add);
  } else {
    std::vector<bool> present = run.compiled.placeholder_filter.Matching(all, patterns.size());
    for (size_t i = 0; i < patterns.size(); ++i)
      if (present[i]) ForEachMatch(*patterns[i].re, all, add);
  }
  std::sort(run.doc.placeholders.begin(), run.doc.placeholders.end(),
            [](const Placeholder& a, const Placeholder& b) { return a.span.line < b.span.line; });
}

void ExtractOldNames(ExtractionRun& run) {
  if (!run.Mentions(Gate::kRenamed)) return;
  const auto& patterns = run.compiled.renamed;
  auto add = [&](size_t i, size_t b, std::string_view m) {
    size_t li = run.text.LineIndexAt(b);
    // "Landstinget (numera Region Skåne)": a remark on the change, not the old name in use.
    const std::string& current = patterns[i].id;
    size_t at = b - run.text.line_offsets[li];
    std::string line = Fold(WindowAround(run.Line(li), at, at + m.size()));
    if (line.find(Fold(current.substr(0, current.find(" (")))) != std::string::npos ||
        ContainsAny(line, {"numera", "tidigare", "före detta", "f.d.", "nuvarande", "bytte namn", "bytt namn"}))
      return;
    run.doc.old_names.push_back(OldName{std::string(m), current,
                                        SourceSpan{run.text.lines[li].source_line, run.text.ColumnAt(b), static_cast<int>(m.size())}});
  };
  if (run.Located(Gate::kRenamed)) run.ForEachGateMatch(Gate::kRenamed, patterns, run.compiled.renamed_of_word, add);
  else run.compiled.renamed_union.ForEachMatch(run.text.joined, add);
}

void ExtractSignatories(ExtractionRun& run) {
  // A name line ("Förnamn Efternamn") followed by a title line, in the last fifth of the text.
  static const RE2 kName(R"(^[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)? [A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?$)");
  static const RE2 kTitle(R"((?i)chef|direktör|ordförande|förvaltning|kommun|region|nämnd|samordnare)");
  static const RE2 kOrganisation(R"((?i)\b(skåne|region|kommun|kommuner|vårdsamverkan|samverkan)\b)");
  const auto& lines = run.text.lines;
  for (size_t i = lines.size() * 4 / 5; i < lines.size(); ++i) {
    if (!RE2::FullMatch(lines[i].text, kName) || RE2::PartialMatch(lines[i].text, kOrganisation)) continue;
    Signatory s;
    s.name = lines[i].text;
    if (i + 1 < lines.size() && RE2::PartialMatch(lines[i + 1].text, kTitle)) {
      s.title = lines[i + 1].text;
      // A title may wrap onto a short lower-case line ("... Malmö/Trelleborg" / "vuxenpsykiatrin").
      if (i + 2 < lines.size() && StartsLower(lines[i + 2].text) && lines[i + 2].text.size() < 40) *s.title += " " + lines[i + 2].text;
    }
    s.span = run.SpanOfLine(i);
    run.doc.signatories.push_back(std::move(s));
  }
}

}  // namespace overens
