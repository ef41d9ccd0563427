package cluster.coordination;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Record keys ({@code app/<appId>}, {@code worker/<workerId>}) as one file or znode name each: URL-encoded,
 * so the {@code /} and any odd character of an id cannot make a path, and the name maps back to the key.
 */
final class StoreKeys {

    private StoreKeys() {
    }

    static String toName(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    static String fromName(String name) {
        return URLDecoder.decode(name, StandardCharsets.UTF_8);
    }
}
