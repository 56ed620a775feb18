/**
 * CDI events in and out of SignOff. In: {@link dev.signoff.events.CredentialsChanged}, fired by the
 * application. Out: {@link dev.signoff.events.SessionStarted}, {@link dev.signoff.events.SessionEnded},
 * {@link dev.signoff.events.LoggedOutEverywhere}, fired by SignOff after the registry stored the change.
 */
package dev.signoff.events;
