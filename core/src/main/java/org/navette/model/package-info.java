/**
 * The values everything else is built from: a normalised bibliographic record ({@link BibRecord})
 * with its authors, identifiers and holdings, and the raw record a connector delivers
 * ({@link RawRecord}). The package depends on no other Navette package: it is the bottom layer.
 *
 * <pre>{@code
 * Optional<Isbn> isbn = Isbn.parse("978-3-446-22824-8");
 * }</pre>
 *
 * <p>All types are immutable; nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.model;

import org.jspecify.annotations.NullMarked;
