package org.navette.examples;

import org.navette.testing.ModuleLayering;

/** The examples use Navette as an application would: through the public API, never an {@code internal} package. */
class EmbeddingLayeringTest extends ModuleLayering {
}
