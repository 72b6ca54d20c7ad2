// party.principal-missing: The parties list names units of only one principal (kommun or region).
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class PartyPrincipalMissingRule final : public Rule {
 public:
  std::string_view id() const override { return "party.principal-missing"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "The parties list names units of only one principal (kommun or region).";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreement(doc.kind) || doc.parties.empty()) return {};
    std::vector<Finding> out;
    for (Principal p : {Principal::kKommun, Principal::kRegion}) {
      bool present = std::any_of(doc.parties.begin(), doc.parties.end(), [&](const Party& x) { return x.principal == p; });
      if (!present)
        out.push_back(Make(ctx, doc.parties.front().span,
                           Message{"party.principal-missing", {std::string(ToString(p))}},
                           doc.parties.front().text, "Parter: kommun (t.ex. socialtjänst, skola) och region (t.ex. BUP, vuxenpsykiatri)"));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakePartyPrincipalMissingRule() { return std::make_unique<PartyPrincipalMissingRule>(); }

}  // namespace overens
