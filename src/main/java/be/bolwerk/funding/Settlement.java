package be.bolwerk.funding;

import java.math.BigDecimal;

/**
 * How an invoice was shared: the base the share applied to (the total, or the amount excluding VAT when the
 * line says so), the programme's and the organisation's part. The organisation's part is the invoice total
 * minus the programme's, so the two always add up to the invoice.
 */
public record Settlement(CommitmentId id, BigDecimal base, BigDecimal programmeShare, BigDecimal organisationShare) {}
