// The PDF reader module (see pdf_module.h): poppler's words of each page.
#include "extractor/pdf_module/pdf_module.h"

#include <memory>
#include <mutex>
#include <string>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

namespace {

// poppler keeps process-wide state (its error hook, font and encoding
// tables), so callers on several threads read one PDF at a time.
std::mutex& PopplerLock() {
  static std::mutex lock;
  return lock;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int overens_pdf_words(const char* bytes, size_t size,
                                                                       const OverensPdfSink* sink) {
  std::lock_guard<std::mutex> one_pdf_at_a_time(PopplerLock());
  // The library must not print; poppler reports through this hook instead.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes, static_cast<int>(size)));
  if (!doc) return kOverensPdfDamaged;
  if (doc->is_locked()) return kOverensPdfEncrypted;
  for (int i = 0; i < doc->pages(); ++i) {
    sink->page(sink->context);
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    for (const poppler::text_box& box : page->text_list()) {
      poppler::byte_array utf8 = box.text().to_utf8();
      poppler::rectf r = box.bbox();
      sink->word(sink->context, utf8.data(), utf8.size(), r.x(), r.y(), r.x() + r.width(), r.y() + r.height(),
                 box.has_space_after() ? 1 : 0, box.rotation());
    }
  }
  return kOverensPdfOk;
}
