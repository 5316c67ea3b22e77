/**
 * The federation engine: one {@link Federation} searches many targets at once, with per-target
 * timeouts and circuit breakers, and reports each target's {@link TargetStatus} beside the records.
 *
 * <pre>{@code
 * try (Federation f = Federation.builder().targets(TargetsFile.read(path)).build()) {
 *     SearchResult r = f.search(Query.title("rose"));
 * }
 * }</pre>
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.federation;

import org.jspecify.annotations.NullMarked;
