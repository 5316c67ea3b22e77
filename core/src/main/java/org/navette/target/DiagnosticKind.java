package org.navette.target;

/**
 * What kind of failure or warning a {@link TargetDiagnostic} reports. Callers branch on the kind;
 * the protocol's own code and message ride along in the diagnostic.
 */
public enum DiagnosticKind {
    /** Host unknown, connection refused or reset while connecting. */
    CONNECT_FAILED,
    /** The target did not answer within its timeout. */
    TIMEOUT,
    /** Login refused (Z39.50 init rejected, HTTP 401/403). */
    AUTHENTICATION_FAILED,
    /** The database / catalogue named in the configuration does not exist (bib-1 109, HTTP 404 from Zebra). */
    UNKNOWN_DATABASE,
    /** The target cannot search a field of the query (bib-1 114, SRU "unsupported index"). */
    UNSUPPORTED_SEARCH,
    /** The target rejected the query itself (syntax, too complex, term too short...). */
    QUERY_REJECTED,
    /** HTTP error status not covered by a more precise kind (5xx, unexpected 4xx). */
    HTTP_ERROR,
    /** The target asked us to slow down (HTTP 429, 503 with Retry-After). */
    RATE_LIMITED,
    /** A response that is not what the protocol promises: not SRU, malformed XML, wrong content type, truncated. */
    BAD_RESPONSE,
    /** A response over the configured size limit; reading stopped there. */
    RESPONSE_TOO_LARGE,
    /** A scraped OPAC page that no longer matches its profile (selectors match nothing on a page with hits). */
    PROFILE_MISMATCH,
    /** One record failed (SRU per-record diagnostic, unparseable record); the others still arrive. */
    RECORD_FAILED,
    /** Any other diagnostic a target returned, with its protocol code. */
    TARGET_DIAGNOSTIC,
    /** A required native library or system component is missing (e.g. libyaz for Z39.50). */
    UNAVAILABLE,
    /** The target's circuit breaker is open: it failed repeatedly and is skipped for now. */
    CIRCUIT_OPEN,
    /** The search was cancelled by the caller. */
    CANCELLED,
    /** A bug or unexpected exception inside Navette. */
    INTERNAL_ERROR
}
