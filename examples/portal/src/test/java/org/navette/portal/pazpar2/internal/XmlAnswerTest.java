package org.navette.portal.pazpar2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.navette.portal.pazpar2.Pz2Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlAnswerTest {

    @Test
    void textAndAttributesAreEscapedAndReadBackUnchanged() {
        String nasty = "Tom & Jerry <b>\"quoted\" 'single'</b> ]]> \t tab";
        String xml = new XmlAnswer().open("show").element("md-title", nasty).empty("x", "name", nasty).close().toXml();

        Document d = Pz2Xml.parse(xml);
        assertThat(Pz2Xml.text(d.getDocumentElement(), "md-title")).isEqualTo(nasty);
        assertThat(Pz2Xml.children(d.getDocumentElement(), "x").get(0).getAttribute("name")).isEqualTo(nasty);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void charactersXmlCannotCarryAreLeftOutAndTheRestKept() {
        String withControls = "a\u0000b\u001Bc\uFFFEd\uD800e\uDC00f\u0085g \uD83D\uDE00 é";
        String xml = new XmlAnswer().open("r").element("t", withControls).close().toXml();

        Document d = Pz2Xml.parse(xml);
        assertThat(Pz2Xml.text(d.getDocumentElement(), "t")).isEqualTo("abcdef\u0085g \uD83D\uDE00 é");
        for (char c : xml.toCharArray()) {
            assertThat(c < 0x20 && c != '\n' && c != '\t' && c != '\r').as("control U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void anErrorIsPazpar2sErrorElementWithCodeMessageAndAddInfo() {
        String xml = new CommandException(Pz2Error.NO_SESSION, "42 & <x>").toXml();

        Element e = Pz2Xml.parse(xml).getDocumentElement();
        assertThat(e.getTagName()).isEqualTo("error");
        assertThat(e.getAttribute("code")).isEqualTo("1");
        assertThat(e.getAttribute("msg")).isEqualTo("Session does not exist or it has expired");
        assertThat(e.getTextContent()).isEqualTo("42 & <x>");
    }

    @Test
    void anUnclosedDocumentIsAProgrammingErrorNotAnAnswer() {
        XmlAnswer x = new XmlAnswer().open("show");
        assertThatThrownBy(x::toXml).isInstanceOf(IllegalStateException.class).hasMessageContaining("show");
        assertThatThrownBy(() -> new XmlAnswer().close()).isInstanceOf(IllegalStateException.class);
    }
}
