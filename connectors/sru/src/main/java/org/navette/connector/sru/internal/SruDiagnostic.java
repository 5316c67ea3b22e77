package org.navette.connector.sru.internal;

/**
 * One SRU diagnostic as the server wrote it ({@code <diagnostic><uri/><details/><message/></diagnostic>}).
 *
 * @param uri     e.g. {@code info:srw/diagnostic/1/16}; may be blank when the server sent none
 * @param message the server's message, or null
 * @param details the server's details (the bad index, the schema...), or null
 */
record SruDiagnostic(String uri, String message, String details) {
    public SruDiagnostic {
        uri = uri == null ? "" : uri.strip();
        message = blankToNull(message);
        details = blankToNull(details);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The number N of an {@code info:srw/diagnostic/1/N} URI, or -1 for any other URI. */
    public int standardNumber() {
        String prefix = "info:srw/diagnostic/1/";
        if (uri.startsWith(prefix) && uri.length() > prefix.length() && uri.length() <= prefix.length() + 6) {
            String n = uri.substring(prefix.length());
            if (n.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(n);
            }
        }
        return -1;
    }
}
