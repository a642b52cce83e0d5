package be.bolwerk.funding.web;

import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.ledger.LedgerEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
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
 * The ledger of one line as an Excel workbook, in the reader's language. Every text cell is written as a string
 * cell and every amount as a number with two decimals, never as a formula: a reference or invoice number like
 * {@code =HYPERLINK(...)} stays harmless text.
 */
@Component
class LedgerSpreadsheet {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] COLUMNS = {
        "reference",
        "status",
        "committedOn",
        "amount",
        "invoiceNumber",
        "invoiceDate",
        "supplier",
        "amountExcludingVat",
        "vat",
        "invoiceTotal",
        "programmeShare",
        "organisationShare",
        "settledOn"
    };

    private final MessageSource messages;

    LedgerSpreadsheet(MessageSource messages) {
        this.messages = messages;
    }

    void write(BudgetLineSummary line, List<LedgerEntry> entries, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(text("funding.ledger.sheet", locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));

            Row title = sheet.createRow(0);
            text(title, 0, line.name() + " (" + line.year() + ")");
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            for (int i = 0; i < COLUMNS.length; i++) {
                text(header, i, text("funding.ledger." + COLUMNS[i], locale));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 0 ? 36 : 16) * 256);
            }
            sheet.createFreezePane(0, 3);
            int rowIndex = 3;
            for (LedgerEntry e : entries) {
                Row row = sheet.createRow(rowIndex++);
                text(row, 0, e.reference());
                text(row, 1, text("funding.status." + e.status(), locale));
                date(row, 2, e.committedOn(), day);
                amount(row, 3, e.amount(), money);
                text(row, 4, e.invoiceNumber());
                date(row, 5, e.invoiceDate(), day);
                text(row, 6, e.supplierCompanyNumber());
                amount(row, 7, e.amountExcludingVat(), money);
                amount(row, 8, e.vat(), money);
                amount(row, 9, e.invoiceTotal(), money);
                amount(row, 10, e.programmeShare(), money);
                amount(row, 11, e.organisationShare(), money);
                date(row, 12, e.paidOn() != null ? e.paidOn() : e.releasedOn(), day);
            }
            sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, rowIndex - 1), 0, COLUMNS.length - 1));
            workbook.write(out);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            var cell = row.createCell(column, CellType.STRING);
            cell.setCellValue(value);
        }
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column, CellType.NUMERIC);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
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
