package org.navette.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the saved OPAC picks its page: the searched words of the posted form against the saved lists' text. */
class SavedOpacSiteTest {
    @Test
    void theSearchWordsAreTheFormsSearchFieldsDecodedAsLatin1AndFolded() {
        String form = "KEYS=&F001=&%3AStichwort%2BF002%2BF003%2BF004%2BF016%2BF031%2BF032=Kletterf%FChrer*&C105=AND&F006%2BF007=Schwertner";

        assertThat(SavedOpacSite.searchWords(form)).containsExactly("kletterführer", "schwertner");
    }

    @Test
    void aWordOfTheShortListGetsItAWordOnlyInTheLongListGetsThatOneAndOtherWordsNothingFound() throws Exception {
        try (SavedOpacSite site = SavedOpacSite.start()) {
            assertThat(site.resultPageFor(List.of("frankenjura"))).isEqualTo("opac/searchresult_single.htm");
            assertThat(site.resultPageFor(List.of("klettersteige"))).isEqualTo("opac/searchresult_multi_page1.htm");
            assertThat(site.resultPageFor(List.of("klettersteige", "canada"))).isEqualTo("opac/searchresult_nothing_found.htm");
            assertThat(site.resultPageFor(List.of())).isEqualTo("opac/searchresult_nothing_found.htm");
        }
    }
}
