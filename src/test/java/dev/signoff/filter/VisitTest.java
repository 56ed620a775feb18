package dev.signoff.filter;

import dev.signoff.testing.FakeResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Visit#header}: added when new (GlassFish's setHeader is costly), but still one value, not two. */
class VisitTest {
    @Test
    void headerWhenAbsentThenTheOneValue() {
        FakeResponse fake = new FakeResponse();

        Visit.header(fake.proxy(), "Cache-Control", "no-store");

        assertEquals(List.of("no-store"), fake.headers("Cache-Control"));
    }

    @Test
    void headerWhenTheAppOrAnEarlierFilterSetOneThenReplaced() {
        FakeResponse fake = new FakeResponse();
        HttpServletResponse response = fake.proxy();
        response.addHeader("Cache-Control", "max-age=600");

        Visit.header(response, "Cache-Control", "no-store");

        assertEquals(List.of("no-store"), fake.headers("Cache-Control"));
    }
}
