package org.navette.demo;

import java.util.Objects;

/**
 * One member library of the demo network and how the network reaches it.
 *
 * <pre>{@code
 * for (DemoLibrary l : network.libraries()) {
 *     System.out.println(l.code() + "  " + l.name() + "  (" + l.access() + ")");
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param code    the library's code, as in the holdings and the policy file, e.g. {@code dole}
 * @param name    its name, e.g. "Médiathèque de Dole"
 * @param access  how its catalogue is reached, e.g. "union catalogue (MARC21 export)", "SRU"
 * @param records how many bundled records it holds (0 for a library whose server is down or whose pages are saved)
 */
public record DemoLibrary(String code, String name, String access, int records) {
    public DemoLibrary {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(access, "access");
    }
}
