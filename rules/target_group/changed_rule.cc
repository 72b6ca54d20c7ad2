// target-group.changed: A target group differs in meaning from the framework wording (extended, narrowed or reworded).
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class TargetGroupChangedRule final : public Rule {
 public:
  std::string_view id() const override { return "target-group.changed"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "A target group differs in meaning from the framework wording (extended, narrowed or reworded).";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (doc.kind == DocumentKind::kRevision || doc.kind == DocumentKind::kRamoverenskommelse) return {};
    std::vector<Finding> out;
    for (const TargetGroup& g : doc.target_groups) {
      if (!g.framework_id || g.deviation == Deviation::kNone) continue;
      std::string wording;
      for (const FrameworkItem& tg : ctx.ref.framework.target_groups)
        if (tg.id == *g.framework_id) wording = tg.text;
      out.push_back(Make(ctx, g.span,
                         {"target-group.changed." + std::string(ToString(g.deviation)), {*g.framework_id}},
                         g.text, wording));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTargetGroupChangedRule() { return std::make_unique<TargetGroupChangedRule>(); }

}  // namespace overens
