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
std::unique_ptr<Rule> MakeOutdatedValidityEndedRule();
std::unique_ptr<Rule> MakeOutdatedNameRule();
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
  rules.push_back(MakeOutdatedValidityEndedRule());
  rules.push_back(MakeOutdatedNameRule());
  rules.push_back(MakeOutdatedAgreementAgeRule());
  rules.push_back(MakeTextPlaceholderRule());
  rules.push_back(MakeTableSumMismatchRule());
  return rules;
}

namespace {

bool Names(std::string_view entry, std::string_view id) {
  return entry == id || (id.starts_with(entry) && id.size() > entry.size() && id[entry.size()] == '.');
}

// "target-group, party, ...": the groups of `rules`, in their order.
std::string Groups(const std::vector<std::unique_ptr<Rule>>& rules) {
  std::vector<std::string_view> groups;
  for (const auto& r : rules) {
    std::string_view g = r->id().substr(0, r->id().find('.'));
    if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  }
  std::string out;
  for (std::string_view g : groups) out += std::string(out.empty() ? "" : ", ") + std::string(g);
  return out;
}

}  // namespace

Result<std::vector<std::unique_ptr<Rule>>> SelectRules(const RuleSelection& selection) {
  std::vector<std::unique_ptr<Rule>> all = RegisterAllRules();
  for (const auto* entries : {&selection.only, &selection.ignore})
    for (const std::string& e : *entries)
      if (std::none_of(all.begin(), all.end(), [&](const auto& r) { return Names(e, r->id()); }))
        return Status::Usage("no rule is named '" + e + "'; give a rule id (see overens rules) or a group: " + Groups(all));
  auto named_by = [](const std::vector<std::string>& entries, std::string_view id) {
    return std::any_of(entries.begin(), entries.end(), [&](const std::string& e) { return Names(e, id); });
  };
  std::vector<std::unique_ptr<Rule>> kept;
  for (auto& r : all) {
    if (!selection.only.empty() && !named_by(selection.only, r->id())) continue;
    if (named_by(selection.ignore, r->id())) continue;
    if (r->severity() > selection.min_severity) continue;  // kError < kWarning < kInfo
    kept.push_back(std::move(r));
  }
  return kept;
}

namespace {

const County* FindCounty(const ReferenceData& ref, std::string_view name) {
  for (const County& c : ref.counties)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace

RuleScope WidestScope(const Document& doc, const ReferenceData& ref) {
  return doc.region && *doc.region == ref.framework.county ? RuleScope::kFramework : RuleScope::kGeneral;
}

DocumentScope ScopeOf(const Document& doc, const ReferenceData& ref, Language language) {
  DocumentScope scope{WidestScope(doc, ref), ""};
  bool framework_county = scope.widest == RuleScope::kFramework;
  bool understood = doc.kind != DocumentKind::kAnnat && doc.kind != DocumentKind::kRevision;
  std::string kind(ToString(doc.kind));
  if (!understood) {
    std::string why = doc.kind_evidence ? ref.Say(language, "note.why.title", {doc.kind_evidence->text})
                                        : ref.Say(language, "note.why.none");
    scope.note = ref.Say(language, "note.read-as", {ref.Say(language, "kind." + kind), why});
  }
  if (framework_county) return scope;
  std::string phrase = ref.Say(language, "phrase." + (understood ? kind : std::string("annat")));
  std::string whose;
  if (doc.region) {
    const County* c = FindCounty(ref, *doc.region);
    whose = ref.Say(language, "note.of-region", {phrase, c && !c->region.empty() ? c->region : *doc.region});
  } else if (doc.region_evidence) {
    whose = ref.Say(language, "note.national", {phrase, doc.region_evidence->text});
  } else {
    whose = ref.Say(language, "note.no-county", {phrase});
  }
  scope.note += (scope.note.empty() ? "" : "; ") + ref.Say(language, "note.not-compared", {whose, ref.framework.county});
  return scope;
}

std::vector<Finding> RunRules(const std::vector<std::unique_ptr<Rule>>& rules, const Document& doc,
                              const ReferenceData& ref, const CheckOptions& options) {
  RuleContext ctx{doc, ref, options};
  RuleScope widest = WidestScope(doc, ref);
  std::vector<Finding> out;
  for (const auto& rule : rules) {
    if (rule->scope() == RuleScope::kFramework && widest == RuleScope::kGeneral) continue;
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
