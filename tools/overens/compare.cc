// overens compare OLD NEW: typed differences between two agreements.
#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>

#include "model/json_io.h"
#include "rules/rule.h"
#include "tools/overens/commands.h"

namespace overens {
namespace {

struct Diff {
  std::string kind;  // compare.target-group, compare.area, ...
  std::string message, old_text, new_text;
  int old_line = 0, new_line = 0;
};

// Items of a and b matched by key(); one only in a or b is a Diff named
// by name(key).
template <typename T, typename KeyFn, typename TextFn, typename NameFn>
void DiffLists(const std::vector<T>& a, const std::vector<T>& b, const std::string& kind, const std::string& what,
               KeyFn key, TextFn text, NameFn name, std::vector<Diff>& out) {
  std::map<std::string, const T*> in_a, in_b;
  for (const T& x : a) in_a.emplace(key(x), &x);
  for (const T& x : b) in_b.emplace(key(x), &x);
  for (auto& [k, x] : in_a)
    if (!in_b.count(k)) out.push_back({kind, what + " '" + name(k) + "' only in the first", text(*x), "", x->span.line, 0});
  for (auto& [k, x] : in_b)
    if (!in_a.count(k)) out.push_back({kind, what + " '" + name(k) + "' only in the second", "", text(*x), 0, x->span.line});
}

template <typename T, typename KeyFn, typename TextFn>
void DiffLists(const std::vector<T>& a, const std::vector<T>& b, const std::string& kind, const std::string& what,
               KeyFn key, TextFn text, std::vector<Diff>& out) {
  DiffLists(a, b, kind, what, key, text, [](const std::string& k) { return k; }, out);
}

// "1. Berörda chefer; 2. SSP": a ladder in one line.
std::string Ladder(const Document& d) {
  std::string out;
  for (const DisputeStep& s : d.dispute_steps) out += (out.empty() ? "" : "; ") + std::to_string(s.order) + ". " + s.actor;
  return out.empty() ? "-" : out;
}

std::vector<Diff> Differences(const Document& a, const Document& b, const ReferenceData& ref) {
  std::vector<Diff> out;
  auto tg_key = [](const TargetGroup& g) { return g.framework_id.value_or(g.text); };
  DiffLists(a.target_groups, b.target_groups, "compare.target-group", "target group", tg_key,
            [](const TargetGroup& g) { return g.text; }, out);
  for (const TargetGroup& x : a.target_groups)
    for (const TargetGroup& y : b.target_groups)
      if (x.framework_id && x.framework_id == y.framework_id && x.deviation != y.deviation)
        out.push_back({"compare.target-group", *x.framework_id + ": " + std::string(ToString(x.deviation)) + " -> " +
                                                   std::string(ToString(y.deviation)), x.text, y.text, x.span.line, y.span.line});
  auto area_key = [](const Area& ar) { return ar.framework_id.value_or(ar.name); };
  DiffLists(a.areas, b.areas, "compare.area", "area", area_key, [](const Area& ar) { return ar.name; }, out);
  auto party_key = [](const Party& p) { return std::string(ToString(p.principal)) + ": " + p.text; };
  DiffLists(a.parties, b.parties, "compare.party", "party", party_key, [](const Party& p) { return p.text; }, out);
  auto section_key = [](const Section& s) { return s.id; };
  auto section_name = [&](const std::string& id) {
    for (const FrameworkSection& s : ref.framework.sections)
      if (s.id == id) return s.name;
    return id;
  };
  DiffLists(a.sections, b.sections, "compare.section", "section", section_key, [](const Section& s) { return s.heading; },
            section_name, out);
  if (a.delregion != b.delregion)
    out.push_back({"compare.delregion", "delregion differs", a.delregion.value_or("-"), b.delregion.value_or("-"), 1, 1});
  auto until = [](const Document& d) {
    if (!d.validity) return std::string("-");
    const Validity& v = *d.validity;
    if (!v.until) return std::string(v.until_further_notice ? "tills vidare" : "-");
    return v.until->ToString() + (v.renewed_until ? " (förlängs till " + v.renewed_until->ToString() + ")" : "");
  };
  if (until(a) != until(b))
    out.push_back({"compare.validity", "valid until differs", until(a), until(b), a.validity ? a.validity->span.line : 0,
                   b.validity ? b.validity->span.line : 0});
  auto notice = [](const Document& d) { return d.validity && d.validity->notice_months ? std::to_string(*d.validity->notice_months) : "-"; };
  if (notice(a) != notice(b))
    out.push_back({"compare.validity", "notice period (months) differs", notice(a), notice(b),
                   a.validity ? a.validity->span.line : 0, b.validity ? b.validity->span.line : 0});
  auto first_step_line = [](const Document& d) { return d.dispute_steps.empty() ? 0 : d.dispute_steps.front().span.line; };
  if (a.dispute_steps.size() != b.dispute_steps.size())
    out.push_back({"compare.dispute", "dispute ladder has " + std::to_string(a.dispute_steps.size()) + " vs " +
                                          std::to_string(b.dispute_steps.size()) + " steps",
                   Ladder(a), Ladder(b), first_step_line(a), first_step_line(b)});
  return out;
}

}  // namespace

int RunCompare(const CommandEnv& env) {
  std::vector<Document> docs;
  for (const std::string& path : env.options.inputs) {
    auto d = LoadInput(env, path);
    if (!d.ok()) {
      ReportError(env, d.status());
      return ExitCodeFor(d.status());
    }
    docs.push_back(std::move(d).value().doc);
  }
  std::vector<Diff> diffs = Differences(docs[0], docs[1], env.pipeline.reference());
  std::vector<Finding> findings;
  for (const Diff& d : diffs) {
    Finding f;
    f.rule = d.kind;
    f.severity = Severity::kInfo;
    f.file = d.new_line ? docs[1].file : docs[0].file;
    f.span.line = d.new_line ? d.new_line : d.old_line;
    f.message = d.message;
    f.evidence = d.new_text.empty() ? d.old_text : d.new_text;
    f.framework_quote = d.new_line && !d.old_text.empty() ? d.old_text : "";
    f.id = StableFindingId(f.rule, f.file, f.message);
    findings.push_back(std::move(f));
  }
  if (env.options.format == "json") {
    env.out << FindingsToJson(findings) << "\n";
  } else {
    for (const Diff& d : diffs) {
      env.out << (d.new_line ? docs[1].file + ":" + std::to_string(d.new_line) : docs[0].file + ":" + std::to_string(d.old_line))
              << ": " << d.message << " [" << d.kind << "]\n";
      if (!d.old_text.empty()) env.out << "    first:  \"" << d.old_text << "\"\n";
      if (!d.new_text.empty()) env.out << "    second: \"" << d.new_text << "\"\n";
    }
  }
  return diffs.empty() ? kExitOk : kExitFindings;
}

}  // namespace overens
