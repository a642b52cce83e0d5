package be.bolwerk.identity.account;

import java.io.PrintStream;
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
 * First run of a production installation:
 * {@code java -jar bolwerk.jar --create-platform-admin someone@example.org --spring.main.web-application-type=none}
 * prints a single-use enrolment link (48 hours) and exits: 0 when issued, 2 when a platform admin already
 * exists (add {@code --force} to issue one anyway), 64 when the address is missing or malformed. The link goes to
 * standard output only — the operator's own terminal — and never to the log, which may be shipped elsewhere.
 * Needs nothing from the web stack, so it runs with or without a web server.
 */
@Component
@Order(1)
public class CreatePlatformAdminCommand implements ApplicationRunner {

    static final String OPTION = "create-platform-admin";
    static final String FORCE = "force";
    static final int ADMIN_EXISTS = 2;
    static final int USAGE = 64;

    private static final Logger log = LoggerFactory.getLogger(CreatePlatformAdminCommand.class);

    private final FirstPlatformAdmin firstAdmin;
    private final ApplicationContext context;

    CreatePlatformAdminCommand(FirstPlatformAdmin firstAdmin, ApplicationContext context) {
        this.firstAdmin = firstAdmin;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int code = execute(args, System.out);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Issues the link and writes the outcome for the operator; returns the process exit code. */
    int execute(ApplicationArguments args, PrintStream out) {
        String email = address(args);
        FirstPlatformAdmin.Outcome outcome = firstAdmin.issue(email, args.containsOption(FORCE));
        switch (outcome.result()) {
            case ISSUED -> {
                out.println("Enrolment link for the platform admin " + email.strip()
                        + " (valid for 48 hours, works once):");
                out.println(outcome.link());
                out.println("Open it, choose a password, then sign in and set up the authenticator app.");
                log.info("Platform admin enrolment link issued on the command line");
                return 0;
            }
            case ADMIN_EXISTS -> {
                out.println("Refused: a platform admin already exists. Platform admins invite people at /admin/users;"
                        + " add --force to issue an enrolment link anyway (it is audited).");
                return ADMIN_EXISTS;
            }
            default -> {
                out.println("Usage: --create-platform-admin=someone@example.org [--force]");
                return USAGE;
            }
        }
    }

    /** {@code --create-platform-admin=a@b} or {@code --create-platform-admin a@b} (then a plain argument). */
    private static String address(ApplicationArguments args) {
        List<String> values = args.getOptionValues(OPTION);
        if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
            return values.get(0);
        }
        return args.getNonOptionArgs().stream()
                .filter(a -> a.contains("@"))
                .findFirst()
                .orElse(null);
    }
}
