#include "rules/registry.h"

#include <algorithm>

namespace overens {

std::unique_ptr<Rule> MakeTargetGroupMissingRule();
std::unique_ptr<Rule> MakeTargetGroupChangedRule();
std::unique_ptr<Rule> MakeTargetGroupAddedRule();
std::unique_ptr<Rule> MakePartyPrincipalMissingRule();
std::unique_ptr<Rule> MakePartyMunicipalityMissingRule();
std::unique_ptr<Rule> MakeSectionMissingRule();
std::unique_ptr<Rule> MakeDisputeIncompleteRule();
std::unique_ptr<Rule> MakeAreaMissingRule();
std::unique_ptr<Rule> MakeAreaAddedRule();
std::unique_ptr<Rule> MakeAreaNoFollowUpRule();
std::unique_ptr<Rule> MakeActivityNoActorRule();
std::unique_ptr<Rule> MakeActivityNoDeadlineRule();
std::unique_ptr<Rule> MakeDeadlinePassedRule();
std::unique_ptr<Rule> MakeDeadlineBeforeAgreementDateRule();
std::unique_ptr<Rule> MakeOutdatedFrameworkRule();
std::unique_ptr<Rule> MakeOutdatedLawRule();
std::unique_ptr<Rule> MakeOutdatedPlanPeriodEndedRule();
std::unique_ptr<Rule> MakeOutdatedAgreementAgeRule();
std::unique_ptr<Rule> MakeTextPlaceholderRule();
std::unique_ptr<Rule> MakeTableSumMismatchRule();

std::vector<std::unique_ptr<Rule>> RegisterAllRules() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(MakeTargetGroupMissingRule());
  rules.push_back(MakeTargetGroupChangedRule());
  rules.push_back(MakeTargetGroupAddedRule());
  rules.push_back(MakePartyPrincipalMissingRule());
  rules.push_back(MakePartyMunicipalityMissingRule());
  rules.push_back(MakeSectionMissingRule());
  rules.push_back(MakeDisputeIncompleteRule());
  rules.push_back(MakeAreaMissingRule());
  rules.push_back(MakeAreaAddedRule());
  rules.push_back(MakeAreaNoFollowUpRule());
  rules.push_back(MakeActivityNoActorRule());
  rules.push_back(MakeActivityNoDeadlineRule());
  rules.push_back(MakeDeadlinePassedRule());
  rules.push_back(MakeDeadlineBeforeAgreementDateRule());
  rules.push_back(MakeOutdatedFrameworkRule());
  rules.push_back(MakeOutdatedLawRule());
  rules.push_back(MakeOutdatedPlanPeriodEndedRule());
  rules.push_back(MakeOutdatedAgreementAgeRule());
  rules.push_back(MakeTextPlaceholderRule());
  rules.push_back(MakeTableSumMismatchRule());
  return rules;
}

std::vector<Finding> RunRules(const std::vector<std::unique_ptr<Rule>>& rules, const Document& doc,
                              const ReferenceData& ref, const CheckOptions& options) {
  RuleContext ctx{doc, ref, options};
  std::vector<Finding> out;
  for (const auto& rule : rules) {
    auto found = rule->Check(ctx);
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  // Sorted through indexes: a Finding is many strings, costly to move about.
  std::vector<size_t> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(out[a].span.line, out[a].rule) < std::tie(out[b].span.line, out[b].rule);
  });
  std::vector<Finding> sorted;
  sorted.reserve(out.size());
  for (size_t i : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

}  // namespace overens
