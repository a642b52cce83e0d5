/** Second factors: authenticator apps (TOTP), recovery codes and passkeys, their enrolment and management, and the throttled check of every typed code. */
package be.bolwerk.identity.factor;
