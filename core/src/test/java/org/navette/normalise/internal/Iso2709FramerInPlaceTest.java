package org.navette.normalise.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing bytes in place (one record from a target) gives the frames that framing them as a stream gives. */
class Iso2709FramerInPlaceTest {
    private static final String FILE = "/org/navette/normalise/corpus/2-unimarc/medialab-reference_manager/cotes8.mrc";

    @Test
    void inPlaceFramesEqualStreamFrames() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream(FILE)) {
            assertNotNull(in, FILE);
            file = in.readAllBytes();
        }
        byte[] untouched = file.clone();
        List<Iso2709Framer.Frame> streamed = frames(new Iso2709Framer(new ByteArrayInputStream(file), "f", 1 << 20));
        List<Iso2709Framer.Frame> inPlace = frames(new Iso2709Framer(file, "f", 1 << 20));
        assertEquals(streamed.size(), inPlace.size());
        for (int i = 0; i < streamed.size(); i++) {
            assertEquals(streamed.get(i).byteOffset(), inPlace.get(i).byteOffset());
            assertEquals(streamed.get(i).problems(), inPlace.get(i).problems());
            assertEquals(streamed.get(i).readable(), inPlace.get(i).readable());
            assertArrayEquals(streamed.get(i).bytes(), inPlace.get(i).bytes());
        }
        assertArrayEquals(untouched, file, "the caller's bytes are left as they were");
    }

    @Test
    void truncatedBytesInPlaceAreReportedLikeAStream() throws IOException {
        byte[] cut = "00120nam  2200049   4500".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Iso2709Framer.Frame s = new Iso2709Framer(new ByteArrayInputStream(cut), "f", 1 << 20).next();
        Iso2709Framer framer = new Iso2709Framer(cut, "f", 1 << 20);
        Iso2709Framer.Frame p = framer.next();
        assertEquals(s.problems(), p.problems());
        assertEquals(s.readable(), p.readable());
        assertNull(framer.next());
    }

    private static List<Iso2709Framer.Frame> frames(Iso2709Framer framer) throws IOException {
        List<Iso2709Framer.Frame> out = new ArrayList<>();
        for (Iso2709Framer.Frame f = framer.next(); f != null; f = framer.next()) {
            out.add(f);
        }
        return out;
    }
}
