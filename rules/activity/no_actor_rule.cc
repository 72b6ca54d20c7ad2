// activity.no-actor: An activity names nobody responsible (passive 'tillsätts', 'Implementering av').
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class ActivityNoActorRule final : public Rule {
 public:
  std::string_view id() const override { return "activity.no-actor"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "An activity names nobody responsible (passive 'tillsätts', 'Implementering av').";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind)) return {};
    std::vector<Finding> out;
    for (const Responsibility& r : doc.responsibilities)
      if (!r.actor) out.push_back(Make(ctx, r.span, {"activity.no-actor", {}}, r.action));
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeActivityNoActorRule() { return std::make_unique<ActivityNoActorRule>(); }

}  // namespace overens
