// Quoting of untrusted input for technical error details, in the style of
// Go's %q as age uses it: "malformed stanza opening line: \"-> x\\n\"".
// Non-printable bytes are escaped and long input is shortened, so a detail
// line never carries control characters or megabytes of garbage.
#pragma once

#include <string>
#include <string_view>

namespace bb::crypto {

// `s` in double quotes with \n, \r, \t, \", \\ and \xNN escapes; at most
// `max_bytes` input bytes are shown, followed by "..." if there were more.
std::string quote(std::string_view s, size_t max_bytes = 80);

}  // namespace bb::crypto
