// outdated.law: The text cites a law that has been replaced (e.g. SoL 2001:453, replaced 2025-07-01).
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class OutdatedLawRule final : public Rule {
 public:
  std::string_view id() const override { return "outdated.law"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "The text cites a law that has been replaced (e.g. SoL 2001:453, replaced 2025-07-01).";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreementOrPlan(doc.kind)) return {};
    // When the text was written: its date, its validity start or its plan period.
    std::optional<CivilDate> written = doc.date;
    if (!written && doc.validity && doc.validity->from) written = doc.validity->from;
    if (!written && doc.plan_period && doc.plan_period->start) written = doc.plan_period->start;
    std::vector<Finding> out;
    std::vector<std::pair<int, std::string>> seen;  // (line, law): one finding per law and line
    for (const LegalReference& r : doc.legal_references) {
      const Law* law = r.law_id ? ctx.ref.FindLaw(*r.law_id) : nullptr;
      if (!law || !law->replaced_on || ctx.options.as_of < *law->replaced_on || r.named_as_replaced) continue;
      // A bare "SoL" after the change means the new law; only a printed SFS number or an older text is certain.
      bool certain = r.sfs.has_value() || (written && *written < *law->replaced_on);
      std::pair<int, std::string> key{r.span.line, law->id};
      if (!certain || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(std::move(key));
      const Law* next = ctx.ref.FindLaw(law->replaced_by);
      out.push_back(Make(ctx, r.span,
                         next ? Message{"outdated.law.by", {law->name, law->replaced_on->ToString(), next->name}}
                              : Message{"outdated.law", {law->name, law->replaced_on->ToString()}},
                         r.text, next ? next->name : ""));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOutdatedLawRule() { return std::make_unique<OutdatedLawRule>(); }

}  // namespace overens
