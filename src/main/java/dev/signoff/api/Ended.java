package dev.signoff.api;

/**
 * The answer of {@code DELETE <prefix>/api/users/{user}}: {@code {"ended": 3}}.
 *
 * @param ended how many sessions this request ended
 */
public record Ended(int ended) {
}
