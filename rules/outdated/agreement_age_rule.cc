// outdated.agreement-age: The agreement is older than the review interval (--review-years, default 4).
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class OutdatedAgreementAgeRule final : public Rule {
 public:
  std::string_view id() const override { return "outdated.agreement-age"; }
  Severity severity() const override { return Severity::kWarning; }
  std::string_view description() const override {
    return "The agreement is older than the review interval (--review-years, default 4).";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreement(doc.kind) || !doc.date) return {};
    int age = doc.date->YearsUntil(ctx.options.as_of);
    if (age < ctx.options.review_years) return {};
    SourceSpan span{1, 1, 0};
    for (const DateSpan& d : doc.dates)
      if (d.role == DateRole::kAgreementDate) span = d.span;
    return {Make(ctx, span, "agreement dated " + doc.date->ToString() + " is " + std::to_string(age) +
                                " years old; review interval is " + std::to_string(ctx.options.review_years) + " years",
                 doc.date->ToString())};
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOutdatedAgreementAgeRule() { return std::make_unique<OutdatedAgreementAgeRule>(); }

}  // namespace overens
