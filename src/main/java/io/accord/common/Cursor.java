package io.accord.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque position in a list ordered by creation time, then id. Clients pass it back verbatim as
 * {@code ?cursor=}; its encoding is not part of the contract.
 */
public record Cursor(Instant createdAt, UUID id) {

    public String encode() {
        String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor, or answers 400 naming the {@code cursor} parameter. */
    public static Cursor decode(String value) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (!InstantRange.contains(createdAt)) {
                throw new IllegalArgumentException("out of range");
            }
            return new Cursor(createdAt, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
        }
    }
}
