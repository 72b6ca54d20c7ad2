// deadline.before-agreement-date: A deadline ends before the agreement's own date: it was already past when signed.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class DeadlineBeforeAgreementDateRule final : public Rule {
 public:
  std::string_view id() const override { return "deadline.before-agreement-date"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "A deadline ends before the agreement's own date: it was already past when signed.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind) || !doc.date) return {};
    std::vector<Finding> out;
    for (const DateSpan& d : doc.dates)
      if (d.role == DateRole::kDeadline && d.end && *d.end < *doc.date)
        out.push_back(Make(ctx, d.span, {"deadline.before-agreement-date", {d.text, d.end->ToString(), doc.date->ToString()}}, d.text));
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDeadlineBeforeAgreementDateRule() { return std::make_unique<DeadlineBeforeAgreementDateRule>(); }

}  // namespace overens
