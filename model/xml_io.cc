#include "model/xml_io.h"

#include <cstdlib>
#include <sstream>

#include <pugixml.hpp>

#include "model/visit_traits.h"

namespace overens {
namespace {

std::string ScalarToString(const std::string& s) { return s; }
std::string ScalarToString(int v) { return std::to_string(v); }
std::string ScalarToString(long long v) { return std::to_string(v); }
std::string ScalarToString(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}
std::string ScalarToString(bool v) { return v ? "true" : "false"; }
std::string ScalarToString(const CivilDate& d) { return d.ToString(); }
template <visit::ModelEnum E> std::string ScalarToString(E e) { return std::string(ToString(e)); }

bool ScalarFromString(std::string_view s, std::string& out) { out = s; return true; }
bool ScalarFromString(std::string_view s, int& out) {
  char* end = nullptr; std::string tmp(s);
  out = static_cast<int>(std::strtol(tmp.c_str(), &end, 10));
  return !tmp.empty() && *end == '\0';
}
bool ScalarFromString(std::string_view s, long long& out) {
  char* end = nullptr; std::string tmp(s);
  out = std::strtoll(tmp.c_str(), &end, 10);
  return !tmp.empty() && *end == '\0';
}
bool ScalarFromString(std::string_view s, double& out) {
  char* end = nullptr; std::string tmp(s);
  out = std::strtod(tmp.c_str(), &end);
  return !tmp.empty() && *end == '\0';
}
bool ScalarFromString(std::string_view s, bool& out) {
  if (s != "true" && s != "false") return false;
  out = s == "true";
  return true;
}
bool ScalarFromString(std::string_view s, CivilDate& out) {
  auto d = CivilDate::Parse(s);
  if (d) out = *d;
  return d.has_value();
}
template <visit::ModelEnum E> bool ScalarFromString(std::string_view s, E& out) {
  auto e = EnumFromString<E>(s);
  if (e) out = *e;
  return e.has_value();
}

void WriteSpan(pugi::xml_node node, const SourceSpan& s) {
  node.append_attribute("line") = s.line;
  node.append_attribute("column") = s.column;
  node.append_attribute("length") = s.length;
}

template <typename T> void WriteRecord(pugi::xml_node node, const T& record);

class XmlWriter {
 public:
  explicit XmlWriter(pugi::xml_node node) : node_(node) {}
  template <typename T>
  void operator()(const char* name, const T& value) {
    if constexpr (std::is_same_v<T, SourceSpan>) {
      if (std::string_view(name) == "span") WriteSpan(node_, value);
      else WriteSpan(node_.append_child(name), value);
    } else if constexpr (visit::Scalar<T>) {
      node_.append_attribute(name) = ScalarToString(value).c_str();
    } else if constexpr (visit::IsOptional<T>::value) {
      if (value) (*this)(name, *value);
    } else if constexpr (visit::IsVector<T>::value) {
      pugi::xml_node list = node_.append_child(name);
      for (const auto& item : value) {
        pugi::xml_node child = list.append_child("item");
        if constexpr (visit::Scalar<typename T::value_type>)
          child.text().set(ScalarToString(item).c_str());
        else
          WriteRecord(child, item);
      }
    } else {
      WriteRecord(node_.append_child(name), value);
    }
  }

 private:
  pugi::xml_node node_;
};

template <typename T> void WriteRecord(pugi::xml_node node, const T& record) {
  XmlWriter w(node);
  const_cast<T&>(record).Visit(w);  // Visit is shared with the reader; writing never mutates
}

template <typename T> Status ReadRecord(pugi::xml_node node, T& record);

Status FieldError(pugi::xml_node node, const char* name, std::string_view value) {
  std::ostringstream os;
  os << "at byte " << node.offset_debug() << ": <" << node.name() << "> field '" << name
     << "' has an invalid value '" << value << "'";
  return Status::DataError(os.str());
}

class XmlReader {
 public:
  explicit XmlReader(pugi::xml_node node) : node_(node) {}
  Status status() const { return status_; }

  template <typename T>
  void operator()(const char* name, T& value) {
    if (!status_.ok()) return;
    if constexpr (std::is_same_v<T, SourceSpan>) {
      pugi::xml_node src = std::string_view(name) == "span" ? node_ : node_.child(name);
      value.line = src.attribute("line").as_int();
      value.column = src.attribute("column").as_int();
      value.length = src.attribute("length").as_int();
    } else if constexpr (visit::Scalar<T>) {
      pugi::xml_attribute a = node_.attribute(name);
      if (a && !ScalarFromString(a.value(), value)) status_ = FieldError(node_, name, a.value());
    } else if constexpr (visit::IsOptional<T>::value) {
      using Inner = typename T::value_type;
      bool present = visit::Scalar<Inner> ? static_cast<bool>(node_.attribute(name))
                                          : static_cast<bool>(node_.child(name));
      if (!present) { value.reset(); return; }
      Inner inner{};
      (*this)(name, inner);
      value = std::move(inner);
    } else if constexpr (visit::IsVector<T>::value) {
      value.clear();
      for (pugi::xml_node child : node_.child(name).children("item")) {
        typename T::value_type item{};
        if constexpr (visit::Scalar<typename T::value_type>) {
          if (!ScalarFromString(child.text().get(), item)) {
            status_ = FieldError(child, name, child.text().get());
            return;
          }
        } else {
          status_ = ReadRecord(child, item);
          if (!status_.ok()) return;
        }
        value.push_back(std::move(item));
      }
    } else {
      status_ = ReadRecord(node_.child(name), value);
    }
  }

 private:
  pugi::xml_node node_;
  Status status_;
};

template <typename T> Status ReadRecord(pugi::xml_node node, T& record) {
  XmlReader r(node);
  record.Visit(r);
  return r.status();
}

}  // namespace

std::string DocumentsToXml(const std::vector<Document>& docs) {
  pugi::xml_document xml;
  pugi::xml_node root = xml.append_child("overens-model");
  root.append_attribute("version") = kModelSchemaVersion;
  for (const Document& d : docs) WriteRecord(root.append_child("document"), d);
  std::ostringstream os;
  xml.save(os, "  ", pugi::format_default, pugi::encoding_utf8);
  return os.str();
}

Result<std::vector<Document>> DocumentsFromXml(std::string_view xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return Status::DataError("at byte " + std::to_string(parsed.offset) + ": " + parsed.description());
  }
  pugi::xml_node root = doc.child("overens-model");
  if (!root) return Status::DataError("at byte 0: expected root element <overens-model>");
  int version = root.attribute("version").as_int(0);
  if (version != kModelSchemaVersion) {
    return Status::DataError("at byte " + std::to_string(root.offset_debug()) + ": schema version " +
                             std::to_string(version) + " is not supported (expected " +
                             std::to_string(kModelSchemaVersion) + ")");
  }
  std::vector<Document> docs;
  for (pugi::xml_node node : root.children("document")) {
    Document d;
    Status s = ReadRecord(node, d);
    if (!s.ok()) return s;
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace overens
