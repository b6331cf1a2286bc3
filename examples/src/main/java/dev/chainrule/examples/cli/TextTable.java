package dev.chainrule.examples.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table printed as aligned plain text or as a Markdown table. Columns whose cells are all numbers are aligned to
 * the right.
 */
final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row with one cell per column. */
    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    /** Aligned plain text, a header line, a rule and the rows, each line ending in a newline. */
    String text() {
        int[] widths = widths();
        boolean[] right = numericColumns();
        StringBuilder out = new StringBuilder();
        line(out, headers, widths, right, "  ");
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        rows.forEach(row -> line(out, row, widths, right, "  "));
        return out.toString();
    }

    /** A Markdown (GitHub) table. */
    String markdown() {
        int[] widths = widths();
        boolean[] right = numericColumns();
        StringBuilder out = new StringBuilder();
        markdownLine(out, headers, widths, right);
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            out.append(' ').append("-".repeat(Math.max(3, widths[c]) - (right[c] ? 1 : 0))).append(right[c] ? ":" : "")
                    .append(" |");
        }
        out.append('\n');
        rows.forEach(row -> markdownLine(out, row, widths, right));
        return out.toString();
    }

    private int[] widths() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        return widths;
    }

    private boolean[] numericColumns() {
        boolean[] numeric = new boolean[headers.size()];
        for (int c = 0; c < numeric.length; c++) {
            boolean anyNumber = false;
            boolean allNumbers = true;
            for (List<String> row : rows) {
                allNumbers &= row.get(c).equals("-") || isNumber(row.get(c));
                anyNumber |= isNumber(row.get(c));
            }
            numeric[c] = anyNumber && allNumbers;
        }
        return numeric;
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] right, String gap) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == 0 ? "" : gap).append(pad(cells.get(c), widths[c], right[c]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void markdownLine(StringBuilder out, List<String> cells, int[] widths, boolean[] right) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            out.append(' ').append(pad(cells.get(c).replace("|", "\\|"), Math.max(3, widths[c]), right[c])).append(" |");
        }
        out.append('\n');
    }

    private static String pad(String cell, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - cell.length()));
        return right ? padding + cell : cell + padding;
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell.endsWith("%") ? cell.substring(0, cell.length() - 1) : cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
