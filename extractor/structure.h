// Document structure recovered from layout: headings (with the framework
// section or sub-heading kind they name) and units (list items and
// paragraph runs), each tied to its governing heading.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractor/normalize.h"

namespace overens {

enum class SubHeading { kNone, kGoal, kActivities, kFollowUp, kLongTermGoal };

struct Heading {
  size_t line = 0;       // index into NormalizedText::lines
  size_t last_line = 0;  // a heading may wrap onto a second line
  std::string text;
  SubHeading sub = SubHeading::kNone;
  std::string section_id;  // framework section it names, or empty
};

struct Unit {
  size_t first = 0, last = 0;  // line indexes, inclusive
  std::string text;            // lines joined by single spaces
  Bullet bullet = Bullet::kNone;
  int heading = -1;            // governing heading, -1 before the first
};

struct Structure {
  std::vector<Heading> headings;
  std::vector<Unit> units;
  std::vector<int> heading_of_line;  // per line: governing heading index or -1
  std::vector<int> heading_at_line;  // per line: heading index when the line is (part of) a heading, else -1
  // Per line: left out of headings and units. A web address alone on its
  // line that interrupts a sentence (a PDF's footnote links printed
  // mid-paragraph), or an entry of a table of contents, which would otherwise
  // stand in for the heading it lists.
  std::vector<bool> left_out;
  // Per line: the folded label of a field line ("ansvarig" for "Ansvarig:
  // BUP", see StructureAnalyzer's field_labels), else empty. A field line is
  // no heading and starts a unit of its own.
  std::vector<std::string> field_label;
  // The framework sections a table of contents lists, in its order (one per
  // entry that names one): what a document holds when only its opening,
  // with the contents, is at hand.
  std::vector<std::string> contents_sections;
};

class StructureAnalyzer {
 public:
  // `section_patterns`: framework section id -> RE2 pattern (case-insensitive).
  // `field_labels`: folded words that, before a colon and a value, make a
  // line a field of a record rather than a heading ("Ansvarig: BUP",
  // "Klart: 2025-06-30").
  explicit StructureAnalyzer(const std::vector<std::pair<std::string, std::string>>& section_patterns,
                             std::vector<std::string> field_labels = {});
  ~StructureAnalyzer();
  Structure Analyze(const NormalizedText& text) const;
  // Makes each line of `text` that starts with a sub-heading or section
  // label and a colon ("Mål: Färre ...", "Aktiviteter: Kommunerna ...",
  // "Giltighetstid: Överenskommelsen gäller ...") two lines of the same
  // source line: the label with its colon, then the rest; the joined text
  // is made again. False, and `text` untouched, when no line has such a label.
  bool SplitInlineLabels(NormalizedText& text) const;
  // Whether SplitInlineLabels would split a line of `text`.
  bool HasInlineLabel(const NormalizedText& text) const;

 private:
  // Where the colon is that ends a label `line` starts with (SplitInlineLabels), or npos.
  size_t InlineLabelEnd(const TextLine& line) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace overens
