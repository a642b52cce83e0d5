/**
 * The programme's money: budget lines per year and purpose and their ledger of commitments and payments, never
 * overspent. The module root is what other modules may use: {@link be.bolwerk.funding.Funding} (reserve credit
 * for an order, settle it from the invoice, release it, the remaining credit), the money types and the events;
 * the ledger lives in {@code ledger}, the pages in {@code web}, the API in {@code api}, demo data in {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package be.bolwerk.funding;
