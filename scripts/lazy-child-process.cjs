// commander loads child_process at start-up for git-style executable subcommands, which
// aws-quiz does not use; this stand-in loads the real module only if it is ever touched.
module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });
