// QuoteFinder: shingle index over earlier posts, greedy extension with a
// small edit budget, and the choice of the source (the longest repeat, the
// earliest post on a tie, so a quote of a quote points at the original).
// The index is one open-addressing table of shingle hashes whose entries
// chain, in post and word order, through one array: no allocation per
// shingle (a map of vectors spent more time in malloc than in matching).
#include <forumkb/text/analyzer.hpp>
#include <forumkb/text/quote_finder.hpp>

#include "flat_map.hpp"

#include <algorithm>

namespace fkb::text {

namespace {

constexpr size_t kShingle = 4;

struct Words {
    std::vector<uint32_t> tok;   // token index of each word
    std::vector<uint64_t> hash;  // hash of each word's norm
};

void words_of(const PostAnalysis& a, Words& w) {
    w.tok.clear();
    w.hash.clear();
    for (uint32_t i = 0; i < a.tokens.size(); ++i) {
        const fkb_token& t = a.tokens[i];
        if (!(t.flags & FKB_TOKEN_WORD)) continue;
        w.tok.push_back(i);
        w.hash.push_back(detail::word_hash(std::string_view(t.norm.ptr, t.norm.len)));
    }
}

uint64_t shingle(const Words& w, size_t i) {
    uint64_t h = 0;
    for (size_t k = 0; k < kShingle; ++k) h = (h ^ w.hash[i + k]) * 0x9E3779B97F4A7C15ull + k;
    return h;
}

/// Shingle hash -> the (post, word) places it occurs at, in the order they
/// were added. Sized once per thread for all its shingles.
class ShingleIndex {
public:
    static constexpr uint32_t kNone = UINT32_MAX;
    struct Place {
        uint32_t post, word, next;
    };
    void reset(size_t shingles) {
        size_t cap = 16;
        while (cap < shingles * 2) cap *= 2;
        slots_.assign(cap, Slot{});
        mask_ = cap - 1;
        places_.clear();
        places_.reserve(shingles);
    }
    void add(uint64_t key, uint32_t post, uint32_t word) {
        Slot& s = slot(key);
        const uint32_t at = static_cast<uint32_t>(places_.size());
        places_.push_back(Place{post, word, kNone});
        if (s.first == kNone) {
            s.key = key;
            s.first = at;
        } else {
            places_[s.last].next = at;
        }
        s.last = at;
    }
    /// The first place of `key`, or kNone.
    uint32_t first(uint64_t key) const {
        size_t i = key & mask_;
        while (slots_[i].first != kNone) {
            if (slots_[i].key == key) return slots_[i].first;
            i = (i + 1) & mask_;
        }
        return kNone;
    }
    const Place& place(uint32_t at) const { return places_[at]; }

private:
    struct Slot {
        uint64_t key = 0;
        uint32_t first = kNone, last = kNone;
    };
    Slot& slot(uint64_t key) {
        size_t i = key & mask_;
        while (slots_[i].first != kNone && slots_[i].key != key) i = (i + 1) & mask_;
        return slots_[i];
    }
    std::vector<Slot> slots_;
    std::vector<Place> places_;
    size_t mask_ = 0;
};

struct Match {
    size_t a0 = 0, a1 = 0;  // words [a0, a1) of the quoting post
    size_t b0 = 0, b1 = 0;  // words [b0, b1) of the source post
    uint32_t post = 0;
};

/// Extends a match that starts at a (quoting) and b (source) word by word,
/// allowing `budget`-limited single-word edits that are followed by two
/// matching words.
void extend(const Words& A, const Words& B, size_t a, size_t b, uint32_t per10, Match& m) {
    size_t i = a, j = b, matched = 0, edits = 0;
    size_t end_i = a, end_j = b;
    auto same = [&](size_t x, size_t y) { return x < A.hash.size() && y < B.hash.size() && A.hash[x] == B.hash[y]; };
    for (;;) {
        if (same(i, j)) {
            ++i, ++j, ++matched;
            end_i = i, end_j = j;
            continue;
        }
        if (edits + 1 > per10 * ((matched + 9) / 10)) break;
        // substitution, insertion in A, deletion from A
        if (same(i + 1, j + 1) && same(i + 2, j + 2)) { i += 1, j += 1; }
        else if (same(i + 1, j) && same(i + 2, j + 1)) { i += 1; }
        else if (same(i, j + 1) && same(i + 1, j + 2)) { j += 1; }
        else break;
        ++edits;
    }
    m.a0 = a, m.a1 = end_i, m.b0 = b, m.b1 = end_j;
}

}  // namespace

void QuoteFinder::find(const std::vector<std::string_view>& texts, std::vector<PostAnalysis>& posts) const {
    (void)texts;
    thread_local std::vector<Words> words;
    thread_local ShingleIndex index;
    if (words.size() < posts.size()) words.resize(posts.size());
    size_t shingles = 0;
    for (size_t k = 0; k < posts.size(); ++k) {
        words_of(posts[k], words[k]);
        if (words[k].hash.size() >= kShingle) shingles += words[k].hash.size() - kShingle + 1;
    }
    index.reset(shingles);
    for (uint32_t pj = 0; pj < posts.size(); ++pj) {
        const Words& A = words[pj];
        PostAnalysis& pa = posts[pj];
        pa.quoted.clear();
        size_t i = 0;
        while (pj > 0 && i + kShingle <= A.hash.size()) {
            uint32_t at = index.first(shingle(A, i));
            if (at == ShingleIndex::kNone) { ++i; continue; }
            Match best;
            bool found = false;
            for (; at != ShingleIndex::kNone; at = index.place(at).next) {
                const ShingleIndex::Place& pl = index.place(at);
                Match m;
                extend(A, words[pl.post], i, pl.word, opt_.max_edit_per_10_words, m);
                m.post = pl.post;
                if (!found || m.a1 - m.a0 > best.a1 - best.a0) { best = m; found = true; }
            }
            const auto& toks = pa.tokens;
            const auto& stoks = posts[best.post].tokens;
            uint32_t ta = A.tok[best.a0], tb = A.tok[best.a1 - 1];
            uint32_t sa = words[best.post].tok[best.b0], sb = words[best.post].tok[best.b1 - 1];
            // Closing punctuation that both posts share.
            while (tb + 1 < toks.size() && sb + 1 < stoks.size() && !(toks[tb + 1].flags & FKB_TOKEN_WORD) &&
                   toks[tb + 1].sentence == toks[tb].sentence &&
                   std::string_view(toks[tb + 1].norm.ptr, toks[tb + 1].norm.len) ==
                       std::string_view(stoks[sb + 1].norm.ptr, stoks[sb + 1].norm.len)) {
                ++tb, ++sb;
            }
            fkb_span span{toks[ta].start, toks[tb].end};
            if (best.a1 - best.a0 >= opt_.min_words && span.end - span.start >= opt_.min_bytes) {
                fkb_quoted_span q{};
                q.span = span;
                q.source_post = best.post;
                q.source_span = fkb_span{stoks[sa].start, stoks[sb].end};
                pa.quoted.push_back(q);
                i = best.a1;
            } else {
                ++i;
            }
        }
        for (uint32_t k = 0; k + kShingle <= A.hash.size(); ++k) index.add(shingle(A, k), pj, k);
    }
}

}  // namespace fkb::text
