package io.storyteller.ops.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Widens a Content-Security-Policy's {@code connect-src} by one origin, leaving every other directive as
 * written. Where the policy has no connect-src, fetches fall back to default-src: the new connect-src
 * starts from default-src's sources so nothing else becomes reachable; with neither, connections are not
 * restricted and the policy is left alone.
 */
final class ConnectSources {

    private ConnectSources() {
    }

    /** The origin of an absolute http(s) address: scheme, host and port as given (no path). */
    static String originOf(String address) {
        URI uri = URI.create(address.strip());
        if (uri.getScheme() == null || uri.getHost() == null
                || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not an absolute http(s) address: " + address);
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    static String allowing(String policy, String origin) {
        if (policy.isBlank()) {
            return policy;
        }
        List<String> directives = new ArrayList<>(Arrays.stream(policy.split(";")).map(String::strip)
                .filter(directive -> !directive.isEmpty()).toList());
        int connect = indexOf(directives, "connect-src");
        if (connect >= 0) {
            directives.set(connect, withSource(directives.get(connect), origin));
        } else {
            int fallback = indexOf(directives, "default-src");
            if (fallback < 0) {
                return policy;
            }
            directives.add(withSource("connect-src" + directives.get(fallback).substring("default-src".length()), origin));
        }
        return String.join("; ", directives);
    }

    private static int indexOf(List<String> directives, String name) {
        for (int i = 0; i < directives.size(); i++) {
            String[] words = directives.get(i).split("\\s+");
            if (words[0].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String withSource(String directive, String origin) {
        List<String> words = Arrays.asList(directive.split("\\s+"));
        // 'none' allows nothing, and together with a source it is invalid: the origin replaces it
        List<String> sources = words.subList(1, words.size()).stream()
                .filter(source -> !source.equalsIgnoreCase("'none'")).toList();
        if (sources.contains(origin)) {
            return directive;
        }
        return words.get(0) + (sources.isEmpty() ? "" : " " + String.join(" ", sources)) + " " + origin;
    }
}
