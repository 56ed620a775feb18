package dev.signoff.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {
    private static final String BASE64URL = "[A-Za-z0-9_-]+";

    @Test
    void newTokenWhenCalledThen43Base64UrlCharactersOf256Bits() {
        String token = Tokens.newToken();

        assertEquals(43, token.length(), token);
        assertTrue(token.matches(BASE64URL), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @Test
    void newTokenWhenCalled1000TimesThenAllDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(Tokens.newToken());
        }

        assertEquals(1000, tokens.size());
    }

    @Test
    void newHandleWhenCalledThen22Base64UrlCharactersOf128BitsAndAHandleShape() {
        String handle = Tokens.newHandle();

        assertEquals(22, handle.length(), handle);
        assertEquals(16, Base64.getUrlDecoder().decode(handle).length);
        assertTrue(Tokens.isHandle(handle), handle);
    }

    @Test
    void newHandleWhenCalled1000TimesThenAllDistinct() {
        Set<String> handles = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            handles.add(Tokens.newHandle());
        }

        assertEquals(1000, handles.size());
    }

    @Test
    void digestWhenKnownVectorsThenSha256LowerHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.digest("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Tokens.digest(""));
    }

    @Test
    void digestWhenNonAsciiThenHashesUtf8Bytes() {
        // SHA-256 of c3 a9, the UTF-8 bytes of "\u00e9" (its ISO-8859-1 byte e9 would give de2e331d...).
        assertEquals("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c", Tokens.digest("\u00e9"));
    }

    @Test
    void digestWhenNewTokenThenHasDigestShapeAndIsStable() {
        String token = Tokens.newToken();

        String digest = Tokens.digest(token);

        assertTrue(Tokens.isDigest(digest), digest);
        assertEquals(digest, Tokens.digest(token));
        assertFalse(digest.equals(Tokens.digest(Tokens.newToken())));
    }

    @Test
    void isHandleWhenBase64UrlOf22CharactersThenTrue() {
        assertTrue(Tokens.isHandle("abcdefghijklmnopqrs-_9"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abcdefghijklmnopqrs-_", "abcdefghijklmnopqrs-_90", "abcdefghijklmnopqrs+_9", "abcdefghijklmnopqrs/_9",
            "abcdefghijklmnopqrs-_=", "abcdefghijklmnopqrs _9", "abcdefghijklmnopqrs-_\u00e9"})
    void isHandleWhenWrongLengthOrAlphabetThenFalse(String text) {
        assertFalse(Tokens.isHandle(text));
    }

    @Test
    void isDigestWhen64LowerHexThenTrue() {
        assertTrue(Tokens.isDigest("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"",
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
            "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"})
    void isDigestWhenWrongLengthCaseOrAlphabetThenFalse(String text) {
        assertFalse(Tokens.isDigest(text));
    }
}
