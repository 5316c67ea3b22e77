package org.navette.ill.iso18626.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** {@code xs:dateTime} to and from {@link Instant}. */
public final class XmlDateTime {
    private XmlDateTime() {
    }

    /**
     * An {@code xs:dateTime}; one with no offset is taken as UTC, since the schema allows it and
     * every peer we have seen writes UTC when it writes an offset at all.
     *
     * @throws DateTimeParseException if the text is no date-time
     */
    public static Instant parse(String text) {
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(text.strip());
        if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(t).toInstant();
        }
        return LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
    }

    /** In UTC with a {@code Z}, fractions only when there are any: {@code 2026-12-07T08:00:00Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
