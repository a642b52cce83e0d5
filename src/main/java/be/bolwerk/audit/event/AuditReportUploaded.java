package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.util.UUID;

/** The auditor uploaded the report (a PDF, checked by content). */
public record AuditReportUploaded(
        AuditOrderId id, String reference, UUID organisationId, UUID partnerId, String fileName, long size)
        implements AuditOrderEvent {}
