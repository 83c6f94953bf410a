// The packed form of the advice claims in the advice_index table (schema
// version 5, docs/schema.md): every cause and remedy claim linked to a
// symptom, with exactly what `forumkb query` ranks by (the author, their
// weight, certainty, polarity, outcome, the link factor, the label, who
// endorsed or quoted the post, the causes a remedy addresses), so that a
// query reads a few hundred BLOBs instead of joining tens of thousands of
// facts with posts, weights and quotes.
//
// A chunk (one row of advice_index: one symptom, one kind, one block of
// threads) is a run of concept groups sorted by concept id:
//   u32 length, concept id bytes, u32 count, then count claims sorted by fact id
// and a claim is, little-endian:
//   i64 fact, i64 thread, i64 author key, f64 weight, f64 link, u32 links,
//   u8 negated, str certainty, str outcome, str label,
//   u32 n, n x (i64 author key, f64 weight) endorsers,
//   u32 n, n x str cause concept ids
// where str is u32 length (0xFFFFFFFF for NULL) and the bytes. The format is
// internal: SQL users read the views, which give the same answers.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::kb {

/// The weight of an author the credibility scorer did not weigh (its base).
constexpr double kDefaultAuthorWeight = 0.1;

/// Threads are grouped in blocks of 2^kAdviceBlockShift row ids per chunk.
constexpr int kAdviceBlockShift = 10;

/// One claim, owning its strings (what the index builder makes).
struct AdviceClaim {
    std::string concept_id;
    int64_t fact = 0, thread = 0;
    int64_t author = 0;  ///< author id, or -post row id when anonymous
    double weight = kDefaultAuthorWeight;
    double link = 1.0;    ///< how directly the claim is advice for the symptom (docs/query.md)
    uint32_t links = 1;   ///< symptoms the fact is linked to (more than one: the query deduplicates it)
    bool negated = false;
    std::optional<std::string> certainty, outcome;
    std::string label;
    std::vector<std::pair<int64_t, double>> endorsers;  ///< author key, weight; one per author
    std::vector<std::string> causes;                    ///< remedies: the causes they address
};

/// One decoded claim; the views point into the chunk's bytes.
struct AdviceClaimView {
    std::string_view concept_id;
    int64_t fact = 0, thread = 0, author = 0;
    double weight = 0, link = 0;
    uint32_t links = 0;
    bool negated = false;
    std::optional<std::string_view> certainty, outcome;
    std::string_view label;
    uint32_t n_endorsers = 0;
    const char* endorsers = nullptr;  ///< n_endorsers x (i64, f64)
    uint32_t n_causes = 0;
    const char* causes = nullptr;     ///< n_causes x str
    std::string_view bytes;           ///< the encoded claim

    std::pair<int64_t, double> endorser(uint32_t i) const;
    /// Calls f(cause id) for each cause, in order.
    template <class F>
    void for_each_cause(F&& f) const {
        const char* p = causes;
        for (uint32_t i = 0; i < n_causes; ++i) {
            uint32_t n;
            std::memcpy(&n, p, 4);
            f(std::string_view(p + 4, n));
            p += 4 + n;
        }
    }
};

/// The encoded claim (without its concept id, which its group carries).
/// endorsers_at, when given, gets the offset of the first endorser.
std::string encode_claim(const AdviceClaim& c, size_t* endorsers_at = nullptr);

/// The offsets in an encoded claim of the ids a KB writer gives out: a claim
/// encoded before its rows have ids (thread_rows.hpp) carries zeros there,
/// which the writer overwrites with set_claim_id.
constexpr size_t kClaimFactAt = 0, kClaimThreadAt = 8, kClaimAuthorAt = 16;
/// The offset of endorser i's author key, endorsers_at as from encode_claim.
constexpr size_t claim_endorser_at(size_t endorsers_at, size_t i) { return endorsers_at + 16 * i; }
inline void set_claim_id(std::string& claim, size_t at, int64_t id) { std::memcpy(claim.data() + at, &id, 8); }

/// How directly a claim linked to a symptom this way (fact_symptoms.link) is
/// advice for it (docs/query.md).
double advice_link_factor(std::string_view link);

/// A claim's concept, fact and thread with its encoded bytes: what a chunk is
/// made of.
struct EncodedClaim {
    std::string concept_id;
    int64_t fact = 0, thread = 0;
    std::string bytes;
};

/// The chunk holding these claims (sorted here by concept, then fact).
std::string encode_chunk(std::vector<EncodedClaim> claims);

/// Appends the claims of a chunk to out. Throws KbError naming `where` when
/// the bytes are not a chunk.
void decode_chunk(std::string_view chunk, std::vector<AdviceClaimView>& out, std::string_view where);

}  // namespace fkb::kb
