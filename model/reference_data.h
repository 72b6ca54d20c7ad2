// Reference data: the framework, delregions, laws and vocabularies. Loaded
// once from XML (embedded defaults, or files the user names) and then shared
// read-only by the extractor and the rules.
#pragma once

#include <optional>
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
  // The first words of an action plan's activity table headings, by column:
  // what is done, who is responsible, by when.
  std::unordered_set<std::string> activity_columns, responsible_columns, due_columns, status_columns;
  std::unordered_set<std::string> follow_up_columns;  // how the activity is followed up ("Indikator", "Uppföljning")
  std::unordered_set<std::string> area_columns;       // the development area it serves ("Insatsområde")
  std::unordered_set<std::string> done_words;  // a status that starts with one says the activity is done ("klar")
};

struct ReferenceData {
  Framework framework;
  std::vector<Delregion> delregions;
  std::vector<Law> laws;
  Vocabulary vocabulary;

  const Law* FindLaw(std::string_view id) const;
};

// The four XML texts reference data is made of.
struct ReferenceSources {
  std::string framework, delregions, laws, vocabulary;
};

// The defaults compiled into the binary from corpus/reference/.
ReferenceSources EmbeddedReferenceSources();

// Parses and validates the sources; errors name the file part and offset.
Result<ReferenceData> LoadReferenceData(const ReferenceSources& sources);

}  // namespace overens
