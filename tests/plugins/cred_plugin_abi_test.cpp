// extractor_credibility as the host sees it: the module is loaded with
// dlopen from the build's plugin folder and driven only through the C ABI
// (descriptor, create, extract, destroy) with a fake host and fact sink.
// Checks the descriptor, that facts cross with their attributes and the
// page-side evidence of platform signals, and that the host's abort stops
// the extraction.
#include "cred_support.hpp"

#include <forumkb/plugin.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <cstddef>
#include <string>
#include <vector>

namespace fkb::cred::testing {
namespace {

struct Module {
    void* handle = nullptr;
    const fkb_plugin_descriptor* d = nullptr;
    Module() {
        std::string path = std::string(FORUMKB_PLUGIN_DIR) + "/extractor_credibility.so";
        handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) return;
        auto entry = reinterpret_cast<fkb_plugin_entry_fn>(dlsym(handle, FKB_PLUGIN_ENTRY_SYMBOL));
        if (entry) d = entry();
    }
    ~Module() {
        if (handle) dlclose(handle);
    }
};

struct Collected {
    std::string kind, label, evidence_text;
    fkb_evidence evidence{};
    std::vector<std::pair<std::string, std::string>> attrs;
    std::string attr(const std::string& k) const {
        for (const auto& [a, v] : attrs)
            if (a == k) return v;
        return {};
    }
};

struct FakeHost {
    std::vector<std::string> errors;
    std::vector<Collected> facts;
    size_t abort_after = SIZE_MAX;
    fkb_host host{};
    fkb_fact_sink sink{};
    FakeHost() {
        host = fkb_host{sizeof(fkb_host), FKB_ABI_MAJOR, FKB_ABI_MINOR, this, [](void*, fkb_log_level, fkb_str) {},
                        [](void* c, fkb_str m) { static_cast<FakeHost*>(c)->errors.emplace_back(m.ptr, m.len); }};
        sink = fkb_fact_sink{sizeof(fkb_fact_sink), this, [](void* c, const fkb_fact* f) {
                                 auto* h = static_cast<FakeHost*>(c);
                                 Collected x;
                                 x.kind = std::string(sdk::view(f->kind));
                                 x.label = std::string(sdk::view(f->label));
                                 x.evidence = f->evidence;
                                 if (f->struct_size >= offsetof(fkb_fact, evidence_text) + sizeof(fkb_str))
                                     x.evidence_text = std::string(sdk::view(f->evidence_text));
                                 for (size_t i = 0; i < f->n_attrs; ++i)
                                     x.attrs.emplace_back(sdk::view(f->attrs[i].key), sdk::view(f->attrs[i].value));
                                 h->facts.push_back(std::move(x));
                                 return h->facts.size() >= h->abort_after ? FKB_ABORT : FKB_OK;
                             }};
    }
};

ThreadFixture yahoo_thread() {
    Post a = post("a1", "Rae", "I'm a physical therapist. Roll your calves and I agree with the advice above.");
    a.level = 7;
    return ThreadFixture(thread("yahoo_answers", {post("q", "Anonymous", "Calf pain after runs?"),
                                                  post("a0", "Lou", "Stretch after every run."), a}));
}

TEST(CredPluginAbi, DescriptorIsAnExtractorOfThisAbi) {
    Module m;
    ASSERT_NE(m.handle, nullptr) << dlerror();
    ASSERT_NE(m.d, nullptr);
    EXPECT_EQ(m.d->struct_size, sizeof(fkb_plugin_descriptor));
    EXPECT_EQ(m.d->abi_major, FKB_ABI_MAJOR);
    EXPECT_EQ(m.d->kind, FKB_KIND_EXTRACTOR);
    EXPECT_STREQ(m.d->name, "extractor_credibility");
    ASSERT_NE(m.d->extractor, nullptr);
    EXPECT_EQ(m.d->source, nullptr);
    EXPECT_EQ(m.d->n_options, 0u);
}

TEST(CredPluginAbi, FactsCrossWithAttributesAndPageEvidence) {
    Module m;
    ASSERT_NE(m.d, nullptr);
    FakeHost h;
    void* state = nullptr;
    ASSERT_EQ(m.d->extractor->create(&h.host, nullptr, 0, &state), FKB_OK);
    auto fx = yahoo_thread();
    ASSERT_EQ(m.d->extractor->extract(state, &fx.view(), &h.sink), FKB_OK);
    m.d->extractor->destroy(state);
    EXPECT_TRUE(h.errors.empty());

    const Collected* pt = nullptr;
    const Collected* level = nullptr;
    const Collected* agree = nullptr;
    for (const auto& f : h.facts) {
        if (f.kind == "credibility" && f.attr("basis") == "profession") pt = &f;
        if (f.kind == "credibility" && f.attr("basis") == "level") level = &f;
        if (f.kind == "endorsement") agree = &f;
    }
    ASSERT_NE(pt, nullptr);
    EXPECT_EQ(pt->attr("signal"), "expertise");
    EXPECT_EQ(pt->attr("value"), "physical therapist");
    EXPECT_EQ(pt->attr("author"), "Rae");
    EXPECT_EQ(pt->evidence.post, 2u);
    EXPECT_EQ(fx.thread().posts[2].text.substr(pt->evidence.start, pt->evidence.end - pt->evidence.start),
              "I'm a physical therapist");
    EXPECT_TRUE(pt->evidence_text.empty());
    ASSERT_NE(level, nullptr);
    EXPECT_EQ(level->evidence_text, "Lv 7");
    EXPECT_EQ(level->evidence.start, level->evidence.end);
    ASSERT_NE(agree, nullptr);
    EXPECT_EQ(agree->attr("target_post"), "1");
    EXPECT_EQ(agree->label, "agrees with post 1");
}

TEST(CredPluginAbi, TheHostsAbortStopsExtraction) {
    Module m;
    ASSERT_NE(m.d, nullptr);
    FakeHost h;
    h.abort_after = 1;
    void* state = nullptr;
    ASSERT_EQ(m.d->extractor->create(&h.host, nullptr, 0, &state), FKB_OK);
    auto fx = yahoo_thread();
    EXPECT_EQ(m.d->extractor->extract(state, &fx.view(), &h.sink), FKB_OK);
    EXPECT_EQ(h.facts.size(), 1u);
    // The instance is still usable after an abort.
    h.abort_after = SIZE_MAX;
    h.facts.clear();
    EXPECT_EQ(m.d->extractor->extract(state, &fx.view(), &h.sink), FKB_OK);
    EXPECT_EQ(h.facts.size(), 3u);
    m.d->extractor->destroy(state);
}

}  // namespace
}  // namespace fkb::cred::testing
