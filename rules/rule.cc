#include "rules/rule.h"

#include "extractor/text_util.h"

namespace overens {

std::string_view ToString(RuleScope scope) { return scope == RuleScope::kFramework ? "framework" : "general"; }

bool IsAgreement(DocumentKind k) { return k == DocumentKind::kLokalOverenskommelse; }
bool IsAgreementOrPlan(DocumentKind k) {
  return IsAgreement(k) || k == DocumentKind::kRamoverenskommelse || k == DocumentKind::kHandlingsplan;
}

std::string StableFindingId(std::string_view rule, std::string_view file, std::string_view evidence) {
  size_t slash = file.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? file : file.substr(slash + 1);
  uint64_t h = 1469598103934665603ull;
  auto mix_byte = [&](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) mix_byte(c);
    mix_byte(0x1f);
  };
  mix(rule);
  mix(name);
  // The evidence's folded words, each followed by one space: spacing and
  // punctuation changes keep the id. Streamed rather than built as strings.
  std::string folded = Fold(evidence);
  bool in_word = false;
  for (char c : folded) {
    if (IsWordByte(c)) mix_byte(static_cast<unsigned char>(c));
    else if (in_word) mix_byte(' ');
    in_word = IsWordByte(c);
  }
  if (in_word) mix_byte(' ');
  mix_byte(0x1f);
  std::string id(16, '0');
  for (size_t i = 16; i-- > 0; h >>= 4) id[i] = "0123456789abcdef"[h & 0xf];
  return id;
}

namespace {

std::string Render(const ReferenceData& ref, Language language, const Message& m) {
  std::vector<std::string_view> args(m.args.begin(), m.args.end());
  return ref.Say(language, m.id, args);
}

}  // namespace

Finding Rule::Make(const RuleContext& ctx, SourceSpan span, const Message& message, std::string evidence,
                   std::string framework_quote) const {
  Finding f;
  f.rule = std::string(id());
  f.severity = severity();
  f.file = ctx.doc.file;
  f.span = span;
  f.message_id = message.id;
  f.message = Render(ctx.ref, ctx.options.language, message);
  f.evidence = Ellipsize(evidence, 400);
  f.framework_quote = std::move(framework_quote);
  std::string english = ctx.options.language == Language::kEnglish ? f.message : Render(ctx.ref, Language::kEnglish, message);
  f.id = StableFindingId(f.rule, f.file, f.evidence + "|" + english);
  return f;
}

Finding Rule::Make(const RuleContext& ctx, SourceSpan span, const Message& message, const Message& evidence,
                   std::string framework_quote) const {
  Finding f = Make(ctx, span, message, Render(ctx.ref, Language::kEnglish, evidence), std::move(framework_quote));
  f.evidence = Ellipsize(Render(ctx.ref, ctx.options.language, evidence), 400);
  return f;
}

}  // namespace overens
