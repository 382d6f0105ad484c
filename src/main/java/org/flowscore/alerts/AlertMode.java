package org.flowscore.alerts;

/** One alert document per group of flagged flows (the default), or one per flagged flow as before groups. */
public enum AlertMode {
    GROUPED("grouped"), PER_FLOW("per-flow");

    private final String cliName;

    AlertMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** @throws IllegalArgumentException naming the two modes */
    public static AlertMode parse(String name) {
        for (AlertMode mode : values()) {
            if (mode.cliName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not an alert mode: use grouped or per-flow");
    }
}
