/** The signed-in person as every module sees it: {@link be.bolwerk.shared.security.CurrentUser}, personas and organisation roles. */
package be.bolwerk.shared.security;
