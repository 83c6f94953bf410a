// Validation of plugin options against a plugin's options table (see
// forumkb/plugin_options.hpp).
#include <forumkb/plugin_loader.hpp>
#include <forumkb/plugin_options.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace fkb::plugin {

std::string_view option_type_name(fkb_option_type type) noexcept {
    switch (type) {
        case FKB_OPT_STRING: return "string";
        case FKB_OPT_INT: return "int";
        case FKB_OPT_DOUBLE: return "double";
        case FKB_OPT_BOOL: return "bool";
    }
    return "unknown";
}

std::optional<std::string> check_option_value(fkb_option_type type, std::string_view value) {
    switch (type) {
        case FKB_OPT_STRING: return std::nullopt;
        case FKB_OPT_INT: {
            long long v = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (value.empty() || ec != std::errc() || p != value.data() + value.size()) return "expects an integer";
            return std::nullopt;
        }
        case FKB_OPT_DOUBLE: {
            std::string s(value);
            char* end = nullptr;
            double v = std::strtod(s.c_str(), &end);
            if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return "expects a number";
            return std::nullopt;
        }
        case FKB_OPT_BOOL:
            if (value == "true" || value == "false") return std::nullopt;
            return "expects true or false";
    }
    return "has an unknown type";
}

std::optional<OptionSetting> parse_option_setting(std::string_view text) {
    auto eq = text.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string_view left = text.substr(0, eq);
    auto dot = left.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == left.size()) return std::nullopt;
    return OptionSetting{std::string(left.substr(0, dot)), std::string(left.substr(dot + 1)),
                         std::string(text.substr(eq + 1))};
}

void OptionValues::rebuild() {
    abi_.clear();
    abi_.reserve(values_.size());
    for (const auto& [k, v] : values_) abi_.push_back(fkb_option{{k.data(), k.size()}, {v.data(), v.size()}});
}

std::optional<OptionValues> OptionValues::validate(const Plugin& plugin, const std::vector<OptionSetting>& settings,
                                                   std::string* error) {
    const auto& specs = plugin.options();
    OptionValues out;
    std::vector<std::optional<std::string>> given(specs.size());
    for (const auto& s : settings) {
        if (s.plugin != plugin.name()) continue;
        std::size_t i = 0;
        while (i < specs.size() && specs[i].name != s.name) ++i;
        if (i == specs.size()) {
            std::string known;
            for (const auto& spec : specs) known += (known.empty() ? "" : ", ") + spec.name;
            if (error)
                *error = plugin.name() + ": unknown option '" + s.name + "' " +
                         (known.empty() ? std::string("(this plugin has no options)") : "(options: " + known + ")");
            return std::nullopt;
        }
        if (auto bad = check_option_value(specs[i].type, s.value)) {
            if (error) *error = plugin.name() + ": option '" + s.name + "' " + *bad + ", got '" + s.value + "'";
            return std::nullopt;
        }
        given[i] = s.value;
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (given[i])
            out.values_.emplace_back(specs[i].name, *given[i]);
        else if (specs[i].default_value)
            out.values_.emplace_back(specs[i].name, *specs[i].default_value);
    }
    out.rebuild();
    return out;
}

}  // namespace fkb::plugin
