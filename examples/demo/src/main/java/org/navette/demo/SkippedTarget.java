package org.navette.demo;

import java.util.Objects;

/**
 * A peer of the demo network that could not start on this machine, with what to do about it.
 *
 * <pre>{@code
 * network.skipped().forEach(s -> System.out.println(s.id() + " skipped: " + s.reason() + " (" + s.hint() + ")"));
 * // poligny-zebra skipped: zebrasrv not found (sudo apt-get install idzebra-2.0)
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param id     the target id it would have had
 * @param name   its display name
 * @param reason why it did not start
 * @param hint   how to make it start, e.g. the package to install
 */
public record SkippedTarget(String id, String name, String reason, String hint) {
    public SkippedTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hint, "hint");
    }

    @Override
    public String toString() {
        return id + " skipped: " + reason + " (" + hint + ")";
    }
}
