package org.navette.connector.opac;

import java.nio.file.Path;
import java.util.Set;
import org.navette.connector.opac.internal.ProfileReader;

/**
 * A declarative description of one web OPAC product (or one site): how to turn a query into a
 * search request, and how to read hit counts, result items, record pages, holdings tables and MARC
 * exports out of its pages. Profiles are JSON files; see {@code profiles/README.md} next to the
 * built-in ones for the format.
 *
 * <pre>{@code
 * OpacProfile vufind = OpacProfile.builtIn("vufind");
 * OpacProfile mine = OpacProfile.load(Path.of("profiles/my-library.json"));
 * OpacProfile either = OpacProfile.resolve("bib2");          // a built-in name or a file path
 * }</pre>
 *
 * <p>Loading validates the whole profile at once: an unknown key, a CSS selector that does not
 * parse, a regex that does not compile or a missing required part is one
 * {@link OpacProfileException} naming the file and the key path.
 *
 * <p>Thread-safety: implementations are immutable and shared by every search that uses them.
 */
public interface OpacProfile {

    /** The profile's name ({@code vufind}, {@code bib2}...). */
    String name();

    /** What the profile is for, as its author wrote it; may be empty. */
    String description();

    /** Where the profile was read from: {@code profiles/vufind.json} for built-ins, else the file path. */
    String source();

    /** The names of the profiles shipped with Navette. */
    static Set<String> builtInNames() {
        return ProfileReader.builtInNames();
    }

    /**
     * A profile shipped with Navette.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    static OpacProfile builtIn(String name) {
        return ProfileReader.builtIn(name);
    }

    /**
     * Reads and validates a profile file.
     *
     * @throws OpacProfileException when the file cannot be read or the profile is invalid
     */
    static OpacProfile load(Path file) {
        return ProfileReader.load(file);
    }

    /**
     * Parses and validates a profile from JSON text.
     *
     * @param source how to name the profile in error messages (a file name)
     * @throws OpacProfileException when the profile is invalid
     */
    static OpacProfile parse(String json, String source) {
        return ProfileReader.parse(json, source);
    }

    /**
     * A built-in profile when {@code nameOrPath} is a built-in name, else the profile file at that
     * path (how target files and {@code opac-check --profile} name profiles).
     */
    static OpacProfile resolve(String nameOrPath) {
        return ProfileReader.resolve(nameOrPath);
    }
}
