package be.bolwerk.incident.obligation.web;

import be.bolwerk.incident.obligation.BreachRegister;
import be.bolwerk.shared.BelgianTime;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The breach register as an Excel workbook, in the reader's language, moments in Brussels time. Values are
 * written as plain text, never as formulas, so a description like {@code =HYPERLINK(...)} stays harmless text.
 */
@Component
class BreachSpreadsheet {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] COLUMNS = {
        "organisation",
        "reference",
        "personalDataKnownAt",
        "whatHappened",
        "breachReason",
        "recipient",
        "notification",
        "due",
        "submittedAt",
        "reason"
    };
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(BelgianTime.ZONE);

    private final MessageSource messages;

    BreachSpreadsheet(MessageSource messages) {
        this.messages = messages;
    }

    void write(
            List<BreachRegister.Entry> entries,
            Map<UUID, String> names,
            String covered,
            Locale locale,
            OutputStream out)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(text("incident.breachRegister.title", locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            // The first row says whose register it is, also when it has no breach (yet).
            sheet.createRow(0)
                    .createCell(0)
                    .setCellValue(covered == null ? text("incident.breachRegister.all", locale) : covered);
            Row header = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(text("incident.breachRegister.column." + COLUMNS[i], locale));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, 24 * 256);
            }
            sheet.createFreezePane(0, 2);
            int index = 2;
            for (BreachRegister.Entry e : entries) {
                Row row = sheet.createRow(index++);
                row.createCell(0).setCellValue(names.getOrDefault(e.organisationId(), ""));
                row.createCell(1).setCellValue(e.reference());
                row.createCell(2).setCellValue(moment(e.personalDataKnownAt()));
                row.createCell(3).setCellValue(e.whatHappened());
                row.createCell(4).setCellValue(e.breachReason() == null ? "" : e.breachReason());
                row.createCell(5)
                        .setCellValue(
                                e.recipient() == null
                                        ? ""
                                        : text("incident.obligation.recipient." + e.recipient(), locale));
                row.createCell(6)
                        .setCellValue(
                                e.notification() == null
                                        ? text("incident.breachRegister.noNotification", locale)
                                        : text("incident.obligation.state." + e.notification(), locale));
                row.createCell(7).setCellValue(moment(e.dueAt()));
                row.createCell(8).setCellValue(moment(e.submittedAt()));
                row.createCell(9).setCellValue(e.notApplicableReason() == null ? "" : e.notApplicableReason());
            }
            workbook.write(out);
        }
    }

    private static String moment(Instant moment) {
        return moment == null ? "" : SHOWN.format(moment);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
