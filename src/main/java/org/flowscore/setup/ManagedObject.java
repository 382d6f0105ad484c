package org.flowscore.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One object setup installs: its kind, its name and the body a PUT would send. */
public record ManagedObject(ObjectKind kind, String name, ObjectNode body) {
    @Override
    public String toString() {
        return kind.label() + " " + name;
    }
}
