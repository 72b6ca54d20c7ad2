// dispute.incomplete: The dispute ladder does not end at SSP and Centralt Samverkansorgan as in the framework.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class DisputeIncompleteRule final : public Rule {
 public:
  std::string_view id() const override { return "dispute.incomplete"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "The dispute ladder does not end at SSP and Centralt Samverkansorgan as in the framework.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreement(doc.kind) || doc.dispute_steps.empty()) return {};
    std::vector<Finding> out;
    for (const FrameworkItem& end : ctx.ref.framework.dispute_ends) {
      bool present = std::any_of(doc.dispute_steps.begin(), doc.dispute_steps.end(),
                                 [&](const DisputeStep& s) { return s.body == end.id; });
      if (present) continue;
      const DisputeStep& last = doc.dispute_steps.back();
      out.push_back(Make(ctx, last.span, {"dispute.incomplete", {end.id}}, last.actor,
                         "tvister lyfts stegvis till Skånegemensam samverkansgrupp psykiatri (SSP) och Centralt Samverkansorgan"));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDisputeIncompleteRule() { return std::make_unique<DisputeIncompleteRule>(); }

}  // namespace overens
