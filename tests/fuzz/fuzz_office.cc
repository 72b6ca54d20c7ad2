// libFuzzer target over the Word and OpenDocument readers: the input is the
// body of word/document.xml or content.xml, not zip bytes, so the fuzzer
// reaches the XML structure (nesting, tables, lists, spans) that mutating
// an archive's compressed bytes never does. Its first byte chooses the kind.
// Run: tools/fuzz.sh (with tests/fuzz/office.dict, the readers' tags).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extractor/ingest.h"
#include "extractor/normalize.h"

namespace {

void PutLittle(std::string& out, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// A zip archive holding `content` stored (method 0) as `name`: what the
// readers open before they parse; its CRC is not checked.
std::string StoredZip(std::string_view name, std::string_view content) {
  std::string zip = "PK\x03\x04";
  PutLittle(zip, 20, 2);  // version needed
  PutLittle(zip, 0, 2);   // flags
  PutLittle(zip, 0, 2);   // method: stored
  PutLittle(zip, 0, 4);   // time and date
  PutLittle(zip, 0, 4);   // crc
  PutLittle(zip, static_cast<uint32_t>(content.size()), 4);
  PutLittle(zip, static_cast<uint32_t>(content.size()), 4);
  PutLittle(zip, static_cast<uint32_t>(name.size()), 2);
  PutLittle(zip, 0, 2);
  zip.append(name).append(content);
  uint32_t directory = static_cast<uint32_t>(zip.size());
  zip += "PK\x01\x02";
  PutLittle(zip, 20, 2);
  PutLittle(zip, 20, 2);
  PutLittle(zip, 0, 2);
  PutLittle(zip, 0, 2);
  PutLittle(zip, 0, 4);
  PutLittle(zip, 0, 4);
  PutLittle(zip, static_cast<uint32_t>(content.size()), 4);
  PutLittle(zip, static_cast<uint32_t>(content.size()), 4);
  PutLittle(zip, static_cast<uint32_t>(name.size()), 2);
  PutLittle(zip, 0, 2);   // extra
  PutLittle(zip, 0, 2);   // comment
  PutLittle(zip, 0, 2);   // disk
  PutLittle(zip, 0, 2);   // internal attributes
  PutLittle(zip, 0, 4);   // external attributes
  PutLittle(zip, 0, 4);   // local header at 0
  zip.append(name);
  uint32_t directory_size = static_cast<uint32_t>(zip.size()) - directory;
  zip += "PK\x05\x06";
  PutLittle(zip, 0, 4);
  PutLittle(zip, 1, 2);
  PutLittle(zip, 1, 2);
  PutLittle(zip, directory_size, 4);
  PutLittle(zip, directory, 4);
  PutLittle(zip, 0, 2);
  return zip;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool odt = data[0] & 1;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string xml = odt ? "<office:document-content xmlns:office=\"urn:o\" xmlns:text=\"urn:t\" xmlns:table=\"urn:tb\">"
                          "<office:body><office:text>" + std::string(body) + "</office:text></office:body></office:document-content>"
                        : "<w:document xmlns:w=\"urn:w\"><w:body>" + std::string(body) + "</w:body></w:document>";
  auto src = overens::DecodeOfficeDocument(StoredZip(odt ? "content.xml" : "word/document.xml", xml),
                                           odt ? "fuzz.odt" : "fuzz.docx", 1 << 22);
  if (src.ok()) overens::Normalize(src.value());
  return 0;
}
