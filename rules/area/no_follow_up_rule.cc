// area.no-follow-up: A development area without follow-up (none stated, or 'Ingen uppföljning').
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class AreaNoFollowUpRule final : public Rule {
 public:
  std::string_view id() const override { return "area.no-follow-up"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "A development area without follow-up (none stated, or 'Ingen uppföljning').";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind)) return {};
    std::vector<Finding> out;
    for (const Area& a : doc.areas) {
      if (a.follow_up == FollowUp::kEmpty)
        out.push_back(Make(ctx, a.follow_up_span, {"area.no-follow-up.empty", {a.name}}, a.follow_up_quote));
      else if (a.follow_up == FollowUp::kAbsent)
        out.push_back(Make(ctx, a.span, {"area.no-follow-up.absent", {a.name}}, a.name));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAreaNoFollowUpRule() { return std::make_unique<AreaNoFollowUpRule>(); }

}  // namespace overens
