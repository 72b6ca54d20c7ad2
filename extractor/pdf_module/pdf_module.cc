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

bool IsLowerLetter(unsigned short c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
bool IsUpperLetter(unsigned short c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }

// Hands on one poppler word, cut where a lower-case letter touches an
// upper-case one ("screeningBeroendevården"): a table cell filled to its
// edge runs into the next and poppler takes the two for one word. The
// pieces touch (no space after the first), so the layout joins them again
// unless the second starts a table's column.
void HandOnWord(const poppler::text_box& box, const OverensPdfSink* sink) {
  poppler::rectf r = box.bbox();
  poppler::ustring text = box.text();
  // text[from, to) from x0 to x1, the space after it poppler saw or none.
  auto hand_on = [&](size_t from, size_t to, double x0, double x1, bool space_after) {
    poppler::ustring piece;
    piece.assign(text.begin() + static_cast<long>(from), text.begin() + static_cast<long>(to));
    poppler::byte_array utf8 = piece.to_utf8();
    sink->word(sink->context, utf8.data(), utf8.size(), x0, r.y(), x1, r.y() + r.height(), space_after ? 1 : 0, box.rotation());
  };
  size_t from = 0;
  double x0 = r.x();
  for (size_t k = 1; box.rotation() == 0 && k < text.size(); ++k) {
    if (!IsLowerLetter(text[k - 1]) || !IsUpperLetter(text[k])) continue;
    hand_on(from, k, x0, box.char_bbox(k - 1).right(), false);
    from = k;
    x0 = box.char_bbox(k).x();
  }
  hand_on(from, text.size(), x0, r.x() + r.width(), box.has_space_after());
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
    for (const poppler::text_box& box : page->text_list()) HandOnWord(box, sink);
  }
  return kOverensPdfOk;
}
