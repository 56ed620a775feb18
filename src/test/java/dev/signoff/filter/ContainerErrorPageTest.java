package dev.signoff.filter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerErrorPageTest {

    @Test
    void unknownCharsetWhenTheBodyNamesOneTheJvmLacksThenTrue() {
        assertTrue(ContainerErrorPage.unknownCharset("application/x-www-form-urlencoded; charset=bogus"));
        assertTrue(ContainerErrorPage.unknownCharset("text/plain;charset=\"no such\""));
        assertTrue(ContainerErrorPage.unknownCharset("text/plain; CHARSET=%%%"));
    }

    @Test
    void unknownCharsetWhenKnownOrNoneThenFalse() {
        assertFalse(ContainerErrorPage.unknownCharset(null));
        assertFalse(ContainerErrorPage.unknownCharset("garbage"));
        assertFalse(ContainerErrorPage.unknownCharset("application/x-www-form-urlencoded"));
        assertFalse(ContainerErrorPage.unknownCharset("application/x-www-form-urlencoded; charset=UTF-8"));
        assertFalse(ContainerErrorPage.unknownCharset("text/plain; charset=\"iso-8859-1\""));
    }
}
