// Writer of thread JSON lines (see forumkb/thread_json.hpp). The member
// order is the contract of DESIGN.md; a test diffs it against a golden file.
#include <forumkb/json_writer.hpp>
#include <forumkb/thread_json.hpp>

namespace fkb {

void append_thread_json(std::string& out, const Thread& t) {
    json::Writer w(out);
    w.begin_object();
    w.key("source").string(t.source);
    w.key("thread_id").string(t.thread_id);
    w.key("url").string(t.url);
    w.key("title").string(t.title);
    w.key("forum").string(t.forum);
    w.key("category").string(t.category);
    w.key("posts").begin_array();
    for (const Post& p : t.posts) {
        w.begin_object();
        w.key("post_id").string(p.post_id);
        w.key("parent_id").string(p.parent_id);
        w.key("author").string(p.author);
        w.key("author_signals").begin_object();
        w.key("post_count").integer(p.post_count);
        w.key("role").string(p.role);
        w.key("level").integer(p.level);
        w.key("reputation").integer(p.reputation);
        w.key("flair").string(p.flair);
        w.end_object();
        w.key("created").string(p.created);
        w.key("created_text").string(p.created_text);
        w.key("text").string(p.text);
        w.key("likes").integer(p.likes);
        w.key("score").integer(p.score);
        w.key("accepted").boolean(p.accepted);
        w.key("quotes").begin_array();
        for (const auto& q : p.quotes) {
            w.begin_object();
            w.key("start").uinteger(q.start);
            w.key("end").uinteger(q.end);
            w.key("post_id").string(q.post_id);
            w.end_object();
        }
        w.end_array();
        w.key("signature").string(p.signature);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

}  // namespace fkb
