// target-group.added: A target group with no counterpart in the framework.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class TargetGroupAddedRule final : public Rule {
 public:
  std::string_view id() const override { return "target-group.added"; }
  Severity severity() const override { return Severity::kInfo; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "A target group with no counterpart in the framework.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (doc.kind == DocumentKind::kRevision || doc.kind == DocumentKind::kRamoverenskommelse) return {};
    std::vector<Finding> out;
    for (const TargetGroup& g : doc.target_groups)
      if (!g.framework_id) out.push_back(Make(ctx, g.span, {"target-group.added", {}}, g.text));
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTargetGroupAddedRule() { return std::make_unique<TargetGroupAddedRule>(); }

}  // namespace overens
