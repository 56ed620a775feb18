package dev.signoff.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EffectiveSettingTest {

    @Test
    void shownWhenSecretThenHiddenUnlessEmpty() {
        assertEquals(EffectiveSetting.HIDDEN, EffectiveSetting.shown(true, "s3cr3t"));
        assertEquals("", EffectiveSetting.shown(true, ""), "an unset secret may say it is unset");
        assertEquals("s3cr3t", EffectiveSetting.shown(false, "s3cr3t"));
    }
}
