#include "model/reference_data.h"

#include <algorithm>
#include <sstream>

#include <pugixml.hpp>

namespace overens {
namespace {

Result<pugi::xml_node> Root(pugi::xml_document& doc, const std::string& text, const char* part,
                            const char* root_name) {
  pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size());
  if (!r) {
    return Status::DataError(std::string(part) + " reference data, at byte " + std::to_string(r.offset) + ": " +
                             r.description());
  }
  pugi::xml_node root = doc.child(root_name);
  if (!root) return Status::DataError(std::string(part) + " reference data: expected root <" + root_name + ">");
  return root;
}

std::optional<CivilDate> DateAttr(pugi::xml_node n, const char* name) {
  return CivilDate::Parse(n.attribute(name).as_string());
}

std::vector<std::string> Words(std::string_view text) {
  std::istringstream is{std::string(text)};
  std::vector<std::string> out;
  for (std::string w; is >> w;) out.push_back(w);
  return out;
}

Status LoadFramework(const std::string& text, Framework& fw) {
  pugi::xml_document doc;
  auto root = Root(doc, text, "framework", "framework");
  if (!root.ok()) return root.status();
  pugi::xml_node f = root.value();
  fw.id = f.attribute("id").as_string();
  fw.county = f.attribute("county").as_string("Skåne");
  fw.name = f.attribute("name").as_string();
  auto date = DateAttr(f, "date");
  if (!date) return Status::DataError("framework reference data: <framework> needs date=\"YYYY-MM-DD\"");
  fw.date = *date;
  for (auto n : f.children("superseded")) {
    auto d = DateAttr(n, "date");
    if (!d) return Status::DataError("framework reference data: <superseded> needs a date");
    fw.superseded.push_back({*d, n.attribute("name").as_string()});
  }
  for (auto n : f.children("target-group")) fw.target_groups.push_back({n.attribute("id").as_string(), n.text().get()});
  for (auto n : f.children("goal")) fw.goals.push_back({n.attribute("id").as_string(), n.text().get()});
  for (auto n : f.children("area"))
    fw.areas.push_back({n.attribute("id").as_string(), n.attribute("name").as_string(),
                        n.attribute("kind").as_string(), n.attribute("pattern").as_string()});
  for (auto n : f.children("section"))
    fw.sections.push_back({n.attribute("id").as_string(), n.attribute("pattern").as_string(), n.attribute("required").as_bool(),
                           n.attribute("name").as_string(n.attribute("id").as_string())});
  for (auto n : f.children("dispute-end"))
    fw.dispute_ends.push_back({n.attribute("id").as_string(), n.attribute("pattern").as_string()});
  if (fw.target_groups.empty()) return Status::DataError("framework reference data: no <target-group>");
  return Status::Ok();
}

Status LoadDelregions(const std::string& text, std::vector<Delregion>& out) {
  pugi::xml_document doc;
  auto root = Root(doc, text, "delregions", "delregions");
  if (!root.ok()) return root.status();
  for (auto n : root.value().children("delregion")) {
    Delregion d;
    d.name = n.attribute("name").as_string();
    for (auto a : n.children("alias")) d.aliases.push_back(a.text().get());
    for (auto k : n.children("kommun")) d.kommuner.push_back(k.text().get());
    out.push_back(std::move(d));
  }
  return Status::Ok();
}

Status LoadCounties(const std::string& text, ReferenceData& data) {
  pugi::xml_document doc;
  auto root = Root(doc, text, "counties", "counties");
  if (!root.ok()) return root.status();
  for (auto n : root.value().children("county")) {
    County c;
    c.code = n.attribute("code").as_string();
    c.name = n.attribute("name").as_string();
    c.lan = n.attribute("lan").as_string();
    c.region = n.attribute("region").as_string();
    if (c.name.empty()) return Status::DataError("counties reference data: <county> at byte " + std::to_string(n.offset_debug()) + " needs a name");
    for (auto a : n.children("alias")) c.names.push_back({a.text().get(), a.attribute("weak").as_bool(false)});
    for (auto k : n.children("kommun")) c.kommuner.push_back(k.text().get());
    data.counties.push_back(std::move(c));
  }
  for (auto n : root.value().children("national")) data.national_bodies.push_back(n.text().get());
  return Status::Ok();
}

Status LoadMessages(const std::string& text, ReferenceData& data) {
  pugi::xml_document doc;
  auto root = Root(doc, text, "messages", "messages");
  if (!root.ok()) return root.status();
  for (auto n : root.value().children("message"))
    data.messages[n.attribute("id").as_string()] = MessageText{n.attribute("sv").as_string(), n.attribute("en").as_string()};
  return Status::Ok();
}

Status LoadLaws(const std::string& text, std::vector<Law>& out) {
  pugi::xml_document doc;
  auto root = Root(doc, text, "laws", "laws");
  if (!root.ok()) return root.status();
  for (auto n : root.value().children("law")) {
    Law l;
    l.id = n.attribute("id").as_string();
    l.sfs = n.attribute("sfs").as_string();
    l.name = n.attribute("name").as_string();
    l.abbrev = n.attribute("abbrev").as_string();
    l.name_pattern = n.attribute("name-pattern").as_string();
    l.replaced_by = n.attribute("replaced-by").as_string();
    l.in_force = DateAttr(n, "in-force");
    l.replaced_on = DateAttr(n, "replaced-on");
    out.push_back(std::move(l));
  }
  return Status::Ok();
}

Status LoadVocabulary(const std::string& text, Vocabulary& v) {
  pugi::xml_document doc;
  auto root = Root(doc, text, "vocabulary", "vocabulary");
  if (!root.ok()) return root.status();
  pugi::xml_node r = root.value();
  for (auto n : r.children("variant")) v.variants.emplace_back(n.attribute("from").as_string(), n.attribute("to").as_string());
  for (auto& w : Words(r.child("verbs").text().get())) v.verbs.insert(w);
  for (auto& w : Words(r.child("actor-heads").text().get())) v.actor_heads.insert(w);
  for (auto n : r.children("placeholder")) v.placeholders.push_back(n.text().get());
  for (auto n : r.children("renamed")) {
    std::string current = n.attribute("current").as_string();
    if (current.empty() || !*n.text().get())
      return Status::DataError(std::string("vocabulary.xml: <renamed> at offset ") + std::to_string(n.offset_debug()) +
                               " needs a pattern and a current=\"...\" name");
    v.renamed.emplace_back(n.text().get(), current);
  }
  v.empty_follow_up = r.child("empty-follow-up").text().get();
  for (auto n : r.children("kind-name")) v.kind_names.emplace_back(n.attribute("kind").as_string(), n.text().get());
  v.audit_heading = r.child("audit-heading").text().get();
  pugi::xml_node columns = r.child("table-columns");
  for (auto [attribute, words] : {std::pair{"activity", &v.activity_columns},
                                  {"responsible", &v.responsible_columns},
                                  {"due", &v.due_columns},
                                  {"status", &v.status_columns},
                                  {"follow-up", &v.follow_up_columns},
                                  {"area", &v.area_columns},
                                  {"done", &v.done_words}})
    for (auto& w : Words(columns.attribute(attribute).as_string())) words->insert(w);
  return Status::Ok();
}

}  // namespace

std::string ReferenceData::Say(Language language, std::string_view id, std::span<const std::string_view> args) const {
  auto found = messages.find(id);
  if (found == messages.end()) return std::string(id);
  const std::string& text = language == Language::kEnglish || found->second.sv.empty() ? found->second.en : found->second.sv;
  std::string out;
  out.reserve(text.size() + 32);
  for (size_t i = 0; i < text.size(); ++i) {
    size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (close != std::string::npos && close > i + 1 && close - i <= 3 &&
        std::all_of(text.begin() + static_cast<long>(i) + 1, text.begin() + static_cast<long>(close), digit)) {
      size_t k = static_cast<size_t>(std::stoi(text.substr(i + 1, close - i - 1)));
      if (k < args.size()) out.append(args[k]);
      i = close;
      continue;
    }
    out += text[i];
  }
  return out;
}

const Law* ReferenceData::FindLaw(std::string_view id) const {
  for (const Law& l : laws)
    if (l.id == id) return &l;
  return nullptr;
}

Result<ReferenceData> LoadReferenceData(const ReferenceSources& sources) {
  ReferenceData data;
  for (Status s : {LoadFramework(sources.framework, data.framework), LoadDelregions(sources.delregions, data.delregions),
                   LoadLaws(sources.laws, data.laws), LoadVocabulary(sources.vocabulary, data.vocabulary),
                   LoadCounties(sources.counties, data), LoadMessages(sources.messages, data)}) {
    if (!s.ok()) return s;
  }
  return data;
}

}  // namespace overens
