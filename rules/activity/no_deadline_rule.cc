// activity.no-deadline: An activity in a development area has an owner but no deadline.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

// Lines an activity's text may run over.
constexpr int kLongestAction = 12;

class ActivityNoDeadlineRule final : public Rule {
 public:
  std::string_view id() const override { return "activity.no-deadline"; }
  Severity severity() const override { return Severity::kInfo; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "An activity in a development area has an owner but no deadline.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind)) return {};
    std::vector<Finding> out;
    const std::vector<const DateSpan*> dates = ByLine(doc.dates);
    const std::vector<const Frequency*> frequencies = ByLine(doc.frequencies);
    for (const Responsibility& r : doc.responsibilities) {
      // "Löpande", "Vid behov": the plan says when in words, if not by a date.
      if (!r.actor || r.due || !r.due_text.empty() || r.area.empty()) continue;
      // "... följs upp i december 2025": a time with an end, though not
      // called a deadline, still says by when ("från och med 2023" does not).
      // The action starts on its line and is at most a few lines long.
      bool dated = false;
      for (auto d = FirstOnOrAfter(dates, r.span.line); d != dates.end() && (*d)->span.line <= r.span.line + kLongestAction && !dated; ++d)
        dated = (*d)->end && ((*d)->span.line == r.span.line || r.action.find((*d)->text) != std::string::npos);
      // "... i mars varje år": a recurring task has no one deadline, its
      // frequency on its first line or in its text (wrapped onto the next).
      bool recurring = false;
      for (auto f = FirstOnOrAfter(frequencies, r.span.line);
           f != frequencies.end() && (*f)->span.line <= r.span.line + kLongestAction && !recurring; ++f)
        recurring = (*f)->span.line == r.span.line || r.action.find((*f)->text) != std::string::npos;
      if (!dated && !recurring)
        out.push_back(Make(ctx, r.span, {"activity.no-deadline", {*r.actor}}, r.action));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeActivityNoDeadlineRule() { return std::make_unique<ActivityNoDeadlineRule>(); }

}  // namespace overens
