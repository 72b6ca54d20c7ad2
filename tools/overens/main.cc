// Entry point: hands argv to the CLI and returns its exit code.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "tools/overens/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = overens::RunCli(args, std::cin, std::cout, std::cerr, ::isatty(1) != 0, ::isatty(2) != 0);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "overens: cannot write to standard output\n";
    return overens::kExitIoError;
  }
  return code;
}
