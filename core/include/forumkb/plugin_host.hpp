// The host services one plugin instance receives (fkb_host): log lines
// attributed to the plugin, and the error message a plugin sets before it
// returns FKB_ERROR. One HostContext per instance; it must outlive the
// instance (open..close, create..destroy).
#pragma once

#include <forumkb/plugin.h>

#include <string>
#include <string_view>

namespace fkb::plugin {

class HostContext {
public:
    /// min_level: log lines below it are dropped. Lines go to stderr as
    /// "forumkb: <plugin>: <message>".
    explicit HostContext(std::string plugin_name, fkb_log_level min_level = FKB_LOG_WARN);
    HostContext(const HostContext&) = delete;
    HostContext& operator=(const HostContext&) = delete;

    const fkb_host* abi() const noexcept { return &host_; }
    const std::string& plugin_name() const noexcept { return name_; }

    /// The message of the last set_error() (empty if none).
    const std::string& error() const noexcept { return error_; }
    /// The message of the last set_error(), or "failed without a message";
    /// clears it.
    std::string take_error();
    void clear_error() noexcept { error_.clear(); }

private:
    static void log_cb(void* ctx, fkb_log_level level, fkb_str message);
    static void set_error_cb(void* ctx, fkb_str message);

    std::string name_;
    fkb_log_level min_level_;
    std::string error_;
    fkb_host host_{};
};

}  // namespace fkb::plugin
