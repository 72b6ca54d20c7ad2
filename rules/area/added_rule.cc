// area.added: A development area the framework does not have.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class AreaAddedRule final : public Rule {
 public:
  std::string_view id() const override { return "area.added"; }
  Severity severity() const override { return Severity::kInfo; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "A development area the framework does not have.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (doc.kind == DocumentKind::kRevision || doc.kind == DocumentKind::kRamoverenskommelse) return {};
    std::vector<Finding> out;
    for (const Area& a : doc.areas)
      if (!a.framework_id) out.push_back(Make(ctx, a.span, {"area.added", {a.name}}, a.name));
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAreaAddedRule() { return std::make_unique<AreaAddedRule>(); }

}  // namespace overens
