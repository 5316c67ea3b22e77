package org.navette.ill.iso18626;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.navette.ill.iso18626.internal.MessageEncoder;

/**
 * Writes ISO 18626 v1.2 messages: an {@code ill:ISO18626Message} with {@code ill:version="1.2"},
 * UTF-8, date-times in UTC ({@code 2026-12-07T08:00:00Z}), elements in the schema's order, so
 * that {@link Iso18626Reader} (and any peer validating against the schema) accepts what it writes.
 *
 * <pre>{@code
 * Iso18626Writer writer = Iso18626Writer.ofDefaults();
 * String xml = writer.write(Iso18626Message.confirm(incoming, clock.instant(), null));
 * writer.writeTo(message, response.getOutputStream());
 * }</pre>
 *
 * <p>Thread-safety: stateless, safe to share.
 */
public final class Iso18626Writer {

    private Iso18626Writer() {
    }

    /** The writer; it has no settings, the format being fixed by the schema. */
    public static Iso18626Writer ofDefaults() {
        return new Iso18626Writer();
    }

    /**
     * The message as a UTF-8 XML document.
     *
     * @throws IllegalArgumentException if a text holds a character XML 1.0 cannot carry, naming the element
     */
    public String write(Iso18626Message message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        writeTo(message, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the message to {@code out} in UTF-8; {@code out} is flushed, not closed.
     *
     * @throws IllegalArgumentException if a text holds a character XML 1.0 cannot carry (a control
     *                                  character pasted into a note), naming the element
     * @throws Iso18626Exception        if {@code out} fails while writing
     */
    public void writeTo(Iso18626Message message, OutputStream out) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        try {
            // a factory per call: XMLOutputFactory promises no thread-safety, and this writer is shared
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            MessageEncoder.encode(message, xml);
            xml.close();
        } catch (XMLStreamException e) {
            throw new Iso18626Exception("cannot write the " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
