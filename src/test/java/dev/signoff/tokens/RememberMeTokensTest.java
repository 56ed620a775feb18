package dev.signoff.tokens;

import dev.signoff.config.Configuration;
import dev.signoff.config.SettingsLoader;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionRig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remember-me tokens: split, rotated at most once per window, the previous value tolerated within it, older ones theft. */
class RememberMeTokensTest {
    private static final String IP = "203.0.113.5";
    private final SessionRig rig = new SessionRig(Configuration.with(SettingsLoader.load(key -> null,
            Map.of("SIGNOFF_REMEMBER_ME_GRACE", "60s", "SIGNOFF_REMEMBER_ME_LIFETIME", "14d"), Map.of())));
    private final RememberMeTokens tokens = tokens(rig);

    static RememberMeTokens tokens(SessionRig rig) {
        RememberMeTokens t = new RememberMeTokens();
        t.registry = rig.registry;
        t.terminator = rig.terminator;
        t.configuration = rig.configuration;
        t.clock = rig.clock;
        t.opener = rig.opener;
        return t;
    }

    @Test
    void issueWhenCalledThenASplitTokenWhoseValidatorIsStoredOnlyAsADigest() {
        String cookie = tokens.issue("alice", Set.of("user", "signoff-admin"), IP, "Firefox");

        assertTrue(RememberMeTokens.isToken(cookie));
        String handle = cookie.substring(0, 22);
        SessionSnapshot row = rig.registry.rows.get(handle);
        assertEquals(Purpose.REMEMBER_ME, row.purpose());
        assertEquals(Tokens.digest(cookie.substring(23)), row.tokenDigest());
        assertFalse(row.tokenDigest().contains(cookie.substring(23)));
        assertEquals(SessionRig.START.plus(Duration.ofDays(14)).toEpochMilli(), row.absoluteExpiresAt());
        assertEquals(Set.of("user", "signoff-admin"), rig.registry.groups.get(handle));
        assertEquals("remember_me", rig.started.fired.get(0).purpose());
    }

    @Test
    void validateWhenWithinTheWindowOfItsLastRotationThenSignsInWithoutRotating() {
        String cookie = tokens.issue("alice", Set.of("user"), IP, null);
        rig.clock.advance(Duration.ofSeconds(59));

        RememberMeTokens.Remembered r = tokens.validate(cookie, IP).orElseThrow();

        assertEquals("alice", r.user());
        assertEquals(Set.of("user"), r.groups());
        assertEquals(Optional.empty(), r.next(), "rotated at most once per window");
    }

    @Test
    void validateWhenDueThenRotatedOnceAndTheNewValueWorks() {
        String cookie = tokens.issue("alice", Set.of("user"), IP, null);
        rig.clock.advance(Duration.ofMinutes(10));

        String next = tokens.validate(cookie, IP).orElseThrow().next().orElseThrow();

        assertNotEquals(cookie, next);
        assertEquals(cookie.substring(0, 22), next.substring(0, 22), "the same device");
        assertTrue(tokens.validate(next, IP).isPresent());
    }

    @Test
    void validateWhenThePreviousValueComesWithinTheGraceWindowThenSignsInAndNothingEnds() {
        String cookie = tokens.issue("alice", Set.of("user"), IP, null);
        rig.clock.advance(Duration.ofMinutes(10));
        String next = tokens.validate(cookie, IP).orElseThrow().next().orElseThrow();
        rig.clock.advance(Duration.ofSeconds(60));

        assertTrue(tokens.validate(cookie, IP).isPresent(), "a parallel request or restored tab with the old value");
        assertTrue(tokens.validate(next, IP).isPresent());
        assertTrue(rig.registry.isLive(cookie.substring(0, 22)));
    }

    @Test
    void validateWhenAReplacedValueComesAfterTheWindowThenTheftEndsEverySessionOfTheUser() {
        SessionBinding browser = rig.open("alice");
        String phone = tokens.issue("alice", Set.of("user"), IP, null);
        String laptop = tokens.issue("alice", Set.of("user"), IP, null);
        rig.clock.advance(Duration.ofMinutes(10));
        tokens.validate(phone, IP).orElseThrow().next().orElseThrow(); // the thief's copy rotated it
        rig.clock.advance(Duration.ofSeconds(61));

        assertEquals(Optional.empty(), tokens.validate(phone, IP), "the victim's stale value: not signed in");

        assertEquals(EndReason.THEFT, rig.registry.rows.get(phone.substring(0, 22)).endReason());
        assertEquals(EndReason.THEFT, rig.registry.rows.get(laptop.substring(0, 22)).endReason());
        assertFalse(rig.registry.isLive(browser.handle()), "the thief's session from the cookie ends with the rest");
        assertTrue(rig.ended.fired.stream().allMatch(e -> e.reason() == EndReason.THEFT));
    }

    @Test
    void validateWhenAnUnknownValidatorForAKnownHandleThenNotSignedInAndNothingEnds() {
        String cookie = tokens.issue("alice", Set.of("user"), IP, null);

        assertEquals(Optional.empty(), tokens.validate(cookie.substring(0, 23) + Tokens.newToken(), IP),
                "a guess (the handle is public) must not sign anyone out");
        assertTrue(rig.registry.isLive(cookie.substring(0, 22)));
    }

    @Test
    void validateWhenMalformedEndedOrExpiredThenNotSignedIn() {
        rig.registry.down = new IllegalStateException("not asked");
        for (String bad : new String[]{null, "", "x", Tokens.newHandle() + Tokens.newToken(), Tokens.newHandle() + "." + "!".repeat(43)}) {
            assertEquals(Optional.empty(), tokens.validate(bad, IP), String.valueOf(bad));
        }
        rig.registry.down = null;
        String ended = tokens.issue("alice", Set.of(), IP, null);
        rig.terminator.endAll("alice", Optional.empty(), EndReason.LOGOUT_ALL, IP);
        assertEquals(Optional.empty(), tokens.validate(ended, IP));

        String old = tokens.issue("bob", Set.of(), IP, null);
        rig.clock.advance(Duration.ofDays(14));
        assertEquals(Optional.empty(), tokens.validate(old, IP));
        assertEquals(EndReason.ABSOLUTE_TIMEOUT, rig.registry.rows.get(old.substring(0, 22)).endReason());
    }

    @Test
    void removeWhenTheDeviceLogsOutThenOnlyItsTokenEnds() {
        String phone = tokens.issue("alice", Set.of(), IP, null);
        String laptop = tokens.issue("alice", Set.of(), IP, null);

        assertTrue(tokens.remove(phone, IP));
        assertFalse(tokens.remove(phone, IP), "once");

        assertEquals(EndReason.LOGOUT, rig.registry.rows.get(phone.substring(0, 22)).endReason());
        assertEquals(Optional.empty(), tokens.validate(phone, IP));
        assertTrue(tokens.validate(laptop, IP).isPresent());
    }

    /** Found by the fuzz campaign: a logout with the public handle and a guessed validator ended the token. */
    @Test
    void removeWhenOnlyTheHandleIsRightThenNothingEnds() {
        String phone = tokens.issue("alice", Set.of(), IP, null);
        String forged = phone.substring(0, 23) + Tokens.newToken();

        assertFalse(tokens.remove(forged, IP));

        assertTrue(tokens.validate(phone, IP).isPresent());
    }

    @Test
    void removeWhenTheValueWasJustReplacedThenItStillLogsOut() {
        String first = tokens.issue("alice", Set.of(), IP, null);
        rig.clock.advance(Duration.ofMinutes(10));
        assertTrue(tokens.validate(first, IP).orElseThrow().next().isPresent(), "rotated");

        assertTrue(tokens.remove(first, IP), "a parallel request still holding the old value logs out");
    }

    @Test
    void toStringWhenLoggedThenNoTokenValue() {
        String cookie = tokens.issue("alice", Set.of(), IP, null);
        rig.clock.advance(Duration.ofMinutes(10));
        RememberMeTokens.Remembered r = tokens.validate(cookie, IP).orElseThrow();

        assertFalse(r.toString().contains(r.next().orElseThrow().substring(23)));
    }
}
