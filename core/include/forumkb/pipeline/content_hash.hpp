// A fast 64-bit content hash of a file, so ingest can tell that a file it
// finished before is unchanged and skip it on resume. Not cryptographic.
#pragma once

#include <string>

namespace fkb::pipeline {

/// Hex digest of the file's bytes; throws std::runtime_error
/// "<path>: <strerror>" when it cannot be read.
std::string content_hash(const std::string& path);

}  // namespace fkb::pipeline
