// Context scopes in the manner of ConText (Harkema et al. 2009), written for
// forum English. Triggers are token phrases from data/text/triggers.tsv
// (negation, hedge, question, conditional, experiencer, history, outcome,
// and pseudo-triggers that only block others); a trigger governs part of
// its sentence: forward or backward from it, both ways, or the whole
// sentence, up to a terminator from data/text/terminators.tsv ("but",
// "which", a parenthesis, a spaced dash, ", I" ...; a pseudo-terminator
// such as "ever so" or "so much" keeps its words from ending any scope). At each token the
// longest trigger wins, so "no longer bother" (an outcome) is not read as
// the negation "no longer", and "didn't help" is an outcome, not a negated
// help. Experiencer and history triggers are matched in passes of their
// own, since they overlap the others ("I had" is both history and author).
#pragma once

#include <forumkb/plugin.h>

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::text {

/// What the trigger index knows of a token's norm and lemma, looked up once
/// per distinct word by ContextScopes::keys() (the analyzer keeps it in its
/// word cache).
struct ScopeKeys {
    const void* norm = nullptr;   ///< index entry of the norm (null: none)
    const void* lemma = nullptr;  ///< index entry of the lemma
    uint32_t norm_id = 0;         ///< their ids (0: in no phrase)
    uint32_t lemma_id = 0;
    uint8_t groups = 0;           ///< the pattern groups that may start at such a token
    /// The groups of `groups` with a one-word pattern, which may match
    /// whatever follows; the others need a second word in `seconds`.
    uint8_t single_groups = 0;
    /// The filter bits of every second word of a pattern starting here
    /// (any group): a token whose next token's `bits` meet none of them
    /// starts only the one-word patterns, so most common words are dropped
    /// before any pattern is tried.
    uint64_t seconds = 0;
    /// The filter bits of the token's own norm and lemma.
    uint64_t bits = 0;
};

/// What the scope finder needs of a token.
struct ScopeToken {
    std::string_view norm;   ///< lower case, apostrophes folded
    std::string_view lemma;
    uint32_t start = 0;      ///< original byte offsets
    uint32_t end = 0;
    uint32_t flags = 0;      ///< FKB_TOKEN_*
    bool spaced_dash = false;///< a "-" with space around it, or part of "--"
    /// Set when `keys` holds keys(norm, lemma) of the same ContextScopes;
    /// otherwise find() looks norm and lemma up itself.
    bool keyed = false;
    ScopeKeys keys;
};

class ContextScopes {
public:
    /// Loads data/text/{triggers.tsv, terminators.tsv, condition_fillers.txt,
    /// clause_starters.txt}.
    ContextScopes();
    /// Uses the given file contents (tests); they must outlive the object.
    ContextScopes(std::string_view triggers_tsv, std::string_view terminators_tsv, std::string_view fillers_txt,
                  std::string_view clause_starters_txt);
    ~ContextScopes();
    ContextScopes(const ContextScopes&) = delete;
    ContextScopes& operator=(const ContextScopes&) = delete;

    /// Appends the scopes of one sentence (tokens toks[0, n), its span in
    /// the original text) to `out`. Values computed from the text (the
    /// condition of a conditional) are stored in `strings`.
    void find(const ScopeToken* toks, size_t n, uint32_t sentence, fkb_span sentence_span, std::vector<fkb_scope>& out,
              std::deque<std::string>& strings) const;

    /// The phrase index keys of a token's norm and lemma, to be passed back
    /// through ScopeToken::keys.
    ScopeKeys keys(std::string_view norm, std::string_view lemma) const;

    /// Number of trigger phrases loaded (for tests of the data file).
    size_t trigger_count() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

/// "negation", "hedge", ... for an fkb_scope_kind (empty if unknown).
std::string_view scope_kind_name(uint32_t kind) noexcept;

}  // namespace fkb::text
