// Finds every date expression and decides its role from its context.
#include <algorithm>

#include "extractor/extract_internal.h"
#include "extractor/text_util.h"

namespace overens {
namespace {

// Whether `before` (the text before a date) ends in a label that says by
// when: "Klart: ", "Tidplan: " (the due column words of vocabulary.xml). In
// an activity list or an activity's record any such label does; elsewhere
// only one that cannot mean a document's own date.
bool AfterDueLabel(const ExtractionRun& run, std::string_view before, bool in_plan) {
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty() || before.back() != ':') return false;
  before.remove_suffix(1);
  size_t line_start = before.rfind('\n');
  std::vector<std::string> words = Words(Fold(before.substr(line_start == std::string_view::npos ? 0 : line_start + 1)));
  // The label is the last word or two ("Klart senast:"), after a sentence's end if any.
  for (size_t n = 1; n <= 2 && n <= words.size(); ++n) {
    const std::string& label = words[words.size() - n];
    if (!run.ref.vocabulary.due_columns.count(label)) continue;
    return in_plan || label == "klart" || label == "deadline" || label == "slutdatum";
  }
  return false;
}

// Whether a field line naming who is responsible ("Ansvarig: BUP") is on
// `line` or within two lines of it: the line belongs to an activity's record.
bool NearResponsibleField(const ExtractionRun& run, size_t line) {
  constexpr size_t kReach = 2;
  const auto& labels = run.structure.field_label;
  for (size_t i = line > kReach ? line - kReach : 0; i < labels.size() && i <= line + kReach; ++i)
    if (!labels[i].empty() && run.ref.vocabulary.responsible_columns.count(labels[i])) return true;
  return false;
}

// What the verb nearest a date says of its time: a report of what was done
// ("genomfördes i oktober 2024", "Under 2024 har kommunerna utbildat"), a
// plan ("ska upprepas under hösten 2025"), or nothing said.
enum class Tense { kNone, kPast, kPlanned };

Tense TenseOfWord(std::span<const std::string_view> words, size_t i) {
  static constexpr std::string_view kPlanned[] = {"ska", "skall", "kommer", "planeras", "avses", "bör"};
  // Past passives: "startades", "genomfördes", "antogs", "hölls", "användes", "ställdes", "sattes", "köptes".
  // Not any "-des": "områdes" is a genitive.
  static constexpr std::string_view kPastEndings[] = {"ades", "ordes", "ördes", "ogs", "ölls", "ändes", "lldes", "ttes", "ptes", "ktes"};
  // A supine after "har"/"hade", a word or two on: "har kommunerna utbildat", "har genomförts".
  static constexpr std::string_view kSupineEndings[] = {"at", "it", "rt", "gt", "ts"};
  std::string_view w = words[i];
  auto any = [&](auto& list, bool whole) {
    return std::any_of(std::begin(list), std::end(list),
                       [&](std::string_view e) { return whole ? EqualsLower(w, e) : EndsWithLower(w, e); });
  };
  constexpr size_t kLongestPlanned = 8, kShortestVerb = 5;
  if (w.size() <= kLongestPlanned && any(kPlanned, true)) return Tense::kPlanned;
  // Every past ending above ends in "s", every supine in "s" or "t": most words are done with here.
  char last = w.back() >= 'A' && w.back() <= 'Z' ? static_cast<char>(w.back() + 32) : w.back();
  if (w.size() < kShortestVerb || (last != 's' && last != 't')) return Tense::kNone;
  if (last == 's' && any(kPastEndings, false)) return Tense::kPast;
  if (!any(kSupineEndings, false)) return Tense::kNone;
  for (size_t back = 1; back <= 3 && back <= i; ++back)
    if (EqualsLower(words[i - back], "har") || EqualsLower(words[i - back], "hade")) return Tense::kPast;
  return Tense::kNone;
}

// The tense of the verb nearest before the date at `at` in `sentence`, or,
// when there is none, nearest after it.
Tense TenseAround(std::string_view sentence, size_t at) {
  // A sentence is at most some 480 bytes (SentenceAround): its words fit here, without allocating.
  constexpr size_t kMostWords = 256;
  std::array<std::string_view, kMostWords> storage;
  size_t count = 0, first_after = 0;
  for (size_t i = 0; i < sentence.size() && count < kMostWords;) {
    while (i < sentence.size() && !IsWordByte(sentence[i])) ++i;
    size_t b = i;
    while (i < sentence.size() && IsWordByte(sentence[i])) ++i;
    if (i == b) break;
    if (b < at) first_after = count + 1;
    storage[count++] = sentence.substr(b, i - b);
  }
  std::span<const std::string_view> words(storage.data(), count);
  for (size_t i = first_after; i-- > 0;)
    if (Tense t = TenseOfWord(words, i); t != Tense::kNone) return t;
  for (size_t i = first_after; i < words.size(); ++i)
    if (Tense t = TenseOfWord(words, i); t != Tense::kNone) return t;
  return Tense::kNone;
}

bool InSection(const ExtractionRun& run, size_t line, std::string_view section_id) {
  const Heading* h = run.HeadingOf(line);
  return h && h->section_id == section_id;
}

bool InSubSection(const ExtractionRun& run, size_t line, SubHeading a, SubHeading b) {
  const Heading* h = run.HeadingOf(line);
  return h && (h->sub == a || h->sub == b) && run.structure.heading_at_line[line] < 0;
}

// The title text line `line` holds: the text's first paragraph up to it
// when it is part of that (a title wrapped onto three lines in a narrow
// column: "Skånes länsgemensamma handlingsplan" | "psykisk hälsa" | "och
// suicidprevention 2022-2023"), else the line itself among the first four;
// else empty. A whole text on one line has no title.
std::string TitleAround(const ExtractionRun& run, size_t line) {
  constexpr size_t kTitleLines = 4, kLongestTitle = 300;
  const auto& lines = run.text.lines;
  if (lines[line].text.size() > kLongestTitle) return "";
  size_t first = 0;
  while (first < line && lines[first].blank()) ++first;
  bool in_first_paragraph = line - first < kTitleLines &&
                            std::none_of(lines.begin() + static_cast<long>(first), lines.begin() + static_cast<long>(line),
                                         [](const TextLine& l) { return l.blank(); });
  if (!in_first_paragraph) return line < kTitleLines ? lines[line].text : "";
  std::string title;
  for (size_t i = first; i <= line; ++i) title += (title.empty() ? "" : " ") + lines[i].text;
  return title;
}

DateRole RoleOf(const ExtractionRun& run, const FoundDate& fd) {
  auto mentions = [](std::string_view text, std::initializer_list<std::string_view> words) { return ContainsAny(Fold(text), words); };
  static const RE2 kValid(R"((?i)gäll(a|er)\b|träder i kraft|ikraftträd|avtalsperiod|löptid)");
  // "... och gäller till 2027-12-31", "upphör att gälla den 31 mars 2028", "löper ut 2027-12-31".
  static const RE2 kEndsAt(R"((?i)(?:\btill|\bupphör(?: att gälla)?|\bslutar (?:att )?gälla|\blöper ut)\s+(?:den\s+)?$)");
  static const RE2 kMeeting(R"((?i)\bbeslut|informera(s|des)\b|sammanträde|\bmöte(t)?\b)");
  static const RE2 kDeadlinePrefix(R"((?i)(^|\s)(under|i|senast|inom|till|före|innan|t\.o\.m\.)\s+(\S+\s+){0,2}$)");
  static const RE2 kDeadlineStart(R"((?i)^(under|i|senast|inom|till|före|innan|t\.o\.m\.)\s)");
  static const RE2 kShall(R"((?i)\b(ska|skall)\b)");
  const DateMatch& m = fd.match;
  const Document& doc = run.doc;
  const std::string& joined = run.text.joined;
  std::string_view sentence = SentenceAround(joined, m.begin, m.end);
  if (doc.date && m.start == doc.date && m.grain == Grain::kDay) return DateRole::kAgreementDate;
  // "Reviderad 2024-05-01", "Överenskommelsen reviderades i maj 2024"; not "ska revideras senast ...".
  static const RE2 kRevised(R"((?i)\b(?:reviderad|reviderades|reviderats|uppdaterad|uppdaterades|uppdaterats)\b)");
  if ((m.grain == Grain::kDay || m.grain == Grain::kMonth) && !m.open_start && !m.open_end &&
      run.Mentions(Gate::kRevised) && RE2::PartialMatch(sentence, kRevised) &&
      !RE2::PartialMatch(sentence, kShall))
    return DateRole::kRevised;
  bool is_heading = run.structure.heading_at_line[fd.line] >= 0;
  // A span of years, or of months or days across more than a month ("1 januari 2024 – 31 december 2025").
  bool long_span = m.grain == Grain::kYears || m.grain == Grain::kYear ||
                   (m.start && m.end_date && m.end_date->DaysSinceEpoch() - m.start->DaysSinceEpoch() > 62);
  if (long_span) {
    std::string title = is_heading ? run.structure.headings[static_cast<size_t>(run.structure.heading_at_line[fd.line])].text
                                   : TitleAround(run, fd.line);
    if (mentions(title, {"plan", "aktivitet", "kortsiktiga", "långsiktiga", "period", "utvecklingsområden"}))
      return DateRole::kPlanPeriod;
  }
  if ((m.grain == Grain::kDay || m.grain == Grain::kYear) && mentions(sentence, {"ramöverenskommelse"})) {
    // "... 2021-02-11, som ersatte ramöverenskommelsen från 2015-03-16": an old framework named as replaced is history.
    static const RE2 kReplaced(R"((?i)\b(?:ersatte|ersatt|ersatts|ersätter|ersattes|upphävde|upphävdes|tidigare|föregående)\b)");
    for (const auto& s : run.ref.framework.superseded)
      if (m.start && *m.start <= s.date && m.end_date && s.date <= *m.end_date)
        return RE2::PartialMatch(sentence, kReplaced) ? DateRole::kReference : DateRole::kFrameworkDate;
    if (m.start && m.start->year == run.ref.framework.date.year) return DateRole::kFrameworkDate;
  }
  if (m.grain == Grain::kDay && RE2::PartialMatch(sentence, kValid)) {
    // "Avtalet gäller ... till och med den 31 december 2025": when it ends, not a task's deadline.
    size_t look = m.begin > 30 ? m.begin - 30 : 0;
    bool ends = RE2::PartialMatch(std::string_view(joined).substr(look, m.begin - look), kEndsAt);
    if (!m.open_start && !ends) return DateRole::kValidFrom;
    if (InSection(run, fd.line, "giltighetstid") || !RE2::PartialMatch(sentence, kShall)) return DateRole::kValidUntil;
  }
  if (m.open_end) return DateRole::kStart;
  if (m.open_start) return DateRole::kDeadline;
  if (m.grain == Grain::kDay && RE2::PartialMatch(sentence, kMeeting)) return DateRole::kMeeting;
  size_t look = m.begin > 40 ? m.begin - 40 : 0;
  std::string_view before = std::string_view(joined).substr(look, m.begin - look);
  bool prefixed = RE2::PartialMatch(m.text, kDeadlineStart) || RE2::PartialMatch(before, kDeadlinePrefix);
  bool in_plan = InSubSection(run, fd.line, SubHeading::kActivities, SubHeading::kFollowUp);
  bool due = (prefixed && (in_plan || RE2::PartialMatch(sentence, kShall))) ||
             AfterDueLabel(run, before, in_plan || NearResponsibleField(run, fd.line)) ||
             (in_plan && (m.grain == Grain::kDay || m.grain == Grain::kWeek));  // "utbildningsdagar 23/11 2025", "vecka 10–12 2025"
  // "Under 2024 har kommunerna utbildat ...", "som genomfördes i oktober 2024": what was done, not when it is due.
  if (due && (prefixed || in_plan) &&
      TenseAround(sentence, m.begin - static_cast<size_t>(sentence.data() - joined.data())) == Tense::kPast)
    due = false;
  return due ? DateRole::kDeadline : DateRole::kReference;
}

}  // namespace

void ExtractDates(ExtractionRun& run) {
  Document& doc = run.doc;
  const std::string& joined = run.text.joined;
  DateScanOptions options;
  if (doc.date) {
    options.anchor_year = doc.date->year;
  } else {
    for (const DateMatch& m : run.plain_dates)
      if (m.grain == Grain::kDay && m.start) {
        options.anchor_year = m.start->year;
        break;
      }
  }
  // Rescan only when relative expressions ("i år", "nästa år") can resolve.
  static const RE2 kRelative(R"((?i)\b(i år|nästa år|nästkommande år|förra året|i fjol)\b)");
  bool rescan = options.anchor_year && run.Mentions(Gate::kRelativeYear) &&
                RE2::PartialMatch(joined, kRelative);
  for (DateMatch& m : rescan ? run.grammar.Scan(joined, options) : run.plain_dates) {
    size_t line = run.text.LineIndexAt(m.begin);
    run.dates.push_back({std::move(m), line});
  }
  for (const FoundDate& fd : run.dates) {
    DateSpan span;
    span.text = fd.match.text;
    std::replace(span.text.begin(), span.text.end(), '\n', ' ');
    span.start = fd.match.start;
    span.end = fd.match.end_date;
    span.grain = fd.match.grain;
    span.relative = fd.match.relative;
    span.role = RoleOf(run, fd);
    span.span = SourceSpan{run.text.lines[fd.line].source_line, run.text.ColumnAt(fd.match.begin),
                           static_cast<int>(fd.match.end - fd.match.begin)};
    if (span.role == DateRole::kPlanPeriod && !doc.plan_period) doc.plan_period = span;
    if (span.role == DateRole::kFrameworkDate && span.grain == Grain::kDay && !doc.framework_date)
      doc.framework_date = span.start;
    doc.dates.push_back(std::move(span));
  }
}

}  // namespace overens
