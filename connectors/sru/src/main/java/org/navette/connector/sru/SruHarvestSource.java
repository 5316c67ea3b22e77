package org.navette.connector.sru;

import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.SourceSink;
import org.navette.connector.sru.internal.HarvestHttp;
import org.navette.connector.sru.internal.SourceSpecs;
import org.navette.connector.sru.internal.SruHarvester;
import org.navette.normalise.Normaliser;

/**
 * An SRU server's result set as a union catalogue source: spec {@code sru:URL#query=CQL}, optionally
 * with {@code &schema=marcxml} (the recordSchema, default {@code marcxml}), {@code &version=1.1|1.2|2.0}
 * (default 1.2) and {@code &pageSize=N} (maximumRecords per request, default 50). A {@code &} inside
 * the query is written {@code %26}. Found by {@link CatalogueSource#open(String)} through
 * {@link SruHarvestSourceFactory}.
 *
 * <pre>{@code
 * catalogue.load("bib-dole", CatalogueSource.open(
 *         "sru:http://opac.example.org:2100/biblios#query=rec.id>0&schema=marcxml"));
 * catalogue.harvest();   // reads the whole result again; unchanged records are not written
 * }</pre>
 *
 * <p>What a harvest does: SRU has no standard "changed since" query, so every read pages through
 * the whole result ({@code startRecord}/{@code maximumRecords}, as the connector's searches do).
 * The catalogue recognises unchanged records by their fingerprints and writes only new and changed
 * ones. It is <em>not</em> a full export ({@link #fullExport()} is false), so records missing from a
 * read are not deleted: a server that caps its result sets, a query that matches differently after
 * a reindex, or a page the server skipped would otherwise delete good records. Use OAI-PMH (which
 * reports deletions) or a MARC file export when deletions must reach the catalogue. The state
 * returned is the time the read began; it is recorded but not used to narrow the next read.
 *
 * <p>A page that fails (HTTP error, malformed or non-SRU answer, a fatal SRU diagnostic, a 503)
 * fails the read with a {@link org.navette.catalogue.CatalogueException} after the pages before
 * it were delivered. A record the server could not deliver (a surrogate diagnostic) is delivered
 * as unreadable, with the server's reason; the rest go on. Records are identified by their 001.
 *
 * <p>Thread-safety: immutable configuration; one read at a time per instance.
 */
public final class SruHarvestSource implements CatalogueSource {
    private final String spec;
    private final SruHarvester harvester;

    private SruHarvestSource(Builder b) {
        this.spec = b.spec;
        SourceSpecs.Parsed p = SourceSpecs.parse(b.spec, "sru", SruHarvester.OPTIONS);
        this.harvester = new SruHarvester(b.spec, p.url(), p.options(),
                b.client != null ? b.client : HarvestHttp.shared(), b.clock);
    }

    /**
     * A source with the shared HTTP client.
     *
     * @throws IllegalArgumentException when the spec is malformed, saying what is wrong
     */
    public static SruHarvestSource fromSpec(String spec) {
        return builder(spec).build();
    }

    public static Builder builder(String spec) {
        return new Builder(spec);
    }

    @Override
    public String spec() {
        return spec;
    }

    /** False: see the class comment on why a read that misses records must not delete them. */
    @Override
    public boolean fullExport() {
        return false;
    }

    /** Reads the whole result whatever the state; returns the time the read began. */
    @Override
    public String read(@Nullable String state, Normaliser normaliser, SourceSink sink) {
        return harvester.harvest(normaliser, sink);
    }

    @Override
    public String toString() {
        return "SRU harvest " + spec;
    }

    /** Configures an {@link SruHarvestSource}. Not thread-safe. */
    public static final class Builder {
        private final String spec;
        private @Nullable OkHttpClient client;
        private Clock clock = Clock.systemUTC();

        private Builder(String spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** The OkHttp client; default one client shared by every harvest source. */
        public Builder httpClient(OkHttpClient client) {
            this.client = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** The clock that dates the returned state. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws IllegalArgumentException when the spec is malformed (scheme, URL, options) */
        public SruHarvestSource build() {
            return new SruHarvestSource(this);
        }
    }
}
