// deadline.passed: A deadline ended before the --as-of date.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class DeadlinePassedRule final : public Rule {
 public:
  std::string_view id() const override { return "deadline.passed"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "A deadline ended before the --as-of date.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind)) return {};
    std::vector<Finding> out;
    for (const DateSpan& d : doc.dates) {
      if (d.role != DateRole::kDeadline || !d.end || *d.end >= ctx.options.as_of) continue;
      const Responsibility* activity = ActivityDueOn(doc, d);
      if (activity && activity->done) continue;  // "Klar": the deadline was met or no longer matters
      Message m = activity && activity->actor
                      ? Message{"deadline.passed.of", {d.text, *activity->actor, d.end->ToString(), ctx.options.as_of.ToString()}}
                      : Message{"deadline.passed", {d.text, d.end->ToString(), ctx.options.as_of.ToString()}};
      out.push_back(Make(ctx, d.span, m, activity ? activity->action : d.text));
    }
    return out;
  }

 private:
  // The activity whose deadline d is: the last one due by its words that
  // starts on or before its line (a table row's date is in a cell of its own).
  static const Responsibility* ActivityDueOn(const Document& doc, const DateSpan& d) {
    // Responsibilities are in text order: only those starting up to three lines before d are looked at.
    const auto& all = doc.responsibilities;
    auto r = FirstOnOrAfter(all, d.span.line - 3);
    const Responsibility* found = nullptr;
    for (; r != all.end() && r->span.line <= d.span.line; ++r)
      if (r->due_text == d.text) found = &*r;
    return found;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDeadlinePassedRule() { return std::make_unique<DeadlinePassedRule>(); }

}  // namespace overens
