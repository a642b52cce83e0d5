package be.bolwerk.funding;

import be.bolwerk.shared.NotFound;

/** No such budget line or commitment. */
public final class BudgetLineNotFound extends NotFound {

    public BudgetLineNotFound() {
        super("budget line or commitment not found");
    }
}
