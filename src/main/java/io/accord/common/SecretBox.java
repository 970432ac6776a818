package io.accord.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets at rest with AES-256-GCM. A sealed value is {@code v1.<key id>.<base64url(nonce | ciphertext
 * | tag)>}: a fresh random 96-bit nonce per value, a 128-bit tag, and an associated context (e.g. the row's id) that
 * must match on opening, so a sealed value copied to another row does not open. The key id is derived from the key
 * itself, so keys need no names: the current key seals, the current and any previous key open, and
 * {@link #isCurrent} tells which values still need re-sealing after a key rotation. Pure: no framework types.
 */
public final class SecretBox {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A value that cannot be opened: tampered, sealed for another context, or sealed with a key we do not have. */
    public static final class OpenFailure extends RuntimeException {
        OpenFailure(String message) {
            super(message);
        }
    }

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** {@code current} seals and opens; {@code previous} only open. Each key is 32 bytes. */
    public SecretBox(byte[] current, List<byte[]> previous) {
        this.currentId = keyId(current);
        keys.put(currentId, spec(current));
        for (byte[] key : previous) {
            keys.putIfAbsent(keyId(key), spec(key));
        }
    }

    /**
     * From base64 keys as configured; answers a message naming the setting when one is not 32 bytes of base64.
     * Blank previous keys are ignored.
     */
    public static SecretBox fromBase64(String current, List<String> previous) {
        List<byte[]> old = new ArrayList<>();
        for (String key : previous) {
            if (key != null && !key.isBlank()) {
                old.add(decodeKey(key, "accord.secrets.previous-keys"));
            }
        }
        return new SecretBox(decodeKey(current, "accord.secrets.key"), old);
    }

    /** A new random key, base64 (what {@code openssl rand -base64 32} prints). */
    public static String generateKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that seals now. */
    public String currentKeyId() {
        return currentId;
    }

    /** The ids of the keys that only open (previous keys). */
    public List<String> previousKeyIds() {
        return keys.keySet().stream().filter(id -> !id.equals(currentId)).toList();
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(currentId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return VERSION + "." + currentId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext of a sealed value; {@link OpenFailure} when it is not one this box can open for {@code context}. */
    public String open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new OpenFailure("not a sealed value");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new OpenFailure("sealed with key " + parts[1] + ", which is neither accord.secrets.key nor one of "
                    + "accord.secrets.previous-keys");
        }
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new OpenFailure("not a sealed value");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new OpenFailure("not a sealed value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(aad(parts[1], context));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new OpenFailure("the sealed value was altered or belongs to another record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether {@code value} has the sealed form (it may still fail to open). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(VERSION + ".");
    }

    /** Whether {@code value} is sealed with the current key (no re-sealing needed). */
    public boolean isCurrent(String value) {
        return value != null && value.startsWith(VERSION + "." + currentId + ".");
    }

    /** The first 8 bytes of SHA-256 over a label and the key, hex: names a key without revealing it. */
    static String keyId(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a secrets key must be 32 bytes, not " + key.length);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("accord secrets key id\n".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] aad(String keyId, String context) {
        return (VERSION + "." + keyId + "." + context).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec spec(byte[] key) {
        keyId(key); // checks the length
        return new SecretKeySpec(key.clone(), "AES");
    }

    private static byte[] decodeKey(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64; generate a key with `openssl rand -base64 32`");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(setting + " must be 32 bytes of base64 (it has " + key.length
                    + " bytes); generate one with `openssl rand -base64 32`");
        }
        return key;
    }
}
