// Lexicon: the concepts this plugin knows, loaded from the TSV data files
// in lexicon/ (compiled in). Each concept has an id, a kind, a preferred
// label, synonyms, a parent, an external id (HPO, SNOMED CT) where known
// and, for remedies, the causes it addresses. Phrases found in text are
// looked up by the stems of their words (word_key.hpp), so "foam rolling",
// "foam rolled" and "foam roll" meet one synonym.
//
// File format (tab-separated, '#' starts a comment line, first non-comment
// line is the header):
//   id  kind  label  synonyms(|-separated)  parent  external_id  addresses(|-separated)
// Cue word lists (cue_words.tsv) have the header `list  word`.
#pragma once

#include "post_words.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fkb::advice {

/// FNV-1a, the hash of cue list names (constexpr, so literal names hash at
/// compile time).
constexpr uint64_t list_name_hash(std::string_view s) noexcept {
    uint64_t h = 1469598103934665603ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
}

/// The name of a cue word list ("imperative", "vague"). A string literal
/// converts at compile time, so testing a word against a list costs one AND
/// of the word's list bits (PostWords::Word::lists) with the list's bit.
struct ListName {
    uint64_t hash;
    consteval ListName(const char* s) : hash(list_name_hash(s)) {}
    explicit constexpr ListName(std::string_view s) : hash(list_name_hash(s)) {}
};

/// Kinds of concepts, as they appear in the `kind` column.
enum class Kind : uint8_t { body_part, region, complaint, condition, symptom, cause, remedy };

/// Parses a kind name; throws std::invalid_argument for an unknown one.
Kind parse_kind(std::string_view name);
std::string_view kind_name(Kind k);

struct Concept {
    std::string id;
    Kind kind = Kind::cause;
    std::string label;
    std::vector<std::string> synonyms;
    std::string parent;
    std::string external_id;
    std::vector<std::string> addresses;  ///< cause ids a remedy treats
    std::string file;                    ///< the data file it came from
    uint32_t line = 0;
};

/// A phrase of the text that names a concept.
struct LexMatch {
    const Concept* entry = nullptr;
    uint32_t first = 0, last = 0;  ///< words [first, last)
};

/// A malformed data file: what() is "file:line: reason".
struct LexiconError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Lexicon {
public:
    /// The lexicon compiled into the plugin (every lexicon/*.tsv file).
    static Lexicon builtin();
    /// Adds one concept file's content; throws LexiconError.
    void load_concepts(std::string_view file_name, std::string_view content);
    /// Adds one cue word list file's content; throws LexiconError.
    void load_cue_words(std::string_view file_name, std::string_view content);
    /// Checks that every parent and every addressed cause exists; throws.
    void check_links() const;

    const std::vector<std::unique_ptr<Concept>>& concepts() const noexcept { return concepts_; }
    const Concept* find(std::string_view id) const;
    /// The concept a phrase (any text) names exactly, or nullptr.
    const Concept* lookup(std::string_view phrase) const;
    /// The concept named exactly by words [first, last) (punctuation
    /// skipped), restricted to kinds in `mask` (bit per Kind), or nullptr.
    const Concept* lookup_words(const PostWords& pw, size_t first, size_t last, unsigned mask) const;
    /// The longest phrase at word `at` naming a concept of a kind in mask.
    LexMatch match_at(const PostWords& pw, size_t at, size_t limit, unsigned mask) const;
    /// The best concept inside words [first, last): the longest phrase, the
    /// earliest among equals.
    LexMatch best_in(const PostWords& pw, size_t first, size_t last, unsigned mask) const;
    /// Whether a cue word list holds a key or phrase ("imperative", "vague", ...).
    bool in_list(ListName list, std::string_view key) const {
        for (size_t k = list.hash % kListSlots, n = 0; n < kListSlots; k = (k + 1) % kListSlots, ++n) {
            if (list_slots_[k].first == list.hash) return list_words_[list_index_[k]].count(key) > 0;
            if (list_slots_[k].second == 0) return false;
        }
        return false;
    }
    /// Whether word i of pw (classified by classify()) is in a cue word list.
    bool word_in(ListName list, const PostWords& pw, size_t i) const noexcept { return (pw[i].lists & list_bit(list)) != 0; }
    /// The bit of a list in Word::lists (0 for a list the data files do not have).
    ListBits list_bit(ListName list) const noexcept {
        for (size_t k = list.hash % kListSlots, n = 0; n < kListSlots; k = (k + 1) % kListSlots, ++n) {
            if (list_slots_[k].first == list.hash) return list_slots_[k].second;
            if (list_slots_[k].second == 0) return 0;
        }
        return 0;
    }
    /// Sets every word's list bits and whether a lexicon phrase may start at
    /// it, then finds the phrases (PostWords::lex_hits).
    void classify(PostWords& pw) const;
    /// The list bits of a single-word key.
    ListBits word_lists(std::string_view key) const {
        auto it = word_lists_.find(key);
        return it == word_lists_.end() ? 0 : it->second;
    }
    /// Whether a lexicon phrase starts with this stem.
    bool first_stem(std::string_view stem) const { return first_stems_.count(stem) > 0; }
    /// The id of a stem that occurs in some lexicon phrase (0 for none).
    uint32_t stem_id(std::string_view stem) const {
        auto it = stem_ids_.find(stem);
        return it == stem_ids_.end() ? 0 : it->second;
    }
    /// Finds the phrases of words whose lex_first is set (PostWords::lex_hits).
    void find_phrases(PostWords& pw) const;
    /// The ancestors of a concept, nearest first.
    std::vector<const Concept*> ancestors(const Concept* c) const;

    static constexpr unsigned bit(Kind k) { return 1u << static_cast<unsigned>(k); }

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::vector<std::unique_ptr<Concept>> concepts_;
    std::unordered_map<std::string, const Concept*, Hash, std::equal_to<>> by_id_;
    // Stemmed phrase -> concepts (one per kind at most).
    std::unordered_map<std::string, std::vector<const Concept*>, Hash, std::equal_to<>> by_phrase_;
    std::unordered_set<std::string, Hash, std::equal_to<>> first_stems_;
    std::unordered_set<std::string, Hash, std::equal_to<>> prefixes_;  ///< proper word prefixes of phrases
    // The phrases as a trie over stem ids: edge (node << 32 | stem id) -> node;
    // a node's concepts (null when no phrase ends there). Node 0 is the root.
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> stem_ids_;
    std::unordered_map<uint64_t, uint32_t> trie_edges_;
    std::vector<const std::vector<const Concept*>*> trie_concepts_{nullptr};
    void add_to_trie(const std::string& stemmed, const std::vector<const Concept*>* concepts);
    std::vector<std::unordered_set<std::string, Hash, std::equal_to<>>> list_words_;  ///< the words (and phrases) of each list
    // Single-word keys -> bits of the lists that hold them; list name hash -> bit.
    std::unordered_map<std::string, ListBits, Hash, std::equal_to<>> word_lists_;
    static constexpr size_t kMaxLists = 128;
    static constexpr size_t kListSlots = 2 * kMaxLists;
    std::array<std::pair<uint64_t, ListBits>, kListSlots> list_slots_{};
    std::array<uint8_t, kListSlots> list_index_{};  ///< per slot, its list's index in list_words_ (the bit's position)
    size_t n_lists_ = 0;
    size_t max_words_ = 1;
};

}  // namespace fkb::advice
