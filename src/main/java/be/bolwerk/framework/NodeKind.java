package be.bolwerk.framework;

/** A group (area or topic) organises; a control is what an organisation answers. */
public enum NodeKind {
    GROUP,
    CONTROL
}
