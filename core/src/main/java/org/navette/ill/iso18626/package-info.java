/**
 * ISO 18626 (version 1.2) interlending messages: the bundled schema
 * ({@code ISO-18626-v1_2.xsd}, namespace {@code http://illtransactions.org/2013/iso18626}) that
 * every message read or written is validated against.
 *
 * <p>{@link org.navette.ill.iso18626.Iso18626Message} is the message model (six record kinds),
 * {@link org.navette.ill.iso18626.Iso18626Reader} reads and validates messages from outside,
 * refusing DTDs, external entities and oversized input, and
 * {@link org.navette.ill.iso18626.Iso18626Writer} writes them. Requests and messages convert to
 * the interlending values ({@link org.navette.ill.IllRequest}, {@link org.navette.ill.SupplierEvent},
 * {@link org.navette.ill.RequesterEvent}) the matcher and the lifecycle use.
 *
 * <pre>{@code
 * Iso18626Message in = reader.read(body);
 * String answer = writer.write(Iso18626Message.confirm(in, clock.instant(), null));
 * }</pre>
 */
@NullMarked
package org.navette.ill.iso18626;

import org.jspecify.annotations.NullMarked;
