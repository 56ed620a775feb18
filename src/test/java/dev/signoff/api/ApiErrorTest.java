package dev.signoff.api;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiErrorTest {

    @Test
    void forStatusWhenRuntimeStatusThenStableCode() {
        assertEquals("bad_request", ApiError.forStatus(400).error());
        assertEquals("unauthorized", ApiError.forStatus(401).error());
        assertEquals("not_found", ApiError.forStatus(404).error());
        assertEquals("method_not_allowed", ApiError.forStatus(405).error());
        assertEquals("not_acceptable", ApiError.forStatus(406).error());
        assertEquals("unsupported_media_type", ApiError.forStatus(415).error());
        assertEquals("registry_unavailable", ApiError.forStatus(503).error());
    }

    @Test
    void forStatusWhenUnlistedThenClientOrServerErrorByClass() {
        assertEquals("bad_request", ApiError.forStatus(422).error());
        assertEquals("internal_error", ApiError.forStatus(500).error());
        assertEquals("internal_error", ApiError.forStatus(502).error());
    }

    @Test
    void unknownAndForeignHandlesShareOneAnswer() {
        // One constant for both cases: the body cannot tell whether the handle exists.
        assertEquals(new ApiError("not_found", "No such session."), ApiError.NO_SUCH_SESSION);
    }

    @Test
    void registryDownWhenDatabaseFailureAnywhereInTheCausesThenTrue() {
        assertTrue(ApiExceptionMapper.registryDown(new SQLException("connection refused")));
        assertTrue(ApiExceptionMapper.registryDown(new IllegalStateException("tx", new PersistenceException("db", new SQLException()))));
        assertFalse(ApiExceptionMapper.registryDown(new IllegalStateException("bug")));
    }

    @Test
    void unparsableTargetWhenTheRuntimeCouldNotMakeAUriThenTrue() {
        IllegalArgumentException resteasy = assertThrows(IllegalArgumentException.class,
                () -> URI.create("http://localhost/sessions/api/a]b?next=%zz"));

        assertTrue(dev.signoff.web.MalformedRequests.unparsableTarget(resteasy));
        assertFalse(dev.signoff.web.MalformedRequests.unparsableTarget(new IllegalArgumentException("bug")));
    }

    @Test
    void validUserWhenRegistrySizedNameThenTrueElseFalse() {
        assertTrue(UserNames.valid("alice"));
        assertTrue(UserNames.valid("älice@example.com"));
        assertTrue(UserNames.valid("a".repeat(255)));
        assertFalse(UserNames.valid(""));
        assertFalse(UserNames.valid(null));
        assertFalse(UserNames.valid("a".repeat(256)));
        assertFalse(UserNames.valid("ali\nce"));
        assertFalse(UserNames.valid("ali\u0000ce"));
    }
}
