package dev.chainrule.core.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The arguments of a {@link Spec}, as a plugin reads them in {@link Plugin#configure}. Each read names the parameter
 * and its default; the reads are recorded, so that the registry can list a plugin's parameters and defaults, reject
 * arguments that no read asked for, and build the configured instance's canonical {@link #resolvedSpec()}.
 */
public final class Arguments {

    private static final String REQUIRED = "required";

    private final Spec spec;
    private final Function<Spec, ? extends Plugin> nested;
    private final Map<String, String> resolved = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    /** The arguments of {@code spec}; an argument that names a nested plugin cannot be read from these. */
    public Arguments(Spec spec) {
        this(spec, null);
    }

    /**
     * The arguments of {@code spec}, with {@code nested} creating the plugins that arguments name, such as the
     * {@code cosine(t_max=1000)} in {@code warmup(steps=100, then=cosine(t_max=1000))}. The registry passes its own
     * {@code create}.
     */
    public Arguments(Spec spec, Function<Spec, ? extends Plugin> nested) {
        this.spec = spec;
        this.nested = nested;
    }

    /** No arguments: every parameter takes its default. */
    public static Arguments defaults(String pluginName) {
        return new Arguments(Spec.of(pluginName));
    }

    /**
     * Lets the spec give parameter {@code name} under another name too, such as PyTorch's {@code negative_slope} for
     * {@code leaky_relu}'s {@code alpha}. Call it before reading {@code name}; the parameter is still read, listed and
     * written back (in {@link #resolvedSpec()}) as {@code name}. A spec that gives both names is an error.
     *
     * @return this
     */
    public Arguments alias(String name, String alias) {
        aliases.put(alias, name);
        return this;
    }

    /** A number; absent means {@code defaultValue}. */
    public double number(String name, double defaultValue) {
        return number(name, defaultValue, value -> true, "");
    }

    /**
     * A number that must satisfy {@code valid}; {@code rule} says what valid means ("must be > 0") for the error
     * message.
     */
    public double number(String name, double defaultValue, DoublePredicate valid, String rule) {
        String text = read(name, SpecParser.formatValue(defaultValue));
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid(name, text, "must be a number");
        }
        if (Double.isNaN(value) || !valid.test(value)) {
            throw invalid(name, text, rule.isEmpty() ? "is not allowed" : rule);
        }
        resolved.put(name, SpecParser.formatValue(value));
        return value;
    }

    /** A whole number, at least {@code minimum}. */
    public int integer(String name, int defaultValue, int minimum) {
        String text = read(name, Integer.toString(defaultValue));
        try {
            int value = Integer.parseInt(text);
            if (value < minimum) {
                throw invalid(name, text, "must be >= " + minimum);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, text, "must be a whole number");
        }
    }

    /**
     * A list of numbers, each of which must satisfy {@code valid}, written in brackets like {@link #integers}:
     * {@code weights=[1, 2, 0.5]}; a single number without brackets is a list of one. {@code rule} says what valid
     * means for the error message. Absent, or {@code []}, means no list: the parameter is then left out of
     * {@link #resolvedSpec()}, so that the spec round-trips.
     */
    public Optional<double[]> numbers(String name, DoublePredicate valid, String rule) {
        String text = read(name, "[]");
        boolean bracketed = text.startsWith("[") && text.endsWith("]");
        String body = bracketed ? text.substring(1, text.length() - 1) : text;
        if (body.isBlank()) {
            resolved.remove(name);
            return Optional.empty();
        }
        String[] items = body.split(",", -1);
        double[] values = new double[items.length];
        StringJoiner canonical = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < items.length; i++) {
            try {
                values[i] = Double.parseDouble(items[i].strip());
            } catch (NumberFormatException e) {
                throw invalid(name, text, "must be a list of numbers such as [1, 2, 0.5]");
            }
            if (Double.isNaN(values[i]) || !valid.test(values[i])) {
                String broken = rule.isEmpty() ? "has a value that is not allowed" : rule + " in every element";
                throw invalid(name, text, broken + " (element " + i + " is " + items[i].strip() + ")");
            }
            canonical.add(SpecParser.formatValue(values[i]));
        }
        resolved.put(name, canonical.toString());
        return Optional.of(values);
    }

    /** {@code true} or {@code false}. */
    public boolean flag(String name, boolean defaultValue) {
        String text = read(name, Boolean.toString(defaultValue));
        if (!text.equals("true") && !text.equals("false")) {
            throw invalid(name, text, "must be true or false");
        }
        return Boolean.parseBoolean(text);
    }

    /** One of {@code options}. */
    public String choice(String name, String defaultValue, List<String> options) {
        String text = read(name, defaultValue);
        if (!options.contains(text)) {
            throw invalid(name, text, "must be one of " + String.join(", ", options));
        }
        return text;
    }

    /**
     * One of {@code options}, or a whole number of at least {@code minimum}, such as a convolution's
     * {@code padding=same} or {@code padding=1}; returned as written.
     */
    public String choiceOrInteger(String name, String defaultValue, List<String> options, int minimum) {
        String text = read(name, defaultValue);
        if (options.contains(text)) {
            return text;
        }
        try {
            if (Integer.parseInt(text) >= minimum) {
                return text;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, text, "must be one of " + String.join(", ", options) + " or a whole number >= " + minimum);
    }

    /**
     * A list of whole numbers, each at least {@code minimum}, written in brackets: {@code milestones=[30, 80]}. A
     * single number without brackets is a list of one; {@code []} is the empty list.
     */
    public List<Integer> integers(String name, List<Integer> defaultValue, int minimum) {
        String text = read(name, formatList(defaultValue));
        boolean bracketed = text.startsWith("[") && text.endsWith("]");
        String body = bracketed ? text.substring(1, text.length() - 1) : text;
        List<Integer> values = new ArrayList<>();
        if (!body.isBlank()) {
            for (String item : body.split(",", -1)) {
                int value;
                try {
                    value = Integer.parseInt(item.strip());
                } catch (NumberFormatException e) {
                    throw invalid(name, text, "must be a list of whole numbers such as [30, 80]");
                }
                if (value < minimum) {
                    throw invalid(name, text, "must hold numbers >= " + minimum);
                }
                values.add(value);
            }
        }
        resolved.put(name, formatList(values));
        return List.copyOf(values);
    }

    /**
     * A plugin that an argument names by its own spec, such as {@code then=cosine(t_max=1000)}; absent means
     * {@code defaultValue}. The nested spec is created by the registry that is configuring this plugin, so it names
     * a plugin of that registry's kind, and the resolved spec holds its canonical form.
     *
     * @throws IllegalStateException when the argument is given but these arguments have no registry to create it
     */
    public <P extends Plugin> P plugin(String name, Class<P> kind, P defaultValue) {
        String text = read(name, defaultValue.spec().toString());
        P value = defaultValue;
        if (givenAs(name) != null) {
            if (nested == null) {
                throw new IllegalStateException(spec.name() + ": parameter " + name + " names a plugin (" + text
                        + ") that only a registry can create; create " + spec.name()
                        + " through PluginRegistry.create");
            }
            Plugin created;
            try {
                created = nested.apply(Spec.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(spec.name() + ": parameter " + name + " is not a valid "
                        + kind.getSimpleName() + ": " + e.getMessage(), e);
            }
            if (!kind.isInstance(created)) {
                throw invalid(name, text, "must name a " + kind.getSimpleName());
            }
            value = kind.cast(created);
        }
        resolved.put(name, value.spec().toString());
        return value;
    }

    /**
     * A whole number, at least {@code minimum}, that has no default: empty when the spec does not give it. The
     * parameter is then listed with the default {@code required} and left out of {@link #resolvedSpec()}; the plugin
     * says it is missing when it is used (a {@code dense} layer without {@code units}, when the network is built).
     */
    public OptionalInt requiredInteger(String name, int minimum) {
        String text = read(name, REQUIRED);
        if (text.equals(REQUIRED)) {
            resolved.remove(name);
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= minimum) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException e) {
            throw invalid(name, text, "must be a whole number");
        }
        throw invalid(name, text, "must be >= " + minimum);
    }

    /**
     * A plugin of another kind that an argument names by its spec, such as a {@code dense} layer's
     * {@code activation=leaky_relu(alpha=0.2)}, kept as a {@link Spec} for the plugin to create where it has that
     * kind's registry. Absent means {@code defaultSpec}; the resolved spec holds the text as given.
     */
    public Spec spec(String name, String defaultSpec) {
        String text = read(name, defaultSpec);
        try {
            return Spec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec.name() + ": parameter " + name + " must be a plugin spec such as "
                    + defaultSpec + ": " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #spec(String, String)}, for a parameter without a fixed default: empty when the spec does not give
     * it, and then left out of {@link #resolvedSpec()}. {@code absentMeans} says what the plugin does instead, for the
     * list of parameters ({@code "the activation's recommendation"}).
     */
    public Optional<Spec> optionalSpec(String name, String absentMeans) {
        String placeholder = "(" + absentMeans + ")";
        String text = read(name, placeholder);
        if (text.equals(placeholder)) {
            resolved.remove(name);
            return Optional.empty();
        }
        return Optional.of(spec(name, placeholder));
    }

    private static String formatList(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private String read(String name, String defaultText) {
        defaults.put(name, defaultText);
        String givenAs = givenAs(name);
        String text = givenAs == null ? defaultText : spec.arguments().get(givenAs);
        resolved.put(name, text);
        return text;
    }

    /**
     * The key under which the spec gives parameter {@code name}: its name, an alias, or the position of a value given
     * without a name (the n-th parameter read takes the n-th such value); {@code null} when not given.
     */
    private String givenAs(String name) {
        String givenAs = spec.arguments().containsKey(name) ? name : null;
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            if (alias.getValue().equals(name) && spec.arguments().containsKey(alias.getKey())) {
                givenAs = onlyOnce(givenAs, alias.getKey());
            }
        }
        String positional = Spec.positionalKey(new ArrayList<>(defaults.keySet()).indexOf(name));
        if (defaults.containsKey(name) && spec.arguments().containsKey(positional)) {
            givenAs = onlyOnce(givenAs, positional);
        }
        return givenAs;
    }

    private String onlyOnce(String first, String second) {
        if (first != null) {
            throw new IllegalArgumentException(spec.name() + ": " + describeKey(first) + " and " + describeKey(second)
                    + " name the same parameter; give only one, got " + spec);
        }
        return second;
    }

    private static String describeKey(String key) {
        return Spec.isPositional(key) ? "the value number " + (Integer.parseInt(key.substring(1)) + 1)
                + " without a name" : key;
    }

    /** Every parameter that the plugin has read, with its default, in the order read. */
    public Map<String, String> parameterDefaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /**
     * Arguments in the spec that the plugin never read: misspelt or unknown parameters, and values without a name
     * beyond the parameters it has (described as such).
     */
    public Set<String> unread() {
        Set<String> unread = new LinkedHashSet<>();
        for (String key : spec.arguments().keySet()) {
            boolean read = Spec.isPositional(key) ? Integer.parseInt(key.substring(1)) < defaults.size()
                    : defaults.containsKey(key) || aliases.containsKey(key) && defaults.containsKey(aliases.get(key));
            if (!read) {
                unread.add(describeKey(key));
            }
        }
        return unread;
    }

    /** The spec of the configured instance: the plugin's name and the value of every parameter it read. */
    public Spec resolvedSpec() {
        return new Spec(spec.name(), resolved);
    }

    private IllegalArgumentException invalid(String name, String text, String rule) {
        return new IllegalArgumentException(spec.name() + ": parameter " + name + " " + rule + ", got " + text);
    }
}
