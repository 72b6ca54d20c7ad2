// Reference data: the framework, delregions, laws and vocabularies. Loaded
// once from XML (embedded defaults, or files the user names) and then shared
// read-only by the extractor and the rules.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/civil_date.h"
#include "model/status.h"

namespace overens {

struct FrameworkItem {   // a target group or goal: id + wording
  std::string id;
  std::string text;
};
struct FrameworkArea {
  std::string id, name, kind, pattern;
};
struct FrameworkSection {
  std::string id, pattern;
  bool required = false;
  std::string name;  // as a heading would say it ("Uppföljning"); the id when the data gives none
};
struct SupersededFramework {
  CivilDate date;
  std::string name;
};
struct Framework {
  std::string id, name;
  std::string county = "Skåne";  // the short name of the county whose framework it is
  CivilDate date;
  std::vector<SupersededFramework> superseded;
  std::vector<FrameworkItem> target_groups;
  std::vector<FrameworkItem> goals;
  std::vector<FrameworkArea> areas;
  std::vector<FrameworkSection> sections;
  std::vector<FrameworkItem> dispute_ends;  // text holds the pattern
};
struct Delregion {
  std::string name;
  std::vector<std::string> aliases;  // RE2 patterns
  std::vector<std::string> kommuner;
};
// A county (län) and the region that governs it: the names it is known by
// and its kommuner.
struct CountyName {
  std::string text;   // a literal, matched with its case at word bounds
  bool weak = false;  // names the land (a place, an adjective), not a body
};
struct County {
  std::string code, name, lan, region;  // "12", "Skåne", "Skåne län", "Region Skåne"
  std::vector<CountyName> names;
  std::vector<std::string> kommuner;
};
struct Law {
  std::string id, sfs, name, abbrev, name_pattern, replaced_by;
  std::optional<CivilDate> in_force, replaced_on;
};
struct Vocabulary {
  std::vector<std::pair<std::string, std::string>> variants;  // folded variant -> canonical
  std::unordered_set<std::string> verbs;
  std::unordered_set<std::string> actor_heads;
  std::vector<std::string> placeholders;  // RE2 patterns
  // Organisations that changed name: RE2 pattern of the old name -> the name used now.
  std::vector<std::pair<std::string, std::string>> renamed;
  std::string empty_follow_up;            // RE2 pattern
  // Kinds by the words of a title block, in order: (kind-name, RE2 pattern);
  // see vocabulary.xml.
  std::vector<std::pair<std::string, std::string>> kind_names;
  std::string audit_heading;  // RE2 pattern of headings only audit reports have
  // The first words of an action plan's activity table headings, by column:
  // what is done, who is responsible, by when.
  std::unordered_set<std::string> activity_columns, responsible_columns, due_columns, status_columns;
  std::unordered_set<std::string> follow_up_columns;  // how the activity is followed up ("Indikator", "Uppföljning")
  std::unordered_set<std::string> area_columns;       // the development area it serves ("Insatsområde")
  std::unordered_set<std::string> done_words;  // a status that starts with one says the activity is done ("klar")
};

// The language overens speaks to its users in: Swedish unless asked.
enum class Language { kSwedish, kEnglish };

// What overens says (messages.xml): per id, its Swedish and English text,
// with {0}, {1}, ... for the values it names.
struct MessageText {
  std::string sv, en;
};

struct ReferenceData {
  Framework framework;
  std::vector<Delregion> delregions;
  std::vector<Law> laws;
  Vocabulary vocabulary;
  std::vector<County> counties;
  std::vector<std::string> national_bodies;  // literals: whose documents are no county's
  std::map<std::string, MessageText, std::less<>> messages;

  // The message `id` in `language`, each {i} replaced by args[i]; the id
  // itself when the catalogue has no such message (a gap shows, never crashes).
  std::string Say(Language language, std::string_view id, std::span<const std::string_view> args) const;
  std::string Say(Language language, std::string_view id, std::initializer_list<std::string_view> args = {}) const {
    return Say(language, id, std::span<const std::string_view>(args.begin(), args.size()));
  }

  const Law* FindLaw(std::string_view id) const;
};

// The four XML texts reference data is made of.
struct ReferenceSources {
  std::string framework, delregions, laws, vocabulary, counties, messages;
};

// The defaults compiled into the binary from corpus/reference/.
ReferenceSources EmbeddedReferenceSources();

// Parses and validates the sources; errors name the file part and offset.
Result<ReferenceData> LoadReferenceData(const ReferenceSources& sources);

}  // namespace overens
