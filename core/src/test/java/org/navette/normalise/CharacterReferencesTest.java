package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharacterReferencesTest {
    @Test
    void numericNamedAndDoublyEscapedReferencesAreDecoded() {
        assertThat(CharacterReferences.decode("M&#252;ller")).isEqualTo("Müller");
        assertThat(CharacterReferences.decode("Caf&#x00E9; &#X00e9;")).isEqualTo("Café é");
        assertThat(CharacterReferences.decode("Smith &amp; Sons &lt;1&gt;")).isEqualTo("Smith & Sons <1>");
        assertThat(CharacterReferences.decode("G&ouml;del, Escher &Agrave; la carte")).isEqualTo("Gödel, Escher À la carte");
        assertThat(CharacterReferences.decode("K&amp;#246;ln")).isEqualTo("Köln");
        assertThat(CharacterReferences.contains("K&#246;ln")).isTrue();
    }

    @Test
    void textThatIsNotAReferenceIsKept() {
        String plain = "AT&T; R&D & more &unknown; &#; &#xZZ; &#0; &#xD800; &#99999999; & #246;";
        assertThat(CharacterReferences.decode(plain)).isSameAs(plain);
        assertThat(CharacterReferences.contains(plain)).isFalse();
        assertThat(CharacterReferences.decode(null)).isNull();
        assertThat(CharacterReferences.decode("no ampersand")).isEqualTo("no ampersand");
    }
}
