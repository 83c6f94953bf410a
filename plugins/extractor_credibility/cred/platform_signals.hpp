// Platform signals: what the forum itself says about an author or a post
// (Yahoo Answers level, post count, role, Stack Exchange reputation, Reddit
// flair, likes, score, accepted or best answer), normalized per source by
// the scales of data/platform.tsv and data/roles.tsv, and summarized into
// one statement per post.
//
// Each row of platform.tsv names the sources it applies to ("*" = any),
// the signal it reads, a scale that maps the raw value to [0, 1] (linear
// lo..hi, log lo..hi, saturating at half = lo, flag, roles table, flair
// lexicon), the largest contribution the signal can make, and how to show
// it: the evidence as the page shows it ("Lv {n}") and the value for a
// reader ("Yahoo Answers level {n} of 7"). The first row that fits wins.
//
// The signals of a post split in two groups the formula caps apart
// (docs/credibility.md): the author's standing (level, post count,
// reputation, role, flair), which is the same on every post of the author,
// and the post's reception (likes, score, accepted), which is this post's.
#pragma once

#include "cred/lexicon.hpp"

#include <forumkb/plugin.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cred {

/// A normalized platform signal of one post.
struct PlatformSignal {
    std::string basis;     ///< level | post_count | reputation | role | flair | likes | score | accepted
    std::string value;     ///< "Yahoo Answers level 7 of 7"
    std::string evidence;  ///< "Lv 7"
    double strength = 0;   ///< normalized, [0, 1]
    double weight = 0;     ///< contribution: strength x the row's max
    bool reception = false; ///< likes, score, accepted: about the post, not its author
};

/// Every platform signal of a post worth stating, as one statement.
struct PlatformSummary {
    std::string bases;      ///< the signals stated, in order: "level,likes"
    std::string value;      ///< their values, "; "-separated: "Yahoo Answers level 7 of 7; 5 likes"
    std::string evidence;   ///< what the page shows, ", "-separated: "Lv 7, 5 likes"
    double standing = 0;    ///< sum of the standing contributions
    double reception = 0;   ///< sum of the reception contributions
    double weight = 0;      ///< standing + reception, at most 1
};

/// The scales; immutable, shareable between threads.
class PlatformScales {
    struct Row;

public:
    /// Loads data/platform.tsv and data/roles.tsv; throws DataError.
    explicit PlatformScales(const Lexicon& lexicon);
    ~PlatformScales();
    PlatformScales(const PlatformScales&) = delete;
    PlatformScales& operator=(const PlatformScales&) = delete;

    /// The rows that apply to one source, resolved once per thread.
    class Source {
        friend class PlatformScales;
        std::array<const Row*, 8> rows_{};
    };
    Source source(std::string_view name) const;

    /// Every signal of `post` whose contribution is above zero, in the
    /// order of the bases (level, post_count, reputation, role, flair,
    /// likes, score, accepted).
    std::vector<PlatformSignal> signals(const Source& source, const fkb_post& post) const;
    std::vector<PlatformSignal> signals(std::string_view source, const fkb_post& post) const {
        return signals(this->source(source), post);
    }
    /// The signals of `post` as one statement, or nullopt when none is worth stating.
    std::optional<PlatformSummary> summary(const Source& source, const fkb_post& post) const;
    /// The normalized strength of a raw number under the row for
    /// (source, basis); -1 when no row fits. For tests and docs.
    double strength(std::string_view source, std::string_view basis, double raw) const;

private:
    struct Role {
        uint64_t name;  // word_hash of the folded role
        std::string label;
        double weight;
    };
    const Row* row(std::string_view source, std::string_view basis) const;
    static double strength(const Row& r, double raw);
    template <class F>
    void visit(const Source& source, const fkb_post& post, F&& f) const;
    std::vector<Row> rows_;
    std::vector<Role> roles_;
    const Lexicon& lex_;
};

}  // namespace fkb::cred
