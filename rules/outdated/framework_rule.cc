// outdated.framework: The text builds on a framework that has been replaced (2013-06-10, 2015-03-16).
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class OutdatedFrameworkRule final : public Rule {
 public:
  std::string_view id() const override { return "outdated.framework"; }
  Severity severity() const override { return Severity::kError; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "The text builds on a framework that has been replaced (2013-06-10, 2015-03-16).";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind)) return {};
    std::vector<Finding> out;
    for (const DateSpan& d : doc.dates) {
      // Its day, or its year ("ramöverenskommelserna från 2013 och 2015").
      bool day = d.grain == Grain::kDay, year = d.grain == Grain::kYear;
      if (d.role != DateRole::kFrameworkDate || !(day || year) || !d.start || !d.end) continue;
      for (const SupersededFramework& s : ctx.ref.framework.superseded)
        if (day ? *d.start == s.date : (*d.start <= s.date && s.date <= *d.end))
          out.push_back(Make(ctx, d.span, {"outdated.framework", {s.date.ToString(), ctx.ref.framework.date.ToString()}}, d.text,
                                  ctx.ref.framework.name));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOutdatedFrameworkRule() { return std::make_unique<OutdatedFrameworkRule>(); }

}  // namespace overens
