package org.navette.catalogue.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.marc4j.MarcXmlReader;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;
import org.navette.catalogue.CatalogueException;

/**
 * The stored form of a member record: the decoded marc4j record as one MARCXML {@code <collection>}
 * in UTF-8, and its SHA-256 fingerprint. Both directions are lossless for what marc4j decoded, so
 * an export gives back what the library sent, modulo the encoding.
 */
public final class MarcXmlCodec {
    private MarcXmlCodec() {
    }

    /** The record as MARCXML text. */
    public static String toXml(Record marc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", false);
        writer.write(marc);
        writer.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The record stored as {@code xml}; a store returning something else is a {@link CatalogueException}. */
    public static Record fromXml(String xml, String memberId) {
        // marc4j's MarcXmlReader uses the JDK's SAX parser; the stored text was written by us, and
        // a DOCTYPE in it would be refused by the JDK's secure-processing defaults for entity expansion.
        try {
            MarcXmlReader reader = new MarcXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            if (!reader.hasNext()) {
                throw new CatalogueException("stored member " + memberId + " has no MARCXML record");
            }
            return reader.next();
        } catch (RuntimeException e) {
            if (e instanceof CatalogueException ce) {
                throw ce;
            }
            throw new CatalogueException("stored member " + memberId + " has unreadable MARCXML: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
    public static String fingerprint(String xml) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
