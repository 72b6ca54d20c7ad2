// section.missing: A section the framework expects (giltighetstid, tvister, uppföljning, målgrupper, parter) is missing.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class SectionMissingRule final : public Rule {
 public:
  std::string_view id() const override { return "section.missing"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "A section the framework expects (giltighetstid, tvister, uppföljning, målgrupper, parter) is missing.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreement(doc.kind)) return {};
    std::vector<Finding> out;
    // What the text has instead, for the reader to judge.
    std::string found;
    for (const Section& x : doc.sections)
      if (found.find(x.heading) == std::string::npos) found += (found.empty() ? "" : ", ") + x.heading;
    Message evidence = found.empty() ? Message{"section.missing.none", {}} : Message{"section.missing.found", {found}};
    for (const FrameworkSection& s : ctx.ref.framework.sections) {
      if (!s.required) continue;
      bool present = std::any_of(doc.sections.begin(), doc.sections.end(), [&](const Section& x) { return x.id == s.id; });
      if (s.id == "malgrupper" && !doc.target_groups.empty()) present = true;
      if (s.id == "parter" && !doc.parties.empty()) present = true;
      if (s.id == "giltighetstid" && doc.validity) present = true;
      if (present) continue;
      out.push_back(Make(ctx, SourceSpan{1, 1, 0}, {"section.missing", {s.name}}, evidence,
                         Say(ctx, "section.missing.expects", {s.name})));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSectionMissingRule() { return std::make_unique<SectionMissingRule>(); }

}  // namespace overens
