package org.navette.normalise.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;

/**
 * Recognises the system numbers catalogues carry in 035 (and UNIMARC 001/003/009): OCLC numbers
 * with or without "(OCoLC)" and their ocm/ocn/on prefixes, BnF numbers (FRBNF..., ark:/12148/...),
 * Sudoc PPNs, DNB and ZDB numbers; anything else stays a system number with its "(prefix)".
 * Also normalises LCCNs and checks ISSNs.
 *
 * <pre>{@code
 * Identifiers.systemNumber("(OCoLC)ocm00400866"); // OCLC:400866
 * Identifiers.systemNumber("FRBNF34567890");      // BNF:FRBNF34567890
 * Identifiers.lccn("   97112390 ");               // "97112390"
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Identifiers {
    private static final Pattern PREFIXED = Pattern.compile("^\\(([^)]*)\\)\\s*(.+)$");
    private static final Pattern OCLC_BARE = Pattern.compile("^(?:ocm|ocn|on)\\s*0*(\\d+)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("^0*(\\d+)\\s*$");
    private static final Pattern FRBNF = Pattern.compile("(FRBNF\\d{8})", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARK_BNF = Pattern.compile("(ark:/12148/[A-Za-z0-9]+)");
    private static final Pattern PPN = Pattern.compile("^(\\d{8}[\\dXx])$");
    private static final Pattern SUDOC_URL = Pattern.compile("sudoc\\.(?:fr|abes\\.fr)/(\\d{8}[\\dXx])");
    private static final Pattern ISSN = Pattern.compile("(\\d{4})-?(\\d{3}[\\dXx])");

    private Identifiers() {
    }

    /** The identifier a 035$a (or similar) value stands for; null for blank input. */
    public static Identifier systemNumber(String raw) {
        String v = DisplayText.clean(raw);
        if (v == null) {
            return null;
        }
        Matcher ark = ARK_BNF.matcher(v);
        if (ark.find()) {
            return new Identifier(IdentifierScheme.BNF, ark.group(1));
        }
        Matcher frbnf = FRBNF.matcher(v);
        if (frbnf.find()) {
            return new Identifier(IdentifierScheme.BNF, frbnf.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher sudoc = SUDOC_URL.matcher(v);
        if (sudoc.find()) {
            return new Identifier(IdentifierScheme.SUDOC, sudoc.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher bare = OCLC_BARE.matcher(v);
        if (bare.matches()) {
            return new Identifier(IdentifierScheme.OCLC, bare.group(1));
        }
        Matcher m = PREFIXED.matcher(v);
        if (m.matches()) {
            String prefix = m.group(1).trim();
            String number = m.group(2).trim();
            String p = prefix.toUpperCase(Locale.ROOT);
            if (p.equals("OCOLC") || p.equals("OCLC")) {
                Matcher d = DIGITS.matcher(number);
                Matcher o = OCLC_BARE.matcher(number);
                if (o.matches()) {
                    return new Identifier(IdentifierScheme.OCLC, o.group(1));
                }
                if (d.matches()) {
                    return new Identifier(IdentifierScheme.OCLC, d.group(1));
                }
            } else if (p.equals("DE-101")) {
                return new Identifier(IdentifierScheme.DNB, number);
            } else if (p.equals("DE-600")) {
                return new Identifier(IdentifierScheme.ZDB, number);
            } else if (p.equals("PPN") || p.equals("SUDOC") || p.equals("ABES") || p.startsWith("FR-SUDOC")) {
                return new Identifier(IdentifierScheme.SUDOC, number.toUpperCase(Locale.ROOT));
            } else if (p.equals("BNF") || p.equals("FRBN") || p.equals("FR-BN")) {
                return new Identifier(IdentifierScheme.BNF, number);
            }
            return new Identifier(IdentifierScheme.SYSTEM_NUMBER, "(" + prefix + ")" + number);
        }
        return new Identifier(IdentifierScheme.SYSTEM_NUMBER, v);
    }

    /**
     * The identifier that the record's own control number (001) stands for given its 003 (the
     * organisation code): OCLC for "OCoLC", DNB for "DE-101", Sudoc for a sudoc.fr 003 or a PPN-shaped
     * UNIMARC 001; null when it is just a local number.
     */
    public static Identifier fromControlNumber(String id001, String org003) {
        String id = DisplayText.clean(id001);
        if (id == null) {
            return null;
        }
        String org = org003 == null ? "" : org003.trim();
        String o = org.toUpperCase(Locale.ROOT);
        if (o.equals("OCOLC") || o.equals("OCLC")) {
            Matcher bare = OCLC_BARE.matcher(id);
            Matcher d = DIGITS.matcher(id);
            return bare.matches() ? new Identifier(IdentifierScheme.OCLC, bare.group(1))
                    : d.matches() ? new Identifier(IdentifierScheme.OCLC, d.group(1)) : null;
        }
        if (OCLC_BARE.matcher(id).matches() && (o.isEmpty() || o.equals("DLC"))) {
            Matcher bare = OCLC_BARE.matcher(id);
            bare.matches();
            return new Identifier(IdentifierScheme.OCLC, bare.group(1));
        }
        if (o.equals("DE-101")) {
            return new Identifier(IdentifierScheme.DNB, id);
        }
        if (o.equals("DE-600")) {
            return new Identifier(IdentifierScheme.ZDB, id);
        }
        if (o.contains("SUDOC") && PPN.matcher(id).matches()) {
            return new Identifier(IdentifierScheme.SUDOC, id.toUpperCase(Locale.ROOT));
        }
        if (o.contains("ARK:/12148") || o.contains("BNF.FR")) {
            Matcher ark = ARK_BNF.matcher(org);
            return ark.find() ? new Identifier(IdentifierScheme.BNF, ark.group(1)) : new Identifier(IdentifierScheme.BNF, id);
        }
        Matcher frbnf = FRBNF.matcher(id);
        if (frbnf.lookingAt()) {
            return new Identifier(IdentifierScheme.BNF, frbnf.group(1).toUpperCase(Locale.ROOT));
        }
        return null;
    }

    /** A Sudoc PPN from a UNIMARC 009 value (a PPN or a sudoc.fr URL), or null. */
    public static Identifier sudocFrom009(String raw) {
        String v = DisplayText.clean(raw);
        if (v == null) {
            return null;
        }
        Matcher url = SUDOC_URL.matcher(v);
        if (url.find()) {
            return new Identifier(IdentifierScheme.SUDOC, url.group(1).toUpperCase(Locale.ROOT));
        }
        return PPN.matcher(v).matches() ? new Identifier(IdentifierScheme.SUDOC, v.toUpperCase(Locale.ROOT)) : null;
    }

    /**
     * An LCCN normalised per the Library of Congress rules: blanks removed, anything after '/'
     * dropped, and a hyphenated serial number zero-padded to six digits; null when nothing is left.
     */
    public static String lccn(String raw) {
        String v = DisplayText.clean(raw);
        if (v == null) {
            return null;
        }
        v = v.replace(" ", "");
        int slash = v.indexOf('/');
        if (slash >= 0) {
            v = v.substring(0, slash);
        }
        int hyphen = v.indexOf('-');
        if (hyphen >= 0) {
            String left = v.substring(0, hyphen);
            String right = v.substring(hyphen + 1).replace("-", "");
            if (right.matches("\\d{1,6}")) {
                right = "0".repeat(6 - right.length()) + right;
            }
            v = left + right;
        }
        v = v.toLowerCase(Locale.ROOT);
        return v.isEmpty() ? null : v;
    }

    /** The ISSN in {@code raw} as "1234-5678" when its check digit is right, else null. */
    public static String validIssn(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = ISSN.matcher(raw);
        if (!m.find()) {
            return null;
        }
        String digits = (m.group(1) + m.group(2)).toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return digits.charAt(7) == expected ? digits.substring(0, 4) + "-" + digits.substring(4) : null;
    }
}
