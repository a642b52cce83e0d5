package be.bolwerk.funding;

import java.math.BigDecimal;

/** What the programme pays and what the organisation pays; together they are the amount shared. */
public record Shares(BigDecimal programme, BigDecimal organisation) {

    public BigDecimal total() {
        return programme.add(organisation);
    }
}
