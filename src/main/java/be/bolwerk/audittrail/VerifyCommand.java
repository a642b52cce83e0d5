package be.bolwerk.audittrail;

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
 * logs the outcome and exits with 0 when it is intact and 3 when it is broken.
 */
@Component
@Order(0)
class VerifyCommand implements ApplicationRunner {

    static final String OPTION = "verify-audit-trail";
    static final int BROKEN = 3;

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
        int code = check();
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Verifies and logs; returns the process exit code. */
    int check() {
        Verification verification = log.verify();
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
