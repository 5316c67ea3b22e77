package org.navette.connector.sru.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;

/**
 * Names what an {@link IOException} from OkHttp means for the search: the target could not be
 * reached (retryable), it did not answer in time, the search was cancelled, or its answer broke off.
 *
 * <p>Thread-safety: stateless.
 */
final class NetworkFailures {
    private NetworkFailures() {
    }

    /**
     * @param e              what OkHttp threw
     * @param answered       true when the status line had arrived (the failure hit the body)
     * @param timedOut       true when the search's time budget is spent (OkHttp's call timeout fired)
     * @param cancelled      true when the caller cancelled or the connector was closed
     * @param timeoutSeconds the budget, for the message
     */
    static TargetDiagnostic classify(IOException e, boolean answered, boolean timedOut, boolean cancelled,
                                     double timeoutSeconds) {
        if (cancelled) {
            return TargetDiagnostic.of(DiagnosticKind.CANCELLED, "search cancelled");
        }
        if (timedOut || e instanceof SocketTimeoutException
                || e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return TargetDiagnostic.of(DiagnosticKind.TIMEOUT, null,
                    String.format(Locale.ROOT, "no complete answer within %.1f s", timeoutSeconds),
                    answered ? "the response body was still arriving" : null);
        }
        if (answered) {
            return TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, null,
                    "response broken off: " + describe(e), null);
        }
        if (e instanceof ProtocolException || sentBytesThatAreNotHttp(e)) {
            return TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, null, "not an HTTP answer: " + describe(e), null);
        }
        String code;
        if (e instanceof ConnectException) {
            code = "net:ECONNREFUSED";
        } else if (e instanceof UnknownHostException) {
            code = "net:UNKNOWN_HOST";
        } else if (e instanceof NoRouteToHostException) {
            code = "net:EHOSTUNREACH";
        } else if (e instanceof SSLException) {
            return TargetDiagnostic.of(DiagnosticKind.CONNECT_FAILED, "net:TLS", "TLS handshake failed: " + describe(e), null);
        } else if (e instanceof SocketException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
            code = "net:ECONNRESET";
        } else {
            code = "net:IO";
        }
        // nothing was answered: retrying an SRU read cannot duplicate any effect
        return new TargetDiagnostic(DiagnosticKind.CONNECT_FAILED, code, "connection failed: " + describe(e), null, true);
    }

    /**
     * OkHttp reports a connection closed before a full status line as "unexpected end of stream" with
     * an EOFException saying how many bytes it had ({@code limit=N}): none means the server hung up
     * without answering (connect-level), some means it sent something that is not HTTP.
     */
    private static boolean sentBytesThatAreNotHttp(IOException e) {
        Throwable cause = e.getCause();
        String m = cause instanceof EOFException ? String.valueOf(cause.getMessage()) : "";
        return m.contains("limit=") && !m.contains("limit=0 ");
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
