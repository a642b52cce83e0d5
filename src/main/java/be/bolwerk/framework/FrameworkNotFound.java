package be.bolwerk.framework;

import be.bolwerk.shared.NotFound;

/** No framework version with this id. */
public class FrameworkNotFound extends NotFound {

    FrameworkNotFound(FrameworkVersionId id) {
        super("Framework version " + id + " not found");
    }
}
