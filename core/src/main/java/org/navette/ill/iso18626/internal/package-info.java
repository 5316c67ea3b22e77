/** Internals of the ISO 18626 reader and writer: the secure parse, the element tree and the mappings. */
@NullMarked
package org.navette.ill.iso18626.internal;

import org.jspecify.annotations.NullMarked;
