// The two seed-format source plugins as the host sees them: each module is
// loaded with dlopen from the build's plugin folder and driven only through
// the C ABI of plugin.h (descriptor, sniff, open, next_thread, close), with
// a fake host, input and sink. Checks what a user of the loader would
// notice: the right thread comes out, rejects carry the line, the host's
// abort is honoured, options work, bad bytes are logged.
#include "seedsrc_thread_json.hpp"

#include <forumkb/plugin.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <algorithm>
#include <cstring>

#include <string>
#include <vector>

namespace {

struct Module {
    void* handle = nullptr;
    const fkb_plugin_descriptor* d = nullptr;
    explicit Module(const std::string& name) {
        std::string path = std::string(FORUMKB_PLUGIN_DIR) + "/" + name + ".so";
        handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) return;
        auto entry = reinterpret_cast<fkb_plugin_entry_fn>(dlsym(handle, FKB_PLUGIN_ENTRY_SYMBOL));
        if (entry) d = entry();
    }
    ~Module() {
        if (handle) dlclose(handle);
    }
};

struct Fake {
    std::string data;
    size_t pos = 0;
    std::vector<std::string> logs, errors;
    std::vector<std::pair<uint64_t, std::string>> rejects;
    std::vector<fkb::sdk::Thread> threads;
    bool abort = false;

    fkb_host host{};
    fkb_input input{};
    fkb_thread_sink sink{};

    Fake(std::string bytes, const char* name) : data(std::move(bytes)) {
        host = fkb_host{sizeof(fkb_host), FKB_ABI_MAJOR, FKB_ABI_MINOR, this,
                        [](void* c, fkb_log_level, fkb_str m) {
                            static_cast<Fake*>(c)->logs.emplace_back(m.ptr, m.len);
                        },
                        [](void* c, fkb_str m) { static_cast<Fake*>(c)->errors.emplace_back(m.ptr, m.len); }};
        input = fkb_input{sizeof(fkb_input), this, fkb_str{name, std::strlen(name)},
                          static_cast<int64_t>(data.size()), [](void* c, void* buf, size_t cap) -> int64_t {
                              Fake* f = static_cast<Fake*>(c);
                              size_t n = std::min(cap, f->data.size() - f->pos);
                              std::memcpy(buf, f->data.data() + f->pos, n);
                              f->pos += n;
                              return static_cast<int64_t>(n);
                          }};
        sink = fkb_thread_sink{sizeof(fkb_thread_sink), this,
                               [](void* c, const fkb_thread* t) {
                                   Fake* f = static_cast<Fake*>(c);
                                   fkb::sdk::Thread th;
                                   th.source = std::string(fkb::sdk::view(t->source));
                                   th.title = std::string(fkb::sdk::view(t->title));
                                   th.category = std::string(fkb::sdk::view(t->category));
                                   for (size_t i = 0; i < t->n_posts; ++i) {
                                       fkb::sdk::Post p;
                                       p.post_id = std::string(fkb::sdk::view(t->posts[i].post_id));
                                       p.text = std::string(fkb::sdk::view(t->posts[i].text));
                                       if (t->posts[i].likes != FKB_NULL_INT) p.likes = t->posts[i].likes;
                                       if (t->posts[i].signals.level != FKB_NULL_INT) p.level = t->posts[i].signals.level;
                                       p.accepted = t->posts[i].accepted != 0;
                                       th.posts.push_back(std::move(p));
                                   }
                                   f->threads.push_back(std::move(th));
                                   return f->abort ? FKB_ABORT : FKB_OK;
                               },
                               [](void* c, fkb_str reason, fkb_location where, fkb_str) {
                                   static_cast<Fake*>(c)->rejects.emplace_back(where.line,
                                                                               std::string(reason.ptr, reason.len));
                               }};
    }

    /// open + next_thread until FKB_END (at most 3 calls) + close; returns the statuses.
    std::vector<fkb_status> drive(const fkb_plugin_descriptor* d, std::vector<fkb_option> options = {}) {
        std::vector<fkb_status> out;
        void* state = nullptr;
        fkb_status s = d->source->open(&host, &input, options.data(), options.size(), &state);
        out.push_back(s);
        if (s != FKB_OK) return out;
        for (int i = 0; i < 3; ++i) {
            s = d->source->next_thread(state, &sink);
            out.push_back(s);
            if (s != FKB_OK) break;
        }
        d->source->close(state);
        return out;
    }
};

std::string corpus(const std::string& rel) {
    return fkb::seedsrc::golden::read_file(std::string(FORUMKB_SOURCE_DIR) + "/corpora/" + rel);
}

fkb_str s(const char* c) { return fkb_str{c, std::strlen(c)}; }

}  // namespace

TEST(SeedsrcPluginAbi, Descriptors) {
    for (const char* name : {"source_vanilla_text", "source_yahoo_answers_text"}) {
        Module m(name);
        ASSERT_TRUE(m.handle) << name << ": " << dlerror();
        ASSERT_TRUE(m.d) << name << ": no " FKB_PLUGIN_ENTRY_SYMBOL;
        EXPECT_EQ(m.d->struct_size, sizeof(fkb_plugin_descriptor));
        EXPECT_EQ(m.d->abi_major, FKB_ABI_MAJOR);
        EXPECT_EQ(m.d->kind, FKB_KIND_SOURCE);
        EXPECT_STREQ(m.d->name, name);
        ASSERT_TRUE(m.d->source);
        EXPECT_FALSE(m.d->extractor);
        ASSERT_EQ(m.d->n_options, 1u);
        EXPECT_STREQ(m.d->options[0].name, "max_bytes");
    }
}

TEST(SeedsrcPluginAbi, SniffTellsTheFormatsApart) {
    Module v("source_vanilla_text"), y("source_yahoo_answers_text");
    ASSERT_TRUE(v.d && y.d);
    std::string vp = corpus("vanilla_text/v01_knee_pain_downhill.txt");
    std::string yp = corpus("yahoo_answers_text/y01_knee_cycling.txt");
    std::string jl = "{\"source\": \"jsonl\", \"thread_id\": \"1\", \"posts\": []}\n";
    EXPECT_GE(v.d->source->sniff(fkb::sdk::str(vp), s("a.txt")), 0.9);
    EXPECT_LE(v.d->source->sniff(fkb::sdk::str(yp), s("a.txt")), 0.1);
    EXPECT_EQ(v.d->source->sniff(fkb::sdk::str(jl), s("a.jsonl")), 0.0);
    EXPECT_GE(y.d->source->sniff(fkb::sdk::str(yp), s("a.txt")), 0.9);
    EXPECT_LE(y.d->source->sniff(fkb::sdk::str(vp), s("a.txt")), 0.1);
    EXPECT_EQ(y.d->source->sniff(fkb::sdk::str(jl), s("a.jsonl")), 0.0);
}

TEST(SeedsrcPluginAbi, EmitsOneThreadThenEnds) {
    Module y("source_yahoo_answers_text");
    ASSERT_TRUE(y.d);
    Fake f(corpus("yahoo_answers_text/y01_knee_cycling.txt"), "y01_knee_cycling.txt");
    auto st = f.drive(y.d);
    EXPECT_EQ(st, (std::vector<fkb_status>{FKB_OK, FKB_OK, FKB_END}));
    ASSERT_EQ(f.threads.size(), 1u);
    EXPECT_EQ(f.threads[0].source, "yahoo_answers");
    EXPECT_EQ(f.threads[0].category, "Sports > Cycling");
    ASSERT_EQ(f.threads[0].posts.size(), 4u);
    EXPECT_TRUE(f.threads[0].posts[1].accepted);
    EXPECT_EQ(f.threads[0].posts[1].level, 6);
    EXPECT_TRUE(f.rejects.empty());
}

TEST(SeedsrcPluginAbi, RejectsCarryTheLineAndKeepTheRest) {
    Module v("source_vanilla_text");
    ASSERT_TRUE(v.d);
    Fake f(corpus("malformed/vanilla_truncated_mid_reply.txt"), "vanilla_truncated_mid_reply.txt");
    f.drive(v.d);
    ASSERT_EQ(f.rejects.size(), 1u);
    EXPECT_EQ(f.rejects[0].first, 9u);
    ASSERT_EQ(f.threads.size(), 1u);
    EXPECT_EQ(f.threads[0].posts.size(), 2u);
    Fake n(corpus("malformed/vanilla_not_a_page.txt"), "vanilla_not_a_page.txt");
    EXPECT_EQ(n.drive(v.d), (std::vector<fkb_status>{FKB_OK, FKB_END}));
    EXPECT_TRUE(n.threads.empty());
    EXPECT_EQ(n.rejects.size(), 1u);
}

TEST(SeedsrcPluginAbi, HostAbortIsHonoured) {
    Module v("source_vanilla_text");
    ASSERT_TRUE(v.d);
    Fake f(corpus("vanilla_text/v02_shin_splints_new_runner.txt"), "v02.txt");
    f.abort = true;
    EXPECT_EQ(f.drive(v.d), (std::vector<fkb_status>{FKB_OK, FKB_END}));
    EXPECT_EQ(f.threads.size(), 1u);
}

TEST(SeedsrcPluginAbi, MaxBytesOption) {
    Module v("source_vanilla_text");
    ASSERT_TRUE(v.d);
    Fake f(corpus("vanilla_text/v01_knee_pain_downhill.txt"), "v01.txt");
    fkb_option opt{s("max_bytes"), s("100")};
    EXPECT_EQ(f.drive(v.d, {opt}), (std::vector<fkb_status>{FKB_OK, FKB_END}));
    EXPECT_TRUE(f.threads.empty());
    ASSERT_EQ(f.rejects.size(), 1u);
    EXPECT_NE(f.rejects[0].second.find("max_bytes"), std::string::npos);
}

TEST(SeedsrcPluginAbi, InvalidBytesAreLogged) {
    Module y("source_yahoo_answers_text");
    ASSERT_TRUE(y.d);
    Fake f(corpus("malformed/yahoo_invalid_utf8.txt"), "yahoo_invalid_utf8.txt");
    f.drive(y.d);
    ASSERT_EQ(f.threads.size(), 1u);
    ASSERT_EQ(f.logs.size(), 1u);
    EXPECT_NE(f.logs[0].find("replaced 5 invalid UTF-8"), std::string::npos);
}
