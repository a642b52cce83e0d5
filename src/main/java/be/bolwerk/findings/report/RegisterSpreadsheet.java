package be.bolwerk.findings.report;

import be.bolwerk.findings.register.FindingList;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The register of one organisation as an Excel workbook, in the reader's language, with the filters of the page.
 * Every text cell is written as a string cell and every date as a date, never as a formula: a title like
 * {@code =HYPERLINK(...)} stays harmless text (formula injection, ADR 0031).
 */
@Component
class RegisterSpreadsheet {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] COLUMNS = {
        "title", "severity", "status", "source", "system", "owner", "due", "overdue"
    };

    private final MessageSource messages;

    RegisterSpreadsheet(MessageSource messages) {
        this.messages = messages;
    }

    void write(String organisation, LocalDate today, List<FindingList.Row> rows, Locale locale, OutputStream out)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(text("findings.report.sheet", locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));

            Row title = sheet.createRow(0);
            text(title, 0, organisation);
            title.getCell(0).setCellStyle(bold);
            date(title, 1, today, day);
            Row header = sheet.createRow(2);
            for (int i = 0; i < COLUMNS.length; i++) {
                text(header, i, text("findings.report.column." + COLUMNS[i], locale));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 0 ? 48 : 16) * 256);
            }
            sheet.createFreezePane(0, 3);
            int index = 3;
            String yes = text("findings.report.yes", locale);
            for (FindingList.Row r : rows) {
                Row row = sheet.createRow(index++);
                text(row, 0, r.title());
                text(row, 1, text("finding.severity." + r.severity(), locale));
                text(row, 2, text("finding.status." + r.status(), locale));
                text(row, 3, text("finding.source." + r.source(), locale));
                text(row, 4, r.affectedSystem());
                text(row, 5, r.ownerName());
                date(row, 6, r.dueDate(), day);
                text(row, 7, r.overdue() ? yes : "");
            }
            sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, index - 1), 0, COLUMNS.length - 1));
            workbook.write(out);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column, CellType.STRING).setCellValue(value);
        }
    }

    private static void date(Row row, int column, LocalDate value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column, CellType.NUMERIC);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
