// target-group.missing: A framework target group is not listed in the agreement's target groups.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class TargetGroupMissingRule final : public Rule {
 public:
  std::string_view id() const override { return "target-group.missing"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "A framework target group is not listed in the agreement's target groups.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (doc.kind == DocumentKind::kRevision || doc.kind == DocumentKind::kRamoverenskommelse) return {};
    // Only where the document has a target-group list to compare.
    if (doc.target_groups.empty()) return {};
    std::vector<Finding> out;
    for (const FrameworkItem& tg : ctx.ref.framework.target_groups) {
      bool present = std::any_of(doc.target_groups.begin(), doc.target_groups.end(),
                                 [&](const TargetGroup& g) { return g.framework_id == tg.id; });
      if (present) continue;
      const TargetGroup& first = doc.target_groups.front();
      out.push_back(Make(ctx, first.span, {"target-group.missing", {tg.id}},
                         first.text, tg.text));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTargetGroupMissingRule() { return std::make_unique<TargetGroupMissingRule>(); }

}  // namespace overens
