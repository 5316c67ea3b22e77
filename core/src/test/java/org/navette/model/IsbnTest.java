package org.navette.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IsbnTest {
    @Test
    void anIsbn10WithQualifierBecomesIsbn13KeepingTheIsbn10() {
        Isbn isbn = Isbn.parse("0-8369-6843-3 (pbk.)").orElseThrow();
        assertThat(isbn.isbn13()).isEqualTo("9780836968439");
        assertThat(isbn.isbn10()).isEqualTo("0836968433");
        assertThat(isbn.qualifier()).isEqualTo("pbk.");
    }

    @Test
    void anIsbn10EndingInXIsAccepted() {
        assertThat(Isbn.parse("080442957X").orElseThrow().isbn13()).isEqualTo("9780804429573");
    }

    @Test
    void aHyphenatedIsbn13IsCompacted() {
        Isbn isbn = Isbn.parse("978-2-07-040922-8").orElseThrow();
        assertThat(isbn.isbn13()).isEqualTo("9782070409228");
        assertThat(isbn.isbn10()).isEqualTo("2070409228");
    }

    @Test
    void a979IsbnHasNoIsbn10() {
        assertThat(Isbn.parse("979-10-90636-07-1").orElseThrow().isbn10()).isNull();
    }

    @Test
    void aWrongCheckDigitIsNotAnIsbn() {
        assertThat(Isbn.parse("0836968434")).isEmpty();
        assertThat(Isbn.parse("9782070409229")).isEmpty();
        assertThat(Isbn.parse("no isbn here")).isEmpty();
        assertThat(Isbn.parse(null)).isEmpty();
    }

    @Test
    void constructingWithABadIsbn13NamesTheValue() {
        assertThatThrownBy(() -> new Isbn("123", null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("123");
    }
}
