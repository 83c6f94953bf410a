// Compact binary encoding of posts and thread headers for the spill store.
//
// Dump sources cannot emit a thread before they have seen all of its posts,
// which for Stack Exchange and Reddit dumps means the end of the file. While
// they wait, posts live in the ThreadStore (SQLite, spilled to disk past a
// memory budget) as blobs made by this codec: varint integers and
// length-prefixed strings, a presence bit per optional member. It is private
// to one run (never written to a file that outlives the process), so it has
// no version byte.
#pragma once

#include <forumkb/sdk.hpp>

#include <string>
#include <string_view>

namespace fkb::dumps {

/// The thread members other than posts, plus one plugin-defined string
/// (`extra`, e.g. the accepted answer id of a Stack Exchange question).
struct ThreadHeader {
    std::optional<std::string> url, title, forum, category;
    std::string extra;
};

/// Appends the encoding of `post` to `out`.
void encode_post(const sdk::Post& post, std::string& out);
/// Decodes a blob made by encode_post; throws sdk::Error on a corrupt blob.
sdk::Post decode_post(std::string_view blob);
/// The same into `post`, whose strings keep their buffers (no allocation
/// when they are large enough already).
void decode_post(std::string_view blob, sdk::Post& post);

/// Appends the encoding of `header` to `out`.
void encode_header(const ThreadHeader& header, std::string& out);
/// Decodes a blob made by encode_header; throws sdk::Error on a corrupt blob.
ThreadHeader decode_header(std::string_view blob);

}  // namespace fkb::dumps
