/**
 * Matching and deduplication: one matcher for federated-search dedup, the union catalogue and
 * interlending.
 *
 * <ul>
 *   <li>{@link org.navette.match.TextAnalyzer} — the one normalisation chain (folding, articles,
 *       ordinals, Roman numerals), shared with the ranker and sort keys;</li>
 *   <li>{@link org.navette.match.Matcher} — keys of a record ({@link org.navette.match.MatchKeys},
 *       Gold Rush key included) and the pairwise decision with its
 *       {@link org.navette.match.MatchExplanation};</li>
 *   <li>{@link org.navette.match.Clusterer} — incremental, blocked, guarded clustering into
 *       {@link org.navette.match.Cluster}s with a merged view.</li>
 * </ul>
 *
 * <pre>{@code
 * Clusterer clusterer = Clusterer.create(Matcher.ofDefaults());
 * records.forEach(clusterer::add);
 * for (Cluster c : clusterer.clusters()) {
 *     System.out.println(c.id() + " " + c.representative().title() + " " + c.holdingsByLibrary().keySet());
 * }
 * }</pre>
 */
@NullMarked
package org.navette.match;

import org.jspecify.annotations.NullMarked;
