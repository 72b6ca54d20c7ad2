// activity.no-deadline: An activity in a development area has an owner but no deadline.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class ActivityNoDeadlineRule final : public Rule {
 public:
  std::string_view id() const override { return "activity.no-deadline"; }
  Severity severity() const override { return Severity::kInfo; }
  std::string_view description() const override {
    return "An activity in a development area has an owner but no deadline.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind)) return {};
    std::vector<Finding> out;
    for (const Responsibility& r : doc.responsibilities)
      if (r.actor && !r.due && !r.area.empty())
        out.push_back(Make(ctx, r.span, "activity of " + *r.actor + " has no deadline", r.action));
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeActivityNoDeadlineRule() { return std::make_unique<ActivityNoDeadlineRule>(); }

}  // namespace overens
