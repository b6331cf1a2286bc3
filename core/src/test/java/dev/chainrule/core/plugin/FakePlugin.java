package dev.chainrule.core.plugin;

import java.util.Set;

/** A parameterised plugin for registry tests: {@code scale(factor=2)}. */
class FakePlugin implements Plugin {

    private final String name;
    private final Set<String> aliases;
    private final double factor;
    private final Spec spec;

    FakePlugin(String name, String... aliases) {
        this(name, Set.of(aliases), Arguments.defaults(name));
    }

    private FakePlugin(String name, Set<String> aliases, Arguments arguments) {
        this.name = name;
        this.aliases = aliases;
        this.factor = arguments.number("factor", 2, value -> value > 0, "must be > 0");
        this.spec = arguments.resolvedSpec();
    }

    double factor() {
        return factor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> aliases() {
        return aliases;
    }

    @Override
    public Plugin configure(Arguments arguments) {
        return new FakePlugin(name, aliases, arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
