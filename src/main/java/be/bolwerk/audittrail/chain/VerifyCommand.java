package be.bolwerk.audittrail.chain;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Command-line verification for operators and cron jobs:
 * {@code java -jar bolwerk.jar --verify-audit-trail --spring.main.web-application-type=none} verifies the chain,
 * logs the outcome and exits with 0 when it is intact and 3 when it is broken. With
 * {@code --audit-checkpoint=N:HASH} (a line of the checkpoint log) it also checks that the chain still reaches
 * that point; a malformed checkpoint exits with 2.
 */
@Component
@Order(0)
class VerifyCommand implements ApplicationRunner {

    static final String OPTION = "verify-audit-trail";
    static final String CHECKPOINT_OPTION = "audit-checkpoint";
    static final int BROKEN = 3;
    static final int BAD_USAGE = 2;

    private static final Logger logger = LoggerFactory.getLogger(VerifyCommand.class);

    private final AuditLog log;
    private final ApplicationContext context;

    VerifyCommand(AuditLog log, ApplicationContext context) {
        this.log = log;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int code;
        if (!args.containsOption(CHECKPOINT_OPTION)) {
            code = check(null);
        } else {
            List<String> given = args.getOptionValues(CHECKPOINT_OPTION);
            Checkpoint known = given.size() == 1 ? Checkpoint.parse(given.get(0)) : null;
            if (known == null) {
                logger.error("--{} must be one position and HMAC as in the checkpoint log: N:HASH", CHECKPOINT_OPTION);
                code = BAD_USAGE;
            } else {
                code = check(known);
            }
        }
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Verifies and logs; returns the process exit code. */
    int check() {
        return check(null);
    }

    /** Verifies, also against a checkpoint kept outside the database when given, and logs; the exit code. */
    int check(Checkpoint known) {
        Verification verification = log.verify(known);
        if (verification.intact()) {
            logger.info("Audit trail intact: {} rows verified", verification.checked());
        } else {
            logger.error(
                    "Audit trail broken at row {} ({}); {} rows before it are intact",
                    verification.brokenAt(),
                    verification.problem(),
                    verification.checked());
        }
        return verification.intact() ? 0 : BROKEN;
    }
}
