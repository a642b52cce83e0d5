import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load generator of bench/incident-burst.sh: sends every line of a burst file (organisation, session,
 * CSRF token, submission key; each line twice for the double click) as the report form at the same moment, over
 * its own connection, follows the redirect to the acknowledgement page and reads the reference from it. Several
 * burst files are sent one after the other, five seconds apart, from the same (warm) JVM.
 *
 * <p>One JVM with asynchronous HTTP instead of a shell and a curl per request: forking 1,200 processes on the two
 * cores the application also runs on took more of the measured time than the application did. Run with the JDK's
 * single-file launcher: {@code java bench/Burst.java PORT WARMUP_FILE BURST_FILE...}. Prints one line per request,
 * "BURST ORGANISATION INC-…" or "BURST ORGANISATION no-reference-STATUS", and per burst "seconds BURST N" (from the
 * first send to the last acknowledgement); BURST counts from 1.
 *
 * <p>WARMUP_FILE (same format, a key of its own on every line; may be empty) is sent first, {@value #WAVE} reports at a time, each
 * twice, and is not measured: a server that has been running for a while has loaded, compiled and cached the
 * report's path (classes, templates, the JIT's code), and so has this generator; a server started a moment ago has
 * not, and would measure its own start-up.
 */
public class Burst {

    private static final Pattern REFERENCE = Pattern.compile("INC-[0-9A-F]{8}");

    private static final int WAVE = 20;

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:" + args[0];
        String noticed = LocalDateTime.now(ZoneId.of("Europe/Brussels"))
                .minusMinutes(20)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build();

        List<String[]> warmup = lines(Path.of(args[1]));
        if (!warmup.isEmpty()) {
            int acknowledged = 0;
            for (int from = 0; from < warmup.size(); from += WAVE) {
                List<String[]> wave = new ArrayList<>();
                for (String[] line : warmup.subList(from, Math.min(from + WAVE, warmup.size()))) {
                    wave.add(line);
                    wave.add(line);
                }
                List<CompletableFuture<String>> answers = send(client, base, wave, noticed);
                CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
                acknowledged += (int) answers.stream()
                        .filter(answer -> answer.join().contains(" INC-"))
                        .count();
            }
            System.err.printf("warm-up: %d of %d requests acknowledged%n", acknowledged, warmup.size() * 2);
            // Lets the server's compiler finish what the warm-up queued before the burst competes for the cores.
            Thread.sleep(3000);
        }

        for (int burst = 1; burst + 1 < args.length; burst++) {
            if (burst > 1) {
                Thread.sleep(5000);
            }
            List<String[]> lines = lines(Path.of(args[burst + 1]));
            long started = System.nanoTime();
            List<CompletableFuture<String>> answers = send(client, base, lines, noticed);
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - started) / 1e9;
            for (CompletableFuture<String> answer : answers) {
                System.out.println(burst + " " + answer.join());
            }
            System.out.printf("seconds %d %.2f%n", burst, seconds);
        }
    }

    /** Sends every line's report at once; each answer is "ORGANISATION INC-…" or "ORGANISATION no-reference-…". */
    private static List<CompletableFuture<String>> send(
            HttpClient client, String base, List<String[]> lines, String noticed) {
        List<HttpRequest> posts = new ArrayList<>();
        for (String[] line : lines) {
            posts.add(HttpRequest.newBuilder(URI.create(base + "/incidents/new"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Cookie", "BOLWERK_SESSION=" + line[1])
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(line, noticed)))
                    .build());
        }
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            String organisation = lines.get(i)[0];
            String session = lines.get(i)[1];
            answers.add(client.sendAsync(posts.get(i), HttpResponse.BodyHandlers.discarding())
                    .thenCompose(posted -> acknowledgement(client, base, session, posted))
                    .thenApply(answer -> organisation + " " + answer)
                    .exceptionally(failure -> organisation + " no-reference-" + failure.getClass().getSimpleName()));
        }
        return answers;
    }

    private static List<String[]> lines(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"))
                .collect(Collectors.toList());
    }

    /** The page the answer leads to, as a browser would load it: a redirect is followed with the same session. */
    private static CompletableFuture<String> acknowledgement(
            HttpClient client, String base, String session, HttpResponse<Void> posted) {
        if (posted.statusCode() / 100 != 3) {
            return CompletableFuture.completedFuture("no-reference-" + posted.statusCode());
        }
        String location = posted.headers().firstValue("Location").orElse("");
        HttpRequest page = HttpRequest.newBuilder(URI.create(base).resolve(location))
                .timeout(Duration.ofSeconds(120))
                .header("Cookie", "BOLWERK_SESSION=" + session)
                .GET()
                .build();
        return client.sendAsync(page, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            Matcher reference = REFERENCE.matcher(response.body());
            return response.statusCode() == 200 && reference.find()
                    ? reference.group()
                    : "no-reference-" + response.statusCode();
        });
    }

    /**
     * The form as a browser sends it from the page: every text field, empty ones included, the checkbox's marker and
     * the ransomware answers the page preselects; a ransomware report, still going on.
     */
    private static String form(String[] line, String noticed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", line[2]);
        fields.put("submissionKey", line[3]);
        fields.put("organisationId", line[0]);
        fields.put(
                "whatHappened",
                "Bestanden op de bestandsserver zijn versleuteld; een losgeldbrief staat op elk bureaublad.");
        fields.put("noticedAt", noticed);
        fields.put("startedAt", "");
        fields.put("howNoticed", "");
        fields.put("ongoing", "YES");
        fields.put("affectedSystems", "");
        fields.put("personalData", "UNKNOWN");
        fields.put("citizensAffected", "YES");
        fields.put("actionsTaken", "");
        fields.put("alreadyInformed", "");
        fields.put("callbackPhone", "+32 470 00 00 00");
        fields.put("ransomware", "true");
        fields.put("_ransomware", "on");
        fields.put("ransomNote", "YES");
        fields.put("leakSiteClaim", "UNKNOWN");
        fields.put("backupsAffected", "UNKNOWN");
        fields.put("adminAccountsCompromised", "UNKNOWN");
        fields.put("systemsIsolated", "NO");
        fields.put("policeComplaintNumber", "");
        fields.put("insurer", "");
        fields.put("insurerPolicy", "");
        fields.put("insurerNotifiedAt", "");
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Burst() {}
}
