// Platform signals: what the forum itself says about an author or a post
// (Yahoo Answers level, post count, role, Stack Exchange reputation, Reddit
// flair, likes, score, accepted or best answer), normalized per source by
// the scales of data/platform.tsv and data/roles.tsv.
//
// Each row of platform.tsv names the sources it applies to ("*" = any),
// the signal it reads, a scale that maps the raw value to [0, 1] (linear
// lo..hi, log lo..hi, saturating at half = lo, flag, roles table, flair
// lexicon), the largest contribution the signal can make, and how to show
// it: the evidence as the page shows it ("Lv {n}") and the value for a
// reader ("Yahoo Answers level {n} of 7"). The first row that fits wins.
#pragma once

#include "cred/lexicon.hpp"

#include <forumkb/plugin.h>

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
};

/// The scales; immutable, shareable between threads.
class PlatformScales {
public:
    /// Loads data/platform.tsv and data/roles.tsv; throws DataError.
    explicit PlatformScales(const Lexicon& lexicon);
    ~PlatformScales();
    PlatformScales(const PlatformScales&) = delete;
    PlatformScales& operator=(const PlatformScales&) = delete;
    /// Every signal of `post` (from source `source`) whose contribution is
    /// above zero, in the order of the rows.
    std::vector<PlatformSignal> signals(std::string_view source, const fkb_post& post) const;
    /// The normalized strength of a raw number under the row for
    /// (source, basis); -1 when no row fits. For tests and docs.
    double strength(std::string_view source, std::string_view basis, double raw) const;

private:
    struct Row;
    struct Role {
        std::string name, label;
        double weight;
    };
    const Row* row(std::string_view source, std::string_view basis) const;
    std::vector<Row> rows_;
    std::vector<Role> roles_;
    const Lexicon& lex_;
};

}  // namespace fkb::cred
