/**
 * ISO 18626 (version 1.2) interlending messages: the bundled schema
 * ({@code ISO-18626-v1_2.xsd}, namespace {@code http://illtransactions.org/2013/iso18626}) that
 * every message read or written is validated against.
 *
 * <p>The message model, reader and writer are not written yet; this package holds the schema and
 * its provenance so that nothing at build or test time needs a copy outside the project.
 */
@NullMarked
package org.navette.ill.iso18626;

import org.jspecify.annotations.NullMarked;
