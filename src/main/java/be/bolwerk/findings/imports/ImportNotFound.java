package be.bolwerk.findings.imports;

import be.bolwerk.shared.NotFound;

/** No such import, or one of an organisation the person is no member of: both answer 404. */
class ImportNotFound extends NotFound {

    ImportNotFound() {
        super("Finding import not found");
    }
}
