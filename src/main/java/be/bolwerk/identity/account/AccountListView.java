package be.bolwerk.identity.account;

import be.bolwerk.identity.account.UserAdministration.AccountRow;
import be.bolwerk.shared.Paged;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * The account rows of the admin list as the page writes them: links, persona names and the confirmation
 * sentences (which carry each account's address) worked out once in Java. Formatting a sentence with an argument
 * per row in the template was the largest part of rendering this page (ADR 0016).
 */
public record AccountListView(List<Row> rows) {

    /**
     * @param personas the programme-wide personas, translated, each with its firm or college, one per line
     * @param state whether the account may sign in
     * @param factor whether a second factor is set up
     * @param confirmDeactivate the sentence next to the deactivate button's confirmation box
     * @param confirmReset the sentence next to the reset button's confirmation box
     */
    public record Row(
            String id,
            String href,
            String displayName,
            String email,
            List<String> personas,
            boolean enabled,
            boolean enrolled,
            String state,
            String factor,
            String confirmDeactivate,
            String confirmReset) {}

    static AccountListView of(Paged<AccountRow> accounts, String contextPath, MessageSource messages, Locale locale) {
        return new AccountListView(accounts.items().stream()
                .map(a -> new Row(
                        a.id().toString(),
                        contextPath + "/admin/users/" + a.id(),
                        a.displayName(),
                        a.email(),
                        a.personas().stream()
                                .map(p -> messages.getMessage("persona." + p.persona(), null, locale)
                                        + (p.affiliation() == null ? "" : " (" + p.affiliation() + ")"))
                                .collect(Collectors.toList()),
                        a.enabled(),
                        a.enrolled(),
                        messages.getMessage(a.enabled() ? "users.enabled" : "users.disabled", null, locale),
                        messages.getMessage(a.enrolled() ? "users.enrolled" : "users.notEnrolled", null, locale),
                        messages.getMessage("users.confirmDeactivate", new Object[] {a.email()}, locale),
                        messages.getMessage("users.confirmReset", new Object[] {a.email()}, locale)))
                .toList());
    }
}
