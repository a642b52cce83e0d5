package be.bolwerk.assessment.document;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.assessment.evaluation.AnswerInput;
import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * All answers of an assessment as an Excel workbook, for officers who work offline, and back. A very hidden
 * sheet names the assessment and holds a fingerprint of its questions (SHA-256 over assessment, framework
 * version and the refs in order): a workbook of another assessment, or one whose questions were added,
 * removed or renumbered, is refused with the reason. The fingerprint catches mistakes, not forgery; whoever
 * imports must be allowed to answer the assessment anyway. Values are written as text or numbers, never as
 * formulas, and read back the same way.
 */
@Component
public class AnswerWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String FORMAT = "bolwerk-answers/1";
    private static final String META = "_bolwerk";
    private static final int MAX_ROWS = 6000;
    private static final int[] WIDTHS = {12, 30, 60, 14, 16, 16, 18, 40, 50};
    private static final String[] HEADERS = {
        "ref",
        "area",
        "question",
        "keyMeasure",
        "documentation",
        "implementation",
        "notApplicable",
        "justification",
        "comment"
    };

    private final MessageSource messages;

    AnswerWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    void write(SelfEvaluation view, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(text("assessment.workbook.sheet", locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle editable = workbook.createCellStyle();
            editable.setLocked(false);
            editable.setWrapText(true);
            CellStyle fixed = workbook.createCellStyle();
            fixed.setWrapText(true);

            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(text("assessment.workbook." + HEADERS[i], locale));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            String yes = text("assessment.workbook.yes", locale);
            String no = text("assessment.workbook.no", locale);
            int index = 1;
            List<String> refs = new ArrayList<>();
            for (FrameworkNode area : view.framework().areas()) {
                for (FrameworkNode control : area.controls()) {
                    refs.add(control.ref());
                    Answer answer = view.answers().get(control.ref());
                    Row row = sheet.createRow(index++);
                    cell(row, 0, control.ref(), fixed);
                    cell(row, 1, area.title(), fixed);
                    cell(
                            row,
                            2,
                            control.question() != null ? control.title() + ": " + control.question() : control.title(),
                            fixed);
                    cell(row, 3, control.keyMeasure() ? yes : no, fixed);
                    Cell documentation = row.createCell(4);
                    Cell implementation = row.createCell(5);
                    documentation.setCellStyle(editable);
                    implementation.setCellStyle(editable);
                    if (answer != null && answer.documentation() != null) {
                        documentation.setCellValue(answer.documentation());
                    }
                    if (answer != null && answer.implementation() != null) {
                        implementation.setCellValue(answer.implementation());
                    }
                    cell(row, 6, answer != null && answer.notApplicable() ? yes : "", editable);
                    cell(
                            row,
                            7,
                            answer == null || answer.justification() == null ? "" : answer.justification(),
                            editable);
                    cell(row, 8, answer == null || answer.comment() == null ? "" : answer.comment(), editable);
                }
            }
            int last = Math.max(1, index - 1);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidation levels = helper.createValidation(
                    helper.createExplicitListConstraint(new String[] {"0", "1", "2", "3", "4", "5"}),
                    new CellRangeAddressList(1, last, 4, 5));
            levels.setShowErrorBox(true);
            sheet.addValidationData(levels);
            DataValidation yesNo = helper.createValidation(
                    helper.createExplicitListConstraint(new String[] {yes, no}),
                    new CellRangeAddressList(1, last, 6, 6));
            yesNo.setShowErrorBox(true);
            sheet.addValidationData(yesNo);
            // Locks the question columns against accidental edits; not a security measure (no password).
            sheet.protectSheet("");

            Sheet meta = workbook.createSheet(META);
            Assessment assessment = view.assessment();
            meta.createRow(0).createCell(0).setCellValue(FORMAT);
            meta.createRow(1).createCell(0).setCellValue(assessment.id().toString());
            meta.createRow(2)
                    .createCell(0)
                    .setCellValue(assessment.frameworkVersionId().toString());
            meta.createRow(3)
                    .createCell(0)
                    .setCellValue(fingerprint(assessment.id(), assessment.frameworkVersionId(), refs));
            workbook.setSheetVisibility(workbook.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
            workbook.write(out);
        }
    }

    /** The answers in the workbook, by ref, for the rows that hold anything; refused as a whole otherwise. */
    Map<String, AnswerInput> read(InputStream in, SelfEvaluation view, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet meta = workbook.getSheet(META);
            if (meta == null || !FORMAT.equals(string(meta, 0))) {
                throw Refusal.invalid("assessment.workbook.foreign");
            }
            Assessment assessment = view.assessment();
            if (!assessment.id().toString().equals(string(meta, 1))) {
                throw Refusal.invalid("assessment.workbook.otherAssessment");
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw Refusal.invalid("assessment.workbook.altered");
            }
            List<String> refs = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String ref = row == null ? "" : text(row.getCell(0)).strip();
                if (!ref.isEmpty()) {
                    refs.add(ref);
                }
            }
            if (!fingerprint(assessment.id(), assessment.frameworkVersionId(), refs)
                    .equals(string(meta, 3))) {
                throw Refusal.invalid("assessment.workbook.altered");
            }
            return answers(sheet, locale);
        } catch (Refusal refused) {
            throw refused;
        } catch (IOException | RuntimeException unreadable) {
            throw Refusal.invalid("assessment.workbook.unreadable");
        }
    }

    private Map<String, AnswerInput> answers(Sheet sheet, Locale locale) {
        String yes = text("assessment.workbook.yes", locale).toLowerCase(Locale.ROOT);
        String no = text("assessment.workbook.no", locale).toLowerCase(Locale.ROOT);
        Map<String, AnswerInput> answers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || text(row.getCell(0)).isBlank()) {
                continue;
            }
            String ref = text(row.getCell(0)).strip();
            int shown = r + 1;
            Integer documentation = level(row.getCell(4), shown, problems, locale);
            Integer implementation = level(row.getCell(5), shown, problems, locale);
            String na = text(row.getCell(6)).strip().toLowerCase(Locale.ROOT);
            boolean notApplicable = na.equals(yes) || na.equals("ja") || na.equals("yes");
            if (!na.isEmpty() && !notApplicable && !na.equals(no) && !na.equals("nee") && !na.equals("no")) {
                problems.add(message("assessment.workbook.rowYesNo", locale, shown));
            }
            String justification = text(row.getCell(7)).strip();
            String comment = text(row.getCell(8)).strip();
            if (justification.length() > Answer.JUSTIFICATION_MAX || comment.length() > Answer.COMMENT_MAX) {
                problems.add(message("assessment.workbook.rowTooLong", locale, shown));
            }
            boolean empty = documentation == null
                    && implementation == null
                    && !notApplicable
                    && justification.isEmpty()
                    && comment.isEmpty();
            if (!empty) {
                answers.put(
                        ref,
                        new AnswerInput(
                                notApplicable ? null : documentation,
                                notApplicable ? null : implementation,
                                notApplicable,
                                justification.isEmpty() ? null : justification,
                                comment.isEmpty() ? null : comment,
                                null));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(
                    "assessment.workbook.invalidRows",
                    problems.subList(0, Math.min(20, problems.size())).toArray());
        }
        return answers;
    }

    private Integer level(Cell cell, int row, List<String> problems, Locale locale) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && value >= 0 && value <= 5) {
                return (int) value;
            }
        } else {
            String value = text(cell).strip();
            if (value.isEmpty()) {
                return null;
            }
            if (value.matches("[0-5]")) {
                return Integer.valueOf(value);
            }
        }
        problems.add(message("assessment.workbook.rowLevel", locale, row));
        return null;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                yield value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            }
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static String string(Sheet sheet, int row) {
        Row r = sheet.getRow(row);
        return r == null ? null : text(r.getCell(0));
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(
                value.length() > SpreadsheetVersion.EXCEL2007.getMaxTextLength()
                        ? value.substring(0, SpreadsheetVersion.EXCEL2007.getMaxTextLength())
                        : value);
        cell.setCellStyle(style);
    }

    static String fingerprint(UUID assessment, UUID framework, List<String> refs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    (assessment + "|" + framework + "|" + String.join(",", refs)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String message(String key, Locale locale, int row) {
        return messages.getMessage(key, new Object[] {String.valueOf(row)}, locale);
    }
}
