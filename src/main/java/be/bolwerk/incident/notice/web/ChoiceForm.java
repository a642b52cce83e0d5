package be.bolwerk.incident.notice.web;

import jakarta.validation.constraints.Size;
import java.util.List;

/** The fields and cover text of a draft as the form binds them, with the revision the page was read at. */
record ChoiceForm(
        List<String> fields,
        @Size(max = 4000, message = "{validation.size.max}") String cover,
        Integer revision) {

    boolean chosen(String field) {
        return fields != null && fields.contains(field);
    }
}
