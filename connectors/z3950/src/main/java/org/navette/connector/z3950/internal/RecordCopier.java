package org.navette.connector.z3950.internal;

import com.sun.jna.ptr.IntByReference;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;

/**
 * Copies one ZOOM record out of native memory into a {@link RawRecord}: the bytes as the target sent
 * them (or converted to UTF-8 by YAZ when the target is configured so), the syntax it actually came
 * in (targets may answer with another syntax than the one asked for), the format hint and the
 * declared character set. A record that cannot be used becomes a warning, never an exception.
 *
 * <pre>{@code
 * RecordCopier copier = new RecordCopier(settings);
 * RecordCopier.Copy c = copier.copy(zoomRecord, 1, new IntByReference());
 * if (c.record() != null) chunk.add(c.record()); else warn(c.problem());
 * }</pre>
 *
 * <p>Thread-safety: immutable; the records it reads are not (see {@link ZoomRecord}).
 */
public final class RecordCopier {
    private static final CString SYNTAX = CString.of("syntax");
    private static final CString RAW = CString.of("raw");

    private final Z3950Settings settings;
    private final CString isoType;
    private final CString xmlType;

    public RecordCopier(Z3950Settings settings) {
        this.settings = settings;
        String conversion = settings.convertCharset() ? "; charset=" + settings.charset() + ",utf-8" : "";
        this.isoType = CString.of("raw" + conversion);
        this.xmlType = CString.of("xml" + conversion);
    }

    /** A copied record or the reason there is none. */
    public record Copy(RawRecord record, TargetDiagnostic problem) {
    }

    /**
     * Copies the record at 1-based {@code position}; {@code length} is a scratch cell owned by the
     * calling thread, reused for every record.
     */
    public Copy copy(ZoomRecord zr, long position, IntByReference length) {
        ZoomError e = zr.error();
        if (e.isError()) {
            return new Copy(null, ZoomDiagnostics.recordFailed(e, position));
        }
        String syntax = zr.text(SYNTAX, length);
        String s = syntax == null ? "" : syntax.toLowerCase(Locale.ROOT);
        if (s.equals("opac")) {
            // holdings travel with the bibliographic record: YAZ renders both as one opacRecord XML document
            return made(zr.bytes(xmlType, length), RecordSyntax.MARCXML, settings.format(),
                    settings.convertCharset() || settings.charset() == null ? "UTF-8" : settings.charset(), position, syntax);
        }
        if (s.contains("xml")) {
            byte[] xml = zr.bytes(RAW, length);
            RecordSyntax rs = xmlSyntax(xml);
            RecordFormat format;
            if (rs == RecordSyntax.DUBLIN_CORE_XML) {
                format = RecordFormat.DUBLIN_CORE;
            } else {
                format = settings.format() == RecordFormat.DUBLIN_CORE ? null : settings.format();
            }
            return made(xml, rs, format, settings.charset(), position, syntax);
        }
        if (s.endsWith("marc") || s.equals("marc21")) {
            RecordFormat format = settings.format() != null ? settings.format()
                    : s.equals("unimarc") ? RecordFormat.UNIMARC : s.equals("usmarc") ? RecordFormat.MARC21 : null;
            return made(zr.bytes(isoType, length), RecordSyntax.ISO2709, format,
                    settings.convertCharset() ? "UTF-8" : settings.charset(), position, syntax);
        }
        return new Copy(null, new TargetDiagnostic(DiagnosticKind.RECORD_FAILED, null,
                "record " + position + " came in record syntax " + syntax
                        + ", which Navette cannot read; configure syntax usmarc, unimarc or xml", null, false));
    }

    private Copy made(byte[] bytes, RecordSyntax syntax, RecordFormat format, String charset, long position,
                      String zoomSyntax) {
        if (bytes == null || bytes.length == 0) {
            return new Copy(null, new TargetDiagnostic(DiagnosticKind.RECORD_FAILED, null,
                    "record " + position + " (" + zoomSyntax + ") is empty or could not be rendered"
                            + (settings.convertCharset() ? " from character set " + settings.charset() : ""),
                    null, false));
        }
        return new Copy(RawRecord.of(settings.targetId(), syntax, bytes, format, charset), null);
    }

    /** Dublin Core or MARCXML, from the namespaces near the start of the document. */
    static RecordSyntax xmlSyntax(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 1024), StandardCharsets.ISO_8859_1);
        if (head.contains("www.loc.gov/MARC21/slim") || head.contains("marcxchange")) {
            return RecordSyntax.MARCXML;
        }
        if (head.contains("purl.org/dc/") || head.contains("srw_dc")) {
            return RecordSyntax.DUBLIN_CORE_XML;
        }
        return RecordSyntax.MARCXML;
    }
}
