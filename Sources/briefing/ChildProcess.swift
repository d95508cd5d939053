import Glibc

/// Runs a helper program (qpdf) and waits for it with `posix_spawn` and `waitpid`. Foundation's
/// `Process.waitUntilExit` polls its run loop every 50 ms, which was most of the PDF stage of a
/// warm run; a blocking `waitpid` returns as soon as the child ends.
enum ChildProcess {
    /// The exit status of `executable` run with `arguments` (its output and errors discarded), or
    /// nil when it could not be started or was killed by a signal.
    static func run(_ executable: String, _ arguments: [String]) -> Int32? {
        var actions = posix_spawn_file_actions_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { return nil }
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        // The child starts with no signal blocked and the default action for the signals this
        // process handles or may ignore, whatever thread spawns it.
        var attributes = posix_spawnattr_t()
        guard posix_spawnattr_init(&attributes) == 0 else { return nil }
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }

        var child: pid_t = 0
        guard posix_spawn(&child, executable, &actions, &attributes, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 {
            guard errno == EINTR else { return nil }
        }
        // WIFEXITED / WEXITSTATUS (macros Swift does not import).
        guard status & 0x7F == 0 else { return nil }
        return (status >> 8) & 0xFF
    }
}
