package dev.chainrule.fixtureplugin;

/** Wrong: library code that prints. */
public final class Prints {

    public void report(String line) {
        System.out.println(line);
    }
}
