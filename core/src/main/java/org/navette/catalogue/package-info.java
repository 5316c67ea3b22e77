/**
 * The union catalogue: member libraries' records (MARC files, OAI-PMH, SRU harvests) normalised by
 * the one {@link org.navette.normalise.Normaliser}, deduplicated by the one
 * {@link org.navette.match.Clusterer} against what is already stored, and kept in a
 * {@link org.navette.catalogue.CatalogueStore} (Apache Solr in {@code connectors/solr}; no Solr type
 * appears here).
 *
 * <p>The store is the durable truth: one entry per member record ({@link StoredMember}) and the
 * clusters they form. Writers hand it {@link ChangeSet}s; sources ({@link CatalogueSource}, found
 * by {@link CatalogueSourceFactory} through {@link java.util.ServiceLoader}) feed records to the
 * ingest pipeline.
 */
@NullMarked
package org.navette.catalogue;

import org.jspecify.annotations.NullMarked;
