/**
 * The one normaliser: MARC21 and UNIMARC records (ISO 2709 in UTF-8, MARC-8, ISO 5426, ISO 6937
 * or Latin-1; MARCXML, marcxchange, UNIMARC slim), Dublin Core XML and scraped records become
 * {@link org.navette.model.BibRecord}s, with typed {@link org.navette.model.RecordProblem}s for
 * whatever was wrong. Federated search, the union catalogue, deduplication and interlending all
 * read records through {@link org.navette.normalise.Normaliser}; whole files are read with
 * {@link org.navette.normalise.MarcFileReader}.
 *
 * <pre>{@code
 * Normaliser n = Normaliser.ofDefaults();
 * ReadResult one = n.normalise(rawRecordFromATarget);
 * try (MarcFileReader file = MarcFileReader.open(Path.of("export.mrc"), n)) {
 *     file.forEachRemaining(r -> { if (r.readable()) index(r.record()); else log(r.problems()); });
 * }
 * }</pre>
 *
 * <p>Nothing here throws because of a record's content: bad bytes are reported and salvaged,
 * records that cannot be salvaged come back as results without a record, never dropped.
 */
@NullMarked
package org.navette.normalise;

import org.jspecify.annotations.NullMarked;
