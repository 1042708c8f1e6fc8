// Errors as values: every fallible core function returns Result<T>.
//
// An Error carries a user-facing message (an entry of the strings table, so it
// reads in German or English as the user chose) and a technical detail in
// English for logs and the CLI. No exception escapes the core into the frame
// loop; no abort() on user input.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "core/i18n.h"

namespace bb {

struct Error {
  Str message = Str::err_internal;  // what the user reads; also the error's kind
  std::string detail;               // technical, English, lowercase, no final period
  std::string arg;                  // substituted for "{}" in the message, if any

  // The message in the current UI language, with `arg` filled in.
  std::string text() const { return format_text(message, arg); }
  bool is(Str kind) const { return message == kind; }
};

inline Error make_error(Str message, std::string detail, std::string arg = {}) {
  return Error{message, std::move(detail), std::move(arg)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace bb

// Propagates an error: BB_TRY(expr) returns the error of `expr` from the caller.
#define BB_TRY(expr)                                         \
  do {                                                       \
    auto bb_try_result_ = (expr);                            \
    if (!bb_try_result_.ok()) return bb_try_result_.error(); \
  } while (0)
