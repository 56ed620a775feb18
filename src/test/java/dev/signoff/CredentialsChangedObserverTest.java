package dev.signoff;

import dev.signoff.config.Configuration;
import dev.signoff.config.SettingsLoader;
import dev.signoff.events.CredentialKind;
import dev.signoff.events.CredentialsChanged;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.session.Ending;
import dev.signoff.session.Terminator;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The observer applies each kind's policy, and a failure to end sessions reaches the firer. */
class CredentialsChangedObserverTest {

    /** Records endAll calls, or fails them like an unavailable registry. */
    static final class RecordingTerminator extends Terminator {
        final List<String> calls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Ending endAll(String user, Optional<String> keep, Set<Purpose> purposes, EndReason reason, String ip) {
            if (failure != null) {
                return Ending.queued(failure);
            }
            calls.add(user + " keep=" + keep.orElse("-") + " " + new TreeSet<>(purposes) + " " + reason);
            return Ending.of(0);
        }
    }

    private final RecordingTerminator terminator = new RecordingTerminator();
    private final CredentialsChangedObserver observer = new CredentialsChangedObserver();

    CredentialsChangedObserverTest() {
        observer.terminator = terminator;
        observer.configuration = Configuration.defaults();
        observer.request = noRequest();
    }

    @Test
    void onCredentialsChangedWhenRegistryFailsThenSignOffExceptionReachesTheFirer() {
        IllegalStateException down = new IllegalStateException("database down");
        terminator.failure = down;

        SignOffException thrown = assertThrows(SignOffException.class,
                () -> observer.onCredentialsChanged(new CredentialsChanged("alice", CredentialKind.PASSWORD)));

        assertSame(down, thrown.getCause());
        assertTrue(thrown.getMessage().contains("alice"), thrown.getMessage());
    }

    @Test
    void onCredentialsChangedWhenEmailChangesOutsideARequestThenAllSessionsEnd() {
        observer.onCredentialsChanged(new CredentialsChanged("bob", CredentialKind.EMAIL));

        assertEquals(List.of("bob keep=- [SESSION, REMEMBER_ME, REFRESH] CREDENTIALS_CHANGED"), terminator.calls);
    }

    @Test
    void onCredentialsChangedWhenPasswordChangesOutsideARequestThenNothingIsKept() {
        observer.onCredentialsChanged(new CredentialsChanged("carol", CredentialKind.PASSWORD));

        assertEquals(List.of("carol keep=- [SESSION, REMEMBER_ME, REFRESH] CREDENTIALS_CHANGED"), terminator.calls);
    }

    @Test
    void onCredentialsChangedWhenTheKindsPurposesAreSetThenOnlyThoseEnd() {
        observer.configuration = Configuration.with(SettingsLoader.load(key -> null,
                Map.of("SIGNOFF_CREDENTIALS_PASSWORD_PURPOSES", "all,-refresh"), Map.of()));

        observer.onCredentialsChanged(new CredentialsChanged("dave", CredentialKind.PASSWORD));
        observer.onCredentialsChanged(new CredentialsChanged("dave", CredentialKind.EMAIL));

        assertEquals(List.of("dave keep=- [SESSION, REMEMBER_ME] CREDENTIALS_CHANGED",
                "dave keep=- [SESSION, REMEMBER_ME, REFRESH] CREDENTIALS_CHANGED"), terminator.calls);
    }

    @SuppressWarnings("unchecked")
    private static Instance<HttpServletRequest> noRequest() {
        return (Instance<HttpServletRequest>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isResolvable")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
