package be.bolwerk.campaign.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The completion overview as an Excel workbook, like the organisation export: values written as values, never
 * as formulas. Text cells carry the text format {@code @} as well, so Excel leaves a name like {@code =1+1} or a
 * date-like reason as typed instead of converting it when someone edits the cell.
 */
@Component
class CompletionSpreadsheet {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] COLUMNS = {
        "organisation", "type", "state", "progress", "percent", "lastActivity", "deadline", "extension", "lastReminder"
    };
    private static final int[] WIDTHS = {40, 28, 16, 22, 10, 18, 14, 50, 18};

    private final MessageSource messages;

    CompletionSpreadsheet(MessageSource messages) {
        this.messages = messages;
    }

    void write(String campaign, List<CompletionLine> rows, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(campaign));
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(messages.getMessage("campaign.column." + COLUMNS[i], null, locale));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);

            int index = 1;
            for (CompletionLine line : rows) {
                Row row = sheet.createRow(index++);
                text(row, 0, line.organisation(), text);
                text(row, 1, line.type(), text);
                text(row, 2, line.stateLabel(), text);
                text(row, 3, line.progress(), text);
                row.createCell(4).setCellValue(line.percent());
                text(row, 5, line.lastActivity(), text);
                text(row, 6, line.deadline(), text);
                text(row, 7, line.extensionReason() == null ? "" : line.extensionReason(), text);
                text(row, 8, line.lastReminder(), text);
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, index - 1), 0, COLUMNS.length - 1));
            workbook.write(out);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
