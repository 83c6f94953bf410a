// query_bench: builds a knowledge base of generated threads (200,000 posts
// by default, written through KbWriter like an ingest would), then times
// 1,000 mixed questions, half `query` (advice ranking) and half `search`
// (bm25 over posts), and prints p50/p95/max per kind, the build throughput
// and the KB size on disk. Exit status 1 when a p95 is over the budget
// (20 ms), so tests/bench/query_bench.sh can gate on it.
//
//   query_bench [--posts N] [--queries N] [--db PATH] [--keep] [--reuse] [--budget-ms X] [--seed S]
//
// --reuse times the questions against the KB already at --db (one kept by
// an earlier --keep run with the same --seed) instead of building it again.
//
// The generated forum: threads of 10 posts about one of 24 symptom
// concepts (body part x location, with parents: lower_back_pain ->
// back_pain), replies naming causes and remedies from 40 + 40 concepts with
// varied certainty, polarity and outcomes, credibility cues, endorsements,
// and filler text from a 400-word vocabulary so that search has work to do.
#include <forumkb/kb/kb_writer.hpp>
#include <forumkb/kb/query.hpp>
#include <forumkb/kb/search.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Symptom {
    std::string id, label;
    std::string parent;
};

const std::vector<std::string> kParts = {"back", "knee", "shoulder", "hip", "neck", "ankle"};
const std::vector<std::string> kLocations = {"lower", "upper", "left", "right"};

std::vector<Symptom> symptoms() {
    std::vector<Symptom> out;
    for (const auto& p : kParts) {
        out.push_back({p + "_pain", p + " pain", ""});
        for (size_t i = 0; i < 3; ++i) {
            const auto& l = kLocations[(i + p.size()) % kLocations.size()];
            out.push_back({l + "_" + p + "_pain", l + " " + p + " pain", p + "_pain"});
        }
    }
    return out;
}

std::vector<std::string> words_list(const char* stem, int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.push_back(fmt::format("{}{}", stem, i));
    return out;
}

const std::vector<std::string> kCauseWords = {"weak",   "tight",  "worn",    "poor",    "sudden", "overtraining",
                                              "stiff",  "uneven", "cold",    "heavy",   "fast",   "long"};
const std::vector<std::string> kCauseThings = {"core",    "hamstrings", "shoes",   "posture", "mileage",
                                               "surface", "stride",     "glutes",  "calves",  "warmup"};
const std::vector<std::string> kRemedyVerbs = {"strengthen", "stretch", "replace", "correct", "reduce",
                                               "foam roll",  "ice",     "rest",    "massage", "shorten"};

std::string pick(std::mt19937& rng, const std::vector<std::string>& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

struct Args {
    int posts = 200000;
    int queries = 1000;
    std::string db;
    bool keep = false;
    bool reuse = false;
    double budget_ms = 20;
    unsigned seed = 7;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        std::string s = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                fmt::print(stderr, "query_bench: {} needs a value\n", s);
                std::exit(2);
            }
            return argv[++i];
        };
        if (s == "--posts") a.posts = std::stoi(next());
        else if (s == "--queries") a.queries = std::stoi(next());
        else if (s == "--db") a.db = next();
        else if (s == "--keep") a.keep = true;
        else if (s == "--reuse") a.reuse = a.keep = true;
        else if (s == "--budget-ms") a.budget_ms = std::stod(next());
        else if (s == "--seed") a.seed = static_cast<unsigned>(std::stoul(next()));
        else {
            fmt::print(stderr,
                       "usage: query_bench [--posts N] [--queries N] [--db PATH] [--keep] [--reuse] [--budget-ms X] "
                       "[--seed S]\n");
            std::exit(2);
        }
    }
    if (a.db.empty()) a.db = (std::filesystem::temp_directory_path() / "forumkb_query_bench.sqlite").string();
    return a;
}

double pct(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
    return v[std::min(i, v.size() - 1)];
}

fkb::FactRecord fact(const fkb::Thread& t, uint32_t post, const std::string& kind, const std::string& concept_id,
                     const std::string& label, const std::string& quote) {
    fkb::FactRecord r;
    r.plugin = "bench";
    r.fact.kind = kind;
    r.fact.concept_id = concept_id;
    r.fact.label = label;
    const std::string& text = t.posts[post].text;
    auto at = text.find(quote);
    if (at == std::string::npos) at = 0;
    r.fact.evidence = fkb_evidence{post, static_cast<uint32_t>(at),
                                   static_cast<uint32_t>(std::min(text.size(), at + quote.size())), 0};
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    Args args = parse(argc, argv);
    std::mt19937 rng(args.seed);
    auto syms = symptoms();
    auto filler = words_list("w", 400);
    for (const char* w : {"runner", "mile", "race", "pace", "trail", "track", "coach", "tempo", "interval", "hill"})
        filler.push_back(w);

    if (args.reuse && !std::filesystem::exists(args.db)) {
        fmt::print(stderr, "query_bench: {}: no KB to reuse\n", args.db);
        return 2;
    }
    if (!args.reuse)
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(args.db + suffix);
    const int posts_per_thread = 10;
    const int threads = std::max(1, args.posts / posts_per_thread);
    int64_t facts = 0;
    auto t0 = Clock::now();
    if (!args.reuse) {
        fkb::kb::KbWriter w(args.db);
        w.set_batch_size(1000);
        int64_t file = w.begin_file("generated.jsonl", args.posts, fmt::format("seed{}", args.seed));
        std::uniform_int_distribution<int> pct100(0, 99);
        for (int ti = 0; ti < threads; ++ti) {
            const Symptom& s = syms[static_cast<size_t>(ti) % syms.size()];
            fkb::Thread t;
            t.source = "bench";
            t.thread_id = fmt::format("t{}", ti);
            t.title = fmt::format("{} after my {} run", s.label, pick(rng, filler));
            std::vector<fkb::FactRecord> fs;
            std::vector<std::string> quotes(posts_per_thread);
            for (int p = 0; p < posts_per_thread; ++p) {
                fkb::Post post;
                post.post_id = fmt::format("t{}-{}", ti, p);
                post.author = fmt::format("user{}", std::uniform_int_distribution<int>(0, 20000)(rng));
                post.level = pct100(rng) < 30 ? std::optional<int64_t>(pct100(rng) % 8) : std::nullopt;
                std::string text;
                for (int k = 0; k < 30; ++k) text += pick(rng, filler) + (k % 9 == 8 ? ". " : " ");
                if (p == 0) {
                    quotes[0] = fmt::format("my {} hurts", s.label);
                } else {
                    std::string what = pick(rng, kCauseWords) + " " + pick(rng, kCauseThings);
                    quotes[static_cast<size_t>(p)] = fmt::format("probably your {}", what);
                }
                text += quotes[static_cast<size_t>(p)] + ". ";
                std::string remedy = pick(rng, kRemedyVerbs) + " your " + pick(rng, kCauseThings);
                if (p > 0) text += "You should " + remedy + ". ";
                if (p % 4 == 1) text += "I coach runners. ";
                post.text = text;
                t.posts.push_back(std::move(post));
            }
            for (uint32_t p = 0; p < static_cast<uint32_t>(posts_per_thread); ++p) {
                const std::string& text = t.posts[p].text;
                if (p == 0) {
                    auto f = fact(t, 0, "symptom", s.id, s.label, quotes[0]);
                    f.fact.set("experiencer", "author");
                    fs.push_back(std::move(f));
                    continue;
                }
                std::string what = quotes[p].substr(std::string("probably your ").size());
                std::string cid = what;
                std::replace(cid.begin(), cid.end(), ' ', '_');
                auto c = fact(t, p, "cause", cid, what, quotes[p]);
                int r = pct100(rng);
                c.fact.set("certainty", r < 40 ? "probable" : r < 60 ? "possible" : r < 70 ? "questioned" : "asserted");
                if (pct100(rng) < 8) c.fact.set("polarity", "negated");
                fs.push_back(std::move(c));
                auto at = text.find("You should ");
                std::string remedy = text.substr(at + 11, text.find('.', at) - at - 11);
                std::string rid = remedy;
                std::replace(rid.begin(), rid.end(), ' ', '_');
                auto m = fact(t, p, "remedy", rid, remedy, remedy);
                if (pct100(rng) < 15) m.fact.set("outcome", pct100(rng) < 80 ? "resolved" : "no_effect");
                fs.push_back(std::move(m));
                if (text.find("I coach runners") != std::string::npos) {
                    auto cr = fact(t, p, "credibility", "", "expertise: coaches runners", "I coach runners");
                    cr.fact.set("signal", "expertise").set("value", "coaches runners").set_double("weight", 0.35);
                    fs.push_back(std::move(cr));
                }
                if (p >= 2 && pct100(rng) < 10) {
                    auto e = fact(t, p, "endorsement", "", fmt::format("agrees with post {}", p - 1), "");
                    e.fact.set_int("target_post", p - 1);
                    fs.push_back(std::move(e));
                }
            }
            facts += static_cast<int64_t>(fs.size());
            w.write_thread(file, t, fs);
        }
        w.finish_file(file);
    }
    double build_s = std::chrono::duration<double>(Clock::now() - t0).count();
    auto stats = fkb::kb::read_stats(args.db);

    // The questions: symptom phrasings (synonyms, word order, locations) and search words.
    std::vector<std::string> questions;
    for (const auto& part : kParts) {
        questions.push_back(part + " pain after running");
        questions.push_back("sore " + part);
        questions.push_back(part + " aching");
        for (const auto& l : kLocations) questions.push_back(l + " " + part + " hurts");
    }
    std::vector<std::string> searches;
    rng.seed(args.seed + 1);  // the same searches whether the KB was built now or reused
    for (int i = 0; i < 40; ++i) {
        searches.push_back(pick(rng, filler) + " " + pick(rng, kCauseThings));
        searches.push_back(pick(rng, kCauseWords) + " " + pick(rng, kCauseThings));
        searches.push_back(pick(rng, kRemedyVerbs));
        searches.push_back(pick(rng, filler));
    }

    fkb::kb::KbReader reader(args.db);
    std::vector<double> qt, st;
    size_t answered = 0, found = 0;
    fkb::kb::QueryOptions qo;
    qo.evidence = true;
    qo.max_evidence = 3;
    for (int i = 0; i < args.queries; ++i) {
        if (i % 2 == 0) {
            const auto& q = questions[static_cast<size_t>(i / 2) % questions.size()];
            auto a = Clock::now();
            auto r = fkb::kb::run_query(reader, q, qo);
            auto text = fkb::kb::render_query_json(r, qo);
            qt.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
            answered += !r.causes.empty();
        } else {
            const auto& q = searches[static_cast<size_t>(i / 2) % searches.size()];
            auto a = Clock::now();
            auto r = fkb::kb::run_search(reader, q);
            auto text = fkb::kb::render_search_json(r);
            st.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
            found += !r.hits.empty();
        }
    }

    fmt::print("KB: {} threads, {} posts, {} facts, {} concepts; {:.1f} MB on disk\n", stats.threads, stats.posts,
               stats.facts, stats.concepts, static_cast<double>(stats.bytes) / 1e6);
    if (!args.reuse)
        fmt::print("build: {:.1f} s ({:.0f} posts/s, {} facts)\n", build_s, static_cast<double>(stats.posts) / build_s,
                   facts);
    fmt::print("{:<8} {:>6} {:>9} {:>9} {:>9} {:>9}\n", "kind", "n", "p50 ms", "p95 ms", "max ms", "non-empty");
    fmt::print("{:<8} {:>6} {:>9.2f} {:>9.2f} {:>9.2f} {:>9}\n", "query", qt.size(), pct(qt, 0.5), pct(qt, 0.95),
               pct(qt, 1.0), answered);
    fmt::print("{:<8} {:>6} {:>9.2f} {:>9.2f} {:>9.2f} {:>9}\n", "search", st.size(), pct(st, 0.5), pct(st, 0.95),
               pct(st, 1.0), found);
    bool ok = pct(qt, 0.95) < args.budget_ms && pct(st, 0.95) < args.budget_ms;
    fmt::print("p95 budget {:.0f} ms: {}\n", args.budget_ms, ok ? "met" : "NOT MET");
    if (!args.keep)
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(args.db + suffix);
    return ok ? 0 : 1;
}
