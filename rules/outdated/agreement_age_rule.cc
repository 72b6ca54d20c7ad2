// outdated.agreement-age: The agreement is older than the review interval (--review-years, default 4).
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class OutdatedAgreementAgeRule final : public Rule {
 public:
  std::string_view id() const override { return "outdated.agreement-age"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "The agreement is older than the review interval (--review-years, default 4).";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if ((!IsAgreement(doc.kind) && doc.kind != DocumentKind::kRamoverenskommelse) || !doc.date) return {};
    // Its age counts from its last revision, when the text names one ("Reviderad 2024-05-01").
    CivilDate since = *doc.date;
    SourceSpan span{1, 1, 0};
    std::string quote = doc.date->ToString(), revised;  // the last revision's date, when after the agreement's
    for (const DateSpan& d : doc.dates) {
      if (d.role == DateRole::kAgreementDate && revised.empty()) span = d.span;
      if (d.role == DateRole::kRevised && d.start && since < *d.start && !(ctx.options.as_of < *d.start)) {
        since = *d.start, span = d.span, quote = d.text;
        revised = d.start->ToString();
      }
    }
    int age = since.YearsUntil(ctx.options.as_of);
    if (age < ctx.options.review_years) return {};
    std::string years = std::to_string(age), interval = std::to_string(ctx.options.review_years);
    Message m = revised.empty() ? Message{"outdated.agreement-age", {doc.date->ToString(), years, interval}}
                                : Message{"outdated.agreement-age.revised", {doc.date->ToString(), revised, years, interval}};
    return {Make(ctx, span, m, quote)};
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOutdatedAgreementAgeRule() { return std::make_unique<OutdatedAgreementAgeRule>(); }

}  // namespace overens
