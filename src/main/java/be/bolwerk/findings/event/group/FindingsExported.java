package be.bolwerk.findings.event.group;

import java.util.UUID;

/**
 * A person took the register of an organisation out of Bolwerk: {@code what} names the file (the XLSX register with
 * its filters, or the PDF improvement plan) and {@code rows} how many findings it holds.
 */
public record FindingsExported(UUID organisationId, String what, int rows) {}
