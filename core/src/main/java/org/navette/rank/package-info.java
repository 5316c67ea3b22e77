/**
 * Ranking, sorting and faceting of clusters: {@link org.navette.rank.Ranker} scores the merged text
 * of each cluster against the query (field-weighted BM25, phrase bonus, identifier matches first,
 * boosts) and counts {@link org.navette.rank.Facets}.
 *
 * <pre>{@code
 * Ranker ranker = Ranker.ofDefaults();
 * RankedResult page = ranker.rank(query, clusterer.clusters(), SortOrder.RELEVANCE);
 * Facets facets = ranker.facets(clusterer.clusters());
 * }</pre>
 */
@NullMarked
package org.navette.rank;

import org.jspecify.annotations.NullMarked;
