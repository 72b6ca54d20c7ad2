// The explicit list of every rule, and the engine that runs them.
#pragma once

#include <memory>
#include <vector>

#include "rules/rule.h"

namespace overens {

// Every rule, in the order `overens rules` lists them.
std::vector<std::unique_ptr<Rule>> RegisterAllRules();

// Runs all rules on one document; findings sorted by line, then rule id.
std::vector<Finding> RunRules(const std::vector<std::unique_ptr<Rule>>& rules, const Document& doc,
                              const ReferenceData& ref, const CheckOptions& options);

}  // namespace overens
