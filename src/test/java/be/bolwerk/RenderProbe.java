package be.bolwerk;

import static be.bolwerk.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import com.sun.management.ThreadMXBean;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * Where a page's cost goes, measured inside one JVM (bench/render-probe.sh; not part of the suite, it runs only
 * when {@code -Dprobe} names pages). For each page it serves, in turns, the page itself, the same HTML as a
 * template without a single expression (what Thymeleaf costs for walking that much markup), and a one-line
 * template (what the request costs without rendering: filters, session, controller, database). Each turn runs
 * the same handler and model; only the view changes. It reports the thread's CPU time per request (moves with
 * the machine's load) and the bytes it allocated per request (does not: the steady figure on a shared machine).
 *
 * <p>{@code -Dprobe=PERSONA|path;;PERSONA|path}, {@code -Dprobe.n} requests per turn, {@code -Dprobe.rounds}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RenderProbe.Views.class)
@EnabledIfSystemProperty(named = "probe", matches = ".+")
class RenderProbe {

    private static final String VIEW_HEADER = "X-Probe-View";
    private static final String STATIC = "probe-static-";
    private static final Map<String, String> STATIC_PAGES = new ConcurrentHashMap<>();

    /** Swaps the view a handler chose for the one the request names, and serves captured pages as templates. */
    @TestConfiguration
    static class Views {

        @Bean
        WebMvcConfigurer probeViews() {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new HandlerInterceptor() {
                        @Override
                        public void postHandle(
                                HttpServletRequest request,
                                HttpServletResponse response,
                                Object handler,
                                ModelAndView view) {
                            String swapped = request.getHeader(VIEW_HEADER);
                            if (swapped != null && view != null) {
                                view.setViewName(swapped);
                            }
                        }
                    });
                }
            };
        }

        /** Cached like the application's own templates, so the static turn is parsed once as they are. */
        @Bean
        ITemplateResolver probeStaticPages() {
            StringTemplateResolver resolver = new StringTemplateResolver() {
                @Override
                protected ITemplateResource computeTemplateResource(
                        IEngineConfiguration configuration,
                        String ownerTemplate,
                        String template,
                        Map<String, Object> attributes) {
                    return new StringTemplateResource(STATIC_PAGES.get(template));
                }
            };
            resolver.setResolvablePatterns(Set.of(STATIC + "*"));
            resolver.setTemplateMode(TemplateMode.HTML);
            resolver.setCacheable(true);
            resolver.setOrder(0);
            return resolver;
        }
    }

    private record Turn(String label, String view) {}

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    RenderProbe(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @Test
    void probe() throws Exception {
        copyFindings(Integer.getInteger("probe.findingCopies", 0));
        for (String page : System.getProperty("probe").split(";;")) {
            String[] parts = page.split("\\|", 2);
            measure(user(parts[0]), parts[1]);
        }
    }

    /** Copies of the demo findings (new ids), so that a register page shows full pages of 25 rows. */
    private void copyFindings(int copies) {
        List<String> columns = jdbc.sql("SELECT LOWER(column_name) FROM information_schema.columns"
                        + " WHERE LOWER(table_name) = 'finding' AND LOWER(column_name) <> 'id'")
                .query(String.class)
                .list();
        String list = String.join(", ", columns);
        for (int i = 0; i < copies; i++) {
            jdbc.sql("INSERT INTO finding (id, " + list + ") SELECT RANDOM_UUID(), " + list + " FROM finding")
                    .update();
            RegisterWrites.moved(jdbc);
        }
    }

    /** A persona, or {@code ORGANISATION_ADMIN@Gemeente Appelkerke}: an admin of that demo organisation. */
    private CurrentUser user(String who) {
        if (!who.contains("@")) {
            return TestUsers.persona(Persona.valueOf(who));
        }
        String[] parts = who.split("@", 2);
        UUID organisation = jdbc.sql("SELECT id FROM organisation WHERE name = :name")
                .param("name", parts[1])
                .query(UUID.class)
                .single();
        return TestUsers.member(organisation, OrganisationRole.valueOf(parts[0]));
    }

    private void measure(CurrentUser persona, String path) throws Exception {
        String key = STATIC + STATIC_PAGES.size();
        STATIC_PAGES.put(key, render(persona, path, null));
        STATIC_PAGES.put(key + "-empty", "<!DOCTYPE html>\n<html lang=\"nl\"><body><p>.</p></body></html>\n");
        List<Turn> turns = new ArrayList<>(List.of(
                new Turn("page", null), new Turn("same HTML, static", key), new Turn("no rendering", key + "-empty")));
        // Variants of the page's template (-Dprobe.views), rendered from the same handler and model.
        for (String view : System.getProperty("probe.views", "").split(",")) {
            if (!view.isBlank()) {
                turns.add(new Turn(view, view));
            }
        }
        String html = System.getProperty("probe.html", "");
        if (!html.isBlank()) {
            for (Turn turn : turns) {
                if (turn.view() == null || !turn.view().startsWith(STATIC)) {
                    String name = turn.view() == null ? "page" : turn.view().replace('/', '_');
                    Files.writeString(Path.of(html, name + ".html"), render(persona, path, turn.view()));
                }
            }
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        int perTurn = Integer.getInteger("probe.n", 200);
        int rounds = Integer.getInteger("probe.rounds", 10);
        List<List<Double>> cpu = new ArrayList<>();
        long[] allocated = new long[turns.size()];
        turns.forEach(t -> cpu.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int t = 0; t < turns.size(); t++) {
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long nanos = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perTurn; i++) {
                    render(persona, path, turns.get(t).view());
                }
                // The first third of the rounds warms the JIT up and is left out.
                if (round >= rounds / 3) {
                    cpu.get(t).add((threads.getCurrentThreadCpuTime() - nanos) / 1000.0 / perTurn);
                    allocated[t] = (threads.getCurrentThreadAllocatedBytes() - bytes) / perTurn;
                }
            }
        }
        StringBuilder report = new StringBuilder(persona.getUsername() + " " + path + "\n");
        for (int t = 0; t < turns.size(); t++) {
            double[] sorted = cpu.get(t).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            report.append(String.format(
                    "  %-28s cpu median %6.0f µs, min %6.0f µs   allocated %6d kB per request%n",
                    turns.get(t).label(), sorted[sorted.length / 2], sorted[0], allocated[t] / 1024));
        }
        report.append(String.format("  page HTML %d kB%n", STATIC_PAGES.get(key).length() / 1024));
        // The bench script prints this file; the test's own output is Maven's log, kept apart.
        Files.writeString(
                Path.of(System.getProperty("probe.out", "target/render-probe.txt")),
                report,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private String render(CurrentUser persona, String path, String view) throws Exception {
        var request = get(path).with(signedIn(persona));
        if (view != null) {
            request.header(VIEW_HEADER, view);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }
}
