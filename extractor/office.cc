// Office documents, which are zip archives of XML: Word (.docx, the
// paragraphs of word/document.xml) and OpenDocument text (.odt, those of
// content.xml), one line each, read with zlib and pugixml.
#include <zlib.h>

#include <algorithm>
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

// The text of a paragraph: its runs' text, tabs, line breaks and
// non-breaking hyphens (deleted text of tracked changes is left out); list
// paragraphs (numbered or bulleted in Word) start with "• ".
std::string ParagraphText(pugi::xml_node p) {
  std::string text;
  struct Walker : pugi::xml_tree_walker {
    std::string* out;
    bool listed = false;
    bool for_each(pugi::xml_node& n) override {
      std::string_view name = LocalName(n);
      if (name == "t") *out += n.text().get();
      else if (name == "tab") *out += ' ';
      else if (name == "noBreakHyphen") *out += '-';  // "SIP-möten" kept on one line
      else if (name == "br" || name == "cr") *out += '\n';
      else if (name == "numPr") listed = true;
      return true;
    }
  } walker;
  walker.out = &text;
  p.traverse(walker);
  return walker.listed ? "• " + text : text;
}

// Paragraphs one per line; a table's rows one per line, cells apart.
void AppendBlock(const pugi::xml_node& block, std::string& out) {
  for (pugi::xml_node n : block.children()) {
    std::string_view name = LocalName(n);
    if (name == "p") {
      out += ParagraphText(n) + "\n";
    } else if (name == "tbl") {
      std::vector<RowCells> rows;
      for (pugi::xml_node row : n.children())
        if (LocalName(row) == "tr") rows.push_back(CellsOfRow(row, "tc", ParagraphText));
      out += LaidOut(rows);
    } else if (name == "sdt" || name == "sdtContent") {
      AppendBlock(n, out);  // content controls hold paragraphs too
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

// OpenDocument blocks: paragraphs and headings one per line, list items as
// bullets, table rows as lines; sections, lists and tables are entered.
void AppendOdfBlock(pugi::xml_node block, std::string& out, bool list_item = false) {
  bool first = true;
  for (pugi::xml_node n : block.children()) {
    std::string_view name = LocalName(n);
    if (name == "p" || name == "h") {
      std::string line = list_item && first ? "• " : "";
      AppendOdfInline(n, line);
      out += line + "\n";
      first = false;
    } else if (name == "list" || name == "section") {
      AppendOdfBlock(n, out);
    } else if (name == "list-item" || name == "list-header") {
      AppendOdfBlock(n, out, true);
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

// The first child of `n` with this local name.
pugi::xml_node Child(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_node c : n.children())
    if (LocalName(c) == local) return c;
  return {};
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
    AppendBlock(Child(doc.document_element(), "body"), text);
  } else {
    src.encoding = "odt";
    AppendOdfBlock(Child(Child(doc.document_element(), "body"), "text"), text);
  }
  // pugixml passes bytes through as they are: a part written in another
  // encoding than its declaration says must still become valid UTF-8.
  src.text = ToValidUtf8(text, path, src.warnings);
  if (src.text.find_first_not_of(" \t\r\n\f") == std::string::npos)
    return Status::DataError(path + ": document has no text; nothing to read");
  return src;
}

}  // namespace overens
