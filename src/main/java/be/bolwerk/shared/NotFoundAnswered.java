package be.bolwerk.shared;

/**
 * A request was answered 404 because what it named does not exist or belongs to another organisation — the
 * answer never says which, but the audit trail keeps the request ({@code method}, {@code path} with the id) and
 * which fact was missing ({@code what}, e.g. {@code OrganisationNotFound}), so that probing ids shows.
 */
public record NotFoundAnswered(String method, String path, String what) {}
