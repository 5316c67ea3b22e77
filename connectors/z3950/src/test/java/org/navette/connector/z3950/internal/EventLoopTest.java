package org.navette.connector.z3950.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.navette.model.RecordSyntax;

/** The small pure pieces of the event loop and the record copier. */
class EventLoopTest {
    @Test
    void pollResultsBecomeZoomSocketEvents() {
        assertThat(EventLoop.zoomMask(LibC.POLLIN)).isEqualTo(Yaz.SELECT_READ);
        assertThat(EventLoop.zoomMask(LibC.POLLOUT)).isEqualTo(Yaz.SELECT_WRITE);
        assertThat(EventLoop.zoomMask(LibC.POLLHUP)).as("a hang-up is read as end of stream").isEqualTo(Yaz.SELECT_READ);
        assertThat(EventLoop.zoomMask(LibC.POLLERR | LibC.POLLOUT)).isEqualTo(Yaz.SELECT_EXCEPT | Yaz.SELECT_WRITE);
        assertThat(EventLoop.zoomMask(0)).isZero();
    }

    @Test
    void xmlRecordsAreToldApartByTheirNamespace() {
        assertThat(RecordCopier.xmlSyntax(bytes("<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader/>")))
                .isEqualTo(RecordSyntax.MARCXML);
        assertThat(RecordCopier.xmlSyntax(bytes("<?xml version=\"1.0\"?>\n<dc:dc xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")))
                .isEqualTo(RecordSyntax.DUBLIN_CORE_XML);
        assertThat(RecordCopier.xmlSyntax(bytes("<mx:record xmlns:mx=\"info:lc/xmlns/marcxchange-v2\">")))
                .isEqualTo(RecordSyntax.MARCXML);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
