// Helpers for the credibility tests: a thread written in the test, run
// through the host's text Analyzer and laid out as the ABI thread view an
// extractor receives, so the tests see exactly what the plugin sees.
#pragma once

#include <forumkb/model.hpp>
#include <forumkb/text/analyzer.hpp>

#include "cred/credibility_extractor.hpp"

#include <memory>
#include <string>
#include <vector>

namespace fkb::cred::testing {

/// The Analyzer and the extractor, loaded once for the whole test binary.
inline const text::Analyzer& analyzer() {
    static const text::Analyzer a;
    return a;
}
inline const CredibilityExtractor& extractor() {
    static const CredibilityExtractor x;
    return x;
}

/// A thread and its analysis as the ABI lays them out. Not movable: the
/// views point into its members.
class ThreadFixture {
public:
    explicit ThreadFixture(Thread t) : thread_(std::move(t)) {
        analyses_ = analyzer().analyze_thread(thread_);
        quotes_.resize(thread_.posts.size());
        for (size_t i = 0; i < thread_.posts.size(); ++i) {
            const Post& p = thread_.posts[i];
            for (const auto& q : p.quotes) quotes_[i].push_back(fkb_quote{q.start, q.end, sdk::str(q.post_id)});
            fkb_post c{};
            c.struct_size = sizeof(fkb_post);
            c.post_id = sdk::str(p.post_id);
            c.parent_id = sdk::str(p.parent_id);
            c.author = sdk::str(p.author);
            c.signals = fkb_author_signals{sdk::null_int(p.post_count), sdk::str(p.role), sdk::null_int(p.level),
                                           sdk::null_int(p.reputation), sdk::str(p.flair)};
            c.text = sdk::str(p.text);
            c.likes = sdk::null_int(p.likes);
            c.score = sdk::null_int(p.score);
            c.accepted = p.accepted ? 1 : 0;
            c.quotes = quotes_[i].data();
            c.n_quotes = quotes_[i].size();
            c.signature = sdk::str(p.signature);
            posts_.push_back(c);
            abis_.push_back(analyses_[i].abi());
        }
        abi_.struct_size = sizeof(fkb_thread);
        abi_.source = sdk::str(thread_.source);
        abi_.thread_id = sdk::str(thread_.thread_id);
        abi_.posts = posts_.data();
        abi_.n_posts = posts_.size();
        view_.struct_size = sizeof(fkb_thread_view);
        view_.thread = &abi_;
        view_.posts = abis_.data();
        view_.n_posts = abis_.size();
    }
    ThreadFixture(const ThreadFixture&) = delete;
    ThreadFixture& operator=(const ThreadFixture&) = delete;

    const Thread& thread() const { return thread_; }
    const fkb_thread_view& view() const { return view_; }
    /// The facts the extractor finds in this thread.
    std::vector<Fact> facts() const { return extractor().extract(view_); }
    /// The evidence text of a fact: the post's bytes, or evidence_text.
    std::string evidence(const Fact& f) const {
        if (!f.evidence_text.empty()) return f.evidence_text;
        return thread_.posts.at(f.evidence.post).text.substr(f.evidence.start, f.evidence.end - f.evidence.start);
    }

private:
    Thread thread_;
    std::vector<text::PostAnalysis> analyses_;
    std::vector<std::vector<fkb_quote>> quotes_;
    std::vector<fkb_post> posts_;
    std::vector<fkb_post_analysis> abis_;
    fkb_thread abi_{};
    fkb_thread_view view_{};
};

/// A post with an author and a text.
inline Post post(std::string id, std::optional<std::string> author, std::string text) {
    Post p;
    p.post_id = std::move(id);
    p.author = std::move(author);
    p.text = std::move(text);
    return p;
}

/// A thread of `source` with the given posts.
inline Thread thread(std::string source, std::vector<Post> posts) {
    Thread t;
    t.source = std::move(source);
    t.thread_id = "t1";
    t.posts = std::move(posts);
    return t;
}

/// The value of attribute `key`, or "" when absent.
inline std::string attr(const Fact& f, std::string_view key) {
    for (const auto& [k, v] : f.attrs)
        if (k == key) return v.second;
    return {};
}

}  // namespace fkb::cred::testing
