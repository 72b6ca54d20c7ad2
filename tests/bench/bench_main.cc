// overens_bench: throughput of extract+check and wall time of an audit over a
// generated corpus. Not a test: it prints figures for the README.
//   overens_bench [--docs N] [--corpus DIR] [--no-audit]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/registry.h"
#include "tools/overens/cli.h"
#include "tools/overens/pipeline.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> ReadDemo(const std::string& dir) {
  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::ostringstream os;
    os << in.rdbuf();
    texts.push_back(os.str());
  }
  return texts;
}

// Varies a demo agreement so documents differ (dates, names, line positions).
std::string Variant(const std::string& base, int i) {
  std::string out = "Dokument nr " + std::to_string(i) + "\n\n" + base;
  std::string year = std::to_string(2020 + i % 8);
  for (size_t pos = 0; (pos = out.find("2024", pos)) != std::string::npos; pos += 4) out.replace(pos, 4, year);
  return out;
}

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// Writes the texts to a temporary directory and times `overens audit` on it.
int TimeAudit(const std::vector<std::string>& texts) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("overens-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (size_t i = 0; i < texts.size(); ++i) std::ofstream(dir / ("lo-" + std::to_string(i) + ".txt")) << texts[i];
  std::ostringstream out, err;
  auto t2 = Clock::now();
  int code = overens::RunCli({"audit", "--quiet", "--as-of", "2026-11-22", dir.string(), "-o", (dir / "audit.xlsx").string()},
                             std::cin, out, err, false, false);
  auto t3 = Clock::now();
  std::printf("audit to xlsx: %zu documents in %.3f s (exit %d, %ju bytes)\n", texts.size(), Seconds(t2, t3), code,
              static_cast<uintmax_t>(fs::exists(dir / "audit.xlsx") ? fs::file_size(dir / "audit.xlsx") : 0));
  fs::remove_all(dir);
  return code;
}

// The same 10 MB of agreement text as many short lines and as one line:
// cost must be linear in the input whatever its line lengths.
template <typename ExtractAndCheck>
void TimeLineShapes(const std::vector<std::string>& demo, ExtractAndCheck extract_and_check) {
  constexpr size_t kBytes = 10u << 20;
  std::string lines;
  for (size_t i = 0; lines.size() < kBytes; ++i) lines += demo[i % demo.size()] + "\n";
  lines.resize(kBytes);
  lines.resize(lines.rfind('\n') + 1);
  std::string one_line = lines;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  double mb = static_cast<double>(lines.size()) / 1e6, rate[2] = {0, 0};
  const std::string* shapes[2] = {&lines, &one_line};
  for (int k = 0; k < 2; ++k) {
    auto t0 = Clock::now();
    extract_and_check(*shapes[k]);
    rate[k] = mb / Seconds(t0, Clock::now());
  }
  std::printf("10 MB as short lines: %.1f MB/s; as one line: %.1f MB/s; ratio %.2f (goal: within 2)\n", rate[0], rate[1],
              rate[0] / rate[1]);
}

}  // namespace

int main(int argc, char** argv) {
  int docs = 1000;
  std::string corpus = std::string(OVERENS_SOURCE_DIR) + "/corpus/demo";
  bool audit = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--no-audit") audit = false;
    if (a == "--docs" && i + 1 < argc) docs = std::stoi(argv[++i]);
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
  }
  auto pipeline = overens::Pipeline::Create("", "");
  if (!pipeline.ok()) {
    std::cerr << pipeline.status().message() << "\n";
    return 1;
  }
  std::vector<std::string> demo = ReadDemo(corpus);
  if (demo.empty()) {
    std::cerr << "no .txt files in " << corpus << "\n";
    return 1;
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (int i = 0; i < docs; ++i) {
    texts.push_back(Variant(demo[static_cast<size_t>(i) % demo.size()], i));
    bytes += texts.back().size();
  }
  auto rules = overens::RegisterAllRules();
  overens::CheckOptions options;
  options.as_of = {2026, 11, 22};
  auto extract_and_check = [&](const std::string& t) {
    overens::SourceText src{"bench.txt", t, "utf-8", {}};
    overens::Document d = pipeline.value()->extractor().Extract(overens::Normalize(src), "bench.txt");
    return overens::RunRules(rules, d, pipeline.value()->reference(), options).size();
  };
  // Patterns that are compiled on first use (function-local statics) are
  // compiled here, untimed: the figure is the steady state of a long run.
  for (const std::string& t : demo) extract_and_check(Variant(t, 0));
  size_t findings = 0;
  auto t0 = Clock::now();
  for (const std::string& t : texts) findings += extract_and_check(t);
  auto t1 = Clock::now();
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf("extract+check: %d documents, %.2f MB in %.3f s = %.1f MB/s (one core), %zu findings\n", docs, mb,
              Seconds(t0, t1), mb / Seconds(t0, t1), findings);

  TimeLineShapes(demo, extract_and_check);

  int code = audit ? TimeAudit(texts) : 0;
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak memory: %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return code;
}
