package dev.chainrule.core.plugin;

/**
 * How much discovery trusts what it finds. A third-party jar can register an activation whose {@code backward} does
 * not match its {@code forward}; training with it would quietly follow the wrong gradient.
 */
public enum PluginVerification {

    /** Every plugin that loads is registered. The default. */
    NONE,

    /**
     * Every activation, loss and layer is first probed by finite differences
     * ({@link dev.chainrule.core.gradcheck.PluginVerifier}, float64, on the available backend with the highest
     * priority); one whose derivative is wrong is refused: logged, reported with the error it showed among the
     * registry's {@link PluginRegistry#failures() failures}, and not registered. A layer that cannot be built at its
     * defaults (a dense layer needs its units) is registered unprobed. Costs a few milliseconds per plugin.
     */
    STRICT
}
