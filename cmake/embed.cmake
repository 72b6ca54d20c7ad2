# Writes OUT: a C++ file defining EmbeddedReferenceSources() from the XML files.
# Invoked at build time so edits of corpus/reference/*.xml are picked up.
set(parts framework delregions laws vocabulary counties messages)
set(body "")
foreach(part IN LISTS parts)
  file(READ "${SRC_DIR}/${part}.xml" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
  string(APPEND body "const unsigned char k_${part}[] = {${hex}0x00};\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from corpus/reference/*.xml by cmake/embed.cmake; do not edit.\n#include \"model/reference_data.h\"\nnamespace overens {\nnamespace {\n${body}}\nReferenceSources EmbeddedReferenceSources() {\n  return {reinterpret_cast<const char*>(k_framework), reinterpret_cast<const char*>(k_delregions),\n          reinterpret_cast<const char*>(k_laws), reinterpret_cast<const char*>(k_vocabulary),\n          reinterpret_cast<const char*>(k_counties), reinterpret_cast<const char*>(k_messages)};\n}\n}  // namespace overens\n")
file(RENAME "${OUT}.tmp" "${OUT}")
