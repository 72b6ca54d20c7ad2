// Ingestion: file bytes -> UTF-8 text. The only code that reads input files.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace overens {

struct IngestOptions {
  size_t max_bytes = 64u << 20;  // larger inputs are refused, not truncated
};

struct SourceText {
  std::string path;
  std::string text;                   // UTF-8; pages of a PDF separated by '\f'
  std::string encoding;               // "utf-8", "utf-16le", "windows-1252", "pdf"
  std::vector<std::string> warnings;  // e.g. the Windows-1252 fallback
};

// Reads and decodes one file. PDFs ("%PDF-") and Word or OpenDocument
// documents (a zip archive) are recognised by content, not by name.
// Errors: kNoInput (missing, not a regular file), kIoError (unreadable),
// kDataError (empty, binary, too large, scanned/encrypted/corrupt PDF).
// Each message names the file and says what the user can do.
Result<SourceText> IngestFile(const std::string& path, const IngestOptions& options = {});

// Reads a stream (standard input) to its end and decodes it as IngestFile
// does a file; `name` stands for it in messages. Errors: kIoError (the read
// failed), kDataError (as IngestFile; over options.max_bytes).
Result<SourceText> IngestStream(std::istream& in, const std::string& name, const IngestOptions& options = {});

// Decodes bytes already in memory (no PDF); `path` is used in messages only.
Result<SourceText> DecodeText(std::string_view bytes, const std::string& path);

// The text of a Word (.docx) or OpenDocument (.odt) document held in
// memory: each paragraph, and each table row, on a line of its own; list
// paragraphs start with "• ". Errors (kDataError): a zip archive of neither
// kind, damaged, encrypted, text longer than `max_bytes`.
Result<SourceText> DecodeOfficeDocument(std::string_view bytes, const std::string& path, size_t max_bytes);

// Extracts the text layer of a PDF held in memory. Safe to call from
// several threads: poppler's shared state makes them take turns.
Result<SourceText> DecodePdf(std::string_view bytes, const std::string& path);

}  // namespace overens
