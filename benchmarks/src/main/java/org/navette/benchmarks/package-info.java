/**
 * JMH benchmarks of the hot paths (MARC reading, matching, ranking, query translation, OPAC
 * extraction) and of searches against real local peers (Zebra, yaz-ztest, saved OPAC pages).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar MatchBenchmark
 * }</pre>
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.benchmarks;

import org.jspecify.annotations.NullMarked;
