package dev.signoff.config;

import java.time.Duration;

/**
 * How refresh-token families live.
 *
 * @param lifetime absolute lifetime of a family from its first token, however often it is rotated
 * @param grace    how long after a rotation the token just replaced is tolerated (refused without
 *                 ending the family); zero: never
 */
public record RefreshSettings(Duration lifetime, Duration grace) {
}
