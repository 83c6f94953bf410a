// Checks the advice extractor's concept files (plugins/extractor_advice/
// lexicon/*.tsv except the cue word lists), one test per file: the header and
// column count of every line, ids unique across all files, kinds valid for
// the file, parents that exist, are of the same family of kinds and make no
// cycle, addresses that name cause concepts, external ids in HPO or SNOMED CT
// form, non-empty labels, and no name (label or synonym, after the lexicon's
// own stemming and skipping of determiners) shared by two concepts or listed
// twice for one. A further test looks common forum phrases up through
// Lexicon::lookup, the way the extractor does. Every failure names file:line.
#include "lexicon.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using fkb::advice::Concept;
using fkb::advice::Kind;
using fkb::advice::Lexicon;

const char* const kConceptFiles[] = {"body_parts", "regions", "complaints", "conditions", "causes", "remedies"};

std::string rel_path(const std::string& name) { return "plugins/extractor_advice/lexicon/" + name + ".tsv"; }

std::string slurp(const std::string& name) {
    std::ifstream in(fs::path(FORUMKB_SOURCE_DIR) / rel_path(name), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

/// The kinds a concept of each file may have.
std::set<Kind> kinds_of(const std::string& file) {
    if (file == "body_parts") return {Kind::body_part};
    if (file == "regions") return {Kind::region};
    if (file == "complaints") return {Kind::complaint};
    if (file == "conditions") return {Kind::condition, Kind::symptom};
    if (file == "causes") return {Kind::cause};
    return {Kind::remedy};
}

/// Kinds that may be parent and child of each other.
int family(Kind k) {
    switch (k) {
        case Kind::condition:
        case Kind::symptom: return 0;
        default: return static_cast<int>(k) + 1;
    }
}

std::string where(const Concept& c) { return c.file + ":" + std::to_string(c.line); }

/// Every concept file loaded into one lexicon, from the source tree (so that
/// messages name the files a curator edits); load errors are kept.
struct SourceLexicon {
    Lexicon lex;
    std::vector<std::string> load_errors;
    SourceLexicon() {
        for (const char* f : kConceptFiles) {
            try {
                lex.load_concepts(rel_path(f), slurp(f));
            } catch (const fkb::advice::LexiconError& e) {
                load_errors.emplace_back(e.what());
            }
        }
    }
};

const SourceLexicon& source_lexicon() {
    static const SourceLexicon s;  // test-local cache: loaded once for all tests
    return s;
}

class LexiconFile : public testing::TestWithParam<const char*> {};

TEST_P(LexiconFile, IsWellFormed) {
    const std::string name = GetParam();
    const std::string path = rel_path(name);
    const std::string text = slurp(name);
    ASSERT_FALSE(text.empty()) << path << ": missing or empty";

    // Header and column count, line by line.
    bool header = true;
    uint32_t line_no = 0, rows = 0;
    for (std::string line : split(text, '\n')) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        auto cols = split(line, '\t');
        std::string at = path + ":" + std::to_string(line_no);
        if (header) {
            header = false;
            std::vector<std::string> want{"id", "kind", "label", "synonyms", "parent", "external_id"};
            if (name == "remedies") want.emplace_back("addresses");
            EXPECT_EQ(cols, want) << at << ": header should be the columns of lexicon.hpp";
            continue;
        }
        ++rows;
        size_t want = name == "remedies" ? 7 : 6;
        EXPECT_TRUE(cols.size() == want || (want == 7 && cols.size() == 6))
            << at << ": " << cols.size() << " tab-separated columns, expected " << want;
        if (cols.size() == 7 && name != "remedies") {
            EXPECT_TRUE(cols[6].empty()) << at << ": only remedies have addresses";
        }
        for (const auto& syn : split(cols.size() > 3 ? cols[3] : "", '|'))
            EXPECT_EQ(syn.find_first_not_of(' '), syn.empty() ? std::string::npos : 0)
                << at << ": synonym '" << syn << "' has leading spaces or is empty";
    }
    EXPECT_FALSE(header) << path << ": no header line";
    EXPECT_GT(rows, 0u) << path << ": no concepts";

    const SourceLexicon& src = source_lexicon();
    for (const auto& e : src.load_errors)
        if (e.rfind(path + ":", 0) == 0) ADD_FAILURE() << e;
    const Lexicon& lex = src.lex;

    // Ids unique across all files: the loader refuses a second one, so a
    // duplicate shows as a load error of this file (above). Here: every
    // concept of the file is the one the id finds.
    std::set<Kind> kinds = kinds_of(name);
    for (const auto& cp : lex.concepts()) {
        const Concept& c = *cp;
        if (c.file != path) continue;
        std::string at = where(c);
        EXPECT_EQ(lex.find(c.id), &c) << at << ": id '" << c.id << "' is not unique";
        EXPECT_TRUE(kinds.count(c.kind)) << at << ": kind " << fkb::advice::kind_name(c.kind) << " of '" << c.id
                                         << "' does not belong in " << path;
        EXPECT_FALSE(c.label.empty()) << at << ": '" << c.id << "' has no label";

        // Parent: exists, same family of kinds, no cycle.
        if (!c.parent.empty()) {
            const Concept* p = lex.find(c.parent);
            if (!p) {
                ADD_FAILURE() << at << ": parent '" << c.parent << "' of '" << c.id << "' does not exist";
            } else {
                EXPECT_EQ(family(p->kind), family(c.kind))
                    << at << ": parent '" << p->id << "' of '" << c.id << "' is a " << fkb::advice::kind_name(p->kind);
                std::set<std::string> seen{c.id};
                for (const Concept* a = p; a; a = a->parent.empty() ? nullptr : lex.find(a->parent))
                    if (!seen.insert(a->id).second) {
                        ADD_FAILURE() << at << ": '" << c.id << "' is its own ancestor (through '" << a->id << "')";
                        break;
                    }
            }
        }

        // Addresses: remedies only, naming cause concepts, each once.
        std::set<std::string> addressed;
        for (const auto& a : c.addresses) {
            const Concept* t = lex.find(a);
            if (!t) {
                ADD_FAILURE() << at << ": '" << c.id << "' addresses '" << a << "', which does not exist";
            } else {
                EXPECT_EQ(t->kind, Kind::cause) << at << ": '" << c.id << "' addresses '" << a << "', not a cause";
            }
            EXPECT_TRUE(addressed.insert(a).second) << at << ": '" << c.id << "' addresses '" << a << "' twice";
        }
        if (c.kind != Kind::remedy) {
            EXPECT_TRUE(c.addresses.empty()) << at << ": only remedies address causes";
        }

        // External ids: HPO (HP: and seven digits) or SNOMED CT (SNOMED: and 6-18 digits).
        if (!c.external_id.empty()) {
            const std::string& x = c.external_id;
            bool hpo = x.size() == 10 && x.rfind("HP:", 0) == 0 &&
                       x.find_first_not_of("0123456789", 3) == std::string::npos;
            bool snomed = x.rfind("SNOMED:", 0) == 0 && x.size() >= 13 && x.size() <= 25 &&
                          x.find_first_not_of("0123456789", 7) == std::string::npos;
            EXPECT_TRUE(hpo || snomed) << at << ": external id '" << x << "' of '" << c.id
                                       << "' is neither HP:nnnnnnn nor SNOMED:n";
        }

        // Names: the label and each synonym name this concept and no other
        // (after stemming and skipping determiners, as the extractor matches),
        // and none repeats another name of the same concept.
        std::vector<std::string> own;  // the names seen so far
        std::vector<std::string> names{c.label};
        names.insert(names.end(), c.synonyms.begin(), c.synonyms.end());
        for (const std::string& n : names) {
            const Concept* hit = lex.lookup(n);
            if (!hit) {
                ADD_FAILURE() << at << ": '" << n << "' of '" << c.id << "' has no words left after normalization";
                continue;
            }
            if (hit != &c) {
                ADD_FAILURE() << at << ": '" << n << "' of '" << c.id << "' is also a name of '" << hit->id << "' ("
                              << where(*hit) << ")";
                continue;
            }
            // Two names of one concept that the lexicon cannot tell apart.
            Lexicon probe;
            std::string row = "id\tkind\tlabel\tsynonyms\tparent\texternal_id\nx\tcause\t" + n + "\t\t\t\n";
            probe.load_concepts("probe", row);
            for (const auto& other : own)
                if (probe.lookup(other)) {
                    ADD_FAILURE() << at << ": '" << n << "' and '" << other << "' of '" << c.id
                                  << "' are the same after stemming: keep one";
                    break;
                }
            own.push_back(n);
        }
    }
}

std::string file_test_name(const testing::TestParamInfo<const char*>& p) { return p.param; }

INSTANTIATE_TEST_SUITE_P(AdviceLexicon, LexiconFile, testing::ValuesIn(kConceptFiles), file_test_name);

TEST(AdviceLexicon, CompiledInLexiconHoldsTheSourceFiles) {
    Lexicon builtin = Lexicon::builtin();
    const SourceLexicon& src = source_lexicon();
    ASSERT_TRUE(src.load_errors.empty()) << src.load_errors.front();
    EXPECT_EQ(builtin.concepts().size(), src.lex.concepts().size());
    for (const auto& c : src.lex.concepts()) EXPECT_NE(builtin.find(c->id), nullptr) << where(*c) << ": " << c->id;
}

TEST(AdviceLexicon, IsBroadEnough) {
    // The issue asks for at least 250 concepts on each side; we keep more.
    size_t symptoms = 0, advice = 0;
    for (const auto& c : source_lexicon().lex.concepts())
        (c->kind == Kind::cause || c->kind == Kind::remedy ? advice : symptoms) += 1;
    EXPECT_GE(symptoms, 320u) << "body-part, region, complaint and condition concepts";
    EXPECT_GE(advice, 320u) << "cause and remedy concepts";
}

TEST(AdviceLexicon, CommonForumPhrasesMapToTheirConcepts) {
    Lexicon lex = Lexicon::builtin();
    const std::pair<const char*, const char*> cases[] = {
        {"foam rolling", "foam_rolling"},
        {"foam-rolled", "foam_rolling"},
        {"my hammies", "hamstring"},
        {"shin splints", "shin_splints"},
        {"Runner's knee", "runners_knee"},
        {"PF", "plantar_fasciitis"},
        {"ITB", "it_band"},
        {"DOMS", "doms"},
        {"pins and needles", "tingling"},
        {"can't sleep", "insomnia"},
        {"weak glutes", "weak_glutes"},
        {"clamshells", "glute_strengthening"},
        {"planks", "planks"},
        {"too much too soon", "training_load"},
        {"worn out shoes", "worn_shoes"},
        {"statins", "statins"},
        {"Lipitor", "statins"},
        {"talk to your prescriber", "talk_to_prescriber"},
        {"take it with food", "take_with_food"},
        {"iritis", "iritis"},
        {"a stye", "stye"},
        {"tinnitus", "tinnitus"},
        {"heartburn", "acid_reflux"},
        {"calf strain", "calf_strain"},
    };
    for (const auto& [phrase, id] : cases) {
        const Concept* c = lex.lookup(phrase);
        EXPECT_TRUE(c && c->id == id) << "'" << phrase << "' should map to " << id << ", maps to "
                                      << (c ? c->id + " (" + where(*c) + ")" : std::string("nothing"));
    }
    // Hierarchy the linker relies on.
    const std::pair<const char*, const char*> parents[] = {
        {"calf_strain", "muscle_strain"}, {"planks", "core_strengthening"}, {"core_strengthening", "strength_training"},
        {"statins", "medication_side_effect"}};
    for (const auto& [child, parent] : parents) {
        const Concept* c = lex.find(child);
        ASSERT_NE(c, nullptr) << child;
        bool found = false;
        for (const Concept* a : lex.ancestors(c)) found = found || a->id == parent;
        EXPECT_TRUE(found) << where(*c) << ": " << child << " should be under " << parent;
    }
    // A remedy addresses the cause it treats (weak core -> core strengthening).
    const Concept* core = lex.find("core_strengthening");
    ASSERT_NE(core, nullptr);
    EXPECT_NE(std::find(core->addresses.begin(), core->addresses.end(), "weak_core"), core->addresses.end())
        << where(*core) << ": core_strengthening should address weak_core";
}

}  // namespace
