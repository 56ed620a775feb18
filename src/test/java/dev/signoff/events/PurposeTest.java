package dev.signoff.events;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The purpose lists of the settings: all, names, and -name to leave one out. */
class PurposeTest {

    @Test
    void parseListWhenAllThenEverySignInPurposeButNeverBearer() {
        assertEquals(EnumSet.of(Purpose.SESSION, Purpose.REMEMBER_ME, Purpose.REFRESH), Purpose.parseList("all"));
        assertFalse(Purpose.parseList("all").contains(Purpose.BEARER), "access-token revocations are never ended");
    }

    @Test
    void parseListWhenNamesAndExclusionsThenThoseInOrderOfTheList() {
        assertEquals(Set.of(Purpose.SESSION, Purpose.REMEMBER_ME), Purpose.parseList("all,-refresh"));
        assertEquals(Set.of(Purpose.REFRESH), Purpose.parseList(" refresh "));
        assertEquals(Set.of(Purpose.SESSION, Purpose.REFRESH), Purpose.parseList("session, refresh"));
        assertEquals(Set.of(Purpose.REMEMBER_ME), Purpose.parseList("session,remember_me,- session"));
    }

    @Test
    void parseListWhenUnknownOrEmptyThenRefused() {
        for (String bad : new String[]{"", "none", "bearer", "sessions", "all,-all", "-session", "session;refresh"}) {
            assertThrows(IllegalArgumentException.class, () -> Purpose.parseList(bad), bad);
        }
    }
}
