// deadline.passed: A deadline ended before the --as-of date.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class DeadlinePassedRule final : public Rule {
 public:
  std::string_view id() const override { return "deadline.passed"; }
  Severity severity() const override { return Severity::kWarning; }
  std::string_view description() const override {
    return "A deadline ended before the --as-of date.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind)) return {};
    std::vector<Finding> out;
    for (const DateSpan& d : doc.dates)
      if (d.role == DateRole::kDeadline && d.end && *d.end < ctx.options.as_of)
        out.push_back(Make(ctx, d.span, "deadline '" + d.text + "' ended " + d.end->ToString() + ", before " +
                                            ctx.options.as_of.ToString(), d.text));
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDeadlinePassedRule() { return std::make_unique<DeadlinePassedRule>(); }

}  // namespace overens
