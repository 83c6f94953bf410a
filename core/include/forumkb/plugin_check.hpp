// Runtime checks of one loaded plugin, beyond the loader's descriptor
// checks: what `forumkb plugins check FILE.so` runs. A source plugin must
// sniff an empty head to a confidence in [0, 1], open an empty input and
// report it exhausted (FKB_END, no thread), and close it. An extractor must
// create an instance with its default options, extract from a small
// analyzed thread with FKB_OK and only valid facts, and be destroyed.
#pragma once

#include <forumkb/plugin_loader.hpp>
#include <forumkb/text/analyzer.hpp>

#include <optional>
#include <string>

namespace fkb::plugin {

/// The first failure as one line ("open on an empty input failed: ..."),
/// or nullopt when the plugin passes.
std::optional<std::string> check_plugin_runtime(const Plugin& plugin, const text::Analyzer& analyzer);

}  // namespace fkb::plugin
