// Office documents, which are zip archives of XML: Word (.docx, the
// paragraphs of word/document.xml) and OpenDocument text (.odt, those of
// content.xml), one line each, read with zlib and pugixml.
#include <zlib.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "extractor/encoding.h"
#include "extractor/ingest.h"
#include "extractor/utf8.h"

namespace overens {
namespace {

uint32_t Little(std::string_view b, size_t at, size_t bytes) {
  uint32_t v = 0;
  for (size_t i = bytes; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// One file of the archive, as its central directory describes it.
struct ZipEntry {
  uint32_t method = 0, compressed = 0, local_header = 0;
  bool encrypted = false;
};

// The central directory's record of `name`; nullopt when the archive has
// none or its directory is damaged.
std::optional<ZipEntry> FindEntry(std::string_view zip, std::string_view name) {
  constexpr size_t kEndRecord = 22, kMaxComment = 65535;
  if (zip.size() < kEndRecord) return std::nullopt;
  size_t lowest = zip.size() > kEndRecord + kMaxComment ? zip.size() - kEndRecord - kMaxComment : 0;
  size_t end = zip.rfind("PK\x05\x06");
  if (end == std::string_view::npos || end < lowest || end + kEndRecord > zip.size()) return std::nullopt;
  size_t entries = Little(zip, end + 10, 2), at = Little(zip, end + 16, 4);
  for (size_t i = 0; i < entries; ++i) {
    if (at + 46 > zip.size() || zip.substr(at, 4) != "PK\x01\x02") return std::nullopt;
    size_t name_length = Little(zip, at + 28, 2), extra = Little(zip, at + 30, 2), comment = Little(zip, at + 32, 2);
    if (at + 46 + name_length > zip.size()) return std::nullopt;
    if (zip.substr(at + 46, name_length) == name) {
      ZipEntry e;
      e.encrypted = Little(zip, at + 8, 2) & 1;
      e.method = Little(zip, at + 10, 2);
      e.compressed = Little(zip, at + 20, 4);
      e.local_header = Little(zip, at + 42, 4);
      return e;
    }
    at += 46 + name_length + extra + comment;
  }
  return std::nullopt;
}

// The bytes of `e`, inflated; at most `max_bytes` of them.
Result<std::string> ReadEntry(std::string_view zip, const ZipEntry& e, size_t max_bytes, const std::string& path) {
  auto damaged = [&] { return Status::DataError(path + ": document is damaged; save it again or export it as PDF or text"); };
  auto too_long = [&] {
    return Status::DataError(path + ": document text is over the limit of " + std::to_string(max_bytes) +
                             " bytes; raise --max-bytes if it is really an agreement");
  };
  if (e.encrypted) return Status::DataError(path + ": document is encrypted; save it without a password and try again");
  size_t at = e.local_header;
  if (at + 30 > zip.size() || zip.substr(at, 4) != "PK\x03\x04") return damaged();
  size_t data = at + 30 + Little(zip, at + 26, 2) + Little(zip, at + 28, 2);
  if (data > zip.size() || e.compressed > zip.size() - data) return damaged();
  std::string_view packed = zip.substr(data, e.compressed);
  if (e.method == 0) return packed.size() > max_bytes ? Result<std::string>(too_long()) : Result<std::string>(std::string(packed));
  if (e.method != 8) return damaged();
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return damaged();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  std::string out;
  char chunk[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - z.avail_out);
    if (out.size() > max_bytes) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // input ended before the stream did
  }
  inflateEnd(&z);
  if (out.size() > max_bytes) return too_long();
  if (rc != Z_STREAM_END) return damaged();
  return out;
}

std::string_view LocalName(const pugi::xml_node& n) {
  std::string_view name = n.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

using RowCells = std::vector<std::string>;

// A table row's cells: each cell's paragraphs (`text_of`) joined by a space.
template <typename TextOf>
RowCells CellsOfRow(pugi::xml_node row, std::string_view cell_name, TextOf text_of) {
  RowCells cells;
  for (pugi::xml_node cell : row.children()) {
    if (LocalName(cell) != cell_name) continue;
    std::string text;
    for (pugi::xml_node p : cell.children())
      if (LocalName(p) == "p") text += (text.empty() ? "" : " ") + text_of(p);
    std::replace(text.begin(), text.end(), '\n', ' ');  // a line break inside a cell does not end the row
    cells.push_back(std::move(text));
  }
  return cells;
}

// A table's rows one per line, laid out as pdftotext -layout lays out a
// PDF's table: each column as wide as its widest cell and two spaces apart,
// so that a cell, an empty one too, lines up under its column's heading.
std::string LaidOut(const std::vector<RowCells>& rows) {
  std::vector<size_t> width;
  for (const RowCells& row : rows)
    for (size_t k = 0; k < row.size(); ++k) {
      if (width.size() <= k) width.push_back(0);
      width[k] = std::max(width[k], RuneCount(row[k]));
    }
  std::string out;
  for (const RowCells& row : rows) {
    std::string line;
    for (size_t k = 0; k < row.size(); ++k) {
      line += row[k];
      if (k + 1 < row.size()) line.append(width[k] - RuneCount(row[k]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

// The first child of `n` with this local name.
pugi::xml_node Child(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_node c : n.children())
    if (LocalName(c) == local) return c;
  return {};
}

// The attribute of `n` whose name ends in `local` ("w:val" for "val"),
// whatever its namespace prefix.
pugi::xml_attribute AttributeNamed(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_attribute a : n.attributes())
    if (std::string_view(a.name()).ends_with(local)) return a;
  return {};
}

int ValAttribute(pugi::xml_node n) { return AttributeNamed(n, "val").as_int(-1); }

// Word's list numbering (word/numbering.xml): for each list and level, how
// its items are marked, so a numbered list keeps its numbers ("2. ...")
// and a heading with numbering "none" gets no marker.
class WordNumbering {
 public:
  void Load(const pugi::xml_document& doc) {
    auto attribute = [](pugi::xml_node n, std::string_view local) { return AttributeNamed(n, local).as_int(-1); };
    std::map<int, std::map<int, Level>> abstract;  // abstractNumId -> ilvl -> level
    for (pugi::xml_node n : doc.document_element().children()) {
      if (LocalName(n) != "abstractNum") continue;
      for (pugi::xml_node lvl : n.children())
        if (LocalName(lvl) == "lvl")
          abstract[attribute(n, "abstractNumId")][attribute(lvl, "ilvl")] =
              Level{AttributeNamed(Child(lvl, "numFmt"), "val").as_string(), std::max(0, ValAttribute(Child(lvl, "start")))};
    }
    for (pugi::xml_node n : doc.document_element().children()) {
      if (LocalName(n) != "num") continue;
      std::map<int, Level>& levels = levels_[attribute(n, "numId")] = abstract[ValAttribute(Child(n, "abstractNumId"))];
      // "<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/>": this list counts from 4 (a heading "4. Ansvar").
      for (pugi::xml_node o : n.children())
        if (LocalName(o) == "lvlOverride")
          if (int start = ValAttribute(Child(o, "startOverride")); start >= 0) levels[attribute(o, "ilvl")].start = start;
    }
  }

  // The marker of the next item of list `num` at level `ilvl`: "• ",
  // "3. ", "b) ", or "" for numbering "none" (a numbered heading style).
  // Without numbering.xml every item is a bullet.
  std::string Marker(int num, int ilvl) {
    if (num <= 0) return "";  // numId 0 takes numbering away
    auto list = levels_.find(num);
    if (list == levels_.end()) return "• ";
    auto level = list->second.find(std::max(ilvl, 0));
    if (level == list->second.end()) return "• ";
    const Level& l = level->second;
    if (l.format == "none") return "";
    if (l.format == "bullet" || l.format.empty()) return "• ";
    int& count = counters_[{num, ilvl}];
    for (auto it = counters_.begin(); it != counters_.end(); ++it)  // a shallower item restarts the deeper levels
      if (it->first.first == num && it->first.second > ilvl) it->second = 0;
    int n = (count == 0 ? std::max(l.start, 1) : count + 1);
    count = n;
    if (l.format == "lowerLetter" && n <= 26) return std::string(1, static_cast<char>('a' + n - 1)) + ") ";
    if (l.format == "upperLetter" && n <= 26) return std::string(1, static_cast<char>('A' + n - 1)) + ") ";
    return std::to_string(n) + ". ";
  }

 private:
  struct Level {
    std::string format;
    int start = 1;
  };
  std::map<int, std::map<int, Level>> levels_;  // numId -> ilvl -> level
  std::map<std::pair<int, int>, int> counters_;
};

// The text of a paragraph: its runs' text, tabs, line breaks and
// non-breaking hyphens (deleted text of tracked changes is left out); a list
// paragraph starts with its marker ("• ", "2. ").
std::string ParagraphText(pugi::xml_node p, WordNumbering* numbering) {
  std::string text;
  struct Walker : pugi::xml_tree_walker {
    std::string* out;
    bool listed = false;
    int num = -1, ilvl = 0;
    bool for_each(pugi::xml_node& n) override {
      std::string_view name = LocalName(n);
      if (name == "t") *out += n.text().get();
      else if (name == "tab") *out += ' ';
      else if (name == "noBreakHyphen") *out += '-';  // "SIP-möten" kept on one line
      else if (name == "br" || name == "cr") *out += '\n';
      else if (name == "numPr") listed = true;
      else if (name == "numId") num = ValAttribute(n);
      else if (name == "ilvl") ilvl = ValAttribute(n);
      return true;
    }
  } walker;
  walker.out = &text;
  p.traverse(walker);
  if (!walker.listed) return text;
  return (numbering ? numbering->Marker(walker.num, walker.ilvl) : std::string("• ")) + text;
}

// Paragraphs one per line; a table's rows one per line, cells apart.
void AppendBlock(const pugi::xml_node& block, WordNumbering& numbering, std::string& out) {
  for (pugi::xml_node n : block.children()) {
    std::string_view name = LocalName(n);
    if (name == "p") {
      out += ParagraphText(n, &numbering) + "\n";
    } else if (name == "tbl") {
      std::vector<RowCells> rows;
      for (pugi::xml_node row : n.children())
        if (LocalName(row) == "tr")
          rows.push_back(CellsOfRow(row, "tc", [&](pugi::xml_node p) { return ParagraphText(p, &numbering); }));
      out += LaidOut(rows);
    } else if (name == "sdt" || name == "sdtContent") {
      AppendBlock(n, numbering, out);  // content controls hold paragraphs too
    }
  }
}

// A run of spaces <text:s text:c="N"/> is never longer than this: a count
// of billions in a file of a few hundred bytes must not become gigabytes.
constexpr int kMostRepeatedSpaces = 1000;

// OpenDocument: a paragraph's or heading's text, with its spans, links,
// spaces (<text:s text:c="3"/>), tabs and line breaks; footnotes are left out.
void AppendOdfInline(pugi::xml_node n, std::string& out) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    std::string_view name = LocalName(c);
    if (name == "s") out.append(std::clamp(c.attribute("text:c").as_int(1), 1, kMostRepeatedSpaces), ' ');
    else if (name == "tab") out += ' ';
    else if (name == "line-break") out += '\n';
    else if (name != "note" && name != "annotation") AppendOdfInline(c, out);
  }
}

// The rows of an OpenDocument table, in its header and body groups alike.
void AppendOdfRows(pugi::xml_node table, std::vector<RowCells>& rows) {
  for (pugi::xml_node n : table.children()) {
    std::string_view name = LocalName(n);
    if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
      AppendOdfRows(n, rows);
    } else if (name == "table-row") {
      rows.push_back(CellsOfRow(n, "table-cell", [](pugi::xml_node p) {
        std::string text;
        AppendOdfInline(p, text);
        return text;
      }));
    }
  }
}

// OpenDocument list styles (text:list-style, in content.xml's automatic
// styles or styles.xml): whether a style numbers its items (a
// list-level-style-number at level 1) rather than marking them.
class OdfListStyles {
 public:
  void Load(const pugi::xml_document& doc) {
    for (pugi::xml_node top : doc.document_element().children()) {
      std::string_view where = LocalName(top);
      if (where != "automatic-styles" && where != "styles") continue;
      for (pugi::xml_node style : top.children()) {
        if (LocalName(style) != "list-style") continue;
        for (pugi::xml_node level : style.children())
          if (std::string_view(level.attribute("text:level").as_string("1")) == "1")
            numbered_[style.attribute("style:name").as_string()] = LocalName(level) == "list-level-style-number";
      }
    }
  }
  bool Numbered(const std::string& style) const {
    auto it = numbered_.find(style);
    return it != numbered_.end() && it->second;
  }

 private:
  std::map<std::string, bool> numbered_;
};

// A list being read: whether it numbers its items, and how many it has had.
struct OdfList {
  bool numbered = false;
  int count = 0;
};

// OpenDocument blocks: paragraphs and headings one per line, list items
// with their marker ("• ", or "2. " in a numbered list), table rows as
// lines; sections, lists and tables are entered.
void AppendOdfBlock(pugi::xml_node block, const OdfListStyles& styles, std::string& out, OdfList* list = nullptr,
                    bool list_item = false) {
  bool first = true;
  for (pugi::xml_node n : block.children()) {
    std::string_view name = LocalName(n);
    if (name == "p" || name == "h") {
      std::string line;
      if (list_item && first) line = list && list->numbered ? std::to_string(++list->count) + ". " : "• ";
      AppendOdfInline(n, line);
      out += line + "\n";
      first = false;
    } else if (name == "section") {
      AppendOdfBlock(n, styles, out, list);
    } else if (name == "list") {
      // A nested list without a style of its own numbers as its parent does.
      std::string style = n.attribute("text:style-name").as_string();
      OdfList inner{style.empty() ? (list && list->numbered) : styles.Numbered(style), 0};
      AppendOdfBlock(n, styles, out, &inner);
    } else if (name == "list-item" || name == "list-header") {
      // <text:list-item text:start-value="4">: the count starts again there (a heading "4. Ansvar").
      if (int start = n.attribute("text:start-value").as_int(0); list && start > 0) list->count = start - 1;
      AppendOdfBlock(n, styles, out, list, name == "list-item");
    } else if (name == "table") {
      std::vector<RowCells> rows;
      AppendOdfRows(n, rows);
      out += LaidOut(rows);
    }
  }
}

// Parses an XML part of the archive; errors name the offset.
Status ParsePart(const std::string& xml, const std::string& path, pugi::xml_document& doc) {
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (parsed) return Status::Ok();
  return Status::DataError(path + ": the document's text is not valid XML at offset " + std::to_string(parsed.offset) +
                           " (" + parsed.description() + "); save it again");
}

// The readers above walk blocks, lists, sections, tables and spans by
// recursion, one level of the call stack per level of the XML; a document
// nested deeper than any word processor writes (a few thousand empty
// content controls or lists make a file of a few kB) is refused before it
// is walked, so it cannot overflow the stack.
constexpr size_t kDeepestNesting = 200;

// Whether `doc` nests elements deeper than kDeepestNesting. pugixml's
// traverse walks without recursion.
bool NestsTooDeep(pugi::xml_document& doc) {
  struct DepthWalker : pugi::xml_tree_walker {
    size_t deepest = 0;
    bool for_each(pugi::xml_node&) override {
      deepest = std::max(deepest, static_cast<size_t>(depth()));
      return deepest <= kDeepestNesting;
    }
  } walker;
  doc.traverse(walker);
  return walker.deepest > kDeepestNesting;
}

}  // namespace

Result<SourceText> DecodeOfficeDocument(std::string_view bytes, const std::string& path, size_t max_bytes) {
  auto word = FindEntry(bytes, "word/document.xml");
  auto odf = word ? std::nullopt : FindEntry(bytes, "content.xml");
  if (!word && !odf)
    return Status::DataError(path + ": a zip archive without word/document.xml or content.xml (not a Word or "
                                    "OpenDocument text, or damaged); give a .docx, .odt, .pdf or .txt agreement");
  auto xml = ReadEntry(bytes, word ? *word : *odf, max_bytes, path);
  if (!xml.ok()) return xml.status();
  pugi::xml_document doc;
  if (Status s = ParsePart(xml.value(), path, doc); !s.ok()) return s;
  if (NestsTooDeep(doc))
    return Status::DataError(path + ": the document's XML nests over " + std::to_string(kDeepestNesting) +
                             " levels deep (no word processor writes that; the file is damaged or made to "
                             "harm); save it again from the word processor, or export it as PDF or text");
  SourceText src;
  src.path = path;
  std::string text;
  if (word) {
    src.encoding = "docx";
    WordNumbering numbering;
    if (auto entry = FindEntry(bytes, "word/numbering.xml")) {
      auto xml_numbering = ReadEntry(bytes, *entry, max_bytes, path);
      pugi::xml_document numbering_doc;
      if (xml_numbering.ok() && ParsePart(xml_numbering.value(), path, numbering_doc).ok() && !NestsTooDeep(numbering_doc))
        numbering.Load(numbering_doc);
    }
    AppendBlock(Child(doc.document_element(), "body"), numbering, text);
  } else {
    src.encoding = "odt";
    OdfListStyles styles;
    styles.Load(doc);
    if (auto entry = FindEntry(bytes, "styles.xml")) {
      auto xml_styles = ReadEntry(bytes, *entry, max_bytes, path);
      pugi::xml_document styles_doc;
      if (xml_styles.ok() && ParsePart(xml_styles.value(), path, styles_doc).ok() && !NestsTooDeep(styles_doc))
        styles.Load(styles_doc);
    }
    AppendOdfBlock(Child(Child(doc.document_element(), "body"), "text"), styles, text);
  }
  // pugixml passes bytes through as they are: a part written in another
  // encoding than its declaration says must still become valid UTF-8.
  src.text = ToValidUtf8(text, path, src.warnings);
  if (src.text.find_first_not_of(" \t\r\n\f") == std::string::npos)
    return Status::DataError(path + ": document has no text; nothing to read");
  return src;
}

}  // namespace overens
