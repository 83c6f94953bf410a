// A Yahoo Answers question page copied from a browser as plain text, turned
// into a forumkb thread (source "yahoo_answers").
//
// The shape such a copy has:
//   Anonymous asked in SportsRunning · 1 month ago   asker, glued breadcrumb, age
//   Lower back pain after running?                   the title
//   question body, paragraphs separated by blank lines
//   3 Answers
//     • Ashley                                       an answer: bullet + author,
//       Lv 7                                         level (not for anonymous),
//       1 month ago                                  age; "Favorite Answer" or
//                                                    "Best Answer" may mark it
//       answer body, indented, paragraphs kept
//       Source(s): ...
//   Still have questions? Get answers by asking now.  (footer: dropped)
// The parser is a plain library so tests link it without the loader; the
// plugin (plugin.cpp) only reads the input and emits.
#pragma once

#include "page_text.hpp"

#include <forumkb/sdk.hpp>

#include <optional>
#include <string_view>

namespace fkb::seedsrc {

/// What parse_yahoo_answers_text() made of a page.
struct YahooParse {
    std::optional<sdk::Thread> thread;  ///< absent when the page was rejected whole
    size_t invalid_utf8 = 0;            ///< byte sequences replaced with U+FFFD
};

/// Parses one page. `file_name` gives the thread id (its stem; see
/// thread_id_for). A page that is not this format, an answer cut short by
/// the end of the file, or an answer without text is reported through
/// `reject` with its line; everything read before is kept. The question's
/// text is its body, or its title when the body is empty.
YahooParse parse_yahoo_answers_text(std::string_view bytes, const RejectFn& reject, std::string_view file_name = {});

/// How sure we are that `head` is such a page: >= 0.9 with the asker's line
/// at the top plus an answer count, level line or footer; 0 for JSON, a
/// Vanilla page or anything else; about 0.1 for a bare .txt name.
double sniff_yahoo_answers_text(std::string_view head, std::string_view file_name);

}  // namespace fkb::seedsrc
