// text.placeholder: A draft remnant such as '(lägg in URL)', 'XX' or '[datum]' is left in the text.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class TextPlaceholderRule final : public Rule {
 public:
  std::string_view id() const override { return "text.placeholder"; }
  Severity severity() const override { return Severity::kError; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "A draft remnant such as '(lägg in URL)', 'XX' or '[datum]' is left in the text.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (doc.kind == DocumentKind::kRevision) return {};
    std::vector<Finding> out;
    for (const Placeholder& p : doc.placeholders)
      out.push_back(Make(ctx, p.span, {"text.placeholder", {p.text}}, p.text));
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTextPlaceholderRule() { return std::make_unique<TextPlaceholderRule>(); }

}  // namespace overens
