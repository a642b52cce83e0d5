/**
 * E-mail to people: other modules hand a message to the {@link be.bolwerk.notification.Mailer} inside their own
 * transaction; a job delivers it with back-off, once per cluster. Without a mail server (the embedded default)
 * platform admins read what would have been sent in the mailbox page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package be.bolwerk.notification;
