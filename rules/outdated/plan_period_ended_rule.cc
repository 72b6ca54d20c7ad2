// outdated.plan-period-ended: The plan period ended before the --as-of date.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class OutdatedPlanPeriodEndedRule final : public Rule {
 public:
  std::string_view id() const override { return "outdated.plan-period-ended"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "The plan period ended before the --as-of date.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind) || !doc.plan_period || !doc.plan_period->end) return {};
    if (!(*doc.plan_period->end < ctx.options.as_of)) return {};
    return {Make(ctx, doc.plan_period->span,
                 {"outdated.plan-period-ended", {doc.plan_period->text, doc.plan_period->end->ToString()}}, doc.plan_period->text)};
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOutdatedPlanPeriodEndedRule() { return std::make_unique<OutdatedPlanPeriodEndedRule>(); }

}  // namespace overens
