package dev.chainrule.core.io;

import dev.chainrule.core.network.Network;
import java.util.Map;

/**
 * A network loaded from a model file, with the metadata that was saved beside it.
 *
 * @param network  the network, with every saved parameter restored
 * @param metadata free-form text entries that the application saved (data set, class names, preprocessing, ...)
 */
public record SavedModel(Network network, Map<String, String> metadata) {

    public SavedModel {
        metadata = Map.copyOf(metadata);
    }
}
