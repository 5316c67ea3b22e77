package org.navette.connector.opac.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.navette.connector.opac.OpacProfile;
import org.navette.target.TargetException;

/**
 * Arbitrary bytes served as an OPAC page, read with every built-in profile as a result page and as
 * a record page: the only exception allowed out is our typed {@link TargetException}.
 *
 * <p>The first byte picks the profile, the rest is the page. Seeds (real pages and hostile ones)
 * are under {@code OpacPageFuzzTestInputs/anyPageEndsInRecordsOrATypedError}; {@code mvn test}
 * replays them, {@code JAZZER_FUZZ=1} fuzzes.
 */
class OpacPageFuzzTest {
    private static final List<ProfileSpec> PROFILES = OpacProfile.builtInNames().stream()
            .map(name -> (ProfileSpec) OpacProfile.builtIn(name)).toList();
    private final RecordAssembler assembler = new RecordAssembler();

    @FuzzTest(maxDuration = "60s")
    void anyPageEndsInRecordsOrATypedError(byte[] data) {
        if (data.length == 0) {
            return;
        }
        ProfileSpec profile = PROFILES.get((data[0] & 0xFF) % PROFILES.size());
        byte[] page = java.util.Arrays.copyOfRange(data, 1, data.length);
        String url = "https://opac.example.org/search?q=x";
        Deadline deadline = Deadline.none();
        PageInterpreter reader = new PageInterpreter(profile, Trace.NONE, deadline);
        try {
            Page p = Page.parse(profile, url, page, (data[0] & 0x80) != 0 ? "ISO-8859-1" : null);
            PageInterpreter.Reading reading = reader.readSearchPage(p);
            if (reading instanceof PageInterpreter.ResultList list) {
                int position = 0;
                for (Scraped s : list.items()) {
                    assembler.assemble("fuzz", ++position, s);
                }
            } else if (reading instanceof PageInterpreter.SingleRecord single) {
                assembler.assemble("fuzz", 1, single.record());
            }
        } catch (TargetException expected) {
            // a typed diagnostic is the contract for a page the profile cannot read
        }
        if (profile.detail() != null && profile.detail().holdings() != null) {
            try {
                Page p = Page.parse(profile, url, page, null);
                assembler.assemble("fuzz", 1, reader.readRecordPage(p, 1).withHoldings(reader.readHoldingsPage(p)));
                reader.holdingsPageUrl(p);
            } catch (TargetException expected) {
                // as above
            }
        }
    }
}
