// A Vanilla Forums thread page (the MyFitnessPal community's format) copied
// from a browser as plain text, turned into a forumkb thread.
//
// The shape such a copy has:
//   title
//   author                      } the opening post's author line, then
//   Posts: 40 Member            } its statistics ("Posts: N Role")
//   body ...
//   0                           the opening post's like count
//   Replies
//   -                           a list item marker before every reply
//   reply text ...0             the reply's like count glued to its last line
//   more reply text ...0 -      ...and the next marker glued after it
//   -                           an empty list item is no post
//   This discussion has been closed.  / Categories / - 1.4M Health, ...
// Replies carry an author line only in some copies ("name" then
// "Posts: N Role"); otherwise they stay anonymous unless signed. The parser
// is a plain library so tests link it without the plugin loader; the plugin
// (plugin.cpp) only reads the input and emits.
#pragma once

#include "page_text.hpp"

#include <forumkb/sdk.hpp>

#include <optional>
#include <string_view>

namespace fkb::seedsrc {

/// What parse_vanilla_text() made of a page.
struct VanillaParse {
    std::optional<sdk::Thread> thread;  ///< absent when the page was rejected whole
    size_t invalid_utf8 = 0;            ///< byte sequences replaced with U+FFFD
};

/// Parses one page. `file_name` gives the thread id (its stem; see
/// thread_id_for). A page that is not this format, or a post cut short by
/// the end of the file, is reported through `reject` with its line; posts
/// read before a truncated one are kept. Never throws on bad bytes.
VanillaParse parse_vanilla_text(std::string_view bytes, const RejectFn& reject, std::string_view file_name = {});

/// How sure we are that `head` (the first bytes of a file, maybe cut
/// mid-character) is such a page: >= 0.9 with the author statistics line
/// near the top plus a "Replies" marker, glued like counts or the footer;
/// about 0.1 for a bare .txt name; 0 for JSON, a Yahoo Answers page or
/// anything else.
double sniff_vanilla_text(std::string_view head, std::string_view file_name);

}  // namespace fkb::seedsrc
