// area.missing: A framework development area is not among the agreement's areas.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class AreaMissingRule final : public Rule {
 public:
  std::string_view id() const override { return "area.missing"; }
  Severity severity() const override { return Severity::kInfo; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "A framework development area is not among the agreement's areas.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    // A local plan may pick a few areas; only an agreement is expected to cover them all.
    if (!IsAgreement(doc.kind)) return {};
    int mapped = 0;
    for (const Area& a : doc.areas) mapped += a.framework_id.has_value();
    if (mapped < 3) return {};  // no development-area plan to compare
    std::vector<Finding> out;
    for (const FrameworkArea& fa : ctx.ref.framework.areas) {
      bool present = std::any_of(doc.areas.begin(), doc.areas.end(), [&](const Area& a) { return a.framework_id == fa.id; });
      if (!present)
        out.push_back(Make(ctx, doc.areas.front().span, {"area.missing", {fa.id}},
                           Message{"area.missing.evidence", {std::to_string(doc.areas.size())}}, fa.name));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAreaMissingRule() { return std::make_unique<AreaMissingRule>(); }

}  // namespace overens
