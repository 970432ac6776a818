package io.accord.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a webhook URL appears in the audit log, alerts and logs. Receivers put their secrets in paths (Slack:
 * {@code /services/T…/B…/<secret>}), queries ({@code ?token=}) and user info, so only scheme, host and port are kept,
 * followed by {@code /…} when there was more, and a short reference (the first 8 hex digits of SHA-256 over the whole
 * URL) so that two different URLs on one host can be told apart: {@code https://hooks.slack.com/… (ref 3f9a0c12)}.
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    public static String redact(String url) {
        String ref = " (ref " + ref(url == null ? "" : url) + ")";
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            return "(not a URL)" + ref;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "(not a URL)" + ref;
        }
        StringBuilder out = new StringBuilder(uri.getScheme().toLowerCase(Locale.ROOT)).append("://")
                .append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1) {
            out.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        boolean more = (path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null;
        out.append(more ? "/…" : "/");
        return out.append(ref).toString();
    }

    private static String ref(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
