// SymptomFinder: symptoms found compositionally, a body part (with side or
// region) plus a complaint in any of the orders forum posts use ("back
// pain", "sore shoulders", "pain in my central, lower back", "my back in
// particular is very sore", "my calf began to burn"), plus named conditions
// ("shin splints", "episcleritis"), with qualifiers: location, onset ("the
// day following my runs"), duration ("for a few days"), activity ("after
// running"), experiencer and negation.
#pragma once

#include "claims.hpp"
#include "lexicon.hpp"

namespace fkb::advice {

class SymptomFinder {
public:
    explicit SymptomFinder(const Lexicon& lex) : lex_(lex) {}

    /// Appends the symptom mentions of sentence s of a post.
    void find(const PostWords& pw, const Sentence& s, uint32_t post, std::vector<SymptomMention>& out) const;

    /// Sets m.concept and m.label for body part + complaint: the lexicon's
    /// symptom concept "<body part>_<complaint>" when it has one, else a
    /// composed concept with the same id scheme.
    void compose(const Concept* body_part, const Concept* complaint, SymptomMention& m) const;

    /// The body part concept for a region word applied to a body part
    /// ("upper" + back -> upper back), or nullptr.
    const Concept* with_region(std::string_view region, const Concept* body_part) const;

private:
    /// The mention a complaint without a body part speaks of: the post's
    /// last one with a body part, from an earlier sentence or from this one
    /// (those from first_new on) starting before word `before`.
    static const SymptomMention* antecedent_of(const std::vector<SymptomMention>& out, uint32_t post,
                                               size_t first_new, const Sentence& s, uint32_t before);
    void find_aggravation(const PostWords& pw, const Sentence& s, uint32_t post, size_t first_new,
                          std::vector<SymptomMention>& out) const;
    void qualify(const PostWords& pw, const Sentence& s, SymptomMention& m) const;
    const Lexicon& lex_;
};

}  // namespace fkb::advice
