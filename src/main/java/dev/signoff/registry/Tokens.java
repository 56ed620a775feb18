package dev.signoff.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets and their digests. Tokens are 256 bits from {@link SecureRandom}; handles are 128 bits
 * (public, safe to show); only the SHA-256 digest of a token is ever stored.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();

    private Tokens() {
    }

    /** A new 256-bit token, base64url (43 characters). */
    public static String newToken() {
        return random(32);
    }

    /** A new 128-bit public handle, base64url (22 characters). */
    public static String newHandle() {
        return random(16);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters). */
    public static String digest(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether the text has the shape of a handle (so a malformed one is refused before any lookup). */
    public static boolean isHandle(String text) {
        return text != null && text.length() == 22 && text.chars().allMatch(Tokens::isBase64Url);
    }

    /** Whether the text has the shape of a token (so a malformed one is refused before any lookup). */
    public static boolean isToken(String text) {
        return text != null && text.length() == 43 && text.chars().allMatch(Tokens::isBase64Url);
    }

    /** Whether the text has the shape of a digest. */
    public static boolean isDigest(String text) {
        return text != null && text.length() == 64 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL.encodeToString(b);
    }
}
