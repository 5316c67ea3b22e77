/**
 * The offline demo network: bundled real records from several member libraries, a union catalogue
 * built from them in embedded Solr, and peers started on 127.0.0.1 inside the process, searched
 * and asked for loans as a real network would be.
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.demo;

import org.jspecify.annotations.NullMarked;
