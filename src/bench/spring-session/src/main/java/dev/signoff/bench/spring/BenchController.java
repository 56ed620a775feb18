package dev.signoff.bench.spring;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The equivalent of SignOff's demo endpoint, and the statement counter. */
@RestController
class BenchController {
    private final CountingDataSourcePostProcessor counter;

    BenchController(CountingDataSourcePostProcessor counter) {
        this.counter = counter;
    }

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> me(Principal principal) {
        return Map.of("user", principal.getName());
    }

    /** Unauthenticated, and it touches no session: reading it costs no statement. */
    @GetMapping(path = "/statements", produces = MediaType.TEXT_PLAIN_VALUE)
    String statements() {
        return Long.toString(counter.statements());
    }
}
