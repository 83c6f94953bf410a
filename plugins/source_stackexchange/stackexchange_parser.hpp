// StackExchangeParser: one site of the Stack Exchange data dump as threads.
//
// Posts.xml holds questions (PostTypeId 1) and answers (2) of a site in Id
// order; a thread is a question with its answers, and, when the sibling
// files are there, Users.xml gives display names and reputation and
// Comments.xml adds comments as posts replying to their post. Nothing is
// emitted before Posts.xml and Comments.xml have been read to the end: an
// answer may come before its question, and a comment years after. Until then
// posts wait in a ThreadStore (SQLite, spilled past a memory budget).
//
// The input given by the host decides what happens:
//   Posts.xml (root <posts>)   read with its siblings; threads are emitted
//   any other dump file        (<users>, <comments>, <votes>, <badges>,
//                               <posthistory>, <postlinks>, <tags>): no
//                               threads, they are read as Posts.xml siblings
#pragma once

#include "dump_common.hpp"
#include "se_html_text.hpp"
#include "thread_store.hpp"

#include <forumkb/sdk.hpp>

#include <memory>
#include <optional>
#include <string>

namespace fkb::dumps {

struct StackExchangeOptions {
    StoreOptions store;
    /// Read Users.xml and Comments.xml beside the input when they exist.
    bool siblings = true;
    /// Explicit sibling paths (override the ones beside the input).
    std::string users_path, comments_path;
    /// The site (forum) name, e.g. "fitness.stackexchange.com"; empty: the
    /// input's directory name when it looks like a host name.
    std::string site;
};

class StackExchangeParser {
public:
    StackExchangeParser(sdk::Input& input, StackExchangeOptions options, RejectFn reject);
    ~StackExchangeParser();

    /// The next complete thread; false when there are no more.
    bool next(sdk::Thread& out);

    /// Counts, for logs and tests.
    struct Stats {
        int64_t questions = 0, answers = 0, comments = 0, users = 0, skipped_rows = 0;
        bool read_users = false, read_comments = false;
    };
    const Stats& stats() const noexcept { return stats_; }
    /// What the input file is ("posts", "users", ...).
    const std::string& kind() const noexcept { return kind_; }

private:
    void load();
    void load_users(sdk::Input& in);
    void load_posts();
    void load_comments(sdk::Input& in);
    void report_xml_error(class SeXmlReader& r);

    sdk::Input& input_;
    StackExchangeOptions options_;
    RejectFn reject_;
    std::unique_ptr<ThreadStore> store_;
    std::unique_ptr<class HtmlText> html_;
    sdk::Post post_;          // the post being read, reused
    RenderedText rendered_;   // its body as rendered, reused
    std::string kind_;
    bool loaded_ = false;
    Stats stats_;
    StoredThread stored_;
};

}  // namespace fkb::dumps
