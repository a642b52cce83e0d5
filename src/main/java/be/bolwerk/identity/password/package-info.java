/** Passwords: the policy a new password must meet, changing one while signed in, and resetting a forgotten one by mail. */
package be.bolwerk.identity.password;
