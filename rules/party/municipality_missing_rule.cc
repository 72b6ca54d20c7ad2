// party.municipality-missing: A kommun of the agreement's delregion is not named as party.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

class PartyMunicipalityMissingRule final : public Rule {
 public:
  std::string_view id() const override { return "party.municipality-missing"; }
  Severity severity() const override { return Severity::kWarning; }
  RuleScope scope() const override { return RuleScope::kFramework; }
  std::string_view description() const override {
    return "A kommun of the agreement's delregion is not named as party.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    const Document& doc = ctx.doc;
    if (!IsAgreement(doc.kind) || !doc.delregion || doc.municipalities.empty()) return {};
    std::vector<Finding> out;
    for (const Delregion& d : ctx.ref.delregions) {
      if (d.name != *doc.delregion) continue;
      // An agreement that never names its delregion and names at most half
      // of its kommuner ("mellan Lunds kommun, Lomma kommun och Region
      // Skåne") is those kommuners' own; naming most of them makes it the
      // delregion's, and the rest are missing.
      std::vector<const std::string*> missing;
      for (const std::string& k : d.kommuner)
        if (std::find(doc.municipalities.begin(), doc.municipalities.end(), k) == doc.municipalities.end()) missing.push_back(&k);
      size_t named = d.kommuner.size() - missing.size();
      if (!doc.delregion_named && named * 2 <= d.kommuner.size()) return {};
      for (const std::string* k : missing) {
        SourceSpan span = doc.parties.empty() ? SourceSpan{1, 1, 0} : doc.parties.front().span;
        out.push_back(Make(ctx, span, {"party.municipality-missing", {*k, d.name}},
                           Message{"party.municipality-missing.evidence", {Join(doc.municipalities)}},
                           "delregion " + d.name + ": " + Join(d.kommuner)));
      }
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakePartyMunicipalityMissingRule() { return std::make_unique<PartyMunicipalityMissingRule>(); }

}  // namespace overens
