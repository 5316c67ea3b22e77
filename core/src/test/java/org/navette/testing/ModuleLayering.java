package org.navette.testing;

import org.junit.jupiter.api.Test;

/**
 * The layering checks every module runs: extend it with an empty class in the module's tests.
 *
 * <pre>{@code
 * class SruLayeringTest extends ModuleLayering {
 * }
 * }</pre>
 */
public abstract class ModuleLayering {

    @Test
    void noPackageUsesAnotherPackagesInternals() {
        Layering.noForeignInternals().check(Layering.moduleClasses());
    }
}
