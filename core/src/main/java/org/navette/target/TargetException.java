package org.navette.target;

import org.navette.NavetteException;

/**
 * Thrown by a connector when a search on its target fails; carries the typed diagnostic.
 * The federation engine turns it into the target's status: callers of a federated search never
 * see it.
 *
 * <pre>{@code
 * throw new TargetException(TargetDiagnostic.of(DiagnosticKind.TIMEOUT, "no answer within 10s"));
 * }</pre>
 */
public class TargetException extends NavetteException {
    private static final long serialVersionUID = 1L;
    private final transient TargetDiagnostic diagnostic;

    public TargetException(TargetDiagnostic diagnostic) {
        super(diagnostic.toString());
        this.diagnostic = diagnostic;
    }

    public TargetException(TargetDiagnostic diagnostic, Throwable cause) {
        super(diagnostic.toString(), cause);
        this.diagnostic = diagnostic;
    }

    public TargetDiagnostic diagnostic() {
        return diagnostic;
    }
}
