package org.navette.connector.opac.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.navette.connector.opac.internal.ProfileSpec.PageFormat;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * A fetched page, decoded and parsed: an HTML document (Jsoup, lenient: malformed HTML is read
 * the way browsers read it) or a JSON tree.
 *
 * <p>Thread-safety: not thread-safe; confined to one search.
 */
final class Page {
    /** How far into a page a {@code <meta charset>} is looked for (HTML says: within the first 1024 bytes; real pages are sloppier). */
    private static final int META_SCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Browsers' HTML parsers stop nesting at 512 levels too; real OPAC pages stay below 20. */
    static final int MAX_DEPTH = 512;

    private final String url;
    private final PageNode root;
    private final String charset;

    private Page(String url, PageNode root, String charset) {
        this.url = url;
        this.root = root;
        this.charset = charset;
    }

    /** The page's final URL (after redirects): relative links resolve against it. */
    String url() {
        return url;
    }

    PageNode root() {
        return root;
    }

    /** The character set the page was decoded with. */
    String charset() {
        return charset;
    }

    /**
     * Decodes and parses a page the way the profile says.
     *
     * @param headerCharset the charset of the Content-Type header, or null
     * @throws TargetException BAD_RESPONSE when a JSON API returned something that is not JSON
     */
    static Page parse(ProfileSpec profile, String url, byte[] body, String headerCharset) {
        Charset charset = charsetOf(body, headerCharset, profile.charset());
        String text = decode(body, charset);
        if (profile.format() == PageFormat.JSON) {
            return new Page(url, PageNode.of(json(profile, url, text)), charset.name());
        }
        if (profile.unwrapDocumentWrite()) {
            text = DocumentWriteUnwrapper.unwrap(text);
        }
        Document doc = Parser.htmlParser().parseInput(text, url);
        int depth = depthBeyond(doc, MAX_DEPTH);
        if (depth > MAX_DEPTH) {
            // selectors walk ancestors and :contains reads whole subtrees: on thousands of levels that is
            // quadratic, so a hostile page could hold a search for minutes (fuzzing found one)
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, "opac:too-deep",
                    "profile " + profile.name() + ": the page nests elements more than " + MAX_DEPTH
                            + " levels deep; not read", url));
        }
        return new Page(url, PageNode.of(doc), charset.name());
    }

    /** The depth of the deepest element, or the first depth found beyond {@code limit} (the scan stops there). */
    static int depthBeyond(Document doc, int limit) {
        int[] max = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                max[0] = Math.max(max[0], depth);
                return depth > limit ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, doc);
        return max[0];
    }

    private static JsonNode json(ProfileSpec profile, String url, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, null,
                        "profile " + profile.name() + ": empty answer where JSON was expected", url));
            }
            return node;
        } catch (JacksonException e) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, null,
                    "profile " + profile.name() + ": the answer is not JSON: " + e.getOriginalMessage(), url));
        }
    }

    /**
     * The charset to decode with: the Content-Type header's, else a byte-order mark, else the
     * page's {@code <meta>} declaration, else the profile's, else UTF-8. Unknown names fall through.
     */
    static Charset charsetOf(byte[] body, String headerCharset, Charset profileCharset) {
        Charset c = known(headerCharset);
        if (c != null) {
            return c;
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            c = known(m.group(1));
            if (c != null) {
                return c;
            }
        }
        return profileCharset != null ? profileCharset : StandardCharsets.UTF_8;
    }

    private static Charset known(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset c = Charset.forName(name.strip().toLowerCase(Locale.ROOT));
            // browsers read "iso-8859-1" as windows-1252; so do we (it is a superset for text)
            return c.equals(StandardCharsets.ISO_8859_1) ? Charset.forName("windows-1252") : c;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes, replacing malformed bytes with U+FFFD: a wrongly declared charset must not lose the page. */
    static String decode(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String s = decoder.decode(ByteBuffer.wrap(body)).toString();
            return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            // cannot happen with REPLACE; keep the page readable anyway
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }
}
