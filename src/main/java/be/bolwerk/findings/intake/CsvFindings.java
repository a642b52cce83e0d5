package be.bolwerk.findings.intake;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.shared.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The generic findings CSV of vulnerability managers (DefectDojo's "Generic Findings Import": {@code Date, Title,
 * Severity, Description, Mitigation, Impact, References, CweId, VulnerabilityId, CVSSV3, CVSSV4, Url}) plus
 * Bolwerk's {@code Owner, DueDate, ExternalId, ControlRef}. Column names in any case and order; other columns
 * ({@code Active}, {@code Verified}, …) are ignored. RFC 4180 quoting, UTF-8 with or without a byte order mark,
 * commas or (when the header has no comma) semicolons.
 */
final class CsvFindings {

    static final String DATE = "Date";
    static final String TITLE = "Title";
    static final String SEVERITY = "Severity";
    static final String DESCRIPTION = "Description";
    static final String MITIGATION = "Mitigation";
    static final String IMPACT = "Impact";
    static final String REFERENCES = "References";
    static final String CWE = "CweId";
    static final String VULNERABILITY_ID = "VulnerabilityId";
    static final String CVSS3 = "CVSSV3";
    static final String CVSS4 = "CVSSV4";
    static final String URL = "Url";
    static final String OWNER = "Owner";
    static final String DUE_DATE = "DueDate";
    static final String EXTERNAL_ID = "ExternalId";
    static final String CONTROL_REF = "ControlRef";

    private static final CSVFormat COMMAS = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();

    /** What a spreadsheet in a Dutch or French locale writes when asked for CSV. */
    private static final CSVFormat SEMICOLONS =
            COMMAS.builder().setDelimiter(';').get();

    private CsvFindings() {}

    static IntakeResult read(String text, DateOrder chosen, int maxRows) {
        Lines lines = new Lines(text);
        List<CSVRecord> records = new ArrayList<>();
        List<String> header;
        try (CSVParser parser = CSVParser.parse(text, format(text))) {
            header = parser.getHeaderNames();
            checkHeader(header);
            for (CSVRecord record : parser) {
                if (records.size() == maxRows) {
                    throw Refusal.invalid("findings.intake.tooManyRows", maxRows);
                }
                records.add(record);
            }
        } catch (UncheckedIOException | IOException | IllegalStateException | IllegalArgumentException broken) {
            throw Refusal.invalid("findings.intake.csv.unreadable");
        }
        List<String> dates = records.stream()
                .flatMap(record -> Stream.of(value(record, DATE), value(record, DUE_DATE)))
                .filter(value -> value != null)
                .map(String::strip)
                .toList();
        DateOrder order = Dates.resolve(chosen, dates);
        boolean mixed = Dates.mixed(chosen, dates);

        List<Candidate> candidates = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<RepeatKey, Integer> keys = new HashMap<>();
        for (CSVRecord record : records) {
            RowCheck row = new RowCheck(lines.of(record.getCharacterPosition()));
            if (record.size() != header.size()) {
                row.error(null, "findings.intake.row.fields", record.size(), header.size());
                errors.addAll(row.errors());
                continue;
            }
            Candidate candidate = candidate(record, row, order, mixed);
            // a wrong row still holds its key: a second row with it is reported too, not only once the first is fixed
            if (candidate.repeatKey() != null) {
                Integer first = keys.putIfAbsent(candidate.repeatKey(), row.line);
                if (first != null) {
                    row.error(
                            candidate.repeatKey().kind() == RepeatKey.Kind.EXTERNAL_ID ? EXTERNAL_ID : null,
                            "findings.intake.row.repeated",
                            first);
                }
            }
            if (row.failed()) {
                errors.addAll(row.errors());
            } else {
                candidates.add(candidate);
            }
        }
        boolean writtenDates = dates.stream().anyMatch(value -> !value.matches("\\d{4}-.*"));
        return new IntakeResult(candidates, errors, writtenDates ? order : null);
    }

    /** Semicolons when the header line has them and no comma, as Excel writes CSV in Belgium; else commas. */
    private static CSVFormat format(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? SEMICOLONS : COMMAS;
    }

    private static void checkHeader(List<String> header) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : header) {
            if (!name.isBlank() && !names.add(name.strip())) {
                throw Refusal.invalid("findings.intake.csv.duplicateColumn", RowCheck.shorten(name.strip()));
            }
        }
        if (!names.contains(TITLE)) {
            throw Refusal.invalid("findings.intake.csv.noTitleColumn", TITLE);
        }
        if (!names.contains(SEVERITY) && !names.contains(CVSS3) && !names.contains(CVSS4)) {
            throw Refusal.invalid("findings.intake.csv.noSeverityColumn", SEVERITY);
        }
    }

    /** The row as a candidate, with null where a value was wrong; {@code row} holds what was. */
    private static Candidate candidate(CSVRecord record, RowCheck row, DateOrder order, boolean mixed) {
        String title = row.text(TITLE, value(record, TITLE), RowCheck.SHORT);
        if (title == null && !row.failed()) {
            row.error(TITLE, "findings.intake.row.titleMissing");
        }
        CvssVector cvss3 = row.cvss(CVSS3, value(record, CVSS3), true);
        CvssVector cvss4 = row.cvss(CVSS4, value(record, CVSS4), false);
        CvssVector cvss = cvss4 != null ? cvss4 : cvss3;
        Severity severity = row.severity(SEVERITY, value(record, SEVERITY));
        if (severity == null && blank(value(record, SEVERITY))) {
            if (cvss != null) {
                severity = cvss.severity();
            } else if (!row.failed()) {
                row.error(SEVERITY, "findings.intake.row.severityMissing");
            }
        }
        String url = row.text(URL, value(record, URL), RowCheck.SYSTEM);
        String externalId = row.text(EXTERNAL_ID, value(record, EXTERNAL_ID), RowCheck.SHORT);
        String vulnerabilityId = row.text(VULNERABILITY_ID, value(record, VULNERABILITY_ID), RowCheck.SHORT);
        String references = row.text(REFERENCES, value(record, REFERENCES), RowCheck.LONG);
        return new Candidate(
                row.line,
                null,
                title,
                row.text(DESCRIPTION, value(record, DESCRIPTION), RowCheck.LONG),
                row.text(IMPACT, value(record, IMPACT), RowCheck.LONG),
                severity,
                row.text(MITIGATION, value(record, MITIGATION), RowCheck.LONG),
                url,
                null,
                externalId,
                vulnerabilityId,
                row.cwe(CWE, value(record, CWE)),
                cvss,
                references == null ? List.of() : List.of(references),
                row.address(OWNER, value(record, OWNER)),
                date(row, DATE, value(record, DATE), order, mixed),
                date(row, DUE_DATE, value(record, DUE_DATE), order, mixed),
                row.text(CONTROL_REF, value(record, CONTROL_REF), RowCheck.SHORT),
                repeatKey(externalId, vulnerabilityId, url));
    }

    /** The file's own id first; else the vulnerability on its system; else none (ADR 0027). */
    private static RepeatKey repeatKey(String externalId, String vulnerabilityId, String system) {
        if (externalId != null) {
            return RepeatKey.externalId(externalId);
        }
        if (vulnerabilityId != null && system != null) {
            return RepeatKey.vulnerabilityOn(vulnerabilityId, system);
        }
        return null;
    }

    private static LocalDate date(RowCheck row, String column, String value, DateOrder order, boolean mixed) {
        String text = row.text(column, value, RowCheck.SHORT);
        if (text == null) {
            return null;
        }
        try {
            return Dates.read(text, order, mixed);
        } catch (Dates.Unreadable unreadable) {
            String key = switch (unreadable.problem) {
                case AMBIGUOUS -> "findings.intake.row.dateAmbiguous";
                case MIXED -> "findings.intake.row.dateMixed";
                case INVALID ->
                    order == null
                            ? "findings.intake.row.dateInvalid"
                            : "findings.intake.row.dateInvalid." + order.name().toLowerCase(Locale.ROOT);
            };
            row.error(column, key, RowCheck.shorten(text));
            return null;
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Line numbers from character positions, so a quoted value over several lines does not shift them. */
    private static final class Lines {
        private final int[] starts;

        Lines(String text) {
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The 1-based line of the character at {@code position}. */
        int of(long position) {
            int index = Arrays.binarySearch(starts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
