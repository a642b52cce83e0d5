import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load generator of bench/incident-burst.sh: sends every line of a burst file (organisation, session,
 * CSRF token, submission key; each line twice for the double click) as the report form at the same moment, over
 * its own connection, and reads the reference from the acknowledgement the form answers (ADR 0048); an answer that
 * redirects is followed on that connection, as a browser does. Several burst files are sent one after the other,
 * five seconds apart, from the same (warm) JVM.
 *
 * <p>The generator shares the machine's two cores with the server, so it must cost as little as it can: every
 * request's bytes are made before the clock starts, and one thread drives all connections with a selector and
 * reads just enough HTTP/1.1 to find the status, the redirect and the end of the answer. The JDK's HttpClient,
 * used before, spent 1.4–1.7 CPU seconds per burst of 1,200 exchanges (docs/performance.md): a fifth of the
 * machine, which a real burst (300 organisations, 300 browsers elsewhere) does not take from the server.
 *
 * <p>Run with the JDK's single-file launcher: {@code java bench/Burst.java PORT WARMUP_FILE BURST_FILE...}. Prints
 * one line per request, "BURST ORGANISATION INC-…" or "BURST ORGANISATION no-reference-WHY", and per burst "seconds
 * BURST N" (from the first send to the last acknowledgement) and "cpu BURST machine M server S generator G" (CPU
 * seconds spent meanwhile, from /proc); BURST counts from 1. BURST_SERVER_PID names the server's process.
 *
 * <p>WARMUP_FILE (same format, a key of its own on every line; may be empty) is sent first, {@value #WAVE} reports
 * at a time, each twice, and is not measured: a server that has been running for a while has loaded, compiled and
 * cached the report's path (classes, templates, the JIT's code), and so has this generator; a server started a
 * moment ago has not, and would measure its own start-up.
 */
public class Burst {

    private static final Pattern REFERENCE = Pattern.compile("INC-[0-9A-F]{8}");

    private static final int WAVE = 20;

    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
        long pid = Long.parseLong(System.getenv().getOrDefault("BURST_SERVER_PID", "0"));
        String noticed = LocalDateTime.now(ZoneId.of("Europe/Brussels"))
                .minusMinutes(20)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));

        List<String[]> warmup = lines(Path.of(args[1]));
        if (!warmup.isEmpty()) {
            int acknowledged = 0;
            for (int from = 0; from < warmup.size(); from += WAVE) {
                List<String[]> wave = new ArrayList<>();
                for (String[] line : warmup.subList(from, Math.min(from + WAVE, warmup.size()))) {
                    wave.add(line);
                    wave.add(line);
                }
                for (String answer : send(server, wave, noticed)) {
                    acknowledged += answer.contains(" INC-") ? 1 : 0;
                }
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
            List<Exchange> exchanges = exchanges(server, lines, noticed);
            Cpu before = Cpu.now(pid);
            long started = System.nanoTime();
            run(exchanges);
            double seconds = (System.nanoTime() - started) / 1e9;
            Cpu spent = Cpu.now(pid).minus(before);
            for (Exchange exchange : exchanges) {
                System.out.println(burst + " " + exchange.answer());
            }
            System.out.printf("seconds %d %.2f%n", burst, seconds);
            System.out.printf(
                    "cpu %d machine %.2f server %.2f generator %.2f%n",
                    burst, spent.machine, spent.server, spent.generator);
        }
    }

    private static List<String> send(InetSocketAddress server, List<String[]> lines, String noticed)
            throws IOException {
        List<Exchange> exchanges = exchanges(server, lines, noticed);
        run(exchanges);
        return exchanges.stream().map(Exchange::answer).collect(Collectors.toList());
    }

    private static List<Exchange> exchanges(InetSocketAddress server, List<String[]> lines, String noticed) {
        List<Exchange> exchanges = new ArrayList<>();
        for (String[] line : lines) {
            exchanges.add(new Exchange(server, line[0], line[1], post(line, noticed)));
        }
        return exchanges;
    }

    /** Opens every exchange's connection at once and drives them all until each has its answer or failed. */
    private static void run(List<Exchange> exchanges) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        try (Selector selector = Selector.open()) {
            int open = exchanges.size();
            for (Exchange exchange : exchanges) {
                try {
                    exchange.connect(selector);
                } catch (IOException e) {
                    // A connection the machine refuses (no ports, no file handles) is that report's failure only.
                    exchange.fail(e.getClass().getSimpleName());
                    open--;
                }
            }
            while (open > 0 && System.nanoTime() < deadline) {
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    Exchange exchange = (Exchange) key.attachment();
                    try {
                        exchange.ready(key, selector);
                    } catch (IOException | RuntimeException e) {
                        // A broken connection or an answer that is no HTTP: that report fails, the others go on.
                        exchange.fail(e.getClass().getSimpleName());
                    }
                    if (exchange.done()) {
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
            for (Exchange exchange : exchanges) {
                if (!exchange.done()) {
                    exchange.fail("timeout");
                }
            }
        }
    }

    /**
     * One report: the form on a connection of its own, and when it answers with a redirect, the page it names on
     * the same connection (a new one if the server closed it). Reads an answer to its end by Content-Length, chunked
     * encoding or the connection's close.
     */
    private static final class Exchange {

        private final InetSocketAddress server;
        private final String organisation;
        private final String session;
        private SocketChannel channel;
        private ByteBuffer out;
        private final ByteArrayOutputStream in = new ByteArrayOutputStream(16384);
        private final ByteBuffer buffer = ByteBuffer.allocate(16384);
        private boolean following;
        private String answer;

        Exchange(InetSocketAddress server, String organisation, String session, byte[] post) {
            this.server = server;
            this.organisation = organisation;
            this.session = session;
            this.out = ByteBuffer.wrap(post);
        }

        void connect(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (channel.connect(server)) {
                channel.register(selector, SelectionKey.OP_WRITE, this);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        }

        void ready(SelectionKey key, Selector selector) throws IOException {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
            } else if (key.isWritable()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            } else if (key.isReadable()) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read > 0) {
                    in.write(buffer.array(), 0, read);
                }
                Response response = Response.of(in.toByteArray(), read < 0);
                if (response != null) {
                    answered(response, key, selector);
                } else if (read < 0) {
                    fail("closed");
                }
            }
        }

        private void answered(Response response, SelectionKey key, Selector selector) throws IOException {
            in.reset();
            String location = response.header("location");
            if (!following && response.status / 100 == 3 && location != null) {
                following = true;
                out = ByteBuffer.wrap(get(location.replaceFirst("^https?://[^/]+", ""), session));
                if (response.closes()) {
                    key.cancel();
                    channel.close();
                    connect(selector);
                } else {
                    key.interestOps(SelectionKey.OP_WRITE);
                }
                return;
            }
            Matcher reference = REFERENCE.matcher(response.body);
            answer = response.status == 200 && reference.find() ? reference.group() : "no-reference-" + response.status;
            close();
        }

        void fail(String why) {
            if (answer == null) {
                answer = "no-reference-" + why;
            }
            close();
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // Closing a connection whose answer is known: nothing left to lose.
            }
        }

        boolean done() {
            return answer != null;
        }

        String answer() {
            return organisation + " " + (answer == null ? "no-reference-timeout" : answer);
        }
    }

    /** An HTTP/1.1 answer once complete: its status, lower-cased headers and body (ISO-8859-1: only ASCII is read). */
    private record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        boolean closes() {
            return "close".equalsIgnoreCase(headers.get("connection"));
        }

        /** The answer in these bytes, or null while it is still incomplete. */
        static Response of(byte[] bytes, boolean ended) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return null;
            }
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            int status = Integer.parseInt(head[0].split(" ")[1]);
            String body = text.substring(end + 4);
            String length = headers.get("content-length");
            if (length != null) {
                int expected = Integer.parseInt(length);
                return body.length() >= expected ? new Response(status, headers, body.substring(0, expected)) : null;
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                return body.endsWith("0\r\n\r\n") ? new Response(status, headers, body) : null;
            }
            return ended ? new Response(status, headers, body) : null;
        }
    }

    private static byte[] post(String[] line, String noticed) {
        byte[] body = form(line, noticed).getBytes(StandardCharsets.UTF_8);
        String head = "POST /incidents/new HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Cookie: BOLWERK_SESSION=" + line[1] + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        return request;
    }

    private static byte[] get(String path, String session) {
        return ("GET " + path + " HTTP/1.1\r\n"
                        + "Host: localhost\r\n"
                        + "Cookie: BOLWERK_SESSION=" + session + "\r\n"
                        + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String[]> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"))
                .collect(Collectors.toList());
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

    /**
     * CPU seconds spent so far, from /proc: the whole machine (busy time of every core, steal excluded), the server's
     * process (0 when its id is not known) and this generator's. The difference of two shows where a burst's cores
     * went; the rest of the machine's is PostgreSQL and the system.
     */
    private record Cpu(double machine, double server, double generator) {

        private static final double TICKS = 100.0;

        static Cpu now(long server) throws IOException {
            String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: busy = user + nice + system + irq + softirq.
            long busy = Long.parseLong(all[1]) + Long.parseLong(all[2]) + Long.parseLong(all[3])
                    + Long.parseLong(all[6]) + Long.parseLong(all[7]);
            return new Cpu(busy / TICKS, server == 0 ? 0 : process(server), process(ProcessHandle.current().pid()));
        }

        /** utime + stime of a process; its command name is in parentheses and may hold spaces, so split after it. */
        private static double process(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(machine - earlier.machine, server - earlier.server, generator - earlier.generator);
        }
    }

    private Burst() {}
}
