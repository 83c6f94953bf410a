// extractor_advice: the loadable module. Thin glue over AdviceExtractor:
// one lexicon per instance (instances run on different worker threads and
// share nothing), every fact handed to the host's sink.
#include "advice_extractor.hpp"

#include <forumkb/sdk.hpp>

namespace {

class AdvicePlugin {
public:
    AdvicePlugin(fkb::sdk::Host host, const fkb::sdk::Options&) : host_(host) {}

    void extract(const fkb::sdk::ThreadView& view, fkb::sdk::FactSink& sink) {
        for (const auto& f : extractor_.extract(*view.raw()))
            if (!sink.emit(f)) return;
    }

private:
    fkb::sdk::Host host_;
    fkb::advice::AdviceExtractor extractor_;
};

}  // namespace

FKB_EXTRACTOR_PLUGIN(AdvicePlugin, "extractor_advice", "0.1.0",
                     "Symptoms, causes, remedies and their triples, with certainty, negation, experiencer and outcome",
                     "MIT", nullptr, 0)
