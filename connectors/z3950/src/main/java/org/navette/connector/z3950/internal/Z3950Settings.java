package org.navette.connector.z3950.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.navette.model.RecordFormat;
import org.navette.query.PqfTranslator;
import org.navette.target.TargetConfig;

/**
 * A Z39.50 target's settings, read and validated once from its {@link TargetConfig}.
 *
 * <pre>{@code
 * Z3950Settings s = Z3950Settings.from(TargetConfig.builder("zebra", "z3950")
 *         .set("host", "127.0.0.1").set("port", 2100).set("database", "marc21").build());
 * s.zoomOptions();   // {async=1, databaseName=marc21, preferredRecordSyntax=usmarc, ...}
 * }</pre>
 *
 * @param targetId       the target's id (records' origin)
 * @param host           host name or address
 * @param port           TCP port (default 210)
 * @param database       database name(s), several joined with '+' (default "Default")
 * @param syntax         the preferred record syntax asked for
 * @param format         the bibliographic format to announce to the normaliser, or null to detect it
 * @param elementSet     the element set name, or null for the target's default
 * @param charset        the character set the target's records are in ("marc-8", "iso-5426", "utf-8"...), or null
 * @param convertCharset true to have YAZ convert records from {@code charset} to UTF-8
 * @param user           user id for the init request, or null
 * @param password       password, or null
 * @param group          group id, or null
 * @param timeout        the target's own time budget per search, or null to use the request's only
 * @param connectTimeout the budget for connect + init, or null for the whole search budget
 * @param presentChunk   records per present request (and per listener chunk), 0 for the request's chunk size
 * @param poolSize       at most this many connections to the target at once (busy + idle)
 * @param idleTimeout    idle pooled connections older than this are closed
 * @param charsetNegotiation the character set proposed in Z39.50 character-set negotiation, or null
 *                       (the default, key value {@code "none"}) to propose nothing; see {@link #queryEncoding}
 * @param queryEncoding  the character set query terms are sent in (key {@code queryEncoding}, default
 *                       {@value #DEFAULT_QUERY_ENCODING}); anything but UTF-8 has YAZ convert each term
 *                       (ZOOM's {@code rpnCharset}), whether or not a character set was negotiated
 *
 * <p>Thread-safety: immutable.
 */
public record Z3950Settings(String targetId, String host, int port, String database, Syntax syntax,
                            RecordFormat format, String elementSet, String charset, boolean convertCharset,
                            String user, String password, String group, Duration timeout, Duration connectTimeout,
                            int presentChunk, int poolSize, Duration idleTimeout, String charsetNegotiation,
                            String queryEncoding) {

    /** The protocol-specific keys of a {@code z3950} target (besides {@link TargetConfig#COMMON_KEYS}). */
    public static final Set<String> KEYS = keys();

    private static Set<String> keys() {
        Set<String> keys = new java.util.TreeSet<>(Set.of("host", "port", "database", "syntax", "format", "elementSet",
                "charset", "convertCharset", "user", "password", "group", "connectTimeout", "presentChunk", "poolSize",
                "idleTimeout", "charsetNegotiation", "queryEncoding"));
        keys.addAll(PqfTranslator.TARGET_KEYS); // the query translation's own keys ("indexes")
        return Set.copyOf(keys);
    }

    public static final int DEFAULT_PORT = 210;
    public static final int DEFAULT_POOL_SIZE = 4;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * No character-set negotiation unless a target asks for it, and terms sent as UTF-8 octets.
     *
     * <p>Why (measured with YAZ's apdulog against Zebra 2.2): the search APDU carries the term as the
     * same {@code general} octets (UTF-8 bytes) with or without negotiation; what changes is how Zebra
     * reads them. Without negotiation Zebra decodes terms in the {@code encoding:} of its zebra.cfg,
     * ISO-8859-1 unless set; a stock setup also indexes the UTF-8 records as ISO-8859-1 (no
     * {@code encoding} line in the .abs file), so term and index bytes agree and {@code traité}
     * matches. Once UTF-8 is negotiated, Zebra decodes the term as UTF-8 and it no longer matches
     * that index: 0 hits. Koha's Zebra sets {@code encoding: UTF-8} and matches either way; yaz-client,
     * ZOOM's default, Koha's own client and pazpar2 ({@code pz:queryencoding}) negotiate nothing, so
     * servers are set up for UTF-8 octets without negotiation. A server that wants another encoding
     * gets {@code queryEncoding}; one that needs negotiation gets {@code charsetNegotiation}.
     */
    public static final String DEFAULT_CHARSET_NEGOTIATION = "none";
    public static final String DEFAULT_QUERY_ENCODING = "UTF-8";

    /** Character sets YAZ converts to that Java does not know by these names. */
    private static final Set<String> YAZ_ONLY_CHARSETS = Set.of("marc8", "marc-8", "marc8s", "marc-8s", "marc8lossy",
            "marc8lossless", "iso5426", "iso-5426", "iso6937", "iso-6937", "advancegreek", "danmarc");

    /** The record syntaxes Navette can ask for and read. */
    public enum Syntax {
        USMARC("usmarc"), UNIMARC("unimarc"), XML("xml"), OPAC("opac");

        private final String zoomName;

        Syntax(String zoomName) {
            this.zoomName = zoomName;
        }

        /** The name ZOOM's {@code preferredRecordSyntax} option takes. */
        public String zoomName() {
            return zoomName;
        }

        static Syntax parse(String targetId, String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "usmarc", "marc21", "marc" -> USMARC;
                case "unimarc" -> UNIMARC;
                case "xml", "marcxml" -> XML;
                case "opac" -> OPAC;
                default -> throw new IllegalArgumentException("target " + targetId + ": 'syntax' must be usmarc, marc21, "
                        + "unimarc, xml or opac, was " + value);
            };
        }
    }

    public Z3950Settings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("target " + targetId + " (z3950): required key 'host' is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("target " + targetId + ": 'port' must be within 1..65535, was " + port);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("target " + targetId + ": 'database' must not be blank");
        }
        if (convertCharset && charset == null) {
            throw new IllegalArgumentException("target " + targetId
                    + ": 'convertCharset' is true but 'charset' (the character set to convert from) is missing");
        }
        if (presentChunk < 0 || presentChunk > 1000) {
            throw new IllegalArgumentException("target " + targetId + ": 'presentChunk' must be within 1..1000, was "
                    + presentChunk);
        }
        if (poolSize < 1 || poolSize > 1000) {
            throw new IllegalArgumentException("target " + targetId + ": 'poolSize' must be within 1..1000, was " + poolSize);
        }
    }

    /** Reads and validates a target's settings; messages name the target, the key and the bad value. */
    public static Z3950Settings from(TargetConfig config) {
        String id = config.id();
        Syntax syntax = Syntax.parse(id, config.string("syntax", "usmarc"));
        String elementSet = config.string("elementSet").filter(s -> !s.isBlank()).orElse(null);
        RecordFormat format = config.string("format").map(f -> {
            try {
                return RecordFormat.fromCode(f);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("target " + id + ": 'format' must be marc21, unimarc or dc, was " + f, e);
            }
        }).orElseGet(() -> defaultFormat(syntax, elementSet));
        int presentChunk = config.integer("presentChunk", 0);
        if (config.has("presentChunk") && presentChunk == 0) {
            throw new IllegalArgumentException("target " + id + ": 'presentChunk' must be within 1..1000, was 0");
        }
        return new Z3950Settings(id, config.requiredString("host"), config.integer("port", DEFAULT_PORT),
                config.string("database", "Default"), syntax, format, elementSet,
                config.string("charset").filter(s -> !s.isBlank()).orElse(null), config.bool("convertCharset", false),
                config.string("user").orElse(null), config.string("password").orElse(null),
                config.string("group").orElse(null), config.duration("timeout").orElse(null),
                config.duration("connectTimeout").orElse(null), presentChunk,
                config.integer("poolSize", DEFAULT_POOL_SIZE),
                config.duration("idleTimeout").orElse(DEFAULT_IDLE_TIMEOUT),
                negotiation(config), queryEncoding(config));
    }

    /** The term encoding, or null for UTF-8 (no conversion); an unknown name is refused here, not at search. */
    private static String queryEncoding(TargetConfig config) {
        String value = config.string("queryEncoding", DEFAULT_QUERY_ENCODING).trim();
        if (!knownCharset(value)) {
            throw new IllegalArgumentException("target " + config.id() + ": 'queryEncoding' must be a character set"
                    + " such as UTF-8, ISO-8859-1 or MARC-8, was " + (value.isEmpty() ? "empty" : value));
        }
        return value.equalsIgnoreCase("utf-8") || value.equalsIgnoreCase("utf8") ? null : value;
    }

    private static boolean knownCharset(String name) {
        if (name.isEmpty()) {
            return false;
        }
        if (YAZ_ONLY_CHARSETS.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            return java.nio.charset.Charset.isSupported(name);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    private static String negotiation(TargetConfig config) {
        String value = config.string("charsetNegotiation", DEFAULT_CHARSET_NEGOTIATION).trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("target " + config.id()
                    + ": 'charsetNegotiation' must be a character set name such as UTF-8, or \"none\", was empty");
        }
        return value.equalsIgnoreCase("none") ? null : value;
    }

    private static RecordFormat defaultFormat(Syntax syntax, String elementSet) {
        return switch (syntax) {
            case USMARC, OPAC -> RecordFormat.MARC21;
            case UNIMARC -> RecordFormat.UNIMARC;
            case XML -> "dc".equalsIgnoreCase(elementSet) ? RecordFormat.DUBLIN_CORE : null;
        };
    }

    /** {@code host:port}, as diagnostics show it. */
    public String hostPort() {
        return host + ":" + port;
    }

    /**
     * The ZOOM options every connection to this target carries: asynchronous mode (the event loop
     * drives it), database, syntax, element set, authentication, and the one result set name reused
     * by every search so that a pooled connection does not pile up result sets on the server.
     */
    public Map<String, String> zoomOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("async", "1");
        o.put("databaseName", database);
        o.put("preferredRecordSyntax", syntax.zoomName());
        if (elementSet != null) {
            o.put("elementSetName", elementSet);
        }
        if (user != null) {
            o.put("user", user);
        }
        if (password != null) {
            o.put("password", password);
        }
        if (group != null) {
            o.put("group", group);
        }
        if (charsetNegotiation != null) {
            o.put("charset", charsetNegotiation); // ZOOM's option for Z39.50 character-set negotiation
        }
        if (queryEncoding != null) {
            // ZOOM converts each RPN term from UTF-8 to this before it goes on the wire, negotiated or not
            o.put("rpnCharset", queryEncoding);
        }
        o.put("setname", "default");
        o.put("implementationName", "Navette");
        return o;
    }

    @Override
    public String toString() {
        return "Z3950Settings[" + targetId + " " + hostPort() + "/" + database + " " + syntax + "]";
    }
}
