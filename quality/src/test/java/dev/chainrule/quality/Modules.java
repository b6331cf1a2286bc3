package dev.chainrule.quality;

import java.util.Optional;
import java.util.Set;

/**
 * Chainrule's modules as the architecture rules see them, known by package: module {@code x} holds
 * {@code dev.chainrule.x..}, and a backend module {@code backend-x} holds {@code dev.chainrule.backend.x..}.
 *
 * <p>A new module needs no entry here to be checked: it only has to be a dependency of this module (its pom), and is
 * then held to the rules of an implementation module (depends on core's API only, never prints). A module that sits
 * on top of others (it combines implementations, as {@code examples} does) is named in {@link #ON_TOP}; a
 * command-line tool that may print is named in {@link #TOOLS} too.
 */
final class Modules {

    /** The API every other module builds on. */
    static final String CORE = "core";

    /** Modules that may depend on any module: applications, tools, test support, interchange and distribution. */
    static final Set<String> ON_TOP = Set.of("testkit", "examples", "benchmarks", "integration", "quality", "onnx",
            "spark");

    /** Command-line tools: the only code that may write to standard output and standard error. */
    static final Set<String> TOOLS = Set.of("examples", "benchmarks");

    private static final String ROOT = "dev.chainrule.";

    private Modules() {
    }

    /** The module that holds {@code packageName}, or empty outside Chainrule. */
    static Optional<String> of(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return Optional.empty();
        }
        String[] parts = packageName.substring(ROOT.length()).split("\\.");
        return Optional.of(parts[0].equals("backend") && parts.length > 1 ? "backend-" + parts[1] : parts[0]);
    }

    /** An implementation module: neither core nor one of {@link #ON_TOP}. */
    static boolean isImplementation(String module) {
        return !module.equals(CORE) && !ON_TOP.contains(module);
    }
}
