package dev.signoff.oidc;

import dev.signoff.config.Configuration;
import dev.signoff.config.SettingsLoader;
import dev.signoff.events.EndReason;
import dev.signoff.registry.ProviderSessions;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionRig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the receiver does with a token, over the in-memory registry of {@link SessionRig}: a valid one
 * ends its provider session's sessions through the Terminator; a replay, a broken one and one that
 * arrives while the registry is down end nothing.
 */
class BackchannelLogoutTest {
    private static final String CLIENT = "shop";
    private static TestProvider provider;

    private final MemoryProviderSessions links = new MemoryProviderSessions();
    private SessionRig rig;
    private BackchannelLogout receiver;

    /** The registry's provider-session links and received tokens, in memory; {@code down} fails every call. */
    static final class MemoryProviderSessions extends ProviderSessions {
        final Map<String, String> sidOf = new HashMap<>();
        final Map<String, String> subjectOf = new HashMap<>();
        final Set<String> received = new HashSet<>();
        boolean down;
        boolean lookupsDown;

        @Override
        public void link(String handle, String issuer, Optional<String> sid, String subject) {
            sid.ifPresent(s -> sidOf.put(handle, issuer + "|" + s));
            subjectOf.put(handle, issuer + "|" + subject);
        }

        @Override
        public List<String> liveBySid(String issuer, String sid) {
            return handles(sidOf, issuer + "|" + sid);
        }

        @Override
        public List<String> liveBySubject(String issuer, String subject) {
            return handles(subjectOf, issuer + "|" + subject);
        }

        @Override
        public boolean firstReceipt(String issuer, String jti, long keepUntil) {
            if (down) {
                throw new IllegalStateException("the registry is down");
            }
            return received.add(issuer + "|" + jti);
        }

        private List<String> handles(Map<String, String> keys, String key) {
            if (down || lookupsDown) {
                throw new IllegalStateException("the registry is down");
            }
            return keys.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).sorted().toList();
        }
    }

    @BeforeAll
    static void startProvider() {
        provider = TestProvider.start("unit", "u-1");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    private void setUp() {
        Configuration configuration = Configuration.with(SettingsLoader.load(
                Map.of("signoff.oidc.providers", provider.issuer() + "; client-id=" + CLIENT)::get, Map.of(), Map.of()));
        rig = new SessionRig(configuration);
        Providers providers = new Providers();
        providers.configuration = configuration;
        providers.clock = Clock.systemUTC(); // tokens are issued now, not at the rig's start
        receiver = new BackchannelLogout();
        receiver.providers = providers;
        receiver.providerSessions = links;
        receiver.terminator = rig.terminator;
    }

    private SessionBinding linked(String user, String sid) {
        SessionBinding b = rig.open(user);
        links.link(b.handle(), provider.issuer(), Optional.ofNullable(sid), "sub-" + user);
        return b;
    }

    private boolean revoked(SessionBinding b) {
        return rig.registry.rows.get(b.handle()).revoked();
    }

    @Test
    void receiveWhenValidThenTheSidsSessionsEndAsIdpLogoutAndAReplayEndsNothingMore() {
        setUp();
        SessionBinding laptop = linked("alice", "sid-1");
        SessionBinding phone = linked("alice", "sid-2");
        String token = provider.sign(provider.claims(CLIENT).subject("sub-alice").claim("sid", "sid-1").build());

        assertEquals(BackchannelLogout.Outcome.APPLIED, receiver.receive(token, "192.0.2.1"));
        assertTrue(revoked(laptop));
        assertEquals(EndReason.IDP_LOGOUT, rig.registry.rows.get(laptop.handle()).endReason());
        assertFalse(revoked(phone), "another provider session of the same user");

        SessionBinding later = linked("alice", "sid-1");
        assertEquals(BackchannelLogout.Outcome.REFUSED, receiver.receive(token, "192.0.2.1"));
        assertFalse(revoked(later), "a replay ends nothing, not even a session of that sid opened since");
    }

    @Test
    void receiveWhenOnlySubThenEverySessionOfThatUserEnds() {
        setUp();
        SessionBinding laptop = linked("bob", "sid-3");
        SessionBinding phone = linked("bob", null);
        SessionBinding other = linked("carol", "sid-4");

        assertEquals(BackchannelLogout.Outcome.APPLIED, receiver.receive(provider.sign(provider.claims(CLIENT).subject("sub-bob").build()), null));
        assertTrue(revoked(laptop));
        assertTrue(revoked(phone));
        assertFalse(revoked(other));
    }

    @Test
    void receiveWhenTheRegistryIsDownThenNotAppliedAndNothingEnds() {
        setUp();
        SessionBinding laptop = linked("dave", "sid-5");
        links.down = true;

        String token = provider.sign(provider.claims(CLIENT).subject("sub-dave").claim("sid", "sid-5").build());
        assertEquals(BackchannelLogout.Outcome.NOT_APPLIED, receiver.receive(token, null));
        assertFalse(revoked(laptop));

        links.down = false;
        assertEquals(BackchannelLogout.Outcome.APPLIED, receiver.receive(token, null), "the provider may send it again: it was never received");
        assertTrue(revoked(laptop));
    }

    @Test
    void receiveWhenTheLookupFailsThenNothingIsRecordedAndTheProvidersRetryIsApplied() {
        setUp();
        SessionBinding laptop = linked("frank", "sid-7");
        links.lookupsDown = true;

        String token = provider.sign(provider.claims(CLIENT).subject("sub-frank").claim("sid", "sid-7").build());
        assertEquals(BackchannelLogout.Outcome.NOT_APPLIED, receiver.receive(token, null));
        assertTrue(links.received.isEmpty(), "not recorded as received, so a retry is no replay");

        links.lookupsDown = false;
        assertEquals(BackchannelLogout.Outcome.APPLIED, receiver.receive(token, null));
        assertTrue(revoked(laptop));
    }

    @Test
    void receiveWhenInvalidThenRefusedBeforeTheRegistryIsAsked() {
        setUp();
        SessionBinding laptop = linked("erin", "sid-6");
        String wrongAudience = provider.sign(provider.claims("another-client").subject("sub-erin").claim("sid", "sid-6").build());

        assertEquals(BackchannelLogout.Outcome.REFUSED, receiver.receive(wrongAudience, null));
        assertEquals(BackchannelLogout.Outcome.REFUSED, receiver.receive("garbage", null));
        assertTrue(links.received.isEmpty(), "no jti stored for a refused token");
        assertFalse(revoked(laptop));
    }

    @Test
    void printableWhenAReasonQuotesTheSendersControlCharactersThenOneShortLine() {
        assertEquals("JOSE header typ (type) x?INFO: forged not allowed", BackchannelLogout.printable("JOSE header typ (type) x\nINFO: forged not allowed"));
        assertEquals(201, BackchannelLogout.printable("y".repeat(500)).length());
    }
}
