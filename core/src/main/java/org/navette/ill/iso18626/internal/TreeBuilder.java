package org.navette.ill.iso18626.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/** Collects the validated SAX events into {@link XmlElement}s, keeping each element's position. */
public final class TreeBuilder extends DefaultHandler {
    private final Deque<XmlElement> open = new ArrayDeque<>();
    private @Nullable Locator locator;
    private @Nullable XmlElement root;

    @Override
    public void setDocumentLocator(Locator l) {
        locator = l;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        XmlElement e = new XmlElement(localName, locator == null ? -1 : locator.getLineNumber(),
                locator == null ? -1 : locator.getColumnNumber());
        if (open.isEmpty()) {
            root = e;
        } else {
            open.peek().add(e);
        }
        open.push(e);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!open.isEmpty()) {
            open.peek().appendText(ch, start, length);
        }
    }

    /** The document element, once the parse has ended. */
    public @Nullable XmlElement root() {
        return root;
    }
}
