#include "tools/overens/pipeline.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace overens {

Result<std::string> ReadSmallFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NoInput(path + ": no such file; check the path");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open for reading: " + std::strerror(errno));
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const std::string& framework_file, const std::string& reference_dir,
                                                   bool extract) {
  ReferenceSources sources = EmbeddedReferenceSources();
  if (!reference_dir.empty()) {
    for (auto [name, target] : {std::pair{"framework.xml", &sources.framework}, {"delregions.xml", &sources.delregions},
                                {"laws.xml", &sources.laws}, {"vocabulary.xml", &sources.vocabulary}}) {
      auto text = ReadSmallFile(reference_dir + "/" + name);
      if (!text.ok()) return text.status();
      *target = std::move(text).value();
    }
  }
  if (!framework_file.empty()) {
    auto text = ReadSmallFile(framework_file);
    if (!text.ok()) return text.status();
    sources.framework = std::move(text).value();
  }
  auto ref = LoadReferenceData(sources);
  if (!ref.ok()) return ref.status();
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  p->ref_ = std::make_unique<ReferenceData>(std::move(ref).value());
  if (!extract) return p;
  auto ex = Extractor::Create(*p->ref_);
  if (!ex.ok()) return ex.status();
  p->extractor_ = std::move(ex).value();
  return p;
}

Result<LoadedDocument> Pipeline::Load(const std::string& path, const IngestOptions& options) const {
  auto src = IngestFile(path, options);
  if (!src.ok()) return src.status();
  return Process(std::move(src).value());
}

LoadedDocument Pipeline::Process(SourceText source) const {
  LoadedDocument d;
  d.source = std::move(source);
  d.text = Normalize(d.source);
  if (extractor_) d.doc = extractor_->Extract(d.text, d.source.path);
  d.doc.file = d.source.path;
  d.doc.warnings = d.source.warnings;
  return d;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, std::vector<Status>& errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      out.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors.push_back(Status::IoError(in + ": cannot read directory: " + ec.message()));
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        errors.push_back(Status::IoError(in + ": " + ec.message()));
        break;
      }
      std::string ext = it->path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
      bool agreement = ext == ".txt" || ext == ".pdf" || ext == ".docx" || ext == ".odt";
      // "~$lo.docx" is Word's lock file beside an open document.
      if (agreement && !it->path().filename().string().starts_with("~$") && !it->is_directory(ec))
        found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) return Status::IoError(path + ": cannot write here (" + std::strerror(errno) + "); choose another output path");
  return AtomicFile(path, name.data(), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)), temp_(std::move(other.temp_)), fd_(other.fd_), done_(other.done_) {
  other.fd_ = -1;
  other.done_ = true;
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!done_) ::unlink(temp_.c_str());
}

Status AtomicFile::Commit() {
  done_ = true;
  bool synced = fd_ < 0 || ::fsync(fd_) == 0;
  bool closed = fd_ < 0 || ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed) {
    std::string why = std::strerror(errno);
    ::unlink(temp_.c_str());
    return Status::IoError(path_ + ": write failed (" + why + ")");
  }
  ::chmod(temp_.c_str(), 0644);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(temp_.c_str());
    return Status::IoError(path_ + ": cannot replace (" + why + ")");
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(file.value().fd(), p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(path + ": write failed (" + std::strerror(errno) + ")");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return file.value().Commit();
}

}  // namespace overens
