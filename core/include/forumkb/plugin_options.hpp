// Plugin options: the table a plugin declares (name, type, default, help)
// and the values a user gives (`-o plugin.name=value`), validated by the
// host before the plugin sees them: an unknown name is an error, a value
// that does not parse as the option's type is an error, and every option
// with a default is passed even when the user gave none.
#pragma once

#include <forumkb/plugin.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::plugin {

class Plugin;

/// One entry of a plugin's options table, copied by the host.
struct OptionSpec {
    std::string name;
    fkb_option_type type = FKB_OPT_STRING;
    std::optional<std::string> default_value;
    std::string help;
};

/// "string", "int", "double", "bool" (or "unknown").
std::string_view option_type_name(fkb_option_type type) noexcept;

/// Why value does not parse as type ("expects an integer"), or nullopt.
std::optional<std::string> check_option_value(fkb_option_type type, std::string_view value);

/// A user's option: which plugin, which key, what value.
struct OptionSetting {
    std::string plugin, name, value;
};

/// Parses "plugin.name=value"; nullopt when it is not of that shape.
std::optional<OptionSetting> parse_option_setting(std::string_view text);

/// The validated options of one plugin, as the ABI passes them.
class OptionValues {
public:
    OptionValues() = default;
    OptionValues(const OptionValues& other) : values_(other.values_) { rebuild(); }
    OptionValues& operator=(const OptionValues& other) {
        values_ = other.values_;
        rebuild();
        return *this;
    }

    const fkb_option* data() const noexcept { return abi_.data(); }
    std::size_t size() const noexcept { return abi_.size(); }
    const std::vector<std::pair<std::string, std::string>>& values() const noexcept { return values_; }

    /// Validates the settings given for this plugin (others are ignored) and
    /// fills in defaults. On error returns nullopt and sets *error to
    /// "<plugin>: unknown option 'x' (options: a, b)" or
    /// "<plugin>: option 'n' expects an integer, got 'abc'".
    static std::optional<OptionValues> validate(const Plugin& plugin, const std::vector<OptionSetting>& settings,
                                                std::string* error);

private:
    void rebuild();
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<fkb_option> abi_;
};

}  // namespace fkb::plugin
