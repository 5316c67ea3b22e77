package org.navette.portal.pazpar2.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code application/x-www-form-urlencoded} text (a URL's query or a POST body) into
 * parameters; the first value of a repeated name wins. Percent escapes must form UTF-8: a query in
 * another encoding is refused, as pazpar2 refuses it, rather than searched as mojibake.
 *
 * <pre>{@code
 * Map<String, String> p = FormParameters.parse("command=search&query=ti%3Drose&session=42");
 * p.get("query");   // "ti=rose"
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class FormParameters {
    private FormParameters() {
    }

    /**
     * Adds the parameters of {@code form} to {@code into} (names already there keep their value).
     *
     * @throws CommandException (malformed parameter encoding) naming the parameter for a bad escape or non-UTF-8 bytes
     */
    public static Map<String, String> parse(String form, Map<String, String> into) {
        for (String pair : form.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName, "parameter name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            into.putIfAbsent(name, value);
        }
        return into;
    }

    public static Map<String, String> parse(String form) {
        return parse(form, new LinkedHashMap<>());
    }

    private static String decode(String s, String what) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new CommandException(Pz2Error.MALFORMED_PARAMETER_ENCODING, what);
                }
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new CommandException(Pz2Error.MALFORMED_PARAMETER_ENCODING, what);
        }
    }
}
