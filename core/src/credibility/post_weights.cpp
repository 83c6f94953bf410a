// The credibility formula of docs/credibility.md: the credibility and
// endorsement facts of a thread, grouped by author, become one weight in
// [0, 1] per author, with the reasons a reader can check.
//
//   weight = 0.10
//          + min(0.50, sum of expertise contributions)
//          + min(0.20, sum of experience contributions)
//          + min(0.20, sum of platform standing contributions)   level, posts, role, reputation, flair
//          + min(0.10, sum of reception contributions            likes, score, accepted answer,
//                      + 0.04 per other author who agrees)        endorsements received
//          - min(0.10, 0.04 per other author who disagrees)
//   clamped to [0, 1].
//
// A contribution is the fact's `weight` attribute (the extractor's data
// files set it per cue, per profession and per platform scale); the same
// (signal, basis, value) counts once per author however often it is said.
// A platform fact summarizes a post's platform signals: its `standing`
// (the author's level, posts, role, ...) counts once per author, the
// largest stated, and its `reception` (this post's likes, score, accepted)
// adds up over the author's posts. Platform facts without those two
// attributes (one signal per fact, as older extractors wrote them) are
// read by their basis: likes, score and accepted are reception.
// The caps are what make expertise outweigh platform level and platform
// level outweigh likes, and what keep one author's self-claims from
// outweighing several independent reports.
#include <forumkb/credibility.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace fkb::credibility {

namespace {

constexpr double kBase = 0.10;
constexpr double kCapExpertise = 0.50;
constexpr double kCapExperience = 0.20;
constexpr double kCapStanding = 0.20;
constexpr double kCapReception = 0.10;
constexpr double kPerEndorsement = 0.04;
constexpr double kCapDispute = 0.10;

enum Category { kExpertise, kExperience, kStanding, kReception, kCategories };
constexpr double kCaps[kCategories] = {kCapExpertise, kCapExperience, kCapStanding, kCapReception};

const std::string* attr(const Fact& f, std::string_view key) {
    for (const auto& [k, v] : f.attrs)
        if (k == key) return &v.second;
    return nullptr;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Names under which nobody in particular posts: each such post is its own author.
bool anonymous(const std::optional<std::string>& author) {
    if (!author) return true;
    std::string a = lower(*author);
    while (!a.empty() && a.back() == ' ') a.pop_back();
    return a.empty() || a == "anonymous" || a == "[deleted]" || a == "deleted" || a == "guest" || a == "[removed]";
}

Category category(const std::string& signal, const std::string* basis) {
    if (signal == "expertise") return kExpertise;
    if (signal == "experience") return kExperience;
    if (basis && (*basis == "likes" || *basis == "score" || *basis == "accepted")) return kReception;
    return kStanding;
}

struct Signal {
    double weight;
    int category;  // ties: expertise, experience, standing, reception
    std::string value;
    std::string basis = {};  ///< platform standing: "post_count", "level"...: shown once per author
};

struct AuthorTally {
    // (category, basis, value) -> best contribution
    std::map<std::tuple<int, std::string, std::string>, double> signals;
    // what a reader is told, with the weight that orders it
    std::vector<Signal> shown;
    std::set<std::string> endorsers, disputers;
};

bool reception_basis(std::string_view b) { return b == "likes" || b == "score" || b == "accepted"; }

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
    std::vector<std::string_view> out;
    for (size_t start = 0;;) {
        size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
        if (p == std::string_view::npos) break;
        start = p + sep.size();
    }
    return out;
}

/// A platform fact in the summarized shape (one per post, with `standing`
/// and `reception`): the author's standing counts once however many posts
/// state it, the reception of each post adds up.
void add_platform_summary(AuthorTally& at, const Fact& f, uint32_t post, double standing, double reception) {
    const std::string* basis = attr(f, "basis");
    const std::string* value = attr(f, "value");
    double& s = at.signals[std::make_tuple(static_cast<int>(kStanding), std::string("platform"), std::string("standing"))];
    s = std::max(s, std::min(standing, 1.0));
    double& r = at.signals[std::make_tuple(static_cast<int>(kReception), std::string("platform"), "post " + std::to_string(post))];
    r = std::max(r, std::min(reception, 1.0));
    if (!value) return;
    // value and basis list the signals in the same order: "level,likes" / "Yahoo Answers level 7 of 7; 5 likes".
    auto values = split(*value, "; ");
    auto bases = basis ? split(*basis, ",") : std::vector<std::string_view>();
    for (size_t i = 0; i < values.size(); ++i) {
        const bool rec = bases.size() == values.size() && reception_basis(bases[i]);
        at.shown.push_back(Signal{rec ? reception : standing, rec ? kReception : kStanding, std::string(values[i]),
                                  !rec && bases.size() == values.size() ? std::string(bases[i]) : std::string()});
    }
}

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

}  // namespace

std::vector<PostWeight> post_weights(const Thread& thread, const std::vector<FactRecord>& facts) {
    const size_t n = thread.posts.size();
    std::vector<std::string> key(n);
    for (size_t i = 0; i < n; ++i)
        key[i] = anonymous(thread.posts[i].author) ? "#post " + std::to_string(i) : "@" + *thread.posts[i].author;

    std::map<std::string, AuthorTally> tally;
    for (const FactRecord& r : facts) {
        const Fact& f = r.fact;
        const uint32_t p = f.evidence.post;
        if (p >= n) continue;
        if (f.kind == "credibility") {
            const std::string* signal = attr(f, "signal");
            const std::string* weight = attr(f, "weight");
            if (!signal || !weight) continue;
            const std::string* basis = attr(f, "basis");
            const std::string* value = attr(f, "value");
            double w = std::strtod(weight->c_str(), nullptr);
            if (!(w >= 0)) continue;  // negative or NaN: not a contribution
            const std::string* standing = attr(f, "standing");
            const std::string* reception = attr(f, "reception");
            if (*signal == "platform" && (standing || reception)) {
                double sw = standing ? std::strtod(standing->c_str(), nullptr) : 0;
                double rw = reception ? std::strtod(reception->c_str(), nullptr) : 0;
                add_platform_summary(tally[key[p]], f, p, sw >= 0 ? sw : 0, rw >= 0 ? rw : 0);
                continue;
            }
            w = std::min(w, 1.0);     // a signal worth 0 ("new runner") adds nothing but is a reason
            Category c = category(*signal, basis);
            // Per-post reception (likes on this post) is not the same signal as on another post.
            std::string v = value ? *value : f.label;
            if (c == kReception) v += " (post " + std::to_string(p) + ")";
            auto k = std::make_tuple(static_cast<int>(c), basis ? *basis : std::string(), v);
            AuthorTally& at = tally[key[p]];
            double& slot = at.signals[k];
            slot = std::max(slot, w);
            at.shown.push_back(Signal{w, static_cast<int>(c), value ? *value : f.label});
        } else if (f.kind == "endorsement") {
            const std::string* target = attr(f, "target_post");
            if (!target) continue;
            char* end = nullptr;
            unsigned long t = std::strtoul(target->c_str(), &end, 10);
            if (end == target->c_str() || t >= n || key[t] == key[p]) continue;  // self-endorsement counts nothing
            const std::string* stance = attr(f, "stance");
            auto& at = tally[key[t]];
            (stance && *stance == "disagree" ? at.disputers : at.endorsers).insert(key[p]);
        }
    }

    std::map<std::string, std::pair<double, std::string>> result;  // author key -> weight, reasons
    for (auto& [author, at] : tally) {
        double sum[kCategories] = {0, 0, 0, 0};
        for (const auto& [k, w] : at.signals) sum[std::get<0>(k)] += w;
        std::vector<Signal>& shown = at.shown;
        sum[kReception] += kPerEndorsement * static_cast<double>(at.endorsers.size());
        double weight = kBase;
        for (int c = 0; c < kCategories; ++c) weight += std::min(kCaps[c], sum[c]);
        weight -= std::min(kCapDispute, kPerEndorsement * static_cast<double>(at.disputers.size()));
        weight = round3(std::clamp(weight, 0.0, 1.0));

        std::stable_sort(shown.begin(), shown.end(), [](const Signal& a, const Signal& b) {
            // What the author says (expertise, experience) before what the forum shows, each strongest first.
            return a.category != b.category ? a.category < b.category : a.weight > b.weight;
        });
        std::string reasons;
        std::set<std::string> said, standing_said;
        for (const Signal& s : shown) {
            if (!said.insert(s.value).second) continue;
            // "120 posts" and "121 posts" from two posts of one author: the standing shows once.
            if (!s.basis.empty() && !standing_said.insert(s.basis).second) continue;
            if (!reasons.empty()) reasons += "; ";
            reasons += s.value;
        }
        auto others = [](size_t k, const char* what) {
            return std::string(what) + " by " + std::to_string(k) + (k == 1 ? " other author" : " other authors");
        };
        if (!at.endorsers.empty()) reasons += (reasons.empty() ? "" : "; ") + others(at.endorsers.size(), "agreed with");
        if (!at.disputers.empty()) reasons += (reasons.empty() ? "" : "; ") + others(at.disputers.size(), "disputed");
        result[author] = {weight, reasons};
    }

    std::vector<PostWeight> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        PostWeight w;
        w.post = static_cast<uint32_t>(i);
        w.author = anonymous(thread.posts[i].author) ? std::string() : *thread.posts[i].author;
        auto it = result.find(key[i]);
        if (it != result.end()) {
            w.weight = it->second.first;
            w.reasons = it->second.second;
        } else {
            w.weight = kBase;
        }
        // Platform signals the facts do not carry still tell a reader something.
        const Post& p = thread.posts[i];
        if (p.post_count && *p.post_count < 100) {
            std::string note = "newcomer (" + std::to_string(*p.post_count) + " posts)";
            w.reasons += (w.reasons.empty() ? "" : "; ") + note;
        }
        if (w.reasons.empty()) w.reasons = w.author.empty() ? "anonymous, no signals" : "no signals";
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace fkb::credibility
