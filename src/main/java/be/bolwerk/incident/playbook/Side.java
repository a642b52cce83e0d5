package be.bolwerk.incident.playbook;

/** Who does a task: the CRT or the organisation that reported the incident. Labels: {@code incident.side.*}. */
public enum Side {
    CRT,
    ORGANISATION
}
