/**
 * The SRU connector: searches library catalogues over SRU 1.1, 1.2 and 2.0 (HTTP GET, or POST for
 * long queries) with OkHttp, reads the answers with a hardened streaming StAX parser and hands the
 * records over as MARCXML or Dublin Core {@link org.navette.model.RawRecord}s for core's normaliser.
 *
 * <p>Public types: {@link org.navette.connector.sru.SruConnectorFactory} (protocol {@code sru}, found
 * by {@link java.util.ServiceLoader}), {@link org.navette.connector.sru.SruConnector} (search, search
 * with the server's own CQL, explain) and {@link org.navette.connector.sru.SruExplain}. Everything in
 * {@code org.navette.connector.sru.internal} may change without notice.
 *
 * <p>Union catalogue sources, found by {@link org.navette.catalogue.CatalogueSource#open(String)}:
 * {@link org.navette.connector.sru.OaiPmhSource} (spec {@code oai:URL#set=S&prefix=P}, incremental
 * OAI-PMH harvests with deletions) and {@link org.navette.connector.sru.SruHarvestSource} (spec
 * {@code sru:URL#query=CQL}, the whole result of a query, read again each time), registered through
 * {@link org.navette.connector.sru.OaiPmhSourceFactory} and {@link org.navette.connector.sru.SruHarvestSourceFactory}.
 *
 * <pre>{@code
 * Catalogue catalogue = Catalogue.builder(store).build();
 * catalogue.load("zdb", CatalogueSource.open("oai:https://services.dnb.de/oai/repository#prefix=MARC21-xml&set=zdb"));
 * catalogue.harvest();   // from where the last complete harvest stopped
 * }</pre>
 *
 * <pre>{@code
 * TargetConfig loc = TargetConfig.fromMap(Map.of("id", "zebra", "protocol", "sru",
 *         "url", "http://127.0.0.1:2100/marc21", "version", "1.2", "recordSchema", "marcxml"));
 * try (SruConnector c = new SruConnectorFactory().create(loc)) {
 *     SearchOutcome out = c.search(SearchRequest.builder(CqlParser.parse("title=computer")).build(),
 *             new SearchListener() {
 *                 public void onRecords(List<RawRecord> chunk) { chunk.forEach(normaliser::normalise); }
 *             });
 *     out.hits();   // 10
 * }
 * }</pre>
 *
 * <p>What goes wrong becomes a {@link org.navette.target.TargetException} with a typed diagnostic:
 * SRU diagnostics by number (16 unsupported index: UNSUPPORTED_SEARCH, 10 query syntax:
 * QUERY_REJECTED, 235: UNKNOWN_DATABASE...), HTTP 404 pages (UNKNOWN_DATABASE, as Zebra answers for
 * an unknown database), 5xx (HTTP_ERROR {@code http:NNN}), 429 / 503 with Retry-After (RATE_LIMITED,
 * the delay in addInfo), non-SRU or malformed bodies, DOCTYPEs (BAD_RESPONSE), bodies over
 * {@code maxResponseBytes} (RESPONSE_TOO_LARGE), unreachable hosts (CONNECT_FAILED, retryable) and
 * spent time budgets (TIMEOUT). A record the server could not deliver is a RECORD_FAILED warning
 * with its position; the other records still arrive.
 */
@NullMarked
package org.navette.connector.sru;

import org.jspecify.annotations.NullMarked;
