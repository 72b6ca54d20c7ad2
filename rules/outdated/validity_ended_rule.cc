// outdated.validity-ended: The agreement's period of validity ended before the --as-of date.
#include "rules/rule.h"

namespace overens {
namespace {

class OutdatedValidityEndedRule final : public Rule {
 public:
  std::string_view id() const override { return "outdated.validity-ended"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "The agreement's period of validity (giltighetstid) ended before the --as-of date.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind) || !doc.validity) return {};
    const Validity& v = *doc.validity;
    // "... och därefter tills vidare": the agreement goes on after the date.
    if (!v.until || v.until_further_notice || !(*v.LastValidDay() < ctx.options.as_of)) return {};
    Message message = v.renewed_until ? Message{"outdated.validity-ended.renewed", {v.until->ToString(), v.renewed_until->ToString(),
                                                                                    ctx.options.as_of.ToString()}}
                                      : Message{"outdated.validity-ended", {v.until->ToString(), ctx.options.as_of.ToString()}};
    if (const DateSpan* d = UntilDate(doc, v)) return {Make(ctx, d->span, message, d->text)};
    return {Make(ctx, v.span, message, "till och med " + v.until->ToString())};
  }

 private:
  // The date that sets the end ("fr.o.m. 2022-09-01 t.o.m. 2026-08-31",
  // a title's "2018–2020"), where it is written.
  static const DateSpan* UntilDate(const Document& doc, const Validity& v) {
    for (const DateSpan& d : doc.dates)
      if (d.end == v.until && (d.role == DateRole::kValidFrom || d.role == DateRole::kStart || !d.start || d.span == v.span))
        return &d;
    return nullptr;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOutdatedValidityEndedRule() { return std::make_unique<OutdatedValidityEndedRule>(); }

}  // namespace overens
