package be.bolwerk.organisation.web;

import be.bolwerk.organisation.OrganisationListItem;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The organisation list as an Excel workbook, in the reader's language. Values are written as plain text and
 * numbers, never as formulas, so a name like {@code =HYPERLINK(...)} stays harmless text.
 */
@Component
class OrganisationSpreadsheet {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] COLUMNS = {"name", "type", "nisCode", "inhabitants", "staffCount", "contactEmail"};
    private static final int[] WIDTHS = {40, 30, 12, 14, 16, 45};

    private final MessageSource messages;

    OrganisationSpreadsheet(MessageSource messages) {
        this.messages = messages;
    }

    void write(List<OrganisationListItem> organisations, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(text("organisation.list.title", locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(text("organisation.field." + COLUMNS[i], locale));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);

            int rowIndex = 1;
            for (OrganisationListItem organisation : organisations) {
                Row row = sheet.createRow(rowIndex++);
                row.createCell(0).setCellValue(organisation.name());
                row.createCell(1).setCellValue(text("organisation.type." + organisation.type(), locale));
                row.createCell(2).setCellValue(organisation.nisCode() == null ? "" : organisation.nisCode());
                if (organisation.inhabitants() != null) {
                    row.createCell(3).setCellValue(organisation.inhabitants());
                }
                if (organisation.staffCount() != null) {
                    row.createCell(4).setCellValue(organisation.staffCount());
                }
                row.createCell(5).setCellValue(organisation.contactEmail());
            }
            sheet.setAutoFilter(
                    new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, COLUMNS.length - 1));
            workbook.write(out);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
