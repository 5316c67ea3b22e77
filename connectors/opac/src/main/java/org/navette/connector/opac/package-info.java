/**
 * Scraped web OPACs as search targets (protocol {@code opac}): a connector over OkHttp and Jsoup
 * driven by declarative JSON profiles, polite to the catalogues it reads.
 *
 * <pre>{@code
 * Connector c = ConnectorRegistry.fromClassPath().create(TargetConfig.builder("mannheim", "opac")
 *         .set("profile", "bibliotheca").set("url", "https://opac.example.org/read/").build());
 * SearchOutcome out = c.search(SearchRequest.builder(CqlParser.parse("title=\"harry potter\"")).build(), listener);
 *
 * ProfileCheck.Report r = ProfileCheck.on(OpacProfile.load(Path.of("mine.json")), "https://opac.example.org/")
 *         .search(Query.any("rose"));      // what each selector found, for profile authors
 * }</pre>
 *
 * <ul>
 *   <li>{@link org.navette.connector.opac.OpacProfile}: a profile (built-in: vufind, bibliotheca, sisis, bib2,
 *       spydus, slub, generic; or a file), validated when loaded
 *       ({@link org.navette.connector.opac.OpacProfileException} names the file and key);</li>
 *   <li>{@link org.navette.connector.opac.OpacConnectorFactory}: the {@code opac} protocol; politeness limits
 *       (rate, concurrency, Retry-After pauses) are kept per host across its connectors;</li>
 *   <li>{@link org.navette.connector.opac.ProfileCheck}: runs a profile with everything recorded
 *       ({@code navette opac-check}).</li>
 * </ul>
 * Records read from HTML are {@code RawRecord.scraped(BibRecord)} of format HTML with the record
 * page's URL as id; a record's MARC export, where the profile names one, is delivered as MARC bytes
 * for the normaliser. The profile format is described in {@code profiles/README.md}.
 */
@NullMarked
package org.navette.connector.opac;

import org.jspecify.annotations.NullMarked;
