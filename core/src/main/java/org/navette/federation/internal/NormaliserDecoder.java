package org.navette.federation.internal;

import java.util.Objects;
import org.navette.model.RawRecord;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/**
 * The {@link RecordDecoder} of every federation: Navette's one {@link Normaliser}.
 *
 * <pre>{@code
 * RecordDecoder d = NormaliserDecoder.ofDefaults();
 * }</pre>
 *
 * <p>Thread-safety: immutable (the normaliser is).
 */
public final class NormaliserDecoder implements RecordDecoder {
    private static final NormaliserDecoder DEFAULTS = new NormaliserDecoder(Normaliser.ofDefaults());

    private final Normaliser normaliser;

    private NormaliserDecoder(Normaliser normaliser) {
        this.normaliser = normaliser;
    }

    public static NormaliserDecoder ofDefaults() {
        return DEFAULTS;
    }

    public static NormaliserDecoder of(Normaliser normaliser) {
        return new NormaliserDecoder(Objects.requireNonNull(normaliser, "normaliser"));
    }

    @Override
    public Decoded decode(RawRecord raw, long position) {
        ReadResult r = normaliser.normalise(raw, position);
        return new Decoded(r.record(), r.problems());
    }
}
