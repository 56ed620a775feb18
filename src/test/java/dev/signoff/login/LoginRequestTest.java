package dev.signoff.login;

import dev.signoff.testing.FakeRequest;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoginRequestTest {

    @Test
    void loginWhenAcceptedThenSessionIdChangedAndMarked() throws ServletException {
        FakeRequest r = FakeRequest.get("/do-login").withSession();
        r.passwords.put("carol", "carol-pw");
        String planted = r.session.id;

        new LoginRequest(r.proxy()).login("carol", "carol-pw");

        assertNotEquals(planted, r.session.id);
        assertEquals(new LoginMark("carol", null), r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void loginWhenRefusedThenIdKeptAndNoMark() {
        FakeRequest r = FakeRequest.get("/do-login").withSession();
        String id = r.session.id;

        assertThrows(ServletException.class, () -> new LoginRequest(r.proxy()).login("carol", "wrong"));

        assertEquals(id, r.session.id);
        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }
}
