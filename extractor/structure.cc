#include "extractor/structure.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <re2/re2.h>

#include "extractor/re2_util.h"
#include "extractor/text_util.h"

namespace overens {

struct StructureAnalyzer::Impl {
  std::vector<std::string> section_ids;
  PatternFilter sections;  // section_ids[i]'s pattern is the filter's i-th; data order decides
  // The same patterns, each to match a whole label ("Giltighetstid och
  // uppsägning", not "Tvister hanteras stegvis").
  PatternFilter whole_sections{RE2::ANCHOR_BOTH};
  // "2.1", "3.", "§ 4", "4 §", "II.": a heading's number.
  static constexpr std::string_view kHeadingNumber = R"((?:§\s*)?(?:\d+(?:\.\d+)*\.?|[IVX]{1,4}\.)(?:\s*§)?)";
  RE2 numbering{"^" + std::string(kHeadingNumber) + R"(\s+)"};
  RE2 number_only{std::string(kHeadingNumber)};
  // Sub-heading kinds, in the order they are tried; one anchored set decides.
  static constexpr std::pair<SubHeading, const char*> kSubHeadings[] = {
      {SubHeading::kGoal, R"(målsättning(ar)?|mål|syfte med området|delmål)"},
      {SubHeading::kActivities,
       R"((planerade |kortsiktiga )?(mål och )?aktiviteter( och mål)?( \d{4}\s*[-–]\s*\d{4})?|aktivitet|åtgärder|kortsiktiga mål( och aktiviteter)?( \d{4}\s*[-–]\s*\d{4})?|insatser)"},
      {SubHeading::kFollowUp,
       R"(uppföljning|mätbara indikatorer( för uppföljning)?|indikatorer( för uppföljning)?|redovisning|uppföljning och indikatorer)"},
      {SubHeading::kLongTermGoal, R"(långsiktiga mål( \d{4}\s*[-–]\s*\d{4})?)"},
  };
  PatternFilter sub_headings = [] {
    PatternFilter f(RE2::ANCHOR_BOTH);
    for (const auto& [kind, pattern] : kSubHeadings) f.Add(std::string("(?i)") + pattern);
    f.Compile();
    return f;
  }();
  RE2 url_line{R"((?i)^(https?://|www\.))"};
  std::vector<std::string> field_labels;  // sorted

  // "Ansvarig: Psykiatri Skåne", "Klart senast: juni 2025": a label of one
  // or two words, the last a field label, then a colon and a value.
  // Returns the field label, or "" when the line is none.
  std::string FieldLabel(std::string_view text) const {
    constexpr size_t kLongestLabel = 30;
    if (!StartsUpper(text)) return "";
    size_t colon = text.substr(0, kLongestLabel + 1).find(':');
    if (colon == std::string_view::npos || colon + 2 >= text.size() || text[colon + 1] != ' ') return "";
    std::string label = LabelWord(text.substr(0, colon));
    bool field = !label.empty() && std::binary_search(field_labels.begin(), field_labels.end(), label);
    return field ? label : "";
  }

  SubHeading SubKind(std::string_view text) const {
    auto i = sub_headings.FirstMatching(text);
    return i ? kSubHeadings[*i].first : SubHeading::kNone;
  }

  std::string SectionId(std::string_view text) const {
    auto i = sections.FirstMatching(Fold(text));
    return i ? section_ids[*i] : "";
  }

  // What a heading's text says it is; both sets run on every heading.
  struct Label {
    SubHeading sub = SubHeading::kNone;
    std::string section_id;
  };
  Label LabelOf(std::string_view text) const { return {SubKind(text), SectionId(text)}; }

  // "Aktiviteter:", "Mål:", "Giltighetstid:": a sub-heading's words, or
  // words that are wholly a framework section's name, and a colon. Such a
  // label heads what follows it even when that goes on in lower case.
  std::optional<Label> ColonLabel(std::string_view text) const {
    if (text.size() < 3 || text.back() != ':') return std::nullopt;
    std::string_view words = text.substr(0, text.size() - 1);
    Label label = LabelOf(words);
    bool section = !label.section_id.empty() && whole_sections.FirstMatching(Fold(words));
    if (label.sub == SubHeading::kNone && !section) return std::nullopt;
    return label;
  }

  // The text after a leading "2.1 " numbering.
  std::string_view StripNumbering(std::string_view text) const {
    bool may_be_number = !text.empty() && ((text[0] >= '0' && text[0] <= '9') || text.starts_with("§") || text[0] == 'I' ||
                                           text[0] == 'V' || text[0] == 'X');
    if (!may_be_number) return text;
    re2::StringPiece in(text.data(), text.size());
    if (!RE2::Consume(&in, numbering)) return text;
    return std::string_view(in.data(), in.size());
  }

  // A line that is one web address and nothing else.
  static bool IsLinkLine(std::string_view s) {
    bool address = s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.");
    return address && s.find_first_of(" \t") == std::string_view::npos;
  }

  // Marks runs of link lines (blank lines between them allowed) that sit
  // between a line not ending its sentence and one continuing it in lower case.
  static std::vector<bool> LinksInsideSentences(const NormalizedText& t) {
    size_t n = t.lines.size();
    std::vector<bool> out(n, false);
    for (size_t i = 0; i < n;) {
      if (!IsLinkLine(t.lines[i].text)) { ++i; continue; }
      size_t end = i;  // one past the run
      while (end < n && (t.lines[end].blank() || IsLinkLine(t.lines[end].text))) ++end;
      size_t before = i;
      while (before > 0 && t.lines[before - 1].blank()) --before;
      bool interrupts = before > 0 && !EndsSentence(t.lines[before - 1].text) && end < n && StartsLower(t.lines[end].text);
      for (size_t k = i; interrupts && k < end; ++k) out[k] = IsLinkLine(t.lines[k].text);
      i = end;
    }
    return out;
  }

  // A table-of-contents entry: a title, a dot leader and a page number
  // ("2. Syfte och mål ........ 3", "Bakgrund …… 2").
  // The digits ending s: one to three of them make a page number.
  static size_t TrailingDigits(std::string_view s) {
    size_t k = s.size();
    while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9') --k;
    return s.size() - k;
  }

  static bool HasDotLeader(std::string_view s) {
    size_t digits = TrailingDigits(s);
    if (digits == 0 || digits > 3) return false;
    size_t k = s.size() - digits;
    size_t dots = 0;
    for (;;) {
      if (k > 0 && (s[k - 1] == '.' || s[k - 1] == ' ')) dots += s[--k] == '.';
      else if (k >= 3 && s.substr(k - 3, 3) == "\u2026") dots += 3, k -= 3;
      else break;
    }
    return dots >= 4 && k > 0;
  }

  // "Parter ........": a title and a dot leader, its page number gone to the next line.
  static bool LeaderWithoutNumber(std::string_view s) {
    constexpr size_t kFewestDots = 4;
    size_t dots = 0, k = s.size();
    while (k > 0 && (s[k - 1] == '.' || s[k - 1] == ' ')) dots += s[--k] == '.';
    return dots >= kFewestDots && k > 0;
  }

  // "4": a page number alone on its line.
  static bool IsPageNumber(std::string_view s) { return !s.empty() && s.size() <= 3 && TrailingDigits(s) == s.size(); }

  // An entry's title: without its page number and dot leader.
  static std::string_view EntryTitle(std::string_view s) {
    s.remove_suffix(TrailingDigits(s));
    for (;;) {
      if (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
      else if (s.ends_with("\u2026")) s.remove_suffix(3);
      else break;
    }
    return s;
  }

  // "Innehåll", "Innehållsförteckning:": the title of a table of contents.
  static bool IsContentsTitle(std::string_view s) {
    if (s.size() < 8 || s.size() > 24 || (s[0] != 'I' && s[0] != 'i')) return false;  // most lines, without folding
    std::string folded = Fold(Trim(s, " :"));
    return folded == "innehåll" || folded == "innehållsförteckning";
  }

  // A title ending in a page number, as entries without a leader are.
  static bool EndsInPageNumber(std::string_view s) {
    size_t digits = TrailingDigits(s), k = s.size() - digits;
    return digits >= 1 && digits <= 3 && k >= 3 && s[k - 1] == ' ';
  }

  // Per line: an entry of a table of contents. Entries with a dot leader
  // count anywhere; after a contents title, lines ending in a page number
  // count until the first line that does not. Without a title, see
  // UntitledContents.
  static std::vector<bool> TableOfContents(const NormalizedText& t) {
    std::vector<bool> out(t.lines.size(), false);
    bool in_contents = false;
    for (size_t i = 0; i < t.lines.size(); ++i) {
      const std::string& s = t.lines[i].text;
      if (s.empty()) continue;
      if (IsContentsTitle(s)) {
        in_contents = true;
        continue;
      }
      out[i] = HasDotLeader(s) || (in_contents && EndsInPageNumber(s));
      // The page number pushed onto a line of its own by a leader that filled the line.
      if (!out[i] && i + 1 < t.lines.size() && LeaderWithoutNumber(s) && IsPageNumber(t.lines[i + 1].text)) {
        out[i] = out[i + 1] = true;
        ++i;
      }
      in_contents = in_contents && out[i];
    }
    UntitledContents(t, out);
    return out;
  }

  // "1. Bakgrund 2", "2. Parter 2", "3. Målgrupper 3" with no title: a run
  // of three or more lines ending in page numbers that do not decrease,
  // whose entries, without their page numbers, are all lines further on (the
  // headings they list). A table of figures has no such lines.
  static void UntitledContents(const NormalizedText& t, std::vector<bool>& out) {
    constexpr size_t kShortestRun = 3;
    const auto& lines = t.lines;
    auto entry = [&](size_t i) {
      std::string_view s = lines[i].text;
      return s.substr(0, s.size() - TrailingDigits(s) - 1);
    };
    // Where each line's text occurs last; made once, on the first run.
    std::unordered_map<std::string_view, size_t> last_at;
    for (size_t i = 0; i < lines.size();) {
      size_t end = i;
      int last_page = 0;
      while (end < lines.size() && !out[end] && EndsInPageNumber(lines[end].text) && lines[end].text.size() <= 90) {
        std::string_view s = lines[end].text;
        int page = std::stoi(std::string(s.substr(s.size() - TrailingDigits(s))));
        if (page < last_page) break;
        last_page = page;
        ++end;
      }
      if (end - i >= kShortestRun) {
        if (last_at.empty())
          for (size_t k = 0; k < lines.size(); ++k) last_at[lines[k].text] = k;
        bool listed = true;
        for (size_t k = i; k < end && listed; ++k) {
          auto at = last_at.find(entry(k));
          listed = at != last_at.end() && at->second >= end;
        }
        for (size_t k = i; k < end && listed; ++k) out[k] = true;
      }
      i = std::max(end, i + 1);
    }
  }

  static bool EndsSentence(const std::string& s) {
    return !s.empty() && std::string_view(".!?:;").find(s.back()) != std::string_view::npos && !EndsInAbbreviation(s);
  }

  // Whether `s` ends in an abbreviation that a sentence never ends with
  // ("... inkl." | "LSS", "t.ex." | "BUP"): what follows goes on with it.
  static bool EndsInAbbreviation(std::string_view s) {
    static constexpr std::string_view kAbbreviations[] = {"inkl.", "exkl.", "t.ex.", "bl.a.", "ca.", "enl.", "resp.",
                                                          "jfr.", "s.k.", "d.v.s.", "dvs.", "p.g.a.", "pga.", "fr.o.m.", "t.o.m."};
    return !s.empty() && s.back() == '.' && LastWordIsOneOf(s, kAbbreviations);
  }

  // Whether the last word of `s` (after its last space) is one of `words`, ignoring case.
  template <size_t N>
  static bool LastWordIsOneOf(std::string_view s, const std::string_view (&words)[N]) {
    size_t space = s.rfind(' ');
    std::string_view last = space == std::string_view::npos ? s : s.substr(space + 1);
    return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return EqualsLower(last, w); });
  }

  // A short lead-in whose verb takes the list that follows as its object
  // ("Överenskommelsen gäller", "Målgrupperna omfattar").
  static bool IsLeadIn(std::string_view s) {
    static constexpr std::string_view kVerbs[] = {"gäller", "omfattar", "avser", "innefattar", "inkluderar", "berör", "rör", "är"};
    constexpr size_t kMostWords = 6;
    return LastWordIsOneOf(s, kVerbs) && WordCount(s) <= kMostWords;
  }

  // Whether line i (its text without numbering: `text`) is a lead-in whose
  // verb takes the list below as its object, a blank line or two between
  // ("Överenskommelsen omfattar" | blank | "• barn ..." or "barn ..."): no
  // heading. A question is ("Vad överenskommelsen omfattar").
  static bool LeadsIntoList(const NormalizedText& t, size_t i, std::string_view text) {
    static constexpr std::string_view kQuestionWords[] = {"vad", "vem", "vilka", "vilken", "vilket", "hur", "när", "varför"};
    constexpr size_t kMostBlankLines = 2;
    if (!IsLeadIn(text)) return false;
    std::string_view first = text.substr(0, text.find(' '));
    if (std::any_of(std::begin(kQuestionWords), std::end(kQuestionWords), [&](std::string_view w) { return EqualsLower(first, w); }))
      return false;
    size_t k = NextNonBlank(t, i);
    if (k >= t.lines.size() || k - i - 1 > kMostBlankLines) return false;
    const TextLine& next = t.lines[k];
    return next.bullet == Bullet::kGlyph || next.bullet == Bullet::kSubGlyph || StartsLower(next.text);
  }

  // Whether lines a and b open with the same two words and have four or
  // more: items of one list said alike ("Ansvarar för samverkan ...",
  // "Ansvarar för uppföljning ..."). Short lines alike are a title and its
  // subtitle rather ("Handlingsplan 2025" | "Handlingsplan 2025 – Nordost").
  static bool OpenAlike(std::string_view a, std::string_view b) {
    constexpr size_t kFewestWords = 4;
    auto first_two = [](std::string_view s) {
      size_t first = s.find(' ');
      size_t second = first == std::string_view::npos ? first : s.find(' ', first + 1);
      return s.substr(0, second);
    };
    return WordCount(first_two(a)) == 2 && first_two(a) == first_two(b) && HasMoreWordsThan(a, kFewestWords - 1) &&
           HasMoreWordsThan(b, kFewestWords - 1);
  }

  // Whether line i opens alike (OpenAlike) with the paragraph above it, one
  // to three blank lines between, which does not introduce it with a colon:
  // an item of a list, not a heading over its text.
  static bool RepeatsItemAbove(const NormalizedText& t, size_t i) {
    constexpr size_t kMostBlankLines = 3, kMostLinesUp = 3;
    std::optional<size_t> above = AboveBlankLines(t, i);
    if (!above || i - *above - 1 > kMostBlankLines) return false;
    size_t last = *above, start = last;
    while (start > 0 && last - start < kMostLinesUp && !t.lines[start - 1].blank() && StartsLower(t.lines[start].text)) --start;
    return t.lines[last].text.back() != ':' && OpenAlike(t.lines[start].text, t.lines[i].text);
  }

  // Whether line i, right under the Målgrupper heading, opens alike with
  // the line after it: the first of the target groups ("Personer i alla
  // åldrar med ..." | "Personer i alla åldrar som ..."). (Under Parter a
  // party's line is read as a heading by design: AddPartyHeading.)
  bool FirstOfItemsUnderListHeading(const NormalizedText& t, size_t i) const {
    if (i == 0 || i + 1 >= t.lines.size() || t.lines[i + 1].blank()) return false;
    return SectionId(StripNumbering(t.lines[i - 1].text)) == "malgrupper" && OpenAlike(t.lines[i].text, t.lines[i + 1].text);
  }

  // Whether the sentence line i starts runs on over a page or column break
  // into a paragraph of three lines or more in lower case ("Hälsoundersökning
  // ... i anslutning" | break | "till att" | "vård utanför det egna hemmet
  // ..." | ...): prose, no heading. A heading wrapped over a break goes on
  // with a line or two only ("... bruk och beroende" | break | "av spel om" |
  // "pengar").
  static bool RunsOnOverBreak(const NormalizedText& t, size_t i) {
    constexpr size_t kParagraphLines = 3;
    size_t j = NextNonBlank(t, i);
    if (j == i + 1 || j + kParagraphLines > t.lines.size() || !BreakBetween(t.lines[i], t.lines[j]) || EndsSentence(t.lines[i].text))
      return false;
    if (t.lines[j].bullet != Bullet::kNone || !StartsLower(t.lines[j].text)) return false;
    for (size_t k = j; k < j + kParagraphLines; ++k)
      if (t.lines[k].blank()) return false;
    return true;
  }

  // Whether line i, right under the marked item u whose last line it left
  // unfinished (mid-phrase, or full for its column), goes on with it.
  static bool HangsUnder(const NormalizedText& t, const Unit& u, size_t i) {
    bool marked = u.bullet == Bullet::kGlyph || u.bullet == Bullet::kSubGlyph || u.bullet == Bullet::kNumber;
    if (!marked || u.last + 1 != i) return false;
    const std::string& before = t.lines[u.last].text;
    return !EndsSentence(before) && (EndsMidPhrase(before) || WrappedForRoom(t, u.last));
  }

  // Whether a line ends in a word or sign after which a phrase must go on
  // ("... som vårdas i", "alkohol, narkotika,"): the next line continues
  // it, whatever its case.
  static bool EndsMidPhrase(std::string_view s) {
    static constexpr std::string_view kConnectives[] = {
        "och", "eller", "samt", "som", "med", "i", "av", "för", "till", "på", "om", "att", "en", "ett", "den", "det", "de",
        "från", "inom", "utan", "vid", "under", "mellan", "hos", "både", "enligt", "mot", "över", "kring", "genom"};
    if (s.empty()) return false;
    if (s.back() == ',' || s.back() == '-' || s.back() == '(' || s.back() == '&') return true;
    return LastWordIsOneOf(s, kConnectives) || EndsInAbbreviation(s);
  }

  // Whether line i, full for its column, is the first of a paragraph: three
  // lines in lower case, unmarked, follow it. A heading wraps onto two at
  // most, prose goes on ("Det är särskilt viktigt att vara uppmärksam" | "på
  // den kroppsliga hälsan hos" | "personer med ..." | ...); a short heading
  // over items in lower case ("Målgrupper" | "barn och unga ...,") is none.
  static bool InLowerCaseRun(const NormalizedText& t, size_t i) {
    constexpr size_t kRun = 3;
    for (size_t k = i + 1; k <= i + kRun; ++k)
      if (k >= t.lines.size() || t.lines[k].blank() || t.lines[k].bullet != Bullet::kNone || !StartsLower(t.lines[k].text))
        return false;
    return WrappedForRoom(t, i);
  }

  // Whether line i is the first line of a sentence that goes on in lower
  // case: prose, not a heading. Either the next line ends the sentence, or
  // the sentence ends within three lines and line i broke only because the
  // next word did not fit: with the widest line nearby as the measure, which
  // finds narrow columns that wrap short lines. With `wrapped_only` the
  // second way is the only one (a wrapped "1. Tvister löses i första hand
  // av" is prose although it names a section). A sub-heading word in lower
  // case ("målsättning") does not go on a sentence.
  bool ContinuesIntoSentence(const NormalizedText& t, size_t i, bool wrapped_only) const {
    if (InLowerCaseRun(t, i)) return true;
    for (size_t k = i + 1; k < t.lines.size() && k <= i + 3; ++k) {
      const TextLine& l = t.lines[k];
      bool digit = !l.blank() && l.text[0] >= '0' && l.text[0] <= '9' && l.bullet == Bullet::kNone;
      bool lower = StartsLower(l.text) && l.bullet != Bullet::kNumber;  // "a) Barn ..." is an item
      bool goes_on = lower ? k == i + 1 || l.bullet == Bullet::kNone : digit;
      if (!goes_on || (k > i + 1 && SubKind(t.lines[k - 1].text) != SubHeading::kNone)) return false;
      if (!EndsSentence(l.text)) continue;
      if (k == i + 1 && !wrapped_only) return true;
      return WrappedForRoom(t, i);
    }
    return false;
  }

  // Whether the next line's first word would not have fitted on line i, the
  // room being the widest line within six lines of it (in characters, not
  // bytes: "å" takes as much room as "a").
  static bool WrappedForRoom(const NormalizedText& t, size_t i) {
    constexpr size_t kNearby = 6;
    std::string_view next = t.lines[i + 1].text;
    // Proportional fonts make character counts rough: a line counts as full
    // within 15 % of the widest.
    size_t needed = (RuneCount(t.lines[i].text) + 1 + RuneCount(next.substr(0, next.find(' ')))) * 100;
    size_t first = i > kNearby ? i - kNearby : 0, end = std::min(t.lines.size(), i + kNearby + 1);
    // A line's bytes bound its characters: most lines are decided without counting them.
    size_t widest_bytes = 0;
    for (size_t k = first; k < end; ++k) widest_bytes = std::max(widest_bytes, t.lines[k].text.size());
    if (needed > widest_bytes * 85) return true;
    for (size_t k = first; k < end; ++k)
      if (RuneCount(t.lines[k].text) * 85 >= needed) return false;
    return true;
  }

  // The first non-blank line after line i, however many blank lines stand
  // between; the number of lines when none is.
  static size_t NextNonBlank(const NormalizedText& t, size_t i) {
    size_t k = i + 1;
    while (k < t.lines.size() && t.lines[k].blank()) ++k;
    return k;
  }

  // The non-blank line above line i when blank lines (one or more, as many
  // as a running footer and header leave between pages) stand between; else
  // nullopt.
  static std::optional<size_t> AboveBlankLines(const NormalizedText& t, size_t i) {
    constexpr size_t kMostBlankLines = 16;
    size_t p = i;
    while (p > 0 && i - p < kMostBlankLines && t.lines[p - 1].blank()) --p;
    if (p == 0 || p == i || t.lines[p - 1].blank()) return std::nullopt;
    return p - 1;
  }

  // Whether line i is the first on its page and the text before the page
  // break was left unfinished: a list item or sentence going on, not a new
  // heading ("Vuxenpsykiatrin Kristianstad" | page break | "Barn- och
  // ungdomspsykiatrin"). A section's name is still its heading (checked before).
  static bool ContinuesOverPageBreak(const NormalizedText& t, size_t i) {
    std::optional<size_t> above = AboveBlankLines(t, i);
    if (!above) return false;
    const TextLine& before = t.lines[*above];
    // A field line ("Tidplan: hösten 2027") ends its record; a numbered line ("2. Samsjuklighet") starts one.
    size_t colon = before.text.find(": ");
    bool field = colon != std::string::npos && colon < 40;
    bool numbered = !t.lines[i].text.empty() && t.lines[i].text[0] >= '0' && t.lines[i].text[0] <= '9';
    return BreakBetween(before, t.lines[i]) && !EndsSentence(before.text) && !field && !numbered;
  }

  // Whether line i stands a blank line or two (or a page break) under a lead-in of words
  // ending in ':' ("... Svedala kommun och Vellinge kommun:"): an item of
  // its list, not a heading. A label ("Aktiviteter:") heads what follows.
  bool UnderLeadIn(const NormalizedText& t, size_t i) const {
    // Two blank lines at most, or a page break (its header and footer gone) between.
    constexpr size_t kMostBlankLines = 2;
    std::optional<size_t> k = AboveBlankLines(t, i);
    if (!k || (i - *k - 1 > kMostBlankLines && !BreakBetween(t.lines[*k], t.lines[i]))) return false;
    const std::string& above = t.lines[*k].text;
    return above.back() == ':' && WordCount(above) >= 2 && !ColonLabel(StripNumbering(above));
  }

  // A line of this many words or more that a blank line and a lower-case
  // line follow is a sentence a blank line cuts (GoesOnPastBlankLine).
  static constexpr size_t kFewestWordsOfCutSentence = 5;

  // Whether a blank line cuts the sentence line i starts: the line after it
  // goes on in lower case, no item of a list ("Första linjen tillsammans
  // med ... (eller motsvarande)" | blank | "planerar och genomför ..."), as
  // PDFs print paragraphs with a blank line inside.
  bool GoesOnPastBlankLine(const NormalizedText& t, size_t i) const {
    if (i + 2 >= t.lines.size() || !t.lines[i + 1].blank()) return false;
    const TextLine& next = t.lines[i + 2];
    return next.bullet == Bullet::kNone && StartsLower(next.text) && SubKind(next.text) == SubHeading::kNone;
  }

  // Whether line i goes on onto a short lower-case line right under it that
  // ends the phrase: a heading wrapped in two ("... spel om" | "pengar"), not
  // a line left mid-phrase ("... samt" | "symtom och funktionsnedsättningar
  // till") nor the first of a paragraph.
  static bool WrapsOntoShortLine(const NormalizedText& t, size_t i) {
    constexpr size_t kLongestRest = 40;
    if (i + 1 >= t.lines.size()) return false;
    const std::string& next = t.lines[i + 1].text;
    return StartsLower(next) && next.size() <= kLongestRest && !EndsSentence(next) && !EndsMidPhrase(next) &&
           !InLowerCaseRun(t, i);
  }

  // "Överenskommelsen omfattar" right under a heading, then "a) barn ...":
  // the line introduces the list (its colon left out), it heads nothing.
  static bool IntroducesLowerCaseList(const NormalizedText& t, size_t i) {
    if (i + 1 >= t.lines.size() || t.lines[i + 1].blank()) return false;
    // Without markers (a PDF that lost its bullets) the items are the lines in lower case that follow.
    if (t.lines[i + 1].bullet == Bullet::kNone) return StartsLower(t.lines[i + 1].text) && !EndsSentence(t.lines[i].text);
    std::string_view item = t.lines[i + 1].text;
    if (t.lines[i + 1].bullet == Bullet::kNumber) item.remove_prefix(std::min(item.size(), item.find(' ') + 1));
    return StartsLower(item);
  }

  // An indented line beside other list items is an item whose glyph was lost.
  static bool NextToListItem(const NormalizedText& t, size_t i) {
    auto is_item = [&](size_t k) { return t.lines[k].bullet == Bullet::kIndent; };
    for (size_t k = i + 1, seen = 0; k < t.lines.size() && seen < 3; ++k, ++seen) {
      if (t.lines[k].blank()) continue;
      if (is_item(k)) return true;
      break;
    }
    for (size_t k = i, seen = 0; k > 0 && seen < 3; --k, ++seen) {
      if (t.lines[k - 1].blank()) continue;
      if (is_item(k - 1)) return true;
      break;
    }
    return false;
  }

  // A line laid out in cells, unless its first cell is only the heading's
  // number ("3.      Målgrupper").
  bool InCells(const TextLine& l) const {
    if (l.cells.size() < 2) return false;
    if (l.cells.size() > 2 || !RE2::FullMatch(l.CellText(0), number_only)) return true;
    // "1<TAB>Berörda chefer", "| 2 | SSP |": a typed table's row of levels, unless it names a section.
    return l.TabSeparated() && AllDigits(l.CellText(0)) && SectionId(std::string_view(l.text).substr(l.cells[1].offset)).empty();
  }

  // A row of a table: a line in cells beside another within two lines (one
  // such line alone may be a heading set with a wide gap).
  bool IsTableRow(const NormalizedText& t, size_t i) const {
    if (!InCells(t.lines[i])) return false;
    for (size_t k = i > 2 ? i - 2 : 0; k < t.lines.size() && k <= i + 2; ++k)
      if (k != i && InCells(t.lines[k])) return true;
    return false;
  }

  // The number of a heading numbered "4. Ansvar" or "4 Ansvar", else 0.
  static int HeadingNumber(std::string_view text) {
    int order = 0;
    std::string_view rest;
    return ParseNumberedStep(text, order, rest) && text[0] >= '0' && text[0] <= '9' ? order : 0;
  }

  // "1. Närmaste chef" right above "2. Förvaltningschef": lines numbered one
  // after the other, with nothing between them, are a list rather than
  // headings, unless they name sections (checked before this).
  static bool InNumberedRun(const NormalizedText& t, size_t i) {
    auto order_of = [&](size_t k) {
      int order = 0;
      std::string_view rest;
      return k < t.lines.size() && ParseNumberedStep(t.lines[k].text, order, rest) ? order : 0;
    };
    int order = order_of(i);
    if (order == 0) return false;
    if (order_of(i + 1) == order + 1) return true;
    // The item before may wrap onto lines of its own in lower case ("3. Skånegemensam samverkansgrupp" | "psykiatri ...").
    constexpr size_t kMostWrappedLines = 4;
    size_t k = i;
    while (k > 0 && i - k < kMostWrappedLines && order_of(k - 1) == 0 && !t.lines[k - 1].blank() && StartsLower(t.lines[k - 1].text)) --k;
    return order > 1 && k > 0 && order_of(k - 1) == order - 1;
  }

  // Whether line i can be a heading; sets *label to its text's label when
  // that was needed to decide, so the heading need not be labelled twice.
  // `next_number`: the number that would continue the numbered headings so
  // far ("4" after "3. Målgrupper"), 0 when they are not numbered.
  bool IsHeadingCandidate(const NormalizedText& t, size_t i, bool prev_heading, int next_number,
                          std::optional<Label>* label) const {
    const TextLine& l = t.lines[i];
    if (l.blank() || l.bullet == Bullet::kGlyph || l.bullet == Bullet::kSubGlyph) return false;
    if (IsTableRow(t, i)) return false;
    // "Aktivitet: Kartläggning ..." split in two (SplitInlineLabels): the text after the label is its content.
    if (i > 0 && t.lines[i - 1].source_line == l.source_line && !t.lines[i - 1].text.empty() && t.lines[i - 1].text.back() == ':')
      return false;
    std::string_view text = StripNumbering(l.text);
    if (text.size() < 2 || text.size() > 90 || !StartsUpper(text)) return false;
    if (text.back() == ':') {
      std::optional<Label> colon = ColonLabel(text);
      if (colon) *label = std::move(colon);
      return label->has_value();
    }
    if (std::string_view(".,;!?").find(text.back()) != std::string_view::npos) return false;
    if (!FieldLabel(text).empty()) return false;
    // Left mid-phrase ("... med inriktning vuxna och"), a line is a heading
    // only when a short lower-case line right under it ends it ("pengar").
    if (EndsMidPhrase(text) && !WrapsOntoShortLine(t, i)) return false;
    if (LeadsIntoList(t, i, text)) return false;
    if (RepeatsItemAbove(t, i)) return false;
    if (RunsOnOverBreak(t, i)) return false;
    size_t words = WordCount(text);
    if (words > 10) return false;  // cheap checks first: most lines stop here
    if (words <= 8 && !ContinuesIntoSentence(t, i, true)) {
      *label = LabelOf(text);
      if ((*label)->sub != SubHeading::kNone || !(*label)->section_id.empty()) return true;
    }
    // A list's commas, on the line or on the lower-case line it wraps onto
    // ("... som missbrukar" | "alkohol, narkotika, andra"), make no heading.
    if (text.find(", ") != std::string::npos) return false;
    if (WrapsOntoShortLine(t, i) && t.lines[i + 1].text.find(", ") != std::string::npos) return false;
    // A line full for its column going on onto a line with a list's commas
    // ("Region Skåne företräds av Psykiatri" | "Skåne, Barn- och ...") is prose.
    if (i + 1 < t.lines.size() && t.lines[i + 1].bullet == Bullet::kNone && t.lines[i + 1].text.find(", ") != std::string::npos &&
        WrappedForRoom(t, i))
      return false;
    if (words >= kFewestWordsOfCutSentence && GoesOnPastBlankLine(t, i)) return false;
    if (InNumberedRun(t, i)) return false;
    if (ContinuesIntoSentence(t, i, false)) return false;
    if (l.bullet == Bullet::kIndent && NextToListItem(t, i)) return false;
    if (i == 0) return true;
    if (prev_heading) return !IntroducesLowerCaseList(t, i) && !FirstOfItemsUnderListHeading(t, i);
    if (ContinuesOverPageBreak(t, i)) return false;
    // "4. Ansvarsfördelning" after "3. Målgrupper" and its list: the next
    // numbered heading, blank line before it or not.
    if (next_number > 1 && HeadingNumber(l.text) == next_number) return true;
    const TextLine& prev = t.lines[i - 1];
    // After a lead-in ending in ':' ("Region Skåne:") come its items, not a heading.
    bool after_lead_in = !prev.blank() && prev.text.back() == ':';
    if (UnderLeadIn(t, i)) return false;
    // A field line ("Status: Genomförd") ends its record and a table's row
    // ends the row: what follows may head the next, blank line or not (a
    // word processor's paragraphs have none between them).
    // Not a cell's first line, left mid-phrase or going on in lower case ("... SIP-processen i" | "alla kommuner").
    bool goes_on = EndsMidPhrase(l.text) || (i + 1 < t.lines.size() && StartsLower(t.lines[i + 1].text));
    bool after_record = !prev.blank() && !goes_on && (!FieldLabel(prev.text).empty() || IsTableRow(t, i - 1));
    return prev.blank() || (EndsSentence(prev.text) && !after_lead_in) || after_record ||
           RE2::PartialMatch(prev.text, url_line) || BreakBetween(prev, l);
  }
};

StructureAnalyzer::StructureAnalyzer(const std::vector<std::pair<std::string, std::string>>& section_patterns,
                                     std::vector<std::string> field_labels)
    : impl_(std::make_unique<Impl>()) {
  std::sort(field_labels.begin(), field_labels.end());
  impl_->field_labels = std::move(field_labels);
  for (const auto& [id, pattern] : section_patterns) {
    if (!impl_->sections.Add("(?i)" + pattern)) continue;  // a refused pattern never matches
    impl_->section_ids.push_back(id);
    impl_->whole_sections.Add("(?i)" + pattern);
  }
  impl_->sections.Compile();
  impl_->whole_sections.Compile();
}

StructureAnalyzer::~StructureAnalyzer() = default;

size_t StructureAnalyzer::InlineLabelEnd(const TextLine& l) const {
  // Labels are short; a colon further in is something else.
  constexpr size_t kLongestLabel = 40;
  size_t colon = l.bullet == Bullet::kNone ? l.text.find(':') : std::string::npos;
  bool split = colon != std::string::npos && colon <= kLongestLabel && colon + 2 < l.text.size() && l.text[colon + 1] == ' ' &&
               StartsUpper(l.text) && impl_->ColonLabel(std::string_view(l.text).substr(0, colon + 1));
  return split ? colon : std::string::npos;
}

bool StructureAnalyzer::HasInlineLabel(const NormalizedText& t) const {
  return std::any_of(t.lines.begin(), t.lines.end(), [&](const TextLine& l) { return InlineLabelEnd(l) != std::string::npos; });
}

bool StructureAnalyzer::SplitInlineLabels(NormalizedText& t) const {
  std::vector<TextLine> out;
  bool any = false;
  for (size_t i = 0; i < t.lines.size(); ++i) {
    TextLine& l = t.lines[i];
    size_t colon = InlineLabelEnd(l);
    if (colon == std::string::npos) {
      if (any) out.push_back(std::move(l));
      continue;
    }
    if (!any) {
      out.reserve(t.lines.size() + t.lines.size() / 8);
      out.insert(out.end(), std::make_move_iterator(t.lines.begin()), std::make_move_iterator(t.lines.begin() + static_cast<long>(i)));
      any = true;
    }
    TextLine label = l;
    label.text.resize(colon + 1);
    label.cells.clear();  // a label and its text are no table row
    l.text.erase(0, colon + 2);
    l.cells.clear();
    out.push_back(std::move(label));
    out.push_back(std::move(l));
  }
  if (!any) return false;
  t.lines = std::move(out);
  t.Join();
  return true;
}

namespace {

// Whether `text` holds two sentences or more: a period, a space and a
// capital, after a word that is no abbreviation ("inkl. LSS", "t.ex. BUP").
bool HoldsSentences(std::string_view text) {
  static constexpr std::string_view kAbbreviations[] = {"inkl", "exkl", "resp", "bl", "ex", "fl", "ca", "enl", "jfr",
                                                        "dvs", "osv", "nr", "kap", "st", "tel", "avd", "ff", "mm"};
  for (size_t at = text.find(". "); at != std::string_view::npos; at = text.find(". ", at + 1)) {
    if (at + 2 >= text.size() || !StartsUpper(text.substr(at + 2))) continue;
    size_t separator = at == 0 ? std::string_view::npos : text.find_last_of(" .", at - 1);
    size_t from = separator == std::string_view::npos ? 0 : separator + 1;
    std::string_view before = text.substr(from, at - from);
    while (!before.empty() && (before.front() == '(' || before.front() == '"')) before.remove_prefix(1);  // "(inkl. BVC)"
    if (std::none_of(std::begin(kAbbreviations), std::end(kAbbreviations), [&](std::string_view a) { return EqualsLower(before, a); }))
      return true;
  }
  return false;
}

// Whether the last unit of `s` stands in a list, given whether the units
// before it do: a marked item; the first unit under a list section's heading
// (Målgrupper, Parter) or a heading ending in ':' ("Region Skåne:"); a unit
// after a lead-in ending in ':'; or one after an item of a list, unless that
// item was prose (sentences one after another).
bool InList(const NormalizedText& t, const Structure& s, const std::vector<bool>& in_list) {
  size_t u = s.units.size() - 1;
  const Unit& unit = s.units[u];
  if (unit.bullet != Bullet::kNone) return true;
  if (u == 0 || s.units[u - 1].heading != unit.heading) {
    if (unit.heading < 0) return false;
    const Heading& h = s.headings[static_cast<size_t>(unit.heading)];
    const std::string& heading_line = t.lines[h.last_line].text;
    return h.section_id == "malgrupper" || h.section_id == "parter" || (!heading_line.empty() && heading_line.back() == ':');
  }
  const Unit& before = s.units[u - 1];
  if (before.text.back() == ':') return true;
  return in_list[u - 1] && !HoldsSentences(before.text);
}

// Whether a unit reads as one item of a list rather than prose: one
// sentence of a few words at most, not a lead-in.
bool ItemLike(const Unit& u) {
  constexpr size_t kMostWords = 30;
  // "Kommunerna: Socialtjänsten, Skolan": a label and its list, not an item.
  size_t colon = u.text.find(": ");
  bool labelled = colon != std::string::npos && colon < 40;
  return !u.text.empty() && u.text.back() != ':' && !labelled && !HasMoreWordsThan(u.text, kMostWords) && !HoldsSentences(u.text);
}

// Whether `text` opens with a clause: a finite verb among its first words
// that no "som" makes part of a relative clause ("Alla parter har ett
// ansvar ...", not "Personer i alla åldrar som missbrukar ...").
bool OpensWithClause(std::string_view text) {
  static constexpr std::string_view kVerbs[] = {"har", "ska", "skall", "är", "bör", "kan", "måste", "kommer", "ansvarar", "ingår", "gäller", "sker"};
  constexpr size_t kFirstWords = 6;
  std::string_view before;
  size_t at = 0;
  for (size_t n = 0; n < kFirstWords && at < text.size(); ++n) {
    size_t end = std::min(text.find(' ', at), text.size());
    std::string_view word = text.substr(at, end - at);
    bool verb = std::any_of(std::begin(kVerbs), std::end(kVerbs), [&](std::string_view v) { return EqualsLower(word, v); });
    if (verb && !EqualsLower(before, "som") && !EqualsLower(before, "vilka") && !EqualsLower(before, "där")) return true;
    before = word;
    at = end + 1;
  }
  return false;
}

// Whether units[k] is prose after a run of items from `first`: a
// sentence ending in a period after two items or more that end in no sign
// at all ("Vuxenpsykiatri" | "Alla parter har ett ansvar att ...
// Ramöverenskommelsen."). Items ending in ',' or ';' close their list
// with a period.
bool EndsProseAfterItems(const Structure& s, size_t first, size_t k) {
  if (k < first + 2 || s.units[k].text.back() != '.' || !OpensWithClause(s.units[k].text)) return false;
  for (size_t j = first; j < k; ++j)
    if (std::string_view(".,;:").find(s.units[j].text.back()) != std::string_view::npos) return false;
  return true;
}

// Items written one per line without markers, as a PDF without bullet
// glyphs has them: two or more item-like units running on in a list are
// its items, marked as indented items are (Bullet::kIndent).
void MarkUnmarkedItems(Structure& s, const std::vector<bool>& in_list) {
  for (size_t u = 0; u < s.units.size();) {
    auto fits = [&](size_t k) {
      return k < s.units.size() && in_list[k] && s.units[k].bullet == Bullet::kNone && ItemLike(s.units[k]) &&
             s.units[k].heading == s.units[u].heading;
    };
    size_t end = u;
    while (fits(end) && !EndsProseAfterItems(s, u, end)) ++end;
    // A lead-in in upper case over items in lower case introduces them; it is none of them.
    size_t first = u;
    if (end - u >= 3 && StartsUpper(s.units[u].text) && StartsLower(s.units[u + 1].text)) ++first;
    if (end - first >= 2)
      for (size_t k = first; k < end; ++k) s.units[k].bullet = Bullet::kIndent;
    u = std::max(end, u + 1);
  }
}

}  // namespace

Structure StructureAnalyzer::Analyze(const NormalizedText& t) const {
  Structure s;
  size_t n = t.lines.size();
  s.heading_of_line.assign(n, -1);
  s.heading_at_line.assign(n, -1);
  std::vector<bool> contents = Impl::TableOfContents(t);
  bool prev_heading = false;
  int heading_number = 0;  // of the last numbered heading
  for (size_t i = 0; i < n; ++i) {
    if (t.lines[i].blank() || contents[i]) {
      prev_heading = false;
      continue;
    }
    std::optional<Impl::Label> label;
    if (!impl_->IsHeadingCandidate(t, i, prev_heading, heading_number > 0 ? heading_number + 1 : 0, &label)) {
      prev_heading = false;
      continue;
    }
    // Headings without a number between ("Mål:") do not break the count.
    if (int number = Impl::HeadingNumber(t.lines[i].text); number > 0) heading_number = number;
    Heading h;
    h.line = h.last_line = i;
    h.text = impl_->StripNumbering(t.lines[i].text);
    bool colon = h.text.back() == ':';
    if (colon) h.text.pop_back();
    // A heading wrapped onto a short lower-case second line.
    if (!colon && Impl::WrapsOntoShortLine(t, i) && WordCount(h.text) >= 3) {
      h.text += " " + t.lines[i + 1].text;
      h.last_line = i + 1;
      label.reset();
    }
    if (!label) label = impl_->LabelOf(h.text);
    h.sub = label->sub;
    h.section_id = std::move(label->section_id);
    int idx = static_cast<int>(s.headings.size());
    for (size_t k = h.line; k <= h.last_line; ++k) s.heading_at_line[k] = idx;
    i = h.last_line;
    s.headings.push_back(std::move(h));
    prev_heading = true;
  }
  int current = -1;
  for (size_t i = 0; i < n; ++i) {
    if (s.heading_at_line[i] >= 0) current = s.heading_at_line[i];
    s.heading_of_line[i] = current;
  }
  // Units: list items and paragraph runs between headings.
  s.left_out = Impl::LinksInsideSentences(t);
  s.field_label.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (contents[i])
      if (std::string id = impl_->SectionId(impl_->StripNumbering(Impl::EntryTitle(t.lines[i].text))); !id.empty())
        s.contents_sections.push_back(std::move(id));
    s.left_out[i] = s.left_out[i] || contents[i];
    if (s.heading_at_line[i] < 0 && !t.lines[i].blank()) s.field_label[i] = impl_->FieldLabel(t.lines[i].text);
  }
  int open = -1;
  bool blank_before = false;
  std::vector<bool> in_list;  // per unit: whether it stands in a list (InList)
  for (size_t i = 0; i < n; ++i) {
    const TextLine& l = t.lines[i];
    if (s.left_out[i]) continue;
    if (l.blank()) {
      blank_before = true;
      continue;
    }
    if (s.heading_at_line[i] >= 0) {
      open = -1;
      blank_before = false;
      continue;
    }
    // Each row of a table ("Steg 1   Berörda chefer") is a unit of its own.
    bool table_row = open >= 0 && !l.cells.empty() && !t.lines[s.units[static_cast<size_t>(open)].last].cells.empty();
    // A marked item's line left unfinished goes on onto the line right
    // under it, indented as the item's text is (a hanging indent: "• ... ett
    // FACT-team under" | "   Q2 2023."), though the indent looks like an item's.
    bool hanging = open >= 0 && l.bullet == Bullet::kIndent && Impl::HangsUnder(t, s.units[static_cast<size_t>(open)], i);
    bool starts_new = open < 0 || (l.bullet != Bullet::kNone && !hanging) || !s.field_label[i].empty() || table_row ||
                      s.heading_of_line[i] != s.units[static_cast<size_t>(open)].heading;
    if (!starts_new) {
      const std::string& prev = t.lines[s.units[static_cast<size_t>(open)].last].text;
      bool upper = StartsUpper(l.text);
      bool prev_open = Impl::EndsMidPhrase(prev);
      // An upper-case line ending in ':' introduces something new ("För Region Skåne:"),
      // unless the line before left its phrase open ("... Svedala kommun och" | "Vellinge kommun:").
      bool intro = upper && l.text.back() == ':' && !prev_open;
      // The blank lines of a page or column break left mid-phrase part nothing.
      bool parted = blank_before && !(prev_open && BreakBetween(t.lines[s.units[static_cast<size_t>(open)].last], l));
      // A short line before an upper-case one ends what it says, unless it
      // was full for its column ("Region Skåne företräds av Psykiatri" | "Skåne, ...").
      size_t last = s.units[static_cast<size_t>(open)].last;
      bool short_line = prev.size() < 40 && !prev_open && !(last + 1 == i && Impl::WrappedForRoom(t, last));
      starts_new = Impl::EndsSentence(prev) ? upper || parted : (upper && (parted || short_line || intro));
      // In a list (under Målgrupper or Parter, or after a lead-in) each item
      // stands on its own line, with or without a marker. A line in upper
      // case starts the next item unless the one before is left mid-phrase
      // (a comma does not leave it so when its line did not wrap: "barn och
      // unga med psykisk ohälsa,"). A line in lower case starts one only
      // after a line that did not wrap, in a list whose items are in lower
      // case or right after its lead-in ("Barn och unga:", "Överenskommelsen
      // gäller"); else it goes on the item before.
      const Unit& current = s.units[static_cast<size_t>(open)];
      // Lines parted only by a page break (its header and footer gone) stand next to each other.
      bool next_to = current.last + 1 == i || (BreakBetween(t.lines[current.last], l) && blank_before &&
                                               std::all_of(t.lines.begin() + static_cast<long>(current.last) + 1,
                                                           t.lines.begin() + static_cast<long>(i), [](const TextLine& b) { return b.blank(); }));
      // Whether the unit's last line wrapped: asked only where it decides (most lines are decided before).
      std::optional<bool> wrapped_memo;
      auto wrapped = [&] {
        if (!wrapped_memo) wrapped_memo = !next_to || Impl::WrappedForRoom(t, current.last);
        return *wrapped_memo;
      };
      bool mid_phrase = prev_open && !(prev.back() == ',' && !wrapped());
      auto lower_items = [&] {
        return StartsLower(current.text) || current.text.back() == ':' || (current.first == current.last && Impl::IsLeadIn(current.text));
      };
      // A full line going on onto one with a list's commas is a sentence's
      // ("Region Skåne företräds av Psykiatri" | "Skåne, Barn- ..."), after
      // a sentence, not after a lead-in or an item.
      bool after_sentence = open > 0 && s.units[static_cast<size_t>(open) - 1].text.back() == '.';
      bool onto_clause = after_sentence && last + 1 == i && !Impl::EndsSentence(prev) &&
                         l.text.find(", ") != std::string::npos && Impl::WrappedForRoom(t, last);
      if (!starts_new && in_list[static_cast<size_t>(open)] && !mid_phrase && !onto_clause && (upper || (lower_items() && !wrapped())))
        starts_new = true;
      // A lead-in of words ending in ':' ("Kommunerna ansvarar för:") is over its
      // first item, marker or not; a bare label ("Ansvarig:") is over its value.
      if (current.first == current.last && current.text.back() == ':' && WordCount(current.text) >= 2 && !wrapped())
        starts_new = true;
      // A marked item whose line was full goes on onto the next unmarked
      // line, whatever its case ("4. Frågan kan lyftas till Centralt" | "Samverkansorgan.").
      if (starts_new && current.bullet != Bullet::kNone && current.last + 1 == i && !Impl::EndsSentence(prev) && !intro &&
          Impl::WrappedForRoom(t, current.last))
        starts_new = false;
    }
    if (starts_new) {
      s.units.push_back(Unit{i, i, l.text, l.bullet, s.heading_of_line[i]});
      in_list.push_back(InList(t, s, in_list));
      open = static_cast<int>(s.units.size()) - 1;
    } else {
      Unit& u = s.units[static_cast<size_t>(open)];
      u.last = i;
      u.text += ' ';
      u.text += l.text;
    }
    blank_before = false;
  }
  MarkUnmarkedItems(s, in_list);
  return s;
}

}  // namespace overens
