// The boundary between the program and its PDF reader, a module of its own
// (liboverens_pdf.so, linked with poppler): only a run that reads a PDF
// loads poppler and the twenty-odd libraries it brings, which would
// otherwise cost every run, a PDF or not, about 2.7 ms of start-up.
// Plain C types, so the two sides need agree on nothing else.
#pragma once

#include <stddef.h>

extern "C" {

// Where a document's words go, page by page, in poppler's order.
struct OverensPdfSink {
  void* context;
  void (*page)(void* context);  // a page begins
  // A word, UTF-8, with its box in points from the page's top left corner
  // and the direction it runs in quarter turns (0 left to right, 1 down,
  // 2 right to left, 3 up: a page turned a quarter is read as 1 or 3).
  void (*word)(void* context, const char* text, size_t size, double x0, double y0, double x1, double y1, int space_after,
               int rotation);
};

enum OverensPdfResult { kOverensPdfOk = 0, kOverensPdfDamaged = 1, kOverensPdfEncrypted = 2 };

// Reads the PDF in `bytes`, handing its words to `sink`. Safe to call from
// several threads (they take turns: poppler keeps process-wide state).
// Never prints.
typedef int (*OverensPdfWordsFn)(const char* bytes, size_t size, const OverensPdfSink* sink);

#define OVERENS_PDF_MODULE "liboverens_pdf.so"
#define OVERENS_PDF_WORDS_SYMBOL "overens_pdf_words"
}
