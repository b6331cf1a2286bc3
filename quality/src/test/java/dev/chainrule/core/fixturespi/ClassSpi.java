package dev.chainrule.core.fixturespi;

import dev.chainrule.core.plugin.Plugin;

/** Wrong: a kind of plugin declared as a class rather than an interface. */
public abstract class ClassSpi implements Plugin {
}
