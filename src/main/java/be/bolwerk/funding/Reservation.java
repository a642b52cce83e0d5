package be.bolwerk.funding;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What an order asks of a budget line.
 *
 * @param reference what the credit is for, as people read it in the ledger (the order's number)
 * @param organisationId the organisation that ordered; null for programme-wide costs
 * @param amount the programme's expected share, in euros with cents
 * @param capped true when the programme pays at most this amount whatever the invoice says (partial
 *     co-financing within the remaining credit)
 * @param by the person who approved
 */
public record Reservation(String reference, UUID organisationId, BigDecimal amount, boolean capped, UUID by) {}
