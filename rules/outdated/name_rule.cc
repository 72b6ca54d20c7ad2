// outdated.name: The text names an organisation by a name it no longer has.
#include "rules/rule.h"

namespace overens {
namespace {

class OutdatedNameRule final : public Rule {
 public:
  std::string_view id() const override { return "outdated.name"; }
  Severity severity() const override { return Severity::kInfo; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "The text names an organisation by a name it no longer has (landstinget, Kommunförbundet Skåne, SKL).";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    if (!IsAgreementOrPlan(ctx.doc.kind)) return {};
    std::vector<Finding> out;
    for (const OldName& n : ctx.doc.old_names)
      out.push_back(Make(ctx, n.span, {"outdated.name", {n.text, n.current}}, n.text, n.current));
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOutdatedNameRule() { return std::make_unique<OutdatedNameRule>(); }

}  // namespace overens
