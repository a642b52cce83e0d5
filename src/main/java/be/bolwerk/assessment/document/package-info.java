/** The documents a self-evaluation travels in: the Excel workbook of its answers (out and back in) and the PDF report with its radar chart. */
package be.bolwerk.assessment.document;
