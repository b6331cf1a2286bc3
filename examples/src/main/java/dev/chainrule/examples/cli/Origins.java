package dev.chainrule.examples.cli;

/** Short forms of where a plugin's class came from. */
final class Origins {

    private Origins() {
    }

    /** The jar's or folder's path without the {@code file:} prefix. */
    static String shorten(String origin) {
        return origin.startsWith("file:") ? origin.substring("file:".length()) : origin;
    }
}
