package dev.chainrule.core.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code META-INF/services} files that register providers of one kind, to say which jar named a provider
 * that could not even be loaded (a missing class has no code source of its own).
 */
final class ServiceFiles {

    private static final String PREFIX = "META-INF/services/";

    private ServiceFiles() {
    }

    /** Each provider class named for {@code kind}, with the jar or folder whose services file names it. */
    static Map<String, String> providers(Class<?> kind, ClassLoader loader) {
        Map<String, String> providers = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = loader.getResources(PREFIX + kind.getName());
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                String origin = origin(file, kind);
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(ServiceFiles::className).filter(name -> !name.isEmpty())
                            .forEach(name -> providers.putIfAbsent(name, origin));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + PREFIX + kind.getName() + " files", e);
        }
        return providers;
    }

    /** The provider that {@code message} names, with its origin, or the message's own words if none is known. */
    static String describe(String message, Map<String, String> providers) {
        for (Map.Entry<String, String> provider : providers.entrySet()) {
            if (message.contains(" " + provider.getKey() + " ") || message.endsWith(" " + provider.getKey())) {
                return provider.getKey() + " from " + provider.getValue();
            }
        }
        return "a provider";
    }

    /** {@code jar:file:/a/b.jar!/META-INF/services/X} gives {@code file:/a/b.jar}; a folder gives the folder. */
    private static String origin(URL file, Class<?> kind) {
        String text = file.toString();
        if (text.startsWith("jar:") && text.contains("!/")) {
            return text.substring("jar:".length(), text.indexOf("!/"));
        }
        String suffix = PREFIX + kind.getName();
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    private static String className(String line) {
        int comment = line.indexOf('#');
        return (comment >= 0 ? line.substring(0, comment) : line).trim();
    }
}
