// Linker: ties each cause and remedy to the symptom it is about (a symptom
// in its sentence, else the nearest earlier one in its post, else the
// thread's opening symptom, adapted to the claim's condition: "if its upper"
// -> upper back pain), ties remedies to the cause they address (a cause in
// the same sentence, or the lexicon's `addresses` relation: weak core ->
// core strengthening), and builds triples with their supporting posts.
#pragma once

#include "claims.hpp"
#include "lexicon.hpp"
#include "symptom_finder.hpp"

#include <vector>

namespace fkb::advice {

/// A symptom–cause–remedy chain with the posts that support it.
struct Triple {
    std::string symptom, cause, remedy;
    std::string label;
    std::vector<uint32_t> support;
    size_t remedy_claim = 0;
};

class Linker {
public:
    Linker(const Lexicon& lex, const SymptomFinder& finder) : lex_(lex), finder_(finder) {}

    /// Links claims to symptoms and causes. `opening` is the thread's
    /// opening symptom (or nullptr).
    void link(std::vector<Claim>& claims, const std::vector<SymptomMention>& mentions,
              const SymptomMention* opening) const;

    /// Triples of the linked claims, one per (symptom, cause, remedy).
    std::vector<Triple> triples(const std::vector<Claim>& claims) const;

private:
    const Lexicon& lex_;
    const SymptomFinder& finder_;
};

}  // namespace fkb::advice
