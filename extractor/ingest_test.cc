#include "extractor/ingest.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <vector>

#include "extractor/normalize.h"

namespace overens {
namespace {

TEST_CASE("text encodings are decoded to UTF-8", "[ingest]") {
  auto bom = DecodeText("\xEF\xBB\xBFMålgrupper", "a.txt");
  REQUIRE(bom.ok());
  CHECK(bom.value().text == "Målgrupper");
  auto le = DecodeText(std::string("\xFF\xFE" "M\0\xE5\0l\0", 8), "b.txt");
  REQUIRE(le.ok());
  CHECK(le.value().text == "Mål");
  auto be = DecodeText(std::string("\xFE\xFF\0M\0\xE5\0l", 8), "c.txt");
  REQUIRE(be.ok());
  CHECK(be.value().text == "Mål");
  auto cp1252 = DecodeText("M\xE5lgrupper \x96 h\xF6sten", "d.txt");
  REQUIRE(cp1252.ok());
  CHECK(cp1252.value().text == "Målgrupper – hösten");
  CHECK(cp1252.value().warnings.size() == 1);
  CHECK(cp1252.value().warnings[0].find("d.txt") != std::string::npos);
}

TEST_CASE("bad text input is a data error naming the file", "[ingest]") {
  auto empty = DecodeText("", "e.txt");
  CHECK(empty.status().code() == StatusCode::kDataError);
  CHECK(empty.status().message().find("e.txt") != std::string::npos);
  CHECK(DecodeText(std::string("abc\0def", 7), "f.bin").status().code() == StatusCode::kDataError);
  CHECK(DecodeText(" \n\t\n", "g.txt").status().code() == StatusCode::kDataError);
  CHECK(DecodePdf("%PDF-1.4 garbage", "h.pdf").status().code() == StatusCode::kDataError);
}

TEST_CASE("UTF-16 without a byte order mark is recognised, with a warning", "[ingest]") {
  std::string le, be;
  for (char c : std::string("Lokal \xF6verenskommelse om m\xE5lgrupper")) {  // Latin-1 bytes as code units
    le += c, le += '\0';
    be += '\0', be += c;
  }
  auto l = DecodeText(le, "le.txt");
  REQUIRE(l.ok());
  CHECK(l.value().text == "Lokal överenskommelse om målgrupper");
  CHECK(l.value().encoding == "utf-16le");
  REQUIRE(l.value().warnings.size() == 1);
  auto b = DecodeText(be, "be.txt");
  REQUIRE(b.ok());
  CHECK(b.value().text == "Lokal överenskommelse om målgrupper");
  CHECK(b.value().encoding == "utf-16be");
  // An executable has NUL bytes too, but not every other byte.
  auto elf = DecodeText(std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0", 20), "a.out");
  REQUIRE_FALSE(elf.ok());
  CHECK(elf.status().code() == StatusCode::kDataError);
}

// A zip archive holding `files` uncompressed (method 0), as a .docx may.
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& files) {
  auto le = [](uint32_t v, size_t bytes) {
    std::string out;
    for (size_t i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
    return out;
  };
  std::string zip, directory;
  for (const auto& [name, data] : files) {
    uint32_t offset = static_cast<uint32_t>(zip.size());
    std::string sizes = le(0, 4) + le(static_cast<uint32_t>(data.size()), 4) + le(static_cast<uint32_t>(data.size()), 4);
    zip += "PK\x03\x04" + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + sizes + le(static_cast<uint32_t>(name.size()), 2) +
           le(0, 2) + name + data;
    directory += "PK\x01\x02" + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + sizes +
                 le(static_cast<uint32_t>(name.size()), 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) +
                 le(offset, 4) + name;
  }
  uint32_t at = static_cast<uint32_t>(zip.size());
  return zip + directory + "PK\x05\x06" + le(0, 2) + le(0, 2) + le(static_cast<uint32_t>(files.size()), 2) +
         le(static_cast<uint32_t>(files.size()), 2) + le(static_cast<uint32_t>(directory.size()), 4) + le(at, 4) + le(0, 2);
}

TEST_CASE("a Word document is read paragraph by paragraph", "[ingest]") {
  const std::string xml =
      "<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:body>"
      "<w:p><w:r><w:t>Målgrupper för SIP</w:t><w:noBreakHyphen/><w:t>möten</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">Personer i alla </w:t></w:r>"
      "<w:r><w:t>åldrar</w:t></w:r><w:del><w:r><w:delText>struket</w:delText></w:r></w:del></w:p>"
      "<w:p/>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Malmö</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1000</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "</w:body></w:document>";
  auto docx = DecodeOfficeDocument(StoredZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", xml}}), "lo.docx", 1 << 20);
  REQUIRE(docx.ok());
  CHECK(docx.value().text == "Målgrupper för SIP-möten\n• Personer i alla åldrar\n\nMalmö  1000\n");
  CHECK(docx.value().encoding == "docx");
  auto other = DecodeOfficeDocument(StoredZip({{"data.csv", "a,b"}}), "data.zip", 1 << 20);
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().message().find("data.zip: a zip archive without word/document.xml or content.xml") == 0);
  auto big = DecodeOfficeDocument(StoredZip({{"word/document.xml", xml}}), "lo.docx", 100);
  CHECK_FALSE(big.ok());  // stored entries are still held to the limit
  std::string zip = StoredZip({{"word/document.xml", xml}});
  auto cut = DecodeOfficeDocument(std::string_view(zip).substr(0, zip.size() / 2), "cut.docx", 1 << 20);
  CHECK_FALSE(cut.ok());
}

TEST_CASE("an OpenDocument text is read paragraph by paragraph", "[ingest]") {
  const std::string xml =
      "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:o\" xmlns:text=\"urn:t\" xmlns:table=\"urn:tb\">"
      "<office:body><office:text>"
      "<text:h text:outline-level=\"1\">Målgrupper</text:h>"
      "<text:list><text:list-item><text:p>Personer i alla <text:span>åldrar</text:span><text:note><text:note-body>"
      "<text:p>fotnot</text:p></text:note-body></text:note></text:p></text:list-item></text:list>"
      "<text:section><text:p>Två<text:s text:c=\"3\"/>ord</text:p></text:section>"
      "<table:table><table:table-row><table:table-cell><text:p>Malmö</text:p></table:table-cell>"
      "<table:table-cell><text:p>1000</text:p></table:table-cell></table:table-row></table:table>"
      "</office:text></office:body></office:document-content>";
  auto odt = DecodeOfficeDocument(StoredZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", xml}}),
                                  "lo.odt", 1 << 20);
  REQUIRE(odt.ok());
  CHECK(odt.value().text == "Målgrupper\n• Personer i alla åldrar\nTvå   ord\nMalmö  1000\n");
  CHECK(odt.value().encoding == "odt");
}

// Word keeps a list's numbering in word/numbering.xml and OpenDocument in
// its list styles; a heading numbered "4." on its own is a list of one item
// that starts at 4 (startOverride, text:start-value).
TEST_CASE("numbered lists keep their numbers and where they start", "[ingest]") {
  auto item = [](int num, const std::string& text) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num) +
           "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  };
  const std::string numbering =
      "<w:numbering xmlns:w=\"urn:w\">"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"none\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
      "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"4\"/></w:lvlOverride></w:num>"
      "</w:numbering>";
  const std::string document = "<w:document xmlns:w=\"urn:w\"><w:body>" + item(1, "Bakgrund") + item(1, "Syfte") +
                               item(2, "Barn") + item(3, "Rubrik") + item(4, "Ansvarsfördelning") + item(4, "Tvister") +
                               "</w:body></w:document>";
  auto docx = DecodeOfficeDocument(StoredZip({{"word/document.xml", document}, {"word/numbering.xml", numbering}}), "n.docx", 1 << 20);
  REQUIRE(docx.ok());
  CHECK(docx.value().text == "1. Bakgrund\n2. Syfte\n• Barn\nRubrik\n4. Ansvarsfördelning\n5. Tvister\n");

  const std::string content =
      "<office:document-content xmlns:office=\"urn:o\" xmlns:text=\"urn:t\" xmlns:style=\"urn:s\"><office:automatic-styles>"
      "<text:list-style style:name=\"N\"><text:list-level-style-number text:level=\"1\"/></text:list-style>"
      "<text:list-style style:name=\"B\"><text:list-level-style-bullet text:level=\"1\"/></text:list-style>"
      "</office:automatic-styles><office:body><office:text>"
      "<text:list text:style-name=\"N\"><text:list-item><text:p>Bakgrund</text:p></text:list-item></text:list>"
      "<text:list text:style-name=\"B\"><text:list-item><text:p>Barn</text:p></text:list-item></text:list>"
      "<text:list text:style-name=\"N\"><text:list-item text:start-value=\"4\"><text:p>Ansvarsfördelning</text:p></text:list-item>"
      "<text:list-item><text:p>Tvister</text:p></text:list-item></text:list>"
      "</office:text></office:body></office:document-content>";
  auto odt = DecodeOfficeDocument(StoredZip({{"content.xml", content}}), "n.odt", 1 << 20);
  REQUIRE(odt.ok());
  CHECK(odt.value().text == "1. Bakgrund\n• Barn\n4. Ansvarsfördelning\n5. Tvister\n");
}

// Found by the fuzzer: bytes that are not UTF-8 inside document.xml reached
// the model and came out of the JSON writer as U+FFFD.
TEST_CASE("an office document's text is valid UTF-8 whatever its XML holds", "[ingest]") {
  const std::string xml = "<w:document xmlns:w=\"urn:w\"><w:body><w:p><w:r><w:t>M\xE5lgrupper</w:t></w:r></w:p></w:body></w:document>";
  auto docx = DecodeOfficeDocument(StoredZip({{"word/document.xml", xml}}), "lo.docx", 1 << 20);
  REQUIRE(docx.ok());
  CHECK(docx.value().text == "Målgrupper\n");
  REQUIRE(docx.value().warnings.size() == 1);
  CHECK(docx.value().warnings[0].find("lo.docx: not valid UTF-8; read as Windows-1252") == 0);
}

// `open` repeated `levels` times around `inner`, then the closing tags.
std::string Nested(const std::string& open, const std::string& close, size_t levels, const std::string& inner) {
  std::string xml;
  for (size_t i = 0; i < levels; ++i) xml += open;
  xml += inner;
  for (size_t i = 0; i < levels; ++i) xml += close;
  return xml;
}

// Found by a hostile-input run: each reader recursed once per level, so a
// file of a few kB with thousands of nested elements overflowed the stack.
TEST_CASE("a Word or OpenDocument file nested thousands deep is refused, not a crash", "[ingest]") {
  const std::string p = "<w:p><w:r><w:t>Målgrupper</w:t></w:r></w:p>";
  std::string docx_xml = "<w:document xmlns:w=\"urn:w\"><w:body>" +
                         Nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 8000, p) + "</w:body></w:document>";
  auto docx = DecodeOfficeDocument(StoredZip({{"word/document.xml", docx_xml}}), "deep.docx", 1 << 24);
  REQUIRE_FALSE(docx.ok());
  CHECK(docx.status().code() == StatusCode::kDataError);
  CHECK(docx.status().message().find("deep.docx: the document's XML nests over 200 levels deep") == 0);

  const std::string head = "<office:document-content xmlns:office=\"urn:o\" xmlns:text=\"urn:t\" xmlns:table=\"urn:tb\">"
                           "<office:body><office:text>";
  const std::string tail = "</office:text></office:body></office:document-content>";
  const std::string row = "<table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>";
  const std::vector<std::string> bodies = {
      Nested("<text:list><text:list-item>", "</text:list-item></text:list>", 16000, "<text:p>x</text:p>"),
      "<table:table>" + Nested("<table:table-row-group>", "</table:table-row-group>", 16000, row) + "</table:table>",
      Nested("<text:section>", "</text:section>", 30000, "<text:p>x</text:p>"),
      "<text:p>" + Nested("<text:span>", "</text:span>", 60000, "x") + "</text:p>"};
  for (const std::string& body : bodies) {
    auto odt = DecodeOfficeDocument(StoredZip({{"content.xml", head + body + tail}}), "deep.odt", 1 << 24);
    REQUIRE_FALSE(odt.ok());
    CHECK(odt.status().message().find("deep.odt: the document's XML nests over 200 levels deep") == 0);
  }
  // Found by the office fuzzer: a space count of billions allocated gigabytes.
  auto spaces = DecodeOfficeDocument(
      StoredZip({{"content.xml", head + "<text:p>a<text:s text:c=\"66666666666666666\"/>b</text:p>" + tail}}), "s.odt", 1 << 20);
  REQUIRE(spaces.ok());
  CHECK(spaces.value().text.size() < 1100);
  // Tables in tables and lists in lists, as deep as documents nest them, are read.
  auto nested = DecodeOfficeDocument(
      StoredZip({{"content.xml", head + Nested("<text:list><text:list-item>", "</text:list-item></text:list>", 20,
                                               "<text:p>Barn och unga</text:p>") + tail}}),
      "lists.odt", 1 << 20);
  REQUIRE(nested.ok());
  CHECK(nested.value().text == "• Barn och unga\n");
}

TEST_CASE("an old binary Word file is named as such", "[ingest]") {
  auto doc = DecodeText(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12), "lo.doc");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().message() == "lo.doc: an old Word (.doc) or other Office file; save it as .docx, .odt or PDF and try again");
}

TEST_CASE("lines ended by a carriage return alone are lines", "[ingest]") {
  auto mac = DecodeText("Målgrupper\r• Barn\r", "mac.txt");
  REQUIRE(mac.ok());
  CHECK(mac.value().text == "Målgrupper\n• Barn\n");
  auto windows = DecodeText("Målgrupper\r\n• Barn\r\n", "win.txt");
  REQUIRE(windows.ok());
  CHECK(windows.value().text == "Målgrupper\r\n• Barn\r\n");  // normalization drops the \r
}

TEST_CASE("a stream is read to its end and decoded like a file", "[ingest]") {
  std::string long_text(200000, 'a');  // longer than one read
  long_text += "\nMålgrupper\n";
  std::istringstream in(long_text);
  auto src = IngestStream(in, "<stdin>");
  REQUIRE(src.ok());
  CHECK(src.value().text == long_text);
  CHECK(src.value().path == "<stdin>");
  std::istringstream cp1252("M\xE5lgrupper");
  auto latin = IngestStream(cp1252, "<stdin>");
  REQUIRE(latin.ok());
  CHECK(latin.value().encoding == "windows-1252");
  std::istringstream empty("");
  auto none = IngestStream(empty, "<stdin>");
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kDataError);
  IngestOptions small;
  small.max_bytes = 1000;
  std::istringstream big(long_text);
  auto refused = IngestStream(big, "<stdin>", small);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("<stdin>: input is over the limit of 1000 bytes") == 0);
}

TEST_CASE("missing files and directories", "[ingest]") {
  CHECK(IngestFile("/nonexistent/x.txt").status().code() == StatusCode::kNoInput);
  CHECK(IngestFile("/tmp").status().code() == StatusCode::kNoInput);
}

TEST_CASE("normalization repairs artifacts and keeps line numbers", "[normalize]") {
  SourceText src{"x.txt",
                 "Rubrik\n\uF0B7 Barn- och ungdoms\u00ADpsykiatri\nsamverk-\nan sker \uFB01nt\u00A0nu\n"
                 "hälso-\noch sjukvård\nSIP-\nmöten\no Underpunkt\n",
                 "utf-8",
                 {}};
  NormalizedText t = Normalize(src);
  REQUIRE(t.lines.size() >= 8);
  CHECK(t.lines[1].text == "Barn- och ungdomspsykiatri");
  CHECK(t.lines[1].bullet == Bullet::kGlyph);
  CHECK(t.lines[1].source_line == 2);
  CHECK(t.lines[2].text == "samverkan");
  CHECK(t.lines[3].text == "sker fint nu");
  CHECK(t.lines[3].source_line == 4);
  CHECK(t.lines[4].text == "hälso-");
  CHECK(t.lines[5].text == "och sjukvård");
  CHECK(t.lines[6].text == "SIP-möten");
  // The line whose only word went up is gone, not left blank.
  CHECK(t.lines[7].text == "Underpunkt");
  CHECK(t.lines[7].bullet == Bullet::kSubGlyph);
  CHECK(t.lines[7].source_line == 9);
  size_t at = t.joined.find("sker");
  CHECK(t.SourceLineAt(at) == 4);
}

TEST_CASE("characters are composed and repaired in one pass", "[normalize]") {
  // Decomposed letters compose (ICU); already composed text keeps its bytes.
  CHECK(NormalizeChars("Va\u030Ard och ha\u0308lsa") == "Vård och hälsa");
  CHECK(NormalizeChars("Vård – “samverkan” \uF0B7 §") == "Vård – “samverkan” \uF0B7 §");
  // Odd spaces become spaces, soft hyphens and zero-width characters go, ligatures open up.
  CHECK(NormalizeChars("a\u00A0b\u2009c\u202Fd\te\r") == "a b c d e");
  CHECK(NormalizeChars("sam\u00ADver\u200Bkan\uFEFF") == "samverkan");
  CHECK(NormalizeChars("\uFB01nansiering \uFB02ytt e\uFB00ekt") == "finansiering flytt effekt");
  // U+2000 decomposes to U+2002 under NFC, which is then a plain space.
  CHECK(NormalizeChars("a\u2000b") == "a b");
}

TEST_CASE("running headers, footers and page numbers of PDFs are dropped", "[normalize]") {
  std::string text;
  for (int p = 1; p <= 3; ++p) {
    if (p > 1) text += "\f";
    text += "Vårdsamverkan Skåne – Lokal överenskommelse\n";
    text += "Innehåll i del " + std::string(1, static_cast<char>('A' + p)) + " med text.\n";
    for (int k = 0; k < 5; ++k) text += "Brödtext " + std::string(1, static_cast<char>('a' + p * 5 + k)) + " om samverkan.\n";
    text += "Sida " + std::to_string(p) + " av 3\n";
  }
  NormalizedText t = Normalize(SourceText{"p.pdf", text, "pdf", {}});
  int kept = 0;
  for (const TextLine& l : t.lines) {
    CHECK(l.text.find("Vårdsamverkan") == std::string::npos);
    CHECK(l.text.find("Sida") == std::string::npos);
    kept += l.text.rfind("Innehåll", 0) == 0;
  }
  CHECK(kept == 3);
}

// A single page has no repetition to tell its header by; a header that
// repeats the title printed below it, with a date or page number, is one.
TEST_CASE("a date broken at its hyphen joins whole", "[normalize]") {
  NormalizedText t = Normalize(SourceText{"p.pdf", "med revideringsdatum 2023-\n05-04 och sedan\nSIP-\nmöten och 1999-\nhar gått\n", "pdf", {}});
  std::vector<std::string> texts;
  for (const TextLine& l : t.lines) texts.push_back(l.text);
  REQUIRE(texts.size() >= 5);
  CHECK(texts[0] == "med revideringsdatum 2023-05-04");
  CHECK(texts[1] == "och sedan");
  CHECK(texts[2] == "SIP-möten");
  // Must not: a year and a hyphen over a word is no date, nor a word broken ("1999-" | "har gått").
  CHECK(texts[3] == "och 1999-");
  CHECK(texts[4] == "har gått");
}

TEST_CASE("a page's header repeating the title below it is dropped, on a single page too", "[normalize]") {
  auto texts = [](const std::string& text) {
    std::vector<std::string> out;
    for (const TextLine& l : Normalize(SourceText{"p.pdf", text, "pdf", {}}).lines)
      if (!l.blank()) out.push_back(l.text);
    return out;
  };
  CHECK(texts("Handlingsplan 2025 – Nordost        2025-03-01\n\n\nHandlingsplan 2025 – Nordost\n\nKroppslig hälsa\n") ==
        std::vector<std::string>{"Handlingsplan 2025 – Nordost", "Kroppslig hälsa"});
  // The title filled the header's line and the date went to the next; the title below wraps.
  CHECK(texts("Lokal överenskommelse om samarbete i Mellersta\n2025-03-01\nLokal överenskommelse om samarbete i Mellersta Skåne och\n"
              "Region Skåne\n") ==
        std::vector<std::string>{"Lokal överenskommelse om samarbete i Mellersta Skåne och", "Region Skåne"});
  CHECK(texts("Avtal om samverkan      Sida 1 av 2\nAvtal om samverkan\nText.\n") == std::vector<std::string>{"Avtal om samverkan", "Text."});
  CHECK(texts("Överenskommelse        2025-03-01\n\nÖverenskommelse\nom samverkan\n") ==
        std::vector<std::string>{"Överenskommelse", "om samverkan"});
  // Must not: a title of one word that the line below only starts with.
  CHECK(texts("Överenskommelse        2025-03-01\n\nÖverenskommelse om samverkan\nText.\n").size() == 3);
  // Must not: a title with its date that nothing below repeats, or a title repeated without a date beside it.
  CHECK(texts("Lokal överenskommelse        2019-04-12\n\nBakgrund\nText.\n") ==
        std::vector<std::string>{"Lokal överenskommelse 2019-04-12", "Bakgrund", "Text."});
  CHECK(texts("Lokal överenskommelse\nLokal överenskommelse om samverkan\nText.\n").size() == 3);
}

TEST_CASE("an office table's cells line up under their column, empty ones too", "[ingest]") {
  auto cell = [](const std::string& text) { return "<w:tc><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>"; };
  const std::string xml =
      "<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:body><w:tbl>"
      "<w:tr>" + cell("Aktivitet") + cell("Ansvarig") + cell("Klart") + "</w:tr>"
      "<w:tr>" + cell("Ny rutin för SIP") + cell("") + cell("Q2 2025") + "</w:tr>"
      "<w:tr>" + cell("Översyn") + "<w:tc><w:p><w:r><w:t>Styr</w:t><w:br/><w:t>gruppen</w:t></w:r></w:p></w:tc>" + cell("2026") + "</w:tr>"
      "</w:tbl></w:body></w:document>";
  auto docx = DecodeOfficeDocument(StoredZip({{"word/document.xml", xml}}), "plan.docx", 1 << 20);
  REQUIRE(docx.ok());
  CHECK(docx.value().text ==
        "Aktivitet         Ansvarig      Klart\n"
        "Ny rutin för SIP                Q2 2025\n"
        "Översyn           Styr gruppen  2026\n");
  const std::string content =
      "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:o\" xmlns:text=\"urn:t\" xmlns:table=\"urn:tb\">"
      "<office:body><office:text><table:table><table:table-header-rows><table:table-row>"
      "<table:table-cell><text:p>Aktivitet</text:p></table:table-cell><table:table-cell><text:p>Ansvarig</text:p></table:table-cell>"
      "</table:table-row></table:table-header-rows><table:table-row>"
      "<table:table-cell><text:p>Kartläggning av SIP</text:p></table:table-cell><table:table-cell><text:p>BUP</text:p></table:table-cell>"
      "</table:table-row></table:table></office:text></office:body></office:document-content>";
  auto odt = DecodeOfficeDocument(StoredZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}}),
                                  "plan.odt", 1 << 20);
  REQUIRE(odt.ok());
  CHECK(odt.value().text == "Aktivitet            Ansvarig\nKartläggning av SIP  BUP\n");
}

}  // namespace
}  // namespace overens
