/** Internals of interlending: how a request becomes a citation record, how the policy file is read, how the rota ranks lenders. */
@NullMarked
package org.navette.ill.internal;

import org.jspecify.annotations.NullMarked;
