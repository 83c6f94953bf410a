// forumkb stats --db FILE: the counts of a knowledge base (sources, files,
// threads, posts, authors, facts per kind, concepts, rejects, size on disk).
#include "command.hpp"

#include "cli_args.hpp"

#include <forumkb/kb/kb_writer.hpp>

#include <fmt/format.h>

namespace fkb::cli {

int run_stats(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("db", po::value<std::string>()->value_name("FILE")->required(), "the knowledge base")(
        "json", po::bool_switch(), "print one JSON object");
    po::positional_options_description pos;
    po::variables_map vm;
    if (auto code = parse_args(ctx, "stats", "stats --db FILE [--json]", "Prints the counts of a knowledge base.",
                               opts, pos, args, vm))
        return *code;
    kb::KbStats s;
    try {
        s = kb::read_stats(vm["db"].as<std::string>());
    } catch (const kb::KbError& e) {
        throw CliError(kExitInput, e.what());
    }
    std::string out;
    if (vm["json"].as<bool>()) {
        out += fmt::format("{{\"schema_version\": {}, \"sources\": {}, \"files\": {}, \"threads\": {}, \"posts\": {}, "
                           "\"authors\": {}, \"facts\": {}, \"concepts\": {}, \"rejects\": {}, \"bytes\": {}",
                           s.schema_version, s.sources, s.files, s.threads, s.posts, s.authors, s.facts, s.concepts,
                           s.rejects, s.bytes);
        out += ", \"threads_per_source\": {";
        for (size_t i = 0; i < s.threads_per_source.size(); ++i)
            out += fmt::format("{}\"{}\": {}", i ? ", " : "", s.threads_per_source[i].first, s.threads_per_source[i].second);
        out += "}, \"facts_per_kind\": {";
        for (size_t i = 0; i < s.facts_per_kind.size(); ++i)
            out += fmt::format("{}\"{}\": {}", i ? ", " : "", s.facts_per_kind[i].first, s.facts_per_kind[i].second);
        out += "}}\n";
    } else {
        out += fmt::format("schema version {}\n", s.schema_version);
        out += fmt::format("sources   {:>10}\n", s.sources);
        for (const auto& [name, n] : s.threads_per_source) out += fmt::format("  {:<16} {:>10} threads\n", name, n);
        out += fmt::format("files     {:>10}\nthreads   {:>10}\nposts     {:>10}\nauthors   {:>10}\n", s.files,
                           s.threads, s.posts, s.authors);
        out += fmt::format("facts     {:>10}\n", s.facts);
        for (const auto& [kind, n] : s.facts_per_kind) out += fmt::format("  {:<16} {:>10}\n", kind, n);
        out += fmt::format("concepts  {:>10}\nrejects   {:>10}\nsize      {:>10.1f} MB\n", s.concepts, s.rejects,
                           static_cast<double>(s.bytes) / 1e6);
    }
    ctx.out() << out;
    return kExitOk;
}

}  // namespace fkb::cli
