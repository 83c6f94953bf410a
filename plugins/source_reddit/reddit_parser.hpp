// RedditParser: Reddit dumps as threads.
//
// Reads Pushshift-style NDJSON (one submission or comment per line, as in
// the RS_/RC_ monthly files and the per-subreddit *_submissions /
// *_comments files) or a CSV export of a listing (id, title, selftext,
// score, subreddit, author, author_flair_text, created_utc, permalink,
// num_comments, ...; any of them may be missing). A submission is a thread:
// title, subreddit -> forum, link_flair_text -> category, the self text as
// the opening post. Comments join their submission by link_id and name
// their parent by parent_id; "[deleted]" / "[removed]" bodies are not posts.
//
// Everything waits in a ThreadStore until the end of the input, because a
// thread's comments are spread over a whole month of a dump. Comments whose
// submission is not in the input come out as a partial thread: thread_id is
// the submission id, title is null, posts are the comments only; the KB
// joins them with the submission's thread by (source, thread_id).
#pragma once

#include "dump_common.hpp"
#include "reddit_markdown.hpp"
#include "reddit_record.hpp"
#include "thread_store.hpp"

#include <forumkb/sdk.hpp>

#include <memory>
#include <string>

namespace fkb::dumps {

struct RedditOptions {
    StoreOptions store;
    /// Emit partial threads for comments without their submission.
    bool partial_threads = true;
};

class RedditParser {
public:
    RedditParser(sdk::Input& input, RedditOptions options, RejectFn reject);
    ~RedditParser();
    bool next(sdk::Thread& out);

    struct Stats {
        int64_t submissions = 0, comments = 0, deleted = 0, partial_threads = 0;
    };
    const Stats& stats() const noexcept { return stats_; }

private:
    void load();
    void load_ndjson();
    void load_csv();
    void add(const RedditRecord& r, uint64_t line);
    void report_read_error(const class GuardedInput& guard, uint64_t lines_read);

    sdk::Input& input_;
    RedditOptions options_;
    RejectFn reject_;
    std::unique_ptr<ThreadStore> store_;
    bool loaded_ = false;
    Stats stats_;
    StoredThread stored_;
    sdk::Post post_;           // the post being added, reused
    RenderedText rendered_;    // its text as rendered, reused
    std::string scratch_;      // the body with entities decoded, reused
};

}  // namespace fkb::dumps
