package org.navette.connector.z3950.internal;

/**
 * What every search on one target shares: its settings, the loaded libyaz, its connection pool and
 * its record copier.
 *
 * <pre>{@code
 * ZoomTarget t = new ZoomTarget(settings, zoom, pool, new RecordCopier(settings));
 * }</pre>
 *
 * <p>Thread-safety: immutable holder of thread-safe parts.
 */
public record ZoomTarget(Z3950Settings settings, ZoomLibrary zoom, ConnectionPool pool, RecordCopier copier) {
}
