// Test support for the advice extractor tests: runs the host's text
// Analyzer and the AdviceExtractor over a text or a thread, and finds facts
// by kind and evidence.
#pragma once

#include <forumkb/abi_convert.hpp>
#include <forumkb/text/analyzer.hpp>

#include "advice_extractor.hpp"

#include <string>
#include <vector>

namespace advice_test {

/// One extractor and one analyzer for all tests of a binary.
inline const fkb::advice::AdviceExtractor& extractor() {
    static const fkb::advice::AdviceExtractor x;
    return x;
}
inline const fkb::text::Analyzer& analyzer() {
    static const fkb::text::Analyzer a;
    return a;
}

/// A thread of the given post texts (post 0 opens it).
inline fkb::Thread make_thread(const std::vector<std::string>& texts, std::string title = "A question") {
    fkb::Thread t;
    t.source = "test";
    t.thread_id = "t1";
    t.title = std::move(title);
    for (size_t i = 0; i < texts.size(); ++i) {
        fkb::Post p;
        p.post_id = "p" + std::to_string(i);
        p.text = texts[i];
        t.posts.push_back(std::move(p));
    }
    return t;
}

/// The facts the extractor finds in a thread.
inline std::vector<fkb::sdk::Fact> run(const fkb::Thread& t) {
    auto analysis = analyzer().analyze_thread(t);
    fkb::plugin::ThreadViewAbi view(t, analysis, "test.jsonl");
    return extractor().extract(*view.get());
}

/// Facts of a thread made of texts.
inline std::vector<fkb::sdk::Fact> run(const std::vector<std::string>& texts) { return run(make_thread(texts)); }

/// The evidence text of a fact.
inline std::string evidence(const fkb::Thread& t, const fkb::sdk::Fact& f) {
    const std::string& text = t.posts[f.evidence.post].text;
    return text.substr(f.evidence.start, f.evidence.end - f.evidence.start);
}

/// An attribute's value ("" when absent or null).
inline std::string attr(const fkb::sdk::Fact& f, const std::string& key) {
    for (const auto& [k, v] : f.attrs)
        if (k == key) return v.second;
    return {};
}

/// Facts of a kind.
inline std::vector<fkb::sdk::Fact> of_kind(const std::vector<fkb::sdk::Fact>& fs, const std::string& kind) {
    std::vector<fkb::sdk::Fact> out;
    for (const auto& f : fs)
        if (f.kind == kind) out.push_back(f);
    return out;
}

/// The fact of a kind whose evidence contains `needle`, or nullptr.
inline const fkb::sdk::Fact* find(const fkb::Thread& t, const std::vector<fkb::sdk::Fact>& fs, const std::string& kind,
                                  const std::string& needle) {
    for (const auto& f : fs)
        if (f.kind == kind && evidence(t, f).find(needle) != std::string::npos) return &f;
    return nullptr;
}

}  // namespace advice_test
