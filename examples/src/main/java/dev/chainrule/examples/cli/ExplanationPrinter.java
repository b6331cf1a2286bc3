package dev.chainrule.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link ChainRuleExplanation} as plain text, Markdown or JSON. */
final class ExplanationPrinter {

    private static final String[] LEGEND = {
        "For the weight w_ij from unit i of the previous layer to unit j of this layer:",
        "  dE/dw_ij = dE/do_j * do_j/dz_j * dz_j/dw_ij",
        "  dE/do_j    the error arriving at unit j's output o_j = phi(z_j): the loss's gradient at the output layer,",
        "             the next layer's dE/dz times its weights before that",
        "  do_j/dz_j  phi'(z_j): this layer's own activation derivative, whatever the other layers use",
        "  dz_j/dw_ij o_i: the previous layer's output (the input feature for layer 1)",
        "The product is compared with the gradient the trainer's backpropagation computed for the same weight."};

    private ExplanationPrinter() {
    }

    static String text(ChainRuleExplanation explanation, String sample) {
        StringBuilder out = new StringBuilder();
        out.append("Chain rule for ").append(sample).append('\n');
        out.append("network ").append(explanation.network()).append('\n');
        out.append(String.format(Locale.ROOT, "loss %s = %.6g%n%n", explanation.loss(), explanation.lossValue()));
        for (String line : LEGEND) {
            out.append(line).append('\n');
        }
        for (ChainRuleExplanation.Layer layer : explanation.layers()) {
            out.append('\n').append(heading(layer)).append('\n');
            if (layer.ownFactor().isEmpty()) {
                out.append(table(layer).text());
                out.append(summary(layer)).append('\n');
            }
        }
        out.append('\n').append(conclusion(explanation)).append('\n');
        return out.toString();
    }

    static String markdown(ChainRuleExplanation explanation, String sample) {
        StringBuilder out = new StringBuilder();
        out.append("# Chain rule for ").append(sample).append("\n\n");
        out.append("Network `").append(explanation.network()).append("`, ");
        out.append(String.format(Locale.ROOT, "loss `%s` = %.6g.%n%n", explanation.loss(), explanation.lossValue()));
        out.append("```\n");
        for (String line : LEGEND) {
            out.append(line).append('\n');
        }
        out.append("```\n");
        for (ChainRuleExplanation.Layer layer : explanation.layers()) {
            out.append("\n## ").append(heading(layer)).append("\n\n");
            if (layer.ownFactor().isEmpty()) {
                out.append(table(layer).markdown()).append('\n');
                out.append(summary(layer).trim()).append("\n");
            }
        }
        out.append('\n').append(conclusion(explanation)).append('\n');
        return out.toString();
    }

    static String json(ChainRuleExplanation explanation, String sample) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sample", sample);
        root.put("network", explanation.network());
        root.put("loss", explanation.loss());
        root.put("loss_value", explanation.lossValue());
        root.put("output", explanation.output());
        root.put("target", explanation.target());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (ChainRuleExplanation.Layer layer : explanation.layers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("layer", layer.index());
            entry.put("activation", layer.activation());
            entry.put("inputs", layer.inputs());
            entry.put("units", layer.units());
            entry.put("element_wise", layer.elementWise());
            if (!layer.ownFactor().isEmpty()) {
                entry.put("own_factor", layer.ownFactor());
            }
            List<Map<String, Object>> weights = new ArrayList<>();
            for (ChainRuleExplanation.Weight weight : layer.weights()) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("i", weight.input());
                w.put("j", weight.unit());
                w.put("dE_do", weight.errorAtOutput());
                w.put("do_dz", weight.slope().isPresent() ? weight.slope().getAsDouble() : null);
                w.put("dE_dz", weight.delta());
                w.put("dz_dw", weight.previousOutput());
                w.put("product", weight.product());
                w.put("trainer_gradient", weight.trainerGradient());
                weights.add(w);
            }
            entry.put("weights", weights);
            entry.put("weight_count", layer.weightCount());
            entry.put("max_difference", layer.maxDifference());
            layers.add(entry);
        }
        root.put("layers", layers);
        root.put("max_difference", explanation.maxDifference());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static String heading(ChainRuleExplanation.Layer layer) {
        if (!layer.ownFactor().isEmpty()) {
            return "layer " + layer.index() + ": " + layer.inputs() + " -> " + layer.units() + " " + layer.activation()
                    + (layer.weightCount() > 0 ? " (shared kernel weights: " : " (no weights w_ij: ")
                    + layer.ownFactor() + ")";
        }
        String kind = layer.elementWise()
                ? "element-wise: do_j/dz_j is one number per unit"
                : "not element-wise: every output depends on every z, so do/dz is a " + layer.units() + "x"
                        + layer.units() + " Jacobian; the table uses dE/dz = J^T dE/do, which the activation's "
                        + "backward computes, and dz/dw";
        return "layer " + layer.index() + ": " + layer.inputs() + " -> " + layer.units() + " " + layer.activation()
                + " (" + kind + ")";
    }

    private static TextTable table(ChainRuleExplanation.Layer layer) {
        TextTable table = new TextTable("i", "j", "dE/do", "do/dz", "dE/dz", "dz/dw", "product", "trainer dE/dw",
                "|difference|");
        for (ChainRuleExplanation.Weight weight : layer.weights()) {
            table.row(weight.input(), weight.unit(), number(weight.errorAtOutput()),
                    weight.slope().isPresent() ? number(weight.slope().getAsDouble()) : "Jacobian",
                    number(weight.delta()), number(weight.previousOutput()), precise(weight.product()),
                    precise(weight.trainerGradient()),
                    String.format(Locale.ROOT, "%.1e", Math.abs(weight.product() - weight.trainerGradient())));
        }
        return table;
    }

    private static String summary(ChainRuleExplanation.Layer layer) {
        return String.format(Locale.ROOT, "  shown: the %d of %d weights with the largest gradients; over all %d, max "
                + "|product - trainer dE/dw| = %.1e", layer.weights().size(), layer.weightCount(), layer.weightCount(),
                layer.maxDifference());
    }

    private static String conclusion(ChainRuleExplanation explanation) {
        int weights = explanation.layers().stream().mapToInt(ChainRuleExplanation.Layer::weightCount).sum();
        return String.format(Locale.ROOT, "Over all %d weights the chain rule's product and the trainer's gradient "
                + "differ by at most %.1e: each layer applied its own derivative.", weights,
                explanation.maxDifference());
    }

    private static String number(double value) {
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.6g", value);
    }

    private static String precise(double value) {
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.10g", value);
    }

    static String vector(double[] values) {
        return Arrays.stream(values).mapToObj(value -> String.format(Locale.ROOT, "%.4g", value)).toList().toString();
    }
}
