/**
 * Internals of the union catalogue ingest: the MARCXML codec of stored members and the
 * re-clustering of the part of the catalogue a batch touches. Not an API.
 */
@NullMarked
package org.navette.catalogue.internal;

import org.jspecify.annotations.NullMarked;
