// table.sum-mismatch: A table row's printed total differs from the sum of its amounts.
#include <algorithm>

#include "rules/rule.h"

namespace overens {
namespace {

class TableSumMismatchRule final : public Rule {
 public:
  std::string_view id() const override { return "table.sum-mismatch"; }
  Severity severity() const override { return Severity::kError; }
  RuleScope scope() const override { return RuleScope::kGeneral; }
  std::string_view description() const override {
    return "A table row's printed total differs from the sum of its amounts.";
  }
  std::vector<Finding> Check(const RuleContext& ctx) const override {
    std::vector<Finding> out;
    for (const TableRow& r : ctx.doc.table_rows) {
      if (!r.readable || !r.printed_total) continue;
      long long sum = 0;
      for (long long c : r.cells) sum += c;
      if (sum == *r.printed_total) continue;
      out.push_back(Make(ctx, r.span, {"table.sum-mismatch", {r.label, std::to_string(sum), std::to_string(*r.printed_total)}}, r.raw));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTableSumMismatchRule() { return std::make_unique<TableSumMismatchRule>(); }

}  // namespace overens
