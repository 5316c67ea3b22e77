package org.navette.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.navette.federation.FederatedSearchListener;
import org.navette.federation.SearchEvent;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;

/**
 * The live progress of {@code navette search} on a terminal: one line on stderr, rewritten as
 * targets move ("3/5 finished | zebra fetching 10 | loc searching").
 *
 * <pre>{@code
 * ProgressLine p = new ProgressLine(err, 5);
 * federation.search(query, SearchOptions.builder().listener(p).build());
 * ...
 * p.clear();
 * }</pre>
 *
 * <p>Thread-safety: called by one search's events, one at a time; {@link #clear()} synchronises with them.
 */
final class ProgressLine implements FederatedSearchListener {
    private static final int WIDTH = 79;

    private final PrintWriter err;
    private final int targets;
    private final Map<String, TargetStatus> latest = new LinkedHashMap<>();

    ProgressLine(PrintWriter err, int targets) {
        this.err = err;
        this.targets = targets;
    }

    @Override
    public synchronized void onEvent(SearchEvent event) {
        if (event instanceof SearchEvent.TargetChanged t) {
            latest.put(t.status().targetId(), t.status());
            err.print("\r" + render() + "\u001b[K");
            err.flush();
        }
    }

    /** The line as it would be shown now. */
    synchronized String render() {
        long finished = latest.values().stream().filter(s -> s.state().isFinal()).count();
        StringBuilder sb = new StringBuilder().append(finished).append('/').append(targets).append(" finished");
        for (TargetStatus s : latest.values()) {
            if (!s.state().isFinal()) {
                sb.append(" | ").append(s.targetId()).append(' ').append(s.state().label());
                if (s.state() == TargetState.FETCHING) {
                    sb.append(' ').append(s.fetched());
                }
            }
        }
        return sb.length() > WIDTH ? sb.substring(0, WIDTH - 3) + "..." : sb.toString();
    }

    /** Erases the line before the result is printed. */
    synchronized void clear() {
        err.print("\r\u001b[K");
        err.flush();
    }
}
