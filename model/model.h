// The canonical model: plain value types for what an agreement commits to.
// Every item carries the SourceSpan of the text it came from. Each type lists
// its fields once in Visit(); the JSON and XML writers/readers walk that list,
// so adding a field is one line and both formats stay in step.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/civil_date.h"

namespace overens {

// Where an item was found: 1-based line in the text the tool read (for a PDF,
// the text overens extracted from it), 1-based column in code points.
struct SourceSpan {
  int line = 0;
  int column = 0;
  int length = 0;
  bool operator==(const SourceSpan&) const = default;
};

enum class DocumentKind { kLokalOverenskommelse, kRamoverenskommelse, kHandlingsplan, kRevision, kAnnat };
enum class Deviation { kNone, kExtended, kNarrowed, kReworded };
enum class Principal { kKommun, kRegion };
enum class Grain { kDay, kMonth, kQuarter, kSeason, kHalfYear, kYear, kYears, kWeek, kTertial };
enum class DateRole { kAgreementDate, kFrameworkDate, kValidFrom, kDeadline, kPlanPeriod, kMeeting, kReference, kStart, kValidUntil, kRevised };
enum class Severity { kError, kWarning, kInfo };
enum class FollowUp { kUnknown, kPresent, kEmpty, kAbsent };

// Stable external names of enum values (the JSON/XML vocabulary).
template <typename E> struct EnumNames;
template <> struct EnumNames<DocumentKind> {
  static constexpr std::array<std::string_view, 5> kNames = {
      "lokal-overenskommelse", "ramoverenskommelse", "handlingsplan", "revision", "annat"};
};
template <> struct EnumNames<Deviation> {
  static constexpr std::array<std::string_view, 4> kNames = {"none", "extended", "narrowed", "reworded"};
};
template <> struct EnumNames<Principal> {
  static constexpr std::array<std::string_view, 2> kNames = {"kommun", "region"};
};
template <> struct EnumNames<Grain> {
  static constexpr std::array<std::string_view, 9> kNames = {"day",  "month", "quarter", "season",  "half-year",
                                                              "year", "years", "week",    "tertial"};
};
template <> struct EnumNames<DateRole> {
  static constexpr std::array<std::string_view, 10> kNames = {
      "agreement-date", "framework-date", "valid-from",  "deadline", "plan-period",
      "meeting",        "reference",      "start",       "valid-until", "revised"};
};
template <> struct EnumNames<Severity> {
  static constexpr std::array<std::string_view, 3> kNames = {"error", "warning", "info"};
};
template <> struct EnumNames<FollowUp> {
  static constexpr std::array<std::string_view, 4> kNames = {"unknown", "present", "empty", "absent"};
};

template <typename E>
std::string_view ToString(E e) {
  return EnumNames<E>::kNames[static_cast<size_t>(e)];
}
template <typename E>
std::optional<E> EnumFromString(std::string_view s) {
  const auto& names = EnumNames<E>::kNames;
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

struct TargetGroup {
  std::optional<std::string> framework_id;  // TG1..TG4, or null for a group the framework lacks
  std::string text;
  Deviation deviation = Deviation::kNone;
  SourceSpan span;
  template <class V> void Visit(V& v) {
    v("framework_id", framework_id); v("text", text); v("deviation", deviation); v("span", span);
  }
  bool operator==(const TargetGroup&) const = default;
};

struct Party {
  Principal principal = Principal::kKommun;
  std::string text;
  SourceSpan span;
  template <class V> void Visit(V& v) { v("principal", principal); v("text", text); v("span", span); }
  bool operator==(const Party&) const = default;
};

// An inclusive interval; a missing start or end is open.
struct DateSpan {
  std::string text;
  std::optional<CivilDate> start;
  std::optional<CivilDate> end;
  Grain grain = Grain::kDay;
  DateRole role = DateRole::kReference;
  bool relative = false;  // resolved against the document date ("i år")
  SourceSpan span;
  template <class V> void Visit(V& v) {
    v("text", text); v("start", start); v("end", end); v("grain", grain); v("role", role);
    v("relative", relative); v("span", span);
  }
  bool operator==(const DateSpan&) const = default;
};

struct Responsibility {
  std::optional<std::string> actor;  // null: nobody named (passive "tillsätts")
  std::string action;
  std::optional<CivilDate> due;      // end of the nearest deadline governing it
  std::string due_text;              // the due date as written, or when in words without a date ("Löpande")
  std::string area;                  // the development area it belongs to, if any
  std::string status;                // as an activity table's status column states it ("Klar", "Pågår"); empty when not stated
  bool done = false;                 // the status says it is done, so a passed deadline is no longer open
  SourceSpan span;
  template <class V> void Visit(V& v) {
    v("actor", actor); v("action", action); v("due", due); v("due_text", due_text); v("area", area);
    v("status", status); v("done", done); v("span", span);
  }
  bool operator==(const Responsibility&) const = default;
};

struct Area {
  std::string name;
  std::optional<std::string> framework_id;
  FollowUp follow_up = FollowUp::kUnknown;
  std::string follow_up_quote;   // what the follow-up says when it is empty ("Ingen uppföljning.")
  SourceSpan follow_up_span;
  SourceSpan span;
  template <class V> void Visit(V& v) {
    v("name", name); v("framework_id", framework_id); v("follow_up", follow_up);
    v("follow_up_quote", follow_up_quote); v("follow_up_span", follow_up_span); v("span", span);
  }
  bool operator==(const Area&) const = default;
};

struct LegalReference {
  std::optional<std::string> law_id;  // id in the law table, when known
  std::string text;
  std::optional<std::string> sfs;     // "2001:453"
  std::string chapter;
  std::string paragraph;
  // Its sentence says it was repealed or replaced ("SoL (2001:453)
  // upphävdes den 1 juli 2025"): history, not a law the text relies on.
  bool named_as_replaced = false;
  SourceSpan span;
  template <class V> void Visit(V& v) {
    v("law_id", law_id); v("text", text); v("sfs", sfs); v("chapter", chapter); v("paragraph", paragraph);
    v("named_as_replaced", named_as_replaced); v("span", span);
  }
  bool operator==(const LegalReference&) const = default;
};

struct Validity {
  std::optional<CivilDate> from;
  std::string from_text;            // "beslutsdatum" when the start is the decision
  bool until_further_notice = false;
  std::optional<CivilDate> until;
  std::optional<int> notice_months;
  // "förlängs med ett år" (once, unless given notice): the end after the renewal
  std::optional<CivilDate> renewed_until;
  SourceSpan span;
  // The last day it is valid: its end, or where a renewal once moves it.
  std::optional<CivilDate> LastValidDay() const { return renewed_until ? renewed_until : until; }
  template <class V> void Visit(V& v) {
    v("from", from); v("from_text", from_text); v("until_further_notice", until_further_notice);
    v("until", until); v("notice_months", notice_months); v("renewed_until", renewed_until); v("span", span);
  }
  bool operator==(const Validity&) const = default;
};

struct Repeal {
  std::string text;
  SourceSpan span;
  template <class V> void Visit(V& v) { v("text", text); v("span", span); }
  bool operator==(const Repeal&) const = default;
};

struct DisputeStep {
  int order = 0;
  std::string actor;
  std::string body;  // id of the framework body it names (SSP, CSO), if any
  SourceSpan span;
  template <class V> void Visit(V& v) { v("order", order); v("actor", actor); v("body", body); v("span", span); }
  bool operator==(const DisputeStep&) const = default;
};

struct Frequency {
  std::string text;
  double per_year = 0;
  SourceSpan span;
  template <class V> void Visit(V& v) { v("text", text); v("per_year", per_year); v("span", span); }
  bool operator==(const Frequency&) const = default;
};

struct Signatory {
  std::string name;
  std::optional<std::string> title;
  SourceSpan span;
  template <class V> void Visit(V& v) { v("name", name); v("title", title); v("span", span); }
  bool operator==(const Signatory&) const = default;
};

// A recognised agreement section (giltighetstid, tvister, ...).
struct Section {
  std::string id;
  std::string heading;
  SourceSpan span;
  template <class V> void Visit(V& v) { v("id", id); v("heading", heading); v("span", span); }
  bool operator==(const Section&) const = default;
};

// One row of a money table whose last column is a printed total.
struct TableRow {
  std::string label;
  std::vector<long long> cells;        // the amounts before the total
  std::optional<long long> printed_total;
  bool readable = true;                // false: OCR damage, do not judge
  std::string raw;
  SourceSpan span;
  template <class V> void Visit(V& v) {
    v("label", label); v("cells", cells); v("printed_total", printed_total); v("readable", readable);
    v("raw", raw); v("span", span);
  }
  bool operator==(const TableRow&) const = default;
};

// A draft remnant in the text ("(lägg in URL)", "[datum]").
struct Placeholder {
  std::string text;
  SourceSpan span;
  template <class V> void Visit(V& v) { v("text", text); v("span", span); }
  bool operator==(const Placeholder&) const = default;
};

// An organisation named as it was called before it changed name
// ("Kommunförbundet Skåne", now Skånes Kommuner).
struct OldName {
  std::string text;     // as written
  std::string current;  // the name used now
  SourceSpan span;
  template <class V> void Visit(V& v) { v("text", text); v("current", current); v("span", span); }
  bool operator==(const OldName&) const = default;
};

struct Finding {
  std::string id;        // stable: rule + file + normalized evidence, not the line
  std::string rule;
  Severity severity = Severity::kWarning;
  std::string file;
  std::string message;
  std::string message_id;  // of messages.xml: the message whatever its language
  std::string evidence;  // quote from the document
  std::string framework_quote;  // the framework's wording, for comparisons
  SourceSpan span;
  int page = 0;  // 1-based page of a PDF the line is on; 0 for other inputs
  int page_line = 0;  // with page: the line's place on that page (1-based)
  template <class V> void Visit(V& v) {
    v("id", id); v("rule", rule); v("severity", severity); v("file", file); v("span", span); v("page", page);
    v("page_line", page_line);
    v("message", message); v("message_id", message_id); v("evidence", evidence); v("framework_quote", framework_quote);
  }
  bool operator==(const Finding&) const = default;
};

// Words of the text that show why a document field has its value: the
// title that names the kind, the name of the region whose document it is.
struct Evidence {
  std::string text;
  SourceSpan span;
  template <class V> void Visit(V& v) { v("text", text); v("span", span); }
  bool operator==(const Evidence&) const = default;
};

struct Document {
  std::string file;
  DocumentKind kind = DocumentKind::kAnnat;
  std::optional<Evidence> kind_evidence;
  // The county (län) whose document it is, by its short name ("Skåne",
  // "Västra Götaland"); absent for a national document or when unknown.
  std::optional<std::string> region;
  std::optional<Evidence> region_evidence;
  std::optional<std::string> delregion;  // one of the framework county's delregions; never another county's
  // Whether the text names the delregion itself (its name or another name
  // of it), not only kommuner in it, where it says whose it is: in its
  // opening lines or its Parter section.
  bool delregion_named = false;
  std::optional<CivilDate> date;
  std::optional<CivilDate> framework_date;
  std::vector<std::string> municipalities;
  std::optional<DateSpan> plan_period;
  std::vector<TargetGroup> target_groups;
  std::vector<Party> parties;
  std::vector<DateSpan> dates;
  std::vector<Responsibility> responsibilities;
  std::vector<Area> areas;
  std::optional<Validity> validity;
  std::vector<Repeal> repeals;
  std::vector<DisputeStep> dispute_steps;
  std::vector<Frequency> frequencies;
  std::vector<LegalReference> legal_references;
  std::vector<Signatory> signatories;
  std::vector<Section> sections;
  std::vector<TableRow> table_rows;
  std::vector<Placeholder> placeholders;
  std::vector<OldName> old_names;
  std::vector<std::string> warnings;
  template <class V> void Visit(V& v) {
    v("file", file); v("kind", kind); v("kind_evidence", kind_evidence); v("region", region);
    v("region_evidence", region_evidence); v("delregion", delregion); v("delregion_named", delregion_named); v("date", date);
    v("framework_date", framework_date); v("municipalities", municipalities); v("plan_period", plan_period);
    v("target_groups", target_groups); v("parties", parties); v("dates", dates);
    v("responsibilities", responsibilities); v("areas", areas); v("validity", validity);
    v("repeals", repeals); v("dispute_steps", dispute_steps); v("frequencies", frequencies);
    v("legal_references", legal_references); v("signatories", signatories); v("sections", sections);
    v("table_rows", table_rows); v("placeholders", placeholders); v("old_names", old_names); v("warnings", warnings);
  }
  bool operator==(const Document&) const = default;
};

}  // namespace overens
