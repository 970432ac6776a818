package io.accord.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetTest {

    private static final Cursor AFTER = new Cursor(Instant.parse("2026-11-22T09:30:00.123456Z"),
            UUID.fromString("3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50"));

    @Test
    void hqlComparesTimeThenIdWithNamedParameters() {
        assertEquals("(i.createdAt > :cAt or (i.createdAt = :cAt and i.id > :cId))", Keyset.hql("i.createdAt", "i.id"));
        Map<String, Object> bound = Keyset.bind(Parameters.with("lead", "x"), AFTER).map();
        assertEquals(Map.of("lead", "x", "cAt", AFTER.createdAt(), "cId", AFTER.id()), bound);
    }

    @Test
    void sqlTakesTheNextPositionalParameters() {
        List<Object> args = new ArrayList<>(List.of("owner"));
        assertEquals("(created_at, id) > ($2, $3)", Keyset.sql("created_at", "id", AFTER, args));
        assertEquals(List.of("owner", AFTER.createdAt().atOffset(ZoneOffset.UTC), AFTER.id()), args);
    }
}
