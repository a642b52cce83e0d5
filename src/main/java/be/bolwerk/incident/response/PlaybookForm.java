package be.bolwerk.incident.response;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.playbook.PlaybookTask;
import be.bolwerk.incident.playbook.Playbooks;
import be.bolwerk.incident.playbook.Side;

/** One task template as typed, kept as text so that a refused form shows it again as sent. */
public record PlaybookForm(String category, String title, String description, String side, String dueHours)
        implements java.io.Serializable {

    static final PlaybookForm EMPTY = new PlaybookForm("RANSOMWARE", "", "", "ORGANISATION", "24");

    static PlaybookForm of(PlaybookTask task) {
        return new PlaybookForm(
                task.category().name(),
                task.title(),
                task.description(),
                task.side().name(),
                String.valueOf(task.dueHours()));
    }

    IncidentCategory categoryValue() {
        return Forms.parse(IncidentCategory.class, category);
    }

    Playbooks.Template template() {
        return new Playbooks.Template(title, description, Forms.parse(Side.class, side), Forms.number(dueHours));
    }
}
