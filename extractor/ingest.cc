#include "extractor/ingest.h"

#include <dlfcn.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>

#include "extractor/encoding.h"
#include "extractor/pdf_layout.h"
#include "extractor/pdf_module/pdf_module.h"

namespace overens {
namespace {

Result<std::string> FromUtf16(std::string_view s, bool little_endian, const std::string& path) {
  std::string out;
  out.reserve(s.size());
  auto unit = [&](size_t i) -> uint32_t {
    auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
      uint32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) return Status::DataError(path + ": broken UTF-16 (unpaired surrogate); re-save the file as UTF-8");
    AppendUtf8(out, u);
  }
  return out;
}

// Whether text without a byte order mark is UTF-16, and in which byte
// order: in its first kilobyte, nearly every other byte is NUL (the high
// byte of ASCII and Latin-1 characters) and the bytes between are not.
std::optional<bool> Utf16WithoutBom(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), 1024) & ~size_t{1};
  if (n < 8) return std::nullopt;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_nul += bytes[i] == '\0';
    odd_nul += bytes[i + 1] == '\0';
  }
  size_t pairs = n / 2;
  if (odd_nul * 10 >= pairs * 9 && even_nul * 10 <= pairs) return true;   // "M\0å\0": little-endian
  if (even_nul * 10 >= pairs * 9 && odd_nul * 10 <= pairs) return false;  // "\0M\0å": big-endian
  return std::nullopt;
}

// Sets src.text and src.encoding from bytes in any of the text encodings.
Status ToUtf8(std::string_view bytes, const std::string& path, SourceText& src) {
  std::optional<bool> utf16_little_endian;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    utf16_little_endian = bytes[0] == '\xFF';
    bytes.remove_prefix(2);
  } else {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    utf16_little_endian = Utf16WithoutBom(bytes);
    if (utf16_little_endian)
      src.warnings.push_back(path + ": UTF-16 without a byte order mark; read as utf-16" + (*utf16_little_endian ? "le" : "be"));
  }
  if (utf16_little_endian) {
    auto r = FromUtf16(bytes, *utf16_little_endian, path);
    if (!r.ok()) return r.status();
    src.text = std::move(r).value();
    src.encoding = *utf16_little_endian ? "utf-16le" : "utf-16be";
    return Status::Ok();
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return Status::DataError(path + ": an old Word (.doc) or other Office file; save it as .docx, .odt or PDF and try again");
  if (bytes.find('\0') != std::string_view::npos)
    return Status::DataError(path + ": looks binary (contains NUL bytes); give a .txt, .pdf, .docx or .odt agreement");
  bool fell_back = false;
  src.text = ToValidUtf8(bytes, path, src.warnings, &fell_back);
  src.encoding = fell_back ? "windows-1252" : "utf-8";
  return Status::Ok();
}

Status TooLarge(const std::string& what) {
  return Status::DataError(what + "; raise --max-bytes if it is really an agreement");
}

// PDFs and office documents are told by their content, whatever the name says.
Result<SourceText> DecodeBytes(std::string_view bytes, const std::string& path, const IngestOptions& options) {
  if (bytes.starts_with("%PDF-")) return DecodePdf(bytes, path);
  if (bytes.starts_with("PK\x03\x04")) return DecodeOfficeDocument(bytes, path, options.max_bytes);
  return DecodeText(bytes, path);
}

}  // namespace

Result<SourceText> DecodeText(std::string_view bytes, const std::string& path) {
  SourceText src;
  src.path = path;
  if (bytes.empty()) return Status::DataError(path + ": file is empty; nothing to read");
  if (Status s = ToUtf8(bytes, path, src); !s.ok()) return s;
  // Old Mac files end lines with a carriage return alone.
  if (src.text.find('\n') == std::string::npos) std::replace(src.text.begin(), src.text.end(), '\r', '\n');
  if (src.text.find_first_not_of(" \t\r\n\f") == std::string::npos)
    return Status::DataError(path + ": contains only white space; nothing to read");
  return src;
}

namespace {

// The PDF reader module, loaded at the first PDF (pdf_module.h): from the
// program's own directory, else from the build directory it was built in
// (tests and benchmarks run from elsewhere). Null with `error` set when it
// cannot be loaded.
OverensPdfWordsFn PdfModule(std::string* error) {
  static OverensPdfWordsFn words = nullptr;
  static std::string failure;
  static std::once_flag once;
  std::call_once(once, [] {
    std::vector<std::string> places;
    std::error_code ec;
    if (auto self = std::filesystem::read_symlink("/proc/self/exe", ec); !ec) places.push_back(self.parent_path().string());
    places.push_back(OVERENS_PDF_MODULE_DIR);
    std::string why;  // the loader's reason, when a module was there but would not load
    for (const std::string& dir : places) {
      std::string path = dir + "/" OVERENS_PDF_MODULE;
      if (!std::filesystem::exists(path, ec)) continue;
      if (void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) {
        words = reinterpret_cast<OverensPdfWordsFn>(dlsym(handle, OVERENS_PDF_WORDS_SYMBOL));
        if (words) return;
      }
      if (const char* e = dlerror()) why = std::string(" (") + e + ")";
    }
    failure = OVERENS_PDF_MODULE " not found or not loadable beside the program or in " OVERENS_PDF_MODULE_DIR + why +
              "; build the target overens_pdf, or reinstall overens with its PDF support (poppler)";
  });
  if (!words) *error = failure;
  return words;
}

// Collects a document's words page by page, laying each page out when the next begins.
struct PageCollector {
  std::string text;
  std::vector<PlacedWord> words;
  int pages = 0;
  void EndPage() {
    if (pages > 0) text += LayOutWords(std::move(words));
    words.clear();
  }
};

}  // namespace

Result<SourceText> DecodePdf(std::string_view bytes, const std::string& path) {
  std::string error;
  OverensPdfWordsFn read_words = PdfModule(&error);
  if (!read_words) return Status::DataError(path + ": cannot read PDFs: " + error);
  PageCollector pages;
  OverensPdfSink sink{&pages,
                      [](void* c) {
                        auto* p = static_cast<PageCollector*>(c);
                        p->EndPage();
                        if (p->pages++ > 0) p->text += '\f';
                      },
                      [](void* c, const char* text, size_t size, double x0, double y0, double x1, double y1, int space_after,
                         int rotation) {
                        static_cast<PageCollector*>(c)->words.push_back(
                            PlacedWord{std::string(text, size), x0, y0, x1, y1, space_after != 0, rotation});
                      }};
  int result = read_words(bytes.data(), bytes.size(), &sink);
  if (result == kOverensPdfDamaged)
    return Status::DataError(path + ": PDF is damaged or encrypted and cannot be opened; export it again or give the text");
  if (result == kOverensPdfEncrypted)
    return Status::DataError(path + ": PDF is encrypted; remove the password (e.g. qpdf --decrypt) and try again");
  pages.EndPage();
  SourceText src;
  src.path = path;
  src.encoding = "pdf";
  src.text = std::move(pages.text);
  if (src.text.find_first_not_of(" \t\r\n\f") == std::string::npos)
    return Status::DataError(path + ": PDF has no text layer (scanned?); run OCR first, e.g. ocrmypdf, then try again");
  return src;
}

Result<SourceText> IngestFile(const std::string& path, const IngestOptions& options) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NoInput(path + ": no such file; check the path");
    return Status::IoError(path + ": cannot access: " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::NoInput(path + ": is a directory; give a file (audit reads directories)");
  if (!S_ISREG(st.st_mode)) return Status::NoInput(path + ": not a regular file");
  if (static_cast<size_t>(st.st_size) > options.max_bytes)
    return TooLarge(path + ": file is " + std::to_string(st.st_size) + " bytes, over the limit of " +
                    std::to_string(options.max_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open for reading: " + std::strerror(errno));
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size()))
    return Status::IoError(path + ": read failed after " + std::to_string(in.gcount()) + " bytes");
  return DecodeBytes(bytes, path, options);
}

Result<SourceText> IngestStream(std::istream& in, const std::string& name, const IngestOptions& options) {
  std::string bytes;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.append(chunk, static_cast<size_t>(in.gcount()));
    if (bytes.size() > options.max_bytes) return TooLarge(name + ": input is over the limit of " + std::to_string(options.max_bytes) + " bytes");
  }
  if (in.bad() && bytes.empty()) return Status::IoError(name + ": cannot be read (closed, or a directory); pipe or redirect an agreement into it");
  if (in.bad()) return Status::IoError(name + ": read failed after " + std::to_string(bytes.size()) + " bytes; try again or give a file");
  return DecodeBytes(bytes, name, options);
}

}  // namespace overens
