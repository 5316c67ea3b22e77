package org.navette.connector.opac.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.navette.connector.opac.internal.PageInterpreter.NothingFound;
import org.navette.connector.opac.internal.PageInterpreter.Reading;
import org.navette.connector.opac.internal.PageInterpreter.ResultList;
import org.navette.connector.opac.internal.PageInterpreter.SingleRecord;
import org.navette.model.RawRecord;
import org.navette.target.TargetException;

/**
 * Reads a page already in hand with a profile, as a search's answer: no request is sent and no
 * record page followed. For {@code opac-check --page} and the extraction benchmarks.
 *
 * <pre>{@code
 * OfflineReader.Result r = new OfflineReader((ProfileSpec) OpacProfile.builtIn("bib2"))
 *         .read("club", "https://opac.example.org/bib2/list", bytes, null);
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe (the trace is per run); cheap to create.
 */
public final class OfflineReader {
    private final ProfileSpec profile;
    private final Trace trace;
    private final RecordAssembler assembler = new RecordAssembler();

    public OfflineReader(ProfileSpec profile) {
        this(profile, Trace.NONE);
    }

    OfflineReader(ProfileSpec profile, Trace trace) {
        this.profile = profile;
        this.trace = trace;
    }

    /** What the page holds: the hit count it states (or the items found) and its records. */
    public record Result(Long hits, List<RawRecord> records) {
        public Result {
            records = List.copyOf(records);
        }
    }

    /**
     * @param headerCharset the charset a server declared for the page, or null to read it from the page
     * @throws TargetException for an error page or a page that does not match the profile
     */
    public Result read(String targetId, String pageUrl, byte[] body, String headerCharset) {
        PageInterpreter reader = new PageInterpreter(profile, trace, Deadline.none());
        Page page = Page.parse(profile, pageUrl, body, headerCharset);
        Reading reading = reader.readSearchPage(page);
        if (reading instanceof NothingFound) {
            return new Result(0L, List.of());
        }
        if (reading instanceof SingleRecord s) {
            Scraped r = s.record().detailUrl() == null
                    ? s.record().completedBy(new Scraped(Map.of(), List.of(), page.url())) : s.record();
            return new Result(1L, List.of(RawRecord.scraped(assembler.assemble(targetId, 1, r))));
        }
        ResultList list = (ResultList) reading;
        List<RawRecord> records = new ArrayList<>(list.items().size());
        int position = 0;
        for (Scraped item : list.items()) {
            records.add(RawRecord.scraped(assembler.assemble(targetId, ++position, item)));
        }
        return new Result(list.hits() != null ? list.hits() : (long) records.size(), records);
    }
}
