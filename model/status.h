// Status and Result<T>: how every library function reports failure.
// Library code never throws across module boundaries, never prints and never
// exits; tools/ maps a StatusCode to a process exit code.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace overens {

enum class StatusCode {
  kOk,
  kUsage,      // the caller asked for something impossible
  kDataError,  // input exists but cannot be understood (sysexits EX_DATAERR)
  kNoInput,    // input is missing or not a regular file (EX_NOINPUT)
  kIoError,    // reading or writing failed (EX_IOERR)
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Usage(std::string m) { return Status(StatusCode::kUsage, std::move(m)); }
  static Status DataError(std::string m) { return Status(StatusCode::kDataError, std::move(m)); }
  static Status NoInput(std::string m) { return Status(StatusCode::kNoInput, std::move(m)); }
  static Status IoError(std::string m) { return Status(StatusCode::kIoError, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode c, std::string m) : code_(c), message_(std::move(m)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace overens
