// What the user named on the command line, turned into byte streams.
//
// collect_inputs() expands paths: a file is itself, a directory is walked
// recursively (entries sorted by name, hidden entries skipped), "-" is
// stdin. open_streams() opens one input as a sequence of streams: a plain
// file or stdin gives one stream; a compressed file (.gz .zst .xz .bz2
// .lz4) gives one decompressed stream named without the suffix; an archive
// (.tar and its compressed forms, .tgz, .zip, .7z) gives one stream per
// regular member, named "archive:member". Decompression and archives go
// through libarchive.
#pragma once

#include <forumkb/pipeline/input_stream.hpp>

#include <memory>
#include <string>
#include <vector>

namespace fkb::pipeline {

/// One input on disk (or stdin).
struct InputRef {
    std::string path;   ///< as given or as found in a walked directory; "-" for stdin
    int64_t size = -1;  ///< file size, -1 for stdin
};

/// Expands paths. A path that does not exist is reported in *errors as
/// "<path>: No such file or directory" and skipped.
std::vector<InputRef> collect_inputs(const std::vector<std::string>& paths, std::vector<std::string>* errors);

/// Streams of one input, one after the other. A stream returned by next()
/// is valid until the following call of next().
class StreamSequence {
public:
    virtual ~StreamSequence() = default;
    /// The next stream, or null at the end. Throws std::runtime_error with
    /// a one-line "<name>: <reason>" when the archive is broken.
    virtual std::unique_ptr<InputStream> next() = 0;
};

/// Opens an input. Throws std::runtime_error "<path>: <reason>".
std::unique_ptr<StreamSequence> open_streams(const InputRef& input);

/// True for names open_streams() reads through libarchive.
bool is_archive_name(const std::string& path) noexcept;
bool is_compressed_name(const std::string& path) noexcept;

}  // namespace fkb::pipeline
