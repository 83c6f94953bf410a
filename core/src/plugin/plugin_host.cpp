// fkb_host callbacks for one plugin instance (see forumkb/plugin_host.hpp).
#include <forumkb/plugin_host.hpp>

#include <cstdio>

namespace fkb::plugin {

HostContext::HostContext(std::string plugin_name, fkb_log_level min_level)
    : name_(std::move(plugin_name)), min_level_(min_level) {
    host_.struct_size = sizeof(fkb_host);
    host_.abi_major = FKB_ABI_MAJOR;
    host_.abi_minor = FKB_ABI_MINOR;
    host_.ctx = this;
    host_.log = &HostContext::log_cb;
    host_.set_error = &HostContext::set_error_cb;
}

std::string HostContext::take_error() {
    std::string e = error_.empty() ? std::string("failed without a message") : std::move(error_);
    error_.clear();
    return e;
}

void HostContext::log_cb(void* ctx, fkb_log_level level, fkb_str message) {
    auto* self = static_cast<HostContext*>(ctx);
    if (level < self->min_level_) return;
    static constexpr const char* kLevel[] = {"debug: ", "", "warning: ", "error: "};
    std::string line = "forumkb: " + self->name_ + ": " + kLevel[level <= FKB_LOG_ERROR ? level : FKB_LOG_ERROR];
    if (message.ptr) line.append(message.ptr, message.len);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);  // one write: lines of workers do not interleave
}

void HostContext::set_error_cb(void* ctx, fkb_str message) {
    auto* self = static_cast<HostContext*>(ctx);
    self->error_.assign(message.ptr ? message.ptr : "", message.ptr ? message.len : 0);
    // One line: a message with a newline would break the CLI's format.
    for (char& c : self->error_)
        if (c == '\n' || c == '\r') c = ' ';
}

}  // namespace fkb::plugin
