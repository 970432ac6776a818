package io.accord.common;

/** A view together with the version its ETag is made from. */
public record Versioned<T>(T view, long version) {

    public String etag() {
        return ETags.of(version);
    }
}
