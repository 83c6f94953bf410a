// A deliberately failing extractor for the loader and pipeline tests, built
// with the SDK: extract() throws on every thread whose title contains
// "boom" (the SDK turns the throw into FKB_ERROR with the message), and with
// the option bad_fact=true it emits a fact whose evidence lies outside the
// post (the host must refuse it and report the plugin).
#include <forumkb/sdk.hpp>

#include <stdexcept>

namespace {

const fkb_option_spec kOptions[] = {
    {"bad_fact", FKB_OPT_BOOL, "false", "emit an invalid fact instead of throwing"},
};

class Throws {
public:
    Throws(fkb::sdk::Host, const fkb::sdk::Options& options) : bad_fact_(options.get_bool("bad_fact", false)) {}
    void extract(const fkb::sdk::ThreadView& view, fkb::sdk::FactSink& sink) {
        if (bad_fact_) {
            fkb::sdk::Fact f;
            f.kind = "symptom";
            f.label = "out of range";
            f.evidence = fkb_evidence{0, 0, static_cast<uint32_t>(view.text(0).size() + 10), 0};
            sink.emit(f);
            return;
        }
        std::string_view title = fkb::sdk::view(view.thread().title);
        if (title.find("boom") != std::string_view::npos) throw std::runtime_error("boom: this plugin always fails here");
    }

private:
    bool bad_fact_;
};

}  // namespace

FKB_EXTRACTOR_PLUGIN(Throws, "broken_throws", "0.0.1", "throws inside extract (loader tests)", "MIT", kOptions,
                     FKB_SDK_COUNT(kOptions))
