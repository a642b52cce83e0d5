package be.bolwerk.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.event.AuthenticatorEnrolled;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change of a second factor and its audit row commit together: the change publishes its event inside its own
 * transaction and the audit trail appends synchronously (ADR 0006), so an append that fails takes the change
 * with it, and a change that commits has its row.
 */
@SpringBootTest
@Import(FactorChangesAuditTests.FailingAppend.class)
class FactorChangesAuditTests {

    /** Stands in for an audit append that fails, for the one account a test names. */
    static class FailingAppend {

        static volatile UUID failFor;

        @EventListener
        void on(AuthenticatorEnrolled event) {
            if (event.accountId().equals(failFor)) {
                throw new IllegalStateException("audit append failed");
            }
        }
    }

    private final SecondFactors factors;
    private final Totp totp;
    private final TestAccounts testAccounts;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    FactorChangesAuditTests(
            @Autowired SecondFactors factors,
            @Autowired Totp totp,
            @Autowired TestAccounts testAccounts,
            @Autowired UserAccounts accounts,
            @Autowired JdbcClient jdbc) {
        this.factors = factors;
        this.totp = totp;
        this.testAccounts = testAccounts;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @AfterEach
    void appendsWorkAgain() {
        FailingAppend.failFor = null;
    }

    /** An account at its first sign-in: a pending authenticator secret, nothing confirmed yet. */
    private UserAccount enrolling() {
        return accounts.save(testAccounts.unsaved("enrol", "Eerste Aanmelding", "een-lang-wachtwoord-1"));
    }

    private String firstCode(UUID account) {
        String secret = factors.pendingSecret(account);
        return totp.codeAt(secret, totp.currentStep());
    }

    private long enrolmentRows() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'AUTHENTICATOR_ENROLLED'")
                .query(Long.class)
                .single();
    }

    @Test
    void aFailingAuditAppendRollsTheEnrolmentBack() {
        UserAccount account = enrolling();
        String code = firstCode(account.id());
        FailingAppend.failFor = account.id();

        assertThatThrownBy(() -> factors.confirm(account.id(), code)).hasMessageContaining("audit append failed");

        assertThat(factors.enrolment(account.id()).map(SecondFactors.Enrolment::confirmed))
                .isEqualTo(Optional.of(false));
        assertThat(factors.unusedRecoveryCodes(account.id())).isZero();
    }

    @Test
    void theEnrolmentAndItsAuditRowCommitTogether() {
        UserAccount account = enrolling();
        String code = firstCode(account.id());
        long before = enrolmentRows();

        assertThat(factors.confirm(account.id(), code)).isPresent();

        assertThat(factors.enrolment(account.id()).map(SecondFactors.Enrolment::confirmed))
                .isEqualTo(Optional.of(true));
        assertThat(enrolmentRows()).isEqualTo(before + 1);
    }
}
