// extractor_credibility as a loadable plugin: the thin ABI glue over
// fkb::cred::CredibilityExtractor (cred/credibility_extractor.hpp).
#include "cred/credibility_extractor.hpp"

#include <forumkb/sdk.hpp>

namespace {

class CredibilityPlugin {
public:
    CredibilityPlugin(fkb::sdk::Host /*host*/, const fkb::sdk::Options& /*options*/) {}

    void extract(const fkb::sdk::ThreadView& view, fkb::sdk::FactSink& sink) {
        for (const auto& f : extractor_.extract(*view.raw()))
            if (!sink.emit(f)) return;
    }

private:
    fkb::cred::CredibilityExtractor extractor_;
};

}  // namespace

FKB_EXTRACTOR_PLUGIN(CredibilityPlugin, "extractor_credibility", "0.1.0",
                     "Author credibility (expertise, experience, platform signals) and endorsements", "MIT", nullptr, 0)
