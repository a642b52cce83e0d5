package be.bolwerk.identity;

import be.bolwerk.identity.factor.Totp;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authenticator of the demo accounts, for tests that sign in the way a person does. The secret is the
 * published demo value from application-demo.yaml.
 */
public final class DemoTotp {

    public static final String SECRET = "BOLWERKDEMOONLYBOLWERKDEMOONLY23";

    private DemoTotp() {}

    public static String currentCode() {
        return codeAt(Instant.now().getEpochSecond() / Totp.PERIOD_SECONDS);
    }

    /**
     * Lets the account use the current code again. Codes work once; tests that sign the same demo account in
     * twice within 30 seconds would otherwise be refused, as they should be in real life.
     */
    public static void forgetUsedCodes(JdbcClient jdbc, String email) {
        jdbc.sql("""
                        UPDATE totp_enrolment SET last_used_step = 0
                        WHERE user_account_id = (SELECT id FROM user_account WHERE email = :email)
                        """).param("email", email).update();
    }

    /** The current code of any authenticator secret, for a test that enrols an app of its own. */
    public static String currentCodeOf(String secret) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                    .generate(secret, Instant.now().getEpochSecond() / Totp.PERIOD_SECONDS);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String codeAt(long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(SECRET, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code that is certainly not accepted now (the authenticator accepts the neighbouring steps too). */
    public static String wrongCode() {
        long now = Instant.now().getEpochSecond() / Totp.PERIOD_SECONDS;
        List<String> near = List.of(codeAt(now - 1), codeAt(now), codeAt(now + 1));
        for (int candidate = 0; ; candidate++) {
            String code = "%06d".formatted(candidate);
            if (!near.contains(code)) {
                return code;
            }
        }
    }
}
