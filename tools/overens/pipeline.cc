#include "tools/overens/pipeline.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace overens {

Result<std::string> ReadSmallFile(const std::string& path) {
  std::error_code ec;
  auto type = std::filesystem::status(path, ec).type();
  if (type == std::filesystem::file_type::not_found || type == std::filesystem::file_type::none)
    return Status::NoInput(path + ": no such file; check the path");
  if (type == std::filesystem::file_type::directory)
    return Status::NoInput(path + ": is a directory, not a file; give the XML or JSON file itself");
  if (type != std::filesystem::file_type::regular)
    return Status::NoInput(path + ": not a regular file (a device, pipe or socket); give the file itself");
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
    // Counties came later: a directory made before them keeps the embedded list.
    if (std::error_code ec; std::filesystem::exists(reference_dir + "/counties.xml", ec)) {
      auto text = ReadSmallFile(reference_dir + "/counties.xml");
      if (!text.ok()) return text.status();
      sources.counties = std::move(text).value();
    }
  }
  if (!framework_file.empty()) {
    auto text = ReadSmallFile(framework_file);
    if (!text.ok()) return text.status();
    sources.framework = std::move(text).value();
  }
  auto ref = LoadReferenceData(sources);
  if (!ref.ok()) {
    // The message starts with the part ("framework reference data, at byte 12: ..."); name the file it came from.
    std::string message = ref.status().message();
    std::string part = message.substr(0, message.find_first_of(" .:"));
    std::string file = part == "framework" && !framework_file.empty() ? framework_file
                       : reference_dir.empty()                       ? ""
                                                                     : reference_dir + "/" + part + ".xml";
    if (file.empty()) return ref.status();  // the embedded data: a fault of the build, not of the user
    return Status::DataError(file + ": " + message + "; fix the file (corpus/reference/" + part +
                             ".xml is a valid example) or leave the option out");
  }
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
  // The raw text is read once: the lines keep what the rest needs, each with its source line.
  std::string().swap(d.source.text);
  d.page_starts = d.text.page_starts;
  for (const TextLine& l : d.text.lines) d.last_source_line = std::max(d.last_source_line, l.source_line);
  if (extractor_) {
    d.doc = extractor_->Extract(std::move(d.text), d.source.path);
    d.text = NormalizedText();
  }
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

namespace {

namespace fs = std::filesystem;

// Where a write to `path` lands: the file at the end of its symlinks, so a
// link stays a link and the file it points to gets the new content.
fs::path ResolvedTarget(const fs::path& path) {
  std::error_code ec;
  fs::path p = path;
  constexpr int kMostLinks = 40;  // as the kernel's ELOOP
  for (int i = 0; i < kMostLinks && fs::is_symlink(fs::symlink_status(p, ec)); ++i) {
    fs::path to = fs::read_symlink(p, ec);
    if (ec) break;
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  return p;
}

// Whether `name` is a temporary file of AtomicFile (".NAME.tmp-XXXXXX").
bool IsOurTemporary(const std::string& name) {
  constexpr std::string_view kMark = ".tmp-";
  constexpr size_t kSuffix = 6;
  if (name.size() < 1 + kMark.size() + kSuffix || name[0] != '.') return false;
  size_t mark = name.size() - kSuffix - kMark.size();
  if (name.compare(mark, kMark.size(), kMark) != 0) return false;
  return std::all_of(name.end() - kSuffix, name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// Removes temporaries of AtomicFile in `dir` older than a day: left by a
// write that was killed before it could remove its own.
void RemoveStaleTemporaries(const fs::path& dir) {
  std::error_code ec;
  auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ignored;
    if (IsOurTemporary(it->path().filename().string()) && it->is_regular_file(ignored) &&
        it->last_write_time(ignored) < day_ago)
      fs::remove(it->path(), ignored);
  }
}

mode_t NewFileMode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

Status WriteFailed(const std::string& path, const std::string& why) {
  return Status::IoError(path + ": write failed (" + why + "); check that the disk has room and the file can be written, then try again");
}

// Writes all of `bytes` to `fd`, going on after a signal; false (errno set) on failure.
bool WriteAll(int fd, std::string_view bytes) {
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno != EINTR) return false;
    if (n > 0) done += static_cast<size_t>(n);
  }
  return true;
}

// Copies the file at `from` into the open descriptor `to` from its start.
bool CopyInto(const std::string& from, int to) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return false;
  char buffer[1 << 16];
  bool ok = true;
  for (ssize_t n; ok && (n = ::read(in, buffer, sizeof buffer)) != 0;) {
    if (n < 0) ok = errno == EINTR;
    else ok = WriteAll(to, std::string_view(buffer, static_cast<size_t>(n)));
  }
  ::close(in);
  return ok;
}

}  // namespace

Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  fs::path target = ResolvedTarget(path);
  struct stat st {};
  bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return Status::IoError(path + ": is a directory; name a file to write");
  // A device, pipe or socket ("-o /dev/null", "-o /dev/stdout") is written
  // through, never replaced; so is anything under /dev and /proc, whose
  // links lead to the descriptors of this process.
  bool through = (exists && !S_ISREG(st.st_mode)) || path.starts_with("/dev/") || path.starts_with("/proc/");
  std::error_code ec;
  fs::path temp_dir = through ? fs::temp_directory_path(ec) : fs::path();
  if (ec) temp_dir = "/tmp";
  fs::path dir = through ? temp_dir : (target.has_parent_path() ? target.parent_path() : fs::path("."));
  int through_fd = through ? ::open(path.c_str(), O_WRONLY | O_CLOEXEC) : -1;
  if (through && through_fd < 0)
    return Status::IoError(path + ": cannot write here (" + std::strerror(errno) + "); choose another output path");
  if (!through) RemoveStaleTemporaries(dir);
  std::string stem = through ? "overens" : target.filename().string();
  std::string tmpl = (dir / ("." + stem + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    std::string why = std::strerror(errno);
    if (through_fd >= 0) ::close(through_fd);
    return Status::IoError(path + ": cannot write here (" + why + "); choose another output path");
  }
  AtomicFile file(through ? path : target.string(), name.data(), fd);
  file.through_fd_ = through_fd;
  file.mode_ = exists && !through ? (st.st_mode & 07777) : NewFileMode();
  if (exists && !through && ::fchown(fd, st.st_uid, st.st_gid) != 0) {
    // Only root may give a file away; a user's own file keeps its owner anyway.
  }
  return file;
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)), temp_(std::move(other.temp_)), fd_(other.fd_), done_(other.done_),
      through_fd_(other.through_fd_), mode_(other.mode_) {
  other.fd_ = -1;
  other.through_fd_ = -1;
  other.done_ = true;
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (through_fd_ >= 0) ::close(through_fd_);
  if (!done_) ::unlink(temp_.c_str());
}

Status AtomicFile::Commit() {
  done_ = true;
  bool synced = fd_ < 0 || through_fd_ >= 0 || ::fsync(fd_) == 0;
  bool closed = fd_ < 0 || ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed) {
    std::string why = std::strerror(errno);
    ::unlink(temp_.c_str());
    return WriteFailed(path_, why);
  }
  if (through_fd_ >= 0) return CommitThrough();
  ::chmod(temp_.c_str(), mode_);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(temp_.c_str());
    return Status::IoError(path_ + ": cannot replace (" + why + ")");
  }
  return Status::Ok();
}

Status AtomicFile::Write(std::string_view bytes) {
  if (WriteAll(fd_, bytes)) return Status::Ok();
  return WriteFailed(path_, std::strerror(errno));
}

Status AtomicFile::CommitThrough() {
  bool ok = CopyInto(temp_, through_fd_);
  std::string why = std::strerror(errno);
  if (::close(through_fd_) != 0 && ok) ok = false, why = std::strerror(errno);
  through_fd_ = -1;
  ::unlink(temp_.c_str());
  if (!ok) return WriteFailed(path_, why);
  return Status::Ok();
}

Status RefuseOutputOverInput(const std::string& flag, const std::string& path, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (path.empty() || ::stat(path.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return Status::Ok();
  for (const std::string& in : inputs) {
    struct stat st {};
    if (in != "-" && ::stat(in.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      return Status::Usage(flag + " " + path + " is the input " + in +
                           ", which would be overwritten; inputs are never modified, so name another output file");
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  if (Status s = file.value().Write(content); !s.ok()) return s;
  return file.value().Commit();
}

}  // namespace overens
