package dev.signoff.logout;

/**
 * One job of a logout. {@link Logout} runs its steps in a fixed, documented order; a step does its
 * one thing and never fails the logout (a logout always succeeds for the caller).
 */
interface LogoutStep {
    void run(Leaving leaving);
}
