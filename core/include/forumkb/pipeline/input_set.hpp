// What the user named on the command line, turned into byte streams.
//
// collect_inputs() expands paths: a file is itself, a directory is walked
// recursively (entries sorted by name, hidden entries skipped, and the
// entries a directory's .forumkbignore names: one glob per line, matched like
// --exclude relative to that directory, for it and everything below), "-"
// is stdin. open_streams() opens one input as a sequence of streams: a plain
// file or stdin gives one stream; a compressed file (.gz .zst .xz .bz2
// .lz4) gives one decompressed stream named without the suffix; an archive
// (.tar and its compressed forms, .tgz, .zip, .7z) gives one stream per
// regular member, named "archive:member". Decompression and archives go
// through libarchive, except zstd, which libzstd decodes directly so that
// long windows (`zstd --long=31`, Pushshift dumps) work. Archive members are
// only ever read as data: a member named "/etc/x" or "../x" is a name in
// source_file, never a path that is opened or written.
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

/// Which entries of a walked directory are read (--include / --exclude).
/// Patterns are shell globs (fnmatch). A pattern without '/' matches the
/// name of an entry; one with '/' matches the entry's path relative to the
/// directory named on the command line ('*' then also crosses '/').
/// exclude applies to files and directories (an excluded directory is not
/// walked); include, when given, keeps only the files matching one of its
/// patterns. Paths named on the command line are always read.
struct InputFilter {
    std::vector<std::string> include, exclude;
    /// True when the entry at rel (relative to the walked root) is read.
    bool keeps(const std::string& rel, bool is_directory) const;
};

/// Expands paths. A path that does not exist is reported in *errors as
/// "<path>: No such file or directory" and skipped.
std::vector<InputRef> collect_inputs(const std::vector<std::string>& paths, std::vector<std::string>* errors,
                                     const InputFilter& filter = {});

/// Streams of one input, one after the other. A stream returned by next()
/// is valid until the following call of next().
class StreamSequence {
public:
    virtual ~StreamSequence() = default;
    /// The next stream, or null at the end. Throws std::runtime_error with
    /// a one-line "<name>: <reason>" when the archive is broken.
    virtual std::unique_ptr<InputStream> next() = 0;
    /// Bytes of the input on disk consumed so far (compressed bytes for a
    /// compressed input): what progress reports count against InputRef::size.
    virtual uint64_t raw_bytes() const = 0;
};

/// Opens an input. Throws std::runtime_error "<path>: <reason>".
std::unique_ptr<StreamSequence> open_streams(const InputRef& input);

/// True for names open_streams() reads through libarchive.
bool is_archive_name(const std::string& path) noexcept;
bool is_compressed_name(const std::string& path) noexcept;

}  // namespace fkb::pipeline
