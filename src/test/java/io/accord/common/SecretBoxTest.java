package io.accord.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String OLD = SecretBox.generateKey();
    private static final String NEW = SecretBox.generateKey();

    @Test
    void sealedValuesOpenToTheirPlaintextAndNeverContainIt() {
        SecretBox box = SecretBox.fromBase64(NEW, List.of());
        String sealed = box.seal("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=", "webhooks:1");
        assertFalse(sealed.contains("whsec_"), sealed);
        assertTrue(sealed.startsWith("v1." + box.currentKeyId() + "."), sealed);
        assertTrue(SecretBox.isSealed(sealed) && box.isCurrent(sealed));
        assertEquals("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=", box.open(sealed, "webhooks:1"));
    }

    @Test
    void everySealUsesAFreshNonce() {
        SecretBox box = SecretBox.fromBase64(NEW, List.of());
        assertNotEquals(box.seal("same", "ctx"), box.seal("same", "ctx"));
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        SecretBox box = SecretBox.fromBase64(NEW, List.of());
        String sealed = box.seal("whsec_abc", "ctx");
        String[] parts = sealed.split("\\.");
        byte[] data = Base64.getUrlDecoder().decode(parts[2]);
        for (int i = 0; i < data.length; i++) {
            byte[] tampered = data.clone();
            tampered[i] ^= 0x01;
            String value = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThrows(SecretBox.OpenFailure.class, () -> box.open(value, "ctx"), "byte " + i);
        }
        assertThrows(SecretBox.OpenFailure.class, () -> box.open(sealed.substring(0, sealed.length() - 4), "ctx"));
        assertThrows(SecretBox.OpenFailure.class, () -> box.open("whsec_abc", "ctx"));
        assertThrows(SecretBox.OpenFailure.class, () -> box.open("v1." + parts[1] + ".!!", "ctx"));
    }

    @Test
    void aValueCopiedToAnotherRecordDoesNotOpen() {
        SecretBox box = SecretBox.fromBase64(NEW, List.of());
        String sealed = box.seal("whsec_abc", "webhooks:a");
        assertThrows(SecretBox.OpenFailure.class, () -> box.open(sealed, "webhooks:b"));
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        SecretBox before = SecretBox.fromBase64(OLD, List.of());
        String old = before.seal("whsec_old", "ctx");

        SecretBox after = SecretBox.fromBase64(NEW, List.of(OLD, " "));
        assertEquals("whsec_old", after.open(old, "ctx"));
        assertFalse(after.isCurrent(old), "still needs re-sealing");
        assertEquals(List.of(before.currentKeyId()), after.previousKeyIds());
        String fresh = after.seal("whsec_new", "ctx");
        assertTrue(after.isCurrent(fresh));
        assertThrows(SecretBox.OpenFailure.class, () -> before.open(fresh, "ctx"), "the old key cannot open new values");

        SecretBox retired = SecretBox.fromBase64(NEW, List.of());
        SecretBox.OpenFailure e = assertThrows(SecretBox.OpenFailure.class, () -> retired.open(old, "ctx"));
        assertTrue(e.getMessage().contains(before.currentKeyId()), e.getMessage());
    }

    @Test
    void keyIdsAreStableAndDoNotRevealTheKey() {
        assertEquals(SecretBox.fromBase64(NEW, List.of()).currentKeyId(), SecretBox.fromBase64(NEW, List.of()).currentKeyId());
        assertNotEquals(SecretBox.fromBase64(NEW, List.of()).currentKeyId(), SecretBox.fromBase64(OLD, List.of()).currentKeyId());
        assertEquals(16, SecretBox.fromBase64(NEW, List.of()).currentKeyId().length());
    }

    @Test
    void keysThatAreNot32BytesOfBase64AreRefusedNamingTheSetting() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[16]), List.of()));
        assertTrue(shortKey.getMessage().contains("accord.secrets.key"), shortKey.getMessage());
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> SecretBox.fromBase64(NEW, List.of("not base64 at all!")));
        assertTrue(notBase64.getMessage().contains("accord.secrets.previous-keys"), notBase64.getMessage());
    }

    @Test
    void theEvaluationKeyIsGeneratedOnceAndKeptOwnerOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String first = Secrets.evaluationKey(data);
        assertEquals(first, Secrets.evaluationKey(data));
        assertEquals(32, Base64.getDecoder().decode(first).length);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(Secrets.KEY_FILE))));
    }
}
