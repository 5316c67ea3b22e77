/** Internals of interlending: how a request becomes a citation record. */
@NullMarked
package org.navette.ill.internal;

import org.jspecify.annotations.NullMarked;
