package org.navette.connector.opac;

/**
 * A profile that cannot be used: the message names the profile file, the key path and what is
 * wrong, e.g. {@code profiles/vufind.json: results.fields.title.selector: unparseable CSS "div[["}.
 *
 * <pre>{@code
 * try {
 *     OpacProfile.load(Path.of("mine.json"));
 * } catch (OpacProfileException e) {
 *     System.err.println(e.getMessage());   // mine.json: search.path: required key is missing
 * }
 * }</pre>
 *
 * <p>An {@link IllegalArgumentException} because a profile is configuration: connector factories
 * report bad configuration that way.
 *
 * <p>Thread-safety: immutable.
 */
public final class OpacProfileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String keyPath;

    /**
     * @param source  the profile file (or built-in resource) name
     * @param keyPath the dotted key path inside the profile ({@code results.fields.title}); empty for the whole file
     * @param problem what is wrong
     */
    public OpacProfileException(String source, String keyPath, String problem) {
        super(source + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem);
        this.source = source;
        this.keyPath = keyPath;
    }

    /** The profile file or resource the problem is in. */
    public String source() {
        return source;
    }

    /** The dotted key path of the problem inside the profile; empty when it concerns the whole file. */
    public String keyPath() {
        return keyPath;
    }
}
