// The rule interface. A rule compares one extracted Document with the
// reference data and returns findings; it never prints, reads files or keeps
// state between calls.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/model.h"
#include "model/reference_data.h"

namespace overens {

struct CheckOptions {
  CivilDate as_of{2026, 1, 1};  // "today" for passed deadlines and ages
  int review_years = 4;         // outdated.agreement-age: review interval
  Language language = Language::kSwedish;  // of messages and notes
};

// A message of the catalogue (messages.xml) and the values it names.
struct Message {
  std::string id;
  std::vector<std::string> args;
};

struct RuleContext {
  const Document& doc;
  const ReferenceData& ref;
  const CheckOptions& options;
};

// What a rule holds a document to: the framework (its target groups,
// areas, sections, parties, dispute ladder, replaced versions and names),
// which binds only the framework's county; or what holds for any agreement
// or plan of any county (validity, age, laws, deadlines, activities, drafts).
enum class RuleScope { kFramework, kGeneral };
std::string_view ToString(RuleScope scope);  // "framework" | "general"

class Rule {
 public:
  virtual ~Rule() = default;
  virtual std::string_view id() const = 0;
  virtual Severity severity() const = 0;
  virtual RuleScope scope() const = 0;
  virtual std::string_view description() const = 0;
  // Findings for ctx.doc; empty when the rule does not apply to its kind.
  virtual std::vector<Finding> Check(const RuleContext& ctx) const = 0;

 protected:
  // A finding of this rule, its message in the run's language, with a
  // stable id (rule, file name, evidence and the message in English, so the
  // id is the same whatever the language).
  Finding Make(const RuleContext& ctx, SourceSpan span, const Message& message, std::string evidence,
               std::string framework_quote = "") const;
  // The same, for evidence in the tool's words (what the text lacks), which
  // is said in the run's language and counted in English for the id.
  Finding Make(const RuleContext& ctx, SourceSpan span, const Message& message, const Message& evidence,
               std::string framework_quote = "") const;
  // A catalogue text in the run's language (for evidence and quotes in words).
  std::string Say(const RuleContext& ctx, std::string_view id, std::initializer_list<std::string_view> args = {}) const {
    return ctx.ref.Say(ctx.options.language, id, args);
  }
};

// Kinds of document a rule family applies to.
bool IsAgreement(DocumentKind k);         // lokal överenskommelse
bool IsAgreementOrPlan(DocumentKind k);   // + ramöverenskommelse (county-wide) and handlingsplan
// `items` (dates, frequencies: in the text's order) ordered by their source
// line, stably: on a page read in two columns the text's order is not the
// source lines' order.
template <class T>
std::vector<const T*> ByLine(const std::vector<T>& items) {
  std::vector<const T*> out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(&item);
  std::stable_sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->span.line < b->span.line; });
  return out;
}
// The first of `items`, ordered by source line (ByLine; responsibilities
// are so ordered already), on or after source line `line`.
template <class T>
typename std::vector<T>::const_iterator FirstOnOrAfter(const std::vector<T>& items, int line) {
  auto line_of = [](const auto& item) {
    if constexpr (std::is_pointer_v<T>) return item->span.line;
    else return item.span.line;
  };
  return std::lower_bound(items.begin(), items.end(), line, [&](const T& item, int l) { return line_of(item) < l; });
}
// Stable finding id: hex of a 64-bit FNV-1a over rule, file name and normalized evidence.
std::string StableFindingId(std::string_view rule, std::string_view file, std::string_view evidence);

}  // namespace overens
