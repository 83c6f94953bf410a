// Text analysis of posts: what extractor plugins receive through the thread
// view of the ABI (sentences, tokens, context scopes, quoted spans), as
// offset arrays into each post's original text.
//
// This header is the contract between the text analysis (core/src/text/)
// and the pipeline that hands results to plugins; the analysis itself
// (normalization with an offset map, forum-aware sentences, tokens, ConText
// scopes, quotes across a thread) lives behind it.
#pragma once

#include <forumkb/model.hpp>
#include <forumkb/plugin.h>

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::text {

/// The analysis of one post, laid out as the ABI wants it. fkb_token::norm,
/// fkb_token::lemma and fkb_scope::value point into `strings` (or static
/// data), so a PostAnalysis must not be copied while views of it are out;
/// moving is fine (deque elements do not move).
struct PostAnalysis {
    std::vector<fkb_span> sentences;
    std::vector<fkb_token> tokens;
    std::vector<fkb_scope> scopes;
    std::vector<fkb_quoted_span> quoted;
    std::deque<std::string> strings;

    /// The ABI view of this analysis; valid while *this lives unchanged.
    fkb_post_analysis abi() const noexcept {
        fkb_post_analysis a{};
        a.struct_size = sizeof(fkb_post_analysis);
        a.sentences = sentences.data();
        a.n_sentences = sentences.size();
        a.tokens = tokens.data();
        a.n_tokens = tokens.size();
        a.scopes = scopes.data();
        a.n_scopes = scopes.size();
        a.quoted = quoted.data();
        a.n_quoted = quoted.size();
        return a;
    }
};

/// Analyzes posts and threads. Immutable after construction: one instance
/// may be shared by all worker threads.
class Analyzer {
public:
    /// Loads the trigger lists and rules (compiled-in data files).
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// Sentences, tokens and scopes of one post's text.
    PostAnalysis analyze_post(std::string_view text) const;

    /// Every post of a thread, plus the spans of each post that repeat an
    /// earlier post (exact or near-exact, at least a clause long).
    std::vector<PostAnalysis> analyze_thread(const Thread& thread) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace fkb::text
